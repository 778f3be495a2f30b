package vn

import (
	"strconv"
	"time"

	"plenum/internal/date"
)

// PeriodKind is the kind of a Period.
type PeriodKind uint8

// The kinds of period, from the shortest.
const (
	PeriodDay        PeriodKind = iota + 1 // "ngày 14/01/2022"
	PeriodMonth                            // "tháng 3/2021"
	PeriodQuarter                          // "quý I/2021"; also "3 tháng đầu năm", "3 tháng cuối năm"
	PeriodHalfYear                         // "6 tháng đầu năm 2021", "6 tháng cuối năm 2021"
	PeriodNineMonths                       // "9 tháng năm 2021": January to September
	PeriodMonths                           // other "N tháng đầu năm" / "N tháng cuối năm"
	PeriodYear                             // "năm 2021"
	PeriodTerm                             // "nhiệm kỳ 2020–2025": the term of a body
	PeriodYears                            // "giai đoạn 2021–2025", or a bare "2021-2025"
)

var periodKindNames = [...]string{"", "day", "month", "quarter", "half-year", "nine months", "months", "year", "term", "years"}

// String returns an English name of the kind, for messages and logs.
func (k PeriodKind) String() string {
	if int(k) < len(periodKindNames) && k != 0 {
		return periodKindNames[k]
	}
	return "PeriodKind(" + strconv.Itoa(int(k)) + ")"
}

// Period is a span of whole days named the way reports and articles name
// them. Term and Years periods run from 1 January of the first year to 31
// December of the last, although a body's term starts and ends on the days
// of its congresses.
type Period struct {
	Kind        PeriodKind
	First, Last date.Date // both included
	Part        PartOfDay // for a day, the part of the day named with it
}

// PeriodMatch is a date or period found in a text, with its byte span.
type PeriodMatch struct {
	Period
	Start, End int // byte span in the text, introducing words ("ngày", "Chiều") included
}

// Label returns the usual Vietnamese name of the period: "ngày 14/01/2022"
// ("chiều ngày 18/02/2022" with a part of the day), "tháng 3/2021", "quý
// I/2021", "6 tháng đầu năm 2021", "9 tháng năm 2021", "3 tháng cuối năm
// 2021", "năm 2021", "nhiệm kỳ 2020–2025", "giai đoạn 2021–2025".
func (p Period) Label() string {
	y := strconv.Itoa(p.First.Year)
	switch p.Kind {
	case PeriodDay:
		if p.Part != 0 {
			return p.Part.String() + " ngày " + FormatDate(p.First)
		}
		return "ngày " + FormatDate(p.First)
	case PeriodMonth:
		return "tháng " + strconv.Itoa(int(p.First.Month)) + "/" + y
	case PeriodQuarter:
		q, _ := FormatRoman((int(p.First.Month)-1)/3 + 1)
		return "quý " + q + "/" + y
	case PeriodNineMonths:
		return "9 tháng năm " + y
	case PeriodHalfYear, PeriodMonths:
		n := strconv.Itoa((p.Last.Year-p.First.Year)*12 + int(p.Last.Month) - int(p.First.Month) + 1)
		if p.First.Month == time.January {
			return n + " tháng đầu năm " + y
		}
		return n + " tháng cuối năm " + y
	case PeriodYear:
		return "năm " + y
	case PeriodTerm:
		return "nhiệm kỳ " + y + "–" + strconv.Itoa(p.Last.Year)
	case PeriodYears:
		return "giai đoạn " + y + "–" + strconv.Itoa(p.Last.Year)
	}
	return ""
}

// distance returns the number of days between d and the period, 0 if d is in it.
func (p Period) distance(d date.Date) int {
	switch {
	case d.Before(p.First):
		return d.DaysUntil(p.First)
	case d.After(p.Last):
		return p.Last.DaysUntil(d)
	}
	return 0
}

// monthsPeriod returns the months first to last (1-12) of year y as a period of the given kind.
func monthsPeriod(kind PeriodKind, y, first, last int) Period {
	return Period{
		Kind:  kind,
		First: date.Date{Year: y, Month: time.Month(first), Day: 1},
		Last:  date.Date{Year: y, Month: time.Month(last), Day: date.DaysIn(y, time.Month(last))},
	}
}

