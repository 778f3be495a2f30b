package demo_test

import (
	"context"
	"strings"
	"testing"

	"plenum/internal/access"
	"plenum/internal/app"
	"plenum/internal/auth"
	"plenum/internal/conferences"
	"plenum/internal/date"
	"plenum/internal/demo"
	"plenum/internal/news"
)

// checkConferences checks the demo's conferences.
func checkConferences(t *testing.T, a *app.App, ctx context.Context, office auth.Principal) {

	all, err := a.Conferences.Calendar(ctx, access.System, conferences.CalendarQuery{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	public, err := a.Conferences.Calendar(ctx, access.Viewer{}, conferences.CalendarQuery{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	// Six provinces × (7 committee + 24 board conferences) in 2024; three
	// merged committees × (7 + 17) after the reform; one classified each.
	if all.Total != 6*31+3*24 || all.Total-public.Total != 6 {
		t.Fatalf("%d conferences, %d visible without clearance", all.Total, public.Total)
	}
	// Thái Nguyên's committee in 2024: numbered from 17 in khóa XX, with
	// about 45 members, quorate, its votes passed.
	tn, err := a.Org.ByCode(ctx, "thai-nguyen.tu", date.Date{})
	if err != nil {
		t.Fatal(err)
	}
	cal, err := a.Conferences.Calendar(ctx, access.System, conferences.CalendarQuery{BodyID: tn.ID, Year: 2024})
	if err != nil || cal.Total != 7 || cal.Entries[0].Ordinal != 17 || cal.Entries[6].Ordinal != 23 || cal.Entries[0].TermRoman != "XX" {
		t.Fatalf("Thái Nguyên 2024 %+v %v", cal, err)
	}
	rec, err := a.Conferences.Record(ctx, access.System, cal.Entries[4].ID)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Quorum.Members < 40 || !rec.Quorum.Quorate || !rec.Online || len(rec.Bridges) < 5 || rec.Status != conferences.Closed ||
		len(rec.Items) != 3 || rec.Items[2].Tally == nil || !rec.Items[2].Tally.Passed || len(rec.Items[2].Documents) != 1 || len(rec.Articles) != 1 {
		t.Errorf("October conference %+v", rec)
	}
	// The merged committee's history: its own term after the reform and,
	// through the lineage, Bắc Kạn's conferences before it.
	mine, _ := a.Conferences.Calendar(ctx, access.System, conferences.CalendarQuery{BodyID: tn.ID})
	lineage, _ := a.Conferences.Calendar(ctx, access.System, conferences.CalendarQuery{BodyID: tn.ID, Lineage: true})
	if mine.Total != 7+7 || lineage.Total != mine.Total+7 {
		t.Errorf("Thái Nguyên's committee: %d, with its lineage %d", mine.Total, lineage.Total)
	}
	after, _ := a.Conferences.Calendar(ctx, access.System, conferences.CalendarQuery{BodyID: tn.ID, From: demo.Reform})
	if after.Entries[0].TermRoman != "XXI" || after.Entries[0].Ordinal != 1 || after.Entries[len(after.Entries)-1].Status != conferences.Planned {
		t.Errorf("after the merger %+v", after.Entries)
	}
	// The classified personnel item is hidden from readers without
	// clearance, shown to the office.
	nov, _ := a.Conferences.Calendar(ctx, access.System, conferences.CalendarQuery{BodyID: tn.ID, Year: 2024, Month: 11})
	seen, _ := a.Conferences.Record(ctx, access.Viewer{}, nov.Entries[0].ID)
	full, _ := a.Conferences.Record(ctx, access.Viewer{UserID: office.User.ID, Role: office.User.Role, Clearance: office.User.Clearance}, nov.Entries[0].ID)
	if len(seen.Items) != 0 || len(full.Items) != 1 || full.Items[0].Class != 1 || full.Items[0].Tally.Method != conferences.SecretBallot {
		t.Errorf("classified item: public %d items, office %+v", len(seen.Items), full.Items)
	}
	drafts, err := a.News.List(ctx, news.ListQuery{})
	if err != nil || drafts.Total != 6 || !strings.HasPrefix(drafts.Articles[0].Title, "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 21 (khóa") {
		t.Errorf("news drafts %+v %v", drafts, err)
	}

}
