// Package router is the one door into Plenum over HTTP. Every route declares
// the permission it needs when it is registered (registration panics without
// one), and Handle wraps the handler in the single check of that permission
// against the request's principal. Pages and the JSON API both register here;
// they differ only in how they render errors.
package router

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"

	"plenum/internal/auth"
	"plenum/internal/i18n"
	"plenum/internal/problem"
)

// HandlerFunc is an HTTP handler that returns its error instead of writing
// it, so that one place decides how errors look and no handler forgets to stop.
type HandlerFunc func(w http.ResponseWriter, r *http.Request) error

// ErrorWriter renders an error for one kind of client (HTML page, JSON).
type ErrorWriter func(w http.ResponseWriter, r *http.Request, err error)

// Route records a registration, for the route listing test and the docs.
type Route struct {
	Pattern    string
	Permission auth.Permission
}

// Router registers routes on a ServeMux with their permission.
type Router struct {
	mux    *http.ServeMux
	render ErrorWriter
	routes []Route
}

// New returns a router whose errors are rendered by render.
func New(mux *http.ServeMux, render ErrorWriter) *Router {
	return &Router{mux: mux, render: render}
}

// Handle registers h for pattern ("GET /org/units/{id}") behind perm.
func (rt *Router) Handle(pattern string, perm auth.Permission, h HandlerFunc) {
	if perm == "" {
		panic("router: route " + pattern + " declares no permission")
	}
	if !strings.Contains(pattern, " ") {
		panic("router: route " + pattern + " must name its method")
	}
	rt.routes = append(rt.routes, Route{pattern, perm})
	rt.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		p := Principal(r)
		if l, ok := r.Context().Value(requestLogKey{}).(*requestLog); ok {
			l.route, l.user = pattern, p.User.ID
		}
		if !p.Can(perm) {
			if p.SignedIn() {
				rt.render(w, r, problem.New(problem.Forbidden, ""))
			} else {
				rt.render(w, r, unauthorized(r))
			}
			return
		}
		if err := h(w, r); err != nil {
			rt.render(w, r, err)
		}
	})
}

// Routes returns what was registered.
func (rt *Router) Routes() []Route { return rt.routes }

func unauthorized(r *http.Request) error {
	if err, ok := r.Context().Value(authErrKey{}).(error); ok {
		return err // say why: expired session, revoked token…
	}
	return problem.New(problem.Unauthorized, "")
}

type principalKey struct{}
type authErrKey struct{}

// Principal returns who is making the request (auth.Anonymous if nobody).
func Principal(r *http.Request) auth.Principal {
	if p, ok := r.Context().Value(principalKey{}).(auth.Principal); ok {
		return p
	}
	return auth.Anonymous
}

// WithPrincipal returns r carrying p (and, when p is anonymous, the reason a
// credential was refused).
func WithPrincipal(r *http.Request, p auth.Principal, authErr error) *http.Request {
	ctx := context.WithValue(r.Context(), principalKey{}, p)
	if authErr != nil {
		ctx = context.WithValue(ctx, authErrKey{}, authErr)
	}
	return r.WithContext(ctx)
}

// Status returns the HTTP status for err and whether it is an internal error
// (which must be logged and not shown).
func Status(err error) (int, bool) {
	if p, ok := problem.As(err); ok {
		return p.Code.Status(), false
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return http.StatusRequestEntityTooLarge, false
	}
	if errors.Is(err, context.Canceled) {
		return 499, false
	}
	return http.StatusInternalServerError, true
}

// Safe returns err as a problem that may be shown: problems pass through,
// oversized bodies become TooLarge, anything else becomes an internal error
// carrying only the request id, after being logged.
func Safe(r *http.Request, log *slog.Logger, err error) *problem.Error {
	if p, ok := problem.As(err); ok {
		return p
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return problem.New(problem.TooLarge, "")
	}
	id := RequestID(r)
	log.ErrorContext(r.Context(), "request failed", "request_id", id, "method", r.Method, "path", r.URL.Path, "err", err)
	return &problem.Error{Code: "internal", Key: "error.internal", Args: []any{id}}
}

type requestIDKey struct{}

// RequestID returns the id given to the request by the logging middleware.
func RequestID(r *http.Request) string {
	id, _ := r.Context().Value(requestIDKey{}).(string)
	return id
}

type langKey struct{}

// Lang returns the interface language chosen for the request.
func Lang(r *http.Request) string {
	if l, ok := r.Context().Value(langKey{}).(string); ok {
		return l
	}
	return "vi"
}

// WithLang returns r carrying the interface language.
func WithLang(r *http.Request, lang string) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), langKey{}, lang))
}

// PathID reads a positive integer path value such as {id}; anything else is
// NotFound, as a URL that names nothing.
func PathID(r *http.Request, name string) (int64, error) {
	var id int64
	if _, err := fmt.Sscan(r.PathValue(name), &id); err != nil || id <= 0 || fmt.Sprint(id) != r.PathValue(name) {
		return 0, problem.ErrNotFound
	}
	return id, nil
}

var unauthorizedScheme = problem.New(problem.Unauthorized, "auth.token_invalid")

// LangT translates key into the request's language.
func LangT(r *http.Request, key string, args ...any) string {
	return i18n.T(Lang(r), key, args...)
}
