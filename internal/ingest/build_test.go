package ingest_test

import (
	"encoding/json"
	"strings"
	"testing"

	"plenum/internal/conferences"
	"plenum/internal/date"
	"plenum/internal/indicators"
	"plenum/internal/ingest"
)

// show writes proposals for a failing test's log.
func show(t *testing.T, p ingest.Proposals) {
	t.Helper()
	b, _ := json.MarshalIndent(p, "", "  ")
	t.Log(string(b))
}

// spanned checks that every span lies in the item's text and reads what the
// proposal says.
func spanned(t *testing.T, it ingest.Item, s ingest.Span, want string) {
	t.Helper()
	if s.Start < 0 || s.End > len(it.Text) || s.Start >= s.End {
		t.Errorf("span %v outside the text (%d bytes)", s, len(it.Text))
		return
	}
	if got := it.Text[s.Start:s.End]; want != "" && !strings.Contains(got, want) {
		t.Errorf("span %v reads %q, want it to hold %q", s, got, want)
	}
}

func TestBuildConferenceBeforeTheMerger(t *testing.T) {
	e := newEnv(t)
	it := e.submit("bk.txt", bacKan2021)
	p := e.build(it)
	defer func() {
		if t.Failed() {
			show(t, p)
		}
	}()
	if p.AsOf != date.MustParse("2021-10-12") || p.Province != "Bắc Kạn" {
		t.Errorf("as of %s in %q", p.AsOf, p.Province)
	}
	c := p.Conference
	if c == nil {
		t.Fatal("no conference proposed")
	}
	if c.BodyID != e.World.Units["bk.tu"] || c.TermID != e.Term.ID || c.MatchID != 0 || c.Ordinal != 6 ||
		c.Kind != conferences.Regular || c.HeldOn != p.AsOf || c.Decision != ingest.Accept {
		t.Errorf("conference: %+v", c)
	}
	if len(c.Chairs) != 1 || p.People[c.Chairs[0]].Name != "Lục Văn Thử" {
		t.Errorf("chairs %v", c.Chairs)
	}
	spanned(t, it, c.Spans[0], "Ban Chấp hành")

	// People: matched by name and a post held that day; the namesake with
	// another post is a lower candidate.
	want := map[string]int64{"Lục Văn Thử": e.Persons["Lục Văn Thử"], "Đinh Thị Mẫu": e.Persons["Đinh Thị Mẫu"], "Triệu Văn Hai": e.Persons["Triệu Văn Hai"]}
	if len(p.People) != 3 {
		t.Fatalf("%d people", len(p.People))
	}
	for _, pp := range p.People {
		if pp.PersonID != want[pp.Name] || pp.Decision != ingest.Accept {
			t.Errorf("%s matched to %d, want %d", pp.Name, pp.PersonID, want[pp.Name])
		}
		spanned(t, it, pp.Spans[0], pp.Name)
	}
	hai := p.People[2]
	if len(hai.Candidates) != 2 || hai.Candidates[1].ID != e.Persons["Triệu Văn Hai (TN)"] || hai.Candidates[1].Score != 0 {
		t.Errorf("namesake candidates %+v", hai.Candidates)
	}
	mau := p.People[1]
	if !mau.Posts[0].Held || mau.Posts[1].Held || mau.Posts[1].PositionCode != "council_chair" ||
		mau.Posts[1].UnitID != e.World.Units["bk.hdnd"] || mau.Posts[1].Decision != ingest.Accept {
		t.Errorf("Đinh Thị Mẫu's posts %+v", mau.Posts)
	}

	// Documents: the registered resolution matched, the central directive proposed.
	if len(p.Documents) != 2 {
		t.Fatalf("%d documents", len(p.Documents))
	}
	if d := p.Documents[0]; d.MatchID != e.Doc.ID || d.Decision != ingest.Accept {
		t.Errorf("known document %+v", d)
	}
	if d := p.Documents[1]; d.MatchID != 0 || d.Symbol != "27-CT/TW" || d.Kind != "directive" || d.IssuerName != "Ban Bí thư" ||
		d.Date != date.MustParse("2021-08-02") || !strings.HasPrefix(d.Title, "Về tăng cường công tác dân vận") || d.Decision != ingest.Accept {
		t.Errorf("unknown document %+v", d)
	}

	// Figures: both matched to their indicators, for the nine months.
	if len(p.Figures) != 2 {
		t.Fatalf("%d figures", len(p.Figures))
	}
	g, b := p.Figures[0], p.Figures[1]
	if g.IndicatorID != e.GRDP.ID || g.Period != "2021-9M" || g.Status != indicators.Estimate || g.UnitID != e.World.Units["bk.tu"] ||
		g.Amount == nil || g.Amount.String() != "4.15" || g.Decision != ingest.Accept {
		t.Errorf("GRDP %+v", g)
	}
	if b.IndicatorID != e.Budget.ID || b.Amount == nil || b.Amount.String() != "520" || b.Status != indicators.Final {
		t.Errorf("budget %+v", b)
	}
	spanned(t, it, g.Span, "4,15%")

	// Tasks: the group is not a unit and waits; the board's task is complete.
	if len(p.Tasks) != 2 {
		t.Fatalf("%d tasks", len(p.Tasks))
	}
	if tk := p.Tasks[0]; tk.LeadUnitID != 0 || tk.Decision != ingest.Skip {
		t.Errorf("group task %+v", tk)
	}
	if tk := p.Tasks[1]; tk.LeadUnitID != e.World.Units["bk.btg"] || tk.DueOn != date.MustParse("2021-11-30") ||
		tk.Title != "Xây dựng kế hoạch tuyên truyền kết quả hội nghị" || tk.Decision != ingest.Accept {
		t.Errorf("board task %+v", tk)
	}
}

