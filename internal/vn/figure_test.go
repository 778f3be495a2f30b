package vn

import (
	"encoding/json"
	"errors"
	"testing"
)

// fig is a compact expectation for a found figure.
type fig struct {
	kind  FigureKind
	value string
	upper string // "" when not a range
	of    string // ratios
	qual  Qualifier
	unit  string
	text  string // the spanned text
}

func checkFigures(t *testing.T, text string, got []Figure, want []fig) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("FindFigures(%q) found %d figures, want %d:", text, len(got), len(want))
		for _, f := range got {
			t.Errorf("   %v %s %q %q", f.Kind, f.Value, f.Unit, text[f.Start:f.End])
		}
		return
	}
	for i, w := range want {
		f := got[i]
		upper := ""
		if f.Range {
			upper = f.Upper.String()
		}
		of := ""
		if f.Kind == FigureRatio {
			of = f.Of.String()
		}
		if f.Kind != w.kind || f.Value.String() != w.value || upper != w.upper || of != w.of ||
			f.Qualifier != w.qual || f.Unit != w.unit || text[f.Start:f.End] != w.text {
			t.Errorf("FindFigures(%q)[%d] = %v %s-%s of %s %q unit %q span %q; want %+v",
				text, i, f.Kind, f.Value, upper, of, f.Qualifier, f.Unit, text[f.Start:f.End], w)
		}
	}
}

func TestFindFigures(t *testing.T) {
	tests := []struct {
		text string
		want []fig
	}{
		{"Tăng trưởng kinh tế quý III ước đạt 4,15%, cao hơn bình quân cả nước.",
			[]fig{{kind: FigurePercent, value: "4.15", qual: QualEstimated, text: "4,15%"}}},
		{"Tổng thu ngân sách đạt 3.120 tỷ đồng, bằng 104,2% dự toán.",
			[]fig{
				{kind: FigureMoney, value: "3120000000000", qual: QualReached, unit: "đồng", text: "3.120 tỷ đồng"},
				{kind: FigurePercent, value: "104.2", text: "104,2%"},
			}},
		{"Thu nhập bình quân đạt 52,5 triệu đồng/người/năm.",
			[]fig{{kind: FigureMoney, value: "52500000", qual: QualReached, unit: "đồng/người/năm", text: "52,5 triệu đồng/người/năm"}}},
		{"Giá trị xuất khẩu khoảng 12,8 triệu USD.",
			[]fig{{kind: FigureMoney, value: "12800000", qual: QualAbout, unit: "USD", text: "12,8 triệu USD"}}},
		{"Vốn đầu tư toàn xã hội đạt 18.000 nghìn tỷ đồng.",
			[]fig{{kind: FigureMoney, value: "18000000000000000", qual: QualReached, unit: "đồng", text: "18.000 nghìn tỷ đồng"}}},
		{"Kinh phí hỗ trợ 150.000đ mỗi suất.",
			[]fig{{kind: FigureMoney, value: "150000", unit: "đồng", text: "150.000đ"}}},
		{"Doanh thu ước 205,750 tỷ đồng.",
			[]fig{{kind: FigureMoney, value: "205750000000", qual: QualEstimated, unit: "đồng", text: "205,750 tỷ đồng"}}},
		{"Phấn đấu tăng trưởng 7-7,5% trong năm tới.",
			[]fig{{kind: FigurePercent, value: "7", upper: "7.5", text: "7-7,5%"}}},
		{"Tỷ lệ hộ nghèo giảm 1,5% - 2% mỗi năm.",
			[]fig{{kind: FigurePercent, value: "1.5", upper: "2", qual: QualDecrease, text: "1,5% - 2%"}}},
		{"Có 18/22 chỉ tiêu đạt và vượt kế hoạch.",
			[]fig{{kind: FigureRatio, value: "18", of: "22", unit: "chỉ tiêu", text: "18/22 chỉ tiêu"}}},
		{"Đã có 9/9 huyện hoàn thành.",
			[]fig{{kind: FigureRatio, value: "9", of: "9", unit: "huyện", text: "9/9 huyện"}}},
		{"Hội nghị có trên 2.300 đại biểu dự tại 120 điểm cầu.",
			[]fig{
				{kind: FigureCount, value: "2300", qual: QualOver, unit: "đại biểu", text: "2.300 đại biểu"},
				{kind: FigureCount, value: "120", unit: "điểm cầu", text: "120 điểm cầu"},
			}},
		{"Đón hơn 2.150 nghìn lượt khách.",
			[]fig{{kind: FigureCount, value: "2150000", qual: QualOver, unit: "lượt", text: "2.150 nghìn lượt"}}},
		{"Toàn tỉnh có 61 HTX được công nhận.",
			[]fig{{kind: FigureCount, value: "61", unit: "HTX", text: "61 HTX"}}},
		{"Sản lượng đạt gần 1,2 triệu tấn.",
			[]fig{{kind: FigureCount, value: "1200000", qual: QualNearly, unit: "tấn", text: "1,2 triệu tấn"}}},
		{"Dân số khoảng 1,5 triệu.",
			[]fig{{kind: FigureNumber, value: "1500000", qual: QualAbout, text: "1,5 triệu"}}},
		{"Tỷ lệ bao phủ đạt 3.5% theo cách ghi của báo.",
			[]fig{{kind: FigurePercent, value: "3.5", qual: QualReached, text: "3.5%"}}},
		{"Tăng 12% so với cùng kỳ năm 2023.",
			[]fig{{kind: FigurePercent, value: "12", qual: QualIncrease, text: "12%"}}},

		// Numbers that are not figures.
		{"Ngày 18/3/2002, Ban Chấp hành ban hành Nghị quyết số 15-NQ/TW.", nil},
		{"Chiều 18/02, hội nghị khai mạc lúc 14:30.", nil},
		{"11/10/2021", nil},
		{"Cập nhật 04/12/2020 - 20:06", nil},
		{"Khai mạc ngày 4.12.2020 tại hội trường.", nil},
		{"Thực hiện Nghị quyết số 12/2021/NQ-HĐND và Quyết định 123/QĐ-UBND.", nil},
		{"Đại hội lần thứ 2 nhiệm kỳ 2020-2025 thông qua Điều 5.", nil},
		{"Giai đoạn 2021 - 2025, so với năm 2020 và cùng kỳ 2019.", nil},
		{"Phòng, chống dịch Covid-19 và Covid -19 theo phương châm 5K.", nil},
		{"Báo cáo quý 3/2021 đã gửi.", nil},
		{"1. Nội dung thứ nhất\n2) Nội dung thứ hai", nil},
		{"xem mục 2.3 của báo cáo", nil},
	}
	for _, tt := range tests {
		checkFigures(t, tt.text, FindFigures(tt.text), tt.want)
	}
}

