package date

import (
	"encoding/json"
	"testing"
	"time"
)

func TestNewRejectsImpossibleDays(t *testing.T) {
	tests := []struct {
		y  int
		m  time.Month
		d  int
		ok bool
	}{
		{2024, 2, 29, true},
		{2025, 2, 29, false},
		{2025, 4, 31, false},
		{2025, 13, 1, false},
		{0, 1, 1, false},
		{2025, 12, 31, true},
	}
	for _, tt := range tests {
		_, err := New(tt.y, tt.m, tt.d)
		if (err == nil) != tt.ok {
			t.Errorf("New(%d,%d,%d) error = %v, want ok=%v", tt.y, tt.m, tt.d, err, tt.ok)
		}
	}
}

func TestArithmetic(t *testing.T) {
	tests := []struct {
		name string
		got  Date
		want string
	}{
		{"add days over year", MustParse("2025-12-30").AddDays(3), "2026-01-02"},
		{"add months clamps", MustParse("2024-01-31").AddMonths(1), "2024-02-29"},
		{"subtract months", MustParse("2025-03-31").AddMonths(-1), "2025-02-28"},
	}
	for _, tt := range tests {
		if tt.got.String() != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, tt.got, tt.want)
		}
	}
	if n := MustParse("2025-06-30").DaysUntil(MustParse("2025-07-02")); n != 2 {
		t.Errorf("DaysUntil = %d, want 2", n)
	}
	if !MustParse("2025-06-30").Before(MustParse("2025-07-01")) {
		t.Error("Before is wrong")
	}
}

func TestScanAndJSON(t *testing.T) {
	var d Date
	for _, src := range []any{"2025-07-01", []byte("2025-07-01"), "2025-07-01 00:00:00+00:00", time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)} {
		if err := d.Scan(src); err != nil || d.String() != "2025-07-01" {
			t.Errorf("Scan(%v) = %v, %v", src, d, err)
		}
	}
	if err := d.Scan(nil); err != nil || !d.IsZero() {
		t.Errorf("Scan(nil) = %v, %v", d, err)
	}
	if err := d.Scan("01/07/2025"); err == nil {
		t.Error("Scan accepted a non-ISO date")
	}
	b, _ := json.Marshal(struct{ D Date }{MustParse("2021-10-11")})
	if string(b) != `{"D":"2021-10-11"}` {
		t.Errorf("json = %s", b)
	}
	var v struct{ D Date }
	if err := json.Unmarshal([]byte(`{"D":"2021-02-30"}`), &v); err == nil {
		t.Error("json accepted 30 February")
	}
}
