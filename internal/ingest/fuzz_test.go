package ingest

import (
	"testing"
	"unicode/utf8"

	"plenum/internal/date"
)

// FindTasks never panics, and every span it gives lies in the text, the
// lead inside its clause, on character boundaries.
func FuzzFindTasks(f *testing.F) {
	for _, s := range []string{
		"Hội nghị giao Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan xây dựng kế hoạch, hoàn thành trước ngày 30/11/2021.",
		"Đề nghị UBND tỉnh khẩn trương rà soát, báo cáo trong quý I/2022; giao Sở Tài chính chủ trì cân đối nguồn vốn trước ngày 15/12.",
		"Yêu cầu các cấp ủy, tổ chức đảng triển khai thực hiện nghiêm túc.",
		"giao: ; giao cho\n\n. chủ trì chủ trì trong tháng 13/2021 trước ngày 31/02",
		"Giao Ủy ban Kiểm tra Tỉnh ủy (UBKT) chủ trì; Văn phòng Tỉnh ủy theo dõi, đôn đốc trong năm 2022!",
		"\xff giao \xfe A",
	} {
		f.Add(s)
	}
	ref := date.MustParse("2021-10-11")
	f.Fuzz(func(t *testing.T, s string) {
		for _, ts := range FindTasks(s, ref) {
			if ts.Start < 0 || ts.End > len(s) || ts.Start > ts.End {
				t.Fatalf("clause span %d-%d outside %d bytes", ts.Start, ts.End, len(s))
			}
			if ts.LeadStart < ts.Start || ts.LeadEnd > ts.End || ts.LeadStart >= ts.LeadEnd {
				t.Fatalf("lead span %d-%d outside the clause %d-%d", ts.LeadStart, ts.LeadEnd, ts.Start, ts.End)
			}
			if s[ts.LeadStart:ts.LeadEnd] != ts.Lead {
				t.Fatalf("lead %q is not the text at its span %q", ts.Lead, s[ts.LeadStart:ts.LeadEnd])
			}
			if utf8.ValidString(s) && (!utf8.ValidString(ts.Action) || !utf8.ValidString(ts.Lead)) {
				t.Fatalf("invalid UTF-8 cut from valid text: %q %q", ts.Lead, ts.Action)
			}
			if ts.Action == "" {
				t.Fatal("a task without an action")
			}
		}
	})
}
