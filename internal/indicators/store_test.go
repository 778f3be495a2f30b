package indicators_test

import (
	"fmt"
	"strings"
	"testing"

	"plenum/internal/audit"
	"plenum/internal/date"
	"plenum/internal/indicators"
	"plenum/internal/problem"
)

func TestDefineRefusals(t *testing.T) {
	e := newEnv(t)
	e.define(growthInd())
	cases := []struct {
		name  string
		edit  func(*indicators.Input)
		code  problem.Code
		field string
	}{
		{"no name", func(in *indicators.Input) { in.Name = " " }, problem.Invalid, "name"},
		{"unknown kind", func(in *indicators.Input) { in.ValueKind = "ratio" }, problem.Invalid, "value_kind"},
		{"percent without %", func(in *indicators.Input) { in.ValueKind, in.Measure = indicators.Percent, "điểm" }, problem.Invalid, "measure"},
		{"weighted without weight", func(in *indicators.Input) { in.Aggregation = indicators.WeightedAvg }, problem.Invalid, "weight_indicator_id"},
		{"weight without average", func(in *indicators.Input) { in.WeightID = 1 }, problem.Invalid, "weight_indicator_id"},
		{"nine months periodicity", func(in *indicators.Input) { in.Periodicity = indicators.Nine }, problem.Invalid, "periodicity"},
		{"duplicate code", func(in *indicators.Input) { in.Code = "ct01" }, problem.Conflict, "code"},
		{"unknown document", func(in *indicators.Input) { in.DocumentID = 999 }, problem.Invalid, "document_id"},
		{"class above own clearance", func(in *indicators.Input) { in.Class = 3 }, problem.Invalid, "class"},
		{"classified without a reason", func(in *indicators.Input) { in.Class = 1 }, problem.Invalid, "class_reason"},
		{"negative tolerance", func(in *indicators.Input) { in.Tolerance = dec("-1") }, problem.Invalid, "tolerance"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := growthInd()
			in.Code = "CT99"
			in.Periodicity, in.ScopeUnitID = indicators.Quarter, e.Units["sx"]
			c.edit(&in)
			before := e.counts()
			_, err := e.s.Create(e.As("office"), e.Users["office"], in)
			e.Refused(t, err, before, c.code, c.field)
		})
	}
}

func TestEnterRefusals(t *testing.T) {
	e := newEnv(t)
	growth := e.define(growthInd())
	revenue := e.define(revenueInd())
	poverty := e.define(povertyInd())
	communes := e.define(indicators.Input{Code: "CT04", Name: "Số xã đạt chuẩn nông thôn mới", Measure: "xã", ValueKind: indicators.Count,
		Direction: indicators.Higher, Aggregation: indicators.Sum, Periodicity: indicators.Year})
	e.enter(revenue, "sx", "2025", indicators.Final, "12.000")
	e.merge()
	in := func(ind indicators.Indicator, unit, period string, status indicators.Status, value string) indicators.ValueInput {
		return indicators.ValueInput{IndicatorID: ind.ID, UnitID: e.Units[unit], Period: per(period), Status: status, Value: dec(value)}
	}
	cases := []struct {
		name  string
		user  string
		in    indicators.ValueInput
		code  problem.Code
		field string
	}{
		{"share above 100", "office", in(poverty, "sx", "2024", indicators.Final, "101"), problem.Invalid, "value"},
		{"negative share", "office", in(poverty, "sx", "2024", indicators.Final, "-0,5"), problem.Invalid, "value"},
		{"negative count", "office", in(communes, "sx", "2024", indicators.Final, "-3"), problem.Invalid, "value"},
		{"fractional count", "office", in(communes, "sx", "2024", indicators.Final, "2,5"), problem.Invalid, "value"},
		{"negative amount", "office", in(revenue, "sx", "2024", indicators.Final, "-1"), problem.Invalid, "value"},
		{"quarter of a yearly indicator", "office", in(poverty, "sx", "2024-Q2", indicators.Final, "3"), problem.Invalid, "period"},
		{"final of a period not over", "office", in(growth, "sx", "2026", indicators.Final, "8"), problem.Invalid, "period"},
		{"estimate of a period not begun", "office", in(growth, "sx", "2026-Q2", indicators.Estimate, "8"), problem.Invalid, "period"},
		{"unit merged before the period ended", "office", in(growth, "nd", "2025-9M", indicators.Final, "6"), problem.Invalid, "unit_id"},
		{"unit not yet existing", "office", in(growth, "sx", "2009", indicators.Final, "6"), problem.Invalid, "unit_id"},
		{"unknown unit", "office", in(growth, "sx", "2024", indicators.Final, "6"), problem.Invalid, "unit_id"},
		{"another unit's value", "sx_member", in(growth, "sx.tc", "2024", indicators.Final, "6"), problem.Forbidden, "unit_id"},
		{"estimate over a final", "office", in(revenue, "sx", "2025", indicators.Estimate, "12.500"), problem.Conflict, "status"},
		{"no status", "office", in(growth, "sx", "2024", "", "6"), problem.Invalid, "status"},
		{"no period", "office", indicators.ValueInput{IndicatorID: growth.ID, UnitID: e.Units["sx"], Status: indicators.Final}, problem.Invalid, "period"},
		{"reader may not", "reader", in(growth, "sx", "2024", indicators.Final, "6"), problem.Forbidden, "unit_id"},
	}
	cases[10].in.UnitID = 99999
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := e.counts()
			_, err := e.s.Enter(e.As(c.user), e.Users[c.user], c.in)
			e.Refused(t, err, before, c.code, c.field)
		})
	}
	// A unit member enters for their unit, and for the unit merged into it.
	if _, err := e.s.Enter(e.As("sx_member"), e.Users["sx_member"], in(growth, "nd", "2024", indicators.Final, "6,1")); err != nil {
		t.Errorf("member of the successor entering the predecessor's 2024 value: %v", err)
	}
	if _, err := e.s.Enter(e.As("sx_member"), e.Users["sx_member"], in(growth, "sx", "2025-9M", indicators.Estimate, "7,2")); err != nil {
		t.Errorf("member entering an estimate: %v", err)
	}
}

