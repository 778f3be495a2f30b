package vn

import (
	"testing"
	"time"

	"plenum/internal/date"
)

func TestFormatDates(t *testing.T) {
	tests := []struct {
		d                 string
		short, long, line string
	}{
		{"2022-01-04", "04/01/2022", "ngày 04 tháng 01 năm 2022", "Bắc Kạn, ngày 04 tháng 01 năm 2022"},
		{"2022-03-14", "14/03/2022", "ngày 14 tháng 3 năm 2022", "Bắc Kạn, ngày 14 tháng 3 năm 2022"},
		{"2022-02-05", "05/02/2022", "ngày 05 tháng 02 năm 2022", "Bắc Kạn, ngày 05 tháng 02 năm 2022"},
		{"2021-10-11", "11/10/2021", "ngày 11 tháng 10 năm 2021", "Bắc Kạn, ngày 11 tháng 10 năm 2021"},
		{"2021-12-09", "09/12/2021", "ngày 09 tháng 12 năm 2021", "Bắc Kạn, ngày 09 tháng 12 năm 2021"},
	}
	for _, tt := range tests {
		d := date.MustParse(tt.d)
		if got := FormatDate(d); got != tt.short {
			t.Errorf("FormatDate(%s) = %q, want %q", tt.d, got, tt.short)
		}
		if got := FormatLongDate(d); got != tt.long {
			t.Errorf("FormatLongDate(%s) = %q, want %q", tt.d, got, tt.long)
		}
		if got := FormatPlaceDate("Bắc Kạn", d); got != tt.line {
			t.Errorf("FormatPlaceDate(%s) = %q, want %q", tt.d, got, tt.line)
		}
		for _, s := range []string{tt.short, tt.long} {
			if back, _, err := ParseDate(s, date.Date{}); err != nil || back != d {
				t.Errorf("ParseDate(%q) = %v, %v; want %s", s, back, err, tt.d)
			}
		}
	}
	if FormatDate(date.Date{}) != "" || FormatLongDate(date.Date{}) != "" {
		t.Error("the zero Date is not formatted as empty")
	}
}

func TestPortalTime(t *testing.T) {
	loc := time.FixedZone("ICT", 7*3600)
	want := time.Date(2021, 10, 11, 20, 6, 0, 0, loc)
	if got := FormatPortalTime(want); got != "11/10/2021 - 20:06" {
		t.Errorf("FormatPortalTime = %q", got)
	}
	for _, s := range []string{"11/10/2021 - 20:06", "11/10/2021-20:06", " 11/10/2021  -  20:06 "} {
		got, err := ParsePortalTime(s, loc)
		if err != nil || !got.Equal(want) {
			t.Errorf("ParsePortalTime(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	if got, err := ParsePortalTime("4/12/2020 - 08:05", nil); err != nil || got != time.Date(2020, 12, 4, 8, 5, 0, 0, time.UTC) {
		t.Errorf("ParsePortalTime with nil location = %v, %v", got, err)
	}
	errs := []struct{ in, message string }{
		{"11/10/2021", `vn: at byte 10: expected "-" between the date and the time, found end of text`},
		{"11/10/2021 - 24:00", `vn: at byte 13: expected an hour 0-23, found "24"`},
		{"11/10/2021 - 20:60", `vn: at byte 16: expected minutes 0-59, found "60"`},
		{"11/10/2021 - 20 06", `vn: at byte 16: expected ":" between hours and minutes, found "06"`},
		{"11/10/2021 - 20:06:01", `vn: at byte 18: expected the end of the time stamp, found ":"`},
		{"31/02/2021 - 20:06", `vn: at byte 0: expected a day 1-28 for 2/2021, found "31"`},
	}
	for _, tt := range errs {
		if _, err := ParsePortalTime(tt.in, loc); err == nil || err.Error() != tt.message {
			t.Errorf("ParsePortalTime(%q) error = %v, want %s", tt.in, err, tt.message)
		}
	}
}
