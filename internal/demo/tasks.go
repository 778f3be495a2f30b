package demo

import (
	"context"
	"fmt"
	"math/rand/v2"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/conferences"
	"plenum/internal/date"
	"plenum/internal/documents"
	"plenum/internal/org"
	"plenum/internal/tasks"
)

// The demo tasks: for each province that continues after 2025-07-01, a
// year of work up to today drawn from its documents (and those of the
// provinces merged into it) and from the conclusion of its Executive
// Committee's latest conference: several hundred tasks led by the
// province's boards and departments, with progress reports, some done on
// time, some done late, some overdue, a few cancelled, some handed on to
// communes, a recurring quarterly report, and a few Mật tasks. The phrases
// are invented; the dates move with today so that the dashboard always
// has something due soon and something late.

var taskPhrases = []string{
	"Xây dựng kế hoạch triển khai",
	"Tổ chức hội nghị quán triệt",
	"Tuyên truyền sâu rộng trong cán bộ, đảng viên về",
	"Kiểm tra, giám sát việc thực hiện",
	"Rà soát, sửa đổi quy chế làm việc theo",
	"Xây dựng đề án thực hiện",
	"Đánh giá, sơ kết kết quả thực hiện",
	"Tổng hợp số liệu phục vụ báo cáo về",
	"Bồi dưỡng, tập huấn nghiệp vụ theo",
	"Hướng dẫn các đảng ủy cơ sở thực hiện",
}

var products = []string{"Kế hoạch", "Báo cáo kết quả", "Hội nghị", "Đề án", "Hướng dẫn", "Tài liệu tuyên truyền"}

var reportTexts = []string{
	"Đã xây dựng dự thảo, đang lấy ý kiến các đơn vị liên quan.",
	"Đã tổ chức quán triệt tại phần lớn các chi bộ trực thuộc.",
	"Đang tổng hợp số liệu từ các địa phương.",
	"Đã hoàn thành khảo sát, đang viết báo cáo.",
	"Đã trình Thường trực xem xét, cho ý kiến.",
	"Đang phối hợp với các sở, ngành hoàn thiện hồ sơ.",
}

// taskLoader writes the demo tasks, keeping the first error.
type taskLoader struct {
	ctx   context.Context
	ts    *tasks.Store
	units *org.Store
	as    auth.Principal
	today date.Date
	rng   *rand.Rand
	err   error
	step  string
}

func (l *taskLoader) fail(step string, err error) {
	if l.err == nil && err != nil {
		l.err, l.step = err, step
	}
}

// LoadTasks fills a database holding the demo organisation, documents and
// conferences with a year of tasks, as the committee office. It is
// deterministic for a given today and runs in one transaction.
func LoadTasks(ctx context.Context, ts *tasks.Store, docs *documents.Store, confs *conferences.Store, units *org.Store,
	as auth.Principal, viewer access.Viewer, tx func(context.Context, func(context.Context) error) error) error {
	return tx(ctx, func(ctx context.Context) error {
		l := &taskLoader{ctx: ctx, ts: ts, units: units, as: as, today: ts.Today(), rng: rand.New(rand.NewPCG(2025, 7))}
		for _, p := range provinces {
			if p.into != "" {
				continue
			}
			var srcs []documents.Document
			for _, q := range provinces {
				if q.key != p.key && q.into != p.key {
					continue
				}
				tu, err := units.ByCode(ctx, provinceCode(q, "tu"), date.Date{})
				if err != nil {
					return fmt.Errorf("demo tasks: unit %s: %w", provinceCode(q, "tu"), err)
				}
				page, err := docs.List(ctx, viewer, documents.ListQuery{IssuerUnitID: tu.ID, Size: 200})
				if err != nil {
					return err
				}
				srcs = append(srcs, page.Items...)
			}
			l.province(p, srcs, confs, viewer)
		}
		if l.err != nil {
			return fmt.Errorf("demo tasks: %s: %w", l.step, l.err)
		}
		return nil
	})
}

// alive returns the ids of the units with these suffixes that exist today.
func (l *taskLoader) alive(p province, suffixes ...string) []int64 {
	var out []int64
	for _, s := range suffixes {
		u, err := l.units.ByCode(l.ctx, provinceCode(p, s), l.today)
		if err == nil && u.Alive {
			out = append(out, u.ID)
		}
	}
	return out
}

