package web

import (
	"net/http"
	"strings"

	"plenum/internal/auth"
	"plenum/internal/i18n"
	"plenum/internal/problem"
	"plenum/internal/router"
)

// safeNext keeps a post-sign-in redirect on this site: a path, not "//host".
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}

func (h *Handler) signinForm(w http.ResponseWriter, r *http.Request) error {
	if router.Principal(r).SignedIn() {
		return redirect(w, r, safeNext(r.URL.Query().Get("next")), "")
	}
	consumeFlash(w, r)
	return h.render(w, r, http.StatusOK, "signin", &Page{Title: router.LangT(r, "signin.title"),
		Form: &Form{Values: map[string][]string{"next": {r.URL.Query().Get("next")}}}})
}

func (h *Handler) signin(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		return problem.Wrap(problem.BadRequest, err, "error.bad_request", "form")
	}
	ip := router.ClientIP(r, h.opt.TrustProxy)
	token, _, err := h.app.Auth.SignIn(r.Context(), r.PostForm.Get("username"), r.PostForm.Get("password"), ip, r.UserAgent())
	if err != nil {
		p, ok := problem.As(err)
		if !ok {
			return err
		}
		r.PostForm.Del("password")
		return h.render(w, r, p.Code.Status(), "signin", &Page{Title: router.LangT(r, "signin.title"), Form: &Form{Values: r.PostForm, Err: p}})
	}
	h.opt.Cookies.SetSession(w, token)
	return redirect(w, r, safeNext(r.PostForm.Get("next")), "")
}

func (h *Handler) signout(w http.ResponseWriter, r *http.Request) error {
	if c, err := r.Cookie(h.opt.Cookies.Session()); err == nil {
		if err := h.app.Auth.SignOut(r.Context(), c.Value); err != nil {
			return err
		}
	}
	h.opt.Cookies.ClearSession(w)
	return redirect(w, r, "/signin", "signin.signed_out")
}

// setLang switches the interface language: for a signed-in user it is saved
// in the account, for a visitor in a cookie.
func (h *Handler) setLang(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, 4<<10)
	r.ParseForm()
	lang := i18n.Normalize(r.PostForm.Get("lang"))
	http.SetCookie(w, &http.Cookie{Name: router.LangCookie, Value: lang, Path: "/", MaxAge: 365 * 24 * 3600, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	if p := router.Principal(r); p.SignedIn() && p.User.Lang != lang {
		if _, err := h.app.Auth.UpdateUser(r.Context(), p, p.User.ID, auth.UserChange{Lang: &lang}); err != nil {
			return err
		}
	}
	return redirect(w, r, safeNext(r.PostForm.Get("next")), "")
}
