package indicators_test

import (
	"testing"

	"plenum/internal/date"
	"plenum/internal/indicators"
)

func TestEvaluate(t *testing.T) {
	higher := indicators.Indicator{Direction: indicators.Higher, ValueKind: indicators.Change}
	lower := indicators.Indicator{Direction: indicators.Lower, ValueKind: indicators.Percent, Tolerance: dec("0,1")}
	rng := indicators.Indicator{Direction: indicators.Range, ValueKind: indicators.Percent, Tolerance: dec("0,5")}
	cumul := indicators.Indicator{Direction: indicators.Higher, ValueKind: indicators.Amount, Cumulative: true}
	high := func(x float64) *float64 { return &x }
	fig := func(s string) *indicators.Figure { return &indicators.Figure{Value: dec(s)} }
	cases := []struct {
		name string
		ind  indicators.Indicator
		f    *indicators.Figure
		g    *indicators.Goal
		want indicators.Outcome
	}{
		{"higher above", higher, fig("8,2"), &indicators.Goal{Low: 8}, indicators.Exceeded},
		{"higher exactly", higher, fig("8"), &indicators.Goal{Low: 8}, indicators.Met},
		{"higher below", higher, fig("7,99"), &indicators.Goal{Low: 8}, indicators.NotMet},
		{"higher negative value", higher, fig("-1,5"), &indicators.Goal{Low: 0}, indicators.NotMet},
		{"lower below", lower, fig("2,5"), &indicators.Goal{Low: 3}, indicators.Exceeded},
		{"lower within tolerance above", lower, fig("3,1"), &indicators.Goal{Low: 3}, indicators.Met},
		{"lower within tolerance below", lower, fig("2,9"), &indicators.Goal{Low: 3}, indicators.Met},
		{"lower above tolerance", lower, fig("3,11"), &indicators.Goal{Low: 3}, indicators.NotMet},
		{"range inside", rng, fig("62"), &indicators.Goal{Low: 60, High: high(65)}, indicators.Met},
		{"range on tolerance", rng, fig("65,5"), &indicators.Goal{Low: 60, High: high(65)}, indicators.Met},
		{"range above", rng, fig("65,6"), &indicators.Goal{Low: 60, High: high(65)}, indicators.NotMet},
		{"range below", rng, fig("59,4"), &indicators.Goal{Low: 60, High: high(65)}, indicators.NotMet},
		{"no value", higher, nil, &indicators.Goal{Low: 8}, indicators.NoData},
		{"no target", higher, fig("8"), nil, indicators.NoTarget},
		{"estimate judged the same", higher, &indicators.Figure{Value: dec("9"), Estimate: true}, &indicators.Goal{Low: 8}, indicators.Exceeded},
		{"cumulative 9 months pro rata", cumul, fig("760"), indicators.GoalFor(cumul, &indicators.Target{Value: dec("1000")}, per("2025-9M")), indicators.Exceeded},
		{"cumulative 9 months short", cumul, fig("740"), indicators.GoalFor(cumul, &indicators.Target{Value: dec("1000")}, per("2025-9M")), indicators.NotMet},
		{"cumulative year in full", cumul, fig("760"), indicators.GoalFor(cumul, &indicators.Target{Value: dec("1000")}, per("2025")), indicators.NotMet},
		{"rate 9 months against the year", higher, fig("8"), indicators.GoalFor(higher, &indicators.Target{Value: dec("8")}, per("2025-9M")), indicators.Met},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := indicators.Evaluate(c.ind, c.f, c.g)
			if got.Outcome != c.want {
				t.Errorf("outcome %s, want %s", got.Outcome, c.want)
			}
			if c.want.Good() != got.Outcome.Good() {
				t.Errorf("good")
			}
		})
	}
	if e := indicators.Evaluate(cumul, fig("500"), &indicators.Goal{Low: 1000}); e.Progress == nil || *e.Progress != 50 {
		t.Errorf("progress %v", e.Progress)
	}
}

func TestGrowth(t *testing.T) {
	fig := func(s string) *indicators.Figure { return &indicators.Figure{Value: dec(s)} }
	cases := []struct {
		name      string
		kind      indicators.ValueKind
		cur, prev *indicators.Figure
		want      *indicators.Growth
	}{
		{"amount", indicators.Amount, fig("1.100"), fig("1.000"), &indicators.Growth{Value: 10}},
		{"amount down", indicators.Amount, fig("950"), fig("1.000"), &indicators.Growth{Value: -5}},
		{"count", indicators.Count, fig("15"), fig("12"), &indicators.Growth{Value: 25}},
		{"share in points", indicators.Percent, fig("63,5"), fig("62,8"), &indicators.Growth{Value: 0.7, Points: true}},
		{"rate of change has none", indicators.Change, fig("8"), fig("7"), nil},
		{"last year zero", indicators.Amount, fig("5"), fig("0"), nil},
		{"no previous", indicators.Amount, fig("5"), nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := indicators.GrowthOf(indicators.Indicator{ValueKind: c.kind}, c.cur, c.prev)
			if (got == nil) != (c.want == nil) || (got != nil && *got != *c.want) {
				t.Errorf("growth %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestParsePeriod(t *testing.T) {
	for in, want := range map[string]string{
		"2025": "2025", "năm 2025": "2025", "2025-Q3": "2025-Q3", "quý III/2025": "2025-Q3", "quý 3/2025": "2025-Q3",
		"6 tháng đầu năm 2025": "2025-6M", "2025-6m": "2025-6M", "9 tháng năm 2025": "2025-9M", "tháng 3/2025": "2025-03",
		"2025-03": "2025-03", "3 tháng cuối năm 2025": "2025-Q4",
	} {
		p, err := indicators.ParsePeriod(in)
		if err != nil || p.String() != want {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %s", in, p, err, want)
		}
		if q, err := indicators.ParsePeriod(p.Label()); err != nil || q != p {
			t.Errorf("label %q of %s does not read back: %v %v", p.Label(), p, q, err)
		}
	}
	for _, bad := range []string{"", "6 tháng cuối năm 2025", "nhiệm kỳ 2020-2025", "01/07/2025", "2025-Q5", "2025-13", "quý"} {
		if p, err := indicators.ParsePeriod(bad); err == nil {
			t.Errorf("ParsePeriod(%q) = %v, want an error", bad, p)
		}
	}
	if p := per("2025-9M"); p.First() != date.MustParse("2025-01-01") || p.Last() != date.MustParse("2025-09-30") {
		t.Errorf("9 months: %s – %s", p.First(), p.Last())
	}
	if p := per("2024-Q1"); p.Last() != date.MustParse("2024-03-31") {
		t.Errorf("Q1 ends %s", p.Last())
	}
}
