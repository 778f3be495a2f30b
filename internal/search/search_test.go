package search_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/clock/clocktest"
	"plenum/internal/db/dbtest"
	"plenum/internal/problem"
	"plenum/internal/search"
)

func keys(r search.Result) []string {
	out := []string{}
	for _, h := range r.Hits {
		out = append(out, fmt.Sprintf("%s %d", h.Entity, h.EntityID))
	}
	return out
}

func (e corpusEnv) search(t *testing.T, v search.Viewer, q search.Query) search.Result {
	t.Helper()
	r, err := e.ix.Search(e.ctx, v, q)
	if err != nil {
		t.Fatalf("Search(%+v): %v", q, err)
	}
	return r
}

func sorted(xs []string) []string {
	ys := slices.Clone(xs)
	slices.Sort(ys)
	return ys
}

func TestFindsWhateverTheSpelling(t *testing.T) {
	e := loadCorpus(t)
	cases := []struct {
		queries []string
		want    []string // every visible hit, any order
	}{
		{[]string{"ha noi", "Hà Nội", "HÀ NỘI", "hà nội", "Ha Noi", "HA  NOI"},
			[]string{dPlan147, cFifth, pDuong, uHanoiUpper, uHanoiDept}},
		{[]string{"duong", "đường", "Đường", "ĐƯỜNG", "DUONG"},
			[]string{dPlan147, dRoadReport, pDuong}},
		{[]string{"thuy", "Thuỷ", "Thủy", "thủy", "THUỶ", "thuý"}, // tone marks folded away: thuý is another tone, same key
			[]string{dIrrigation, dCouncil12, dTitleThuyLoi, dBodyThuyLoi, pThuyOld, pThuyNew}},
		{[]string{"hoà bình", "hòa bình", "hoa binh", "HOÀ BÌNH"},
			[]string{dPlan147, dPlan147Old, dRoadReport, pThuyOld, uHoaBinh}},
		{[]string{"thuỷ lợi", "thủy lợi", "thuy loi"},
			[]string{dIrrigation, dCouncil12, dTitleThuyLoi, dBodyThuyLoi}},
		{[]string{"Ha Son Binh"}, []string{uHoaBinh}},
		{[]string{"ho chi minh", "Hồ Chí Minh"}, []string{dRoadReport}},
	}
	for _, c := range cases {
		for _, q := range c.queries {
			r := e.search(t, reader, search.Query{Text: q})
			if got := sorted(keys(r)); !slices.Equal(got, sorted(c.want)) || r.Total != len(c.want) {
				t.Errorf("%q: got %v (total %d), want %v", q, got, r.Total, sorted(c.want))
			}
		}
	}
}

func TestSymbolsRankFirst(t *testing.T) {
	e := loadCorpus(t)
	cases := []struct {
		queries []string
		first   []string // the first hits, in order
		also    []string // further hits, any order
	}{
		{[]string{"147-KH/TU", "147-kh/tu", "147/KH", "147 KH TU", "147 KH", "số 147", "so 147", "147", "Kế hoạch số 147-KH/TU"},
			[]string{dPlan147, dPlan147Old}, []string{cFifth}},
		{[]string{"nghi quyet 13", "Nghị quyết số 13", "13-NQ/TW", "nghị quyết 13-NQ/TW"},
			[]string{dResolution13}, []string{dPlan147}},
		{[]string{"12/2021/NQ-HĐND", "12/2021/nq-hdnd", "12/2021/NQ-HDND", "12/2021"},
			[]string{dCouncil12}, nil},
		{[]string{"01-HD/BTGTU", "1-HD/BTGTU", "01-hd/btgtu"}, []string{dGuideline01}, nil},
		{[]string{"123/QĐ-UBND", "123/qd-ubnd", "quyết định 123"}, []string{dIrrigation}, nil},
	}
	for _, c := range cases {
		for _, q := range c.queries {
			r := e.search(t, reader, search.Query{Text: q})
			got := keys(r)
			if len(got) < len(c.first) || !slices.Equal(got[:len(c.first)], c.first) {
				t.Errorf("%q: got %v, want %v first", q, got, c.first)
				continue
			}
			if rest := sorted(got[len(c.first):]); c.also != nil && !slices.Equal(rest, sorted(c.also)) {
				t.Errorf("%q: after %v got %v, want %v", q, c.first, rest, c.also)
			}
			if !r.Hits[0].SymbolMatch {
				t.Errorf("%q: the first hit is not marked as a symbol match", q)
			}
		}
	}
}

