package conferences_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"plenum/internal/access"
	"plenum/internal/app"
	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/conferences"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/db/dbtest"
	"plenum/internal/documents"
	"plenum/internal/news"
	"plenum/internal/org"
	"plenum/internal/people"
	"plenum/internal/problem"
)

func day(s string) date.Date { return date.MustParse(s) }

// Viewers of the tests: the office with clearance Tối mật, a cleared
// reader who was given no grants, and a reader without clearance.
var (
	office   = access.Viewer{UserID: 1, Role: auth.RoleOffice, Clearance: auth.ClassToiMat}
	cleared  = access.Viewer{UserID: 2, Role: auth.RoleLeader, Clearance: auth.ClassTuyetMat}
	public   = access.Viewer{UserID: 3, Role: auth.RoleReader}
	toOffice = []access.Grant{{Role: auth.RoleOffice}}
)

// fixture: an invented province "Hòa Bình Mới" with its Provincial
// Committee (nine members on 2024-01-01: the secretary, two deputies, two
// further Standing Board members sitting in the Standing Board, four
// executive members), its Standing Board and its People's Council; the
// committee's term XV (2020–2025) and the board's.
type fixture struct {
	t      *testing.T
	ctx    context.Context
	app    *app.App
	db     *db.DB
	log    *audit.Log
	units  *org.Store
	people *people.Store
	news   *news.Store
	s      *conferences.Store
	// clerk is a user of the office, who registers documents.
	clerk auth.Principal

	tw, tu, btv, hdnd int64
	persons           map[string]int64
	bchTerm, btvTerm  conferences.Term
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	d := dbtest.New(t)
	a := app.New(d, nil, app.Config{})
	units := a.Org
	f := &fixture{t: t, ctx: audit.WithActor(context.Background(), audit.Actor{Name: "test"}), app: a, db: d, log: a.Audit,
		units: units, people: a.People, news: a.News, s: a.Conferences, persons: map[string]int64{}}
	f.s.SetClock(func() time.Time { return time.Date(2025, 12, 31, 3, 0, 0, 0, time.UTC) })
	mk := func(name string, kind org.Kind, level org.Level, parent int64) int64 {
		u, err := units.Create(f.ctx, org.CreateInput{NewUnit: org.NewUnit{Kind: kind, Level: level, Name: name, ParentID: parent},
			Act: org.Act{Effective: day("2016-01-01")}})
		if err != nil {
			t.Fatal(err)
		}
		return u.ID
	}
	f.tw = mk("Ban Chấp hành Trung ương Đảng", org.PartyCommittee, org.Central, 0)
	f.tu = mk("Tỉnh ủy Hòa Bình Mới", org.PartyCommittee, org.Province, f.tw)
	f.btv = mk("Ban Thường vụ Tỉnh ủy Hòa Bình Mới", org.StandingBoard, org.Province, f.tu)
	f.hdnd = mk("Hội đồng nhân dân tỉnh Hòa Bình Mới", org.PeoplesCouncil, org.Province, f.tu)
	for _, p := range []struct{ name, code, unit string }{
		{"Lò Văn Khánh", "secretary", "tu"},
		{"Đinh Thị Hạnh", "standing_deputy_secretary", "tu"},
		{"Bạch Văn Quý", "deputy_secretary", "tu"},
		{"Cầm Thị Liên", "standing_board_member", "btv"},
		{"Mùa Văn Sử", "standing_board_member", "btv"},
		{"Hà Thị Thu", "executive_committee_member", "tu"},
		{"Quách Văn Bảo", "executive_committee_member", "tu"},
		{"Xa Thị Mỵ", "executive_committee_member", "tu"},
		{"Sầm Văn Tuấn", "executive_committee_member", "tu"},
	} {
		f.persons[p.name] = f.person(p.name)
		f.post(p.name, p.code, map[string]int64{"tu": f.tu, "btv": f.btv}[p.unit], "2020-10-01", "")
	}
	f.post("Đinh Thị Hạnh", "council_chair", f.hdnd, "2021-06-25", "")
	f.post("Lò Văn Khánh", "central_committee_member", f.tw, "2021-01-30", "")
	// Someone who is not a member: a department head invited to conferences.
	f.persons["Nông Văn Định"] = f.person("Nông Văn Định")
	u, err := a.Auth.CreateUser(f.ctx, auth.NewUser{Username: "vanthu", DisplayName: "Văn thư thử nghiệm", Password: "mat-khau-thu-nghiem",
		Role: auth.RoleOffice, Clearance: auth.ClassToiMat})
	if err != nil {
		t.Fatal(err)
	}
	f.clerk = auth.Principal{User: u}
	f.bchTerm = f.term(f.tu, "XV", "2020-10-01", "")
	f.btvTerm = f.term(f.btv, "XV", "2020-10-01", "")
	return f
}

func (f *fixture) person(name string) int64 {
	f.t.Helper()
	p, err := f.people.CreatePerson(f.ctx, people.PersonInput{FullName: name})
	if err != nil {
		f.t.Fatal(err)
	}
	return p.ID
}

func (f *fixture) post(name, code string, unit int64, from, to string) {
	f.t.Helper()
	in := people.PostInput{PersonID: f.persons[name], PositionCode: code, UnitID: unit, ValidFrom: day(from)}
	if to != "" {
		in.ValidTo = day(to)
	}
	if _, err := f.people.AddPost(f.ctx, in); err != nil {
		f.t.Fatalf("post %s %s: %v", name, code, err)
	}
}

