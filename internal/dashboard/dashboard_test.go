package dashboard_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"plenum/internal/access"
	"plenum/internal/app"
	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/dashboard"
	"plenum/internal/dashboard/dashboardtest"
	"plenum/internal/date"
	"plenum/internal/documents"
	"plenum/internal/fixture"
	"plenum/internal/indicators"
	"plenum/internal/problem"
	"plenum/internal/tasks"
)

type env struct {
	t       *testing.T
	ctx     context.Context
	a       *app.App
	w       *dashboardtest.World
	office  access.Viewer
	officeP auth.Principal
	leader  access.Viewer // uncleared
}

func newEnv(t *testing.T) *env {
	a := fixture.NewWith(t, fixture.Options{Clock: dashboardtest.Clock(t)}).App
	ctx := audit.WithActor(context.Background(), audit.Actor{Name: "test"})
	office, err := a.Auth.CreateUser(ctx, auth.NewUser{Username: "vanphong", DisplayName: "Văn phòng", Password: "mat-khau-van-phong",
		Role: auth.RoleOffice, Clearance: auth.ClassToiMat})
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, ctx: ctx, a: a}
	e.officeP = auth.Principal{User: office}
	e.w = dashboardtest.Build(t, a, ctx, e.officeP)
	e.office = e.viewer(office)
	e.leader = e.viewer(e.w.Leader)
	return e
}

func (e *env) viewer(u auth.User) access.Viewer {
	v, err := e.a.Access.Viewer(e.ctx, auth.Principal{User: u})
	if err != nil {
		e.t.Fatal(err)
	}
	return v
}

func (e *env) build(v access.Viewer, q dashboard.Query) dashboard.Dashboard {
	e.t.Helper()
	d, err := e.a.Dashboard.Build(e.ctx, v, q)
	if err != nil {
		e.t.Fatal(err)
	}
	return d
}

func unitRow(d dashboard.Dashboard, id int64) tasks.UnitCounts {
	for _, u := range d.Tasks.ByUnit {
		if u.Unit.ID == id {
			return u
		}
	}
	return tasks.UnitCounts{}
}

// listed counts the deadlines the task list shows behind a figure's link.
func (e *env) listed(v access.Viewer, href string) int {
	e.t.Helper()
	u, err := url.Parse(href)
	if err != nil {
		e.t.Fatal(err)
	}
	q, err := tasks.ParseListQuery(u.Query())
	if err != nil {
		e.t.Fatalf("%s: %v", href, err)
	}
	page, err := e.a.Tasks.List(e.ctx, v, q)
	if err != nil {
		e.t.Fatal(err)
	}
	return page.Total
}