func TestRanking(t *testing.T) {
	e := loadCorpus(t)
	for _, c := range []struct {
		q     string
		order []string // these hits, in this relative order
	}{
		{"cong tac thuy loi", []string{dTitleThuyLoi, dBodyThuyLoi}},          // title above body
		{"ke hoach 147", []string{dPlan147, dPlan147Old}},                     // the newer of two equal matches first
		{"ha noi", []string{uHanoiUpper, dPlan147}},                           // a title match above a body match
		{"thuy", []string{pThuyOld, dBodyThuyLoi}},                            // title above body
		{"tuyen truyen", []string{dPlan147Old}},                               // still found when replaced
		{"bao cao", []string{dTitleThuyLoi, dRoadReport}},                     // recency among title matches
		{"nghi quyet", []string{dCouncil12, dResolution13, dGuideline01}[:2]}, // equal titles, newer date first
	} {
		got := keys(e.search(t, reader, search.Query{Text: c.q}))
		last := -1
		for _, k := range c.order {
			i := slices.Index(got, k)
			if i < 0 || i < last {
				t.Errorf("%q: got %v, want %v in this order", c.q, got, c.order)
				break
			}
			last = i
		}
	}
}

func TestPhrasesPrefixesYearsAndFallbacks(t *testing.T) {
	e := loadCorpus(t)
	for _, c := range []struct {
		q     string
		want  []string
		loose bool
		year  int
	}{
		{q: "ha no", want: []string{dPlan147, cFifth, pDuong, uHanoiUpper, uHanoiDept}}, // still typing
		{q: "ha no ", want: []string{uHanoiUpper, uHanoiDept}, loose: true},             // "no" is a finished word: only part of a title
		{q: "nghi quy", want: []string{dResolution13, dPlan147, dCouncil12, dGuideline01}},
		{q: "tuyên gi", want: []string{dGuideline01, pHoa}},
		{q: `"ha noi"`, want: []string{dPlan147, cFifth, pDuong, uHanoiUpper, uHanoiDept}},
		{q: `"noi ha"`, want: nil},
		{q: "noi ha", want: []string{dPlan147, cFifth, pDuong, uHanoiUpper, uHanoiDept}, loose: true},
		{q: "ke hoach 2022", want: []string{dPlan147, cFifth}, year: 2022},
		{q: "ke hoach 2019", want: []string{dPlan147Old}, year: 2019},
		{q: "2023", want: []string{dGuideline01, dTitleThuyLoi, dBodyThuyLoi}, year: 2023},
		{q: "muc tieu 2030", want: []string{dResolution13}, loose: true}, // no record of 2030: the year is a word
		{q: "btg", want: []string{dGuideline01}},                         // the start of a word, still typing
		{q: "tgtu", want: []string{dGuideline01}, loose: true},           // part of a word, from the title
		{q: "Trưởng ban tuyên giáo", want: []string{pHoa}},
	} {
		r := e.search(t, reader, search.Query{Text: c.q})
		if got := sorted(keys(r)); !slices.Equal(got, sorted(c.want)) || r.Loose != c.loose || r.Year != c.year {
			t.Errorf("%q: got %v (loose %v, year %d), want %v (loose %v, year %d)", c.q, got, r.Loose, r.Year, sorted(c.want), c.loose, c.year)
		}
	}
}

