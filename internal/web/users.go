package web

import (
	"net/http"
	"strconv"

	"plenum/internal/auth"
	"plenum/internal/problem"
	"plenum/internal/router"
)

type userFormData struct {
	User       auth.User
	Roles      []auth.Role
	Clearances []auth.Clearance
	New        bool
}

func clearances() []auth.Clearance {
	return []auth.Clearance{auth.ClassNone, auth.ClassMat, auth.ClassToiMat, auth.ClassTuyetMat}
}

func (h *Handler) users(w http.ResponseWriter, r *http.Request) error {
	users, err := h.app.Auth.Users(r.Context())
	if err != nil {
		return err
	}
	consumeFlash(w, r)
	return h.render(w, r, http.StatusOK, "users", &Page{Title: router.LangT(r, "users.title"), Data: users})
}

func (h *Handler) userForm(w http.ResponseWriter, r *http.Request, status int, u auth.User, isNew bool, f *Form) error {
	title := router.LangT(r, "users.new")
	if !isNew {
		title = u.DisplayName
	}
	if f == nil {
		f = &Form{Values: map[string][]string{
			"username": {u.Username}, "display_name": {u.DisplayName}, "email": {u.Email}, "role": {string(u.Role)},
			"clearance": {strconv.Itoa(int(u.Clearance))}, "unit_id": {h.unitName(r, u.UnitID)}, "lang": {u.Lang},
		}}
		if u.Disabled {
			f.Values.Set("disabled", "on")
		}
	}
	return h.render(w, r, status, "user_form", &Page{Title: title, Form: f,
		Data: userFormData{User: u, Roles: auth.Roles, Clearances: clearances(), New: isNew}})
}

// unitName is how a unit is shown in a form field: its current name (which
// resolveUnit reads back), or its number if it has none today.
func (h *Handler) unitName(r *http.Request, id int64) string {
	if id == 0 {
		return ""
	}
	if u, err := h.app.Org.Get(r.Context(), id, h.today()); err == nil && u.Alive {
		return u.Name
	}
	return strconv.FormatInt(id, 10)
}

func (h *Handler) newUserForm(w http.ResponseWriter, r *http.Request) error {
	return h.userForm(w, r, http.StatusOK, auth.User{Role: auth.RoleReader, Lang: "vi"}, true, nil)
}

// readAccess reads the role, clearance and unit fields shared by both forms.
func (h *Handler) readAccess(v *problem.Validation, r *http.Request) (auth.Role, auth.Clearance, int64) {
	c, ok := auth.ParseClearance(r.PostForm.Get("clearance"))
	v.Check(ok, "clearance", "error.invalid_choice")
	return auth.Role(r.PostForm.Get("role")), c, h.resolveUnit(r.Context(), v, "unit_id", r.PostForm.Get("unit_id"), h.today(), false)
}

func (h *Handler) createUser(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	var v problem.Validation
	role, c, unit := h.readAccess(&v, r)
	retry := func(f *Form) error { return h.userForm(w, r, http.StatusUnprocessableEntity, auth.User{}, true, f) }
	if err := v.Err(); err != nil {
		return h.formRetry(w, r, err, retry)
	}
	if c > router.Principal(r).User.Clearance {
		return h.formRetry(w, r, problem.InvalidField("clearance", "auth.clearance_above_own"), retry)
	}
	u, err := h.app.Auth.CreateUser(r.Context(), auth.NewUser{
		Username: r.PostForm.Get("username"), DisplayName: r.PostForm.Get("display_name"), Email: r.PostForm.Get("email"),
		Password: r.PostForm.Get("password"), Role: role, Clearance: c, UnitID: unit, Lang: r.PostForm.Get("lang"),
	})
	if err != nil {
		return h.formRetry(w, r, err, retry)
	}
	return redirect(w, r, "/admin/users/"+strconv.FormatInt(u.ID, 10), "users.created")
}

func (h *Handler) editUserForm(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	u, err := h.app.Auth.User(r.Context(), id)
	if err != nil {
		return err
	}
	consumeFlash(w, r)
	return h.userForm(w, r, http.StatusOK, u, false, nil)
}

func (h *Handler) updateUser(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	u, err := h.app.Auth.User(r.Context(), id)
	if err != nil {
		return err
	}
	retry := func(f *Form) error { return h.userForm(w, r, http.StatusUnprocessableEntity, u, false, f) }
	var v problem.Validation
	role, c, unit := h.readAccess(&v, r)
	if err := v.Err(); err != nil {
		return h.formRetry(w, r, err, retry)
	}
	name, email, lang := r.PostForm.Get("display_name"), r.PostForm.Get("email"), r.PostForm.Get("lang")
	disabled := r.PostForm.Get("disabled") != ""
	_, err = h.app.Auth.UpdateUser(r.Context(), router.Principal(r), id, auth.UserChange{DisplayName: &name, Email: &email,
		Role: &role, Clearance: &c, UnitID: &unit, Lang: &lang, Disabled: &disabled})
	if err != nil {
		return h.formRetry(w, r, err, retry)
	}
	return redirect(w, r, "/admin/users/"+strconv.FormatInt(id, 10), "users.saved")
}

func (h *Handler) resetPassword(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	u, err := h.app.Auth.User(r.Context(), id)
	if err != nil {
		return err
	}
	if err := h.app.Auth.SetPassword(r.Context(), id, r.PostForm.Get("password")); err != nil {
		return h.formRetry(w, r, err, func(f *Form) error { return h.userForm(w, r, http.StatusUnprocessableEntity, u, false, f) })
	}
	return redirect(w, r, "/admin/users/"+strconv.FormatInt(id, 10), "users.password_reset")
}
