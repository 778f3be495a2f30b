package conferences_test

import (
	"slices"
	"strings"
	"testing"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/conferences"
	"plenum/internal/problem"
)

func TestMembership(t *testing.T) {
	f := newFixture(t)
	names := func(body int64, on string) []string {
		t.Helper()
		ms, err := f.s.Members(f.Ctx, body, day(on))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, m := range ms {
			out = append(out, m.Name)
		}
		return out
	}
	// The committee: its leaders, the Standing Board members sitting in
	// the board's unit, the executive members; by precedence, then name.
	want := []string{"Lò Văn Khánh", "Đinh Thị Hạnh", "Bạch Văn Quý", "Cầm Thị Liên", "Mùa Văn Sử",
		"Quách Văn Bảo", "Xa Thị Mỵ", "Hà Thị Thu", "Sầm Văn Tuấn"}
	if got := names(f.tu, "2024-01-01"); !slices.Equal(got, want) {
		t.Errorf("committee = %v", got)
	}
	// The board: its own members and the committee's secretary and deputies.
	if got := names(f.btv, "2024-01-01"); !slices.Equal(got, want[:5]) {
		t.Errorf("board = %v", got)
	}
	// The council: its chair.
	if got := names(f.hdnd, "2024-01-01"); !slices.Equal(got, []string{"Đinh Thị Hạnh"}) {
		t.Errorf("council = %v", got)
	}
	// Before the posts began, and after one ends.
	if got := names(f.tu, "2020-01-01"); len(got) != 0 {
		t.Errorf("committee before the congress = %v", got)
	}
	f.post("Nông Văn Định", "executive_committee_member", f.tu, "2024-06-01", "")
	if got := names(f.tu, "2024-06-01"); len(got) != 10 {
		t.Errorf("after a new member: %v", got)
	}
	ms, _ := f.s.Members(f.Ctx, f.tu, day("2024-01-01"))
	if len(ms[0].Posts) != 1 || ms[0].Posts[0] != "Bí thư Tỉnh ủy Hòa Bình Mới" {
		t.Errorf("secretary's qualifying posts %v", ms[0].Posts)
	}
}

