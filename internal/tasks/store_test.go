package tasks_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/documents"
	"plenum/internal/org"
	"plenum/internal/problem"
	"plenum/internal/tasks"
)

func TestCreateFromDocumentInheritsClass(t *testing.T) {
	e := newEnv(t)
	doc := e.document("12-KH/TU", "Kế hoạch thử nghiệm bảo vệ bí mật", auth.ClassMat)
	in := e.simple("Rà soát danh mục bí mật", "btg", "2025-03-01", "2025-06-30")
	in.SourceKind, in.SourceID = tasks.SourceDocument, doc.ID
	in.CoordinatorIDs = []int64{e.Units["sokh"]}
	in.ResponsiblePersonID = e.person["lan"]
	tk := e.task(in)
	if tk.Class != int(auth.ClassMat) || tk.OwnClass != 0 || tk.DocumentID != doc.ID || tk.SourceLabel == "" {
		t.Fatalf("task from a Mật document: %+v", tk)
	}
	// Visible to the office, the lead and coordinating units and the
	// responsible person; not to an uncleared leader nor to a cleared
	// member of an unrelated unit — in Get, lists, counts and the inbox.
	for _, c := range []struct {
		user string
		sees bool
	}{{"office", true}, {"btg_member", true}, {"sokh_member", true}, {"reader", false}, {"cleared_other", false}} {
		v := e.Viewer(c.user)
		_, err := e.s.Get(e.Ctx, v, tk.ID)
		if got := err == nil; got != c.sees {
			t.Errorf("%s: Get err %v", c.user, err)
		}
		if err != nil && !problem.Is(err, problem.NotFound) {
			t.Errorf("%s: want not found, got %v", c.user, err)
		}
		page, err := e.s.List(e.Ctx, v, tasks.ListQuery{UnitID: e.Units["btg"]})
		if err != nil {
			t.Fatal(err)
		}
		if got := page.Total == 1 && len(page.Items) == 1; got != c.sees {
			t.Errorf("%s: inbox %+v", c.user, page)
		}
		counts, err := e.s.CountByUnit(e.Ctx, v, tasks.CountQuery{})
		if err != nil {
			t.Fatal(err)
		}
		if got := len(counts) == 1 && counts[0].Total == 1; got != c.sees {
			t.Errorf("%s: counts %+v", c.user, counts)
		}
		docs, err := e.s.CountByDocument(e.Ctx, v, tasks.CountQuery{})
		if err != nil {
			t.Fatal(err)
		}
		if got := len(docs) == 1; got != c.sees {
			t.Errorf("%s: by document %+v", c.user, docs)
		}
	}
	// The coordinating unit's inbox has it as coordinator, not as lead.
	v := e.Viewer("office")
	if p, _ := e.s.List(e.Ctx, v, tasks.ListQuery{UnitID: e.Units["sokh"], Role: "lead"}); p.Total != 0 {
		t.Errorf("sokh leads nothing: %+v", p)
	}
	if p, _ := e.s.List(e.Ctx, v, tasks.ListQuery{UnitID: e.Units["sokh"], Role: "coordinator"}); p.Total != 1 {
		t.Errorf("sokh coordinates one: %+v", p)
	}
	if p, _ := e.s.List(e.Ctx, v, tasks.ListQuery{PersonID: e.person["lan"]}); p.Total != 1 {
		t.Errorf("mine: %+v", p)
	}
	if p, _ := e.s.List(e.Ctx, v, tasks.ListQuery{Q: "ra soat danh muc"}); p.Total != 1 {
		t.Errorf("text filter without accents: %+v", p)
	}
	// An uncleared user cannot draw a task from the classified document:
	// the source is "not found", as if it did not exist.
	e.User("office_uncleared", auth.RoleOffice, auth.ClassNone, "vp", 0)
	before := e.counts()
	_, err := e.s.Create(e.As("office_uncleared"), e.Users["office_uncleared"], in)
	e.Refused(t, err, before, problem.Invalid, "source_id")
}

func TestCreateManyFromList(t *testing.T) {
	e := newEnv(t)
	doc := e.document("13-KH/TU", "Kết luận thử nghiệm", 0)
	in := e.simple("", "sokh", "2025-03-01", "2025-09-30")
	in.SourceKind, in.SourceID = tasks.SourceDocument, doc.ID
	got, err := e.s.CreateMany(e.As("office"), e.Users["office"], in, tasks.Lines("1. Việc một\n2. Việc hai\n3. Việc ba"))
	if err != nil || len(got) != 3 || got[2].Title != "Việc ba" {
		t.Fatalf("CreateMany: %v %+v", err, got)
	}
	// One bad line refuses them all and names the line.
	before := e.counts()
	long := string(make([]rune, 1001))
	_, err = e.s.CreateMany(e.As("office"), e.Users["office"], in, []string{"Việc bốn", long})
	e.Refused(t, err, before, problem.Invalid, "titles[1]")
}

