package indicators

import (
	"context"
	"testing"
	"time"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/db/dbtest"
	"plenum/internal/documents"
	"plenum/internal/org"
	"plenum/internal/people"
	"plenum/internal/problem"
	"plenum/internal/search"
	"plenum/internal/vn"
)

// env is a fresh database with two provinces, Sông Xanh and Núi Đỏ
// (invented), Núi Đỏ merging into Sông Xanh on 2025-07-01, a department
// of each, and users of each kind the rules distinguish. "Today" is
// 2026-02-10.
type env struct {
	t     *testing.T
	ctx   context.Context
	app   *stores
	s     *Store
	units map[string]int64
	users map[string]auth.Principal
}

// stores are the app's stores this package needs (the app package imports
// this one, so tests build them themselves).
type stores struct {
	DB         *db.DB
	Log        *audit.Log
	Auth       *auth.Store
	Access     *access.Store
	Org        *org.Store
	Documents  *documents.Store
	Indicators *Store
}

func newStores(t *testing.T) *stores {
	d := dbtest.New(t)
	log := audit.New(d)
	s := &stores{DB: d, Log: log, Auth: auth.NewStore(d, log, auth.Config{}), Access: access.New(d, log), Org: org.New(d, log)}
	ix := search.New(d)
	s.Documents = documents.New(d, log, s.Access, s.Org, people.New(d, log, s.Org), documents.Options{Index: ix})
	s.Indicators = New(d, log, s.Access, s.Org, ix)
	return s
}

var merger = date.MustParse("2025-07-01")

func newEnv(t *testing.T) *env {
	t.Helper()
	a := newStores(t)
	e := &env{t: t, ctx: audit.WithActor(context.Background(), audit.Actor{Name: "test"}), app: a, s: a.Indicators,
		units: map[string]int64{}, users: map[string]auth.Principal{}}
	e.s.now = func() time.Time { return time.Date(2026, 2, 10, 3, 0, 0, 0, time.UTC) }
	e.unit("tw", org.PartyCommittee, org.Central, "Ban Chấp hành Trung ương", "")
	e.unit("sx", org.PartyCommittee, org.Province, "Tỉnh ủy Sông Xanh", "tw")
	e.unit("nd", org.PartyCommittee, org.Province, "Tỉnh ủy Núi Đỏ", "tw")
	e.unit("sx.tc", org.Department, org.Province, "Sở Tài chính Sông Xanh", "sx")
	e.unit("nd.tc", org.Department, org.Province, "Sở Tài chính Núi Đỏ", "nd")
	e.user("office", auth.RoleOffice, auth.ClassToiMat, "")
	e.user("sx_member", auth.RoleUnit, auth.ClassNone, "sx")
	e.user("nd_member", auth.RoleUnit, auth.ClassNone, "nd")
	e.user("leader", auth.RoleLeader, auth.ClassMat, "")
	e.user("uncleared", auth.RoleLeader, auth.ClassNone, "")
	e.user("reader", auth.RoleReader, auth.ClassNone, "")
	return e
}

// merge merges Núi Đỏ into Sông Xanh on 2025-07-01.
func (e *env) merge() {
	e.t.Helper()
	if _, err := e.app.Org.Merge(e.ctx, org.MergeInput{SourceIDs: []int64{e.units["nd"]}, TargetID: e.units["sx"],
		AdoptChildren: true, Act: org.Act{Effective: merger}}); err != nil {
		e.t.Fatal(err)
	}
}

func (e *env) unit(code string, kind org.Kind, level org.Level, name, parent string) {
	e.t.Helper()
	u, err := e.app.Org.Create(e.ctx, org.CreateInput{
		NewUnit: org.NewUnit{Kind: kind, Level: level, Name: name, Code: "t." + code, ParentID: e.units[parent]},
		Act:     org.Act{Effective: date.MustParse("2010-01-01")},
	})
	if err != nil {
		e.t.Fatalf("unit %s: %v", code, err)
	}
	e.units[code] = u.ID
}

func (e *env) user(name string, role auth.Role, c auth.Clearance, unit string) {
	e.t.Helper()
	u, err := e.app.Auth.CreateUser(e.ctx, auth.NewUser{Username: name, DisplayName: "Người thử " + name,
		Password: "mat-khau-thu-nghiem", Role: role, Clearance: c, UnitID: e.units[unit]})
	if err != nil {
		e.t.Fatalf("user %s: %v", name, err)
	}
	e.users[name] = auth.Principal{User: u}
}

func (e *env) viewer(name string) access.Viewer {
	e.t.Helper()
	v, err := e.app.Access.Viewer(e.ctx, e.users[name])
	if err != nil {
		e.t.Fatal(err)
	}
	return v
}

