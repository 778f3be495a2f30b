package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"plenum/internal/auth"
	"plenum/internal/problem"
	"plenum/internal/router"
)

type accountData struct {
	Sessions []auth.Session
	Tokens   []auth.Token
	NewToken string // shown once, right after creation
	Scopes   []string
	Now      time.Time
}

func (h *Handler) accountPage(w http.ResponseWriter, r *http.Request, status int, form *Form, newToken string) error {
	p := router.Principal(r)
	sessions, err := h.app.Auth.Sessions(r.Context(), p.User.ID)
	if err != nil {
		return err
	}
	tokens, err := h.app.Auth.Tokens(r.Context(), p.User.ID)
	if err != nil {
		return err
	}
	consumeFlash(w, r)
	return h.render(w, r, status, "account", &Page{Title: router.LangT(r, "account.title"), Form: form,
		Data: accountData{Sessions: sessions, Tokens: tokens, NewToken: newToken, Now: h.app.Clock.Now(),
			Scopes: []string{auth.ScopeRead, auth.ScopeWrite}}})
}

func (h *Handler) account(w http.ResponseWriter, r *http.Request) error {
	return h.accountPage(w, r, http.StatusOK, nil, "")
}

func (h *Handler) changePassword(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	p := router.Principal(r)
	// Re-check the current password: a session left open must not be enough
	// to take over the account.
	if err := h.app.Auth.ConfirmPassword(r.Context(), p.User.ID, r.PostForm.Get("current"), router.ClientIP(r, h.opt.TrustProxy)); err != nil {
		return h.formRetry(w, r, err, func(f *Form) error { return h.accountPage(w, r, http.StatusUnprocessableEntity, f, "") })
	}
	if r.PostForm.Get("password") != r.PostForm.Get("confirm") {
		return h.formRetry(w, r, problem.InvalidField("confirm", "account.passwords_differ"), func(f *Form) error {
			return h.accountPage(w, r, http.StatusUnprocessableEntity, f, "")
		})
	}
	if err := h.app.Auth.SetPassword(r.Context(), p.User.ID, r.PostForm.Get("password")); err != nil {
		return h.formRetry(w, r, err, func(f *Form) error { return h.accountPage(w, r, http.StatusUnprocessableEntity, f, "") })
	}
	// Changing the password ended every session, this one too: sign in again.
	h.opt.Cookies.ClearSession(w)
	return redirect(w, r, "/signin", "account.password_changed")
}

func (h *Handler) createToken(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	days, err := strconv.Atoi(strings.TrimSpace(r.PostForm.Get("days")))
	if err != nil {
		days = 0
	}
	plain, _, err := h.app.Auth.CreateToken(r.Context(), router.Principal(r).User.ID, r.PostForm.Get("name"),
		r.PostForm["scopes"], time.Duration(days)*24*time.Hour)
	if err != nil {
		return h.formRetry(w, r, err, func(f *Form) error { return h.accountPage(w, r, http.StatusUnprocessableEntity, f, "") })
	}
	return h.accountPage(w, r, http.StatusCreated, nil, plain)
}

func (h *Handler) revokeToken(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	if err := h.app.Auth.RevokeToken(r.Context(), router.Principal(r), id); err != nil {
		return err
	}
	return redirect(w, r, "/account", "account.token_revoked")
}

func (h *Handler) endSessions(w http.ResponseWriter, r *http.Request) error {
	if err := h.app.Auth.EndSessions(r.Context(), router.Principal(r).User.ID); err != nil {
		return err
	}
	h.opt.Cookies.ClearSession(w)
	return redirect(w, r, "/signin", "account.sessions_ended")
}

// parseForm reads a posted form of reasonable size.
func parseForm(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	if err := r.ParseForm(); err != nil {
		return problem.Wrap(problem.BadRequest, err, "error.bad_request", "form")
	}
	return nil
}

// formRetry shows a form again when err is about its input, and otherwise
// returns err to the error page.
func (h *Handler) formRetry(w http.ResponseWriter, r *http.Request, err error, show func(*Form) error) error {
	f, other := formError(r, err)
	if other != nil {
		return other
	}
	return show(f)
}