func TestFigures(t *testing.T) {
	e := newEnv(t)
	w := e.w
	d := e.build(e.office, dashboard.Query{})
	if d.Query.AsOf != w.Today || d.Query.Period != indicators.YearPeriod(w.Today.Year) {
		t.Fatalf("defaults: %+v", d.Query)
	}
	fin, dist := unitRow(d, w.Finance), unitRow(d, w.District)
	// Finance: two overdue and the Mật one, one due soon; District: one done late, one on time.
	for _, c := range []struct {
		name      string
		got, want int
	}{
		{"finance late", fin.Late, 3}, {"finance due soon", fin.DueSoon, 1}, {"finance total", fin.Total, 4},
		{"district late", dist.Late, 1}, {"district done on time", dist.ByStatus[tasks.DoneOnTime], 1},
		{"total late", d.Tasks.Totals.Late, 4}, {"total", d.Tasks.Totals.Total, 6},
		{"late list", len(d.Tasks.Late), 3}, {"due soon list", len(d.Tasks.DueSoon), 1},
	} {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.name, c.got, c.want)
		}
	}
	// The figures agree with the task store's own queries.
	cq := tasks.CountQuery{AsOf: w.Today, DueFrom: d.Query.Period.First(), DueTo: d.Query.Period.Last()}
	byUnit, err := e.a.Tasks.CountByUnit(e.ctx, e.office, cq)
	if err != nil {
		t.Fatal(err)
	}
	if len(byUnit) != len(d.Tasks.ByUnit) {
		t.Errorf("%d unit rows, the store has %d", len(d.Tasks.ByUnit), len(byUnit))
	}
	for _, u := range byUnit {
		if got := unitRow(d, u.Unit.ID); got.Late != u.Late || got.Total != u.Total || got.DueSoon != u.DueSoon {
			t.Errorf("unit %s: %+v, the store says %+v", u.Unit.Name, got.Counts, u.Counts)
		}
	}
	// Every figure's link lists as many deadlines as it counts.
	for _, c := range []struct {
		name string
		href string
		want int
	}{
		{"finance late", d.TasksHref(w.Finance, 0, tasks.StateLate, ""), fin.Late},
		{"finance due soon", d.TasksHref(w.Finance, 0, tasks.StateDueSoon, ""), fin.DueSoon},
		{"finance all", d.TasksHref(w.Finance, 0, "", ""), fin.Total},
		{"district done late", d.TasksHref(w.District, 0, "", tasks.DoneLate), dist.ByStatus[tasks.DoneLate]},
		{"all late", d.TasksHref(0, 0, tasks.StateLate, ""), d.Tasks.Totals.Late},
		{"resolution late", d.TasksHref(0, w.Resolution.ID, tasks.StateLate, ""), 2},
	} {
		if got := e.listed(e.office, c.href); got != c.want {
			t.Errorf("%s: %s lists %d, the figure is %d", c.name, c.href, got, c.want)
		}
	}
	var resolution tasks.DocumentCounts
	for _, r := range d.Tasks.ByDocument {
		if r.DocumentID == w.Resolution.ID {
			resolution = r
		}
	}
	if resolution.Total != 3 || resolution.Late != 2 || resolution.DueSoon != 1 {
		t.Errorf("resolution row %+v", resolution)
	}
	// Month by month: every deadline due by today's month is in a month.
	sum := 0
	for _, m := range d.Tasks.ByMonth {
		sum += m.Total
	}
	if sum != d.Tasks.Totals.Total-d.Tasks.Totals.DueSoon && sum != d.Tasks.Totals.Total {
		t.Errorf("months sum to %d of %d", sum, d.Tasks.Totals.Total)
	}
	if len(d.Tasks.ByMonth) != int(w.Today.Month) {
		t.Errorf("%d months, want %d", len(d.Tasks.ByMonth), w.Today.Month)
	}
	// Indicators: the public one is off track on both counts, the Mật one met.
	st := d.Indicators.Standing
	if st.Counts.Counted != 2 || st.Counts.Good != 1 || d.Indicators.UnitID != w.Province {
		t.Errorf("standing %+v of unit %d", st.Counts, d.Indicators.UnitID)
	}
	if len(d.Indicators.OffTrack) != 1 || d.Indicators.OffTrack[0].Indicator.ID != w.Public.ID || d.Indicators.OffTrack[0].Why != "not_met" {
		t.Errorf("off track %+v", d.Indicators.OffTrack)
	}
	if d.Indicators.Term.Counts.Counted != 2 || len(d.Indicators.Trends) != 2 || d.Indicators.Trends[0].Indicator.ID != w.Public.ID {
		t.Errorf("term %+v, %d trends", d.Indicators.Term.Counts, len(d.Indicators.Trends))
	}
	if d.Class != int(auth.ClassMat) {
		t.Errorf("class %d, want Mật: the office sees the Mật task", d.Class)
	}
}

