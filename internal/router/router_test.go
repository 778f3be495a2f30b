package router_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"plenum/internal/auth"
	"plenum/internal/router"
)

// The request's log line names the route and the user, which only the
// requests derived by the authentication and the mux know.
func TestLoggingNamesRouteAndUser(t *testing.T) {
	var out bytes.Buffer
	log := slog.New(slog.NewTextHandler(&out, nil))
	mux := http.NewServeMux()
	rt := router.New(mux, func(w http.ResponseWriter, r *http.Request, err error) { w.WriteHeader(http.StatusForbidden) })
	rt.Handle("GET /tasks/{id}", auth.SignedIn, func(w http.ResponseWriter, r *http.Request) error { return nil })
	signedIn := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := auth.Principal{User: auth.User{ID: 42, Username: "vanphong", Role: auth.RoleOffice}}
		mux.ServeHTTP(w, router.WithPrincipal(r, p, nil))
	})
	router.Logging(log, signedIn).ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/tasks/7", nil))
	if line := out.String(); !strings.Contains(line, `route="GET /tasks/{id}"`) || !strings.Contains(line, "user_id=42") ||
		!strings.Contains(line, "status=200") {
		t.Errorf("log line: %s", line)
	}
}
