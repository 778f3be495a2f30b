package vn

import (
	"testing"

	"plenum/internal/date"
)

func TestParseDate(t *testing.T) {
	ref := date.MustParse("2022-02-20")
	tests := []struct {
		in   string
		ref  date.Date
		want string
		part PartOfDay
	}{
		{"18/3/2002", date.Date{}, "2002-03-18", 0},
		{"14/01/2022", date.Date{}, "2022-01-14", 0},
		{"14-01-2022", date.Date{}, "2022-01-14", 0},
		{"04.12.2020", date.Date{}, "2020-12-04", 0},
		{"2022-01-14", date.Date{}, "2022-01-14", 0},
		{"ngày 14 tháng 01 năm 2022", date.Date{}, "2022-01-14", 0},
		{"ngày 18 tháng 3 năm 2002", date.Date{}, "2002-03-18", 0},
		{"18 tháng 3 năm 2002", date.Date{}, "2002-03-18", 0},
		{"Ngày 18/3/2002", date.Date{}, "2002-03-18", 0},
		{"ngày  29/02/2024", date.Date{}, "2024-02-29", 0},
		{"Chiều 18/02", ref, "2022-02-18", Afternoon},
		{"Sáng 11/10", date.MustParse("2021-10-11"), "2021-10-11", Morning},
		{"chiều ngày 18/02/2022", date.Date{}, "2022-02-18", Afternoon},
		{"tối 5/7", ref, "2022-07-05", Evening},
		{"trưa 1/3/2022", date.Date{}, "2022-03-01", Noon},
		{"đêm 30/4", ref, "2022-04-30", Night},
		{"ngày 5/7", ref, "2022-07-05", 0},
		{"5/7", ref, "2022-07-05", 0},
		{"ngày 5 tháng 7", ref, "2022-07-05", 0},
		// The year nearest to the reference date.
		{"ngày 28/12", date.MustParse("2022-01-05"), "2021-12-28", 0},
		{"ngày 3/1", date.MustParse("2021-12-28"), "2022-01-03", 0},
		{"ngày 29/02", date.MustParse("2023-06-01"), "2024-02-29", 0},
		{"ngày 1/1", date.MustParse("2021-07-02"), "2021-01-01", 0}, // 182 days back, 183 ahead
	}
	for _, tt := range tests {
		got, part, err := ParseDate(tt.in, tt.ref)
		if err != nil || got.String() != tt.want || part != tt.part {
			t.Errorf("ParseDate(%q, %v) = %v, %v, %v; want %s, %v", tt.in, tt.ref, got, part, err, tt.want, tt.part)
		}
	}
}

func TestParseDateErrors(t *testing.T) {
	ref := date.MustParse("2022-02-20")
	tests := []struct {
		in      string
		ref     date.Date
		message string
	}{
		{"", ref, `vn: at byte 0: expected a date or period, found end of text`},
		{"32/01/2022", ref, `vn: at byte 0: expected a day 1-31, found "32"`},
		{"14/13/2022", ref, `vn: at byte 3: expected a month 1-12, found "13"`},
		{"ngày 14/13/2022", ref, `vn: at byte 9: expected a month 1-12, found "13"`},
		{"29/02/2021", ref, `vn: at byte 0: expected a day 1-28 for 2/2021, found "29"`},
		{"31/4", ref, `vn: at byte 0: expected a day 1-30 for month 4, found "31"`},
		{"14/01/22", ref, `vn: at byte 6: expected a four-digit year, found "22"`},
		{"14/01-2022", ref, `vn: at byte 5: expected the end of the date, found "-"`},
		{"14 / 01 / 2022", ref, `vn: at byte 3: expected "/", "tháng" or a year, found "/"`},
		{"18/02", date.Date{}, `vn: at byte 5: expected a year (the text has none and there is no reference date), found end of text`},
		{"ngày 14 tháng 01 năm 2022 lúc 8 giờ", ref, `vn: at byte 29: expected the end of the date, found "lúc"`},
		{"ngày mai", ref, `vn: at byte 6: expected a day 1-31, found "mai"`},
		{"ngày 14", ref, `vn: at byte 8: expected "/" or "tháng" after the day, found end of text`},
		{"tháng 3/2021", ref, `vn: at byte 0: expected a day, not a month, found "tháng 3/2021"`},
		{"ngày 14 tháng 01 năm 22", ref, `vn: at byte 19: expected the end of the date, found "năm"`},
	}
	for _, tt := range tests {
		got, _, err := ParseDate(tt.in, tt.ref)
		if err == nil || err.Error() != tt.message {
			t.Errorf("ParseDate(%q) = %v, %v; want error %s", tt.in, got, err, tt.message)
		}
	}
}
