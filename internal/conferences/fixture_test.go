package conferences_test

import (
	"strings"
	"testing"
	"time"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/clock"
	"plenum/internal/conferences"
	"plenum/internal/date"
	"plenum/internal/documents"
	"plenum/internal/fixture"
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

// province: an invented province "Hòa Bình Mới" with its Provincial
// Committee (nine members on 2024-01-01: the secretary, two deputies, two
// further Standing Board members sitting in the Standing Board, four
// executive members), its Standing Board and its People's Council; the
// committee's term XV (2020–2025) and the board's. Its clock stands on
// 31/12/2025.
type province struct {
	*fixture.Env
	s *conferences.Store
	// clerk is a user of the office, who registers documents.
	clerk auth.Principal

	tw, tu, btv, hdnd int64
	persons           map[string]int64
	bchTerm, btvTerm  conferences.Term
}

func newFixture(t *testing.T) *province {
	t.Helper()
	env := fixture.NewWith(t, fixture.Options{Clock: clock.At(time.Date(2025, 12, 31, 10, 0, 0, 0, clock.Vietnam))})
	a := env.App
	units := a.Org
	f := &province{Env: env, s: a.Conferences, persons: map[string]int64{}}
	mk := func(name string, kind org.Kind, level org.Level, parent int64) int64 {
		u, err := units.Create(f.Ctx, org.CreateInput{NewUnit: org.NewUnit{Kind: kind, Level: level, Name: name, ParentID: parent},
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
	u, err := a.Auth.CreateUser(f.Ctx, auth.NewUser{Username: "vanthu", DisplayName: "Văn thư thử nghiệm", Password: "mat-khau-thu-nghiem",
		Role: auth.RoleOffice, Clearance: auth.ClassToiMat})
	if err != nil {
		t.Fatal(err)
	}
	f.clerk = auth.Principal{User: u}
	f.bchTerm = f.term(f.tu, "XV", "2020-10-01", "")
	f.btvTerm = f.term(f.btv, "XV", "2020-10-01", "")
	return f
}

func (f *province) person(name string) int64 {
	f.T.Helper()
	p, err := f.App.People.CreatePerson(f.Ctx, people.PersonInput{FullName: name})
	if err != nil {
		f.T.Fatal(err)
	}
	return p.ID
}

func (f *province) post(name, code string, unit int64, from, to string) {
	f.T.Helper()
	in := people.PostInput{PersonID: f.persons[name], PositionCode: code, UnitID: unit, ValidFrom: day(from)}
	if to != "" {
		in.ValidTo = day(to)
	}
	if _, err := f.App.People.AddPost(f.Ctx, in); err != nil {
		f.T.Fatalf("post %s %s: %v", name, code, err)
	}
}

func (f *province) term(body int64, numeral, from, to string) conferences.Term {
	f.T.Helper()
	in := conferences.TermInput{BodyID: body, Numeral: numeral, YearFrom: 2020, YearTo: 2025, ValidFrom: day(from)}
	if to != "" {
		in.ValidTo = day(to)
	}
	t, err := f.s.CreateTerm(f.Ctx, in)
	if err != nil {
		f.T.Fatal(err)
	}
	return t
}

func (f *province) ids(names ...string) []int64 {
	out := make([]int64, len(names))
	for i, n := range names {
		out[i] = f.persons[n]
	}
	return out
}

// conference convenes a conference of the committee on a day.
func (f *province) conference(on string, mod ...func(*conferences.Input)) conferences.Conference {
	f.T.Helper()
	in := conferences.Input{TermID: f.bchTerm.ID, Kind: conferences.Regular, HeldOn: day(on), Part: conferences.Morning,
		Venue: "Hội trường Tỉnh ủy", ChairIDs: f.ids("Lò Văn Khánh", "Đinh Thị Hạnh")}
	for _, m := range mod {
		m(&in)
	}
	c, err := f.s.Create(f.Ctx, office, in)
	if err != nil {
		f.T.Fatal(err)
	}
	return c
}

// held convenes a conference, marks it held and records everyone in
// present as present and the others as excused.
func (f *province) held(on string, present int) conferences.Conference {
	f.T.Helper()
	c := f.conference(on)
	if _, err := f.s.SetStatus(f.Ctx, office, c.ID, conferences.Held); err != nil {
		f.T.Fatal(err)
	}
	members, err := f.s.Members(f.Ctx, c.BodyID, c.HeldOn)
	if err != nil {
		f.T.Fatal(err)
	}
	var list []conferences.Attendance
	for i, m := range members {
		a := conferences.Attendance{PersonID: m.PersonID, Status: conferences.Present}
		if i >= present {
			a.Status, a.Reason = conferences.Excused, "Đi công tác"
		}
		list = append(list, a)
	}
	if _, err := f.s.SetAttendance(f.Ctx, office, c.ID, list); err != nil {
		f.T.Fatal(err)
	}
	return c
}

func (f *province) item(confID int64, title string, mod ...func(*conferences.ItemInput)) conferences.Item {
	f.T.Helper()
	in := conferences.ItemInput{Kind: conferences.DraftResolution, Title: title}
	for _, m := range mod {
		m(&in)
	}
	it, err := f.s.AddItem(f.Ctx, office, confID, in)
	if err != nil {
		f.T.Fatal(err)
	}
	return it
}

// rows counts the rows of the tables a refused change must leave alone.
func (f *province) rows() int {
	f.T.Helper()
	n := 0
	for _, table := range []string{"body_terms", "conferences", "conference_bridges", "conference_chairs", "conference_invitees",
		"conference_attendance", "agenda_items", "agenda_votes", "conference_texts", "news_articles", "record_access", "audit_log"} {
		var c int
		if err := f.App.DB.Primary().QueryRowContext(f.Ctx, `SELECT count(*) FROM `+table).Scan(&c); err != nil {
			f.T.Fatal(err)
		}
		n += c
	}
	return n
}

// refused checks that err is a problem of code naming field, with a
// message in both languages, and that nothing was written.
func (f *province) refused(t *testing.T, before int, err error, code problem.Code, field string) {
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
func (f *province) document(kind documents.Kind, symbol, issued, title string, class auth.Clearance) documents.Document {
	f.T.Helper()
	in := documents.Input{Kind: kind, Symbol: symbol, IssuerUnitID: f.tu, IssuedOn: day(issued), Title: title, Class: class}
	if class > 0 {
		in.Grants, in.ClassReason = toOffice, "Tài liệu phục vụ hội nghị"
	}
	d, err := f.App.Documents.Create(f.Ctx, f.clerk, in)
	if err != nil {
		f.T.Fatalf("document %s: %v", symbol, err)
	}
	return d
}
