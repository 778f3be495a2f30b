package router

import (
	"net/http"
	"strings"

	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/i18n"
)

// Cookies names the cookies Plenum sets. Behind HTTPS the session cookie is
// Secure and carries the __Host- prefix, which pins it to this host and path.
type Cookies struct {
	Secure bool
}

// Session returns the name of the session cookie.
func (c Cookies) Session() string {
	if c.Secure {
		return "__Host-plenum_session"
	}
	return "plenum_session"
}

// LangCookie remembers the interface language of visitors who are not signed in.
const LangCookie = "plenum_lang"

// SetSession sets the session cookie. It has no expiry: it ends when the
// browser closes (shared office computers), or earlier when the server
// expires the session.
func (c Cookies) SetSession(w http.ResponseWriter, token string) {
	http.SetCookie(w, &http.Cookie{Name: c.Session(), Value: token, Path: "/", HttpOnly: true, Secure: c.Secure, SameSite: http.SameSiteLaxMode})
}

// ClearSession removes the session cookie.
func (c Cookies) ClearSession(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: c.Session(), Value: "", Path: "/", MaxAge: -1, HttpOnly: true, Secure: c.Secure, SameSite: http.SameSiteLaxMode})
}

// Authenticate resolves who is calling — a bearer token, else the session
// cookie — and the interface language, and puts both, with the audit actor,
// into the request context. A credential that is refused leaves the request
// anonymous and remembers why, so that a route that needs a user answers 401
// with the reason (expired, revoked…) and a public one still works.
func Authenticate(store *auth.Store, cookies Cookies, trustProxy bool, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ip := ClientIP(r, trustProxy)
		p, authErr := auth.Anonymous, error(nil)
		if h := r.Header.Get("Authorization"); h != "" {
			scheme, token, _ := strings.Cut(h, " ")
			if strings.EqualFold(scheme, "Bearer") {
				p, authErr = store.AuthenticateToken(r.Context(), strings.TrimSpace(token))
			} else {
				authErr = unauthorizedScheme
			}
		} else if c, err := r.Cookie(cookies.Session()); err == nil && c.Value != "" {
			p, _, authErr = store.Authenticate(r.Context(), c.Value)
			if authErr != nil {
				cookies.ClearSession(w)
			}
		}
		actor := audit.Actor{IP: ip, Name: "anonymous"}
		if p.SignedIn() {
			actor.UserID, actor.Name = p.User.ID, p.User.Username
			if p.TokenID != 0 {
				actor.Name += " (token)"
			}
		}
		r = r.WithContext(audit.WithActor(r.Context(), actor))
		r = WithPrincipal(r, p, authErr)
		next.ServeHTTP(w, WithLang(r, chooseLang(r, p)))
	})
}

// chooseLang: the API follows ?lang= or Accept-Language; pages are Vietnamese
// unless the user (or, before sign-in, the browser's cookie) chose English.
func chooseLang(r *http.Request, p auth.Principal) string {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		if l := r.URL.Query().Get("lang"); l != "" {
			return i18n.Normalize(l)
		}
		return i18n.FromAcceptLanguage(r.Header.Get("Accept-Language"))
	}
	if p.SignedIn() && p.User.Lang != "" {
		return i18n.Normalize(p.User.Lang)
	}
	if c, err := r.Cookie(LangCookie); err == nil {
		return i18n.Normalize(c.Value)
	}
	return i18n.Default
}
