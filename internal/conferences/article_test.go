package conferences_test

import (
	"strings"
	"testing"

	"plenum/internal/conferences"
	"plenum/internal/news"
	"plenum/internal/problem"
)

func TestGenerateArticle(t *testing.T) {
	f := newFixture(t)
	for _, on := range []string{"2024-01-20", "2024-04-15", "2024-07-10", "2024-08-30"} {
		f.conference(on)
	}
	// The fifth conference of the term, chaired by the deputy and the
	// secretary (entered in that order; the article puts the secretary first).
	c := f.conference("2024-10-11", func(in *conferences.Input) {
		in.ChairIDs = f.ids("Đinh Thị Hạnh", "Lò Văn Khánh")
		in.Subject = "đánh giá kết quả công tác 9 tháng, triển khai nhiệm vụ 3 tháng cuối năm 2024"
		in.InvitedText = "lãnh đạo các sở, ban, ngành, đoàn thể tỉnh"
	})
	if _, err := f.s.SetStatus(f.Ctx, office, c.ID, conferences.Held); err != nil {
		t.Fatal(err)
	}
	members, _ := f.s.Members(f.Ctx, c.BodyID, c.HeldOn)
	var list []conferences.Attendance
	for _, m := range members[:8] {
		list = append(list, conferences.Attendance{PersonID: m.PersonID, Status: conferences.Present})
	}
	if _, err := f.s.SetAttendance(f.Ctx, office, c.ID, list); err != nil {
		t.Fatal(err)
	}
	report := f.item(c.ID, "Báo cáo kết quả công tác 9 tháng năm 2024", func(in *conferences.ItemInput) {
		in.Kind, in.PresenterID, in.PresenterText = conferences.Report, f.persons["Bạch Văn Quý"], "Phó Bí thư Tỉnh ủy"
	})
	_ = report
	resolution := f.item(c.ID, "Dự thảo Nghị quyết về phát triển kinh tế cửa khẩu", func(in *conferences.ItemInput) {
		in.PresenterText = "Ban Cán sự đảng UBND tỉnh"
	})
	secret := f.item(c.ID, "Phương án điều động cán bộ chủ chốt", func(in *conferences.ItemInput) {
		in.Kind, in.Class, in.Grants = conferences.Submission, 1, toOffice
	})
	if _, err := f.s.RecordVote(f.Ctx, office, resolution.ID, conferences.VoteInput{Method: conferences.ShowOfHands, For: 8}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.RecordVote(f.Ctx, office, secret.ID, conferences.VoteInput{Method: conferences.SecretBallot, For: 7, Against: 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.WriteDraft(f.Ctx, office, c.ID, conferences.Conclusion, conferences.TextInput{
		Body: "Hội nghị thống nhất đánh giá kết quả 9 tháng.\n\nGiao các cấp ủy tập trung hoàn thành chỉ tiêu năm 2024."}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Approve(f.Ctx, office, c.ID, conferences.Conclusion); err != nil {
		t.Fatal(err)
	}

	a, err := f.s.GenerateArticle(f.Ctx, office, c.ID, "Phòng Thông tin")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ năm (khóa XV)" {
		t.Errorf("title %q", a.Title)
	}
	wantLead := "Sáng 11/10, tại Hội trường Tỉnh ủy, Ban Chấp hành Đảng bộ tỉnh khóa XV tổ chức Hội nghị lần thứ năm để đánh giá kết quả công tác 9 tháng, triển khai nhiệm vụ 3 tháng cuối năm 2024."
	if a.Lead != wantLead {
		t.Errorf("lead %q", a.Lead)
	}
	paras := a.Paragraphs()
	want := []string{
		// Chairs by precedence, each with their posts that day in order
		// (the central post first), without the province's name.
		"Các đồng chí: Lò Văn Khánh - Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy; Đinh Thị Hạnh - Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch Hội đồng nhân dân tỉnh chủ trì Hội nghị.",
		"Dự Hội nghị có lãnh đạo các sở, ban, ngành, đoàn thể tỉnh.",
		"Hội nghị đã nghe, thảo luận và cho ý kiến về các nội dung: Báo cáo kết quả công tác 9 tháng năm 2024; Dự thảo Nghị quyết về phát triển kinh tế cửa khẩu. Đồng chí Bạch Văn Quý - Phó Bí thư Tỉnh ủy trình bày Báo cáo kết quả công tác 9 tháng năm 2024. Ban Cán sự đảng UBND tỉnh trình bày Dự thảo Nghị quyết về phát triển kinh tế cửa khẩu.",
		"Hội nghị đã biểu quyết thông qua dự thảo Nghị quyết về phát triển kinh tế cửa khẩu với 8/9 ủy viên tán thành.",
		"Phát biểu kết luận Hội nghị, đồng chí Lò Văn Khánh - Bí thư Tỉnh ủy đã tổng hợp ý kiến thảo luận của các đại biểu.",
		"Hội nghị thống nhất đánh giá kết quả 9 tháng.",
		"Giao các cấp ủy tập trung hoàn thành chỉ tiêu năm 2024.",
	}
	if len(paras) != len(want) {
		t.Fatalf("paragraphs:\n%s", strings.Join(paras, "\n"))
	}
	for i := range want {
		if paras[i] != want[i] {
			t.Errorf("paragraph %d:\n got %q\nwant %q", i, paras[i], want[i])
		}
	}
	if strings.Contains(a.Body+a.Lead+a.Title, "điều động") {
		t.Error("the classified item reached the article")
	}
	if a.Author != "Phòng Thông tin" || a.Status != news.Draft || a.ConferenceID != c.ID {
		t.Errorf("article %+v", a)
	}
	rec, _ := f.s.Record(f.Ctx, office, c.ID)
	if len(rec.Articles) != 1 || rec.Articles[0].ID != a.ID {
		t.Errorf("articles of the record %+v", rec.Articles)
	}

	// A classified conference, or one not held, makes no article.
	closed := f.conference("2024-11-20", func(in *conferences.Input) { in.Class, in.Grants = 1, toOffice })
	before := f.rows()
	_, err = f.s.GenerateArticle(f.Ctx, office, closed.ID, "")
	f.refused(t, before, err, problem.Conflict, "class")
	planned := f.conference("2024-12-20")
	before = f.rows()
	_, err = f.s.GenerateArticle(f.Ctx, office, planned.ID, "")
	f.refused(t, before, err, problem.Conflict, "status")
}

func TestArticleOfAnOnlineReview(t *testing.T) {
	f := newFixture(t)
	c := f.conference("2024-02-18", func(in *conferences.Input) {
		in.TermID, in.Kind, in.Part, in.Venue = f.btvTerm.ID, conferences.InterimReview, conferences.Afternoon, ""
		in.Subject = "Sơ kết 3 năm thực hiện Nghị quyết số 05-NQ/TU về chuyển đổi số"
		in.Online = true
		in.Bridges = []conferences.Bridge{{Name: "Trụ sở Tỉnh ủy", Delegates: 150}, {Name: "Huyện Mường Mới", Delegates: 1450}}
		in.ChairIDs = f.ids("Lò Văn Khánh")
	})
	if _, err := f.s.SetStatus(f.Ctx, office, c.ID, conferences.Held); err != nil {
		t.Fatal(err)
	}
	a, err := f.s.GenerateArticle(f.Ctx, office, c.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Ban Thường vụ Tỉnh ủy: Hội nghị sơ kết 3 năm thực hiện Nghị quyết số 05-NQ/TU về chuyển đổi số" {
		t.Errorf("title %q", a.Title)
	}
	if a.Lead != "Chiều 18/02, Ban Thường vụ Tỉnh ủy khóa XV tổ chức Hội nghị sơ kết 3 năm thực hiện Nghị quyết số 05-NQ/TU về chuyển đổi số theo hình thức trực tuyến." {
		t.Errorf("lead %q", a.Lead)
	}
	paras := a.Paragraphs()
	if len(paras) != 2 || paras[0] != "Đồng chí Lò Văn Khánh - Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy chủ trì Hội nghị." ||
		paras[1] != "Hội nghị được tổ chức trực tuyến tại 2 điểm cầu với 1.600 đại biểu tham dự." {
		t.Errorf("paragraphs %q", paras)
	}
}