func monthPeriod(y, m int) Period { return monthsPeriod(PeriodMonth, y, m, m) }

func yearsPeriod(kind PeriodKind, first, last int) Period {
	return Period{Kind: kind, First: date.Date{Year: first, Month: 1, Day: 1}, Last: date.Date{Year: last, Month: 12, Day: 31}}
}

// ParsePeriod reads a day or a period:
//
//	18/3/2002   ngày 14 tháng 01 năm 2022   Chiều 18/02   (days, see ParseDate)
//	tháng 3/2021   tháng 3 năm 2021   3/2021   tháng 3
//	quý I/2021   quý IV năm 2021   quý 2/2021   quý I
//	6 tháng đầu năm 2021   6 tháng cuối năm 2021   9 tháng năm 2021   9 tháng
//	3 tháng cuối năm 2021   năm 2021   2021
//	nhiệm kỳ 2020 - 2025   nhiệm kỳ 2020–2025   giai đoạn 2021-2025   2021-2025
//
// "6 tháng" and "9 tháng" alone are the first six and nine months of the
// year. A day or month without a year takes the year that puts it nearest
// to ref (as ParseDate does: "tháng 12" in January is last December). A
// reporting period without a year (quarter, 6 or 9 months, the first or
// last months) is the one of ref's year: with ref 11/10/2021, "quý I", "6
// tháng" and "3 tháng cuối năm" are all of 2021.
func ParsePeriod(s string, ref date.Date) (Period, error) {
	per, err := newDateParser(s, ref, false).whole()
	if err != nil {
		return Period{}, err
	}
	return per, nil
}

// FindPeriods returns the dates and periods of a running text, in order,
// with their byte spans in text: "ngày 18/3/2002", "ngày 14 tháng 01 năm
// 2022", "Chiều 18/02", "18/3/2002", "tháng 3/2021", "quý I/2021", "6
// tháng đầu năm 2021", "năm 2021", "nhiệm kỳ 2020 - 2025", …
//
// To keep ratios, counts and document numbers out, only a full date
// ("18/3/2002", "2022-01-14") may stand alone; "18/02" needs "ngày" or a
// part of the day before it, a month needs "tháng", a year "năm", a range
// "nhiệm kỳ" or "giai đoạn", and a date glued to more digits or letters
// ("12/2021/NQ-HĐND") is not one. Forms without a year are found only when
// ref is not zero. The caller judges from the context whether "9 tháng"
// is the reporting period or a duration.
func FindPeriods(text string, ref date.Date) []PeriodMatch {
	p := newDateParser(text, ref, true)
	var found []PeriodMatch
	for i := 0; i < len(p.toks); i++ {
		if !p.startsPeriod(i) {
			continue
		}
		per, next, err := p.period(i)
		if err != nil || !p.standsAlone(i, next) {
			continue
		}
		found = append(found, PeriodMatch{Period: per, Start: p.toks[i].start, End: p.end(next)})
		i = next - 1
	}
	return found
}

// standsAlone reports whether the tokens i to next-1 are free of what
// would make them part of something longer: a word or number glued to
// either end, a date separator glued before, or one glued after and
// followed by more ("12/2021/NQ-HĐND", "13/7/2021-14/7/2021").
func (p *dateParser) standsAlone(i, next int) bool {
	if i > 0 && p.toks[i-1].end == p.toks[i].start &&
		(p.toks[i-1].kind != tokPunct || isDateSep(p.toks, i-1)) {
		return false
	}
	if next < len(p.toks) && p.toks[next-1].end == p.toks[next].start &&
		(p.toks[next].kind != tokPunct || isDateSep(p.toks, next) && p.adjacent(next) && p.toks[next+1].kind != tokPunct) {
		return false
	}
	return true
}

