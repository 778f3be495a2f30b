package demo_test

import (
	"context"
	"testing"

	"plenum/internal/access"
	"plenum/internal/app"
	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/demo"
	"plenum/internal/indicators"
)

// checkIndicators: the demo's indicators tell the story of the merger: Bắc
// Kạn's values roll up into Thái Nguyên's totals after 2025-07-01, and each
// year's standing reads "N/25 đạt và vượt" with N neither 0 nor 25.
func checkIndicators(t *testing.T, a *app.App, ctx context.Context, office auth.Principal) {
	tn, err := a.Org.ByCode(ctx, "thai-nguyen.tu", date.Date{})
	if err != nil {
		t.Fatal(err)
	}
	bk, err := a.Org.ByCode(ctx, "bac-kan.tu", demo.Reform.AddDays(-1))
	if err != nil {
		t.Fatal(err)
	}
	before, after := demo.Reform.AddDays(-1), demo.Reform
	for _, c := range []struct {
		unit int64
		year int
		asOf date.Date
	}{{tn.ID, 2024, before}, {bk.ID, 2024, before}, {tn.ID, 2024, after}, {tn.ID, 2025, date.MustNew(2025, 12, 31)}, {tn.ID, 2023, after}} {
		st, err := a.Indicators.Standing(ctx, access.System, indicators.StandingQuery{UnitID: c.unit, Period: indicators.YearPeriod(c.year), AsOf: c.asOf})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("unit %d, %d, as of %s: %d/%d (%+v)", c.unit, c.year, c.asOf, st.Counts.Good, st.Counts.Counted, st.Counts)
		// As of after the merger, a year before it has no figure for the
		// not-additive rates of the merged province: no data, not "not met".
		merged := c.unit == tn.ID && c.year < demo.Reform.Year && !c.asOf.Before(demo.Reform)
		if st.Counts.Counted != 25 || st.Counts.Good == 0 || st.Counts.Good == 25 || (st.Counts.NoData != 0) != merged {
			t.Errorf("unit %d %d as of %s: %+v", c.unit, c.year, c.asOf, st.Counts)
		}
	}
	// Revenue of 2024 as of after the merger adds Bắc Kạn's to Thái Nguyên's.
	list, _ := a.Indicators.List(ctx, access.System, indicators.ListQuery{Text: "thu ngan sach"})
	if len(list) != 1 {
		t.Fatalf("revenue indicator: %d found", len(list))
	}
	p := indicators.YearPeriod(2024)
	own, _ := a.Indicators.TotalOf(ctx, access.System, list[0].ID, tn.ID, p, before)
	theirs, _ := a.Indicators.TotalOf(ctx, access.System, list[0].ID, bk.ID, p, before)
	all, _ := a.Indicators.TotalOf(ctx, access.System, list[0].ID, tn.ID, p, after)
	if own.Figure == nil || theirs.Figure == nil || all.Figure == nil ||
		all.Figure.Value.Float64() != own.Figure.Value.Float64()+theirs.Figure.Value.Float64() {
		t.Errorf("revenue 2024: %v + %v != %v", own.Figure, theirs.Figure, all.Figure)
	}
}