func TestRefusals(t *testing.T) {
	e := newEnv(t)
	base := e.task(e.simple("Việc có sẵn", "btg", "2025-03-01", "2025-03-31"))
	cancelled := e.task(e.simple("Việc bị hủy", "btg", "2025-03-01", "2025-03-31"))
	if _, err := e.s.Cancel(e.As("office"), e.Users["office"], cancelled.ID, tasks.CancelInput{Reason: "Trùng lặp"}); err != nil {
		t.Fatal(err)
	}
	// A unit that ended on 2020-01-01.
	gone, err := e.App.Org.Create(e.Ctx, org.CreateInput{NewUnit: org.NewUnit{Kind: org.Department, Level: org.Province,
		Name: "Sở đã giải thể", ParentID: e.Units["tu"]}, Act: org.Act{Effective: day("2016-01-01")}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.App.Org.Dissolve(e.Ctx, org.DissolveInput{UnitID: gone.ID, Act: org.Act{Effective: day("2020-01-01")}}); err != nil {
		t.Fatal(err)
	}
	office, btg := e.Users["office"], e.Users["btg_member"]
	for _, c := range []struct {
		name  string
		do    func() error
		code  problem.Code
		field string
	}{
		{"deadline before start", func() error {
			_, err := e.s.Create(e.As("office"), office, e.simple("Việc", "btg", "2025-03-10", "2025-03-09"))
			return err
		}, problem.Invalid, "due_on"},
		{"no title", func() error {
			_, err := e.s.Create(e.As("office"), office, e.simple(" ", "btg", "2025-03-10", "2025-03-19"))
			return err
		}, problem.Invalid, "title"},
		{"lead unit that did not exist on the start", func() error {
			in := e.simple("Việc", "btg", "2025-03-01", "2025-03-31")
			in.LeadUnitID = gone.ID
			_, err := e.s.Create(e.As("office"), office, in)
			return err
		}, problem.Invalid, "lead_unit_id"},
		{"coordinator that did not exist on the start", func() error {
			in := e.simple("Việc", "btg", "2025-03-01", "2025-03-31")
			in.CoordinatorIDs = []int64{e.Units["sokh"], gone.ID}
			_, err := e.s.Create(e.As("office"), office, in)
			return err
		}, problem.Invalid, "coordinating_unit_ids[1]"},
		{"recurrence ending before start", func() error {
			in := tasks.Input{Title: "Báo cáo quý", LeadUnitID: e.Units["btg"], StartOn: day("2025-03-01"),
				Recurrence: tasks.Quarterly, RecurUntil: day("2025-02-01")}
			_, err := e.s.Create(e.As("office"), office, in)
			return err
		}, problem.Invalid, "recur_until"},
		{"class above own clearance", func() error {
			in := e.simple("Việc", "btg", "2025-03-01", "2025-03-31")
			in.Class = 3
			_, err := e.s.Create(e.As("office"), office, in)
			return err
		}, problem.Invalid, "class"},
		{"unknown source", func() error {
			in := e.simple("Việc", "btg", "2025-03-01", "2025-03-31")
			in.SourceKind, in.SourceID = tasks.SourceDocument, 999999
			_, err := e.s.Create(e.As("office"), office, in)
			return err
		}, problem.Invalid, "source_id"},
		{"report on a cancelled task", func() error {
			_, err := e.s.Report(e.As("btg_member"), btg, cancelled.ID, tasks.ReportInput{Percent: 10})
			return err
		}, problem.Conflict, "occurrence_id"},
		{"percent above 100", func() error {
			_, err := e.s.Report(e.As("btg_member"), btg, base.ID, tasks.ReportInput{Percent: 101})
			return err
		}, problem.Invalid, "percent"},
		{"percent below 0", func() error {
			_, err := e.s.Report(e.As("btg_member"), btg, base.ID, tasks.ReportInput{Percent: -1})
			return err
		}, problem.Invalid, "percent"},
		{"report dated in the future", func() error {
			_, err := e.s.Report(e.As("btg_member"), btg, base.ID, tasks.ReportInput{Percent: 5, ReportedOn: day("2025-03-11")})
			return err
		}, problem.Invalid, "reported_on"},
		{"evidence file whose content is not its type", func() error {
			_, err := e.s.Report(e.As("btg_member"), btg, base.ID, tasks.ReportInput{Percent: 5,
				Files: []tasks.Evidence{{Name: "bien-ban.pdf", Data: []byte("không phải PDF")}}})
			return err
		}, problem.Invalid, "files[0]"},
		{"report by another unit", func() error {
			_, err := e.s.Report(e.As("sokh_member"), e.Users["sokh_member"], base.ID, tasks.ReportInput{Percent: 5})
			return err
		}, problem.Forbidden, ""},
		{"cancel without a reason", func() error {
			_, err := e.s.Cancel(e.As("office"), office, base.ID, tasks.CancelInput{Reason: " "})
			return err
		}, problem.Invalid, "reason"},
		{"complete before the start", func() error {
			_, err := e.s.Complete(e.As("btg_member"), btg, base.ID, tasks.CompleteInput{DoneOn: day("2025-02-01")})
			return err
		}, problem.Invalid, "done_on"},
		{"hand on to a unit that is not below", func() error {
			_, err := e.s.HandOn(e.As("btg_member"), btg, base.ID, []tasks.Part{{LeadUnitID: e.Units["sokh"]}})
			return err
		}, problem.Invalid, "parts[0].lead_unit_id"},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := e.counts()
			e.Refused(t, c.do(), before, c.code, c.field)
		})
	}
}

