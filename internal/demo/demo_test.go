package demo_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"plenum/internal/audit"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/demo"
	"plenum/internal/fixture"
	"plenum/internal/org"
	"plenum/internal/people"
	"plenum/internal/vn"
)

type loaded struct {
	db     *db.DB
	log    *audit.Log
	units  *org.Store
	people *people.Store
}

// TestDemo loads the whole demo once, as `plenum serve --demo` does, and
// checks each part of it in subtests.
func TestDemo(t *testing.T) {
	a := fixture.New(t).App
	ctx := audit.WithActor(context.Background(), audit.Actor{Name: "demo"})
	l := loaded{db: a.DB, log: a.Audit, units: a.Org, people: a.People}
	start := time.Now()
	accounts, err := demo.Load(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("demo loaded on %s in %v", a.DB.Dialect, time.Since(start))
	office, err := demo.Office(ctx, a.Auth)
	if err != nil || len(accounts) == 0 {
		t.Fatalf("office %v, %d accounts", err, len(accounts))
	}
	t.Run("tree before and after the reform", func(t *testing.T) { testTree(t, l) })
	t.Run("who was secretary", func(t *testing.T) { testWhoWasSecretary(t, l) })
	t.Run("lineage lists predecessors' people", func(t *testing.T) { testLineageLists(t, l) })
	t.Run("audited, refused twice", func(t *testing.T) { testAudited(t, l) })
	t.Run("names invented and distinct", func(t *testing.T) { testNames(t, l) })
	t.Run("documents", func(t *testing.T) { checkDocuments(t, a, ctx) })
	t.Run("conferences", func(t *testing.T) { checkConferences(t, a, ctx, office) })
	t.Run("indicators", func(t *testing.T) { checkIndicators(t, a, ctx, office) })
	t.Run("tasks", func(t *testing.T) { checkTasks(t, a, ctx) })
	if _, err := demo.Load(ctx, a); err == nil {
		t.Error("the demo loaded twice")
	}
}

func day(s string) date.Date { return date.MustParse(s) }

func byCode(t *testing.T, l loaded, code string) org.Unit {
	t.Helper()
	u, err := l.units.ByCode(context.Background(), code, date.Date{})
	if err != nil {
		t.Fatalf("unit %s: %v", code, err)
	}
	return u
}

func testTree(t *testing.T, l loaded) {
	ctx := context.Background()
	provinceNames := func(on string) []string {
		t.Helper()
		trees, err := l.units.Tree(ctx, org.TreeQuery{AsOf: day(on)})
		if err != nil {
			t.Fatal(err)
		}
		if len(trees) != 1 || trees[0].Name != "Ban Chấp hành Trung ương Đảng" {
			t.Fatalf("roots on %s: %d", on, len(trees))
		}
		var out []string
		levels := map[org.Level]int{}
		trees[0].Walk(func(n *org.Node, depth int) {
			levels[n.Level]++
			if depth == 1 && n.Kind == org.PartyCommittee {
				out = append(out, n.Name)
			}
		})
		t.Logf("%s: %v units by level", on, levels)
		if on >= "2025-07-01" && levels[org.District] != 0 {
			t.Errorf("district-level units on %s: %d", on, levels[org.District])
		}
		if on < "2025-07-01" && levels[org.District] != 59*3 {
			t.Errorf("district-level units on %s: %d, want 177", on, levels[org.District])
		}
		return out
	}
	before := provinceNames("2025-06-30")
	want := []string{"Tỉnh ủy Bắc Kạn", "Tỉnh ủy Hà Giang", "Tỉnh ủy Long An", "Tỉnh ủy Tây Ninh", "Tỉnh ủy Thái Nguyên", "Tỉnh ủy Tuyên Quang"}
	if !slices.Equal(before, want) {
		t.Errorf("provinces on 2025-06-30: %v", before)
	}
	after := provinceNames("2025-07-02")
	if !slices.Equal(after, []string{"Tỉnh ủy Tây Ninh", "Tỉnh ủy Thái Nguyên", "Tỉnh ủy Tuyên Quang"}) {
		t.Errorf("provinces on 2025-07-02: %v", after)
	}
	// Bắc Kạn's committee, and everything merged into Thái Nguyên's, is in
	// its lineage.
	tn, bk := byCode(t, l, "thai-nguyen.tu"), byCode(t, l, "bac-kan.tu")
	if bk.EndReason != org.Merged || bk.ValidTo != demo.Reform {
		t.Errorf("Bắc Kạn's committee: %+v", bk)
	}
	if after, err := l.units.ByCode(ctx, "bac-kan.tu", demo.Reform); err != nil || after.Alive {
		t.Errorf("Bắc Kạn's committee on the day of the reform: %+v %v", after, err)
	}
	lin, err := l.units.Lineage(ctx, tn.ID)
	if err != nil || !slices.Contains(lin, bk.ID) {
		t.Errorf("lineage of Thái Nguyên %v lacks Bắc Kạn %d (%v)", lin, bk.ID, err)
	}
	succ, _ := l.units.Successors(ctx, bk.ID)
	if len(succ) != 1 || succ[0].Unit.Name != "Tỉnh ủy Thái Nguyên" || !strings.Contains(succ[0].Basis, "Bộ Chính trị") {
		t.Errorf("successors of Bắc Kạn %+v", succ)
	}
	// Bắc Kạn's communes are under Thái Nguyên now; some were merged.
	duc := byCode(t, l, "bac-kan.bac-kan.duc-xuan.du")
	path, _ := l.units.Path(ctx, duc.ID, day("2025-07-02"))
	var names []string
	for _, u := range path {
		names = append(names, u.Name)
	}
	if strings.Join(names, " › ") != "Ban Chấp hành Trung ương Đảng › Tỉnh ủy Thái Nguyên › Đảng ủy phường Đức Xuân" {
		t.Errorf("path of Đức Xuân after the reform: %v", names)
	}
	path, _ = l.units.Path(ctx, duc.ID, day("2025-06-30"))
	if len(path) != 4 || path[2].Name != "Thành ủy Bắc Kạn" {
		t.Errorf("path of Đức Xuân before the reform: %v", path)
	}
	dlin, _ := l.units.Lineage(ctx, duc.ID)
	if len(dlin) != 3 {
		t.Errorf("lineage of Đức Xuân %v", dlin)
	}
	// Thái Nguyên's People's Committee has Bắc Kạn's, and their departments
	// of finance absorbed the departments of planning in March.
	tc := byCode(t, l, "thai-nguyen.so-tc")
	tcl, _ := l.units.Lineage(ctx, tc.ID)
	if len(tcl) != 4 {
		t.Errorf("lineage of Sở Tài chính Thái Nguyên: %v", tcl)
	}
	// Renames before 2025 are real: Trảng Bàng became a thị xã in 2020.
	tb := byCode(t, l, "tay-ninh.trang-bang.hu")
	if u, _ := l.units.Get(ctx, tb.ID, day("2019-12-31")); u.Name != "Huyện ủy Trảng Bàng" {
		t.Errorf("Trảng Bàng in 2019: %s", u.Name)
	}
	if u, _ := l.units.Get(ctx, tb.ID, day("2020-02-01")); u.Name != "Thị ủy Trảng Bàng" {
		t.Errorf("Trảng Bàng in 2020: %s", u.Name)
	}
	// Search ignores accents and finds the ended provinces all-time.
	found, _ := l.units.Search(ctx, org.SearchQuery{Text: "tinh uy bac kan", AllTime: true, Kind: org.PartyCommittee})
	if len(found) != 1 || found[0].ID != bk.ID {
		t.Errorf("search: %+v", found)
	}
}

func testWhoWasSecretary(t *testing.T, l loaded) {
	ctx := context.Background()
	bk := byCode(t, l, "bac-kan.tu")
	h, err := l.people.Holders(ctx, bk.ID, "secretary", day("2021-10-11"))
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 1 || h[0].Title != "Bí thư Tỉnh ủy Bắc Kạn" || h[0].ValidFrom != day("2020-10-15") || h[0].ValidTo != demo.Reform {
		t.Fatalf("Bí thư Tỉnh ủy Bắc Kạn on 2021-10-11: %+v", h)
	}
	before, _ := l.people.Holders(ctx, bk.ID, "secretary", day("2018-01-01"))
	if len(before) != 1 || before[0].PersonID == h[0].PersonID {
		t.Errorf("the secretary before: %+v", before)
	}
	// Several concurrent posts, in order of precedence; after the reform a
	// Deputy Secretary of Thái Nguyên.
	posts, _ := l.people.PostsOf(ctx, h[0].PersonID, day("2021-10-11"))
	var titles []string
	for _, p := range posts {
		titles = append(titles, p.Title)
	}
	if !slices.Equal(titles, []string{"Ủy viên Ban Chấp hành Trung ương Đảng", "Bí thư Tỉnh ủy Bắc Kạn", "Chủ tịch Hội đồng nhân dân tỉnh Bắc Kạn"}) {
		t.Errorf("posts on 2021-10-11: %v", titles)
	}
	now, _ := l.people.PostsOf(ctx, h[0].PersonID, day("2025-07-02"))
	if len(now) != 2 || now[1].Title != "Phó Bí thư Tỉnh ủy Thái Nguyên" {
		t.Errorf("posts after the reform: %+v", now)
	}
	p, _ := l.people.GetPerson(ctx, h[0].PersonID)
	if !strings.Contains(p.Note, "hư cấu") {
		t.Errorf("person note %q", p.Note)
	}
}

func testLineageLists(t *testing.T, l loaded) {
	ctx := context.Background()
	tn, bk := byCode(t, l, "thai-nguyen.tu"), byCode(t, l, "bac-kan.tu")
	secretary, _ := l.people.Holders(ctx, bk.ID, "secretary", day("2021-10-11"))
	all, err := l.people.List(ctx, people.ListQuery{UnitID: tn.ID, Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range all.People {
		found = found || p.ID == secretary[0].PersonID
	}
	if !found {
		t.Errorf("Bắc Kạn's secretary not among Thái Nguyên's people (%d listed)", all.Total)
	}
	// The list is in Vietnamese order of given names.
	for i := 1; i < len(all.People); i++ {
		if vn.CompareNames(all.People[i-1].FullName, all.People[i].FullName) > 0 {
			t.Errorf("out of order: %s before %s", all.People[i-1].FullName, all.People[i].FullName)
		}
	}
	// Leadership of the merged committee after the reform.
	lead, _ := l.people.Leadership(ctx, tn.ID, day("2025-07-02"))
	if len(lead) < 4 || lead[0].PositionCode != "secretary" {
		t.Errorf("leadership of Thái Nguyên after the reform: %+v", lead)
	}
}

func testAudited(t *testing.T, l loaded) {
	ctx := context.Background()
	rep, err := l.log.Verify(ctx)
	if err != nil || !rep.OK() {
		t.Fatalf("audit chain %+v %v", rep, err)
	}
	counts := map[string]int{}
	for _, table := range []string{"units", "unit_events", "unit_successions", "persons", "posts", "audit_log"} {
		var n int
		if err := l.db.Primary().QueryRowContext(ctx, `SELECT count(*) FROM `+table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		counts[table] = n
	}
	t.Logf("demo contents: %v", counts)
	if err := demo.LoadStores(ctx, l.db, l.units, l.people); !errors.Is(err, demo.ErrNotEmpty) {
		t.Errorf("second load: %v", err)
	}
}

func testNames(t *testing.T, l loaded) {
	page, err := l.people.List(context.Background(), people.ListQuery{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, p := range page.People {
		if seen[p.FullName] {
			t.Errorf("two people named %s", p.FullName)
		}
		seen[p.FullName] = true
	}
	if len(seen) < 100 {
		t.Errorf("only %d people", len(seen))
	}
}
