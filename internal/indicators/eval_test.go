package indicators

import (
	"testing"

	"plenum/internal/date"
)

func TestEvaluate(t *testing.T) {
	higher := Indicator{Direction: Higher, ValueKind: Change}
	lower := Indicator{Direction: Lower, ValueKind: Percent, Tolerance: dec("0,1")}
	rng := Indicator{Direction: Range, ValueKind: Percent, Tolerance: dec("0,5")}
	cumul := Indicator{Direction: Higher, ValueKind: Amount, Cumulative: true}
	high := func(x float64) *float64 { return &x }
	fig := func(s string) *Figure { return &Figure{Value: dec(s)} }
	cases := []struct {
		name string
		ind  Indicator
		f    *Figure
		g    *Goal
		want Outcome
	}{
		{"higher above", higher, fig("8,2"), &Goal{Low: 8}, Exceeded},
		{"higher exactly", higher, fig("8"), &Goal{Low: 8}, Met},
		{"higher below", higher, fig("7,99"), &Goal{Low: 8}, NotMet},
		{"higher negative value", higher, fig("-1,5"), &Goal{Low: 0}, NotMet},
		{"lower below", lower, fig("2,5"), &Goal{Low: 3}, Exceeded},
		{"lower within tolerance above", lower, fig("3,1"), &Goal{Low: 3}, Met},
		{"lower within tolerance below", lower, fig("2,9"), &Goal{Low: 3}, Met},
		{"lower above tolerance", lower, fig("3,11"), &Goal{Low: 3}, NotMet},
		{"range inside", rng, fig("62"), &Goal{Low: 60, High: high(65)}, Met},
		{"range on tolerance", rng, fig("65,5"), &Goal{Low: 60, High: high(65)}, Met},
		{"range above", rng, fig("65,6"), &Goal{Low: 60, High: high(65)}, NotMet},
		{"range below", rng, fig("59,4"), &Goal{Low: 60, High: high(65)}, NotMet},
		{"no value", higher, nil, &Goal{Low: 8}, NoData},
		{"no target", higher, fig("8"), nil, NoTarget},
		{"estimate judged the same", higher, &Figure{Value: dec("9"), Estimate: true}, &Goal{Low: 8}, Exceeded},
		{"cumulative 9 months pro rata", cumul, fig("760"), goalFor(cumul, &Target{Value: dec("1000")}, per("2025-9M")), Exceeded},
		{"cumulative 9 months short", cumul, fig("740"), goalFor(cumul, &Target{Value: dec("1000")}, per("2025-9M")), NotMet},
		{"cumulative year in full", cumul, fig("760"), goalFor(cumul, &Target{Value: dec("1000")}, per("2025")), NotMet},
		{"rate 9 months against the year", higher, fig("8"), goalFor(higher, &Target{Value: dec("8")}, per("2025-9M")), Met},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Evaluate(c.ind, c.f, c.g)
			if got.Outcome != c.want {
				t.Errorf("outcome %s, want %s", got.Outcome, c.want)
			}
			if c.want.Good() != got.Outcome.Good() {
				t.Errorf("good")
			}
		})
	}
	if e := Evaluate(cumul, fig("500"), &Goal{Low: 1000}); e.Progress == nil || *e.Progress != 50 {
		t.Errorf("progress %v", e.Progress)
	}
}

func TestGrowth(t *testing.T) {
	fig := func(s string) *Figure { return &Figure{Value: dec(s)} }
	cases := []struct {
		name      string
		kind      ValueKind
		cur, prev *Figure
		want      *Growth
	}{
		{"amount", Amount, fig("1.100"), fig("1.000"), &Growth{Value: 10}},
		{"amount down", Amount, fig("950"), fig("1.000"), &Growth{Value: -5}},
		{"count", Count, fig("15"), fig("12"), &Growth{Value: 25}},
		{"share in points", Percent, fig("63,5"), fig("62,8"), &Growth{Value: 0.7, Points: true}},
		{"rate of change has none", Change, fig("8"), fig("7"), nil},
		{"last year zero", Amount, fig("5"), fig("0"), nil},
		{"no previous", Amount, fig("5"), nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := GrowthOf(Indicator{ValueKind: c.kind}, c.cur, c.prev)
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
		p, err := ParsePeriod(in)
		if err != nil || p.String() != want {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %s", in, p, err, want)
		}
		if q, err := ParsePeriod(p.Label()); err != nil || q != p {
			t.Errorf("label %q of %s does not read back: %v %v", p.Label(), p, q, err)
		}
	}
	for _, bad := range []string{"", "6 tháng cuối năm 2025", "nhiệm kỳ 2020-2025", "01/07/2025", "2025-Q5", "2025-13", "quý"} {
		if p, err := ParsePeriod(bad); err == nil {
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
