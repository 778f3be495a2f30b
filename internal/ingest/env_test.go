package ingest_test

import (
	"context"
	"testing"

	"plenum/internal/access"
	"plenum/internal/app"
	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/conferences"
	"plenum/internal/date"
	"plenum/internal/db/dbtest"
	"plenum/internal/documents"
	"plenum/internal/indicators"
	"plenum/internal/ingest"
	"plenum/internal/org"
	"plenum/internal/people"
)

// env is a fresh database with two provinces — Bắc Kạn, merged into Thái
// Nguyên on 2025-07-01 — their committees, councils and boards, a few
// people with posts (two of them namesakes), a term and a conference, a
// registered resolution, two indicators, and an office clerk and a reader.
type env struct {
	t       *testing.T
	ctx     context.Context
	app     *app.App
	s       *ingest.Store
	units   map[string]int64
	persons map[string]int64
	users   map[string]auth.Principal
	term    conferences.Term
	conf5   conferences.Conference
	doc     documents.Document
	grdp    indicators.Indicator
	budget  indicators.Indicator
}

var (
	start    = date.MustParse("2016-01-01")
	congress = date.MustParse("2020-10-15")
	merger   = date.MustParse("2025-07-01")
)

func newEnv(t *testing.T) *env {
	t.Helper()
	d := dbtest.New(t)
	a := app.New(d, nil, app.Config{})
	e := &env{t: t, ctx: audit.WithActor(context.Background(), audit.Actor{Name: "test"}), app: a, s: a.Ingest,
		units: map[string]int64{}, persons: map[string]int64{}, users: map[string]auth.Principal{}}
	e.unit("tw", org.PartyCommittee, org.Central, "Ban Chấp hành Trung ương Đảng", "")
	for _, p := range []struct{ key, name string }{{"bk", "Bắc Kạn"}, {"tn", "Thái Nguyên"}} {
		e.unit(p.key+".tu", org.PartyCommittee, org.Province, "Tỉnh ủy "+p.name, "tw")
		e.unit(p.key+".btv", org.StandingBoard, org.Province, "Ban Thường vụ Tỉnh ủy "+p.name, p.key+".tu")
		e.unit(p.key+".btg", org.PartyAgency, org.Province, "Ban Tuyên giáo Tỉnh ủy "+p.name, p.key+".tu")
		e.unit(p.key+".hdnd", org.PeoplesCouncil, org.Province, "Hội đồng nhân dân tỉnh "+p.name, p.key+".tu")
		e.unit(p.key+".ubnd", org.PeoplesCommittee, org.Province, "Ủy ban nhân dân tỉnh "+p.name, p.key+".tu")
		e.unit(p.key+".doan", org.NADelegation, org.Province, "Đoàn đại biểu Quốc hội tỉnh "+p.name, p.key+".tu")
		e.unit(p.key+".stc", org.Department, org.Province, "Sở Tài chính tỉnh "+p.name, p.key+".ubnd")
	}
	e.user("office", auth.RoleOffice, auth.ClassToiMat, "bk.tu")
	e.user("reader", auth.RoleReader, auth.ClassNone, "")
	e.user("editor", auth.RoleEditor, auth.ClassNone, "")

	e.person("Lục Văn Thử", post{"secretary", "bk.tu", congress}, post{"na_delegation_head", "bk.doan", date.MustParse("2021-07-20")})
	e.person("Đinh Thị Mẫu", post{"standing_deputy_secretary", "bk.tu", congress})
	e.person("Triệu Văn Hai", post{"deputy_secretary", "bk.tu", congress}, post{"committee_chair", "bk.ubnd", date.MustParse("2021-06-28")})
	// A namesake with another post, in the other province.
	e.personAs("Triệu Văn Hai (TN)", "Triệu Văn Hai", post{"department_director", "tn.stc", start})
	// Only a namesake: the article's Hà Văn Khác is someone else.
	e.person("Hà Văn Khác", post{"committee_vice_chair", "tn.ubnd", start})

	var err error
	if e.term, err = a.Conferences.CreateTerm(e.ctx, conferences.TermInput{BodyID: e.units["bk.tu"], Numeral: "XII",
		YearFrom: 2020, YearTo: 2025, ValidFrom: congress}); err != nil {
		t.Fatal(err)
	}
	if e.conf5, err = a.Conferences.Create(e.ctx, access.System, conferences.Input{TermID: e.term.ID, Ordinal: 5,
		Kind: conferences.Regular, HeldOn: date.MustParse("2021-07-16")}); err != nil {
		t.Fatal(err)
	}
	if e.doc, err = a.Documents.Create(e.ctx, e.users["office"], documents.Input{Kind: "resolution", Symbol: "05-NQ/TU",
		IssuerUnitID: e.units["bk.tu"], IssuedOn: date.MustParse("2021-03-10"), Title: "Về phát triển kinh tế nông thôn"}); err != nil {
		t.Fatal(err)
	}
	if e.grdp, err = a.Indicators.Create(e.ctx, e.users["office"], indicators.Input{Code: "GRDP", Name: "Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)",
		Measure: "%", ValueKind: indicators.Change, Direction: indicators.Higher, Aggregation: indicators.NotAdditive, Periodicity: indicators.Quarter}); err != nil {
		t.Fatal(err)
	}
	if e.budget, err = a.Indicators.Create(e.ctx, e.users["office"], indicators.Input{Code: "THU", Name: "Thu ngân sách nhà nước trên địa bàn",
		Measure: "tỷ đồng", ValueKind: indicators.Amount, Direction: indicators.Higher, Aggregation: indicators.Sum, Periodicity: indicators.Quarter, Cumulative: true}); err != nil {
		t.Fatal(err)
	}
	// On 2025-07-01 Bắc Kạn's units merge into Thái Nguyên's, the committee last.
	for _, k := range []string{"stc", "btv", "btg", "hdnd", "doan", "ubnd", "tu"} {
		in := org.MergeInput{SourceIDs: []int64{e.units["bk."+k]}, TargetID: e.units["tn."+k], AdoptChildren: true,
			Act: org.Act{Effective: merger}}
		if _, err := a.Org.Merge(e.ctx, in); err != nil {
			t.Fatalf("merge %s: %v", k, err)
		}
	}
	return e
}

