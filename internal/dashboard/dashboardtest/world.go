// Package dashboardtest builds a small province whose dashboard has a story,
// for the tests of internal/dashboard and of the pages and the API: units,
// a resolution and a Mật plan, tasks late, due soon and done, a main
// indicator off track and a Mật one, with dates relative to the app's today.
package dashboardtest

import (
	"context"
	"testing"
	"time"

	"plenum/internal/access"
	"plenum/internal/app"
	"plenum/internal/auth"
	"plenum/internal/clock"
	"plenum/internal/clock/clocktest"
	"plenum/internal/date"
	"plenum/internal/documents"
	"plenum/internal/indicators"
	"plenum/internal/org"
	"plenum/internal/tasks"
	"plenum/internal/vn"
)

// Secrets are the texts of the classified records: never shown to a viewer
// without clearance and need to know.
const (
	SecretTask      = "Nhiệm vụ mật bảo vệ kho thử 4417"
	SecretIndicator = "Chỉ tiêu mật phòng thủ thử 5523"
	SecretDocument  = "Kế hoạch mật diễn tập thử 6631"
)

// Clock is the clock of a test of this world: as of the suite's day
// (clocktest.Today), or 31 January when that is earlier in its year, since
// the story needs a month of its year behind it: all its deadlines fall in
// the year, the earliest a month before today.
func Clock(t testing.TB) clock.Clock {
	d := clocktest.Today()
	if d.Month == time.January {
		d = date.MustNew(d.Year, time.January, 31)
	}
	return clocktest.On(t, d)
}

// World is what Build made.
type World struct {
	Today                       date.Date
	Province, Finance, District int64 // units
	Resolution                  documents.Document
	Secret                      documents.Document // Mật
	SecretTask                  tasks.Task
	Public, Hidden              indicators.Indicator // Hidden is Mật, with no grant to leaders
	Leader                      auth.User            // a leader without clearance
}