func (l *taskLoader) province(p province, docs []documents.Document, confs *conferences.Store, viewer access.Viewer) {
	leads := l.alive(p, "btc", "btg", "bdv", "so-nv", "so-tc", "so-khdt", "so-gddt", "so-yt", "vp")
	tu := l.alive(p, "tu")
	if len(leads) == 0 || len(tu) == 0 || len(docs) == 0 {
		return
	}
	communes, err := l.units.Children(l.ctx, tu[0], l.today)
	l.fail("communes of "+p.name, err)
	var lower []int64 // the committees below: communes, or districts before the reform
	for _, c := range communes {
		if (c.Level == org.Commune || c.Level == org.District) && c.Kind == org.PartyCommittee {
			lower = append(lower, c.ID)
		}
	}
	n := 120 + l.rng.IntN(30)
	for i := range n {
		doc := docs[l.rng.IntN(len(docs))]
		lead := leads[l.rng.IntN(len(leads))]
		start := l.today.AddDays(-(20 + l.rng.IntN(340)))
		if start.Before(Reform) && Reform.DaysUntil(l.today) >= 60 {
			// the units are those after the reform
			start = Reform.AddDays(l.rng.IntN(30))
		}
		due := start.AddDays(20 + l.rng.IntN(100))
		in := tasks.Input{SourceKind: tasks.SourceDocument, SourceID: doc.ID, Kind: tasks.KindTask,
			Title:   taskPhrases[l.rng.IntN(len(taskPhrases))] + " " + doc.Label("vi"),
			Content: "Nội dung minh họa: triển khai đầy đủ, đúng tiến độ; báo cáo kết quả về Văn phòng Tỉnh ủy.",
			Product: products[l.rng.IntN(len(products))], Priority: tasks.Priorities[l.rng.IntN(len(tasks.Priorities))],
			LeadUnitID: lead, StartOn: start, DueOn: due}
		if c := leads[l.rng.IntN(len(leads))]; c != lead {
			in.CoordinatorIDs = []int64{c}
		}
		if i%25 == 7 {
			in.Class = 1 // a few Mật tasks of their own
		}
		handOn := i%20 == 3 && len(lower) >= 2 && due.After(l.today)
		if handOn {
			// The committee itself leads, and hands on to its communes.
			in.LeadUnitID, in.CoordinatorIDs = tu[0], nil
		}
		t, err := l.ts.Create(l.ctx, l.as, in)
		if err != nil {
			l.fail("task "+in.Title, err)
			return
		}
		if handOn {
			l.handOn(t, lower)
			continue
		}
		l.progress(t, i)
	}
	l.quarterly(p, leads[0], docs[0])
	l.fromConclusion(p, tu[0], leads, confs, viewer)
}

// progress writes what happened to a task by today: reports, completion
// on time or late, or cancellation; some are left overdue or not started.
func (l *taskLoader) progress(t tasks.Task, i int) {
	o := t.Occurrences[0]
	last := o.DueOn
	if last.After(l.today) {
		last = l.today
	}
	span := max(o.StartOn.DaysUntil(last), 1)
	draw := l.rng.IntN(100)
	if i%30 == 11 {
		_, err := l.ts.Cancel(l.ctx, l.as, t.ID, tasks.CancelInput{Reason: "Nội dung đã được lồng ghép vào nhiệm vụ khác (minh họa)",
			On: o.StartOn.AddDays(span / 2)})
		l.fail("cancel "+t.Title, err)
		return
	}
	if draw < 15 {
		return // not started: overdue if past its deadline
	}
	reports := 1 + l.rng.IntN(3)
	pct := 0
	for k := range reports {
		pct = min(pct+15+l.rng.IntN(30), 95)
		on := o.StartOn.AddDays(span * (k + 1) / (reports + 1))
		_, err := l.ts.Report(l.ctx, l.as, t.ID, tasks.ReportInput{Percent: pct, Body: reportTexts[l.rng.IntN(len(reportTexts))], ReportedOn: on})
		l.fail("report on "+t.Title, err)
	}
	if o.DueOn.After(l.today) {
		return // in progress
	}
	switch {
	case draw < 70: // done on time
		_, err := l.ts.Complete(l.ctx, l.as, t.ID, tasks.CompleteInput{DoneOn: o.DueOn.AddDays(-l.rng.IntN(5))})
		l.fail("complete "+t.Title, err)
	case draw < 85: // done late, when there has been time to be late
		if late := o.DueOn.AddDays(1 + l.rng.IntN(20)); !late.After(l.today) {
			_, err := l.ts.Complete(l.ctx, l.as, t.ID, tasks.CompleteInput{DoneOn: late})
			l.fail("complete late "+t.Title, err)
		}
	}
	// The rest stay overdue, with their reports.
}