func TestEstimateThenFinalKeepsHistory(t *testing.T) {
	e := newEnv(t)
	revenue := e.define(revenueInd())
	e.enter(revenue, "sx", "2025-9M", indicators.Estimate, "8.000")
	same := e.enter(revenue, "sx", "2025-9M", indicators.Estimate, "8.000") // unchanged: no new version
	e.enter(revenue, "sx", "2025-9M", indicators.Estimate, "8.100")
	final := e.enter(revenue, "sx", "2025-9M", indicators.Final, "8.050,5")
	corrected := e.enter(revenue, "sx", "2025-9M", indicators.Final, "8.060")
	h, err := e.s.History(e.Ctx, e.Viewer("leader"), revenue.ID, e.Units["sx"], per("2025-9M"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range h {
		got = append(got, string(v.Status)+" "+v.Value.String()+map[bool]string{true: " current"}[v.Current])
	}
	want := "final 8060 current, final 8050.5, estimate 8100, estimate 8000"
	if strings.Join(got, ", ") != want {
		t.Errorf("history: %s\nwant %s", strings.Join(got, ", "), want)
	}
	if same.ID != h[3].ID || final.ID != h[1].ID || corrected.ID != h[0].ID || h[0].EnteredName == "" {
		t.Errorf("ids or names: %+v", h)
	}
}

func TestTotalsAcrossTheMerger(t *testing.T) {
	e := newEnv(t)
	revenue := e.define(revenueInd())
	growth := e.define(growthInd())
	poverty := e.define(povertyInd())
	population := e.define(indicators.Input{Code: "DS", Name: "Dân số trung bình", Measure: "nghìn người", ValueKind: indicators.Amount,
		Direction: indicators.Higher, Aggregation: indicators.Sum, Periodicity: indicators.Year})
	income := e.define(indicators.Input{Code: "TN", Name: "Thu nhập bình quân đầu người", Measure: "triệu đồng", ValueKind: indicators.Amount,
		Direction: indicators.Higher, Aggregation: indicators.WeightedAvg, WeightID: population.ID, Periodicity: indicators.Year})
	for _, x := range []struct{ unit, rev, growth, poverty, pop, income string }{
		{"sx", "10.000", "7,5", "3,2", "1.300", "80"},
		{"nd", "2.000", "6,1", "9,8", "320", "45"},
	} {
		e.enter(revenue, x.unit, "2024", indicators.Final, x.rev)
		e.enter(growth, x.unit, "2024", indicators.Final, x.growth)
		e.enter(poverty, x.unit, "2024", indicators.Final, x.poverty)
		e.enter(population, x.unit, "2024", indicators.Final, x.pop)
		e.enter(income, x.unit, "2024", indicators.Final, x.income)
		e.enter(revenue, x.unit, "2025-6M", indicators.Final, "1.000")
	}
	e.merge()
	e.enter(revenue, "sx", "2025-9M", indicators.Estimate, "9.000")
	e.enter(revenue, "sx", "2025", indicators.Estimate, "13.500")
	before, after := date.MustParse("2025-06-30"), date.MustParse("2025-07-01")
	cases := []struct {
		name   string
		ind    indicators.Indicator
		unit   string
		period string
		asOf   date.Date
		want   string // "" for no figure
		reason string
		est    bool
	}{
		{"before the merger, each on its own", revenue, "sx", "2024", before, "10000", "", false},
		{"the predecessor on its own", revenue, "nd", "2024", before, "2000", "", false},
		{"after it, the successor's earlier year adds the predecessor's", revenue, "sx", "2024", after, "12000", "", false},
		{"half year before the merger rolls up", revenue, "sx", "2025-6M", after, "2000", "", false},
		{"a period ending after the merger is the successor's alone", revenue, "sx", "2025-9M", date.MustParse("2025-10-01"), "9000", "", true},
		{"a period still running on the day has the values entered by then: none", revenue, "sx", "2025-9M", after, "", "", false},
		{"maximum", poverty, "sx", "2024", after, "9.8", "", false},
		{"weighted average", income, "sx", "2024", after, "73.09", "", false},
		{"not additive is not combined", growth, "sx", "2024", after, "", indicators.ReasonNotAdditive, false},
		{"not additive on its own", growth, "sx", "2024", before, "7.5", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tot, err := e.s.TotalOf(e.Ctx, e.Viewer("leader"), c.ind.ID, e.Units[c.unit], per(c.period), c.asOf)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if tot.Figure != nil {
				got = tot.Figure.Value.String()
				if tot.Figure.Estimate != c.est {
					t.Errorf("estimate %v", tot.Figure.Estimate)
				}
			}
			if got != c.want || tot.Reason != c.reason {
				t.Errorf("total %q (%s), want %q (%s)", got, tot.Reason, c.want, c.reason)
			}
		})
	}
}

// The values table compares a unit's year with last year's figure for the
// same area: after a merger, the successor's own value with its and its
// predecessor's of the year before, as the standing does.
func TestTableGrowthAcrossTheMerger(t *testing.T) {
	e := newEnv(t)
	revenue := e.define(revenueInd())
	poverty := e.define(povertyInd())
	population := e.define(indicators.Input{Code: "CT06", Name: "Dân số trung bình", Measure: "nghìn người", ValueKind: indicators.Count,
		Direction: indicators.Higher, Aggregation: indicators.Sum, Periodicity: indicators.Year})
	for unit, v := range map[string][3]string{"sx": {"10.000", "9,8", "1.200"}, "nd": {"2.000", "4,5", ""}} {
		e.enter(revenue, unit, "2024", indicators.Final, v[0])
		e.enter(poverty, unit, "2024", indicators.Final, v[1])
		if v[2] != "" {
			e.enter(population, unit, "2024", indicators.Final, v[2])
		}
	}
	e.merge()
	e.enter(revenue, "sx", "2025", indicators.Final, "13.500")
	e.enter(poverty, "sx", "2025", indicators.Final, "8,5")
	e.enter(population, "sx", "2025", indicators.Final, "1.900")
	cases := []struct {
		name string
		ind  indicators.Indicator
		want string // the growth of Sông Xanh's 2025 row; "" for none
	}{
		{"a sum: 13.500 against 10.000 + 2.000", revenue, "12.5"},
		{"a maximum, in points: 8,5 against 9,8", poverty, "-1.3 points"},
		{"the predecessor's value is missing: no comparison", population, ""},
	}
	for _, c := range cases {
		for _, unit := range []int64{0, e.Units["sx"]} {
			rows, err := e.s.Table(e.Ctx, e.Viewer("leader"), c.ind.ID, 2024, 2025, unit)
			if err != nil {
				t.Fatal(err)
			}
			got, found := "", false
			for _, r := range rows {
				if r.Value.UnitID != e.Units["sx"] || r.Value.Period.Year != 2025 {
					continue
				}
				found = true
				if g := r.Growth; g != nil {
					got = fmt.Sprint(g.Value)
					if g.Points {
						got += " points"
					}
				}
			}
			if !found || got != c.want {
				t.Errorf("%s (unit %d): growth %q, want %q", c.name, unit, got, c.want)
			}
		}
	}
}

// As of a past day, a period over by then has its current value (what is
// known of it now), a period still running then has the last value
// entered by that day in Vietnam, or none.
func TestValuesAsTheyStood(t *testing.T) {
	e := newEnv(t)
	revenue := e.define(revenueInd())
	at := func(s string) { // the store's clock, at 10:00 in Vietnam on that day
		d := date.MustParse(s)
		e.clock.SetDay(d, 10, 0)
	}
	at("2025-01-15")
	e.enter(revenue, "sx", "2024", indicators.Final, "10.000")
	at("2025-11-20")
	e.enter(revenue, "sx", "2025", indicators.Estimate, "11.500")
	at("2026-01-20")
	e.enter(revenue, "sx", "2025", indicators.Final, "12.000")
	at("2026-02-01")
	e.enter(revenue, "sx", "2024", indicators.Final, "10.100") // a correction
	at("2026-02-10")
	cases := []struct {
		period, asOf string
		want         string // "" for no figure
		est          bool
	}{
		{"2025", "2025-10-01", "", false},
		{"2025", "2025-11-19", "", false},
		{"2025", "2025-11-20", "11500", true},
		{"2025", "2025-12-30", "11500", true},
		{"2025", "2025-12-31", "12000", false}, // over: what is known of it now
		{"2025", "2026-02-10", "12000", false},
		{"2024", "2025-06-30", "10100", false},
	}
	for _, c := range cases {
		tot, err := e.s.TotalOf(e.Ctx, e.Viewer("leader"), revenue.ID, e.Units["sx"], per(c.period), date.MustParse(c.asOf))
		if err != nil {
			t.Fatal(err)
		}
		got, est := "", false
		if tot.Figure != nil {
			got, est = tot.Figure.Value.String(), tot.Figure.Estimate
		}
		if got != c.want || est != c.est {
			t.Errorf("%s as of %s: %q (estimate %v), want %q (%v)", c.period, c.asOf, got, est, c.want, c.est)
		}
	}
	st, err := e.s.Standing(e.Ctx, e.Viewer("leader"), indicators.StandingQuery{UnitID: e.Units["sx"], Period: per("2025"), AsOf: date.MustParse("2025-11-20"), All: true})
	if err != nil || len(st.Lines) != 1 {
		t.Fatalf("standing: %+v %v", st, err)
	}
	if l := st.Lines[0]; l.Figure == nil || l.Previous == nil || l.Growth == nil || l.Growth.Value != 13.86 {
		t.Errorf("standing as of the estimate: %+v", l)
	}
}

func TestStandingCounts(t *testing.T) {
	e := newEnv(t)
	growth := e.define(growthInd())
	revenue := e.define(revenueInd())
	poverty := e.define(povertyInd())
	other := e.define(indicators.Input{Code: "CT05", Name: "Tỷ lệ che phủ rừng", Measure: "%", ValueKind: indicators.Percent, Direction: indicators.Higher,
		Aggregation: indicators.NotAdditive, Main: true, Position: 5, Periodicity: indicators.Year})
	e.define(indicators.Input{Code: "PHU", Name: "Chỉ tiêu phụ", Measure: "%", ValueKind: indicators.Percent, Direction: indicators.Higher, Aggregation: indicators.Max})
	for _, ind := range []indicators.Indicator{growth, revenue, poverty, other} {
		e.target(ind, 2025, map[string]string{"CT01": "8", "CT02": "12.000", "CT03": "3", "CT05": "63"}[ind.Code])
		e.target(ind, 2024, map[string]string{"CT01": "7", "CT02": "11.000", "CT03": "3,5", "CT05": "62"}[ind.Code])
	}
	e.enter(growth, "sx", "2025", indicators.Final, "8,2")     // exceeded
	e.enter(revenue, "sx", "2025", indicators.Final, "11.500") // not met
	e.enter(poverty, "sx", "2025", indicators.Final, "3,05")   // met within tolerance
	e.enter(revenue, "sx", "2024", indicators.Final, "10.000")
	e.enter(poverty, "sx", "2024", indicators.Final, "3,4")
	st, err := e.s.Standing(e.Ctx, e.Viewer("leader"), indicators.StandingQuery{UnitID: e.Units["sx"], Period: per("2025")})
	if err != nil {
		t.Fatal(err)
	}
	c := st.Counts
	if c.Counted != 4 || c.Good != 2 || c.Exceeded != 1 || c.Met != 1 || c.NotMet != 1 || c.NoData != 1 || len(st.Lines) != 4 {
		t.Fatalf("counts %+v, %d lines", c, len(st.Lines))
	}
	if g := st.Lines[1].Growth; g == nil || g.Value != 15 || g.Points {
		t.Errorf("revenue growth %+v", g)
	}
	if g := st.Lines[2].Growth; g == nil || g.Value != -0.35 || !g.Points {
		t.Errorf("poverty growth %+v", g)
	}
	if off := st.OffTrack(); len(off) != 1 || off[0].Indicator.Code != "CT02" {
		t.Errorf("off track %+v", off)
	}
	// Term standing: averages, sums and last values of the years so far.
	e.target(growth, 0, "7")
	e.target(revenue, 0, "50.000")
	e.enter(growth, "sx", "2024", indicators.Final, "6,8")
	ts, err := e.s.TermStanding(e.Ctx, e.Viewer("leader"), indicators.StandingQuery{UnitID: e.Units["sx"]})
	if err != nil {
		t.Fatal(err)
	}
	if len(ts.Lines) != 2 || ts.Lines[0].Figure.Value.String() != "7.5" || ts.Lines[0].Evaluation.Outcome != indicators.Exceeded ||
		ts.Lines[1].Figure.Value.String() != "21500" || !ts.Lines[1].Figure.Partial || ts.Lines[1].Evaluation.Outcome != indicators.NotMet {
		t.Errorf("term standing %+v", ts.Lines)
	}
	points, err := e.s.Trend(e.Ctx, e.Viewer("leader"), revenue.ID, e.Units["sx"], indicators.Year, 2023, 2025, date.Date{})
	if err != nil || len(points) != 3 || points[0].Figure != nil || points[2].Figure.Value.String() != "11500" {
		t.Errorf("trend %+v %v", points, err)
	}
}

func TestClassifiedIndicatorsAreInvisible(t *testing.T) {
	e := newEnv(t)
	doc := e.classifiedDocument()
	public := e.define(growthInd())
	in := revenueInd()
	in.DocumentID = doc.ID
	secret := e.define(in)
	if secret.Class != 1 {
		t.Fatalf("class %d, want the document's 1", secret.Class)
	}
	e.target(public, 2025, "8")
	e.target(secret, 2025, "12.000")
	e.enter(public, "sx", "2025", indicators.Final, "9")
	e.enter(secret, "sx", "2025", indicators.Final, "13.000")
	for _, c := range []struct {
		user string
		sees bool
	}{{"leader", true}, {"uncleared", false}, {"sx_member", false}, {"office", true}} {
		t.Run(c.user, func(t *testing.T) {
			v := e.Viewer(c.user)
			list, err := e.s.List(e.Ctx, v, indicators.ListQuery{})
			if err != nil {
				t.Fatal(err)
			}
			if len(list) != map[bool]int{true: 2, false: 1}[c.sees] {
				t.Errorf("catalogue has %d indicators", len(list))
			}
			_, err = e.s.Get(e.Ctx, v, secret.ID)
			if c.sees != (err == nil) || (!c.sees && !problem.Is(err, problem.NotFound)) {
				t.Errorf("get: %v", err)
			}
			st, err := e.s.Standing(e.Ctx, v, indicators.StandingQuery{UnitID: e.Units["sx"], Period: per("2025")})
			if err != nil {
				t.Fatal(err)
			}
			if st.Counts.Counted != map[bool]int{true: 2, false: 1}[c.sees] || (st.Class > 0) != c.sees {
				t.Errorf("standing counts %+v class %d", st.Counts, st.Class)
			}
			if _, err := e.s.TotalOf(e.Ctx, v, secret.ID, e.Units["sx"], per("2025"), date.Date{}); c.sees != (err == nil) {
				t.Errorf("total: %v", err)
			}
			rows, err := e.s.Table(e.Ctx, v, secret.ID, 2025, 2025, 0)
			if c.sees != (err == nil && len(rows) == 1) {
				t.Errorf("table: %d rows, %v", len(rows), err)
			}
			h, _ := e.s.History(e.Ctx, v, secret.ID, e.Units["sx"], per("2025"))
			if c.sees != (len(h) == 1) {
				t.Errorf("history: %d", len(h))
			}
		})
	}
	// A uncleared unit member cannot enter values of it either, and is told "not found".
	_, err := e.s.Enter(e.As("sx_member"), e.Users["sx_member"], indicators.ValueInput{IndicatorID: secret.ID, UnitID: e.Units["sx"],
		Period: per("2025-Q4"), Status: indicators.Final, Value: dec("1")})
	if !problem.Is(err, problem.Invalid) || !strings.Contains(err.Error(), "indicator_id") {
		t.Errorf("entering a value of a classified indicator: %v", err)
	}
}

func TestSearchEntries(t *testing.T) {
	e := newEnv(t)
	ind := e.define(povertyInd())
	var title string
	var class int
	if err := e.App.DB.Primary().QueryRow(`SELECT title, class FROM search_entries WHERE entity = 'indicator' AND entity_id = $1`, ind.ID).Scan(&title, &class); err != nil || title != ind.Name {
		t.Fatalf("search entry %q %v", title, err)
	}
	n, err := e.App.Search.Rebuild(e.Ctx, e.s.Source())
	if err != nil || n != 1 {
		t.Errorf("rebuild: %d %v", n, err)
	}
}

func TestStandingCombinesTargetsAcrossTheMerger(t *testing.T) {
	e := newEnv(t)
	revenue := e.define(revenueInd())
	poverty := e.define(povertyInd())
	e.target(revenue, 2024, "10.000") // Sông Xanh's own
	e.target(poverty, 2024, "3")
	for id, v := range map[int64]string{revenue.ID: "1.500", poverty.ID: "9"} {
		if _, err := e.s.SetTarget(e.As("office"), e.Users["office"], id, indicators.TargetInput{UnitID: e.Units["nd"], Year: 2024, Value: dec(v)}); err != nil {
			t.Fatal(err)
		}
	}
	e.enter(revenue, "sx", "2024", indicators.Final, "9.800")
	e.enter(revenue, "nd", "2024", indicators.Final, "1.900")
	e.enter(poverty, "sx", "2024", indicators.Final, "2,9")
	e.enter(poverty, "nd", "2024", indicators.Final, "9,5")
	e.merge()
	for _, c := range []struct {
		asOf    string
		revenue string // outcome
		goal    float64
		poverty string
	}{
		{"2025-06-30", "not_met", 10000, "met"},      // Sông Xanh alone: 9.800 of 10.000; 2,9 ≤ 3
		{"2025-07-01", "exceeded", 11500, "not_met"}, // with Núi Đỏ: 11.700 of 11.500; max 9,5 > max 9
	} {
		st, err := e.s.Standing(e.Ctx, e.Viewer("leader"), indicators.StandingQuery{UnitID: e.Units["sx"], Period: per("2024"), AsOf: date.MustParse(c.asOf)})
		if err != nil {
			t.Fatal(err)
		}
		r, p := st.Lines[0].Evaluation, st.Lines[1].Evaluation
		if string(r.Outcome) != c.revenue || r.Goal == nil || r.Goal.Low != c.goal || string(p.Outcome) != c.poverty {
			t.Errorf("as of %s: revenue %s goal %+v, poverty %s", c.asOf, r.Outcome, r.Goal, p.Outcome)
		}
	}
}

func TestTargetRefusals(t *testing.T) {
	e := newEnv(t)
	revenue := e.define(revenueInd())
	band := e.define(indicators.Input{Code: "CT07", Name: "Chỉ số giá tiêu dùng", Measure: "%", ValueKind: indicators.Change, Direction: indicators.Range,
		Aggregation: indicators.NotAdditive})
	loose, err := e.s.Create(e.As("office"), e.Users["office"], indicators.Input{Code: "CT08", Name: "Số xã đạt chuẩn", Measure: "xã",
		ValueKind: indicators.Count, Direction: indicators.Higher, Aggregation: indicators.Sum, Periodicity: indicators.Year})
	if err != nil {
		t.Fatal(err)
	}
	high := dec("4")
	low := dec("2")
	cases := []struct {
		name  string
		ind   indicators.Indicator
		in    indicators.TargetInput
		field string
	}{
		{"year before the term", revenue, indicators.TargetInput{Year: 2020, Value: dec("10")}, "year"},
		{"year after the term", revenue, indicators.TargetInput{Year: 2026, Value: dec("10")}, "year"},
		{"not a year", revenue, indicators.TargetInput{Year: 20, Value: dec("10")}, "year"},
		{"negative amount", revenue, indicators.TargetInput{Year: 2024, Value: dec("-1")}, "value"},
		{"high bound of a higher-is-better", revenue, indicators.TargetInput{Year: 2024, Value: dec("1"), High: &high}, "value_high"},
		{"range without a high bound", band, indicators.TargetInput{Year: 2024, Value: dec("2")}, "value_high"},
		{"range upside down", band, indicators.TargetInput{Year: 2024, Value: dec("4"), High: &low}, "value_high"},
		{"term target without a term", loose, indicators.TargetInput{Term: true, Value: dec("10")}, "term"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := e.counts()
			_, err := e.s.SetTarget(e.As("office"), e.Users["office"], c.ind.ID, c.in)
			e.Refused(t, err, before, problem.Invalid, c.field)
		})
	}
	// Several at once: one bad target refuses them all, naming its field.
	before := e.counts()
	_, err = e.s.SetTargets(e.As("office"), e.Users["office"], band.ID, []indicators.TargetInput{
		{Year: 2024, Value: low, High: &high}, {Term: true, Value: high, High: &low}})
	e.Refused(t, err, before, problem.Invalid, "targets[term].value_high")
	_, err = e.s.SetTargets(e.As("office"), e.Users["office"], band.ID, nil)
	e.Refused(t, err, before, problem.Invalid, "targets")
	got, err := e.s.SetTargets(e.As("office"), e.Users["office"], band.ID, []indicators.TargetInput{
		{Year: 2024, Value: low, High: &high}, {Term: true, Value: low, High: &high}})
	if err != nil || len(got) != 2 {
		t.Fatalf("set two targets: %v %v", got, err)
	}
	// A reader cannot see a classified indicator, so cannot set its targets.
	secret := e.define(indicators.Input{Code: "CT09", Name: "Chỉ tiêu mật", Measure: "%", ValueKind: indicators.Percent, Direction: indicators.Higher,
		Aggregation: indicators.NotAdditive, Class: 1, ClassReason: "thử nghiệm"})
	before = e.counts()
	_, err = e.s.SetTargets(e.As("reader"), e.Users["reader"], secret.ID, []indicators.TargetInput{{Year: 2024, Value: low}})
	e.Refused(t, err, before, problem.NotFound, "")
}

