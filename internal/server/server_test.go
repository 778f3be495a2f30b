package server_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"plenum/internal/auth"
	"plenum/internal/server/servertest"
)

type scenario struct {
	name     string
	as       string // "" for anonymous, a username for a signed-in browser, "token:user:scopes" for a bearer token
	method   string
	path     string
	body     string
	headers  []string
	status   int
	contains []string
	absent   []string
}

func run(t *testing.T, e *servertest.Env, tests []scenario) {
	t.Helper()
	clients := map[string]*http.Client{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c *http.Client
			headers := tt.headers
			switch {
			case strings.HasPrefix(tt.as, "token:"):
				parts := strings.SplitN(tt.as, ":", 3)
				headers = append(headers, "Authorization: Bearer "+e.Token(parts[1], strings.Split(parts[2], ",")...))
			case tt.as != "":
				if clients[tt.as] == nil {
					clients[tt.as] = e.SignIn(tt.as)
				}
				c = clients[tt.as]
			}
			r := e.Do(c, tt.method, tt.path, tt.body, headers...)
			if r.Status != tt.status {
				t.Fatalf("%s %s as %q: status %d, want %d\n%s", tt.method, tt.path, tt.as, r.Status, tt.status, r.Body)
			}
			for _, s := range tt.contains {
				if !strings.Contains(r.Body, s) {
					t.Errorf("body lacks %q:\n%s", s, r.Body)
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(r.Body, s) {
					t.Errorf("body contains %q", s)
				}
			}
		})
	}
}

func TestPagesAndAccess(t *testing.T) {
	t.Parallel()
	e := servertest.New(t)
	run(t, e, []scenario{
		{name: "health", method: "GET", path: "/healthz", status: 200, contains: []string{"ok"}},
		{name: "ready", method: "GET", path: "/readyz", status: 200, contains: []string{"ready"}},
		{name: "home needs sign-in", method: "GET", path: "/", status: 303},
		{name: "sign-in page in Vietnamese", method: "GET", path: "/signin", status: 200, contains: []string{"Đăng nhập", `lang="vi"`}},
		{name: "wrong password", method: "POST", path: "/signin", body: "username=reader&password=sai-mat-khau", status: 401,
			contains: []string{"Tên đăng nhập hoặc mật khẩu không đúng"}, absent: []string{"sai-mat-khau"}},
		{name: "home signed in", as: "reader", method: "GET", path: "/", status: 200, contains: []string{"Xin chào", "Người thử reader"}},
		{name: "reader cannot manage users", as: "reader", method: "GET", path: "/admin/users", status: 403,
			contains: []string{"không có quyền"}},
		{name: "reader cannot read the audit log", as: "reader", method: "GET", path: "/admin/audit", status: 403},
		{name: "admin lists users", as: "admin", method: "GET", path: "/admin/users", status: 200, contains: []string{"office", "Văn phòng"}},
		{name: "admin reads the audit log", as: "admin", method: "GET", path: "/admin/audit?entity=user", status: 200, contains: []string{"signin"}},
		{name: "audit filter with a bad date", as: "admin", method: "GET", path: "/admin/audit?from=31/02/2025", status: 422,
			contains: []string{"Ngày không hợp lệ"}},
		{name: "unknown page", as: "reader", method: "GET", path: "/no/such/page", status: 404},
		{name: "non-numeric id", as: "admin", method: "GET", path: "/admin/users/abc", status: 404},
		{name: "unknown user", as: "admin", method: "GET", path: "/admin/users/99999", status: 404},
		{name: "account page", as: "reader", method: "GET", path: "/account", status: 200, contains: []string{"Mã truy cập API"}},
	})
}

