package ingest

import (
	"testing"

	"plenum/internal/date"
)

func TestFindTasks(t *testing.T) {
	ref := date.MustParse("2021-10-11")
	for _, c := range []struct {
		text string
		want []TaskSentence // Lead, Action, Deadline, Due are compared
	}{
		{"Hội nghị giao Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan xây dựng kế hoạch tuyên truyền nghị quyết, hoàn thành trước ngày 30/11/2021.",
			[]TaskSentence{{Lead: "Ban Tuyên giáo Tỉnh ủy", Action: "Xây dựng kế hoạch tuyên truyền nghị quyết", Deadline: "trước ngày 30/11/2021", Due: date.MustParse("2021-11-30")}}},
		{"Đồng chí Bí thư đề nghị UBND tỉnh khẩn trương rà soát các dự án chậm tiến độ, báo cáo trong quý I/2022.",
			[]TaskSentence{{Lead: "UBND tỉnh", Action: "Khẩn trương rà soát các dự án chậm tiến độ, báo cáo", Deadline: "trong quý I/2022", Due: date.MustParse("2022-03-31")}}},
		{"Yêu cầu các cấp ủy, tổ chức đảng triển khai thực hiện nghiêm túc kết luận của hội nghị.",
			[]TaskSentence{{Lead: "các cấp ủy, tổ chức đảng", Action: "Triển khai thực hiện nghiêm túc kết luận của hội nghị"}}},
		{"Hội nghị giao: Văn phòng Tỉnh ủy tham mưu tổng hợp ý kiến trong tháng 11; Sở Tài chính chủ trì cân đối nguồn vốn trước ngày 15/12.",
			[]TaskSentence{
				{Lead: "Văn phòng Tỉnh ủy", Action: "Tham mưu tổng hợp ý kiến", Deadline: "trong tháng 11", Due: date.MustParse("2021-11-30")},
				{Lead: "Sở Tài chính", Action: "Cân đối nguồn vốn", Deadline: "trước ngày 15/12", Due: date.MustParse("2021-12-15")}}},
		// Reports of what was done are not assignments.
		{"Năm qua, tỉnh đã chỉ đạo các huyện triển khai nhiều giải pháp. Các nhiệm vụ được giao cơ bản hoàn thành.", nil},
		{"Hội nghị đã thảo luận, thống nhất cao các nội dung.", nil},
	} {
		got := FindTasks(c.text, ref)
		if len(got) != len(c.want) {
			t.Errorf("%q: %d tasks %+v, want %d", c.text, len(got), got, len(c.want))
			continue
		}
		for i, g := range got {
			w := c.want[i]
			if g.Lead != w.Lead || g.Action != w.Action || g.Deadline != w.Deadline || g.Due != w.Due {
				t.Errorf("%q task %d:\n got %q | %q | %q | %s\nwant %q | %q | %q | %s", c.text, i, g.Lead, g.Action, g.Deadline, g.Due, w.Lead, w.Action, w.Deadline, w.Due)
			}
			if c.text[g.LeadStart:g.LeadEnd] != g.Lead || g.Start > g.LeadStart || g.End < g.LeadEnd {
				t.Errorf("%q task %d: spans %d-%d lead %d-%d", c.text, i, g.Start, g.End, g.LeadStart, g.LeadEnd)
			}
		}
	}
}