func TestFindFiguresDongIsNotAlwaysMoney(t *testing.T) {
	for _, text := range []string{
		"Ban Chấp hành khóa mới gồm 33 đồng chí.",
		"Tặng quà cho 500 đồng bào có hoàn cảnh khó khăn.",
	} {
		for _, f := range FindFigures(text) {
			if f.Kind == FigureMoney {
				t.Errorf("FindFigures(%q): %q read as money", text, text[f.Start:f.End])
			}
		}
	}
	checkFigures(t, "Mức hỗ trợ 500 đồng mỗi ngày", FindFigures("Mức hỗ trợ 500 đồng mỗi ngày"),
		[]fig{{kind: FigureMoney, value: "500", unit: "đồng", text: "500 đồng"}})
}

func TestParseFigure(t *testing.T) {
	tests := []struct {
		in   string
		want fig
	}{
		{"3,42%", fig{kind: FigurePercent, value: "3.42", text: "3,42%"}},
		{"1.600", fig{kind: FigureNumber, value: "1600", text: "1.600"}},
		{"trên 1.600", fig{kind: FigureNumber, value: "1600", qual: QualOver, text: "1.600"}},
		{"15.000 tỷ đồng", fig{kind: FigureMoney, value: "15000000000000", unit: "đồng", text: "15.000 tỷ đồng"}},
		{"47 triệu đồng/người/năm", fig{kind: FigureMoney, value: "47000000", unit: "đồng/người/năm", text: "47 triệu đồng/người/năm"}},
		{"10-10,5%", fig{kind: FigurePercent, value: "10", upper: "10.5", text: "10-10,5%"}},
		{"15/25", fig{kind: FigureRatio, value: "15", of: "25", text: "15/25"}},
		{"15/25 chỉ tiêu", fig{kind: FigureRatio, value: "15", of: "25", unit: "chỉ tiêu", text: "15/25 chỉ tiêu"}},
		{"1.605 nghìn lượt khách", fig{kind: FigureCount, value: "1605000", unit: "lượt khách", text: "1.605 nghìn lượt khách"}},
		{"ước đạt 2,5 tỷ USD", fig{kind: FigureMoney, value: "2500000000", qual: QualEstimated, unit: "USD", text: "2,5 tỷ USD"}},
	}
	for _, tt := range tests {
		f, err := ParseFigure(tt.in)
		if err != nil {
			t.Errorf("ParseFigure(%q): %v", tt.in, err)
			continue
		}
		checkFigures(t, tt.in, []Figure{f}, []fig{tt.want})
	}
	for _, bad := range []string{"", "1.5%", "3,42% tăng", "abc", "25/15", "15.000 tỷ đồng nữa", "1,2,3", "10 - ", "5/0"} {
		_, err := ParseFigure(bad)
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("ParseFigure(%q) = %v, want a *ParseError", bad, err)
		}
	}
}

