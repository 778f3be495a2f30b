package people_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"plenum/internal/audit"
	"plenum/internal/clock/clocktest"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/db/dbtest"
	"plenum/internal/org"
	"plenum/internal/people"
	"plenum/internal/problem"
)

func day(s string) date.Date { return date.MustParse(s) }

// fixture: the Central Committee; Bắc Kạn's Provincial Committee, Standing
// Board, People's Council and Committee, a department and a commune; Thái
// Nguyên's committee, into which Bắc Kạn's merges on 2025-07-01.
type fixture struct {
	t   *testing.T
	ctx context.Context
	db  *db.DB
	log *audit.Log
	org *org.Store
	s   *people.Store

	tw, bk, btv, hdnd, ubnd, soTC, xa, tn int64
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	d := dbtest.New(t)
	log := audit.New(d, clocktest.New(t))
	units := org.New(d, log, clocktest.New(t))
	f := &fixture{t: t, ctx: context.Background(), db: d, log: log, org: units, s: people.New(d, log, clocktest.New(t), units)}
	mk := func(name string, kind org.Kind, level org.Level, parent int64) int64 {
		u, err := units.Create(f.ctx, org.CreateInput{NewUnit: org.NewUnit{Kind: kind, Level: level, Name: name, ParentID: parent},
			Act: org.Act{Effective: day("2016-01-01")}})
		if err != nil {
			t.Fatal(err)
		}
		return u.ID
	}
	f.tw = mk("Ban Chấp hành Trung ương Đảng", org.PartyCommittee, org.Central, 0)
	f.bk = mk("Tỉnh ủy Bắc Kạn", org.PartyCommittee, org.Province, f.tw)
	f.btv = mk("Ban Thường vụ Tỉnh ủy Bắc Kạn", org.StandingBoard, org.Province, f.bk)
	f.hdnd = mk("Hội đồng nhân dân tỉnh Bắc Kạn", org.PeoplesCouncil, org.Province, f.bk)
	f.ubnd = mk("Ủy ban nhân dân tỉnh Bắc Kạn", org.PeoplesCommittee, org.Province, f.bk)
	f.soTC = mk("Sở Tài chính tỉnh Bắc Kạn", org.Department, org.Province, f.ubnd)
	f.xa = mk("Đảng ủy xã Nam Mẫu", org.PartyCommittee, org.Commune, f.bk)
	f.tn = mk("Tỉnh ủy Thái Nguyên", org.PartyCommittee, org.Province, f.tw)
	return f
}

func (f *fixture) person(name string) int64 {
	f.t.Helper()
	p, err := f.s.CreatePerson(f.ctx, people.PersonInput{FullName: name})
	if err != nil {
		f.t.Fatal(err)
	}
	return p.ID
}

func (f *fixture) post(person int64, code string, unit int64, from, to string) people.Post {
	f.t.Helper()
	in := people.PostInput{PersonID: person, PositionCode: code, UnitID: unit, ValidFrom: day(from)}
	if to != "" {
		in.ValidTo = day(to)
	}
	p, err := f.s.AddPost(f.ctx, in)
	if err != nil {
		f.t.Fatalf("add post %s: %v", code, err)
	}
	return p
}

func (f *fixture) count(table string) int {
	f.t.Helper()
	var n int
	if err := f.db.Primary().QueryRowContext(f.ctx, `SELECT count(*) FROM `+table).Scan(&n); err != nil {
		f.t.Fatal(err)
	}
	return n
}

func wantProblem(t *testing.T, err error, code problem.Code, field string) {
	t.Helper()
	p, ok := problem.As(err)
	if !ok {
		t.Fatalf("want a %s problem on %s, got %v", code, field, err)
	}
	if p.Code != code {
		t.Errorf("code = %s, want %s (%v)", p.Code, code, err)
	}
	for _, fl := range p.Fields {
		if fl.Name == field {
			for _, lang := range []string{"vi", "en"} {
				if msg := p.FieldMessage(lang, field); msg == "" || strings.HasPrefix(msg, "people.") || strings.HasPrefix(msg, "org.") || strings.HasPrefix(msg, "error.") {
					t.Errorf("%s message for %s is %q", lang, field, msg)
				}
			}
			return
		}
	}
	t.Errorf("problem does not name field %s: %v", field, err)
}

