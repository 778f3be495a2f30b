package vn

import (
	"strconv"
	"time"

	"plenum/internal/date"
)

// PartOfDay is the part of the day a text names with a date: "Sáng 11/10",
// "Chiều ngày 18/02". The zero value means the text names none.
type PartOfDay uint8

// The parts of the day, in the order they come.
const (
	Morning   PartOfDay = iota + 1 // sáng
	Noon                           // trưa
	Afternoon                      // chiều
	Evening                        // tối
	Night                          // đêm
)

// partWords are the words for the parts of the day, indexed by PartOfDay.
var partWords = [...]string{"", "sáng", "trưa", "chiều", "tối", "đêm"}

// String returns the Vietnamese word, "sáng" … "đêm", or "" for none.
func (p PartOfDay) String() string {
	if int(p) < len(partWords) {
		return partWords[p]
	}
	return ""
}

// partOfDay returns the part of the day a word key names, or 0.
func partOfDay(key string) PartOfDay {
	for p, w := range partWords[1:] {
		if key == w {
			return PartOfDay(p + 1)
		}
	}
	return 0
}

// ParseDate reads one day, in any of the forms of Vietnamese writing:
//
//	18/3/2002   14/01/2022   14-01-2022   04.12.2020   2022-01-14
//	ngày 14 tháng 01 năm 2022   ngày 18/3/2002   Chiều 18/02   ngày 5/7
//
// A part of the day before it (sáng, trưa, chiều, tối, đêm) is returned
// with it. When the text gives no year, ref supplies it: the year is the
// one that puts the day nearest to ref, so "ngày 28/12" in an article of
// 05/01/2022 is 28 December 2021 (on a tie the earlier year wins). Without
// a year and with a zero ref, ParseDate fails.
func ParseDate(s string, ref date.Date) (date.Date, PartOfDay, error) {
	p := newDateParser(s, ref, false)
	per, err := p.whole()
	if err != nil {
		return date.Date{}, 0, err
	}
	if per.Kind != PeriodDay {
		return date.Date{}, 0, errAt(0, "a day, not a "+per.Kind.String(), s)
	}
	return per.First, per.Part, nil
}

// dateParser reads dates and periods from tokens.
type dateParser struct {
	*tokens
	ref date.Date
	// inText is set when reading running text: only full dates may then
	// stand without an introducing word ("ngày", "tháng", "năm", …), since
	// "15/25" is a ratio and "2021" a number far more often than a date.
	inText bool
}

func newDateParser(s string, ref date.Date, inText bool) *dateParser {
	return &dateParser{tokens: newTokens(s), ref: ref, inText: inText}
}

// whole reads a text that is one date or period and nothing else.
func (p *dateParser) whole() (Period, error) {
	per, next, err := p.period(0)
	if err != nil {
		return Period{}, err
	}
	if next < len(p.toks) {
		return Period{}, p.errAt(next, "the end of the date")
	}
	return per, nil
}

// number reads token i as a number of at most maxDigits digits in [lo, hi];
// what names it in the error.
func (p *dateParser) number(i, maxDigits, lo, hi int, what string) (int, *ParseError) {
	if i >= len(p.toks) || p.toks[i].kind != tokNumber || len(p.toks[i].key) > maxDigits {
		return 0, p.errAt(i, what)
	}
	n, _ := strconv.Atoi(p.toks[i].key)
	if n < lo || n > hi {
		return 0, p.errAt(i, what)
	}
	return n, nil
}

// Years are written with four digits; inferred years stay in the same range.
const minYear, maxYear = 1000, 9999

// year reads token i as a four-digit year.
func (p *dateParser) year(i int) (int, *ParseError) {
	if i < len(p.toks) && len(p.toks[i].key) != 4 {
		return 0, p.errAt(i, "a four-digit year")
	}
	return p.number(i, 4, minYear, maxYear, "a four-digit year")
}

// isYear reports whether token i is a year, so that p.year(i) succeeds.
func (p *dateParser) isYear(i int) bool {
	return i < len(p.toks) && p.toks[i].kind == tokNumber && len(p.toks[i].key) == 4 && p.toks[i].key[0] != '0'
}

// day reads a day after "ngày" or a part of the day: "14/01/2022",
// "18/02", "14 tháng 01 năm 2022".
func (p *dateParser) day(i int) (Period, int, *ParseError) {
	if _, err := p.number(i, 2, 1, 31, "a day 1-31"); err != nil {
		return Period{}, i, err
	}
	if p.is(i+1, "tháng") {
		return p.longDate(i)
	}
	if p.adjacent(i) && isDateSep(p.toks, i+1) {
		return p.numericDate(i, false)
	}
	return Period{}, i + 1, p.errAt(i+1, `"/" or "tháng" after the day`)
}

// longDate reads "14 tháng 01 năm 2022", or "14 tháng 01" with the year from ref.
func (p *dateParser) longDate(i int) (Period, int, *ParseError) {
	d, err := p.number(i, 2, 1, 31, "a day 1-31")
	if err != nil {
		return Period{}, i, err
	}
	m, err := p.number(i+2, 2, 1, 12, "a month 1-12")
	if err != nil {
		return Period{}, i + 2, err
	}
	next := i + 3
	if p.is(next, "năm") && p.isYear(next+1) {
		y, _ := p.year(next + 1)
		return p.dayPeriod(i, y, m, d, next+2)
	}
	return p.dayInferred(i, m, d, next)
}