func TestFiltersAndFacets(t *testing.T) {
	e := loadCorpus(t)
	r := e.search(t, reader, search.Query{Text: "ke hoach"})
	if got := sorted(keys(r)); !slices.Equal(got, sorted([]string{dPlan147, dPlan147Old, cFifth})) {
		t.Fatalf("ke hoach: %v", got)
	}
	wantFacets := map[string]map[string]int{
		"entity":  {"document": 2, "conference": 1},
		"kind":    {"plan": 2, "regular": 1},
		"issuer":  {"Tỉnh ủy Hòa Bình": 2}, // tone placement normalised when indexed
		"unit_id": {"10": 3},
		"year":    {"2022": 2, "2019": 1},
		"status":  {"issued": 1, "replaced": 1},
	}
	if got := facetCounts(r); !equalFacets(got, wantFacets) {
		t.Errorf("facets of ke hoach:\n got %v\nwant %v", got, wantFacets)
	}
	for _, c := range []struct {
		q    search.Query
		want []string
	}{
		{search.Query{Text: "ke hoach", Entity: "document"}, []string{dPlan147, dPlan147Old}},
		{search.Query{Text: "ke hoach", Kind: "plan", Year: 2019}, []string{dPlan147Old}},
		{search.Query{Text: "ke hoach", Status: "replaced"}, []string{dPlan147Old}},
		{search.Query{Text: "ke hoach", Issuer: "Tỉnh ủy Hoà  Bình"}, []string{dPlan147, dPlan147Old}},
		{search.Query{Text: "thuy", UnitID: 11}, []string{dIrrigation}},
		{search.Query{Text: "thuy", Entity: "person"}, []string{pThuyOld, pThuyNew}},
		{search.Query{Entity: "unit"}, []string{uHoaBinh, uHanoiUpper, uHanoiDept}}, // a filter alone lists
		{search.Query{Text: "ha noi", Readable: []string{"unit", "person"}}, []string{pDuong, uHanoiUpper, uHanoiDept}},
		{search.Query{Text: "ha noi", Readable: []string{}}, nil},
	} {
		r := e.search(t, reader, c.q)
		if got := sorted(keys(r)); !slices.Equal(got, sorted(c.want)) || r.Total != len(c.want) {
			t.Errorf("%+v: got %v (total %d), want %v", c.q, got, r.Total, sorted(c.want))
		}
	}
	// Facets count the hits under every filter: choosing a kind narrows
	// the other facets, and the chosen value is marked.
	r = e.search(t, reader, search.Query{Text: "ke hoach", Kind: "plan"})
	want := map[string]map[string]int{
		"entity": {"document": 2}, "kind": {"plan": 2}, "issuer": {"Tỉnh ủy Hòa Bình": 2}, "unit_id": {"10": 2},
		"year": {"2022": 1, "2019": 1}, "status": {"issued": 1, "replaced": 1},
	}
	if got := facetCounts(r); !equalFacets(got, want) {
		t.Errorf("facets with kind=plan:\n got %v\nwant %v", got, want)
	}
	for _, f := range r.Facets {
		for _, v := range f.Values {
			if v.Selected != (f.Name == "kind" && v.Value == "plan") {
				t.Errorf("facet %s value %s selected = %v", f.Name, v.Value, v.Selected)
			}
			if f.Name == "kind" && v.Value == "plan" && v.Label != "Kế hoạch" {
				t.Errorf("label of kind plan: %q", v.Label)
			}
		}
	}
}

func facetCounts(r search.Result) map[string]map[string]int {
	out := map[string]map[string]int{}
	for _, f := range r.Facets {
		out[f.Name] = map[string]int{}
		for _, v := range f.Values {
			out[f.Name][v.Value] = v.Count
		}
	}
	return out
}

func equalFacets(a, b map[string]map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, m := range a {
		if fmt.Sprint(m) != fmt.Sprint(b[k]) {
			return false
		}
	}
	return true
}

// Classified records are found only by viewers with the clearance for them
// and a need to know, and nothing about them shows otherwise: not a hit,
// not a count, not a facet value, not which reading of the query is chosen.
func TestClassifiedEntriesNeverLeak(t *testing.T) {
	e := loadCorpus(t)
	secret := "Ban Nội chính Tỉnh ủy"
	for _, c := range []struct {
		name string
		v    search.Viewer
		q    string
		want []string
	}{
		{"uncleared", reader, "song da", nil},
		{"cleared without need to know", editorTopSec, "song da", nil},
		{"need to know, clearance for Mật only", leaderMat, "song da", []string{cSecret}},
		{"need to know and clearance", leader, "song da", []string{dSecretPlan, cSecret}},
		{"uncleared, by symbol", reader, "12-KH/TU", nil},
		{"uncleared, by issuer", reader, secret, nil},
		{"need to know, by symbol", leader, "12-KH/TU", []string{dSecretPlan}},
		{"uncleared, among others", reader, "ke hoach", []string{dPlan147, dPlan147Old, cFifth}},
		{"cleared, among others", leader, "ke hoach", []string{dPlan147, dPlan147Old, cFifth, dSecretPlan}},
		{"uncleared, by year", reader, "ke hoach 2022", []string{dPlan147, cFifth}},
		{"uncleared, filter only", reader, "", nil},
	} {
		q := search.Query{Text: c.q}
		if c.q == "" {
			q.Issuer = secret
		}
		r, err := e.ix.Search(e.ctx, c.v, q)
		if err != nil {
			t.Fatal(err)
		}
		if got := sorted(keys(r)); !slices.Equal(got, sorted(c.want)) || r.Total != len(c.want) {
			t.Errorf("%s, %q: got %v (total %d), want %v", c.name, c.q, got, r.Total, sorted(c.want))
		}
		shown := slices.Contains(c.want, dSecretPlan)
		counted := 0
		for _, f := range r.Facets {
			for _, v := range f.Values {
				if v.Value == secret {
					counted += v.Count
				}
				if f.Name == "entity" && !shown && v.Value == "document" && v.Count > len(c.want) {
					t.Errorf("%s, %q: %d documents counted", c.name, c.q, v.Count)
				}
			}
		}
		if shown != (counted > 0) {
			t.Errorf("%s, %q: the classified issuer is counted %d times in the facets", c.name, c.q, counted)
		}
		if !shown && r.Loose && c.q == "song da" {
			t.Errorf("%s: a reading was skipped because of a record the viewer cannot see", c.name)
		}
	}
	// The reading chosen for an uncleared viewer is the one an index
	// without the classified records would give.
	r := e.search(t, reader, search.Query{Text: "an ninh ha noi"})
	if r.Total != 0 || len(r.Facets) != 0 {
		t.Errorf("an ninh ha noi for the uncleared: %v, facets %v", keys(r), r.Facets)
	}
}

