package vn

import (
	"reflect"
	"testing"
)

func TestParseOrdinal(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"lần thứ tư", 4},
		{"thứ tư", 4},
		{"thứ bốn", 4},
		{"thứ mười hai", 12},
		{"thứ nhất", 1},
		{"thứ nhì", 2},
		{"thứ hai", 2},
		{"lần thứ 5", 5},
		{"lần thứ XII", 12},
		{"lần thứ xii", 12},
		{"khóa XII", 12},
		{"khoá XIII", 13},
		{"Lần Thứ Năm", 5},
		{"lần thứ mười lăm", 15},
		{"thứ hai mươi mốt", 21},
		{"thứ mười một", 11},
		{"XVII", 17},
		{"12", 12},
		{"mười hai", 12},
	}
	for _, tt := range tests {
		got, err := ParseOrdinal(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseOrdinal(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
}

func TestParseOrdinalErrors(t *testing.T) {
	tests := []struct{ in, message string }{
		{"", `vn: at byte 0: expected an ordinal number (digits, Roman numeral or words), found end of text`},
		{"lần thứ", `vn: at byte 11: expected an ordinal number (digits, Roman numeral or words), found end of text`},
		{"lần năm", `vn: at byte 6: expected "thứ" after "lần", found "năm"`},
		{"thứ một", `vn: at byte 6: expected "nhất" for the first, found "một"`},
		{"thứ 0", `vn: at byte 6: expected an ordinal number 1-999999, found "0"`},
		{"thứ 1234567", `vn: at byte 6: expected an ordinal number 1-999999, found "1234567"`},
		{"thứ IIII", `vn: at byte 6: expected an ordinal number (digits, Roman numeral or words), found "IIII"`},
		{"thứ không", `vn: at byte 6: expected an ordinal number (digits, Roman numeral or words), found "không"`},
		{"lần thứ năm khóa XII", `vn: at byte 17: expected the end of the number, found "khóa"`},
		{"thứ mười năm", `vn: at byte 14: expected "lăm" for 5 after "mười", found "năm"`},
	}
	for _, tt := range tests {
		n, err := ParseOrdinal(tt.in)
		if err == nil || err.Error() != tt.message {
			t.Errorf("ParseOrdinal(%q) = %d, %v; want error %s", tt.in, n, err, tt.message)
		}
	}
}

func TestFindOrdinals(t *testing.T) {
	text := "Sáng nay, Ban Chấp hành Đảng bộ tỉnh khóa XII họp Hội nghị lần thứ năm. " +
		"Kỳ họp thứ mười hai HĐND tỉnh (khoá XVII) đã bàn về Đại hội lần thứ XI và lần thứ 2; " +
		"thứ trưởng dự; lần thứ tư và thứ năm; khóa học mới; Khóa 3; lần thứ vi."
	type m struct {
		phrase string
		kind   OrdinalKind
		value  int
	}
	want := []m{
		{"khóa XII", OrdinalTerm, 12},
		{"lần thứ năm", OrdinalTimes, 5},
		{"thứ mười hai", OrdinalNth, 12},
		{"khoá XVII", OrdinalTerm, 17},
		{"lần thứ XI", OrdinalTimes, 11},
		{"lần thứ 2", OrdinalTimes, 2},
		{"lần thứ tư", OrdinalTimes, 4},
		{"thứ năm", OrdinalNth, 5},
		{"Khóa 3", OrdinalTerm, 3},
	}
	var got []m
	for _, f := range FindOrdinals(text) {
		got = append(got, m{text[f.Start:f.End], f.Kind, f.Value})
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FindOrdinals:\n got %v\nwant %v", got, want)
	}
	if f := FindOrdinals("lần\u00a0thứ  ba\nmươi"); len(f) != 1 || f[0].Value != 30 {
		t.Errorf("FindOrdinals across odd spaces = %+v", f)
	}
	if f := FindOrdinals("Kỳ họp thứ hai trăm linh"); len(f) != 1 || f[0].Value != 200 {
		t.Errorf(`FindOrdinals("… thứ hai trăm linh") = %+v, want 200 ("linh" cannot end a number)`, f)
	}
}

func TestFormatOrdinal(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{0, ""}, {1, "thứ nhất"}, {2, "thứ hai"}, {4, "thứ tư"}, {5, "thứ năm"},
		{12, "thứ mười hai"}, {14, "thứ mười bốn"}, {21, "thứ hai mươi mốt"},
	}
	for _, tt := range tests {
		got := FormatOrdinal(tt.n)
		if got != tt.want {
			t.Errorf("FormatOrdinal(%d) = %q, want %q", tt.n, got, tt.want)
		}
		if tt.n > 0 {
			if back, err := ParseOrdinal(got); err != nil || back != tt.n {
				t.Errorf("ParseOrdinal(%q) = %d, %v", got, back, err)
			}
		}
	}
}