func TestFilters(t *testing.T) {
	e := newEnv(t)
	w := e.w
	// A unit: only its rows and lists, its indicators (no targets of its own).
	d := e.build(e.office, dashboard.Query{UnitID: w.District})
	if len(d.Tasks.ByUnit) != 1 || d.Tasks.ByUnit[0].Unit.ID != w.District || d.Tasks.Totals.Total != 2 || len(d.Tasks.Late) != 0 {
		t.Errorf("district: %+v, %d late listed", d.Tasks.ByUnit, len(d.Tasks.Late))
	}
	if d.UnitName != "Huyện ủy Lục Thử" || d.Indicators.Standing.Counts.Counted != 0 || d.Indicators.UnitID != w.District {
		t.Errorf("district name %q, standing %+v", d.UnitName, d.Indicators.Standing.Counts)
	}
	// A resolution: its tasks and its indicators; every resolution still offered.
	d = e.build(e.office, dashboard.Query{DocumentID: w.Resolution.ID})
	if d.Tasks.Totals.Total != 3 || d.Tasks.Totals.Late != 2 || d.Document == "" {
		t.Errorf("resolution: %+v %q", d.Tasks.Totals, d.Document)
	}
	if len(d.Tasks.ByDocument) != 2 {
		t.Errorf("%d resolutions offered, want 2", len(d.Tasks.ByDocument))
	}
	if d.Indicators.Standing.Counts.Counted != 1 || d.Indicators.Term.Counts.Counted != 1 {
		t.Errorf("indicators of the resolution: %+v", d.Indicators.Standing.Counts)
	}
	// The date: before the tasks began nothing counts.
	d = e.build(e.office, dashboard.Query{AsOf: w.Today.AddDays(-400)})
	if d.Tasks.Totals.Total != 0 || len(d.Tasks.Late) != 0 {
		t.Errorf("a year before: %+v", d.Tasks.Totals)
	}
	// Early next year, before any figure of it: the indicators of this
	// year. (Not "in 400 days": from late November that is the year after.)
	d = e.build(e.office, dashboard.Query{AsOf: date.MustNew(w.Today.Year+1, time.February, 1)})
	if d.Indicators.Standing.Period != indicators.YearPeriod(w.Today.Year) || d.Indicators.Standing.Counts.NoData != 0 {
		t.Errorf("next year's standing: %v %+v", d.Indicators.Standing.Period, d.Indicators.Standing.Counts)
	}
	// As of the day one task became late, it was not late yet.
	early := e.build(e.office, dashboard.Query{AsOf: w.Today.AddDays(-6)})
	now := e.build(e.office, dashboard.Query{})
	if !(early.Tasks.Totals.Late < now.Tasks.Totals.Late) {
		t.Errorf("late six days ago %d, today %d: the date does not move the figures", early.Tasks.Totals.Late, now.Tasks.Totals.Late)
	}
	// A period: last year has no deadline, and last year's figures.
	d = e.build(e.office, dashboard.Query{Period: indicators.YearPeriod(w.Today.Year - 1)})
	if d.Tasks.Totals.Total != 0 || d.Indicators.Standing.Counts.Counted != 2 || d.Indicators.Standing.Lines[0].Figure.Estimate {
		t.Errorf("last year: %+v %+v", d.Tasks.Totals, d.Indicators.Standing.Counts)
	}
}

func TestClassifiedNotCounted(t *testing.T) {
	e := newEnv(t)
	w := e.w
	d := e.build(e.leader, dashboard.Query{})
	fin := unitRow(d, w.Finance)
	if fin.Late != 2 || d.Tasks.Totals.Late != 3 || len(d.Tasks.Late) != 2 {
		t.Errorf("uncleared leader: finance late %d, total late %d, %d listed: the Mật task is counted", fin.Late, d.Tasks.Totals.Late, len(d.Tasks.Late))
	}
	if d.Indicators.Standing.Counts.Counted != 1 || d.Indicators.Term.Counts.Counted != 1 {
		t.Errorf("uncleared leader counts the Mật indicator: %+v", d.Indicators.Standing.Counts)
	}
	for _, r := range d.Tasks.ByDocument {
		if r.DocumentID == w.Secret.ID {
			t.Errorf("the Mật plan is offered: %+v", r)
		}
	}
	b, _ := json.Marshal(d)
	for _, s := range []string{dashboardtest.SecretTask, dashboardtest.SecretIndicator, dashboardtest.SecretDocument} {
		if strings.Contains(string(b), s) {
			t.Errorf("the dashboard shows %q to an uncleared leader", s)
		}
	}
	if d.Class != 0 {
		t.Errorf("class %d", d.Class)
	}
	if got := e.listed(e.leader, d.TasksHref(w.Finance, 0, tasks.StateLate, "")); got != 2 {
		t.Errorf("the late link lists %d to the leader", got)
	}
	// The Mật plan as a filter is "no such document".
	_, err := e.a.Dashboard.Build(e.ctx, e.leader, dashboard.Query{DocumentID: w.Secret.ID})
	if p, ok := problem.As(err); !ok || p.Code != problem.Invalid || !fieldIs(p, "document_id") {
		t.Errorf("Mật plan as a filter: %v", err)
	}
}