func TestFigureString(t *testing.T) {
	tests := []struct {
		f    Figure
		want string
	}{
		{Figure{Kind: FigurePercent, Value: NewDecimal(342, -2)}, "3,42%"},
		{Figure{Kind: FigureNumber, Value: NewDecimal(1600, 0)}, "1.600"},
		{Figure{Kind: FigureMoney, Value: NewDecimal(15, 12), Unit: "đồng"}, "15.000 tỷ đồng"},
		{Figure{Kind: FigureMoney, Value: NewDecimal(15, 5), Unit: "đồng"}, "1,5 triệu đồng"},
		{Figure{Kind: FigureMoney, Value: NewDecimal(47, 6), Unit: "đồng/người/năm"}, "47 triệu đồng/người/năm"},
		{Figure{Kind: FigureMoney, Value: NewDecimal(4337, 8), Unit: "đồng"}, "433,7 tỷ đồng"},
		{Figure{Kind: FigureMoney, Value: NewDecimal(1234567, 0), Unit: "đồng"}, "1.234.567 đồng"},
		{Figure{Kind: FigurePercent, Value: NewDecimal(10, 0), Upper: NewDecimal(105, -1), Range: true}, "10-10,5%"},
		{Figure{Kind: FigureRatio, Value: NewDecimal(15, 0), Of: NewDecimal(25, 0), Unit: "chỉ tiêu"}, "15/25 chỉ tiêu"},
		{Figure{Kind: FigureCount, Value: NewDecimal(1600, 0), Qualifier: QualOver, Unit: "đại biểu"}, "trên 1.600 đại biểu"},
	}
	for _, tt := range tests {
		if got := tt.f.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
		back, err := ParseFigure(tt.want)
		if err != nil {
			t.Errorf("ParseFigure(%q): %v", tt.want, err)
			continue
		}
		if back.Value != tt.f.Value || back.Kind != tt.f.Kind || back.Unit != tt.f.Unit {
			t.Errorf("ParseFigure(%q) = %v %s %q, want %v %s %q", tt.want, back.Kind, back.Value, back.Unit, tt.f.Kind, tt.f.Value, tt.f.Unit)
		}
	}
}

func TestFigureJSON(t *testing.T) {
	f := FindFigures("thu ngân sách ước đạt 2.664 tỷ đồng")[0]
	b, err := json.Marshal(f)
	want := `{"Kind":"money","Value":2664000000000,"Upper":0,"Range":false,"Of":0,"Qualifier":"ước đạt","Unit":"đồng","Start":30,"End":48}`
	if err != nil || string(b) != want {
		t.Errorf("json = %s, %v; want %s", b, err, want)
	}
}