func TestBuildConferenceAfterTheMerger(t *testing.T) {
	e := newEnv(t)
	it := e.submit("tn.txt", thaiNguyen2025)
	p := e.build(it)
	defer func() {
		if t.Failed() {
			show(t, p)
		}
	}()
	c := p.Conference
	if c == nil || c.BodyID != e.World.Units["tn.tu"] || c.TermID != 0 || !c.Online || c.Delegates != 1200 || c.Ordinal != 2 {
		t.Fatalf("conference %+v", c)
	}
	// No term recorded: one is drafted from the article, from the merger on.
	if nt := c.NewTerm; nt == nil || nt.Numeral != "XXI" || nt.YearFrom != 2025 || nt.YearTo != 2030 ||
		nt.ValidFrom != date.MustParse("2025-01-01") || c.Decision != ingest.Accept {
		t.Errorf("new term %+v", c.NewTerm)
	}
	// Bắc Kạn's former secretary holds no post that day: a new person, with
	// him as the candidate, and the post in the merged province's committee.
	if len(p.People) != 1 {
		t.Fatalf("people %+v", p.People)
	}
	pp := p.People[0]
	if pp.PersonID != 0 || len(pp.Candidates) != 1 || pp.Candidates[0].ID != e.Persons["Lục Văn Thử"] {
		t.Errorf("person %+v", pp)
	}
	if post := pp.Posts[0]; post.PositionCode != "deputy_secretary" || post.UnitID != e.World.Units["tn.tu"] || post.Decision != ingest.Accept {
		t.Errorf("post %+v", post)
	}
}

func TestBuildCouncilSession(t *testing.T) {
	e := newEnv(t)
	it := e.submit("hdnd.txt", council2022)
	p := e.build(it)
	defer func() {
		if t.Failed() {
			show(t, p)
		}
	}()
	c := p.Conference
	if c == nil || c.BodyID != e.World.Units["bk.hdnd"] || c.Ordinal != 10 || c.NewTerm == nil || c.NewTerm.Numeral != "X" ||
		c.NewTerm.YearFrom != 2021 || c.NewTerm.YearTo != 2026 || c.NewTerm.ValidTo != merger {
		t.Fatalf("session %+v", c)
	}
	if len(p.People) != 2 {
		t.Fatalf("people %+v", p.People)
	}
	// The chair is known, but not as the council's chair: proposed as new,
	// with her as the candidate; the guest's namesake is someone else.
	for i, key := range []string{"Đinh Thị Mẫu", "Hà Văn Khác"} {
		pp := p.People[i]
		if pp.PersonID != 0 || len(pp.Candidates) != 1 || pp.Candidates[0].ID != e.Persons[key] || pp.Candidates[0].Score != 0 {
			t.Errorf("%s: %+v", key, pp)
		}
	}
	if post := p.People[1].Posts[0]; post.PositionCode != "department_director" || post.UnitID != e.World.Units["bk.stc"] {
		t.Errorf("guest's post %+v", post)
	}
	if f := p.Figures; len(f) != 1 || f[0].IndicatorID != e.Budget.ID || f[0].Period != "2022" || f[0].Status != indicators.Estimate ||
		f[0].Amount.String() != "610" {
		t.Errorf("figures %+v", f)
	}
}