func TestAdminCreatesUserWithFieldErrors(t *testing.T) {
	t.Parallel()
	e := servertest.New(t)
	form := url.Values{"username": {"a b"}, "display_name": {""}, "password": {"ngắn"}, "role": {"unit"}, "clearance": {"0"}, "lang": {"vi"}}
	run(t, e, []scenario{
		{name: "every bad field named", as: "admin", method: "POST", path: "/admin/users", body: form.Encode(), status: 422,
			contains: []string{"Tên đăng nhập gồm", "Chưa nhập", "ít nhất 10 ký tự", "phải gắn với một đơn vị"}},
		{name: "office may not create users", as: "office", method: "POST", path: "/admin/users", body: form.Encode(), status: 403},
		{name: "valid user", as: "admin", method: "POST", path: "/admin/users",
			body: url.Values{"username": {"chuyenvien"}, "display_name": {"Chuyên viên"}, "password": {"mot-mat-khau-dai"},
				"role": {"office"}, "clearance": {"mat"}, "lang": {"vi"}}.Encode(), status: 303},
	})
	users, _ := e.App.Auth.Users(e.Ctx)
	if len(users) != len(servertest.Users)+1 {
		t.Fatalf("users after one valid and one invalid form: %d", len(users))
	}
}

func TestCrossSiteRequestsAreRefused(t *testing.T) {
	t.Parallel()
	e := servertest.New(t)
	c := e.SignIn("admin")
	body := url.Values{"lang": {"en"}}.Encode()
	r := e.Do(c, "POST", "/lang", body, "Sec-Fetch-Site: cross-site")
	if r.Status != http.StatusForbidden {
		t.Fatalf("cross-site POST: %d", r.Status)
	}
	r = e.Do(c, "POST", "/signout", "", "Origin: https://evil.example")
	if r.Status != http.StatusForbidden {
		t.Fatalf("POST with a foreign Origin: %d", r.Status)
	}
	r = e.Do(c, "POST", "/lang", body, "Sec-Fetch-Site: same-origin")
	if r.Status != http.StatusSeeOther {
		t.Fatalf("same-origin POST: %d", r.Status)
	}
	if r := e.Do(c, "GET", "/", ""); !strings.Contains(r.Body, "Welcome") || !strings.Contains(r.Body, `lang="en"`) {
		t.Fatalf("language switch did not stick:\n%s", r.Body)
	}
}

func TestSignOutAndRevokedSessions(t *testing.T) {
	t.Parallel()
	e := servertest.New(t)
	c := e.SignIn("reader")
	if r := e.Do(c, "POST", "/signout", ""); r.Status != http.StatusSeeOther {
		t.Fatalf("sign out: %d", r.Status)
	}
	if r := e.Do(c, "GET", "/", ""); r.Status != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/signin") {
		t.Fatalf("after sign out: %d %s", r.Status, r.Header.Get("Location"))
	}
	// An administrator disables the account: the open session stops working.
	c = e.SignIn("reader")
	yes := true
	if _, err := e.App.Auth.UpdateUser(e.Ctx, auth.Principal{User: e.Users["admin"]}, e.Users["reader"].ID, auth.UserChange{Disabled: &yes}); err != nil {
		t.Fatal(err)
	}
	if r := e.Do(c, "GET", "/api/v1/me", ""); r.Status != http.StatusUnauthorized {
		t.Fatalf("disabled user's session on the API: %d", r.Status)
	}
}

