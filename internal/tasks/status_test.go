package tasks_test

import (
	"strconv"
	"strings"
	"testing"

	"plenum/internal/date"
	"plenum/internal/tasks"
)

func TestStatusOn(t *testing.T) {
	m := tasks.Milestones{Start: day("2025-03-01"), Due: day("2025-03-31")}
	with := func(f func(*tasks.Milestones)) tasks.Milestones { x := m; f(&x); return x }
	reported := with(func(x *tasks.Milestones) { x.FirstReport = day("2025-03-10") })
	onTime := with(func(x *tasks.Milestones) { x.FirstReport = day("2025-03-10"); x.Done = day("2025-03-31") })
	late := with(func(x *tasks.Milestones) { x.FirstReport = day("2025-03-10"); x.Done = day("2025-04-01") })
	cancelled := with(func(x *tasks.Milestones) { x.Cancelled = day("2025-03-20") })
	for _, c := range []struct {
		name string
		m    tasks.Milestones
		on   string
		want tasks.Status
	}{
		{"before start", m, "2025-02-20", tasks.NotStarted},
		{"no report", m, "2025-03-15", tasks.NotStarted},
		{"deadline day is not late", m, "2025-03-31", tasks.NotStarted},
		{"the midnight after the deadline", m, "2025-04-01", tasks.Overdue},
		{"before the first report", reported, "2025-03-09", tasks.NotStarted},
		{"on the first report", reported, "2025-03-10", tasks.InProgress},
		{"reported, deadline day", reported, "2025-03-31", tasks.InProgress},
		{"reported, past deadline", reported, "2025-04-01", tasks.Overdue},
		{"done on the deadline", onTime, "2025-03-31", tasks.DoneOnTime},
		{"done on time, seen later", onTime, "2026-01-01", tasks.DoneOnTime},
		{"done a day late, before done", late, "2025-03-31", tasks.InProgress},
		{"done a day late, overdue the day it is done? no: done", late, "2025-04-01", tasks.DoneLate},
		{"cancelled, before", cancelled, "2025-03-19", tasks.NotStarted},
		{"cancelled", cancelled, "2025-03-20", tasks.Cancelled},
		{"cancelled stays cancelled past the deadline", cancelled, "2025-05-01", tasks.Cancelled},
	} {
		if got := tasks.StatusOn(c.m, day(c.on)); got != c.want {
			t.Errorf("%s: on %s got %s, want %s", c.name, c.on, got, c.want)
		}
	}
}

func TestPeriods(t *testing.T) {
	for _, c := range []struct {
		r            tasks.Recurrence
		start, until string
		dueDay       int
		want         []string // label:start:due
	}{
		{tasks.Quarterly, "2025-02-10", "2025-12-31", 15, []string{
			"2025-Q1:2025-02-10:2025-03-15", "2025-Q2:2025-04-01:2025-06-15", "2025-Q3:2025-07-01:2025-09-15", "2025-Q4:2025-10-01:2025-12-15"}},
		{tasks.Monthly, "2025-01-31", "2025-03-01", 31, []string{
			"2025-01:2025-01-31:2025-01-31", "2025-02:2025-02-01:2025-02-28", "2025-03:2025-03-01:2025-03-31"}},
		{tasks.HalfYearly, "2025-06-20", "2026-06-30", 0, []string{
			"2025-H1:2025-06-20:2025-06-30", "2025-H2:2025-07-01:2025-12-31", "2026-H1:2026-01-01:2026-06-30"}},
		{tasks.Yearly, "2024-12-20", "2025-12-31", 10, []string{"2025:2025-01-01:2025-12-10"}}, // 2024's deadline was before the start
	} {
		ps, err := tasks.Periods(c.r, day(c.start), day(c.until), c.dueDay)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range ps {
			got = append(got, p.Label+":"+p.Start.String()+":"+p.Due.String())
		}
		if len(got) != len(c.want) {
			t.Fatalf("%s from %s: got %v, want %v", c.r, c.start, got, c.want)
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s from %s: got %v, want %v", c.r, c.start, got, c.want)
			}
		}
	}
	if _, err := tasks.Periods(tasks.Monthly, day("2020-01-01"), day("2035-01-01"), 0); err == nil {
		t.Error("fifteen years of months: want an error")
	}
}

func TestLines(t *testing.T) {
	got := tasks.Lines("1. Xây dựng kế hoạch\n\n2) Tổ chức hội nghị  \n- Báo cáo kết quả\r\nb) Sơ kết\n")
	want := []string{"Xây dựng kế hoạch", "Tổ chức hội nghị", "Báo cáo kết quả", "Sơ kết"}
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d: got %q, want %q", i, got[i], want[i])
		}
	}
}