func TestTerms(t *testing.T) {
	f := newFixture(t)
	if f.bchTerm.Roman != "XV" || f.bchTerm.Numeral != 15 || f.bchTerm.Label() != "khóa XV, nhiệm kỳ 2020–2025" ||
		f.bchTerm.BodyName != "Tỉnh ủy Hòa Bình Mới" {
		t.Errorf("term %+v", f.bchTerm)
	}
	ts, err := f.s.Terms(f.Ctx, f.tu)
	if err != nil || len(ts) != 1 || ts[0] != f.bchTerm {
		t.Errorf("terms %+v %v", ts, err)
	}
	// A next term, given in digits, closes nothing by itself: it must not
	// overlap the open one.
	next := conferences.TermInput{BodyID: f.tu, Numeral: "16", YearFrom: 2025, YearTo: 2030, ValidFrom: day("2025-10-01")}
	before := f.rows()
	_, err = f.s.CreateTerm(f.Ctx, next)
	f.refused(t, before, err, problem.Conflict, "valid_from")
	up := conferences.TermInput{BodyID: f.tu, Numeral: "xv", YearFrom: 2020, YearTo: 2025, ValidFrom: day("2020-10-01"), ValidTo: day("2025-10-01")}
	if _, err := f.s.UpdateTerm(f.Ctx, f.bchTerm.ID, up); err != nil {
		t.Fatal(err)
	}
	xvi, err := f.s.CreateTerm(f.Ctx, next)
	if err != nil || xvi.Roman != "XVI" {
		t.Fatalf("term XVI %+v %v", xvi, err)
	}
	if got, err := f.s.TermOn(f.Ctx, f.tu, day("2025-10-01")); err != nil || got.ID != xvi.ID {
		t.Errorf("term on the first day of XVI: %+v %v", got, err)
	}

	in := func(mod func(*conferences.TermInput)) conferences.TermInput {
		x := conferences.TermInput{BodyID: f.hdnd, Numeral: "XVII", YearFrom: 2021, YearTo: 2026, ValidFrom: day("2021-06-25")}
		mod(&x)
		return x
	}
	tests := []struct {
		name  string
		in    conferences.TermInput
		code  problem.Code
		field string
	}{
		{"no body", in(func(x *conferences.TermInput) { x.BodyID = 0 }), problem.Invalid, "body_id"},
		{"unknown body", in(func(x *conferences.TermInput) { x.BodyID = 99999 }), problem.Invalid, "body_id"},
		{"no numeral", in(func(x *conferences.TermInput) { x.Numeral = " " }), problem.Invalid, "numeral"},
		{"bad numeral", in(func(x *conferences.TermInput) { x.Numeral = "XIIII" }), problem.Invalid, "numeral"},
		{"numeral zero", in(func(x *conferences.TermInput) { x.Numeral = "0" }), problem.Invalid, "numeral"},
		{"years reversed", in(func(x *conferences.TermInput) { x.YearTo = 2021 }), problem.Invalid, "year_to"},
		{"year out of range", in(func(x *conferences.TermInput) { x.YearFrom = 21 }), problem.Invalid, "year_from"},
		{"no first day", in(func(x *conferences.TermInput) { x.ValidFrom = day("0001-01-01"); x.ValidFrom.Year = 0 }), problem.Invalid, "valid_from"},
		{"first day outside the years", in(func(x *conferences.TermInput) { x.ValidFrom = day("2019-06-25") }), problem.Invalid, "valid_from"},
		{"end before start", in(func(x *conferences.TermInput) { x.ValidTo = day("2021-06-01") }), problem.Invalid, "valid_to"},
		{"before the body", in(func(x *conferences.TermInput) { x.YearFrom = 2015; x.ValidFrom = day("2015-06-25") }), problem.Invalid, "valid_from"},
		{"number taken", in(func(x *conferences.TermInput) {
			x.BodyID = f.tu
			x.Numeral = "XV"
			x.YearFrom = 2030
			x.YearTo = 2035
			x.ValidFrom = day("2030-10-01")
		}), problem.Conflict, "numeral"},
		{"long note", in(func(x *conferences.TermInput) { x.Note = strings.Repeat("ghi chú ", 300) }), problem.Invalid, "note"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := f.rows()
			_, err := f.s.CreateTerm(f.Ctx, tt.in)
			f.refused(t, before, err, tt.code, tt.field)
		})
	}
	// A term cannot shrink away from its conferences.
	f.conference("2024-10-11")
	before = f.rows()
	up.ValidFrom, up.YearFrom = day("2024-11-01"), 2024
	_, err = f.s.UpdateTerm(f.Ctx, f.bchTerm.ID, up)
	f.refused(t, before, err, problem.Conflict, "valid_from")
	up.ValidFrom, up.YearFrom, up.ValidTo = day("2020-10-01"), 2020, day("2024-10-11")
	_, err = f.s.UpdateTerm(f.Ctx, f.bchTerm.ID, up)
	f.refused(t, before, err, problem.Conflict, "valid_to")
	up.ValidTo, up.BodyID = day("2025-10-01"), f.hdnd
	_, err = f.s.UpdateTerm(f.Ctx, f.bchTerm.ID, up)
	f.refused(t, before, err, problem.Conflict, "body_id")
	if es, _ := f.App.Audit.List(f.Ctx, audit.Filter{Entity: "body_term"}); len(es) != 4 {
		t.Errorf("audit entries for terms: %d", len(es))
	}
}