// handOn splits a task between two communes, one of which reports.
func (l *taskLoader) handOn(t tasks.Task, lower []int64) {
	a, b := lower[l.rng.IntN(len(lower))], lower[l.rng.IntN(len(lower))]
	parts := []tasks.Part{{LeadUnitID: a}}
	if b != a {
		parts = append(parts, tasks.Part{LeadUnitID: b})
	}
	kids, err := l.ts.HandOn(l.ctx, l.as, t.ID, parts)
	if err != nil {
		l.fail("hand on "+t.Title, err)
		return
	}
	_, err = l.ts.Report(l.ctx, l.as, kids[0].ID, tasks.ReportInput{Percent: 50, Body: "Đảng ủy xã đã triển khai đến các chi bộ (minh họa)."})
	l.fail("report by a commune", err)
}

// quarterly is the province's recurring quarterly report: earlier quarters
// sent (one late), the last one past overdue, the current one open.
func (l *taskLoader) quarterly(p province, lead int64, doc documents.Document) {
	t, err := l.ts.Create(l.ctx, l.as, tasks.Input{Kind: tasks.KindReport, SourceKind: tasks.SourceDocument, SourceID: doc.ID,
		Title:      "Báo cáo quý tình hình thực hiện " + doc.Label("vi"),
		Product:    "Báo cáo quý",
		LeadUnitID: lead, StartOn: later(l.today.AddDays(-400), Reform), Recurrence: tasks.Quarterly, RecurUntil: l.today.AddDays(200), DueDay: 20})
	if err != nil {
		l.fail("quarterly report of "+p.name, err)
		return
	}
	var past []tasks.Occurrence
	for _, o := range t.Occurrences {
		if o.DueOn.Before(l.today) {
			past = append(past, o)
		}
	}
	for k, o := range past {
		switch {
		case k == len(past)-1:
			_, err = l.ts.Report(l.ctx, l.as, t.ID, tasks.ReportInput{OccurrenceID: o.ID, Percent: 60, Body: "Đang tổng hợp số liệu quý.", ReportedOn: o.DueOn.AddDays(-3)})
		case k == 1:
			_, err = l.ts.Complete(l.ctx, l.as, t.ID, tasks.CompleteInput{OccurrenceID: o.ID, DoneOn: o.DueOn.AddDays(6)})
		default:
			_, err = l.ts.Complete(l.ctx, l.as, t.ID, tasks.CompleteInput{OccurrenceID: o.ID, DoneOn: o.DueOn.AddDays(-2)})
		}
		l.fail("quarter "+o.Period, err)
	}
}

// fromConclusion draws three tasks at once from the conclusion of the
// Executive Committee's latest conference, as pasted from its text.
func (l *taskLoader) fromConclusion(p province, tu int64, leads []int64, confs *conferences.Store, viewer access.Viewer) {
	cal, err := confs.Calendar(l.ctx, viewer, conferences.CalendarQuery{BodyID: tu, Lineage: true, Limit: 1000})
	if err != nil || len(cal.Entries) == 0 {
		l.fail("conferences of "+p.name, err)
		return
	}
	var c conferences.Entry
	for _, e := range cal.Entries {
		if !e.HeldOn.After(l.today) && e.Status != conferences.Planned {
			c = e
		}
	}
	if c.ID == 0 {
		return
	}
	start := later(later(c.HeldOn, l.today.AddDays(-300)), Reform)
	titles := tasks.Lines("1. Cụ thể hóa kết luận của hội nghị thành chương trình công tác (minh họa)\n" +
		"2. Rà soát tiến độ các chỉ tiêu nghị quyết, đề xuất giải pháp (minh họa)\n" +
		"3. Báo cáo Ban Thường vụ kết quả thực hiện kết luận (minh họa)")
	_, err = l.ts.CreateMany(l.ctx, l.as, tasks.Input{SourceKind: tasks.SourceConclusion, SourceID: c.ID, LeadUnitID: leads[0],
		CoordinatorIDs: leads[1:min(3, len(leads))], StartOn: start, DueOn: l.today.AddDays(10 + l.rng.IntN(40))}, titles)
	l.fail("tasks from the conclusion of "+p.name, err)
}

// later returns the later of two days.
func later(a, b date.Date) date.Date {
	if a.After(b) {
		return a
	}
	return b
}
