package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"plenum/internal/auth"
	"plenum/internal/clock"
	"plenum/internal/date"
	"plenum/internal/i18n"
	"plenum/internal/problem"
	"plenum/internal/router"
)

// Page is what every template receives.
type Page struct {
	Title string
	Data  any
	// Form holds submitted values and their problems when a form is shown again.
	Form *Form
	// Class is the highest security class of anything on the page; the page
	// is marked with it at the top and bottom.
	Class auth.Clearance

	Lang      string
	Principal auth.Principal
	Path      string
	Flash     string
	// Unread is the signed-in user's count of unread notifications (the bell).
	Unread int
	h      *Handler
}

func (p *Page) fill(h *Handler, r *http.Request) {
	p.h = h
	p.Lang = router.Lang(r)
	p.Principal = router.Principal(r)
	p.Path = r.URL.RequestURI()
	if p.Form == nil {
		p.Form = &Form{}
	}
	if p.Principal.SignedIn() {
		if v, err := h.app.Access.Viewer(r.Context(), p.Principal); err == nil {
			p.Unread, _ = h.app.Notify.Unread(r.Context(), v)
		}
	}
	if c, err := r.Cookie(flashCookie); err == nil && i18n.Has(c.Value) {
		p.Flash = p.T(c.Value)
	}
}

// T translates a message key into the page's language.
func (p *Page) T(key string, args ...any) string { return i18n.T(p.Lang, key, args...) }

// Can reports whether the viewer holds a permission (to show links and buttons;
// the router checks again on the request itself).
func (p *Page) Can(perm string) bool { return p.Principal.Can(auth.Permission(perm)) }

// Asset returns the versioned URL of a static file.
func (p *Page) Asset(name string) string { return p.h.assets.URL(name) }

// Date formats a date the Vietnamese way, 01/07/2025.
func (p *Page) Date(d date.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, d.Month, d.Year)
}

// Time formats an instant in the server's zone as 11/10/2021 20:06.
func (p *Page) Time(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(clock.Vietnam).Format("02/01/2006 15:04")
}

// ClassName names a security class in the page's language.
func (p *Page) ClassName(c auth.Clearance) string { return p.T(c.Key()) }

// RoleName names a role in the page's language.
func (p *Page) RoleName(r auth.Role) string { return p.T("role." + string(r)) }

// OnSearchPage reports whether the page is the search page, which has its
// own search box in place of the one in the header.
func (p *Page) OnSearchPage() bool {
	u, err := url.Parse(p.Path)
	return err == nil && u.Path == "/search"
}

// Field returns the submitted value of a form field.
func (p *Page) Field(name string) string { return p.Form.Values.Get(name) }

// FieldError returns the message for a field that was refused, or "".
func (p *Page) FieldError(name string) string {
	if p.Form.Err == nil {
		return ""
	}
	return p.Form.Err.FieldMessage(p.Lang, name)
}

// FormError returns the overall message of a refused form, or "".
func (p *Page) FormError() string {
	if p.Form.Err == nil {
		return ""
	}
	return p.Form.Err.Message(p.Lang)
}

// Query returns the current URL with one query parameter replaced.
func (p *Page) Query(key, value string) string {
	u, err := url.Parse(p.Path)
	if err != nil {
		return p.Path
	}
	q := u.Query()
	q.Set(key, value)
	u.RawQuery = q.Encode()
	return u.String()
}

// Form is a submitted form, kept to show it again with its problems.
type Form struct {
	Values url.Values
	Err    *problem.Error
}

// formError turns a store error into a form to show again, or returns the
// error itself when it is not about the input.
func formError(r *http.Request, err error) (*Form, error) {
	p, ok := problem.As(err)
	if !ok || (p.Code != problem.Invalid && p.Code != problem.Conflict) {
		return nil, err
	}
	return &Form{Values: r.PostForm, Err: p}, nil
}

// parseDateField reads a date typed as 01/07/2025 or given by a date picker
// as 2025-07-01. Empty is the zero date.
func parseDateField(v *problem.Validation, name, s string) date.Date { return v.Date(name, s) }

// parseIDField reads an optional numeric id from a select box.
func parseIDField(v *problem.Validation, name, s string) int64 {
	s = strings.TrimSpace(s)
	if s == "" || s == "0" {
		return 0
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id < 0 {
		v.Add(name, "error.invalid_choice")
		return 0
	}
	return id
}

// idString writes an optional id for a form field ("" for none).
func idString(id int64) string {
	if id == 0 {
		return ""
	}
	return strconv.FormatInt(id, 10)
}

const flashCookie = "plenum_flash"

// redirect answers a successful form with 303 See Other and an optional
// message (an i18n key) shown once on the next page.
func redirect(w http.ResponseWriter, r *http.Request, to, flashKey string) error {
	if flashKey != "" {
		http.SetCookie(w, &http.Cookie{Name: flashCookie, Value: flashKey, Path: "/", MaxAge: 30, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

// consumeFlash removes the flash cookie once a page has shown it.
func consumeFlash(w http.ResponseWriter, r *http.Request) {
	if _, err := r.Cookie(flashCookie); err == nil {
		http.SetCookie(w, &http.Cookie{Name: flashCookie, Value: "", Path: "/", MaxAge: -1})
	}
}