func TestNumbering(t *testing.T) {
	f := newFixture(t)
	a, b := f.conference("2024-01-20"), f.conference("2024-04-15")
	if a.Ordinal != 1 || b.Ordinal != 2 {
		t.Fatalf("ordinals %d %d", a.Ordinal, b.Ordinal)
	}
	// An explicit number; the next automatic one follows the highest.
	c := f.conference("2024-07-10", func(in *conferences.Input) { in.Ordinal = 15 })
	d := f.conference("2024-10-11")
	if c.Ordinal != 15 || d.Ordinal != 16 {
		t.Fatalf("ordinals %d %d", c.Ordinal, d.Ordinal)
	}
	if n, _ := f.s.NextOrdinal(f.Ctx, f.bchTerm.ID); n != 17 {
		t.Errorf("next ordinal %d", n)
	}
	// Another body's term counts on its own.
	e := f.conference("2024-02-01", func(in *conferences.Input) { in.TermID = f.btvTerm.ID })
	if e.Ordinal != 1 || e.BodyID != f.btv {
		t.Errorf("board's first conference %+v", e)
	}
	// A number taken, on create and on update.
	before := f.rows()
	_, err := f.s.Create(f.Ctx, office, conferences.Input{TermID: f.bchTerm.ID, Kind: conferences.Regular, HeldOn: day("2024-12-01"), Ordinal: 2})
	f.refused(t, before, err, problem.Conflict, "ordinal")
	in := conferences.Input{TermID: f.bchTerm.ID, Kind: conferences.Regular, HeldOn: a.HeldOn, Ordinal: 15}
	_, err = f.s.Update(f.Ctx, office, a.ID, in)
	f.refused(t, before, err, problem.Conflict, "ordinal")
	// Editing the number to a free one; leaving it zero keeps it.
	in.Ordinal = 1
	in.Subject = "đánh giá kết quả quý I"
	got, err := f.s.Update(f.Ctx, office, a.ID, in)
	if err != nil || got.Ordinal != 1 || got.Subject != "đánh giá kết quả quý I" {
		t.Fatalf("update %+v %v", got, err)
	}
	in.Ordinal = 0
	if got, err = f.s.Update(f.Ctx, office, a.ID, in); err != nil || got.Ordinal != 1 {
		t.Fatalf("update keeping the number %+v %v", got, err)
	}
	in.Ordinal = 3
	if got, err = f.s.Update(f.Ctx, office, a.ID, in); err != nil || got.Ordinal != 3 {
		t.Fatalf("renumber %+v %v", got, err)
	}
	if es, _ := f.App.Audit.List(f.Ctx, audit.Filter{Entity: "conference", Action: "update"}); len(es) != 3 {
		t.Errorf("audit entries for updates: %d", len(es))
	}
}

