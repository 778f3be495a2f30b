package documents_test

import (
	"context"
	"strconv"
	"testing"

	"plenum/internal/access"
	"plenum/internal/app"
	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/db/dbtest"
	"plenum/internal/documents"
	"plenum/internal/files/filestest"
	"plenum/internal/org"
	"plenum/internal/problem"
)

// env is a fresh database with a small organisation and one user per kind
// of reader the access rule distinguishes.
type env struct {
	t     *testing.T
	ctx   context.Context
	app   *app.App
	s     *documents.Store
	units map[string]int64
	users map[string]auth.Principal
}

func newEnv(t *testing.T) *env {
	t.Helper()
	d := dbtest.New(t)
	a := app.New(d, nil, app.Config{})
	e := &env{t: t, ctx: audit.WithActor(context.Background(), audit.Actor{Name: "test"}), app: a, s: a.Documents,
		units: map[string]int64{}, users: map[string]auth.Principal{}}
	e.unit("tw", org.PartyCommittee, org.Central, "Ban Chấp hành Trung ương", "")
	e.unit("tu", org.PartyCommittee, org.Province, "Tỉnh ủy Hòa Bình Thử", "tw")
	e.unit("vp", org.PartyAgency, org.Province, "Văn phòng Tỉnh ủy Hòa Bình Thử", "tu")
	e.unit("btg", org.PartyAgency, org.Province, "Ban Tuyên giáo Tỉnh ủy Hòa Bình Thử", "tu")
	e.unit("ubnd", org.PeoplesCommittee, org.Province, "Ủy ban nhân dân tỉnh Hòa Bình Thử", "tu")
	e.user("office", auth.RoleOffice, auth.ClassToiMat, "vp")
	e.user("secret_office", auth.RoleOffice, auth.ClassTuyetMat, "vp")
	e.user("reader", auth.RoleReader, auth.ClassNone, "")
	e.user("cleared", auth.RoleUnit, auth.ClassTuyetMat, "ubnd") // cleared, but no need to know
	e.user("btg_member", auth.RoleUnit, auth.ClassMat, "btg")
	return e
}

func (e *env) unit(code string, kind org.Kind, level org.Level, name, parent string) {
	e.t.Helper()
	u, err := e.app.Org.Create(e.ctx, org.CreateInput{
		NewUnit: org.NewUnit{Kind: kind, Level: level, Name: name, Code: "t." + code, ParentID: e.units[parent]},
		Act:     org.Act{Effective: date.MustParse("2010-01-01")},
	})
	if err != nil {
		e.t.Fatalf("unit %s: %v", code, err)
	}
	e.units[code] = u.ID
}

func (e *env) user(name string, role auth.Role, c auth.Clearance, unit string) {
	e.t.Helper()
	u, err := e.app.Auth.CreateUser(e.ctx, auth.NewUser{Username: name, DisplayName: "Người thử " + name,
		Password: "mat-khau-thu-nghiem", Role: role, Clearance: c, UnitID: e.units[unit]})
	if err != nil {
		e.t.Fatalf("user %s: %v", name, err)
	}
	e.users[name] = auth.Principal{User: u}
}

func (e *env) viewer(name string) access.Viewer {
	e.t.Helper()
	v, err := e.app.Access.Viewer(e.ctx, e.users[name])
	if err != nil {
		e.t.Fatal(err)
	}
	return v
}

// as returns ctx audited as the user.
func (e *env) as(name string) context.Context {
	u := e.users[name].User
	return audit.WithActor(e.ctx, audit.Actor{UserID: u.ID, Name: u.Username})
}

func day(s string) date.Date { return date.MustParse(s) }

// create registers a document as office, or fails the test.
func (e *env) create(in documents.Input) documents.Document {
	e.t.Helper()
	return e.createAs("office", in)
}

func (e *env) createAs(user string, in documents.Input) documents.Document {
	e.t.Helper()
	d, err := e.s.Create(e.as(user), e.users[user], in)
	if err != nil {
		e.t.Fatalf("create %s: %v", in.Symbol, err)
	}
	return d
}

// central is an external central document.
func central(symbol, kind, title, issued string) documents.Input {
	return documents.Input{Kind: documents.Kind(kind), Symbol: symbol, IssuerName: "Bộ Chính trị", Title: title,
		IssuedOn: day(issued), Place: "Hà Nội"}
}

// counts returns the rows of every table a change to the registry touches.
func (e *env) counts() map[string]int {
	e.t.Helper()
	out := map[string]int{}
	for _, table := range []string{"documents", "document_links", "document_classifications", "document_recipients",
		"document_copies", "files", "file_blobs", "record_access", "number_sequences", "audit_log"} {
		var n int
		if err := e.app.DB.Primary().QueryRowContext(e.ctx, `SELECT count(*) FROM `+table).Scan(&n); err != nil {
			e.t.Fatal(err)
		}
		out[table] = n
	}
	return out
}

// refused checks that err is a problem with code naming field, and that
// nothing was written.
func (e *env) refused(t *testing.T, err error, before map[string]int, code problem.Code, field string) {
	t.Helper()
	p, ok := problem.As(err)
	if !ok || p.Code != code {
		t.Fatalf("want a %s problem on %s, got %v", code, field, err)
	}
	if field != "" {
		found := false
		for _, f := range p.Fields {
			found = found || f.Name == field
		}
		if !found {
			t.Fatalf("want field %s in %v", field, p.Fields)
		}
	}
	after := e.counts()
	for k, n := range before {
		if after[k] != n {
			t.Errorf("%s: %d rows before the refused change, %d after", k, n, after[k])
		}
	}
}

func auditFilter(id int64) audit.Filter {
	return audit.Filter{Entity: documents.Entity, EntityID: itoa(id), Clearance: 3, Limit: 500}
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

func pdf(text string) []byte { return filestest.PDF(text) }