// A target set by mistake can be taken away; the log keeps what it was.
// Removing one that is not there is refused, and several changes at once
// are all or none.
func TestRemoveTarget(t *testing.T) {
	e := newEnv(t)
	revenue := e.define(revenueInd())
	e.target(revenue, 2024, "1600")
	e.target(revenue, 2025, "1700")
	e.target(revenue, 2025, "1750") // replaced: the log keeps the old value
	office, p := e.As("office"), e.Users["office"]

	removed, err := e.s.SetTarget(office, p, revenue.ID, indicators.TargetInput{Year: 2024, Remove: true})
	if err != nil || removed.FirstYear != 2024 || removed.Value.String() != "1600" {
		t.Fatalf("remove 2024: %+v %v", removed, err)
	}
	got, err := e.s.Get(e.Ctx, e.Viewer("office"), revenue.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Targets) != 1 || got.Targets[0].FirstYear != 2025 || got.Targets[0].Value.String() != "1750" {
		t.Errorf("targets after removing 2024: %+v", got.Targets)
	}
	entries, err := e.App.Audit.List(e.Ctx, audit.Filter{Entity: indicators.Entity, EntityID: fmt.Sprint(revenue.ID), Clearance: 3})
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, en := range entries {
		actions = append(actions, en.Action+" "+string(en.Before))
	}
	if len(actions) < 2 || !strings.HasPrefix(actions[0], `remove_target {`) || !strings.Contains(actions[0], `"value":1600`) ||
		!strings.HasPrefix(actions[1], `set_target {`) || !strings.Contains(actions[1], `"value":1700`) {
		t.Errorf("the log, newest first: %q", actions)
	}

	cases := []struct {
		name  string
		in    []indicators.TargetInput
		field string
	}{
		{"a year with no target", []indicators.TargetInput{{Year: 2024, Remove: true}}, "targets[2024].year"},
		{"the term's, never set", []indicators.TargetInput{{Term: true, Remove: true}}, "targets[term].term"},
		{"a removal with a bad target", []indicators.TargetInput{{Year: 2025, Remove: true}, {Year: 2026, Value: dec("-1")}}, "targets[2026].value"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := e.counts()
			_, err := e.s.SetTargets(office, p, revenue.ID, c.in)
			e.Refused(t, err, before, problem.Invalid, c.field)
		})
	}
	// Uncleared, the classified indicator is not found, its targets neither.
	secret := e.define(indicators.Input{Code: "CT09", Name: "Chỉ tiêu mật", Measure: "%", ValueKind: indicators.Percent, Direction: indicators.Higher,
		Aggregation: indicators.NotAdditive, Class: 1, ClassReason: "thử nghiệm"})
	e.target(secret, 2024, "50")
	before := e.counts()
	_, err = e.s.SetTarget(e.As("reader"), e.Users["reader"], secret.ID, indicators.TargetInput{Year: 2024, Remove: true})
	e.Refused(t, err, before, problem.NotFound, "")
}

