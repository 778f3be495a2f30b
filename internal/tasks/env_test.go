package tasks_test

import (
	"testing"
	"time"

	"plenum/internal/auth"
	"plenum/internal/clock"
	"plenum/internal/date"
	"plenum/internal/documents"
	"plenum/internal/fixture"
	"plenum/internal/org"
	"plenum/internal/people"
	"plenum/internal/tasks"
)

// env is a fresh database with a small province: a committee, two
// departments, two districts (merged into a third on 2025-07-01), and users.
// Its clock stands at 09:00 on 2025-03-10 until a test moves it.
type env struct {
	*fixture.Env
	clock  *clock.Manual
	s      *tasks.Store
	person map[string]int64
}

func newEnv(t *testing.T) *env {
	t.Helper()
	c := clock.NewManual(time.Time{})
	c.SetDay(day("2025-03-10"), 9, 0)
	f := fixture.NewWith(t, fixture.Options{Clock: c.Clock(), Since: day("2015-01-01")})
	e := &env{Env: f, clock: c, s: f.App.Tasks, person: map[string]int64{}}
	e.Unit("tu", org.PartyCommittee, org.Province, "Tỉnh ủy Sơn Thử", "")
	e.Unit("vp", org.PartyAgency, org.Province, "Văn phòng Tỉnh ủy Sơn Thử", "tu")
	e.Unit("btg", org.PartyAgency, org.Province, "Ban Tuyên giáo Tỉnh ủy Sơn Thử", "tu")
	e.Unit("sokh", org.Department, org.Province, "Sở Kế hoạch và Đầu tư Sơn Thử", "tu")
	e.Unit("ha", org.PartyCommittee, org.District, "Huyện ủy Hạ Thử", "tu")
	e.Unit("thuong", org.PartyCommittee, org.District, "Huyện ủy Thượng Thử", "tu")
	e.Unit("xa", org.PartyCommittee, org.Commune, "Đảng ủy xã Đông Thử", "ha")
	e.person["lan"] = e.newPerson("Nguyễn Thị Lan")
	e.person["minh"] = e.newPerson("Trần Văn Minh")
	e.User("office", auth.RoleOffice, auth.ClassToiMat, "vp", 0)
	e.User("reader", auth.RoleLeader, auth.ClassNone, "", 0)
	e.User("btg_member", auth.RoleUnit, auth.ClassMat, "btg", e.person["lan"])
	e.User("sokh_member", auth.RoleUnit, auth.ClassMat, "sokh", e.person["minh"])
	e.User("ha_member", auth.RoleUnit, auth.ClassMat, "ha", 0)
	e.User("cleared_other", auth.RoleUnit, auth.ClassTuyetMat, "thuong", 0)
	return e
}

func (e *env) newPerson(name string) int64 {
	e.T.Helper()
	p, err := e.App.People.CreatePerson(e.Ctx, people.PersonInput{FullName: name})
	if err != nil {
		e.T.Fatal(err)
	}
	return p.ID
}

func day(s string) date.Date { return date.MustParse(s) }

// document registers an issued document of the province.
func (e *env) document(symbol, title string, class auth.Clearance) documents.Document {
	e.T.Helper()
	in := documents.Input{Kind: "plan", Symbol: symbol,
		IssuerUnitID: e.Units["tu"], Title: title, IssuedOn: day("2025-01-15"), Place: "Sơn Thử", Class: class}
	if class > 0 {
		in.ClassReason = "Theo danh mục bí mật nhà nước"
	}
	d, err := e.App.Documents.Create(e.As("office"), e.Users["office"], in)
	if err != nil {
		e.T.Fatalf("document %s: %v", symbol, err)
	}
	return d
}

// task creates a task as office, or fails the test.
func (e *env) task(in tasks.Input) tasks.Task {
	e.T.Helper()
	t, err := e.s.Create(e.As("office"), e.Users["office"], in)
	if err != nil {
		e.T.Fatalf("task %q: %v", in.Title, err)
	}
	return t
}

// simple is a single-deadline task led by unit.
func (e *env) simple(title, unit, start, due string) tasks.Input {
	return tasks.Input{Title: title, LeadUnitID: e.Units[unit], StartOn: day(start), DueOn: day(due)}
}

// counts returns the rows of every table a change to tasks touches.
func (e *env) counts() map[string]int {
	e.T.Helper()
	return e.Counts("tasks", "task_coordinators", "task_occurrences", "task_reports", "task_events",
		"record_access", "audit_log", "search_entries", "files", "notifications", "reminders", "mail_outbox")
}