func TestRecurringDeadlinesTrackedOneByOne(t *testing.T) {
	e := newEnv(t)
	e.clock.SetDay(day("2025-05-02"), 8, 0)
	tk := e.task(tasks.Input{Title: "Báo cáo quý về công tác tuyên giáo", Kind: tasks.KindReport, LeadUnitID: e.Units["btg"],
		StartOn: day("2025-01-01"), Recurrence: tasks.Quarterly, RecurUntil: day("2025-12-31"), DueDay: 20})
	if len(tk.Occurrences) != 4 || tk.Occurrences[0].DueOn != day("2025-03-20") || tk.Occurrences[0].Status != tasks.Overdue {
		t.Fatalf("occurrences: %+v", tk.Occurrences)
	}
	p := e.Users["btg_member"]
	ctx := e.As("btg_member")
	// Q1 done late, Q2 reported: each occurrence has its own status.
	if _, err := e.s.Complete(ctx, p, tk.ID, tasks.CompleteInput{OccurrenceID: tk.Occurrences[0].ID, DoneOn: day("2025-04-02")}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.Report(ctx, p, tk.ID, tasks.ReportInput{Percent: 30}); err != nil { // the first open one: Q2
		t.Fatal(err)
	}
	got, err := e.s.Get(e.Ctx, e.Viewer("office"), tk.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []tasks.Status{tasks.DoneLate, tasks.InProgress, tasks.NotStarted, tasks.NotStarted}
	for i, o := range got.Occurrences {
		if o.Status != want[i] {
			t.Errorf("occurrence %s: %s, want %s", o.Period, o.Status, want[i])
		}
	}
	// Cancelling one period leaves the others.
	if _, err := e.s.Cancel(e.As("office"), e.Users["office"], tk.ID, tasks.CancelInput{OccurrenceID: got.Occurrences[3].ID, Reason: "Gộp vào báo cáo năm"}); err != nil {
		t.Fatal(err)
	}
	got, _ = e.s.Get(e.Ctx, e.Viewer("office"), tk.ID)
	if got.Occurrences[3].Status != tasks.Cancelled || got.Occurrences[2].Status != tasks.NotStarted {
		t.Errorf("after cancelling Q4: %+v", got.Occurrences)
	}
	// Hand on is for single-deadline tasks only.
	before := e.counts()
	_, err = e.s.HandOn(ctx, p, tk.ID, []tasks.Part{{LeadUnitID: e.Units["ha"]}})
	e.Refused(t, err, before, problem.Conflict, "parts")
}

func TestHandOnTreeAndProgress(t *testing.T) {
	e := newEnv(t)
	e.clock.SetDay(day("2025-03-10"), 9, 0)
	tk := e.task(e.simple("Tuyên truyền nghị quyết đến cơ sở", "ha", "2025-03-01", "2025-06-30"))
	ha := e.Users["ha_member"]
	ctx := e.As("ha_member")
	e.Unit("xa2", org.PartyCommittee, org.Commune, "Đảng ủy xã Tây Thử", "ha")
	kids, err := e.s.HandOn(ctx, ha, tk.ID, []tasks.Part{
		{LeadUnitID: e.Units["xa"], DueOn: day("2025-05-31")},
		{LeadUnitID: e.Units["xa2"], Title: "Tuyên truyền ở xã Tây Thử"},
	})
	if err != nil || len(kids) != 2 || kids[0].ParentID != tk.ID || kids[1].DueOn != day("2025-06-30") {
		t.Fatalf("HandOn: %v %+v", err, kids)
	}
	before := e.counts()
	_, err = e.s.HandOn(ctx, ha, tk.ID, []tasks.Part{{LeadUnitID: e.Units["xa"], DueOn: day("2025-07-01")}})
	e.Refused(t, err, before, problem.Invalid, "parts[0].due_on")
	// The office reports for the commune: the parent's progress is the mean.
	if _, err := e.s.Report(e.As("office"), e.Users["office"], kids[0].ID, tasks.ReportInput{Percent: 60}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.Complete(e.As("office"), e.Users["office"], kids[1].ID, tasks.CompleteInput{}); err != nil {
		t.Fatal(err)
	}
	parent, _ := e.s.Get(e.Ctx, e.Viewer("office"), tk.ID)
	if parent.Occurrences[0].Percent != 80 || parent.Occurrences[0].Status != tasks.InProgress {
		t.Errorf("parent: %+v", parent.Occurrences[0])
	}
	// Evidence: a PDF with the report, listed and readable.
	pdf := []byte("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")
	rep, err := e.s.Report(e.As("office"), e.Users["office"], kids[0].ID, tasks.ReportInput{Percent: 60,
		Files: []tasks.Evidence{{Name: "Báo cáo tiến độ.pdf", Data: pdf}}})
	if err != nil || len(rep.Files) != 1 {
		t.Fatalf("report with evidence: %v %+v", err, rep)
	}
	reps, _ := e.s.Reports(e.Ctx, e.Viewer("office"), kids[0].ID)
	if len(reps) != 2 || len(reps[0].Files) != 1 {
		t.Errorf("reports: %+v", reps)
	}
	if _, data, err := e.s.EvidenceFile(e.Ctx, e.Viewer("office"), kids[0].ID, rep.Files[0].ID); err != nil || string(data) != string(pdf) {
		t.Errorf("evidence: %v", err)
	}
	children, err := e.s.Children(e.Ctx, e.Viewer("office"), tk.ID)
	if err != nil || len(children) != 2 {
		t.Errorf("children: %v %+v", err, children)
	}
	// Cancelling the parent cancels the open child, not the finished one.
	if _, err := e.s.Cancel(e.As("office"), e.Users["office"], tk.ID, tasks.CancelInput{Reason: "Điều chỉnh kế hoạch"}); err != nil {
		t.Fatal(err)
	}
	c0, _ := e.s.Get(e.Ctx, e.Viewer("office"), kids[0].ID)
	c1, _ := e.s.Get(e.Ctx, e.Viewer("office"), kids[1].ID)
	if c0.Status() != tasks.Cancelled || c1.Status() != tasks.DoneOnTime {
		t.Errorf("children after cancel: %s %s", c0.Status(), c1.Status())
	}
	hist, err := e.s.History(e.Ctx, e.Viewer("office"), tk.ID)
	if err != nil || len(hist) < 4 {
		t.Errorf("history: %v %+v", err, hist)
	}
}

// TestStatusJob: the stored status follows the clock only through
// RefreshStatuses, which turns open deadlines overdue the day after, once.
func TestStatusJob(t *testing.T) {
	e := newEnv(t)
	e.clock.SetDay(day("2025-03-31"), 23, 59)
	tk := e.task(e.simple("Hạn cuối tháng", "btg", "2025-03-01", "2025-03-31"))
	done := e.task(e.simple("Đã xong", "btg", "2025-03-01", "2025-03-31"))
	if _, err := e.s.Complete(e.As("btg_member"), e.Users["btg_member"], done.ID, tasks.CompleteInput{}); err != nil {
		t.Fatal(err)
	}
	stored := func() tasks.Status {
		var s tasks.Status
		if err := e.App.DB.Primary().QueryRow(`SELECT status FROM task_occurrences WHERE task_id = $1`, tk.ID).Scan(&s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	if n, err := e.s.RefreshStatuses(e.Ctx); err != nil || n != 0 || stored() != tasks.NotStarted {
		t.Fatalf("on the deadline day: %d %v %s", n, err, stored())
	}
	e.clock.SetDay(day("2025-04-01"), 0, 0) // the midnight that ends the deadline day, in Vietnam
	if p, _ := e.s.List(e.Ctx, e.Viewer("office"), tasks.ListQuery{Status: tasks.Overdue}); p.Total != 0 {
		t.Errorf("before the job, the index still says not started: %+v", p)
	}
	version := func() int64 {
		v, err := e.App.Audit.DataVersion(e.Ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	before := version()
	if n, err := e.s.RefreshStatuses(e.Ctx); err != nil || n != 1 || stored() != tasks.Overdue {
		t.Fatalf("after midnight: %d %v %s", n, err, stored())
	}
	// A change like any other: audited, so what is kept of the figures goes.
	after := version()
	entries, err := e.App.Audit.List(e.Ctx, audit.Filter{Action: "overdue", Entity: tasks.Entity, EntityID: fmt.Sprint(tk.ID)})
	if err != nil || len(entries) != 1 || entries[0].Actor != "system" || after == before {
		t.Errorf("audit of the status job: %v %+v, data version %d → %d", err, entries, before, after)
	}
	if n, err := e.s.RefreshStatuses(e.Ctx); err != nil || n != 0 || version() != after {
		t.Fatalf("second run: %d %v", n, err)
	}
	if p, _ := e.s.List(e.Ctx, e.Viewer("office"), tasks.ListQuery{Status: tasks.Overdue}); p.Total != 1 {
		t.Errorf("overdue list: %+v", p)
	}
	hist, _ := e.s.History(e.Ctx, e.Viewer("office"), tk.ID)
	if last := hist[len(hist)-1]; last.Action != "overdue" || last.Actor != "system" {
		t.Errorf("history: %+v", hist)
	}
	// Completing it late moves the stored status at once.
	if _, err := e.s.Complete(e.As("btg_member"), e.Users["btg_member"], tk.ID, tasks.CompleteInput{}); err != nil {
		t.Fatal(err)
	}
	if stored() != tasks.DoneLate {
		t.Errorf("after completing late: %s", stored())
	}
}

// TestMergedUnitsRollUp: after a merge the successor's inbox and counts
// include the merged units' tasks; on a day before it they are counted as
// they were.
func TestMergedUnitsRollUp(t *testing.T) {
	e := newEnv(t)
	e.clock.SetDay(day("2025-08-15"), 9, 0)
	a := e.task(e.simple("Việc của Hạ Thử", "ha", "2025-03-01", "2025-09-30"))
	e.task(e.simple("Việc của Thượng Thử", "thuong", "2025-03-01", "2025-09-30"))
	if _, err := e.App.Org.Dissolve(e.Ctx, org.DissolveInput{UnitID: e.Units["xa"], Act: org.Act{Effective: day("2025-07-01")}}); err != nil {
		t.Fatal(err)
	}
	merged, err := e.App.Org.Merge(e.Ctx, org.MergeInput{SourceIDs: []int64{e.Units["ha"], e.Units["thuong"]},
		NewTarget: &org.NewUnit{Kind: org.PartyCommittee, Level: org.District, Name: "Huyện ủy Trung Thử", ParentID: e.Units["tu"]},
		Act:       org.Act{Effective: day("2025-07-01")}})
	if err != nil {
		t.Fatal(err)
	}
	v := e.Viewer("office")
	if p, _ := e.s.List(e.Ctx, v, tasks.ListQuery{UnitID: merged.ID}); p.Total != 2 || p.Items[0].LeadUnit.Name == "" {
		t.Errorf("successor's inbox: %+v", p)
	}
	after, _ := e.s.CountByUnit(e.Ctx, v, tasks.CountQuery{AsOf: day("2025-08-01")})
	if len(after) != 1 || after[0].Unit.ID != merged.ID || after[0].Total != 2 || after[0].Unit.Name != "Huyện ủy Trung Thử" {
		t.Errorf("after the merge: %+v", after)
	}
	beforeMerge, _ := e.s.CountByUnit(e.Ctx, v, tasks.CountQuery{AsOf: day("2025-06-30")})
	if len(beforeMerge) != 2 || beforeMerge[0].Total != 1 {
		t.Errorf("before the merge: %+v", beforeMerge)
	}
	// The task keeps its unit as it was.
	got, _ := e.s.Get(e.Ctx, v, a.ID)
	if got.LeadUnit.Name != "Huyện ủy Hạ Thử" {
		t.Errorf("lead unit: %+v", got.LeadUnit)
	}
	// Due soon and late as of a date.
	soon, _ := e.s.DueSoon(e.Ctx, v, tasks.CountQuery{AsOf: day("2025-09-25"), SoonDays: 7}, 10)
	late, _ := e.s.Late(e.Ctx, v, tasks.CountQuery{AsOf: day("2025-10-01")}, 10)
	if len(soon) != 2 || len(late) != 2 || late[0].Status != tasks.Overdue {
		t.Errorf("soon %d late %+v", len(soon), late)
	}
	if c, _ := e.s.CountByUnit(e.Ctx, v, tasks.CountQuery{AsOf: day("2025-09-25"), SoonDays: 7}); c[0].DueSoon != 2 {
		t.Errorf("due soon count: %+v", c)
	}
	_ = date.Date{}
}

// A document classified after tasks were drawn from it takes them, and
// what was handed on from them, to its class; declassified, back to their own.
func TestSourceReclassified(t *testing.T) {
	e := newEnv(t)
	doc := e.document("51-KH/TU", "Kế hoạch thử nghiệm về sau được đóng dấu mật", 0)
	in := e.simple("Việc từ kế hoạch", "ha", "2025-03-01", "2025-06-30")
	in.SourceKind, in.SourceID = tasks.SourceDocument, doc.ID
	tk := e.task(in)
	kids, err := e.s.HandOn(e.As("ha_member"), e.Users["ha_member"], tk.ID, []tasks.Part{{LeadUnitID: e.Units["xa"]}})
	if err != nil {
		t.Fatal(err)
	}
	reader := e.Viewer("reader")
	if p, _ := e.s.List(e.Ctx, reader, tasks.ListQuery{All: true}); p.Total != 2 {
		t.Fatalf("before: %+v", p)
	}
	if err := e.App.DB.Tx(e.Ctx, func(ctx context.Context) error {
		return e.s.SourceReclassified(ctx, tasks.SourceDocument, doc.ID, 2)
	}); err != nil {
		t.Fatal(err)
	}
	if p, _ := e.s.List(e.Ctx, reader, tasks.ListQuery{All: true}); p.Total != 0 {
		t.Errorf("an uncleared reader still sees %d", p.Total)
	}
	if c, _ := e.s.CountByUnit(e.Ctx, reader, tasks.CountQuery{}); len(c) != 0 {
		t.Errorf("an uncleared reader still counts %+v", c)
	}
	child, err := e.s.Get(e.Ctx, e.Viewer("office"), kids[0].ID)
	if err != nil || child.Class != 2 {
		t.Fatalf("the handed-on task: %v %+v", err, child)
	}
	if _, err := e.s.Get(e.Ctx, e.Viewer("ha_member"), tk.ID); err == nil {
		t.Error("a member cleared for Mật only sees a Tối mật task")
	}
	if err := e.App.DB.Tx(e.Ctx, func(ctx context.Context) error {
		return e.s.SourceReclassified(ctx, tasks.SourceDocument, doc.ID, 0)
	}); err != nil {
		t.Fatal(err)
	}
	if p, _ := e.s.List(e.Ctx, reader, tasks.ListQuery{All: true}); p.Total != 2 {
		t.Errorf("declassified: %+v", p)
	}
}

// Classifying the document in the registry reaches its tasks through the
// registry's hook.
func TestDocumentClassifiedInTheRegistry(t *testing.T) {
	e := newEnv(t)
	doc := e.document("52-KH/TU", "Kế hoạch thử nghiệm được phân loại sau", 0)
	in := e.simple("Việc từ kế hoạch", "btg", "2025-03-01", "2025-06-30")
	in.SourceKind, in.SourceID = tasks.SourceDocument, doc.ID
	tk := e.task(in)
	if _, err := e.App.Documents.Classify(e.As("office"), e.Users["office"], doc.ID, documents.ClassifyInput{Class: auth.ClassMat,
		Reason: "Theo danh mục bí mật nhà nước"}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.Get(e.Ctx, e.Viewer("reader"), tk.ID); !problem.Is(err, problem.NotFound) {
		t.Errorf("an uncleared reader reads the task of a Mật document: %v", err)
	}
	got, err := e.s.Get(e.Ctx, e.Viewer("btg_member"), tk.ID)
	if err != nil || got.Class != 1 {
		t.Errorf("the lead unit: %v %+v", err, got.Class)
	}
}

func TestCountByUnitListsUnitsInVietnameseOrder(t *testing.T) {
	e := newEnv(t)
	for _, u := range []string{"vp", "xa", "tu", "sokh", "btg"} {
		e.task(e.simple("Việc của "+u, u, "2025-01-02", "2025-03-31"))
	}
	counts, err := e.s.CountByUnit(e.Ctx, e.Viewer("office"), tasks.CountQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range counts {
		got = append(got, c.Unit.Name)
	}
	// By the whole name, letter by letter (Đ after D), not as a person's
	// name is listed (by the last word first).
	want := []string{"Ban Tuyên giáo Tỉnh ủy Sơn Thử", "Đảng ủy xã Đông Thử", "Sở Kế hoạch và Đầu tư Sơn Thử",
		"Tỉnh ủy Sơn Thử", "Văn phòng Tỉnh ủy Sơn Thử"}
	if !slices.Equal(got, want) {
		t.Errorf("units listed %q, want %q", got, want)
	}
}

// The office moves a deadline with a reason: the status follows the new
// date, the history says so, the reminders are decided again; the unit that
// does the work cannot, and a bad date or a finished deadline is refused.
func TestExtendDeadline(t *testing.T) {
	e := newEnv(t)
	e.clock.SetDay(day("2025-03-30"), 9, 0)
	tk := e.task(e.simple("Tổng kết mô hình dân vận khéo", "ha", "2025-03-01", "2025-03-31"))
	office, ctx := e.Users["office"], e.As("office")
	n := e.App.Notify
	reminders := func() int {
		return e.count(`SELECT count(*) FROM reminders r JOIN task_occurrences o ON o.id = r.occurrence_id WHERE o.task_id = $1`, tk.ID)
	}
	if _, err := e.s.SendReminders(e.Ctx, n); err != nil || reminders() == 0 {
		t.Fatalf("reminders of the first deadline: %d %v", reminders(), err)
	}
	e.clock.SetDay(day("2025-04-10"), 9, 0) // overdue
	got, err := e.s.Extend(ctx, office, tk.ID, tasks.ExtendInput{DueOn: day("2025-05-15"), Reason: "Chờ số liệu của các xã"})
	if err != nil {
		t.Fatal(err)
	}
	if got.DueOn != day("2025-05-15") || got.Occurrences[0].DueOn != day("2025-05-15") || got.Status() != tasks.NotStarted {
		t.Errorf("after the extension: due %s / %s, %s", got.DueOn, got.Occurrences[0].DueOn, got.Status())
	}
	hist, err := e.s.History(e.Ctx, e.Viewer("office"), tk.ID)
	if last := hist[len(hist)-1]; err != nil || last.Action != "extend" || last.Detail != "2025-03-31 2025-05-15 Chờ số liệu của các xã" {
		t.Errorf("history: %v %+v", err, hist)
	}
	if reminders() != 0 {
		t.Errorf("reminders of the old deadline kept: %d", reminders())
	}
	// A reminder chosen for the old deadline before the move (by another
	// instance, say) and decided after it is dropped; one for the new date goes.
	ha := e.Users["ha_member"].User
	occ := got.Occurrences[0].ID
	if run, err := e.s.RemindOne(e.Ctx, n, occ, tk.ID, ha, day("2025-03-31")); err != nil || run != (tasks.ReminderRun{}) || reminders() != 0 {
		t.Errorf("a reminder of the old deadline: %+v %v, %d kept", run, err, reminders())
	}
	if run, err := e.s.RemindOne(e.Ctx, n, occ, tk.ID, ha, day("2025-05-15")); err != nil || run.Sent != 1 {
		t.Errorf("a reminder of the new deadline: %+v %v", run, err)
	}
	// Forgotten again, so that the day before checks the reminder run itself.
	if _, err := e.App.DB.Primary().ExecContext(e.Ctx, `DELETE FROM reminders WHERE occurrence_id = $1`, occ); err != nil {
		t.Fatal(err)
	}
	kids, err := e.s.HandOn(ctx, office, tk.ID, []tasks.Part{{LeadUnitID: e.Units["xa"], DueOn: day("2025-05-10")}})
	if err != nil {
		t.Fatal(err)
	}
	done := e.task(e.simple("Báo cáo sơ kết quý I", "ha", "2025-03-01", "2025-03-31"))
	if _, err := e.s.Complete(ctx, office, done.ID, tasks.CompleteInput{}); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		as    string
		task  int64
		in    tasks.ExtendInput
		code  problem.Code
		field string
	}{
		{"no reason", "office", tk.ID, tasks.ExtendInput{DueOn: day("2025-06-30"), Reason: " "}, problem.Invalid, "reason"},
		{"no date", "office", tk.ID, tasks.ExtendInput{Reason: "x"}, problem.Invalid, "due_on"},
		{"before the start", "office", tk.ID, tasks.ExtendInput{DueOn: day("2025-02-28"), Reason: "x"}, problem.Invalid, "due_on"},
		{"the same date", "office", tk.ID, tasks.ExtendInput{DueOn: day("2025-05-15"), Reason: "x"}, problem.Invalid, "due_on"},
		{"before a deadline handed on", "office", tk.ID, tasks.ExtendInput{DueOn: day("2025-05-01"), Reason: "x"}, problem.Invalid, "due_on"},
		{"a child after its parent", "office", kids[0].ID, tasks.ExtendInput{DueOn: day("2025-05-20"), Reason: "x"}, problem.Invalid, "due_on"},
		{"a finished deadline", "office", done.ID, tasks.ExtendInput{DueOn: day("2025-06-30"), Reason: "x"}, problem.Conflict, "occurrence_id"},
		{"the unit that does the work", "ha_member", tk.ID, tasks.ExtendInput{DueOn: day("2025-06-30"), Reason: "x"}, problem.Forbidden, ""},
		{"one who may not see it", "reader", tk.ID, tasks.ExtendInput{DueOn: day("2025-06-30"), Reason: "x"}, problem.Forbidden, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := e.counts()
			_, err := e.s.Extend(e.As(c.as), e.Users[c.as], c.task, c.in)
			e.Refused(t, err, before, c.code, c.field)
		})
	}
	// A classified task is not found by an administrator without clearance.
	e.User("admin", auth.RoleAdmin, auth.ClassNone, "", 0)
	secret := e.document("07-KH/TU", "kế hoạch mật thử", auth.ClassMat)
	in := e.simple("Rà soát phương án thử", "sokh", "2025-03-01", "2025-04-30")
	in.SourceKind, in.SourceID = tasks.SourceDocument, secret.ID
	hidden := e.task(in)
	before := e.counts()
	_, err = e.s.Extend(e.As("admin"), e.Users["admin"], hidden.ID, tasks.ExtendInput{DueOn: day("2025-06-30"), Reason: "x"})
	e.Refused(t, err, before, problem.NotFound, "")
	// One deadline of a recurring task moves alone.
	quarterly := e.task(tasks.Input{Title: "Báo cáo quý về công tác dân vận", Kind: tasks.KindReport, LeadUnitID: e.Units["ha"],
		StartOn: day("2025-01-01"), Recurrence: tasks.Quarterly, RecurUntil: day("2025-12-31"), DueDay: 20})
	q2 := quarterly.Occurrences[1]
	moved, err := e.s.Extend(ctx, office, quarterly.ID, tasks.ExtendInput{OccurrenceID: q2.ID, DueOn: day("2025-07-31"), Reason: "Lùi theo lịch họp"})
	if err != nil {
		t.Fatal(err)
	}
	if moved.Occurrences[1].DueOn != day("2025-07-31") || moved.Occurrences[0].DueOn != quarterly.Occurrences[0].DueOn ||
		moved.Occurrences[2].DueOn != quarterly.Occurrences[2].DueOn || moved.DueOn != quarterly.DueOn {
		t.Errorf("quarterly after moving Q2: %+v", moved)
	}
	// The day before the new deadline, its reminder goes out.
	e.clock.SetDay(day("2025-05-14"), 9, 0)
	if _, err := e.s.SendReminders(e.Ctx, n); err != nil {
		t.Fatal(err)
	}
	if sent := e.count(`SELECT count(*) FROM reminders r JOIN task_occurrences o ON o.id = r.occurrence_id
		WHERE o.task_id = $1 AND r.offset_days = -1 AND r.state = 'sent'`, tk.ID); sent == 0 {
		t.Errorf("no reminder the day before the new deadline")
	}
}

// The office corrects what a task says and who works on it: the open
// deadlines follow the responsible person, the grants the coordinators,
// the search the title; bad input is refused on its field; the unit doing
// the work cannot, and a cancelled task is not edited.
func TestEditTask(t *testing.T) {
	e := newEnv(t)
	e.clock.SetDay(day("2025-03-10"), 9, 0)
	secret := e.document("08-KH/TU", "kế hoạch mật thử", auth.ClassMat)
	in := e.simple("Rà soat quy chế làm viêc", "btg", "2025-03-01", "2025-06-30")
	in.SourceKind, in.SourceID = tasks.SourceDocument, secret.ID
	in.CoordinatorIDs = []int64{e.Units["ha"]}
	tk := e.task(in)
	office, ctx := e.Users["office"], e.As("office")
	got, err := e.s.Edit(ctx, office, tk.ID, tasks.EditInput{Title: "Rà soát quy chế làm việc", Content: "Sửa lỗi chính tả",
		Priority: tasks.High, CoordinatorIDs: []int64{e.Units["sokh"]}, ResponsiblePersonID: e.person["lan"]})
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Rà soát quy chế làm việc" || got.Priority != tasks.High || len(got.Coordinators) != 1 ||
		got.Coordinators[0].ID != e.Units["sokh"] || got.ResponsiblePersonID != e.person["lan"] {
		t.Errorf("after the edit: %+v", got)
	}
	// The new coordinator may see the Mật task, the one removed may not.
	if _, err := e.s.Get(e.Ctx, e.Viewer("sokh_member"), tk.ID); err != nil {
		t.Errorf("the new coordinator: %v", err)
	}
	if _, err := e.s.Get(e.Ctx, e.Viewer("ha_member"), tk.ID); !problem.Is(err, problem.NotFound) {
		t.Errorf("the coordinator removed: %v", err)
	}
	mine, err := e.s.List(e.Ctx, e.Viewer("btg_member"), tasks.ListQuery{PersonID: e.person["lan"]})
	if err != nil || len(mine.Items) != 1 {
		t.Errorf("the responsible person's list: %v %+v", err, mine)
	}
	hist, _ := e.s.History(e.Ctx, e.Viewer("office"), tk.ID)
	if last := hist[len(hist)-1]; last.Action != "edit" {
		t.Errorf("history: %+v", hist)
	}
	cancelled := e.task(e.simple("Việc đã hủy", "btg", "2025-03-01", "2025-06-30"))
	if _, err := e.s.Cancel(ctx, office, cancelled.ID, tasks.CancelInput{Reason: "Giao nhầm"}); err != nil {
		t.Fatal(err)
	}
	ok := tasks.EditInput{Title: "Tên mới"}
	cases := []struct {
		name  string
		as    string
		task  int64
		in    tasks.EditInput
		code  problem.Code
		field string
	}{
		{"no title", "office", tk.ID, tasks.EditInput{Title: " "}, problem.Invalid, "title"},
		{"unknown priority", "office", tk.ID, tasks.EditInput{Title: "x", Priority: "asap"}, problem.Invalid, "priority"},
		{"the lead unit as coordinator", "office", tk.ID, tasks.EditInput{Title: "x", CoordinatorIDs: []int64{e.Units["btg"]}}, problem.Invalid, "coordinating_unit_ids[0]"},
		{"a unit that does not exist", "office", tk.ID, tasks.EditInput{Title: "x", CoordinatorIDs: []int64{999999}}, problem.Invalid, "coordinating_unit_ids[0]"},
		{"a person who does not exist", "office", tk.ID, tasks.EditInput{Title: "x", ResponsiblePersonID: 999999}, problem.Invalid, "responsible_person_id"},
		{"a cancelled task", "office", cancelled.ID, ok, problem.Conflict, "title"},
		{"the unit doing the work", "btg_member", tk.ID, ok, problem.Forbidden, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := e.counts()
			_, err := e.s.Edit(e.As(c.as), e.Users[c.as], c.task, c.in)
			e.Refused(t, err, before, c.code, c.field)
		})
	}
	e.User("admin", auth.RoleAdmin, auth.ClassNone, "", 0)
	before := e.counts()
	_, err = e.s.Edit(e.As("admin"), e.Users["admin"], tk.ID, ok)
	e.Refused(t, err, before, problem.NotFound, "")
}
