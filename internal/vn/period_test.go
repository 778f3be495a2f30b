package vn

import (
	"reflect"
	"testing"

	"plenum/internal/date"
)

func TestParsePeriod(t *testing.T) {
	ref := date.MustParse("2021-10-11")
	tests := []struct {
		in          string
		kind        PeriodKind
		first, last string
		label       string
	}{
		{"18/3/2002", PeriodDay, "2002-03-18", "2002-03-18", "ngày 18/03/2002"},
		{"Chiều 18/02", PeriodDay, "2022-02-18", "2022-02-18", "chiều ngày 18/02/2022"}, // nearer than 2021-02-18,
		{"tháng 3/2021", PeriodMonth, "2021-03-01", "2021-03-31", "tháng 3/2021"},
		{"tháng 02 năm 2024", PeriodMonth, "2024-02-01", "2024-02-29", "tháng 2/2024"},
		{"3/2021", PeriodMonth, "2021-03-01", "2021-03-31", "tháng 3/2021"},
		{"tháng 9", PeriodMonth, "2021-09-01", "2021-09-30", "tháng 9/2021"},
		{"quý I/2021", PeriodQuarter, "2021-01-01", "2021-03-31", "quý I/2021"},
		{"quý IV năm 2021", PeriodQuarter, "2021-10-01", "2021-12-31", "quý IV/2021"},
		{"Quý 2/2021", PeriodQuarter, "2021-04-01", "2021-06-30", "quý II/2021"},
		{"quý III", PeriodQuarter, "2021-07-01", "2021-09-30", "quý III/2021"},
		{"6 tháng đầu năm 2021", PeriodHalfYear, "2021-01-01", "2021-06-30", "6 tháng đầu năm 2021"},
		{"6 tháng cuối năm 2021", PeriodHalfYear, "2021-07-01", "2021-12-31", "6 tháng cuối năm 2021"},
		{"6 tháng", PeriodHalfYear, "2021-01-01", "2021-06-30", "6 tháng đầu năm 2021"},
		{"9 tháng", PeriodNineMonths, "2021-01-01", "2021-09-30", "9 tháng năm 2021"},
		{"9 tháng năm 2020", PeriodNineMonths, "2020-01-01", "2020-09-30", "9 tháng năm 2020"},
		{"9 tháng đầu năm 2021", PeriodNineMonths, "2021-01-01", "2021-09-30", "9 tháng năm 2021"},
		{"3 tháng cuối năm 2021", PeriodQuarter, "2021-10-01", "2021-12-31", "quý IV/2021"},
		{"4 tháng đầu năm 2022", PeriodMonths, "2022-01-01", "2022-04-30", "4 tháng đầu năm 2022"},
		{"2 tháng cuối năm", PeriodMonths, "2021-11-01", "2021-12-31", "2 tháng cuối năm 2021"},
		{"năm 2021", PeriodYear, "2021-01-01", "2021-12-31", "năm 2021"},
		{"2021", PeriodYear, "2021-01-01", "2021-12-31", "năm 2021"},
		{"nhiệm kỳ 2020 - 2025", PeriodTerm, "2020-01-01", "2025-12-31", "nhiệm kỳ 2020–2025"},
		{"nhiệm kỳ 2020–2025", PeriodTerm, "2020-01-01", "2025-12-31", "nhiệm kỳ 2020–2025"},
		{"Nhiệm kì 2020-2025", PeriodTerm, "2020-01-01", "2025-12-31", "nhiệm kỳ 2020–2025"},
		{"giai đoạn 2021-2025", PeriodYears, "2021-01-01", "2025-12-31", "giai đoạn 2021–2025"},
		{"2021 — 2025", PeriodYears, "2021-01-01", "2025-12-31", "giai đoạn 2021–2025"},
	}
	for _, tt := range tests {
		p, err := ParsePeriod(tt.in, ref)
		if err != nil || p.Kind != tt.kind || p.First.String() != tt.first || p.Last.String() != tt.last || p.Label() != tt.label {
			t.Errorf("ParsePeriod(%q) = %+v %q, %v; want %v %s..%s %q", tt.in, p, p.Label(), err, tt.kind, tt.first, tt.last, tt.label)
		}
	}
}

func TestParsePeriodNearestYear(t *testing.T) {
	tests := []struct{ in, ref, first string }{
		// Months: the nearest.
		{"tháng 12", "2022-01-05", "2021-12-01"},
		{"tháng 1", "2021-12-20", "2022-01-01"},
		{"tháng 10", "2021-10-11", "2021-10-01"},
		// Reporting periods: the reference's year.
		{"quý I", "2021-10-11", "2021-01-01"},
		{"quý IV", "2021-03-01", "2021-10-01"},
		{"6 tháng", "2021-10-11", "2021-01-01"},
		{"6 tháng cuối năm", "2021-06-28", "2021-07-01"},
		{"9 tháng", "2021-10-11", "2021-01-01"},
		{"3 tháng cuối năm", "2021-10-11", "2021-10-01"},
	}
	for _, tt := range tests {
		p, err := ParsePeriod(tt.in, date.MustParse(tt.ref))
		if err != nil || p.First.String() != tt.first {
			t.Errorf("ParsePeriod(%q, %s) = %+v, %v; want it to start on %s", tt.in, tt.ref, p, err, tt.first)
		}
	}
}

