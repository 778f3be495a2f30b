// Package date is a calendar date without time of day or zone: validity
// intervals, deadlines and the "as of" day of a view are dates, and comparing
// them as instants in some time zone is a classic source of off-by-one days.
package date

import (
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a day of the proleptic Gregorian calendar. The zero Date means "no date".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// Layout is the ISO 8601 form Date uses in SQL, JSON and URLs.
const Layout = "2006-01-02"

// New returns the date y-m-d, or an error if there is no such day.
func New(y int, m time.Month, d int) (Date, error) {
	if y < 1 || y > 9999 {
		return Date{}, fmt.Errorf("year %d is out of range 1-9999", y)
	}
	if m < 1 || m > 12 {
		return Date{}, fmt.Errorf("month %d is out of range 1-12", m)
	}
	if d < 1 || d > DaysIn(y, m) {
		return Date{}, fmt.Errorf("day %d is out of range 1-%d for %d-%02d", d, DaysIn(y, m), y, m)
	}
	return Date{y, m, d}, nil
}

// MustNew is New for dates known to be valid, such as constants in code and tests.
func MustNew(y int, m time.Month, d int) Date {
	dt, err := New(y, m, d)
	if err != nil {
		panic(err)
	}
	return dt
}

// DaysIn returns the number of days in month m of year y.
func DaysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Of returns the date of t in t's location.
func Of(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// Parse reads an ISO date "2006-01-02".
func Parse(s string) (Date, error) {
	t, err := time.Parse(Layout, s)
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date in the form YYYY-MM-DD", s)
	}
	return Of(t), nil
}

// ParseInput reads a date as people type it or a date picker sends it:
// "01/07/2025" (day first, also with dots or dashes) or "2025-07-01".
func ParseInput(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if d, err := Parse(s); err == nil {
		return d, nil
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '.' || r == '-' })
	if len(parts) == 3 {
		day, e1 := strconv.Atoi(parts[0])
		month, e2 := strconv.Atoi(parts[1])
		year, e3 := strconv.Atoi(parts[2])
		if e1 == nil && e2 == nil && e3 == nil {
			if d, err := New(year, time.Month(month), day); err == nil {
				return d, nil
			}
		}
	}
	return Date{}, fmt.Errorf("%q is not a date in the form DD/MM/YYYY or YYYY-MM-DD", s)
}

// MustParse is Parse for constants.
func MustParse(s string) Date {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// String returns "2006-01-02", or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Time returns midnight of d in loc.
func (d Date) Time(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmp(d.Year, e.Year)
	case d.Month != e.Month:
		return cmp(int(d.Month), int(e.Month))
	default:
		return cmp(d.Day, e.Day)
	}
}

func cmp(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// AddDays returns d moved by n days.
func (d Date) AddDays(n int) Date { return Of(d.Time(time.UTC).AddDate(0, 0, n)) }

// AddMonths returns d moved by n months, clamping the day to the month's length
// (31 January plus one month is 28 or 29 February, not 3 March).
func (d Date) AddMonths(n int) Date {
	first := time.Date(d.Year, d.Month+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	day := min(d.Day, DaysIn(first.Year(), first.Month()))
	return Date{first.Year(), first.Month(), day}
}

// DaysUntil returns the number of days from d to e (negative if e is earlier).
func (d Date) DaysUntil(e Date) int {
	return int(e.Time(time.UTC).Sub(d.Time(time.UTC)).Hours() / 24)
}

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.Time(time.UTC).Weekday() }

// Value stores a Date as "2006-01-02" text, which both SQLite (TEXT) and
// PostgreSQL (DATE) accept; the zero Date is NULL.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}

// Scan reads a DATE (PostgreSQL gives time.Time) or TEXT (SQLite) column; NULL is the zero Date.
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
		return nil
	case time.Time:
		*d = Of(v)
		return nil
	case string:
		return d.scanText(v)
	case []byte:
		return d.scanText(string(v))
	}
	return fmt.Errorf("date: cannot scan %T", src)
}

func (d *Date) scanText(s string) error {
	if len(s) > len(Layout) {
		s = s[:len(Layout)] // "2006-01-02 00:00:00+00:00" from a TIMESTAMP-typed column
	}
	p, err := Parse(s)
	if err != nil {
		return fmt.Errorf("date: %w", err)
	}
	*d = p
	return nil
}

// MarshalText gives "2006-01-02" (empty for the zero Date), so JSON carries ISO dates.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads "2006-01-02"; empty text is the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	p, err := Parse(string(b))
	if err != nil {
		return err
	}
	*d = p
	return nil
}
