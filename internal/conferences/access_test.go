package conferences_test

import (
	"testing"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/conferences"
	"plenum/internal/problem"
)

// A classified conference, and a classified item of an unclassified one,
// are invisible to readers without clearance or need to know: in the
// record, in lists, in counts, and to every operation on them.
func TestClassifiedRecordsStayHidden(t *testing.T) {
	f := newFixture(t)
	open := f.held("2024-10-11", 9)
	f.item(open.ID, "Báo cáo kết quả công tác 9 tháng")
	secret := f.item(open.ID, "Phương án nhân sự Ban Chấp hành khóa mới", func(in *conferences.ItemInput) {
		in.Kind, in.Class, in.Grants = conferences.Submission, 2, toOffice
	})
	f.item(open.ID, "Dự thảo Nghị quyết về phát triển nông nghiệp")
	if secret.Class != 2 || secret.OwnClass != 2 {
		t.Fatalf("classified item %+v", secret)
	}
	closed := f.conference("2024-11-20", func(in *conferences.Input) {
		in.TermID, in.Class, in.Grants, in.Subject = f.btvTerm.ID, 1, toOffice, "cho ý kiến về công tác cán bộ"
	})

	// The office sees everything.
	rec, err := f.s.Record(f.Ctx, office, open.ID)
	if err != nil || len(rec.Items) != 3 || rec.MaxClass != 2 || rec.Items[1].Title != secret.Title {
		t.Fatalf("office record %+v %v", rec, err)
	}
	cal, _ := f.s.Calendar(f.Ctx, office, conferences.CalendarQuery{})
	if cal.Total != 2 || cal.Entries[0].Items != 3 {
		t.Errorf("office calendar %+v", cal)
	}

	for name, viewer := range map[string]access.Viewer{"without clearance": public, "cleared without need to know": cleared} {
		t.Run(name, func(t *testing.T) {
			rec, err := f.s.Record(f.Ctx, viewer, open.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(rec.Items) != 2 || rec.MaxClass != 0 || rec.Items[1].Number != 2 || rec.Items[1].Title == secret.Title {
				t.Errorf("record shows %+v", rec.Items)
			}
			cal, _ := f.s.Calendar(f.Ctx, viewer, conferences.CalendarQuery{})
			if cal.Total != 1 || len(cal.Entries) != 1 || cal.Entries[0].Items != 2 {
				t.Errorf("calendar %+v", cal)
			}
			for what, err := range map[string]error{
				"get conference":  errOf(f.s.Get(f.Ctx, viewer, closed.ID)),
				"record":          errOf(f.s.Record(f.Ctx, viewer, closed.ID)),
				"get item":        errOf(f.s.Item(f.Ctx, viewer, secret.ID)),
				"update item":     errOf(f.s.UpdateItem(f.Ctx, viewer, secret.ID, conferences.ItemInput{Kind: conferences.Report, Title: "x"})),
				"vote":            errOf(f.s.RecordVote(f.Ctx, viewer, secret.ID, conferences.VoteInput{Method: conferences.ShowOfHands, For: 9})),
				"remove item":     f.s.RemoveItem(f.Ctx, viewer, secret.ID),
				"move item":       f.s.MoveItem(f.Ctx, viewer, secret.ID, -1),
				"update":          errOf(f.s.Update(f.Ctx, viewer, closed.ID, conferences.Input{TermID: f.btvTerm.ID, Kind: conferences.Regular, HeldOn: day("2024-11-20")})),
				"status":          errOf(f.s.SetStatus(f.Ctx, viewer, closed.ID, conferences.Held)),
				"history":         errOf(f.s.History(f.Ctx, viewer, closed.ID, conferences.Minutes)),
				"article":         errOf(f.s.GenerateArticle(f.Ctx, viewer, closed.ID, "")),
				"add item":        errOf(f.s.AddItem(f.Ctx, viewer, closed.ID, conferences.ItemInput{Kind: conferences.Report, Title: "x"})),
				"delete":          f.s.Delete(f.Ctx, viewer, closed.ID),
				"attendance":      errOf(f.s.SetAttendance(f.Ctx, viewer, closed.ID, nil)),
				"write a draft":   errOf(f.s.WriteDraft(f.Ctx, viewer, closed.ID, conferences.Minutes, conferences.TextInput{Body: "x"})),
				"unknown as well": errOf(f.s.Get(f.Ctx, viewer, 424242)),
			} {
				if !problem.Is(err, problem.NotFound) {
					t.Errorf("%s: %v, want not found", what, err)
				}
			}
		})
	}
	// Moving an item as a reader who cannot see the middle one swaps it
	// with the next visible one.
	recBefore, _ := f.s.Record(f.Ctx, office, open.ID)
	if err := f.s.MoveItem(f.Ctx, cleared, recBefore.Items[2].ID, -1); err != nil {
		t.Fatal(err)
	}
	recAfter, _ := f.s.Record(f.Ctx, office, open.ID)
	if recAfter.Items[0].ID != recBefore.Items[2].ID || recAfter.Items[1].ID != secret.ID {
		t.Errorf("order after move %v", []int64{recAfter.Items[0].ID, recAfter.Items[1].ID, recAfter.Items[2].ID})
	}
	// Reading a classified record is audited.
	if es, _ := f.App.Audit.List(f.Ctx, audit.Filter{Action: "read", Entity: "agenda_item", EntityID: itoa(secret.ID), Clearance: 3}); len(es) == 0 {
		t.Error("classified item read without an audit entry")
	}
	// A classified conference passes its class and grants to its items.
	it, err := f.s.AddItem(f.Ctx, office, closed.ID, conferences.ItemInput{Kind: conferences.Report, Title: "Báo cáo nhân sự"})
	if err != nil || it.Class != 1 || it.OwnClass != 0 {
		t.Errorf("item of a classified conference %+v %v", it, err)
	}
}