func TestPersons(t *testing.T) {
	f := newFixture(t)
	p, err := f.s.CreatePerson(f.ctx, people.PersonInput{FullName: "  Hoàng  Thị   Thuý ", Gender: people.Female, BirthYear: 1975, Note: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if p.FullName != "Hoàng Thị Thúy" {
		t.Errorf("normalised name %q", p.FullName)
	}
	got, err := f.s.GetPerson(f.ctx, p.ID)
	if err != nil || got != p {
		t.Errorf("get %+v %v", got, err)
	}
	up, err := f.s.UpdatePerson(f.ctx, p.ID, people.PersonInput{FullName: "Hoàng Thị Thủy", Gender: people.Female})
	if err != nil || up.BirthYear != 0 || up.FullName != "Hoàng Thị Thủy" {
		t.Errorf("update %+v %v", up, err)
	}
	_, err = f.s.GetPerson(f.ctx, 9999)
	wantProblem(t, err, problem.NotFound, "id")
	_, err = f.s.UpdatePerson(f.ctx, 9999, people.PersonInput{FullName: "X"})
	wantProblem(t, err, problem.NotFound, "id")

	tests := []struct {
		name  string
		in    people.PersonInput
		field string
	}{
		{"no name", people.PersonInput{FullName: " "}, "full_name"},
		{"long name", people.PersonInput{FullName: strings.Repeat("Nguyễn ", 30)}, "full_name"},
		{"bad gender", people.PersonInput{FullName: "Lê Văn Bình", Gender: "m"}, "gender"},
		{"birth year too early", people.PersonInput{FullName: "Lê Văn Bình", BirthYear: 1850}, "birth_year"},
		{"birth year in the future", people.PersonInput{FullName: "Lê Văn Bình", BirthYear: 3000}, "birth_year"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := f.count("persons") + f.count("audit_log")
			_, err := f.s.CreatePerson(f.ctx, tt.in)
			wantProblem(t, err, problem.Invalid, tt.field)
			_, err = f.s.UpdatePerson(f.ctx, p.ID, tt.in)
			wantProblem(t, err, problem.Invalid, tt.field)
			if after := f.count("persons") + f.count("audit_log"); after != before {
				t.Errorf("partial write")
			}
		})
	}
}

func TestVietnameseOrderAndPaging(t *testing.T) {
	f := newFixture(t)
	// By given name, then middle, then family name; Vietnamese letters and
	// tones: An < Anh < Ánh < Bình < Dũng < Đức.
	for _, n := range []string{"Lê Văn Bình", "Trần Thị Ánh", "Phạm Minh Đức", "Nguyễn Văn An", "Hoàng Văn Dũng", "Đỗ Thị Anh", "Bùi Văn An"} {
		f.person(n)
	}
	page, err := f.s.List(f.ctx, people.ListQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range page.People {
		got = append(got, p.FullName)
	}
	want := []string{"Bùi Văn An", "Nguyễn Văn An", "Đỗ Thị Anh", "Trần Thị Ánh", "Lê Văn Bình", "Hoàng Văn Dũng", "Phạm Minh Đức"}
	if !slices.Equal(got, want) || page.Total != 7 {
		t.Errorf("order = %v (total %d)", got, page.Total)
	}
	// Paging follows the same order.
	page, _ = f.s.List(f.ctx, people.ListQuery{Limit: 2, Offset: 2})
	if len(page.People) != 2 || page.People[0].FullName != "Đỗ Thị Anh" || page.People[1].FullName != "Trần Thị Ánh" || page.Total != 7 {
		t.Errorf("page 2 = %+v", page)
	}
	// Folded search, word by word.
	for q, want := range map[string][]string{
		"nguyen van an": {"Nguyễn Văn An"},
		"ANH":           {"Đỗ Thị Anh", "Trần Thị Ánh"},
		"do":            {"Đỗ Thị Anh"},
		"van an":        {"Bùi Văn An", "Nguyễn Văn An"},
		"%":             nil,
	} {
		page, err := f.s.List(f.ctx, people.ListQuery{Search: q})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range page.People {
			got = append(got, p.FullName)
		}
		if !slices.Equal(got, want) {
			t.Errorf("search %q = %v, want %v", q, got, want)
		}
	}
	_, err = f.s.List(f.ctx, people.ListQuery{Offset: -1})
	wantProblem(t, err, problem.Invalid, "offset")
}

func TestPostsAndHolders(t *testing.T) {
	f := newFixture(t)
	a, b := f.person("Nông Văn Khải"), f.person("Triệu Thị Lan")
	p := f.post(a, "secretary", f.bk, "2016-01-01", "2020-10-15")
	if p.Title != "Bí thư Tỉnh ủy Bắc Kạn" || p.UnitName != "Tỉnh ủy Bắc Kạn" || p.PositionNameVI != "Bí thư" || p.UnitLevel != org.Province {
		t.Errorf("post %+v", p)
	}
	f.post(b, "secretary", f.bk, "2020-10-15", "")
	// Who was Bí thư Tỉnh ủy Bắc Kạn on a date.
	for on, want := range map[string]int64{"2019-05-01": a, "2020-10-14": a, "2020-10-15": b, "2021-10-11": b} {
		h, err := f.s.Holders(f.ctx, f.bk, "secretary", day(on))
		if err != nil {
			t.Fatal(err)
		}
		if len(h) != 1 || h[0].PersonID != want {
			t.Errorf("holders on %s = %+v", on, h)
		}
	}
	if h, _ := f.s.Holders(f.ctx, f.bk, "secretary", day("2015-01-01")); len(h) != 0 {
		t.Errorf("holders before = %+v", h)
	}
	// A page's posts in one query agree with each person's own.
	for _, on := range []string{"2015-01-01", "2019-05-01", "2021-10-11"} {
		each, err := f.s.PostsOfEach(f.ctx, []int64{a, b}, day(on))
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range []int64{a, b} {
			own, err := f.s.PostsOf(f.ctx, id, day(on))
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(each[id]) != fmt.Sprint(own) {
				t.Errorf("posts of %d on %s: %v, own %v", id, on, each[id], own)
			}
		}
	}
	_, err := f.s.Holders(f.ctx, 0, "", day("2020-01-01"))
	wantProblem(t, err, problem.Invalid, "position_code")
	_, err = f.s.Holders(f.ctx, f.bk, "king", day("2020-01-01"))
	wantProblem(t, err, problem.Invalid, "position_code")

	// Composed titles share words with the unit's name.
	for _, c := range []struct {
		code  string
		unit  int64
		title string
	}{
		{"standing_board_member", f.btv, "Ủy viên Ban Thường vụ Tỉnh ủy Bắc Kạn"},
		{"committee_chair", f.ubnd, "Chủ tịch Ủy ban nhân dân tỉnh Bắc Kạn"},
		{"department_director", f.soTC, "Giám đốc Sở Tài chính tỉnh Bắc Kạn"},
	} {
		if p := f.post(a, c.code, c.unit, "2016-01-01", "2020-01-01"); p.Title != c.title {
			t.Errorf("title %q, want %q", p.Title, c.title)
		}
	}

	// End, correct, remove.
	open := f.post(a, "council_chair", f.hdnd, "2016-06-28", "")
	ended, err := f.s.EndPost(f.ctx, people.EndPostInput{PostID: open.ID, ValidTo: day("2021-06-25")})
	if err != nil || ended.ValidTo != day("2021-06-25") {
		t.Fatalf("end %+v %v", ended, err)
	}
	_, err = f.s.EndPost(f.ctx, people.EndPostInput{PostID: open.ID, ValidTo: day("2022-01-01")})
	wantProblem(t, err, problem.Conflict, "valid_to")
	fixed, err := f.s.CorrectPost(f.ctx, open.ID, people.PostInput{PersonID: a, PositionCode: "council_chair", UnitID: f.hdnd,
		Title: "Chủ tịch HĐND tỉnh Bắc Kạn khóa IX", ValidFrom: day("2016-06-29"), ValidTo: day("2021-06-25")})
	if err != nil || fixed.ValidFrom != day("2016-06-29") || fixed.Title != "Chủ tịch HĐND tỉnh Bắc Kạn khóa IX" {
		t.Errorf("correct %+v %v", fixed, err)
	}
	if err := f.s.RemovePost(f.ctx, open.ID); err != nil {
		t.Fatal(err)
	}
	_, err = f.s.GetPost(f.ctx, open.ID)
	wantProblem(t, err, problem.NotFound, "post_id")
	rep, err := f.log.Verify(f.ctx)
	if err != nil || !rep.OK() {
		t.Errorf("verify %+v %v", rep, err)
	}
	for _, action := range []string{"create", "end", "update", "delete"} {
		if es, _ := f.log.List(f.ctx, audit.Filter{Entity: "post", Action: action}); len(es) == 0 {
			t.Errorf("no audit entry for %s", action)
		}
	}
}

func TestPostRefusals(t *testing.T) {
	f := newFixture(t)
	a := f.person("Ma Văn Lực")
	f.post(a, "committee_chair", f.ubnd, "2019-03-15", "")
	// The commune ends on 2025-07-01.
	if _, err := f.org.Dissolve(f.ctx, org.DissolveInput{UnitID: f.xa, Act: org.Act{Effective: day("2025-07-01")}}); err != nil {
		t.Fatal(err)
	}
	in := func(mod func(*people.PostInput)) people.PostInput {
		p := people.PostInput{PersonID: a, PositionCode: "secretary", UnitID: f.bk, ValidFrom: day("2020-10-15")}
		mod(&p)
		return p
	}
	tests := []struct {
		name  string
		in    people.PostInput
		code  problem.Code
		field string
	}{
		{"no person", in(func(p *people.PostInput) { p.PersonID = 0 }), problem.Invalid, "person_id"},
		{"unknown person", in(func(p *people.PostInput) { p.PersonID = 9999 }), problem.Invalid, "person_id"},
		{"no position", in(func(p *people.PostInput) { p.PositionCode = "" }), problem.Invalid, "position_code"},
		{"unknown position", in(func(p *people.PostInput) { p.PositionCode = "king" }), problem.Invalid, "position_code"},
		{"no unit", in(func(p *people.PostInput) { p.UnitID = 0 }), problem.Invalid, "unit_id"},
		{"unknown unit", in(func(p *people.PostInput) { p.UnitID = 9999 }), problem.Invalid, "unit_id"},
		{"no start", in(func(p *people.PostInput) { p.ValidFrom = date.Date{} }), problem.Invalid, "valid_from"},
		{"end before start", in(func(p *people.PostInput) { p.ValidTo = day("2020-10-14") }), problem.Invalid, "valid_to"},
		{"end on start", in(func(p *people.PostInput) { p.ValidTo = day("2020-10-15") }), problem.Invalid, "valid_to"},
		{"before the unit", in(func(p *people.PostInput) { p.ValidFrom = day("2015-01-01") }), problem.Invalid, "valid_from"},
		{"after the unit", in(func(p *people.PostInput) { p.UnitID = f.xa; p.ValidFrom = day("2025-07-01") }), problem.Invalid, "valid_from"},
		{"open in an ended unit", in(func(p *people.PostInput) { p.UnitID = f.xa }), problem.Invalid, "valid_to"},
		{"outlives the unit", in(func(p *people.PostInput) { p.UnitID = f.xa; p.ValidTo = day("2025-08-01") }), problem.Invalid, "valid_to"},
		{"overlaps the same post", in(func(p *people.PostInput) {
			p.PositionCode, p.UnitID, p.ValidFrom, p.ValidTo = "committee_chair", f.ubnd, day("2016-01-01"), day("2019-03-16")
		}), problem.Conflict, "valid_from"},
		{"long title", in(func(p *people.PostInput) { p.Title = strings.Repeat("Bí thư ", 60) }), problem.Invalid, "title"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := f.count("posts") + f.count("audit_log")
			_, err := f.s.AddPost(f.ctx, tt.in)
			wantProblem(t, err, tt.code, tt.field)
			if after := f.count("posts") + f.count("audit_log"); after != before {
				t.Errorf("partial write")
			}
		})
	}
	// Adjacent intervals of the same post do not overlap; a post in an
	// ended unit that ends with it is fine.
	f.post(a, "committee_chair", f.ubnd, "2016-01-01", "2019-03-15")
	f.post(a, "secretary", f.xa, "2020-10-15", "2025-07-01")
	_, err := f.s.EndPost(f.ctx, people.EndPostInput{PostID: 9999, ValidTo: day("2025-01-01")})
	wantProblem(t, err, problem.NotFound, "post_id")
	_, err = f.s.EndPost(f.ctx, people.EndPostInput{PostID: 1})
	wantProblem(t, err, problem.Invalid, "valid_to")
	_, err = f.s.EndPost(f.ctx, people.EndPostInput{PostID: 1, ValidTo: day("2019-03-15")})
	wantProblem(t, err, problem.Invalid, "valid_to")
	_, err = f.s.CorrectPost(f.ctx, 1, people.PostInput{PersonID: a, PositionCode: "committee_chair", UnitID: f.ubnd, ValidFrom: day("2018-01-01")})
	wantProblem(t, err, problem.Conflict, "valid_from")
	err = f.s.RemovePost(f.ctx, 9999)
	wantProblem(t, err, problem.NotFound, "post_id")
}

func TestPrecedence(t *testing.T) {
	f := newFixture(t)
	a := f.person("Lục Văn Toàn")
	from := "2021-07-01"
	// Added in scrambled order.
	codes := []struct {
		code string
		unit int64
	}{
		{"committee_vice_chair", f.ubnd},
		{"department_director", f.soTC},
		{"secretary", f.xa},
		{"board_head", f.bk},
		{"standing_board_member", f.btv},
		{"council_chair", f.hdnd},
		{"central_committee_member", f.tw},
		{"deputy_secretary", f.bk},
	}
	for _, c := range codes {
		f.post(a, c.code, c.unit, from, "")
	}
	f.post(a, "executive_committee_member", f.bk, "2016-01-01", "2020-10-15")
	posts, err := f.s.PostsOf(f.ctx, a, day("2022-01-01"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range posts {
		got = append(got, p.PositionCode)
	}
	// Central first; then at the province by rank, Party before State at
	// equal rank (Trưởng ban and Giám đốc Sở); the commune last.
	want := []string{"central_committee_member", "deputy_secretary", "standing_board_member", "council_chair",
		"committee_vice_chair", "board_head", "department_director", "secretary"}
	if !slices.Equal(got, want) {
		t.Errorf("precedence\n got %v\nwant %v", got, want)
	}
	all, _ := f.s.PostsOf(f.ctx, a, date.Date{})
	if len(all) != 9 {
		t.Errorf("all posts = %d", len(all))
	}
	// Leadership of the Provincial Committee on a date, in precedence and
	// then name order.
	b, c := f.person("Triệu Văn Bình"), f.person("Hà Thị Anh")
	f.post(b, "secretary", f.bk, "2020-10-15", "")
	f.post(c, "deputy_secretary", f.bk, "2020-10-15", "")
	lead, err := f.s.Leadership(f.ctx, f.bk, day("2022-01-01"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range lead {
		names = append(names, p.PersonName+" — "+p.Title)
	}
	wantLead := []string{"Triệu Văn Bình — Bí thư Tỉnh ủy Bắc Kạn", "Hà Thị Anh — Phó Bí thư Tỉnh ủy Bắc Kạn",
		"Lục Văn Toàn — Phó Bí thư Tỉnh ủy Bắc Kạn", "Lục Văn Toàn — Trưởng ban Tỉnh ủy Bắc Kạn"}
	if !slices.Equal(names, wantLead) {
		t.Errorf("leadership\n got %v\nwant %v", names, wantLead)
	}
	pos, err := f.s.Positions(f.ctx)
	if err != nil || len(pos) < 30 || pos[0].Code != "general_secretary" || pos[0].Name("en") != "General Secretary" {
		t.Errorf("positions %v %v", pos[:1], err)
	}
}

func TestListByLineage(t *testing.T) {
	f := newFixture(t)
	old, kept, other := f.person("Nông Thị Mai"), f.person("Lý Văn Hưng"), f.person("Vũ Văn Phong")
	f.post(old, "secretary", f.bk, "2020-10-15", "")
	f.post(kept, "deputy_secretary", f.tn, "2020-10-15", "")
	f.post(other, "committee_chair", f.ubnd, "2020-10-15", "")
	// Bắc Kạn's committee merges into Thái Nguyên's; its units come along.
	if _, err := f.org.Merge(f.ctx, org.MergeInput{SourceIDs: []int64{f.bk}, TargetID: f.tn, AdoptChildren: true,
		Act: org.Act{Effective: day("2025-07-01")}}); err != nil {
		t.Fatal(err)
	}
	// The secretary's post ended with the committee.
	posts, _ := f.s.PostsOf(f.ctx, old, date.Date{})
	if len(posts) != 1 || posts[0].ValidTo != day("2025-07-01") {
		t.Errorf("post after merge %+v", posts)
	}
	f.post(old, "deputy_secretary", f.tn, "2025-07-01", "")
	list := func(q people.ListQuery) []string {
		t.Helper()
		page, err := f.s.List(f.ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, p := range page.People {
			out = append(out, p.FullName)
		}
		return out
	}
	// Everyone who ever held a post in Thái Nguyên's committee or in Bắc
	// Kạn's, which merged into it.
	if got := list(people.ListQuery{UnitID: f.tn}); !slices.Equal(got, []string{"Lý Văn Hưng", "Nông Thị Mai"}) {
		t.Errorf("lineage list = %v", got)
	}
	if got := list(people.ListQuery{UnitID: f.tn, AsOf: day("2021-10-11")}); !slices.Equal(got, []string{"Lý Văn Hưng", "Nông Thị Mai"}) {
		t.Errorf("lineage list in 2021 = %v", got)
	}
	if got := list(people.ListQuery{UnitID: f.bk}); !slices.Equal(got, []string{"Nông Thị Mai"}) {
		t.Errorf("predecessor's own list = %v", got)
	}
	if got := list(people.ListQuery{AsOf: day("2026-01-01")}); !slices.Equal(got, []string{"Lý Văn Hưng", "Nông Thị Mai", "Vũ Văn Phong"}) {
		t.Errorf("holding any post in 2026 = %v", got)
	}
	if got := list(people.ListQuery{UnitID: f.tn, Search: "mai"}); !slices.Equal(got, []string{"Nông Thị Mai"}) {
		t.Errorf("search within lineage = %v", got)
	}
	// Leadership of the merged committee after the merge.
	lead, _ := f.s.Leadership(f.ctx, f.tn, day("2025-07-02"))
	if len(lead) != 2 {
		t.Errorf("leadership after merge %+v", lead)
	}
}

func TestLabels(t *testing.T) {
	for _, x := range []interface{ Label(string) string }{people.Male, people.Female, people.Party, people.State, people.Front, people.Other} {
		vi, en := x.Label("vi"), x.Label("en")
		if vi == "" || en == "" || vi == en || strings.HasPrefix(vi, "people.") {
			t.Errorf("%v: labels %q / %q", x, vi, en)
		}
	}
}
