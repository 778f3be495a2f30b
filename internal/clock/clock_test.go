package clock_test

import (
	"testing"
	"time"

	"plenum/internal/clock"
	"plenum/internal/date"
)

func TestToday(t *testing.T) {
	for _, tc := range []struct {
		at   time.Time
		want string
	}{
		// 17:00 UTC is midnight in Vietnam: the day has turned there.
		{time.Date(2026, 12, 31, 16, 59, 59, 0, time.UTC), "2026-12-31"},
		{time.Date(2026, 12, 31, 17, 0, 0, 0, time.UTC), "2027-01-01"},
		{time.Date(2028, 2, 29, 0, 0, 0, 0, clock.Vietnam), "2028-02-29"},
		{time.Date(2025, 6, 30, 23, 59, 0, 0, clock.Vietnam), "2025-06-30"},
	} {
		if got := clock.At(tc.at).Today().String(); got != tc.want {
			t.Errorf("%s: today %s, want %s", tc.at, got, tc.want)
		}
	}
}

func TestOnDay(t *testing.T) {
	d := date.MustParse("2024-02-29")
	c := clock.OnDay(d, 10, 0)
	a := c.Now()
	if c.Today() != d || a.In(clock.Vietnam).Hour() != 10 {
		t.Fatalf("on %s at 10:00: %s", d, a.In(clock.Vietnam))
	}
	time.Sleep(2 * time.Millisecond)
	if b := c.Now(); !b.After(a) {
		t.Errorf("the clock stands still: %s then %s", a, b)
	}
}

func TestManual(t *testing.T) {
	m := clock.NewManual(time.Time{})
	m.SetDay(date.MustParse("2025-07-01"), 23, 30)
	c := m.Clock()
	if c.Today().String() != "2025-07-01" {
		t.Fatalf("today %s", c.Today())
	}
	m.Advance(time.Hour)
	if c.Today().String() != "2025-07-02" {
		t.Fatalf("an hour later, today %s", c.Today())
	}
}

func TestZeroClockRefuses(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("the zero Clock told a time")
		}
	}()
	var c clock.Clock
	c.Now()
}