func (e *env) unit(code string, kind org.Kind, level org.Level, name, parent string) {
	e.t.Helper()
	u, err := e.app.Org.Create(e.ctx, org.CreateInput{
		NewUnit: org.NewUnit{Kind: kind, Level: level, Name: name, ParentID: e.units[parent]},
		Act:     org.Act{Effective: start},
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

type post struct {
	position, unit string
	from           date.Date
}

func (e *env) person(name string, posts ...post) { e.personAs(name, name, posts...) }

func (e *env) personAs(key, name string, posts ...post) {
	e.t.Helper()
	p, err := e.app.People.CreatePerson(e.ctx, people.PersonInput{FullName: name})
	if err != nil {
		e.t.Fatal(err)
	}
	e.persons[key] = p.ID
	for _, po := range posts {
		in := people.PostInput{PersonID: p.ID, PositionCode: po.position, UnitID: e.units[po.unit], ValidFrom: po.from}
		if _, err := e.app.People.AddPost(e.ctx, in); err != nil {
			e.t.Fatalf("post %s of %s: %v", po.position, name, err)
		}
	}
}

// as is the context of a request by user name: changes are theirs.
func (e *env) as(name string) context.Context {
	u := e.users[name].User
	return audit.WithActor(e.ctx, audit.Actor{UserID: u.ID, Name: u.Username})
}

func (e *env) viewer(name string) access.Viewer {
	e.t.Helper()
	v, err := e.app.Access.Viewer(e.ctx, e.users[name])
	if err != nil {
		e.t.Fatal(err)
	}
	return v
}

// submit queues an article as the office clerk and returns its item with
// the extraction.
func (e *env) submit(name, text string) ingest.Item {
	e.t.Helper()
	sub, err := e.s.Submit(e.as("office"), e.users["office"], ingest.ViaWeb, ingest.SubmitInput{Name: name, Text: text})
	if err != nil {
		e.t.Fatalf("submit %s: %v", name, err)
	}
	it, err := e.s.Get(e.ctx, e.viewer("office"), sub.Item.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	return it
}

// build returns the proposals of an item as the office clerk sees them.
func (e *env) build(it ingest.Item) ingest.Proposals {
	e.t.Helper()
	p, err := e.s.Build(e.ctx, e.viewer("office"), it)
	if err != nil {
		e.t.Fatal(err)
	}
	return p
}
