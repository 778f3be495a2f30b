// Package servertest starts Plenum's whole HTTP handler on a fresh database of
// the engine under test, with one signed-in user per role, so that tests can
// walk pages and API routes as each kind of user would.
package servertest

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"plenum/internal/app"
	"plenum/internal/auth"
	"plenum/internal/fixture"
	"plenum/internal/server"
)

// Password is every test user's password.
const Password = fixture.Password

// Env is a running server and its users.
type Env struct {
	T      testing.TB
	App    *app.App
	Server *httptest.Server
	Users  map[string]auth.User // by username
	// Ctx is a context whose changes are audited as made by the test.
	Ctx context.Context
}

// Users created by New: one per role, with the clearance named.
var Users = []struct {
	Username  string
	Role      auth.Role
	Clearance auth.Clearance
}{
	{"admin", auth.RoleAdmin, auth.ClassTuyetMat},
	{"office", auth.RoleOffice, auth.ClassToiMat},
	{"leader", auth.RoleLeader, auth.ClassTuyetMat},
	{"editor", auth.RoleEditor, auth.ClassNone},
	{"reader", auth.RoleReader, auth.ClassNone},
}

// New starts a server on a fresh database with the users above, running as
// of the suite's day. Tests add the records they need through Env.App with
// Env.Ctx.
func New(t testing.TB) *Env { return NewWith(t, fixture.Options{}) }

// NewWith is New on the world opt describes (a test that pins its day).
func NewWith(t testing.TB, opt fixture.Options) *Env {
	t.Helper()
	f := fixture.NewWith(t, opt)
	e := &Env{T: t, App: f.App, Users: map[string]auth.User{}, Ctx: f.Ctx}
	for _, u := range Users {
		e.Users[u.Username] = f.User(u.Username, u.Role, u.Clearance, "", 0).User
	}
	h, err := server.Handler(f.App, server.Config{})
	if err != nil {
		t.Fatal(err)
	}
	e.Server = httptest.NewServer(h)
	t.Cleanup(e.Server.Close)
	return e
}

// Client returns an HTTP client with its own cookie jar that does not follow
// redirects (tests look at them).
func (e *Env) Client() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, Timeout: 30 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
}

// SignIn returns a client signed in as username through the sign-in form.
func (e *Env) SignIn(username string) *http.Client {
	e.T.Helper()
	c := e.Client()
	resp, err := c.PostForm(e.Server.URL+"/signin", url.Values{"username": {username}, "password": {Password}})
	if err != nil {
		e.T.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		e.T.Fatalf("sign in as %s: status %d", username, resp.StatusCode)
	}
	return c
}

// Token issues an API token for username with scopes.
func (e *Env) Token(username string, scopes ...string) string {
	e.T.Helper()
	plain, _, err := e.App.Auth.CreateToken(e.Ctx, e.Users[username].ID, "test", scopes, 24*time.Hour)
	if err != nil {
		e.T.Fatal(err)
	}
	return plain
}

// Response is a finished request with its body read.
type Response struct {
	Status int
	Header http.Header
	Body   string
}

// Do sends a request with client c (nil: anonymous). A body that starts with
// "{" is sent as JSON, anything else as a form. Headers are "Name: value".
func (e *Env) Do(c *http.Client, method, path, body string, headers ...string) Response {
	e.T.Helper()
	if c == nil {
		c = e.Client()
	}
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, e.Server.URL+path, rd)
	if err != nil {
		e.T.Fatal(err)
	}
	if body != "" {
		if strings.HasPrefix(body, "{") || strings.HasPrefix(body, "[") {
			req.Header.Set("Content-Type", "application/json")
		} else {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
	}
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ":")
		req.Header.Set(strings.TrimSpace(k), strings.TrimSpace(v))
	}
	resp, err := c.Do(req)
	if err != nil {
		e.T.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		e.T.Fatal(err)
	}
	return Response{Status: resp.StatusCode, Header: resp.Header, Body: string(b)}
}