// startsPeriod reports whether a date or period can start at token i:
// whether it is a number or one of the words period looks for. It spares
// the finder building an error for every other token.
func (p *dateParser) startsPeriod(i int) bool {
	t := p.toks[i]
	if t.kind == tokNumber {
		return true
	}
	switch t.key {
	case "ngày", "tháng", "quý", "năm", "nhiệm", "giai":
		return true
	}
	return partOfDay(t.key) != 0
}

// period reads a day or period starting at token i and returns it with
// the index of the token after it.
func (p *dateParser) period(i int) (Period, int, *ParseError) {
	const expected = "a date or period"
	if i >= len(p.toks) {
		return Period{}, i, p.errAt(i, expected)
	}
	switch key := p.toks[i].key; {
	case partOfDay(key) != 0:
		j := i + 1
		if p.is(j, "ngày") {
			j++
		}
		per, next, err := p.day(j)
		per.Part = partOfDay(key)
		return per, next, err
	case key == "ngày":
		return p.day(i + 1)
	case key == "tháng":
		return p.month(i + 1)
	case key == "quý":
		return p.quarter(i + 1)
	case key == "năm":
		y, err := p.year(i + 1)
		return yearsPeriod(PeriodYear, y, y), i + 2, err
	case key == "nhiệm" && p.is(i+1, "kỳ", "kì"):
		return p.yearRange(i+2, PeriodTerm)
	case key == "giai" && p.is(i+1, "đoạn"):
		return p.yearRange(i+2, PeriodYears)
	case p.toks[i].kind == tokNumber:
		return p.numeric(i)
	}
	return Period{}, i, p.errAt(i, expected)
}

// numeric reads a date or period that starts with a number.
func (p *dateParser) numeric(i int) (Period, int, *ParseError) {
	if p.isYear(i) {
		if p.adjacent(i) && p.is(i+1, "-") && p.adjacent(i+1) && p.adjacent(i+2) && p.is(i+3, "-") {
			return p.isoDate(i)
		}
		if p.inText {
			return Period{}, i, p.errAt(i, `"năm", "nhiệm kỳ" or "giai đoạn" before a year`)
		}
		if isDash(p.toks, i+1) {
			return p.yearRange(i, PeriodYears)
		}
		y, _ := p.year(i)
		return yearsPeriod(PeriodYear, y, y), i + 1, nil
	}
	if p.is(i+1, "tháng") {
		if i+2 < len(p.toks) && p.toks[i+2].kind == tokNumber {
			return p.longDate(i)
		}
		return p.months(i)
	}
	if p.adjacent(i) && isDateSep(p.toks, i+1) {
		per, next, err := p.numericDate(i, !p.inText)
		if err == nil && p.inText && next < i+5 {
			// "18/02" alone is too often a ratio; it needs "ngày".
			return Period{}, i, p.errAt(i, `"ngày" before a date without a year`)
		}
		return per, next, err
	}
	return Period{}, i + 1, p.errAt(i+1, `"/", "tháng" or a year`)
}

// isoDate reads "2022-01-14".
func (p *dateParser) isoDate(i int) (Period, int, *ParseError) {
	y, _ := p.year(i)
	m, err := p.number(i+2, 2, 1, 12, "a month 1-12")
	if err != nil {
		return Period{}, i + 2, err
	}
	if !p.adjacent(i + 3) {
		return Period{}, i + 4, p.errAt(i+4, "a day 1-31")
	}
	d, err := p.number(i+4, 2, 1, 31, "a day 1-31")
	if err != nil {
		return Period{}, i + 4, err
	}
	return p.dayPeriod(i+4, y, m, d, i+5)
}

// month reads what follows "tháng": "3/2021", "3 năm 2021", or "3" with
// the year from ref.
func (p *dateParser) month(i int) (Period, int, *ParseError) {
	m, err := p.number(i, 2, 1, 12, "a month 1-12")
	if err != nil {
		return Period{}, i, err
	}
	return p.periodYear(i+1, func(y int) Period { return monthPeriod(y, m) }, false)
}

