package vn

import (
	"fmt"
	"strconv"
	"time"

	"plenum/internal/date"
)

// FormatDate writes d as "14/01/2022", day and month on two digits, the
// short form of tables and the portal; "" for the zero Date.
func FormatDate(d date.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, d.Month, d.Year)
}

// FormatLongDate writes d the way official documents do: "ngày 14 tháng
// 01 năm 2022". As the rules for administrative documents require, a day
// below 10 and the months 1 and 2 take a leading zero ("ngày 05 tháng 02
// năm 2022", "ngày 14 tháng 3 năm 2022"), so that no digit can be written
// in front later. It returns "" for the zero Date.
func FormatLongDate(d date.Date) string {
	if d.IsZero() {
		return ""
	}
	month := strconv.Itoa(int(d.Month))
	if d.Month <= time.February {
		month = "0" + month
	}
	return fmt.Sprintf("ngày %02d tháng %s năm %d", d.Day, month, d.Year)
}

// FormatPlaceDate writes the place-and-date line of an official document:
// FormatPlaceDate("Bắc Kạn", d) is "Bắc Kạn, ngày 04 tháng 01 năm 2022".
func FormatPlaceDate(place string, d date.Date) string {
	return place + ", " + FormatLongDate(d)
}

// portalLayout is the time stamp of the provincial portal's articles.
const portalLayout = "02/01/2006 - 15:04"

// FormatPortalTime writes t as the portal stamps its articles: "11/10/2021 - 20:06".
func FormatPortalTime(t time.Time) string { return t.Format(portalLayout) }

// ParsePortalTime reads a portal time stamp, "11/10/2021 - 20:06", as a
// time in loc (nil means UTC). Day and month may have one digit and the
// spaces around the dash may be missing.
func ParsePortalTime(s string, loc *time.Location) (time.Time, error) {
	if loc == nil {
		loc = time.UTC
	}
	p := newDateParser(s, date.Date{}, false)
	day, next, err := p.day(0)
	if err != nil {
		return time.Time{}, err
	}
	if !isDash(p.toks, next) {
		return time.Time{}, p.errAt(next, `"-" between the date and the time`)
	}
	h, err := p.number(next+1, 2, 0, 23, "an hour 0-23")
	if err != nil {
		return time.Time{}, err
	}
	if !p.is(next+2, ":") || !p.adjacent(next+1) || !p.adjacent(next+2) {
		return time.Time{}, p.errAt(next+2, `":" between hours and minutes`)
	}
	m, err := p.number(next+3, 2, 0, 59, "minutes 0-59")
	if err != nil {
		return time.Time{}, err
	}
	if next+4 < len(p.toks) {
		return time.Time{}, p.errAt(next+4, "the end of the time stamp")
	}
	d := day.First
	return time.Date(d.Year, d.Month, d.Day, h, m, 0, 0, loc), nil
}