func TestAPI(t *testing.T) {
	t.Parallel()
	e := servertest.New(t)
	run(t, e, []scenario{
		{name: "openapi is public", method: "GET", path: "/api/v1/openapi.json", status: 200, contains: []string{`"openapi": "3.1.0"`}},
		{name: "no credentials", method: "GET", path: "/api/v1/me", status: 401, contains: []string{`"code":"unauthorized"`}},
		{name: "garbage token", method: "GET", path: "/api/v1/me", headers: []string{"Authorization: Bearer plenum_xyz"}, status: 401,
			contains: []string{"auth", `"code":"unauthorized"`}},
		{name: "basic auth is not a token", method: "GET", path: "/api/v1/me", headers: []string{"Authorization: Basic YTpi"}, status: 401},
		{name: "me with a token", as: "token:reader:read", method: "GET", path: "/api/v1/me", status: 200,
			contains: []string{`"username":"reader"`, `"scopes":["read"]`}, absent: []string{"argon2", "password_hash"}},
		{name: "english on request", as: "token:reader:read", method: "GET", path: "/api/v1/users", headers: []string{"Accept-Language: en"},
			status: 403, contains: []string{"You are not allowed"}},
		{name: "vietnamese by default", as: "token:reader:read", method: "GET", path: "/api/v1/users", status: 403,
			contains: []string{"không có quyền"}},
		{name: "admin read token cannot manage users", as: "token:admin:read", method: "GET", path: "/api/v1/users", status: 403},
		{name: "admin token with the scope", as: "token:admin:users.manage", method: "GET", path: "/api/v1/users", status: 200,
			contains: []string{`"items":[`, `"username":"office"`}},
		{name: "a token cannot mint tokens", as: "token:admin:write", method: "POST", path: "/api/v1/tokens",
			body: `{"name":"x","scopes":["write"],"days":300}`, status: 403},
		{name: "bad JSON says where", as: "admin", method: "POST", path: "/api/v1/tokens", body: `{"name": "x",}`,
			status: 400, contains: []string{"byte 14"}},
		{name: "unknown field named", as: "admin", method: "POST", path: "/api/v1/tokens", body: `{"nam":"x"}`,
			status: 422, contains: []string{`"name":"nam"`}},
		{name: "wrong type named", as: "admin", method: "POST", path: "/api/v1/tokens", body: `{"name":"x","days":"many"}`,
			status: 422, contains: []string{`"name":"days"`}},
		{name: "trailing data", as: "admin", method: "POST", path: "/api/v1/tokens", body: `{"name":"x"} {}`, status: 400},
		{name: "create token from session", as: "admin", method: "POST", path: "/api/v1/tokens",
			body: `{"name":"tích hợp","scopes":["read"],"days":30}`, status: 201, contains: []string{`"token":"plenum_`}},
		{name: "create user with bad fields", as: "token:admin:users.manage", method: "POST", path: "/api/v1/users",
			body: `{"username":"X Y","display_name":"","password":"abc","role":"boss"}`, status: 422,
			contains: []string{`"code":"invalid"`, `"name":"username"`, `"name":"display_name"`, `"name":"password"`, `"name":"role"`}},
		{name: "unknown user id", as: "token:admin:users.manage", method: "GET", path: "/api/v1/users/424242", status: 404,
			contains: []string{`"code":"not_found"`}},
		{name: "unknown API path is JSON", as: "token:reader:read", method: "GET", path: "/api/v1/nothing", status: 404,
			contains: []string{`"code":"not_found"`}},
		{name: "audit verify", as: "token:admin:audit.read", method: "GET", path: "/api/v1/audit/verify", status: 200,
			contains: []string{`"Problem":null`}},
	})
}

func TestRouteTableDeclaresPermissions(t *testing.T) {
	t.Parallel()
	// Registration panics without a permission; here we check the anonymous
	// walk: every non-public route refuses an anonymous caller.
	e := servertest.New(t)
	for _, path := range []string{"/", "/account", "/admin/users", "/admin/users/1", "/admin/audit", "/api/v1/me", "/api/v1/users", "/api/v1/audit"} {
		r := e.Do(nil, "GET", path, "")
		if r.Status != http.StatusSeeOther && r.Status != http.StatusUnauthorized {
			t.Errorf("anonymous GET %s: %d", path, r.Status)
		}
	}
	var body map[string]any
	r := e.Do(nil, "GET", "/api/v1/users", "")
	if err := json.Unmarshal([]byte(r.Body), &body); err != nil || r.Header.Get("WWW-Authenticate") == "" {
		t.Errorf("401 from the API must be JSON with WWW-Authenticate: %v %q", err, r.Body)
	}
}