// periodYear reads the year of a month or quarter at token i: "/2021",
// "-2021", "năm 2021", or none, to be inferred from ref: the nearest for a
// month, the same year for a reporting period.
func (p *dateParser) periodYear(i int, mk func(y int) Period, reporting bool) (Period, int, *ParseError) {
	switch {
	case (p.is(i, "/") || p.is(i, "-")) && p.adjacent(i-1) && p.adjacent(i):
		y, err := p.year(i + 1)
		return mk(y), i + 2, err
	case p.is(i, "năm") && p.isYear(i+1):
		y, _ := p.year(i + 1)
		return mk(y), i + 2, nil
	}
	if reporting {
		per, err := p.sameYear(i, mk)
		return per, i, err
	}
	per, err := p.nearest(i, func(y int) (Period, bool) { return mk(y), true })
	return per, i, err
}

// quarter reads what follows "quý": "I/2021", "IV năm 2021", "2/2021", or
// "I" with the year from ref.
func (p *dateParser) quarter(i int) (Period, int, *ParseError) {
	const expected = "a quarter I-IV"
	if i >= len(p.toks) {
		return Period{}, i, p.errAt(i, expected)
	}
	var q int
	switch p.toks[i].kind {
	case tokNumber:
		n, err := p.number(i, 1, 1, 4, expected)
		if err != nil {
			return Period{}, i, err
		}
		q = n
	case tokWord:
		n, err := ParseRoman(p.raw(i))
		if err != nil || n > 4 {
			return Period{}, i, p.errAt(i, expected)
		}
		q = n
	default:
		return Period{}, i, p.errAt(i, expected)
	}
	return p.periodYear(i+1, func(y int) Period { return monthsPeriod(PeriodQuarter, y, 3*q-2, 3*q) }, true)
}

// months reads "6 tháng đầu năm 2021", "3 tháng cuối năm 2021", "9 tháng
// năm 2021", "9 tháng", from the number at token i.
func (p *dateParser) months(i int) (Period, int, *ParseError) {
	n, err := p.number(i, 2, 1, 11, "a number of months 1-11")
	if err != nil {
		return Period{}, i, err
	}
	j := i + 2
	fromStart := true
	switch {
	case p.is(j, "đầu"), p.is(j, "cuối"):
		fromStart = p.is(j, "đầu")
		if !p.is(j+1, "năm") {
			return Period{}, j + 1, p.errAt(j+1, `"năm" after `+quote(p.toks[j].key))
		}
		j += 2
	case n == 6 || n == 9:
		if p.is(j, "năm") && p.isYear(j+1) {
			j++
		}
	default:
		return Period{}, j, p.errAt(j, `"đầu năm" or "cuối năm" after "`+strconv.Itoa(n)+` tháng"`)
	}
	mk := func(y int) Period {
		kind := PeriodMonths
		switch {
		case n == 3:
			kind = PeriodQuarter
		case n == 6:
			kind = PeriodHalfYear
		case n == 9 && fromStart:
			kind = PeriodNineMonths
		}
		if fromStart {
			return monthsPeriod(kind, y, 1, n)
		}
		return monthsPeriod(kind, y, 13-n, 12)
	}
	if p.isYear(j) {
		y, _ := p.year(j)
		return mk(y), j + 1, nil
	}
	per, err := p.sameYear(j, mk)
	return per, j, err
}

// yearRange reads "2020 - 2025", "2020–2025" from token i.
func (p *dateParser) yearRange(i int, kind PeriodKind) (Period, int, *ParseError) {
	first, err := p.year(i)
	if err != nil {
		return Period{}, i, err
	}
	if !isDash(p.toks, i+1) {
		return Period{}, i + 1, p.errAt(i+1, `a dash ("-" or "–") between the years`)
	}
	last, err := p.year(i + 2)
	if err != nil {
		return Period{}, i + 2, err
	}
	if last <= first {
		return Period{}, i + 2, p.errAt(i+2, "a year after "+strconv.Itoa(first))
	}
	return yearsPeriod(kind, first, last), i + 3, nil
}

// isDash reports whether token i is a hyphen or dash.
func isDash(toks []token, i int) bool {
	if i >= len(toks) {
		return false
	}
	switch toks[i].key {
	case "-", "‐", "‑", "–", "—", "−":
		return true
	}
	return false
}