func fieldIs(p *problem.Error, name string) bool {
	for _, f := range p.Fields {
		if f.Name == name {
			return true
		}
	}
	return false
}

func TestBadInput(t *testing.T) {
	for _, c := range []struct {
		query, field string
	}{
		{"as_of=31/02/2025", "as_of"},
		{"as_of=hôm+qua", "as_of"},
		{"unit_id=abc", "unit_id"},
		{"document_id=-3", "document_id"},
		{"period=quý+V/2025", "period"},
		{"soon_days=9999", "soon_days"},
	} {
		values, _ := url.ParseQuery(c.query)
		_, err := dashboard.ParseQuery(values)
		p, ok := problem.As(err)
		if !ok || !fieldIs(p, c.field) {
			t.Errorf("%s: %v, want a problem naming %s", c.query, err, c.field)
		}
	}
	q, err := dashboard.ParseQuery(url.Values{"as_of": {"15/03/2025"}, "period": {"9 tháng năm 2024"}, "unit_id": {"7"}})
	if err != nil || q.AsOf.String() != "2025-03-15" || q.Period.String() != "2024-9M" || q.UnitID != 7 {
		t.Errorf("good query: %+v %v", q, err)
	}
	e := newEnv(t)
	_, err = e.a.Dashboard.Build(e.ctx, e.office, dashboard.Query{UnitID: 987654})
	if p, ok := problem.As(err); !ok || !fieldIs(p, "unit_id") {
		t.Errorf("unknown unit: %v", err)
	}
}

// A dashboard built once is kept while the data stays the same, for the
// viewers who may see what it shows and for no one else; any change to the
// data, grants included, drops it.
func TestKeptDashboards(t *testing.T) {
	e := newEnv(t)
	w := e.w
	ctx, a := e.ctx, e.a
	a.Dashboard.Lag = 0 // shown a little behind the changes: TestDashboardsLagBehind
	// The cleared office first: a leader without clearance must not be
	// given the dashboard kept for it.
	if d := e.build(e.office, dashboard.Query{}); unitRow(d, w.Finance).Late != 3 {
		t.Fatalf("office: finance late %d", unitRow(d, w.Finance).Late)
	}
	d := e.build(e.leader, dashboard.Query{})
	b, _ := json.Marshal(d)
	for _, s := range []string{dashboardtest.SecretTask, dashboardtest.SecretIndicator} {
		if strings.Contains(string(b), s) {
			t.Errorf("the leader is given the office's dashboard: it shows %q", s)
		}
	}
	// Kept: a title changed behind the application's back (no audited
	// change) does not show. An audited change does.
	title := func(d dashboard.Dashboard) string { return d.Tasks.Late[0].Title }
	oldest := title(d)
	if _, err := a.DB.Primary().ExecContext(ctx, `UPDATE tasks SET title = 'Đổi ngầm thử' WHERE title = $1`, oldest); err != nil {
		t.Fatal(err)
	}
	if got := title(e.build(e.leader, dashboard.Query{})); got != oldest {
		t.Errorf("the same dashboard was built again (shows %q) although no change was recorded", got)
	}
	if _, err := a.Tasks.Complete(ctx, e.officeP, d.Tasks.Late[0].TaskID, tasks.CompleteInput{DoneOn: w.Today}); err != nil {
		t.Fatal(err)
	}
	after := e.build(e.leader, dashboard.Query{})
	if after.Tasks.Totals.Late != d.Tasks.Totals.Late || after.Tasks.Totals.ByStatus[tasks.Overdue] != d.Tasks.Totals.ByStatus[tasks.Overdue]-1 {
		t.Errorf("after completing an overdue task: %+v, before %+v", after.Tasks.Totals, d.Tasks.Totals)
	}
	// A grant is a change: a cleared leader sees the Mật indicator once
	// leaders are granted it.
	cleared, err := a.Auth.CreateUser(ctx, auth.NewUser{Username: "lanhdao_mat", DisplayName: "Lãnh đạo có độ mật",
		Password: "mat-khau-lanh-dao-mat", Role: auth.RoleLeader, Clearance: auth.ClassMat})
	if err != nil {
		t.Fatal(err)
	}
	v := e.viewer(cleared)
	if got := e.build(v, dashboard.Query{}).Indicators.Standing.Counts.Counted; got != 1 {
		t.Fatalf("a cleared leader without need to know counts %d indicators", got)
	}
	if err := a.DB.Tx(ctx, func(ctx context.Context) error {
		return a.Access.SetGrants(ctx, indicators.Entity, w.Hidden.ID, int(auth.ClassMat), []access.Grant{{Role: auth.RoleOffice}, {Role: auth.RoleLeader}})
	}); err != nil {
		t.Fatal(err)
	}
	if got := e.build(v, dashboard.Query{}).Indicators.Standing.Counts.Counted; got != 2 {
		t.Errorf("granted, the cleared leader counts %d indicators, want 2", got)
	}
	// A kept dashboard audits the reads of the Mật trend it shows, as
	// building it did.
	reads := func() int {
		entries, err := a.Audit.List(ctx, audit.Filter{Action: "read", Entity: indicators.Entity, EntityID: fmt.Sprint(w.Hidden.ID), Clearance: 3, Limit: 500})
		if err != nil {
			t.Fatal(err)
		}
		return len(entries)
	}
	before := reads()
	for range 2 {
		e.build(v, dashboard.Query{})
	}
	if got := reads() - before; got != 2 {
		t.Errorf("two views of the Mật trend recorded %d reads", got)
	}
}