// TestStatusSQLAgrees drives one task through every milestone and checks,
// day by day, that the dashboard's SQL status equals StatusOn, on both engines.
func TestStatusSQLAgrees(t *testing.T) {
	e := newEnv(t)
	e.clock.SetDay(day("2025-04-05"), 10, 0)
	mk := func(title string) tasks.Task { return e.task(e.simple(title, "btg", "2025-03-01", "2025-03-31")) }
	untouched := mk("Chưa làm")
	reported := mk("Đang làm")
	onTime := mk("Xong đúng hạn")
	late := mk("Xong muộn")
	cancelled := mk("Bị hủy")
	p := e.Users["btg_member"]
	ctx := e.As("btg_member")
	for _, id := range []int64{reported.ID, onTime.ID, late.ID} {
		if _, err := e.s.Report(ctx, p, id, tasks.ReportInput{Percent: 40, ReportedOn: day("2025-03-10")}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.s.Complete(ctx, p, onTime.ID, tasks.CompleteInput{DoneOn: day("2025-03-31")}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.Complete(ctx, p, late.ID, tasks.CompleteInput{DoneOn: day("2025-04-01")}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.Cancel(e.As("office"), e.Users["office"], cancelled.ID, tasks.CancelInput{Reason: "Không còn phù hợp", On: day("2025-03-20")}); err != nil {
		t.Fatal(err)
	}
	ids := map[int64]bool{untouched.ID: true, reported.ID: true, onTime.ID: true, late.ID: true, cancelled.ID: true}
	v := e.Viewer("office")
	for d := day("2025-02-27"); !d.After(day("2025-04-03")); d = d.AddDays(1) {
		want := tasks.Counts{}
		for id := range ids {
			tk, err := e.s.Get(e.Ctx, v, id)
			if err != nil {
				t.Fatal(err)
			}
			o := tk.Occurrences[0]
			if o.StartOn.After(d) {
				continue
			}
			want.ByStatus = addTo(want.ByStatus, tasks.StatusOn(o.Milestones(), d))
		}
		got, err := e.s.CountByUnit(e.Ctx, v, tasks.CountQuery{AsOf: d})
		if err != nil {
			t.Fatal(err)
		}
		var gotBy map[tasks.Status]int
		if len(got) > 0 {
			gotBy = got[0].ByStatus
		}
		if !sameCounts(gotBy, want.ByStatus) {
			t.Errorf("on %s: SQL %v, StatusOn %v", d, gotBy, want.ByStatus)
		}
	}
}

func addTo(m map[tasks.Status]int, s tasks.Status) map[tasks.Status]int {
	if m == nil {
		m = map[tasks.Status]int{}
	}
	m[s]++
	return m
}

func sameCounts(a, b map[tasks.Status]int) bool {
	for _, s := range tasks.Statuses {
		if a[s] != b[s] {
			return false
		}
	}
	return true
}

var _ = date.Date{}

// TestFastCountsAgreeWithScan: the dashboard as of today (counts tables,
// future periods taken away, classified deadlines live, due soon live)
// gives what a scan of the deadlines gives, for every kind of viewer,
// before and after the counts are compacted and after the status job.
func TestFastCountsAgreeWithScan(t *testing.T) {
	e := newEnv(t)
	e.clock.SetDay(day("2025-02-01"), 9, 0)
	doc := e.document("41-KH/TU", "Kế hoạch thử nghiệm tổng hợp", 0)
	secretDoc := e.document("42-KH/TU", "Kế hoạch thử nghiệm mật", 1)
	mk := func(title, unit, start, due string, src int64) tasks.Task {
		in := e.simple(title, unit, start, due)
		if src != 0 {
			in.SourceKind, in.SourceID = tasks.SourceDocument, src
		}
		return e.task(in)
	}
	a := mk("Việc 1", "btg", "2025-01-05", "2025-02-10", doc.ID)
	b := mk("Việc 2", "btg", "2025-01-05", "2025-02-20", doc.ID)
	mk("Việc 3", "sokh", "2025-01-10", "2025-03-31", secretDoc.ID)
	mk("Việc 3b", "sokh", "2025-01-10", "2025-02-05", secretDoc.ID)
	mk("Việc 4", "sokh", "2025-01-10", "2025-02-03", 0)
	// The last document made has the most late after the status job: it
	// must be ranked first.
	laggard := e.document("43-KH/TU", "Kế hoạch thử nghiệm chậm", 0)
	mk("Việc 5", "sokh", "2025-01-10", "2025-02-04", laggard.ID)
	mk("Việc 6", "btg", "2025-01-10", "2025-02-06", laggard.ID)
	e.task(tasks.Input{Title: "Báo cáo tháng", Kind: tasks.KindReport, LeadUnitID: e.Units["btg"], StartOn: day("2025-01-01"),
		Recurrence: tasks.Monthly, RecurUntil: day("2025-12-31"), DueDay: 25})
	if _, err := e.s.Report(e.As("btg_member"), e.Users["btg_member"], a.ID, tasks.ReportInput{Percent: 30}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.Complete(e.As("btg_member"), e.Users["btg_member"], b.ID, tasks.CompleteInput{}); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		for _, user := range []string{"office", "reader", "btg_member", "sokh_member", "cleared_other"} {
			v := e.Viewer(user)
			for _, q := range []tasks.CountQuery{{DueFrom: day("2025-01-01"), DueTo: day("2025-12-31")}, {}, {DueFrom: day("2025-02-01"), DueTo: day("2025-02-28"), SoonDays: 30}} {
				fast, err := e.s.CountByUnit(e.Ctx, v, q)
				if err != nil {
					t.Fatal(err)
				}
				scan, err := e.s.ScanCounts(e.Ctx, v, q, "unit")
				if err != nil {
					t.Fatal(err)
				}
				got := 0
				for _, c := range fast {
					s := scan[c.Unit.ID]
					if !sameCounts(c.ByStatus, s.ByStatus) || c.DueSoon != s.DueSoon || c.Total != s.Total {
						t.Errorf("%s, %s, %+v: unit %d fast %+v scan %+v", when, user, q, c.Unit.ID, c.Counts, s)
					}
					got++
				}
				want := 0
				for _, s := range scan {
					if s.Total > 0 || s.DueSoon > 0 {
						want++
					}
				}
				if got != want {
					t.Errorf("%s, %s: %d units fast, %d scanned", when, user, got, want)
				}
				docs, err := e.s.CountByDocument(e.Ctx, v, q)
				if err != nil {
					t.Fatal(err)
				}
				sdocs, err := e.s.ScanCounts(e.Ctx, v, q, "document")
				if err != nil {
					t.Fatal(err)
				}
				shown := 0
				for i, c := range docs {
					if s := sdocs[c.DocumentID]; !sameCounts(c.ByStatus, s.ByStatus) || c.DueSoon != s.DueSoon {
						t.Errorf("%s, %s: document %d fast %+v scan %+v", when, user, c.DocumentID, c.Counts, s)
					}
					if i > 0 && (docs[i-1].Late < c.Late || docs[i-1].Late == c.Late && docs[i-1].DocumentID > c.DocumentID) {
						t.Errorf("%s, %s: documents out of order: %+v", when, user, docs)
					}
				}
				for _, s := range sdocs {
					if s.Total > 0 {
						shown++
					}
				}
				first := q
				first.Limit = 1
				top, err := e.s.CountByDocument(e.Ctx, v, first)
				if err != nil {
					t.Fatal(err)
				}
				if len(docs) != shown || len(docs) > 0 && (len(top) != 1 || top[0].DocumentID != docs[0].DocumentID) {
					t.Errorf("%s, %s: %d documents of %d, the first alone %+v", when, user, len(docs), shown, top)
				}
				if q.DueFrom.IsZero() {
					continue
				}
				months, err := e.s.CountByMonth(e.Ctx, v, q)
				if err != nil {
					t.Fatal(err)
				}
				smonths, err := e.s.ScanCounts(e.Ctx, v, q, "month")
				if err != nil {
					t.Fatal(err)
				}
				for _, c := range months {
					ym, _ := strconv.ParseInt(strings.ReplaceAll(c.Month, "-", ""), 10, 64)
					if s := smonths[ym]; !sameCounts(c.ByStatus, s.ByStatus) || c.DueSoon != s.DueSoon || c.Total != s.Total {
						t.Errorf("%s, %s: month %s fast %+v scan %+v", when, user, c.Month, c.Counts, s)
					}
				}
			}
		}
	}
	check("as created")
	if err := e.s.CompactCounts(e.Ctx); err != nil {
		t.Fatal(err)
	}
	check("compacted")
	e.clock.SetDay(day("2025-02-21"), 6, 0)
	if _, err := e.s.RefreshStatuses(e.Ctx); err != nil {
		t.Fatal(err)
	}
	check("after the status job")
	if docs, err := e.s.CountByDocument(e.Ctx, e.Viewer("reader"), tasks.CountQuery{}); err != nil || len(docs) == 0 || docs[0].DocumentID != laggard.ID || docs[0].Late != 2 {
		t.Errorf("the most late document is not first: %+v %v", docs, err)
	}
	if err := e.s.CompactCounts(e.Ctx); err != nil {
		t.Fatal(err)
	}
	check("compacted again")
}