// Changing an indicator's class is a decision with a reason, except when
// it follows the document that set it up. The log's entries about it carry
// the higher of the two classes, so an uncleared auditor does not read what
// a Mật indicator was.
func TestIndicatorClassChanges(t *testing.T) {
	e := newEnv(t)
	doc := e.classifiedDocument()
	office, p := e.As("office"), e.Users["office"]
	revenue := e.define(revenueInd())
	followed := revenueInd()
	followed.Code, followed.DocumentID = "CT20", doc.ID
	fromDoc := e.define(followed) // no reason: it follows its document
	if fromDoc.Class != 1 {
		t.Fatalf("indicator of a Mật document: class %d", fromDoc.Class)
	}
	edit := func(ind indicators.Indicator, class int, reason string) indicators.Input {
		in := revenueInd()
		in.Code, in.DocumentID, in.Class, in.ClassReason = ind.Code, ind.DocumentID, class, reason
		in.ScopeUnitID, in.TermFirst, in.TermLast, in.Periodicity = ind.ScopeUnitID, ind.TermFirst, ind.TermLast, ind.Periodicity
		return in
	}
	cases := []struct {
		name   string
		ind    indicators.Indicator
		in     indicators.Input
		action string // the class entry logged; "" for a refusal on class_reason or no entry
		class  int    // the indicator's class after
	}{
		{"raised without a reason", revenue, edit(revenue, 1, ""), "", -1},
		{"raised", revenue, edit(revenue, 1, "Số liệu chưa công bố"), "classify", 1},
		{"declassified without a reason", revenue, edit(revenue, 0, " "), "", -1},
		{"declassified", revenue, edit(revenue, 0, "Đã công bố"), "declassify", 0},
		{"below its document: stays at the document's class", fromDoc, edit(fromDoc, 0, ""), "", 1},
		{"above its document without a reason", fromDoc, edit(fromDoc, 2, ""), "", -1},
		{"above its document", fromDoc, edit(fromDoc, 2, "Kèm phương án tác chiến"), "classify", 2},
		{"down to its document's class", fromDoc, edit(fromDoc, 1, "Đã bỏ phương án"), "downgrade", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := e.counts()
			got, err := e.s.Update(office, p, c.ind.ID, c.in)
			if c.class < 0 {
				e.Refused(t, err, before, problem.Invalid, "class_reason")
				return
			}
			if err != nil || got.Class != c.class {
				t.Fatalf("class %d, %v; want %d", got.Class, err, c.class)
			}
			entries, err := e.App.Audit.List(e.Ctx, audit.Filter{Entity: indicators.Entity, EntityID: fmt.Sprint(c.ind.ID), Clearance: 3, Limit: 2})
			if err != nil {
				t.Fatal(err)
			}
			if c.action == "" {
				if entries[0].Action != "update" {
					t.Errorf("logged %s, want no class entry", entries[0].Action)
				}
				return
			}
			class, upd := entries[0], entries[1]
			if class.Action != c.action || !strings.Contains(string(class.After), c.in.ClassReason) || upd.Action != "update" {
				t.Errorf("logged %s %s after %s", class.Action, class.After, upd.Action)
			}
			for _, en := range entries {
				if want := max(c.class, c.ind.Class, 1); en.Class < c.class || (c.action == "declassify" && en.Class != want) {
					t.Errorf("%s entry has class %d", en.Action, en.Class)
				}
			}
		})
	}
	// The uncleared see neither the classification nor the declassification.
	seen, err := e.App.Audit.List(e.Ctx, audit.Filter{Entity: indicators.Entity, EntityID: fmt.Sprint(revenue.ID), Clearance: 0})
	if err != nil {
		t.Fatal(err)
	}
	for _, en := range seen {
		if en.Action != "create" {
			t.Errorf("an uncleared auditor sees the %s entry", en.Action)
		}
	}
}
