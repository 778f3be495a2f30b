package tasks_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"plenum/internal/access"
	"plenum/internal/app"
	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/db/dbtest"
	"plenum/internal/documents"
	"plenum/internal/org"
	"plenum/internal/people"
	"plenum/internal/problem"
	"plenum/internal/tasks"
)

// clock is a settable time for the stores under test.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

// setDay puts the clock at hh:mm on day d in Vietnam.
func (c *clock) setDay(d string, hh, mm int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	x := date.MustParse(d)
	c.t = time.Date(x.Year, x.Month, x.Day, hh, mm, 0, 0, org.Vietnam)
}

// env is a fresh database with a small province: a committee, two
// departments, two districts (merged into a third on 2025-07-01), and users.
type env struct {
	t      *testing.T
	ctx    context.Context
	clock  *clock
	app    *app.App
	s      *tasks.Store
	units  map[string]int64
	users  map[string]auth.Principal
	person map[string]int64
	// dsn is the test database's connection string, for more "instances".
	dsn string
}

func newEnv(t *testing.T) *env {
	t.Helper()
	d, dsn := dbtest.NewWithDSN(t)
	c := &clock{}
	c.setDay("2025-03-10", 9, 0)
	a := app.New(d, nil, app.Config{Now: c.Now})
	e := &env{t: t, ctx: audit.WithActor(context.Background(), audit.Actor{Name: "test"}), clock: c, app: a, s: a.Tasks,
		units: map[string]int64{}, users: map[string]auth.Principal{}, person: map[string]int64{}, dsn: dsn}
	e.unit("tu", org.PartyCommittee, org.Province, "Tỉnh ủy Sơn Thử", "")
	e.unit("vp", org.PartyAgency, org.Province, "Văn phòng Tỉnh ủy Sơn Thử", "tu")
	e.unit("btg", org.PartyAgency, org.Province, "Ban Tuyên giáo Tỉnh ủy Sơn Thử", "tu")
	e.unit("sokh", org.Department, org.Province, "Sở Kế hoạch và Đầu tư Sơn Thử", "tu")
	e.unit("ha", org.PartyCommittee, org.District, "Huyện ủy Hạ Thử", "tu")
	e.unit("thuong", org.PartyCommittee, org.District, "Huyện ủy Thượng Thử", "tu")
	e.unit("xa", org.PartyCommittee, org.Commune, "Đảng ủy xã Đông Thử", "ha")
	e.person["lan"] = e.newPerson("Nguyễn Thị Lan")
	e.person["minh"] = e.newPerson("Trần Văn Minh")
	e.user("office", auth.RoleOffice, auth.ClassToiMat, "vp", 0)
	e.user("reader", auth.RoleLeader, auth.ClassNone, "", 0)
	e.user("btg_member", auth.RoleUnit, auth.ClassMat, "btg", e.person["lan"])
	e.user("sokh_member", auth.RoleUnit, auth.ClassMat, "sokh", e.person["minh"])
	e.user("ha_member", auth.RoleUnit, auth.ClassMat, "ha", 0)
	e.user("cleared_other", auth.RoleUnit, auth.ClassTuyetMat, "thuong", 0)
	return e
}

func (e *env) unit(code string, kind org.Kind, level org.Level, name, parent string) {
	e.t.Helper()
	u, err := e.app.Org.Create(e.ctx, org.CreateInput{
		NewUnit: org.NewUnit{Kind: kind, Level: level, Name: name, Code: "t." + code, ParentID: e.units[parent]},
		Act:     org.Act{Effective: date.MustParse("2015-01-01")},
	})
	if err != nil {
		e.t.Fatalf("unit %s: %v", code, err)
	}
	e.units[code] = u.ID
}

func (e *env) newPerson(name string) int64 {
	e.t.Helper()
	p, err := e.app.People.CreatePerson(e.ctx, people.PersonInput{FullName: name})
	if err != nil {
		e.t.Fatal(err)
	}
	return p.ID
}

func (e *env) user(name string, role auth.Role, c auth.Clearance, unit string, person int64) {
	e.t.Helper()
	u, err := e.app.Auth.CreateUser(e.ctx, auth.NewUser{Username: name, DisplayName: "Người thử " + name,
		Password: "mat-khau-thu-nghiem", Role: role, Clearance: c, UnitID: e.units[unit], PersonID: person})
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

func (e *env) as(name string) context.Context {
	u := e.users[name].User
	return audit.WithActor(e.ctx, audit.Actor{UserID: u.ID, Name: u.Username})
}

func day(s string) date.Date { return date.MustParse(s) }

// document registers an issued document of the province.
func (e *env) document(symbol, title string, class auth.Clearance) documents.Document {
	e.t.Helper()
	in := documents.Input{Kind: "plan", Symbol: symbol,
		IssuerUnitID: e.units["tu"], Title: title, IssuedOn: day("2025-01-15"), Place: "Sơn Thử", Class: class}
	if class > 0 {
		in.ClassReason = "Theo danh mục bí mật nhà nước"
	}
	d, err := e.app.Documents.Create(e.as("office"), e.users["office"], in)
	if err != nil {
		e.t.Fatalf("document %s: %v", symbol, err)
	}
	return d
}

// task creates a task as office, or fails the test.
func (e *env) task(in tasks.Input) tasks.Task {
	e.t.Helper()
	t, err := e.s.Create(e.as("office"), e.users["office"], in)
	if err != nil {
		e.t.Fatalf("task %q: %v", in.Title, err)
	}
	return t
}

// simple is a single-deadline task led by unit.
func (e *env) simple(title, unit, start, due string) tasks.Input {
	return tasks.Input{Title: title, LeadUnitID: e.units[unit], StartOn: day(start), DueOn: day(due)}
}

// counts returns the rows of every table a change to tasks touches.
func (e *env) counts() map[string]int {
	e.t.Helper()
	out := map[string]int{}
	for _, table := range []string{"tasks", "task_coordinators", "task_occurrences", "task_reports", "task_events",
		"record_access", "audit_log", "search_entries", "files", "notifications", "reminders", "mail_outbox"} {
		var n int
		if err := e.app.DB.Primary().QueryRowContext(e.ctx, `SELECT count(*) FROM `+table).Scan(&n); err != nil {
			e.t.Fatal(err)
		}
		out[table] = n
	}
	return out
}

// refused checks that err is a problem with code naming field, and that
// nothing was written since before.
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
			t.Errorf("%s: %d rows before, %d after a refused change", k, n, after[k])
		}
	}
}