func TestHighlightsKeepAccents(t *testing.T) {
	e := loadCorpus(t)
	hit := func(q, key string) search.Hit {
		t.Helper()
		r := e.search(t, reader, search.Query{Text: q})
		for _, h := range r.Hits {
			if fmt.Sprintf("%s %d", h.Entity, h.EntityID) == key {
				return h
			}
		}
		t.Fatalf("%q: %s not found in %v", q, key, keys(r))
		return search.Hit{}
	}
	marked := func(h search.Highlight) []string {
		var out []string
		for _, s := range h {
			if s.Match {
				out = append(out, s.Text)
			}
		}
		return out
	}
	for _, c := range []struct {
		q, key       string
		title, snip  []string
		titleText    string
		snippetStart string
	}{
		{q: "ha noi", key: uHanoiUpper, title: []string{"HÀ NỘI"}, titleText: "THÀNH ỦY HÀ NỘI"},
		{q: "ha noi", key: dPlan147, snip: []string{"Hà Nội"}, snippetStart: "Các cơ quan đóng tại "},
		{q: "thuy", key: pThuyOld, title: []string{"Thủy"}}, // stored with modern tone placement
		{q: "Thuỷ", key: dIrrigation, title: []string{"thủy"}, snip: []string{"thủy"}},
		{q: "duong", key: dRoadReport, title: []string{"Đường"}, snip: []string{"ĐƯỜNG"}},
		{q: "147/KH", key: dPlan147, title: []string{"147-KH"}},
		{q: "147-KH/TU", key: dPlan147, title: []string{"147-KH/TU"}},
		{q: "nghi quyet 13", key: dResolution13, title: []string{"Nghị quyết", "13"}},
		{q: "ha no", key: uHanoiDept, title: []string{"Hà Nội"}},
		{q: "01-HD/BTGTU", key: dGuideline01, title: []string{"01-HD/BTGTU"}},
	} {
		h := hit(c.q, c.key)
		if c.title != nil && !slices.Equal(marked(h.Title), c.title) {
			t.Errorf("%q %s: title marks %q, want %q (%+v)", c.q, c.key, marked(h.Title), c.title, h.Title)
		}
		if c.snip != nil && !slices.Equal(marked(h.Snippet), c.snip) {
			t.Errorf("%q %s: snippet marks %q, want %q (%+v)", c.q, c.key, marked(h.Snippet), c.snip, h.Snippet)
		}
		if c.titleText != "" && h.Title.String() != c.titleText {
			t.Errorf("%q %s: title %q", c.q, c.key, h.Title.String())
		}
		if c.snippetStart != "" && !strings.HasPrefix(h.Snippet.String(), c.snippetStart) {
			t.Errorf("%q %s: snippet %q", c.q, c.key, h.Snippet.String())
		}
		if strings.Contains(h.Snippet.String(), "\n") {
			t.Errorf("%q %s: snippet keeps a line break: %q", c.q, c.key, h.Snippet.String())
		}
	}
}

