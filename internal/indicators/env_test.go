package indicators_test

import (
	"testing"
	"time"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/clock"
	"plenum/internal/date"
	"plenum/internal/documents"
	"plenum/internal/fixture"
	"plenum/internal/indicators"
	"plenum/internal/org"
	"plenum/internal/vn"
)

// env is a fresh database with two provinces, Sông Xanh and Núi Đỏ
// (invented), Núi Đỏ merging into Sông Xanh on 2025-07-01, a department
// of each, and users of each kind the rules distinguish. Its clock stands
// at 10:00 on 2026-02-10 until a test moves it.
type env struct {
	*fixture.Env
	clock *clock.Manual
	s     *indicators.Store
}

var merger = date.MustParse("2025-07-01")

func newEnv(t *testing.T) *env {
	t.Helper()
	c := clock.NewManual(time.Time{})
	c.SetDay(date.MustParse("2026-02-10"), 10, 0)
	f := fixture.NewWith(t, fixture.Options{Clock: c.Clock()})
	e := &env{Env: f, clock: c, s: f.App.Indicators}
	e.Unit("tw", org.PartyCommittee, org.Central, "Ban Chấp hành Trung ương", "")
	e.Unit("sx", org.PartyCommittee, org.Province, "Tỉnh ủy Sông Xanh", "tw")
	e.Unit("nd", org.PartyCommittee, org.Province, "Tỉnh ủy Núi Đỏ", "tw")
	e.Unit("sx.tc", org.Department, org.Province, "Sở Tài chính Sông Xanh", "sx")
	e.Unit("nd.tc", org.Department, org.Province, "Sở Tài chính Núi Đỏ", "nd")
	e.User("office", auth.RoleOffice, auth.ClassToiMat, "", 0)
	e.User("sx_member", auth.RoleUnit, auth.ClassNone, "sx", 0)
	e.User("nd_member", auth.RoleUnit, auth.ClassNone, "nd", 0)
	e.User("leader", auth.RoleLeader, auth.ClassMat, "", 0)
	e.User("uncleared", auth.RoleLeader, auth.ClassNone, "", 0)
	e.User("reader", auth.RoleReader, auth.ClassNone, "", 0)
	return e
}

// merge merges Núi Đỏ into Sông Xanh on 2025-07-01.
func (e *env) merge() {
	e.T.Helper()
	if _, err := e.App.Org.Merge(e.Ctx, org.MergeInput{SourceIDs: []int64{e.Units["nd"]}, TargetID: e.Units["sx"],
		AdoptChildren: true, Act: org.Act{Effective: merger}}); err != nil {
		e.T.Fatal(err)
	}
}

func dec(s string) vn.Decimal {
	d, err := vn.ParseNumber(s)
	if err != nil {
		panic(err)
	}
	return d
}

func per(s string) indicators.Period {
	p, err := indicators.ParsePeriod(s)
	if err != nil {
		panic(s)
	}
	return p
}

// define creates an indicator as office, scoped to Sông Xanh, term 2021–2025.
func (e *env) define(in indicators.Input) indicators.Indicator {
	e.T.Helper()
	if in.ScopeUnitID == 0 {
		in.ScopeUnitID = e.Units["sx"]
	}
	if in.TermFirst == 0 {
		in.TermFirst, in.TermLast = 2021, 2025
	}
	if in.Periodicity == "" {
		in.Periodicity = indicators.Quarter
	}
	ind, err := e.s.Create(e.As("office"), e.Users["office"], in)
	if err != nil {
		e.T.Fatalf("define %s: %v", in.Code, err)
	}
	return ind
}

func (e *env) target(ind indicators.Indicator, year int, value string) {
	e.T.Helper()
	in := indicators.TargetInput{Year: year, Term: year == 0, Value: dec(value)}
	if _, err := e.s.SetTarget(e.As("office"), e.Users["office"], ind.ID, in); err != nil {
		e.T.Fatalf("target %s %d: %v", ind.Code, year, err)
	}
}

// enter enters a value as office, or fails the test.
func (e *env) enter(ind indicators.Indicator, unit, period string, status indicators.Status, value string) indicators.Value {
	e.T.Helper()
	v, err := e.s.Enter(e.As("office"), e.Users["office"], indicators.ValueInput{IndicatorID: ind.ID, UnitID: e.Units[unit],
		Period: per(period), Status: status, Value: dec(value), Source: "Cục Thống kê"})
	if err != nil {
		e.T.Fatalf("enter %s %s %s: %v", ind.Code, unit, period, err)
	}
	return v
}

// counts returns the rows of every table a change to indicators touches.
func (e *env) counts() map[string]int {
	e.T.Helper()
	return e.Counts("indicators", "indicator_targets", "indicator_values", "imports", "record_access", "audit_log")
}

// classifiedDocument registers a Mật resolution that leaders need to know.
func (e *env) classifiedDocument() documents.Document {
	e.T.Helper()
	d, err := e.App.Documents.Create(e.As("office"), e.Users["office"], documents.Input{Kind: "resolution", Symbol: "09-NQ/TU",
		IssuerUnitID: e.Units["sx"], Title: "nghị quyết mật về chỉ tiêu thử", IssuedOn: date.MustParse("2021-03-01"),
		Class: auth.ClassMat, ClassReason: "thử nghiệm", Grants: []access.Grant{{Role: auth.RoleLeader}}})
	if err != nil {
		e.T.Fatal(err)
	}
	return d
}

// The indicators most tests use.
func growthInd() indicators.Input {
	return indicators.Input{Code: "CT01", Name: "Tốc độ tăng trưởng GRDP", Measure: "%", ValueKind: indicators.Change, Direction: indicators.Higher,
		Aggregation: indicators.NotAdditive, TermRule: indicators.TermAverage, Main: true, Position: 1}
}

func revenueInd() indicators.Input {
	return indicators.Input{Code: "CT02", Name: "Thu ngân sách nhà nước trên địa bàn", Measure: "tỷ đồng", ValueKind: indicators.Amount,
		Direction: indicators.Higher, Aggregation: indicators.Sum, Cumulative: true, TermRule: indicators.TermSum, Main: true, Position: 2}
}

func povertyInd() indicators.Input {
	return indicators.Input{Code: "CT03", Name: "Tỷ lệ hộ nghèo", Measure: "%", ValueKind: indicators.Percent, Direction: indicators.Lower,
		Aggregation: indicators.Max, Tolerance: dec("0,1"), Main: true, Position: 3, Periodicity: indicators.Year}
}