func (f *fixture) term(body int64, numeral, from, to string) conferences.Term {
	f.t.Helper()
	in := conferences.TermInput{BodyID: body, Numeral: numeral, YearFrom: 2020, YearTo: 2025, ValidFrom: day(from)}
	if to != "" {
		in.ValidTo = day(to)
	}
	t, err := f.s.CreateTerm(f.ctx, in)
	if err != nil {
		f.t.Fatal(err)
	}
	return t
}

func (f *fixture) ids(names ...string) []int64 {
	out := make([]int64, len(names))
	for i, n := range names {
		out[i] = f.persons[n]
	}
	return out
}

// conference convenes a conference of the committee on a day.
func (f *fixture) conference(on string, mod ...func(*conferences.Input)) conferences.Conference {
	f.t.Helper()
	in := conferences.Input{TermID: f.bchTerm.ID, Kind: conferences.Regular, HeldOn: day(on), Part: conferences.Morning,
		Venue: "Hội trường Tỉnh ủy", ChairIDs: f.ids("Lò Văn Khánh", "Đinh Thị Hạnh")}
	for _, m := range mod {
		m(&in)
	}
	c, err := f.s.Create(f.ctx, office, in)
	if err != nil {
		f.t.Fatal(err)
	}
	return c
}

// held convenes a conference, marks it held and records everyone in
// present as present and the others as excused.
func (f *fixture) held(on string, present int) conferences.Conference {
	f.t.Helper()
	c := f.conference(on)
	if _, err := f.s.SetStatus(f.ctx, office, c.ID, conferences.Held); err != nil {
		f.t.Fatal(err)
	}
	members, err := f.s.Members(f.ctx, c.BodyID, c.HeldOn)
	if err != nil {
		f.t.Fatal(err)
	}
	var list []conferences.Attendance
	for i, m := range members {
		a := conferences.Attendance{PersonID: m.PersonID, Status: conferences.Present}
		if i >= present {
			a.Status, a.Reason = conferences.Excused, "Đi công tác"
		}
		list = append(list, a)
	}
	if _, err := f.s.SetAttendance(f.ctx, office, c.ID, list); err != nil {
		f.t.Fatal(err)
	}
	return c
}

func (f *fixture) item(confID int64, title string, mod ...func(*conferences.ItemInput)) conferences.Item {
	f.t.Helper()
	in := conferences.ItemInput{Kind: conferences.DraftResolution, Title: title}
	for _, m := range mod {
		m(&in)
	}
	it, err := f.s.AddItem(f.ctx, office, confID, in)
	if err != nil {
		f.t.Fatal(err)
	}
	return it
}

// rows counts the rows of the tables a refused change must leave alone.
func (f *fixture) rows() int {
	f.t.Helper()
	n := 0
	for _, table := range []string{"body_terms", "conferences", "conference_bridges", "conference_chairs", "conference_invitees",
		"conference_attendance", "agenda_items", "agenda_votes", "conference_texts", "news_articles", "record_access", "audit_log"} {
		var c int
		if err := f.db.Primary().QueryRowContext(f.ctx, `SELECT count(*) FROM `+table).Scan(&c); err != nil {
			f.t.Fatal(err)
		}
		n += c
	}
	return n
}

// refused checks that err is a problem of code naming field, with a
// message in both languages, and that nothing was written.
func (f *fixture) refused(t *testing.T, before int, err error, code problem.Code, field string) {
	t.Helper()
	p, ok := problem.As(err)
	if !ok {
		t.Fatalf("want a %s problem on %s, got %v", code, field, err)
	}
	if p.Code != code {
		t.Errorf("code = %s, want %s (%v)", p.Code, code, err)
	}
	named := false
	for _, fl := range p.Fields {
		if fl.Name == field {
			named = true
			for _, lang := range []string{"vi", "en"} {
				if msg := p.FieldMessage(lang, field); msg == "" || strings.Contains(msg, "conferences.") || strings.Contains(msg, "error.") {
					t.Errorf("%s message for %s is %q", lang, field, msg)
				}
			}
		}
	}
	if !named {
		t.Errorf("problem does not name field %s: %v", field, err)
	}
	if after := f.rows(); after != before {
		t.Errorf("partial write: %d rows before, %d after", before, after)
	}
}

func orgDissolve(unit int64, on string) org.DissolveInput {
	return org.DissolveInput{UnitID: unit, Act: org.Act{Effective: day(on)}}
}

// document registers a document of the committee; a classified one is
// granted to the office.
func (f *fixture) document(kind documents.Kind, symbol, issued, title string, class auth.Clearance) documents.Document {
	f.t.Helper()
	in := documents.Input{Kind: kind, Symbol: symbol, IssuerUnitID: f.tu, IssuedOn: day(issued), Title: title, Class: class}
	if class > 0 {
		in.Grants, in.ClassReason = toOffice, "Tài liệu phục vụ hội nghị"
	}
	d, err := f.app.Documents.Create(f.ctx, f.clerk, in)
	if err != nil {
		f.t.Fatalf("document %s: %v", symbol, err)
	}
	return d
}