// Nothing a user types can break a search: odd input finds what it can or
// nothing, never a syntax error from the engine.
func TestBadQueries(t *testing.T) {
	e := loadCorpus(t)
	for _, q := range []string{
		"", " ", "\t\n", `"`, `""`, `"""`, "*", "-", "--", "'", "''", "NEAR", "NEAR(ha noi)", "ha NEAR noi", "ha OR noi",
		"ha AND NOT noi", "NOT", "AND", "OR", "(", ")", "((ha", "ha:noi", "f_title:ha", "{f_title}: ha", "^ha", "ha*", "*ha",
		"-ha", "+ha", "ha -noi", `ha "noi`, `\`, `\\'`, "%", "_", "%_%", "'; DROP TABLE search_entries; --",
		"1' OR '1'='1", "<script>alert(1)</script>", "…", "!!!", "???", "–—", "\x00", "\xff\xfe", "🙂", "ạ", "ĐĐĐ",
		"0", "00000000000000000000000001", "-1", "99999999999/KH", "147-", "147/", "/KH", "12/2021/", "1945",
		"số", "so", "số số 147", "a", "a b c d e f g h i j k l m n o p q r s t", strings.Repeat("ha noi ", 28),
		strings.Repeat("x", 150), "ha & noi | !ha", "ha <-> noi", "ha:*", "'ha':*A", "ha\\:noi", "$1", "?",
	} {
		for _, v := range []search.Viewer{reader, leader} {
			if _, err := e.ix.Search(e.ctx, v, search.Query{Text: q}); err != nil {
				t.Errorf("%q: %v", q, err)
			}
		}
	}
	for _, c := range []struct {
		q     search.Query
		field string
	}{
		{search.Query{Text: strings.Repeat("a", search.MaxQuery+1)}, "q"},
		{search.Query{Text: "ha", Entity: "meeting_room"}, "entity"},
		{search.Query{Text: "ha", Limit: search.MaxLimit + 1}, "limit"},
		{search.Query{Text: "ha", Offset: -1}, "offset"},
		{search.Query{Text: "ha", Offset: search.MaxCounted}, "offset"},
		{search.Query{Text: "ha", Year: -5}, "year"},
		{search.Query{Text: "ha", UnitID: -1}, "unit_id"},
		{search.Query{Text: "ha", Kind: strings.Repeat("k", 501)}, "kind"},
	} {
		_, err := e.ix.Search(e.ctx, reader, c.q)
		p, ok := problem.As(err)
		if !ok || p.Code != problem.Invalid || len(p.Fields) != 1 || p.Fields[0].Name != c.field {
			t.Errorf("%+v: %v, want an Invalid problem on %s", c.q, err, c.field)
		}
	}
}

func TestPaging(t *testing.T) {
	e := loadCorpus(t)
	all := keys(e.search(t, reader, search.Query{Text: "thuy"}))
	var paged []string
	for off := 0; off < len(all)+2; off += 2 {
		r := e.search(t, reader, search.Query{Text: "thuy", Offset: off, Limit: 2})
		if r.Total != len(all) {
			t.Errorf("offset %d: total %d, want %d", off, r.Total, len(all))
		}
		paged = append(paged, keys(r)...)
	}
	if !slices.Equal(paged, all) {
		t.Errorf("pages %v, all at once %v", paged, all)
	}
}

// A query broader than MaxCounted ranks and counts the newest visible
// matches and says there are more; classified records the viewer may not
// see take no place among them, so the bound reveals nothing.
func TestBroadQueriesAreBounded(t *testing.T) {
	ctx := audit.WithActor(context.Background(), audit.Actor{Name: "test"})
	d := dbtest.New(t)
	ix := search.New(d, clocktest.New(t))
	grants := access.New(d, audit.New(d, clocktest.New(t)))
	err := d.Tx(ctx, func(ctx context.Context) error {
		for i := 1; i <= search.MaxCounted+3; i++ {
			e := search.Entry{Entity: "document", EntityID: int64(i), Title: fmt.Sprintf("Thông báo chung số %d", i),
				Kind: "notice", Year: 2020 + i%5, URL: fmt.Sprintf("/documents/%d", i)}
			if i > search.MaxCounted { // the newest are classified, granted to leaders
				e.Class, e.Year = 1, 2025
			}
			if err := ix.Put(ctx, e); err != nil {
				return err
			}
			if e.Class > 0 {
				if err := grants.SetGrants(ctx, "document", e.EntityID, e.Class, []access.Grant{{Role: auth.RoleLeader}}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		v    search.Viewer
		more bool
	}{{reader, false}, {editorTopSec, false}, {leader, true}} {
		r, err := ix.Search(ctx, c.v, search.Query{Text: "thong bao chung", Year: 0})
		if err != nil {
			t.Fatal(err)
		}
		counted := 0
		for _, f := range r.Facets {
			if f.Name == search.FacetEntity {
				counted = f.Values[0].Count
			}
		}
		if r.Total != search.MaxCounted || r.More != c.more || counted != search.MaxCounted {
			t.Errorf("%+v: total %d, more %v, counted in facets %d", c.v, r.Total, r.More, counted)
		}
		if c.more && !slices.Contains(keys(r), fmt.Sprintf("document %d", search.MaxCounted+3)) {
			t.Errorf("%+v: the newest match is not among the first hits: %v", c.v, keys(r))
		}
	}
}