func TestConferenceDetailsAndRefusals(t *testing.T) {
	f := newFixture(t)
	c := f.conference("2024-10-11", func(in *conferences.Input) {
		in.Expanded, in.Online, in.Kind = true, true, conferences.Extraordinary
		in.Subject = "  bàn   nhiệm vụ trọng tâm quý IV "
		in.Bridges = []conferences.Bridge{{Name: "Hội trường Tỉnh ủy", Delegates: 120}, {Name: "Điểm cầu huyện Mường Mới", Delegates: 85}}
		in.InviteeIDs = f.ids("Nông Văn Định")
		in.InvitedText = "lãnh đạo các sở, ban, ngành"
	})
	if c.Subject != "bàn nhiệm vụ trọng tâm quý IV" || c.Delegates != 205 || len(c.Bridges) != 2 || c.Bridges[1].Name != "Điểm cầu huyện Mường Mới" ||
		len(c.Chairs) != 2 || c.Chairs[0].Name != "Lò Văn Khánh" || len(c.Invitees) != 1 || c.Status != conferences.Planned ||
		c.TermRoman != "XV" || c.Part != conferences.Morning || c.BodyName != "Tỉnh ủy Hòa Bình Mới" {
		t.Errorf("conference %+v", c)
	}
	in := func(mod func(*conferences.Input)) conferences.Input {
		x := conferences.Input{TermID: f.bchTerm.ID, Kind: conferences.Regular, HeldOn: day("2024-12-20")}
		mod(&x)
		return x
	}
	tests := []struct {
		name   string
		viewer access.Viewer
		in     conferences.Input
		code   problem.Code
		field  string
	}{
		{"no term", office, in(func(x *conferences.Input) { x.TermID = 0 }), problem.Invalid, "term_id"},
		{"unknown term", office, in(func(x *conferences.Input) { x.TermID = 9999 }), problem.Invalid, "term_id"},
		{"date before the term", office, in(func(x *conferences.Input) { x.HeldOn = day("2020-09-30") }), problem.Invalid, "held_on"},
		{"no date", office, in(func(x *conferences.Input) { x.HeldOn.Year = 0; x.HeldOn.Month = 0; x.HeldOn.Day = 0 }), problem.Invalid, "held_on"},
		{"unknown kind", office, in(func(x *conferences.Input) { x.Kind = "annual" }), problem.Invalid, "kind"},
		{"unknown part of day", office, in(func(x *conferences.Input) { x.Part = "dawn" }), problem.Invalid, "part_of_day"},
		{"negative ordinal", office, in(func(x *conferences.Input) { x.Ordinal = -1 }), problem.Invalid, "ordinal"},
		{"bridges offline", office, in(func(x *conferences.Input) { x.Bridges = []conferences.Bridge{{Name: "A"}} }), problem.Invalid, "online"},
		{"bridge without name", office, in(func(x *conferences.Input) { x.Online = true; x.Bridges = []conferences.Bridge{{Name: " "}} }), problem.Invalid, "bridges[0].name"},
		{"negative delegates", office, in(func(x *conferences.Input) {
			x.Online = true
			x.Bridges = []conferences.Bridge{{Name: "A", Delegates: 1}, {Name: "B", Delegates: -5}}
		}), problem.Invalid, "bridges[1].delegates"},
		{"bridge unit unknown", office, in(func(x *conferences.Input) {
			x.Online = true
			x.Bridges = []conferences.Bridge{{Name: "A", UnitID: 9999}}
		}), problem.Invalid, "bridges[0].unit_id"},
		{"chair unknown", office, in(func(x *conferences.Input) { x.ChairIDs = []int64{9999} }), problem.Invalid, "chair_ids"},
		{"chair twice", office, in(func(x *conferences.Input) { x.ChairIDs = f.ids("Lò Văn Khánh", "Lò Văn Khánh") }), problem.Invalid, "chair_ids"},
		{"chair invited", office, in(func(x *conferences.Input) {
			x.ChairIDs = f.ids("Lò Văn Khánh")
			x.InviteeIDs = f.ids("Lò Văn Khánh")
		}), problem.Invalid, "invitee_ids"},
		{"long venue", office, in(func(x *conferences.Input) { x.Venue = strings.Repeat("Hội trường ", 40) }), problem.Invalid, "venue"},
		{"class above clearance", office, in(func(x *conferences.Input) { x.Class = 3 }), problem.Invalid, "class"},
		{"class unknown", office, in(func(x *conferences.Input) { x.Class = 7 }), problem.Invalid, "class"},
		{"grants without class", office, in(func(x *conferences.Input) { x.Grants = toOffice }), problem.Invalid, "grants"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := f.rows()
			_, err := f.s.Create(f.Ctx, tt.viewer, tt.in)
			f.refused(t, before, err, tt.code, tt.field)
			if tt.field != "ordinal" {
				_, err = f.s.Update(f.Ctx, tt.viewer, c.ID, tt.in)
				f.refused(t, before, err, tt.code, tt.field)
			}
		})
	}
	// The body must exist on the day, even inside the term.
	before := f.rows()
	if _, err := f.App.Org.Dissolve(f.Ctx, orgDissolve(f.hdnd, "2024-01-01")); err != nil {
		t.Fatal(err)
	}
	hTerm := f.term(f.hdnd, "XVII", "2021-06-25", "2024-01-01")
	before = f.rows()
	_, err := f.s.Create(f.Ctx, office, conferences.Input{TermID: hTerm.ID, Kind: conferences.Regular, HeldOn: day("2024-01-01")})
	f.refused(t, before, err, problem.Invalid, "held_on")

	// Delete: only a planned conference with nothing recorded.
	if err := f.s.Delete(f.Ctx, office, c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Get(f.Ctx, office, c.ID); !problem.Is(err, problem.NotFound) {
		t.Errorf("deleted conference: %v", err)
	}
	d := f.conference("2024-11-11")
	f.item(d.ID, "Dự thảo Nghị quyết về chuyển đổi số")
	before = f.rows()
	f.refused(t, before, f.s.Delete(f.Ctx, office, d.ID), problem.Conflict, "id")
	for _, action := range []string{"create", "delete"} {
		if es, _ := f.App.Audit.List(f.Ctx, audit.Filter{Entity: "conference", Action: action}); len(es) == 0 {
			t.Errorf("no audit entry for %s", action)
		}
	}
}