func (e *env) as(name string) context.Context {
	u := e.users[name].User
	return audit.WithActor(e.ctx, audit.Actor{UserID: u.ID, Name: u.Username})
}

func dec(s string) vn.Decimal {
	d, err := vn.ParseNumber(s)
	if err != nil {
		panic(err)
	}
	return d
}

func per(s string) Period {
	p, err := ParsePeriod(s)
	if err != nil {
		panic(s)
	}
	return p
}

// define creates an indicator as office, scoped to Sông Xanh, term 2021–2025.
func (e *env) define(in Input) Indicator {
	e.t.Helper()
	if in.ScopeUnitID == 0 {
		in.ScopeUnitID = e.units["sx"]
	}
	if in.TermFirst == 0 {
		in.TermFirst, in.TermLast = 2021, 2025
	}
	if in.Periodicity == "" {
		in.Periodicity = Quarter
	}
	ind, err := e.s.Create(e.as("office"), e.users["office"], in)
	if err != nil {
		e.t.Fatalf("define %s: %v", in.Code, err)
	}
	return ind
}

func (e *env) target(ind Indicator, year int, value string) {
	e.t.Helper()
	in := TargetInput{Year: year, Term: year == 0, Value: dec(value)}
	if _, err := e.s.SetTarget(e.as("office"), e.users["office"], ind.ID, in); err != nil {
		e.t.Fatalf("target %s %d: %v", ind.Code, year, err)
	}
}

// enter enters a value as office, or fails the test.
func (e *env) enter(ind Indicator, unit, period string, status Status, value string) Value {
	e.t.Helper()
	v, err := e.s.Enter(e.as("office"), e.users["office"], ValueInput{IndicatorID: ind.ID, UnitID: e.units[unit],
		Period: per(period), Status: status, Value: dec(value), Source: "Cục Thống kê"})
	if err != nil {
		e.t.Fatalf("enter %s %s %s: %v", ind.Code, unit, period, err)
	}
	return v
}

// counts returns the rows of every table a change to indicators touches.
func (e *env) counts() map[string]int {
	e.t.Helper()
	out := map[string]int{}
	for _, table := range []string{"indicators", "indicator_targets", "indicator_values", "imports", "record_access", "audit_log"} {
		var n int
		if err := e.app.DB.Primary().QueryRowContext(e.ctx, `SELECT count(*) FROM `+table).Scan(&n); err != nil {
			e.t.Fatal(err)
		}
		out[table] = n
	}
	return out
}

// refused checks that err is a problem with code naming field, and that
// nothing was written.
func (e *env) refused(t *testing.T, err error, before map[string]int, code problem.Code, field string) {
	t.Helper()
	p, ok := problem.As(err)
	if !ok || p.Code != code {
		t.Fatalf("want a %s problem on %s, got %v", code, field, err)
	}
	found := field == ""
	for _, f := range p.Fields {
		found = found || f.Name == field
	}
	if !found {
		t.Fatalf("want field %s in %v", field, p.Fields)
	}
	after := e.counts()
	for k, n := range before {
		if after[k] != n {
			t.Errorf("%s: %d rows before the refused change, %d after", k, n, after[k])
		}
	}
}

// classifiedDocument registers a Mật resolution that leaders need to know.
func (e *env) classifiedDocument() documents.Document {
	e.t.Helper()
	d, err := e.app.Documents.Create(e.as("office"), e.users["office"], documents.Input{Kind: "resolution", Symbol: "09-NQ/TU",
		IssuerUnitID: e.units["sx"], Title: "nghị quyết mật về chỉ tiêu thử", IssuedOn: date.MustParse("2021-03-01"),
		Class: auth.ClassMat, ClassReason: "thử nghiệm", Grants: []access.Grant{{Role: auth.RoleLeader}}})
	if err != nil {
		e.t.Fatal(err)
	}
	return d
}

// The indicators most tests use.
func growthInd() Input {
	return Input{Code: "CT01", Name: "Tốc độ tăng trưởng GRDP", Measure: "%", ValueKind: Change, Direction: Higher,
		Aggregation: NotAdditive, TermRule: TermAverage, Main: true, Position: 1}
}

func revenueInd() Input {
	return Input{Code: "CT02", Name: "Thu ngân sách nhà nước trên địa bàn", Measure: "tỷ đồng", ValueKind: Amount,
		Direction: Higher, Aggregation: Sum, Cumulative: true, TermRule: TermSum, Main: true, Position: 2}
}

func povertyInd() Input {
	return Input{Code: "CT03", Name: "Tỷ lệ hộ nghèo", Measure: "%", ValueKind: Percent, Direction: Lower,
		Aggregation: Max, Tolerance: dec("0,1"), Main: true, Position: 3, Periodicity: Year}
}