// Build adds the province to a (records made by office, audited under ctx).
// In the year of today: Finance has two deadlines overdue (one from the
// resolution) and one due in three days (on the year's last day at the
// latest); District one done late and one done on time; Finance leads a
// Mật task, overdue. The public main
// indicator's estimate for the year is below its target and below last
// year's; the Mật one is met.
func Build(t testing.TB, a *app.App, ctx context.Context, office auth.Principal) *World {
	t.Helper()
	w := &World{Today: a.Tasks.Today()}
	y := w.Today.Year
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	unit := func(name string, kind org.Kind, level org.Level, parent int64) int64 {
		u, err := a.Org.Create(ctx, org.CreateInput{NewUnit: org.NewUnit{Kind: kind, Level: level, Name: name, ParentID: parent},
			Act: org.Act{Effective: date.MustParse("2015-01-01")}})
		must(err)
		return u.ID
	}
	w.Province = unit("Tỉnh ủy Bảng Thử", org.PartyCommittee, org.Province, 0)
	w.Finance = unit("Sở Tài chính Bảng Thử", org.Department, org.Province, w.Province)
	w.District = unit("Huyện ủy Lục Thử", org.PartyCommittee, org.District, w.Province)
	leader, err := a.Auth.CreateUser(ctx, auth.NewUser{Username: "lanhdao_thu", DisplayName: "Lãnh đạo thử",
		Password: "mat-khau-lanh-dao-thu", Role: auth.RoleLeader})
	must(err)
	w.Leader = leader
	doc := func(kind documents.Kind, sym, title string, class auth.Clearance) documents.Document {
		in := documents.Input{Kind: kind, Symbol: sym, IssuerUnitID: w.Province, Title: title,
			IssuedOn: date.MustNew(y, 1, 1).AddDays(-30), Place: "Bảng Thử", Class: class}
		if class > 0 {
			in.ClassReason = "Danh mục bí mật"
		}
		d, err := a.Documents.Create(ctx, office, in)
		must(err)
		return d
	}
	w.Resolution = doc("resolution", "05-NQ/TU", "Nghị quyết thử về chuyển đổi số", 0)
	w.Secret = doc("plan", "06-KH/TU", SecretDocument, auth.ClassMat)
	// The year's first day, or a month ago when the year is young, so that
	// every deadline below falls in the year.
	start := later(date.MustNew(y, 1, 1), w.Today.AddDays(-200))
	task := func(title string, lead int64, doc documents.Document, due date.Date, class int) tasks.Task {
		in := tasks.Input{Title: title, LeadUnitID: lead, StartOn: start, DueOn: due, Class: class}
		if doc.ID != 0 {
			in.SourceKind, in.SourceID = tasks.SourceDocument, doc.ID
		}
		x, err := a.Tasks.Create(ctx, office, in)
		must(err)
		return x
	}
	inYear := func(d date.Date) date.Date { return later(d, start) }
	task("Số hóa hồ sơ thuế thử", w.Finance, w.Resolution, inYear(w.Today.AddDays(-20)), 0)
	task("Báo cáo quyết toán thử", w.Finance, documents.Document{}, inYear(w.Today.AddDays(-5)), 0)
	task("Rà soát đề án thử", w.Finance, w.Resolution, earlier(w.Today.AddDays(3), date.MustNew(y, 12, 31)), 0)
	late := task("Tổng kết mô hình thử", w.District, w.Resolution, inYear(w.Today.AddDays(-30)), 0)
	onTime := task("Tuyên truyền thử", w.District, documents.Document{}, inYear(w.Today.AddDays(-10)), 0)
	w.SecretTask = task(SecretTask, w.Finance, w.Secret, inYear(w.Today.AddDays(-15)), int(auth.ClassMat))
	_, err = a.Tasks.Complete(ctx, office, late.ID, tasks.CompleteInput{DoneOn: earlier(late.DueOn.AddDays(5), w.Today)})
	must(err)
	_, err = a.Tasks.Complete(ctx, office, onTime.ID, tasks.CompleteInput{DoneOn: onTime.DueOn})
	must(err)

	def := func(code, name string, class int, doc int64) indicators.Indicator {
		x, err := a.Indicators.Create(ctx, office, indicators.Input{Code: code, Name: name, Measure: "%", ValueKind: indicators.Percent,
			Direction: indicators.Higher, Aggregation: indicators.NotAdditive, Periodicity: indicators.Year, Main: true,
			ScopeUnitID: w.Province, TermFirst: y - 4, TermLast: y, Class: class, DocumentID: doc, ClassReason: "Danh mục bí mật"})
		must(err)
		return x
	}
	w.Public = def("BT01", "Tỷ lệ hồ sơ xử lý trực tuyến thử", 0, w.Resolution.ID)
	w.Hidden = def("BT02", SecretIndicator, int(auth.ClassMat), 0)
	must(a.DB.Tx(ctx, func(ctx context.Context) error {
		return a.Access.SetGrants(ctx, indicators.Entity, w.Hidden.ID, int(auth.ClassMat), []access.Grant{{Role: auth.RoleOffice}})
	}))
	for _, x := range []struct {
		ind          indicators.Indicator
		target, last int64 // the year's target, last year's value, this year's estimate below
		now          int64
	}{{w.Public, 80, 75, 60}, {w.Hidden, 50, 40, 55}} {
		for yr := y - 4; yr <= y; yr++ {
			_, err := a.Indicators.SetTarget(ctx, office, x.ind.ID, indicators.TargetInput{Year: yr, Value: vn.NewDecimal(x.target, 0)})
			must(err)
		}
		_, err := a.Indicators.SetTarget(ctx, office, x.ind.ID, indicators.TargetInput{Term: true, Value: vn.NewDecimal(x.target, 0)})
		must(err)
		for yr := y - 4; yr < y; yr++ {
			_, err := a.Indicators.Enter(ctx, office, indicators.ValueInput{IndicatorID: x.ind.ID, UnitID: w.Province,
				Period: indicators.YearPeriod(yr), Status: indicators.Final, Value: vn.NewDecimal(x.last-int64(y-1-yr)*2, 0)})
			must(err)
		}
		_, err = a.Indicators.Enter(ctx, office, indicators.ValueInput{IndicatorID: x.ind.ID, UnitID: w.Province,
			Period: indicators.YearPeriod(y), Status: indicators.Estimate, Value: vn.NewDecimal(x.now, 0)})
		must(err)
	}
	return w
}

func later(a, b date.Date) date.Date {
	if a.After(b) {
		return a
	}
	return b
}

func earlier(a, b date.Date) date.Date {
	if a.Before(b) {
		return a
	}
	return b
}
