package docsym

import (
	"fmt"
	"strings"
	"testing"
)

// cite is a compact expectation: "kind number issuer symbol date term span".
func describe(text string, c Citation) string {
	sym := ""
	if !c.Symbol.IsZero() {
		sym = c.Symbol.String()
	}
	d := ""
	if !c.Date.IsZero() {
		d = c.Date.String()
	}
	return fmt.Sprintf("%s %d %s [%s] [%s] [%s] %q", c.Kind.Schema(), c.Number, c.Issuer, sym, d, c.Term, text[c.Start:c.End])
}

func TestFindCitations(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Tiếp tục thực hiện Nghị quyết số 26-NQ/TW của Bộ Chính trị khóa XII về phát triển vùng.",
			[]string{`resolution 26 TW [26-NQ/TW] [] [XII] "Nghị quyết số 26-NQ/TW của Bộ Chính trị khóa XII"`}},
		{"Nghị quyết số 19-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng khóa XIII",
			[]string{`resolution 19 TW [19-NQ/TW] [2022-06-16] [XIII] "Nghị quyết số 19-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng khóa XIII"`}},
		{"Kế hoạch số 95-KH/TU, ngày 03 tháng 02 năm 2023 của Tỉnh ủy về chuyển đổi số.",
			[]string{`plan 95 TU [95-KH/TU] [2023-02-03] [] "Kế hoạch số 95-KH/TU, ngày 03 tháng 02 năm 2023 của Tỉnh ủy"`}},
		{"Nghị quyết số 21 của Bộ Chính trị ngày 22/11/2012 và Quyết định số 1234/QĐ-UBND ngày 5/7/2021 của UBND tỉnh",
			[]string{
				`resolution 21 TW [] [2012-11-22] [] "Nghị quyết số 21 của Bộ Chính trị ngày 22/11/2012"`,
				`decision 1234 UBND [1234/QĐ-UBND] [2021-07-05] [] "Quyết định số 1234/QĐ-UBND ngày 5/7/2021 của UBND"`,
			}},
		{"Chỉ thị số 05-CT/TW ngày 15/5 của Bộ Chính trị",
			[]string{`directive 5 TW [05-CT/TW] [] [] "Chỉ thị số 05-CT/TW"`}},
		{"Hội nghị quán triệt Kết luận số 14-KL/TW và Quy định số 41-QĐ/TW.",
			[]string{
				`conclusion 14 TW [14-KL/TW] [] [] "Kết luận số 14-KL/TW"`,
				`regulation 41 TW [41-QĐ/TW] [] [] "Quy định số 41-QĐ/TW"`,
			}},
		{"đặc biệt là Nghị quyết số 57 của Chính phủ; và Chỉ thị số 8 của Thủ tướng Chính phủ.",
			[]string{
				`resolution 57 CP [] [] [] "Nghị quyết số 57 của Chính phủ"`,
				`directive 8 TTg [] [] [] "Chỉ thị số 8 của Thủ tướng Chính phủ"`,
			}},
		{"Ban hành Chương trình hành động số 12-CTr/TU, Đề án số 03-ĐA/TU và Kế hoạch số 210-KH/TU.",
			[]string{
				`programme 12 TU [12-CTr/TU] [] [] "Chương trình hành động số 12-CTr/TU"`,
				`project 3 TU [03-ĐA/TU] [] [] "Đề án số 03-ĐA/TU"`,
				`plan 210 TU [210-KH/TU] [] [] "Kế hoạch số 210-KH/TU"`,
			}},
		{"Thực hiện Chỉ thị 19-CT/TW, Nghị quyết 06/NQ-TU và Nghị định 45/2022/NĐ-CP.",
			[]string{
				`directive 19 TW [19-CT/TW] [] [] "Chỉ thị 19-CT/TW"`,
				`resolution 6 TU [06-NQ/TU] [] [] "Nghị quyết 06/NQ-TU"`,
				`decree 45 CP [45/2022/NĐ-CP] [] [] "Nghị định 45/2022/NĐ-CP"`,
			}},
		{"theo Quyết định số 2345/QĐ-UBND của UBND tỉnh và Nghị quyết số 20/2023/NQ-HĐND của HĐND tỉnh",
			[]string{
				`decision 2345 UBND [2345/QĐ-UBND] [] [] "Quyết định số 2345/QĐ-UBND của UBND"`,
				`resolution 20 HĐND [20/2023/NQ-HĐND] [] [] "Nghị quyết số 20/2023/NQ-HĐND của HĐND"`,
			}},
		{"triển khai các Nghị quyết số 15, 16 và 17-NQ/TU của Ban Chấp hành Đảng bộ tỉnh",
			[]string{
				`resolution 15 TU [15-NQ/TU] [] [] "Nghị quyết số 15"`,
				`resolution 16 TU [16-NQ/TU] [] [] "16"`,
				`resolution 17 TU [17-NQ/TU] [] [] "17-NQ/TU của Ban Chấp hành Đảng bộ tỉnh"`,
			}},
		{"Hướng dẫn số 02-HD/BTGTU của Ban Tuyên giáo Tỉnh ủy", []string{
			`guideline 2 BTGTU [02-HD/BTGTU] [] [] "Hướng dẫn số 02-HD/BTGTU của Ban Tuyên giáo Tỉnh ủy"`}},
		{"Công văn số 4521/UBND-KT về việc báo cáo", []string{
			`letter 4521 UBND [4521/UBND-KT] [] [] "Công văn số 4521/UBND-KT"`}},
		{"Thông báo kết luận số 88-TB/TU của Thường trực Tỉnh ủy", []string{
			`notice 88 TU [88-TB/TU] [] [] "kết luận số 88-TB/TU của Thường trực Tỉnh ủy"`}},
		{"Luật Tổ chức chính quyền địa phương số 77/2015/QH13 và Luật Đất đai năm 2024", []string{
			`law 77 QH [77/2015/QH13] [] [] "Luật Tổ chức chính quyền địa phương số 77/2015/QH13"`}},
		{"Luật số 55/2014/QH13 và nghị quyết số 30 của Huyện ủy", []string{
			`law 55 QH [55/2014/QH13] [] [] "Luật số 55/2014/QH13"`,
			`resolution 30 HU [] [] [] "nghị quyết số 30 của Huyện ủy"`}},
		// A later mention without an issuer takes the earlier one's.
		{"Kết luận số 36-KL/TW ... Việc thực hiện Kết luận số 36 phải nghiêm túc.", []string{
			`conclusion 36 TW [36-KL/TW] [] [] "Kết luận số 36-KL/TW"`,
			`conclusion 36 TW [] [] [] "Kết luận số 36"`}},
		// Old tone placement, capitals and the portal's Ð.
		{"NGHỊ QUYẾT SỐ 05-NQ/TU CỦA TỈNH UỶ; Quyết định số 99-Q\u00d0/TW", []string{
			`resolution 5 TU [05-NQ/TU] [] [] "NGHỊ QUYẾT SỐ 05-NQ/TU CỦA TỈNH UỶ"`,
			`decision 99 TW [99-QĐ/TW] [] [] "Quyết định số 99-QÐ/TW"`}},

		// Not citations.
		{"Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XII đã đề ra.", nil},
		{"Xây dựng kế hoạch 5 năm 2021-2025 và Nghị quyết Trung ương 4 khóa XII.", nil},
		{"Kế hoạch 2024 của tỉnh; Nghị quyết, kết luận của Trung ương.", nil},
		{"Sau 20 năm thực hiện Nghị quyết, với 54 hợp tác xã.", nil},
	}
	for _, tt := range tests {
		got := FindCitations(tt.text)
		var desc []string
		for _, c := range got {
			desc = append(desc, describe(tt.text, c))
		}
		if strings.Join(desc, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("FindCitations(%q):\n got: %s\nwant: %s", tt.text, strings.Join(desc, "\n      "), strings.Join(tt.want, "\n      "))
		}
	}
}
