package web

import (
	"net/http"
	"strconv"
	"strings"

	"plenum/internal/people"
	"plenum/internal/problem"
	"plenum/internal/router"
)

func (h *Handler) personForm(w http.ResponseWriter, r *http.Request, status int, p people.Person, f *Form) error {
	if f == nil {
		f = &Form{Values: map[string][]string{"full_name": {p.FullName}, "gender": {string(p.Gender)}, "note": {p.Note}}}
		if p.BirthYear != 0 {
			f.Values.Set("birth_year", strconv.Itoa(p.BirthYear))
		}
	}
	title := router.LangT(r, "people.new")
	if p.ID != 0 {
		title = p.FullName
	}
	return h.render(w, r, status, "person_form", &Page{Title: title, Form: f, Data: p})
}

func (h *Handler) newPersonForm(w http.ResponseWriter, r *http.Request) error {
	return h.personForm(w, r, http.StatusOK, people.Person{}, nil)
}

func (h *Handler) editPersonForm(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	p, err := h.app.People.GetPerson(r.Context(), id)
	if err != nil {
		return err
	}
	return h.personForm(w, r, http.StatusOK, p, nil)
}

func readPerson(v *problem.Validation, r *http.Request) people.PersonInput {
	in := people.PersonInput{FullName: r.PostForm.Get("full_name"), Gender: people.Gender(r.PostForm.Get("gender")), Note: r.PostForm.Get("note")}
	if s := strings.TrimSpace(r.PostForm.Get("birth_year")); s != "" {
		y, err := strconv.Atoi(s)
		if v.Check(err == nil, "birth_year", "error.invalid_number") {
			in.BirthYear = y
		}
	}
	return in
}

func (h *Handler) savePerson(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	var id int64
	if r.PathValue("id") != "" {
		var err error
		if id, err = router.PathID(r, "id"); err != nil {
			return err
		}
	}
	var v problem.Validation
	in := readPerson(&v, r)
	retry := func(f *Form) error {
		return h.personForm(w, r, http.StatusUnprocessableEntity, people.Person{ID: id, FullName: in.FullName}, f)
	}
	if err := v.Err(); err != nil {
		return h.formRetry(w, r, err, retry)
	}
	var p people.Person
	var err error
	if id == 0 {
		p, err = h.app.People.CreatePerson(r.Context(), in)
	} else {
		p, err = h.app.People.UpdatePerson(r.Context(), id, in)
	}
	if err != nil {
		return h.formRetry(w, r, err, retry)
	}
	return redirect(w, r, "/people/"+strconv.FormatInt(p.ID, 10), "people.saved")
}

// addPost records a post of the person of the path.
func (h *Handler) addPost(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	var v problem.Validation
	in := people.PostInput{PersonID: id, PositionCode: r.PostForm.Get("position_code"), Title: r.PostForm.Get("title"), Note: r.PostForm.Get("note")}
	in.ValidFrom = parseDateField(&v, "valid_from", r.PostForm.Get("valid_from"))
	in.ValidTo = parseDateField(&v, "valid_to", r.PostForm.Get("valid_to"))
	on := in.ValidFrom
	if on.IsZero() {
		on = h.today()
	}
	in.UnitID = h.resolveUnit(r.Context(), &v, "unit_id", r.PostForm.Get("unit_id"), on, true)
	if err := firstErr(v.Err(), func() error { _, err := h.app.People.AddPost(r.Context(), in); return err }); err != nil {
		return h.formRetry(w, r, err, func(f *Form) error { return h.personPageWith(w, r, http.StatusUnprocessableEntity, f) })
	}
	return redirect(w, r, "/people/"+strconv.FormatInt(id, 10), "people.post_added")
}

// firstErr returns err, or runs next when err is nil.
func firstErr(err error, next func() error) error {
	if err != nil {
		return err
	}
	return next()
}

// endPost records the day after the last day of a post.
func (h *Handler) endPost(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	post, err := h.app.People.GetPost(r.Context(), id)
	if err != nil {
		return err
	}
	var v problem.Validation
	to := parseDateField(&v, "valid_to", r.PostForm.Get("valid_to"))
	if to.IsZero() && !v.Has("valid_to") {
		v.Add("valid_to", "error.required")
	}
	err = firstErr(v.Err(), func() error {
		_, err := h.app.People.EndPost(r.Context(), people.EndPostInput{PostID: id, ValidTo: to})
		return err
	})
	if err != nil {
		r.SetPathValue("id", strconv.FormatInt(post.PersonID, 10))
		return h.formRetry(w, r, err, func(f *Form) error { return h.personPageWith(w, r, http.StatusUnprocessableEntity, f) })
	}
	return redirect(w, r, "/people/"+strconv.FormatInt(post.PersonID, 10), "people.post_ended")
}

// removePost deletes a post recorded by mistake.
func (h *Handler) removePost(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	post, err := h.app.People.GetPost(r.Context(), id)
	if err != nil {
		return err
	}
	if err := h.app.People.RemovePost(r.Context(), id); err != nil {
		return err
	}
	return redirect(w, r, "/people/"+strconv.FormatInt(post.PersonID, 10), "people.post_removed")
}
