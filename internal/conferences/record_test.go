package conferences_test

import (
	"strings"
	"testing"

	"plenum/internal/audit"
	"plenum/internal/conferences"
	"plenum/internal/problem"
)

func TestStatusAttendanceAndVotes(t *testing.T) {
	f := newFixture(t)
	c := f.conference("2024-10-11")
	it := f.item(c.ID, "Dự thảo Nghị quyết về phát triển du lịch")
	present := []conferences.Attendance{{PersonID: f.persons["Lò Văn Khánh"], Status: conferences.Present}}

	// Nothing is recorded before the conference is held.
	before := f.rows()
	_, err := f.s.SetAttendance(f.Ctx, office, c.ID, present)
	f.refused(t, before, err, problem.Conflict, "status")
	_, err = f.s.RecordVote(f.Ctx, office, it.ID, conferences.VoteInput{Method: conferences.ShowOfHands, For: 1})
	f.refused(t, before, err, problem.Conflict, "status")
	_, err = f.s.WriteDraft(f.Ctx, office, c.ID, conferences.Conclusion, conferences.TextInput{Body: "Kết luận."})
	f.refused(t, before, err, problem.Conflict, "status")
	// Not held before its day; not closed without a conclusion.
	future := f.conference("2026-03-01")
	before = f.rows()
	_, err = f.s.SetStatus(f.Ctx, office, future.ID, conferences.Held)
	f.refused(t, before, err, problem.Conflict, "status")
	_, err = f.s.SetStatus(f.Ctx, office, c.ID, conferences.Closed)
	f.refused(t, f.rows(), err, problem.Conflict, "status")
	if _, err := f.s.SetStatus(f.Ctx, office, c.ID, conferences.Held); err != nil {
		t.Fatal(err)
	}

	// Attendance: members only, once each, reasons for absences only.
	members, _ := f.s.Members(f.Ctx, c.BodyID, c.HeldOn)
	var list []conferences.Attendance
	for i, m := range members {
		a := conferences.Attendance{PersonID: m.PersonID, Status: conferences.Present}
		switch i {
		case 7:
			a.Status, a.Reason = conferences.Excused, "Ốm, có đơn xin phép"
		case 8:
			a.Status = conferences.Absent
		}
		list = append(list, a)
	}
	bad := func(mod func([]conferences.Attendance) []conferences.Attendance) []conferences.Attendance {
		return mod(append([]conferences.Attendance(nil), list...))
	}
	for _, tt := range []struct {
		name, field string
		list        []conferences.Attendance
	}{
		{"not a member", "attendance[9].person_id", bad(func(l []conferences.Attendance) []conferences.Attendance {
			return append(l, conferences.Attendance{PersonID: f.persons["Nông Văn Định"], Status: conferences.Present})
		})},
		{"twice", "attendance[9].person_id", bad(func(l []conferences.Attendance) []conferences.Attendance { return append(l, l[0]) })},
		{"unknown status", "attendance[2].status", bad(func(l []conferences.Attendance) []conferences.Attendance {
			l[2].Status = "late"
			return l
		})},
		{"reason while present", "attendance[0].reason", bad(func(l []conferences.Attendance) []conferences.Attendance {
			l[0].Reason = "đến muộn"
			return l
		})},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := f.rows()
			_, err := f.s.SetAttendance(f.Ctx, office, c.ID, tt.list)
			f.refused(t, before, err, problem.Invalid, tt.field)
		})
	}
	q, err := f.s.SetAttendance(f.Ctx, office, c.ID, list)
	if err != nil {
		t.Fatal(err)
	}
	if q != (conferences.Quorum{Members: 9, Present: 7, Excused: 1, Absent: 1, Needed: 6, Quorate: true}) {
		t.Errorf("quorum %+v", q)
	}

	// Votes: no count above those present, nor their sum.
	for _, tt := range []struct {
		name, field string
		in          conferences.VoteInput
	}{
		{"for above present", "for", conferences.VoteInput{Method: conferences.ShowOfHands, For: 8}},
		{"sum above present", "abstain", conferences.VoteInput{Method: conferences.SecretBallot, For: 5, Against: 2, Abstain: 1}},
		{"negative", "against", conferences.VoteInput{Method: conferences.ShowOfHands, For: 5, Against: -1}},
		{"no method", "method", conferences.VoteInput{For: 5}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := f.rows()
			_, err := f.s.RecordVote(f.Ctx, office, it.ID, tt.in)
			f.refused(t, before, err, problem.Invalid, tt.field)
		})
	}
	got, err := f.s.RecordVote(f.Ctx, office, it.ID, conferences.VoteInput{Method: conferences.ShowOfHands, For: 5, Against: 1, Abstain: 1})
	if err != nil {
		t.Fatal(err)
	}
	if tl := got.Tally; tl == nil || !tl.Passed || tl.Members != 9 || tl.Present != 7 || tl.Needed != 5 || tl.NotVoting != 0 {
		t.Errorf("tally %+v", tl)
	}
	// Four for out of nine is a majority of those voting but not of the body.
	got, err = f.s.RecordVote(f.Ctx, office, it.ID, conferences.VoteInput{Method: conferences.SecretBallot, For: 4, Against: 2, Abstain: 1})
	if err != nil || got.Tally.Passed {
		t.Errorf("four of nine %+v %v", got.Tally, err)
	}
	// Attendance cannot fall below the votes recorded.
	before = f.rows()
	_, err = f.s.SetAttendance(f.Ctx, office, c.ID, list[:6])
	f.refused(t, before, err, problem.Conflict, "attendance")
	// Nor can the day move once attendance is recorded.
	_, err = f.s.Update(f.Ctx, office, c.ID, conferences.Input{TermID: f.bchTerm.ID, Kind: conferences.Regular, HeldOn: day("2024-10-12")})
	f.refused(t, before, err, problem.Conflict, "held_on")
	// An item with a vote is not removed.
	f.refused(t, before, f.s.RemoveItem(f.Ctx, office, it.ID), problem.Conflict, "vote")
	if err := f.s.ClearVote(f.Ctx, office, it.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.SetAttendance(f.Ctx, office, c.ID, list[:6]); err != nil {
		t.Fatal(err)
	}
	rec, err := f.s.Record(f.Ctx, office, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Quorum.Present != 6 || rec.Quorum.Unrecorded != 3 || !rec.Quorum.Quorate || rec.Attendance[0].Status != conferences.Present ||
		rec.Attendance[8].Status != "" || len(rec.Items) != 1 || rec.Items[0].Vote != nil {
		t.Errorf("record %+v", rec)
	}
	for _, action := range []string{"status", "attendance"} {
		if es, _ := f.App.Audit.List(f.Ctx, audit.Filter{Entity: "conference", Action: action}); len(es) == 0 {
			t.Errorf("no audit entry for %s", action)
		}
	}
	for _, action := range []string{"create", "vote", "clear_vote"} {
		if es, _ := f.App.Audit.List(f.Ctx, audit.Filter{Entity: "agenda_item", Action: action}); len(es) == 0 {
			t.Errorf("no audit entry for item %s", action)
		}
	}
	// Back to planned only with nothing recorded.
	f.refused(t, f.rows(), errOf(f.s.SetStatus(f.Ctx, office, c.ID, conferences.Planned)), problem.Conflict, "status")
}

func errOf[T any](_ T, err error) error { return err }

func TestMinutesAndConclusionVersions(t *testing.T) {
	f := newFixture(t)
	c := f.held("2024-10-11", 9)
	v1, err := f.s.WriteDraft(f.Ctx, office, c.ID, conferences.Conclusion, conferences.TextInput{Body: "Hội nghị thống nhất   đánh giá.\r\n\r\nGiao Ban Thường vụ chỉ đạo."})
	if err != nil || v1.Version != 1 || v1.Status != conferences.Draft || v1.Body != "Hội nghị thống nhất đánh giá.\n\nGiao Ban Thường vụ chỉ đạo." {
		t.Fatalf("draft %+v %v", v1, err)
	}
	// Editing a draft changes it in place.
	if v1, err = f.s.WriteDraft(f.Ctx, office, c.ID, conferences.Conclusion, conferences.TextInput{Body: "Bản sửa của dự thảo."}); err != nil || v1.Version != 1 {
		t.Fatalf("edit draft %+v %v", v1, err)
	}
	before := f.rows()
	_, err = f.s.Correct(f.Ctx, office, c.ID, conferences.Conclusion, conferences.TextInput{Body: "x", Note: "y"})
	f.refused(t, before, err, problem.Conflict, "status")
	_, err = f.s.WriteDraft(f.Ctx, office, c.ID, conferences.Conclusion, conferences.TextInput{Body: "  "})
	f.refused(t, before, err, problem.Invalid, "body")
	ap, err := f.s.Approve(f.Ctx, office, c.ID, conferences.Conclusion)
	if err != nil || ap.Status != conferences.Approved || ap.ApprovedAt.IsZero() {
		t.Fatalf("approve %+v %v", ap, err)
	}
	// Approved is locked.
	before = f.rows()
	_, err = f.s.WriteDraft(f.Ctx, office, c.ID, conferences.Conclusion, conferences.TextInput{Body: "Sửa trực tiếp."})
	f.refused(t, before, err, problem.Conflict, "body")
	_, err = f.s.Approve(f.Ctx, office, c.ID, conferences.Conclusion)
	f.refused(t, before, err, problem.Conflict, "status")
	_, err = f.s.Correct(f.Ctx, office, c.ID, conferences.Conclusion, conferences.TextInput{Body: "Bản đính chính."})
	f.refused(t, before, err, problem.Invalid, "note")
	// A correction is the next version, pointing at the approved one.
	v2, err := f.s.Correct(f.Ctx, office, c.ID, conferences.Conclusion, conferences.TextInput{Body: "Bản đính chính.", Note: "Sửa lỗi số liệu"})
	if err != nil || v2.Version != 2 || v2.PreviousID != v1.ID || v2.Status != conferences.Draft {
		t.Fatalf("correction %+v %v", v2, err)
	}
	if _, err := f.s.Approve(f.Ctx, office, c.ID, conferences.Conclusion); err != nil {
		t.Fatal(err)
	}
	hist, err := f.s.History(f.Ctx, office, c.ID, conferences.Conclusion)
	if err != nil || len(hist) != 2 || hist[0].Version != 2 || hist[1].Body != "Bản sửa của dự thảo." || hist[1].Status != conferences.Approved {
		t.Errorf("history %+v %v", hist, err)
	}
	// Minutes are versioned on their own.
	if m, err := f.s.WriteDraft(f.Ctx, office, c.ID, conferences.Minutes, conferences.TextInput{Body: "Biên bản."}); err != nil || m.Version != 1 {
		t.Errorf("minutes %+v %v", m, err)
	}
	// Closing needs the approved conclusion, which it now has; a closed
	// conference is locked, but its texts can still be corrected.
	if _, err := f.s.SetStatus(f.Ctx, office, c.ID, conferences.Closed); err != nil {
		t.Fatal(err)
	}
	before = f.rows()
	_, err = f.s.AddItem(f.Ctx, office, c.ID, conferences.ItemInput{Kind: conferences.Report, Title: "Báo cáo"})
	f.refused(t, before, err, problem.Conflict, "status")
	_, err = f.s.Update(f.Ctx, office, c.ID, conferences.Input{TermID: f.bchTerm.ID, Kind: conferences.Regular, HeldOn: c.HeldOn})
	f.refused(t, before, err, problem.Conflict, "status")
	if _, err := f.s.Correct(f.Ctx, office, c.ID, conferences.Conclusion, conferences.TextInput{Body: "Bản thứ ba.", Note: "Bổ sung"}); err != nil {
		t.Errorf("correct a closed conference's conclusion: %v", err)
	}
	for _, action := range []string{"draft_conclusion", "draft_minutes", "approve_conclusion", "correct_conclusion"} {
		if es, _ := f.App.Audit.List(f.Ctx, audit.Filter{Entity: "conference", Action: action}); len(es) == 0 {
			t.Errorf("no audit entry for %s", action)
		}
	}
	if rep, err := f.App.Audit.Verify(f.Ctx); err != nil || !rep.OK() {
		t.Errorf("audit chain %+v %v", rep, err)
	}
}

func TestAgendaRefusals(t *testing.T) {
	f := newFixture(t)
	c := f.conference("2024-10-11")
	it := f.item(c.ID, "Báo cáo tình hình kinh tế - xã hội")
	in := func(mod func(*conferences.ItemInput)) conferences.ItemInput {
		x := conferences.ItemInput{Kind: conferences.Report, Title: "Báo cáo"}
		mod(&x)
		return x
	}
	for _, tt := range []struct {
		name, field string
		in          conferences.ItemInput
	}{
		{"unknown kind", "kind", in(func(x *conferences.ItemInput) { x.Kind = "speech" })},
		{"no title", "title", in(func(x *conferences.ItemInput) { x.Title = "  " })},
		{"long title", "title", in(func(x *conferences.ItemInput) { x.Title = strings.Repeat("Báo cáo ", 200) })},
		{"unknown presenter", "presenter_id", in(func(x *conferences.ItemInput) { x.PresenterID = 99999 })},
		{"long presenter text", "presenter_text", in(func(x *conferences.ItemInput) { x.PresenterText = strings.Repeat("Ban ", 100) })},
		{"class above clearance", "class", in(func(x *conferences.ItemInput) { x.Class = 3 })},
		{"grants without class", "grants", in(func(x *conferences.ItemInput) { x.Grants = toOffice })},
		{"document twice", "document_ids", in(func(x *conferences.ItemInput) { x.DocumentIDs = []int64{5, 5} })},
		{"unknown document", "document_ids", in(func(x *conferences.ItemInput) { x.DocumentIDs = []int64{424242} })},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := f.rows()
			_, err := f.s.AddItem(f.Ctx, office, c.ID, tt.in)
			f.refused(t, before, err, problem.Invalid, tt.field)
			_, err = f.s.UpdateItem(f.Ctx, office, it.ID, tt.in)
			f.refused(t, before, err, problem.Invalid, tt.field)
		})
	}
	before := f.rows()
	f.refused(t, before, f.s.MoveItem(f.Ctx, office, it.ID, 2), problem.Invalid, "direction")
	f.refused(t, before, f.s.Adopt(f.Ctx, office, c.ID, 1), problem.Conflict, "status")
	_, err := f.s.AddItem(f.Ctx, office, 424242, conferences.ItemInput{Kind: conferences.Report, Title: "x"})
	if !problem.Is(err, problem.NotFound) {
		t.Errorf("item of an unknown conference: %v", err)
	}
	// Moving and correcting are audited.
	second := f.item(c.ID, "Tờ trình về đề án")
	if err := f.s.MoveItem(f.Ctx, office, second.ID, -1); err != nil {
		t.Fatal(err)
	}
	rec, _ := f.s.Record(f.Ctx, office, c.ID)
	if rec.Items[0].ID != second.ID || rec.Items[0].Number != 1 {
		t.Errorf("after moving up: %+v", rec.Items)
	}
	if _, err := f.s.UpdateItem(f.Ctx, office, second.ID, conferences.ItemInput{Kind: conferences.Submission, Title: "Tờ trình về đề án chuyển đổi số"}); err != nil {
		t.Fatal(err)
	}
	for _, action := range []string{"move", "update"} {
		if es, _ := f.App.Audit.List(f.Ctx, audit.Filter{Entity: "agenda_item", Action: action}); len(es) == 0 {
			t.Errorf("no audit entry for %s", action)
		}
	}
}
