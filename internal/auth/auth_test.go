package auth_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/clock"
	"plenum/internal/db"
	"plenum/internal/db/dbtest"
	"plenum/internal/problem"
)

type env struct {
	db    *db.DB
	store *auth.Store
	log   *audit.Log
	clock *clock.Manual
}

func newEnv(t *testing.T) *env {
	d := dbtest.New(t)
	c := clock.NewManual(time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC))
	e := &env{db: d, log: audit.New(d, c.Clock()), clock: c}
	e.store = auth.NewStore(d, e.log, c.Clock(), auth.Config{})
	return e
}

func (e *env) user(t *testing.T, name string, role auth.Role, c auth.Clearance) auth.User {
	t.Helper()
	u, err := e.store.CreateUser(context.Background(), auth.NewUser{Username: name, DisplayName: "Người dùng " + name,
		Password: "mật-khẩu-đủ-dài", Role: role, Clearance: c})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func count(t *testing.T, d *db.DB, table string) int {
	var n int
	if err := d.R(context.Background()).QueryRowContext(context.Background(), `SELECT count(*) FROM `+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestCreateUserRefusesBadInput(t *testing.T) {
	e := newEnv(t)
	e.user(t, "vanphong", auth.RoleOffice, 0)
	ok := auth.NewUser{Username: "an.nguyen", DisplayName: "Nguyễn Văn An", Password: "mot-mat-khau-dai", Role: auth.RoleReader}
	tests := []struct {
		name  string
		edit  func(*auth.NewUser)
		field string
	}{
		{"empty username", func(u *auth.NewUser) { u.Username = " " }, "username"},
		{"username with accents", func(u *auth.NewUser) { u.Username = "nguyễn" }, "username"},
		{"username with spaces", func(u *auth.NewUser) { u.Username = "an nguyen" }, "username"},
		{"taken username, other case", func(u *auth.NewUser) { u.Username = "VanPhong" }, "username"},
		{"no display name", func(u *auth.NewUser) { u.DisplayName = "" }, "display_name"},
		{"short password", func(u *auth.NewUser) { u.Password = "ngan" }, "password"},
		{"password equal to username", func(u *auth.NewUser) { u.Username = "an.nguyen.2026"; u.Password = "An.Nguyen.2026" }, "password"},
		{"unknown role", func(u *auth.NewUser) { u.Role = "boss" }, "role"},
		{"unit role without unit", func(u *auth.NewUser) { u.Role = auth.RoleUnit }, "unit_id"},
		{"unknown unit", func(u *auth.NewUser) { u.Role = auth.RoleUnit; u.UnitID = 999 }, "unit_id"},
		{"clearance out of range", func(u *auth.NewUser) { u.Clearance = 4 }, "clearance"},
		{"unknown language", func(u *auth.NewUser) { u.Lang = "fr" }, "lang"},
	}
	users, entries := count(t, e.db, "users"), count(t, e.db, "audit_log")
	for _, tt := range tests {
		in := ok
		tt.edit(&in)
		_, err := e.store.CreateUser(context.Background(), in)
		p, isProblem := problem.As(err)
		if !isProblem || p.Code != problem.Invalid || p.FieldMessage("en", tt.field) == "" {
			t.Errorf("%s: err = %v, want a problem on field %q", tt.name, err, tt.field)
		}
	}
	if count(t, e.db, "users") != users || count(t, e.db, "audit_log") != entries {
		t.Error("a refused user left rows behind")
	}
	if _, err := e.store.CreateUser(context.Background(), ok); err != nil {
		t.Fatalf("valid user refused: %v", err)
	}
}

func TestSignInSessionsAndExpiry(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	u := e.user(t, "chanh.vp", auth.RoleOffice, auth.ClassMat)

	if _, _, err := e.store.SignIn(ctx, "chanh.vp", "wrong-password", "10.0.0.1", "test"); !problem.Is(err, problem.Unauthorized) {
		t.Fatalf("wrong password: %v", err)
	}
	_, _, errUnknown := e.store.SignIn(ctx, "no.such.user", "wrong-password", "10.0.0.1", "test")
	if errUnknown == nil || errUnknown.Error() != auth.ErrSignInFailed.Error() {
		t.Fatalf("unknown user must look like a wrong password: %v", errUnknown)
	}
	token, got, err := e.store.SignIn(ctx, " Chanh.VP ", "mật-khẩu-đủ-dài", "10.0.0.1", "test")
	if err != nil || got.ID != u.ID || token == "" {
		t.Fatalf("sign in: %v", err)
	}
	p, _, err := e.store.Authenticate(ctx, token)
	if err != nil || p.User.ID != u.ID || p.Clearance() != auth.ClassMat {
		t.Fatalf("authenticate: %v %+v", err, p)
	}
	if _, _, err := e.store.Authenticate(ctx, token+"x"); !problem.Is(err, problem.Unauthorized) {
		t.Fatalf("forged token: %v", err)
	}

	// Idle expiry: used 3 hours later it lives on; 5 idle hours kill it.
	e.clock.Advance(3 * time.Hour)
	if _, _, err := e.store.Authenticate(ctx, token); err != nil {
		t.Fatalf("session within idle time: %v", err)
	}
	e.clock.Advance(5 * time.Hour)
	if _, _, err := e.store.Authenticate(ctx, token); !problem.Is(err, problem.Unauthorized) {
		t.Fatalf("idle session: %v", err)
	}

	// Absolute expiry: used every 3 hours, it still ends 12 hours after sign-in.
	token, _, _ = e.store.SignIn(ctx, "chanh.vp", "mật-khẩu-đủ-dài", "10.0.0.1", "test")
	for range 3 {
		e.clock.Advance(3 * time.Hour)
		if _, _, err := e.store.Authenticate(ctx, token); err != nil {
			t.Fatal(err)
		}
	}
	e.clock.Advance(3*time.Hour + time.Second)
	if _, _, err := e.store.Authenticate(ctx, token); !problem.Is(err, problem.Unauthorized) {
		t.Fatalf("session past its maximum age: %v", err)
	}

	// Signing out ends the session.
	token, _, _ = e.store.SignIn(ctx, "chanh.vp", "mật-khẩu-đủ-dài", "10.0.0.1", "test")
	if err := e.store.SignOut(ctx, token); err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.store.Authenticate(ctx, token); !problem.Is(err, problem.Unauthorized) {
		t.Fatalf("after sign out: %v", err)
	}
	r, _ := e.log.Verify(ctx)
	if !r.OK() || r.Entries < 5 {
		t.Fatalf("audit after sign-ins: %+v", r)
	}
	entries, _ := e.log.List(ctx, audit.Filter{Entity: "user", Limit: 500})
	for _, en := range entries {
		if strings.Contains(string(en.After)+string(en.Before), "argon2") {
			t.Fatal("a password hash reached the audit log")
		}
	}
}

func TestSignInThrottle(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	e.user(t, "an", auth.RoleReader, 0)
	e.user(t, "binh", auth.RoleReader, 0)
	for i := range 5 {
		_, _, err := e.store.SignIn(ctx, "an", "wrong-password", "10.0.0.1", "")
		if !problem.Is(err, problem.Unauthorized) {
			t.Fatalf("attempt %d: %v", i+1, err)
		}
	}
	// Blocked now, even with the right password, from any address.
	_, _, err := e.store.SignIn(ctx, "an", "mật-khẩu-đủ-dài", "10.0.0.9", "")
	if !problem.Is(err, problem.TooMany) || !strings.Contains(err.Error(), "15 minutes") {
		t.Fatalf("blocked account: %v", err)
	}
	// Another account from another address is not affected.
	if _, _, err := e.store.SignIn(ctx, "binh", "mật-khẩu-đủ-dài", "10.0.0.9", ""); err != nil {
		t.Fatalf("other account: %v", err)
	}
	e.clock.Advance(16 * time.Minute)
	if _, _, err := e.store.SignIn(ctx, "an", "mật-khẩu-đủ-dài", "10.0.0.1", ""); err != nil {
		t.Fatalf("after the block: %v", err)
	}

	// Per address: guessing many accounts from one address blocks the address.
	for i := range 20 {
		e.store.SignIn(ctx, "guess"+string(rune('a'+i)), "wrong-password", "10.6.6.6", "")
	}
	if _, _, err := e.store.SignIn(ctx, "binh", "mật-khẩu-đủ-dài", "10.6.6.6", ""); !problem.Is(err, problem.TooMany) {
		t.Fatalf("blocked address: %v", err)
	}
}

func TestDisablingEndsAccess(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	admin := e.user(t, "quantri", auth.RoleAdmin, auth.ClassToiMat)
	u := e.user(t, "an", auth.RoleOffice, 0)
	token, _, _ := e.store.SignIn(ctx, "an", "mật-khẩu-đủ-dài", "10.0.0.1", "")
	apiToken, _, err := e.store.CreateToken(ctx, u.ID, "tích hợp", []string{"read"}, 24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	yes := true
	by := auth.Principal{User: admin}
	if _, err := e.store.UpdateUser(ctx, by, u.ID, auth.UserChange{Disabled: &yes}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.store.Authenticate(ctx, token); !problem.Is(err, problem.Unauthorized) {
		t.Fatalf("session of a disabled user: %v", err)
	}
	if _, err := e.store.AuthenticateToken(ctx, apiToken); !problem.Is(err, problem.Unauthorized) {
		t.Fatalf("token of a disabled user: %v", err)
	}
	if _, _, err := e.store.SignIn(ctx, "an", "mật-khẩu-đủ-dài", "10.0.0.1", ""); !problem.Is(err, problem.Forbidden) {
		t.Fatalf("sign in of a disabled user: %v", err)
	}
}

func TestUpdateUserRules(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	admin := e.user(t, "quantri", auth.RoleAdmin, auth.ClassMat)
	u := e.user(t, "an", auth.RoleReader, 0)
	by := auth.Principal{User: admin}
	top, no, reader := auth.ClassTuyetMat, true, auth.RoleReader
	tests := []struct {
		name  string
		id    int64
		c     auth.UserChange
		field string
	}{
		{"clearance above own", u.ID, auth.UserChange{Clearance: &top}, "clearance"},
		{"demote self", admin.ID, auth.UserChange{Role: &reader}, "role"},
		{"disable self", admin.ID, auth.UserChange{Disabled: &no}, "disabled"},
	}
	for _, tt := range tests {
		_, err := e.store.UpdateUser(ctx, by, tt.id, tt.c)
		if p, ok := problem.As(err); !ok || p.FieldMessage("en", tt.field) == "" {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
	mat := auth.ClassMat
	got, err := e.store.UpdateUser(ctx, by, u.ID, auth.UserChange{Clearance: &mat})
	if err != nil || got.Clearance != auth.ClassMat {
		t.Fatalf("grant own clearance: %v", err)
	}
	// The command line (no principal) may grant anything.
	if got, err = e.store.UpdateUser(ctx, auth.Anonymous, u.ID, auth.UserChange{Clearance: &top}); err != nil || got.Clearance != top {
		t.Fatalf("command-line grant: %v", err)
	}
	if _, err := e.store.UpdateUser(ctx, by, 12345, auth.UserChange{}); !problem.Is(err, problem.NotFound) {
		t.Fatalf("unknown user: %v", err)
	}
}

func TestTokens(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	office := e.user(t, "vanphong", auth.RoleOffice, 0)
	other := e.user(t, "khac", auth.RoleOffice, 0)

	for _, bad := range []struct {
		name   string
		scopes []string
		ttl    time.Duration
		field  string
	}{
		{"", []string{"read"}, time.Hour, "name"},
		{"x", nil, time.Hour, "scopes"},
		{"x", []string{"everything"}, time.Hour, "scopes"},
		{"x", []string{"read"}, 0, "expires"},
		{"x", []string{"read"}, 400 * 24 * time.Hour, "expires"},
	} {
		if _, _, err := e.store.CreateToken(ctx, office.ID, bad.name, bad.scopes, bad.ttl); !problem.Is(err, problem.Invalid) {
			t.Errorf("token %+v accepted: %v", bad, err)
		}
	}

	plain, tok, err := e.store.CreateToken(ctx, office.ID, "báo cáo", []string{"read"}, 48*time.Hour)
	if err != nil || !strings.HasPrefix(plain, auth.TokenPrefix) || !strings.HasPrefix(plain, tok.Prefix) {
		t.Fatalf("create: %v %q %+v", err, plain, tok)
	}
	var stored int
	e.db.R(ctx).QueryRowContext(ctx, `SELECT count(*) FROM api_tokens WHERE hash LIKE $1`, "%"+strings.TrimPrefix(plain, auth.TokenPrefix)+"%").Scan(&stored)
	if stored != 0 {
		t.Fatal("the token secret is stored in clear")
	}
	p, err := e.store.AuthenticateToken(ctx, plain)
	if err != nil || p.User.ID != office.ID {
		t.Fatalf("authenticate: %v", err)
	}
	if !p.Can(auth.OrgRead) || p.Can(auth.OrgWrite) {
		t.Error("a read token must read and not write")
	}
	if err := e.store.RevokeToken(ctx, auth.Principal{User: other}, tok.ID); !problem.Is(err, problem.NotFound) {
		t.Fatalf("revoking someone else's token: %v", err)
	}
	if err := e.store.RevokeToken(ctx, auth.Principal{User: office}, tok.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.store.AuthenticateToken(ctx, plain); !problem.Is(err, problem.Unauthorized) || !strings.Contains(err.Error(), "revoked") {
		t.Fatalf("revoked token: %v", err)
	}
	plain, _, _ = e.store.CreateToken(ctx, office.ID, "ngắn hạn", []string{"write"}, time.Hour)
	e.clock.Advance(2 * time.Hour)
	if _, err := e.store.AuthenticateToken(ctx, plain); !problem.Is(err, problem.Unauthorized) || !strings.Contains(err.Error(), "expired") {
		t.Fatalf("expired token: %v", err)
	}
	if _, err := e.store.AuthenticateToken(ctx, "plenum_nonsense"); !problem.Is(err, problem.Unauthorized) {
		t.Fatalf("unknown token: %v", err)
	}
}

func TestPolicy(t *testing.T) {
	tests := []struct {
		p    auth.Principal
		perm auth.Permission
		want bool
	}{
		{auth.Anonymous, auth.Public, true},
		{auth.Anonymous, auth.SignedIn, false},
		{auth.Anonymous, auth.OrgRead, false},
		{auth.Principal{User: auth.User{ID: 1, Role: auth.RoleReader}}, auth.OrgRead, true},
		{auth.Principal{User: auth.User{ID: 1, Role: auth.RoleReader}}, auth.OrgWrite, false},
		{auth.Principal{User: auth.User{ID: 1, Role: auth.RoleOffice}}, auth.OrgWrite, true},
		{auth.Principal{User: auth.User{ID: 1, Role: auth.RoleOffice}}, auth.UsersManage, false},
		{auth.Principal{User: auth.User{ID: 1, Role: auth.RoleAdmin, Disabled: true}}, auth.OrgRead, false},
		{auth.Principal{User: auth.User{ID: 1, Role: auth.RoleAdmin}, TokenID: 3, Scopes: []string{"read"}}, auth.UsersManage, false},
		{auth.Principal{User: auth.User{ID: 1, Role: auth.RoleAdmin}, TokenID: 3, Scopes: []string{"users.manage"}}, auth.UsersManage, true},
		{auth.Principal{User: auth.User{ID: 1, Role: auth.RoleReader}, TokenID: 3, Scopes: []string{"write"}}, auth.OrgWrite, false},
		{auth.Principal{User: auth.User{ID: 1, Role: auth.RoleReader}}, auth.TokensManage, true},
		{auth.Principal{User: auth.User{ID: 1, Role: auth.RoleAdmin}, TokenID: 3, Scopes: []string{"write"}}, auth.TokensManage, false},
		{auth.Principal{User: auth.User{ID: 1, Role: auth.RoleAdmin}, TokenID: 3, Scopes: []string{"read"}}, auth.SignedIn, true},
	}
	for i, tt := range tests {
		if got := tt.p.Can(tt.perm); got != tt.want {
			t.Errorf("%d: %s Can(%s) = %v", i, tt.p.User.Role, tt.perm, got)
		}
	}
	for in, want := range map[string]auth.Clearance{"Tối mật": 2, "toi-mat": 2, "3": 3, "secret": 2, "Mật": 1, "thường": 0} {
		if got, ok := auth.ParseClearance(in); !ok || got != want {
			t.Errorf("ParseClearance(%q) = %v, %v", in, got, ok)
		}
	}
	if _, ok := auth.ParseClearance("very secret"); ok {
		t.Error("ParseClearance accepted nonsense")
	}
}

func TestPasswordHashing(t *testing.T) {
	h, err := auth.HashPassword("một mật khẩu", auth.DefaultCost)
	if err != nil || !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("hash %q %v", h, err)
	}
	if ok, rehash, err := auth.VerifyPassword(h, "một mật khẩu", auth.DefaultCost); !ok || rehash || err != nil {
		t.Error("right password")
	}
	if ok, _, _ := auth.VerifyPassword(h, "mot mat khau", auth.DefaultCost); ok {
		t.Error("wrong password accepted")
	}
	weaker := "$argon2id$v=19$m=8192,t=1,p=1$" + strings.SplitN(h, "$", 6)[4] + "$" + strings.SplitN(h, "$", 6)[5]
	if ok, _, _ := auth.VerifyPassword(weaker, "một mật khẩu", auth.DefaultCost); ok {
		t.Error("different parameters must give a different key")
	}
	for _, bad := range []string{"", "$bcrypt$x", "$argon2id$v=19$m=99999999,t=1,p=1$c2FsdA$aGFzaA", "$argon2id$v=19$m=8,t=1,p=1$!!$!!"} {
		if _, _, err := auth.VerifyPassword(bad, "x", auth.DefaultCost); err == nil {
			t.Errorf("malformed hash %q accepted", bad)
		}
	}
}