// numericDate reads "d/m/yyyy" (or with "-" or "." throughout), "d/m"
// with the year from ref, and, when monthOK, "m/yyyy" as a month.
func (p *dateParser) numericDate(i int, monthOK bool) (Period, int, *ParseError) {
	sep := p.toks[i+1].key
	if !p.adjacent(i+1) || i+2 >= len(p.toks) || p.toks[i+2].kind != tokNumber {
		return Period{}, i + 2, p.errAt(i+2, "a month 1-12 after "+quote(sep))
	}
	if monthOK && p.isYear(i+2) && !(p.adjacent(i+2) && p.is(i+3, sep)) {
		m, err := p.number(i, 2, 1, 12, "a month 1-12")
		if err != nil {
			return Period{}, i, err
		}
		y, _ := p.year(i + 2)
		return monthPeriod(y, m), i + 3, nil
	}
	d, err := p.number(i, 2, 1, 31, "a day 1-31")
	if err != nil {
		return Period{}, i, err
	}
	m, err := p.number(i+2, 2, 1, 12, "a month 1-12")
	if err != nil {
		return Period{}, i + 2, err
	}
	if !(p.adjacent(i+2) && p.is(i+3, sep)) {
		return p.dayInferred(i, m, d, i+3)
	}
	if !p.adjacent(i + 3) {
		return Period{}, i + 4, p.errAt(i+4, "a four-digit year after "+quote(sep))
	}
	y, err := p.year(i + 4)
	if err != nil {
		return Period{}, i + 4, err
	}
	return p.dayPeriod(i, y, m, d, i+5)
}

// isDateSep reports whether token i separates the numbers of a date.
func isDateSep(toks []token, i int) bool {
	if i >= len(toks) {
		return false
	}
	switch toks[i].key {
	case "/", "-", ".":
		return true
	}
	return false
}

// dayPeriod checks that y-m-d exists (the day token is i) and returns it
// as a period ending before token next.
func (p *dateParser) dayPeriod(i, y, m, d, next int) (Period, int, *ParseError) {
	if d > date.DaysIn(y, time.Month(m)) {
		return Period{}, i, p.errAt(i, "a day 1-"+strconv.Itoa(date.DaysIn(y, time.Month(m)))+" for "+strconv.Itoa(m)+"/"+strconv.Itoa(y))
	}
	day := date.Date{Year: y, Month: time.Month(m), Day: d}
	return Period{Kind: PeriodDay, First: day, Last: day}, next, nil
}

// dayInferred returns day d of month m in the year nearest to the reference date.
func (p *dateParser) dayInferred(i, m, d, next int) (Period, int, *ParseError) {
	per, err := p.nearest(next, func(y int) (Period, bool) {
		if d > date.DaysIn(y, time.Month(m)) {
			return Period{}, false
		}
		day := date.Date{Year: y, Month: time.Month(m), Day: d}
		return Period{Kind: PeriodDay, First: day, Last: day}, true
	})
	if err != nil && !p.ref.IsZero() {
		err = p.errAt(i, "a day 1-"+strconv.Itoa(date.DaysIn(p.ref.Year, time.Month(m)))+" for month "+strconv.Itoa(m))
	}
	return per, next, err
}

// nearest completes a day or month whose text gives no year: of the
// reference year and the years either side, it takes the one that puts the
// period (built by mk, which reports false if there is no such period that
// year) nearest to the reference date, the earlier on a tie. The distance
// is zero when the reference date falls inside the period. Token i, where
// the year would have been, is where the error points.
func (p *dateParser) nearest(i int, mk func(year int) (Period, bool)) (Period, *ParseError) {
	if p.ref.IsZero() {
		return Period{}, p.errAt(i, "a year (the text has none and there is no reference date)")
	}
	var best Period
	bestDist := -1
	for y := p.ref.Year - 1; y <= p.ref.Year+1; y++ {
		if y < minYear || y > maxYear {
			continue
		}
		per, ok := mk(y)
		if !ok {
			continue
		}
		if d := per.distance(p.ref); bestDist < 0 || d < bestDist {
			best, bestDist = per, d
		}
	}
	if bestDist < 0 {
		return Period{}, p.errAt(i, "a year")
	}
	return best, nil
}

// sameYear completes a reporting period (quarter, 6 or 9 months, the
// first or last months of a year) whose text gives no year: it is the one
// of the reference date's year. A conference or report of a year reviews
// its periods so far and plans the rest ("đánh giá 9 tháng, triển khai
// nhiệm vụ 3 tháng cuối năm" in October), so the nearest-period rule of
// days would be wrong here ("quý I" in October would become next year's).
func (p *dateParser) sameYear(i int, mk func(year int) Period) (Period, *ParseError) {
	if p.ref.IsZero() {
		return Period{}, p.errAt(i, "a year (the text has none and there is no reference date)")
	}
	if p.ref.Year < minYear {
		return Period{}, p.errAt(i, "a year (the reference date is before 1000)")
	}
	return mk(p.ref.Year), nil
}
