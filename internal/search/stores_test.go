package search_test

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"testing"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/conferences"
	"plenum/internal/date"
	"plenum/internal/documents"
	"plenum/internal/fixture"
	"plenum/internal/indicators"
	"plenum/internal/org"
	"plenum/internal/people"
	"plenum/internal/search"
	"plenum/internal/tasks"
)

// Units and people are indexed by their own stores on every change, in the
// change's transaction.
func TestUnitsAndPeopleAreIndexedByTheirStores(t *testing.T) {
	ctx := audit.WithActor(context.Background(), audit.Actor{Name: "test"})
	a := fixture.New(t).App
	find := func(q search.Query) search.Result {
		t.Helper()
		r, err := a.Search.Search(ctx, reader, q)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	titles := func(r search.Result) []string {
		var out []string
		for _, h := range r.Hits {
			out = append(out, h.Title.String())
		}
		return out
	}
	act := func(s string) org.Act { return org.Act{Effective: date.MustParse(s)} }
	province, err := a.Org.Create(ctx, org.CreateInput{NewUnit: org.NewUnit{Kind: org.PartyCommittee, Level: org.Province,
		Name: "Tỉnh ủy Bắc Thái"}, Act: act("1990-01-01")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Org.Rename(ctx, org.RenameInput{UnitID: province.ID, Name: "Tỉnh ủy Thái Nguyên", Act: act("1997-01-01")}); err != nil {
		t.Fatal(err)
	}
	board, err := a.Org.Create(ctx, org.CreateInput{NewUnit: org.NewUnit{Kind: org.PartyAgency, Level: org.Province,
		Name: "Ban Tổ chức", ParentID: province.ID}, Act: act("1997-01-01")})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"bac thai", "Thái Nguyên", "tinh uy thai"} {
		// The board under it is found by its parent's name, after it.
		if got := titles(find(search.Query{Text: q, Entity: "unit"})); len(got) == 0 || got[0] != "Tỉnh ủy Thái Nguyên" {
			t.Errorf("%q: %v, want the unit under today's name first", q, got)
		}
	}
	r := find(search.Query{Text: "ban to chuc thai nguyen"}) // the unit it sits under is searched too
	if got := titles(r); !slices.Equal(got, []string{"Ban Tổ chức"}) || r.Hits[0].URL != "/org/units/"+strconv.FormatInt(board.ID, 10) {
		t.Errorf("board: %v", r.Hits)
	}
	for _, f := range r.Facets {
		if f.Name == search.FacetUnit && (len(f.Values) != 1 || f.Values[0].Label != "Tỉnh ủy Thái Nguyên") {
			t.Errorf("unit facet: %+v", f.Values)
		}
		if f.Name == search.FacetKind && f.Values[0].Label != "Cơ quan tham mưu, giúp việc của cấp ủy" {
			t.Errorf("kind facet: %+v", f.Values)
		}
	}

	person, err := a.People.CreatePerson(ctx, people.PersonInput{FullName: "Nguyễn Văn Thuỷ"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.People.AddPost(ctx, people.PostInput{PersonID: person.ID, PositionCode: "secretary", UnitID: province.ID,
		ValidFrom: date.MustParse("2020-10-15")}); err != nil {
		t.Fatal(err)
	}
	r = find(search.Query{Text: "bi thu tinh uy thai nguyen"})
	if len(r.Hits) != 1 || r.Hits[0].Title.String() != "Nguyễn Văn Thủy" || r.Hits[0].Snippet.String() != "Bí thư Tỉnh ủy Thái Nguyên" {
		t.Fatalf("person by post: %+v", r.Hits)
	}
	if _, err := a.People.UpdatePerson(ctx, person.ID, people.PersonInput{FullName: "Nguyễn Văn Thủy Tiên"}); err != nil {
		t.Fatal(err)
	}
	if got := titles(find(search.Query{Text: "thuy tien"})); !slices.Equal(got, []string{"Nguyễn Văn Thủy Tiên"}) {
		t.Errorf("renamed person: %v", got)
	}

	// Dissolving the unit ends it in the index too; a change that rolls
	// back leaves nothing in the index.
	if _, err := a.Org.Dissolve(ctx, org.DissolveInput{UnitID: board.ID, Act: act("2025-07-01")}); err != nil {
		t.Fatal(err)
	}
	if r := find(search.Query{Text: "ban to chuc", Status: "ended"}); r.Total != 1 {
		t.Errorf("dissolved unit: %d hits with status ended", r.Total)
	}
	boom := errors.New("boom")
	err = a.DB.Tx(ctx, func(ctx context.Context) error {
		if _, err := a.Org.Create(ctx, org.CreateInput{NewUnit: org.NewUnit{Kind: org.Department, Level: org.Province,
			Name: "Sở Ngoại vụ"}, Act: act("2000-01-01")}); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatal(err)
	}
	if r := find(search.Query{Text: "so ngoai vu"}); r.Total != 0 {
		t.Errorf("a rolled back unit is in the index: %v", titles(r))
	}
	if n, err := a.Search.Rebuild(ctx, a.Org.SearchSource()); err != nil || n != 2 {
		t.Errorf("rebuild: %d %v", n, err)
	}
}

// TestEveryKindIsFoundByItsReaders: a record of every kind the index holds,
// written through its store, is found by each reader whose role may open
// that kind, and by no other. (Tasks and indicators were once indexed and
// then filtered away from every search, for everyone.)
func TestEveryKindIsFoundByItsReaders(t *testing.T) {
	e := fixture.New(t)
	tu := e.Unit("tu", org.PartyCommittee, org.Province, "Tỉnh ủy Kiểm Chứng", "")
	office := e.User("office", auth.RoleOffice, auth.ClassToiMat, "tu", 0)
	for _, u := range []struct {
		name string
		role auth.Role
	}{{"leader", auth.RoleLeader}, {"unit", auth.RoleUnit}, {"editor", auth.RoleEditor}, {"reader", auth.RoleReader}, {"admin", auth.RoleAdmin}} {
		e.User(u.name, u.role, auth.ClassNone, "tu", 0)
	}
	a, ctx := e.App, e.As("office")
	const word = "Khảo nghiệm 8821"
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	day := date.MustParse("2026-03-02")
	e.Unit("ban", org.PartyAgency, org.Province, "Ban "+word, "tu")
	_, err := a.People.CreatePerson(ctx, people.PersonInput{FullName: "Nguyễn Văn " + word})
	must(err)
	_, err = a.Documents.Create(ctx, office, documents.Input{Kind: "plan", Symbol: "88-KH/TU", IssuerUnitID: tu,
		Title: "Kế hoạch " + word, IssuedOn: day, Place: "Kiểm Chứng"})
	must(err)
	term, err := a.Conferences.CreateTerm(ctx, conferences.TermInput{BodyID: tu, Numeral: "XX", YearFrom: 2025, YearTo: 2030,
		ValidFrom: date.MustParse("2025-10-01")})
	must(err)
	_, err = a.Conferences.Create(ctx, access.System, conferences.Input{TermID: term.ID, Kind: conferences.Regular, HeldOn: day,
		Subject: "Hội nghị " + word})
	must(err)
	_, err = a.Tasks.Create(ctx, office, tasks.Input{Title: "Nhiệm vụ " + word, LeadUnitID: tu, StartOn: day, DueOn: day.AddDays(30)})
	must(err)
	_, err = a.Indicators.Create(ctx, office, indicators.Input{Code: "KN01", Name: "Chỉ tiêu " + word, Measure: "%",
		ValueKind: indicators.Percent, Direction: indicators.Higher, Aggregation: indicators.NotAdditive, Periodicity: indicators.Year,
		ScopeUnitID: tu, TermFirst: 2025, TermLast: 2030})
	must(err)
	everything := []string{"conference", "document", "indicator", "person", "task", "unit"}
	for name, want := range map[string][]string{
		"office": everything, "admin": everything, "leader": everything, "unit": everything,
		// Editors and readers do not open tasks.
		"editor": {"conference", "document", "indicator", "person", "unit"},
		"reader": {"conference", "document", "indicator", "person", "unit"},
	} {
		r, err := a.Search.Search(e.Ctx, e.Viewer(name), search.Query{Text: "khao nghiem 8821", Readable: search.Readable(e.Users[name]), Limit: 50})
		must(err)
		var found []string
		for _, h := range r.Hits {
			found = append(found, h.Entity)
		}
		slices.Sort(found)
		if !slices.Equal(found, want) {
			t.Errorf("%s finds %v, want %v", name, found, want)
		}
	}
}