func TestParsePeriodErrors(t *testing.T) {
	ref := date.MustParse("2021-10-11")
	tests := []struct{ in, message string }{
		{"nhiệm kỳ 2021 - 2016", `vn: at byte 20: expected a year after 2021, found "2016"`},
		{"nhiệm kỳ 2020", `vn: at byte 17: expected a dash ("-" or "–") between the years, found end of text`},
		{"nhiệm kỳ 20-25", `vn: at byte 13: expected a four-digit year, found "20"`},
		{"quý V/2021", `vn: at byte 5: expected a quarter I-IV, found "V"`},
		{"quý báu", `vn: at byte 5: expected a quarter I-IV, found "báu"`},
		{"quý 5", `vn: at byte 5: expected a quarter I-IV, found "5"`},
		{"tháng 13/2021", `vn: at byte 7: expected a month 1-12, found "13"`},
		{"tháng 3/21", `vn: at byte 9: expected a four-digit year, found "21"`},
		{"3 tháng qua", `vn: at byte 9: expected "đầu năm" or "cuối năm" after "3 tháng", found "qua"`},
		{"6 tháng đầu", `vn: at byte 15: expected "năm" after "đầu", found end of text`},
		{"12 tháng", `vn: at byte 0: expected a number of months 1-11, found "12"`},
		{"năm nay", `vn: at byte 5: expected a four-digit year, found "nay"`},
		{"năm 2021 và 2022", `vn: at byte 10: expected the end of the date, found "và"`},
		{"Việt Nam", `vn: at byte 0: expected a date or period, found "Việt"`},
	}
	for _, tt := range tests {
		p, err := ParsePeriod(tt.in, ref)
		if err == nil || err.Error() != tt.message {
			t.Errorf("ParsePeriod(%q) = %+v, %v; want error %s", tt.in, p, err, tt.message)
		}
	}
	if _, err := ParsePeriod("quý I", date.Date{}); err == nil {
		t.Error(`ParsePeriod("quý I") without a reference date succeeded`)
	}
}

func TestFindPeriods(t *testing.T) {
	ref := date.MustParse("2022-02-20")
	text := "Chiều 18/02, Ban Thường vụ Tỉnh ủy họp về Nghị quyết số 13-NQ/TW ngày 18/3/2002 " +
		"và Kết luận số 21-KL/TW ngày 14 tháng 01 năm 2022; đạt 15/25 chỉ tiêu trong 9 tháng, " +
		"quý I/2022 và 6 tháng đầu năm 2022, nhiệm kỳ 2020 - 2025, giai đoạn 2021–2025. " +
		"Quyết định số 12/2021/NQ-HĐND; số 3/2021; năm 2021 và năm nay; tối đa 3 tháng; cập nhật 11/10/2021 - 20:06; " +
		"ngày: 04/12/2020; (18/3/2002); 1/2/3/2021; tháng 3/2021; Sáng thứ Hai."
	type m struct {
		phrase string
		kind   PeriodKind
		first  string
	}
	want := []m{
		{"Chiều 18/02", PeriodDay, "2022-02-18"},
		{"ngày 18/3/2002", PeriodDay, "2002-03-18"},
		{"ngày 14 tháng 01 năm 2022", PeriodDay, "2022-01-14"},
		{"9 tháng", PeriodNineMonths, "2022-01-01"},
		{"quý I/2022", PeriodQuarter, "2022-01-01"},
		{"6 tháng đầu năm 2022", PeriodHalfYear, "2022-01-01"},
		{"nhiệm kỳ 2020 - 2025", PeriodTerm, "2020-01-01"},
		{"giai đoạn 2021–2025", PeriodYears, "2021-01-01"},
		{"năm 2021", PeriodYear, "2021-01-01"},
		{"11/10/2021", PeriodDay, "2021-10-11"},
		{"04/12/2020", PeriodDay, "2020-12-04"},
		{"18/3/2002", PeriodDay, "2002-03-18"},
		{"tháng 3/2021", PeriodMonth, "2021-03-01"},
	}
	var got []m
	for _, f := range FindPeriods(text, ref) {
		got = append(got, m{text[f.Start:f.End], f.Kind, f.First.String()})
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FindPeriods:\n got %v\nwant %v", got, want)
	}
	// Without a reference date, forms without a year are not found.
	var phrases []string
	for _, f := range FindPeriods("Chiều 18/02 và ngày 14/01/2022, quý I", date.Date{}) {
		phrases = append(phrases, f.Label())
	}
	if !reflect.DeepEqual(phrases, []string{"ngày 14/01/2022"}) {
		t.Errorf("FindPeriods without a reference date = %q", phrases)
	}
}