// Many readers at once while the data changes: each gets a whole
// dashboard, and once the changes stop, what is kept is what a build from
// scratch gives.
func TestKeptDashboardsUnderChange(t *testing.T) {
	e := newEnv(t)
	a := e.a
	fresh := &dashboard.Service{Tasks: a.Tasks, Indicators: a.Indicators, Org: a.Org, Documents: a.Documents, Access: a.Access}
	late := e.build(e.office, dashboard.Query{}).Tasks.Late
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				if _, err := a.Dashboard.Build(e.ctx, e.office, dashboard.Query{}); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	for _, it := range late {
		if _, err := a.Tasks.Complete(e.ctx, e.officeP, it.TaskID, tasks.CompleteInput{DoneOn: e.w.Today}); err != nil {
			t.Fatal(err)
		}
	}
	wg.Wait()
	built, err := fresh.Build(e.ctx, e.office, dashboard.Query{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(built)
	// The first views after the last change may still be a little behind.
	var k []byte
	for deadline := time.Now().Add(dashboard.DefaultLag); ; time.Sleep(10 * time.Millisecond) {
		kept := e.build(e.office, dashboard.Query{})
		if k, _ = json.Marshal(kept); string(k) == string(b) && len(kept.Tasks.Late) == 0 || time.Now().After(deadline) {
			break
		}
	}
	if string(k) != string(b) {
		t.Errorf("kept after the changes:\n%s\nbuilt afresh:\n%s", k, b)
	}
}

// After a change, the dashboard kept from before may be shown while its
// successor is built, if every change it misses is recent, unclassified,
// left who may see what as it was, and was made by someone else.
func TestDashboardsLagBehind(t *testing.T) {
	e := newEnv(t)
	a, w := e.a, e.w
	overdue := func(d dashboard.Dashboard) int { return d.Tasks.Totals.ByStatus[tasks.Overdue] }
	// settled waits for the dashboard built in the background.
	settled := func(v access.Viewer, want int) {
		t.Helper()
		for deadline := time.Now().Add(dashboard.DefaultLag); overdue(e.build(v, dashboard.Query{})) != want; time.Sleep(10 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("the dashboard never showed %d overdue", want)
			}
		}
	}
	complete := func(ctx context.Context, id int64) {
		t.Helper()
		if _, err := a.Tasks.Complete(ctx, e.officeP, id, tasks.CompleteInput{DoneOn: w.Today}); err != nil {
			t.Fatal(err)
		}
	}
	office := e.build(e.office, dashboard.Query{})
	leader := e.build(e.leader, dashboard.Query{})
	n, public := overdue(leader), leader.Tasks.Late
	if len(public) < 2 {
		t.Fatalf("the world has %d public late deadlines, want 2", len(public))
	}
	// Someone else's change (e.ctx's actor is no user): the next view is
	// the one kept, the change shows once its successor is built.
	complete(e.ctx, public[0].TaskID)
	if got := overdue(e.build(e.leader, dashboard.Query{})); got != n {
		t.Errorf("the view right after someone else's change shows %d overdue, want the kept %d", got, n)
	}
	settled(e.leader, n-1)
	// The viewer's own change shows at once.
	e.build(e.office, dashboard.Query{})
	officeCtx := audit.WithActor(e.ctx, audit.Actor{UserID: e.officeP.User.ID, Name: e.officeP.User.Username})
	complete(officeCtx, public[1].TaskID)
	if got := overdue(e.build(e.office, dashboard.Query{})); got != overdue(office)-2 {
		t.Errorf("the office's own change: %d overdue shown, want %d", got, overdue(office)-2)
	}
	// A change to a classified record, or to who may see one, shows at
	// once: a kept dashboard never shows what a viewer may no longer see.
	settled(e.leader, n-2)
	if _, err := a.Documents.Classify(e.ctx, e.officeP, w.Resolution.ID, documents.ClassifyInput{Class: auth.ClassMat, Reason: "Thử nâng độ mật"}); err != nil {
		t.Fatal(err)
	}
	d := e.build(e.leader, dashboard.Query{})
	b, _ := json.Marshal(d)
	if strings.Contains(string(b), w.Resolution.Title) || len(d.Tasks.ByDocument) != 0 {
		t.Errorf("the leader is shown the resolution classified since: %s", b)
	}
	before := overdue(e.build(e.office, dashboard.Query{}))
	complete(e.ctx, w.SecretTask.ID)
	if got := overdue(e.build(e.office, dashboard.Query{})); got != before-1 {
		t.Errorf("after the Mật task was completed the office sees %d overdue, want %d", got, before-1)
	}
	// A change older than Lag is not missed either.
	a.Dashboard.Lag = time.Millisecond
	d = e.build(e.office, dashboard.Query{})
	if err := a.DB.Tx(e.ctx, func(ctx context.Context) error {
		return a.Audit.Record(ctx, audit.Change{Action: "update", Entity: "unit", EntityID: w.Finance})
	}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(5 * time.Millisecond)
	if len(d.Tasks.DueSoon) == 0 {
		t.Fatal("the office sees no deadline due soon")
	}
	complete(e.ctx, d.Tasks.DueSoon[0].TaskID)
	done := func(d dashboard.Dashboard) int { return d.Tasks.Totals.ByStatus[tasks.DoneOnTime] }
	if got := done(e.build(e.office, dashboard.Query{})); got != done(d)+1 {
		t.Errorf("after changes older than Lag the office sees %d done on time, want %d", got, done(d)+1)
	}
	// Each view of the Mật trend is audited as the viewer's read, the kept
	// one shown late too; the build in the background reads as the system.
	a.Dashboard.Lag = dashboard.DefaultLag
	reads := func(actor string) int {
		t.Helper()
		entries, err := a.Audit.List(e.ctx, audit.Filter{Action: "read", Entity: indicators.Entity, EntityID: fmt.Sprint(w.Hidden.ID),
			Actor: actor, Clearance: 3, Limit: 500})
		if err != nil {
			t.Fatal(err)
		}
		return len(entries)
	}
	office0, system0 := reads(e.officeP.User.Username), reads("system")
	view := func() {
		t.Helper()
		if _, err := a.Dashboard.Build(officeCtx, e.office, dashboard.Query{}); err != nil {
			t.Fatal(err)
		}
	}
	view()
	if err := a.DB.Tx(e.ctx, func(ctx context.Context) error {
		return a.Audit.Record(ctx, audit.Change{Action: "update", Entity: "unit", EntityID: w.District})
	}); err != nil {
		t.Fatal(err)
	}
	view()
	for deadline := time.Now().Add(dashboard.DefaultLag); reads("system") == system0; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("no dashboard was built in the background")
		}
	}
	if got := reads(e.officeP.User.Username) - office0; got != 2 {
		t.Errorf("two views of the Mật trend recorded %d reads by the office", got)
	}
}
