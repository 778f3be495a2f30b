package extract

import (
	"fmt"

	"plenum/internal/date"
	"plenum/internal/vn"
)

// dates reads the publication date from the portal's date line (or the
// page's metadata) and the day of the event from the first paragraphs. A day
// written without its year ("Sáng 11/10", "Chiều 18/02") takes the year that
// puts it nearest to a reference: the publication date, else the caller's
// reference date, else the latest full date the article cites.
func (d *doc) dates(a *Article, p page, l layout, opts Options) {
	for _, i := range l.dateLines {
		if day, ok := firstDay(p.lines[i].text, date.Date{}); ok {
			a.Published = day
			break
		}
	}
	if a.Published.IsZero() && len(p.meta.published) >= len(date.Layout) {
		if day, err := date.Parse(p.meta.published[:len(date.Layout)]); err == nil {
			a.Published = day
		}
	}

	ref, why := a.Published, "the publication date"
	if ref.IsZero() {
		ref, why = opts.Reference, "the reference date"
	}
	textRef := ref.IsZero()
	if textRef {
		ref, why = d.latestDate(), "the latest full date in the text"
	}
	for _, pi := range d.leadZone() {
		para := &d.paras[pi]
		for _, m := range findPeriods(para.text, ref) {
			if m.Kind != vn.PeriodDay || d.inCitation(pi, m.Start, m.End) {
				continue
			}
			a.EventDate = m.First
			if ref != a.Published && !hasYear(para.text[m.Start:m.End], m.First) {
				// Without a date line, the latest full date may be a month
				// or two after the meeting ("Ngày 12/7" before "8/12/2023")
				// — but a meeting is not earlier than the documents it
				// discusses: "Ngày 12/7" reviewing a resolution of 8/12/2023
				// is in 2024.
				if floor := latestCited(a.Documents); textRef && a.EventDate.Before(floor) {
					a.EventDate, ref, why = a.EventDate.AddMonths(12), floor, "the latest document cited"
				}
				a.note(fmt.Sprintf("event_date: the year of %q from %s, %s", para.text[m.Start:m.End], why, ref))
			}
			return
		}
		// "Sáng nay", "Chiều qua": a day counted from the publication date.
		if a.Published.IsZero() {
			continue
		}
		for i := 0; i+1 < len(para.toks); i++ {
			if !partsOfDay[para.toks[i].key] {
				continue
			}
			switch para.toks[i+1].key {
			case "nay":
				a.EventDate = a.Published
			case "qua":
				a.EventDate = a.Published.AddDays(-1)
			default:
				continue
			}
			a.note(fmt.Sprintf("event_date: %q counted from the publication date", para.tokText(i, i+2)))
			return
		}
	}
}

// partsOfDay are the words of "sáng nay", "chiều qua", "hôm nay".
var partsOfDay = keySet([]string{"sáng", "trưa", "chiều", "tối", "đêm", "hôm"})

// firstDay is the first full day named in a line.
func firstDay(text string, ref date.Date) (date.Date, bool) {
	for _, m := range vn.FindPeriods(text, ref) {
		if m.Kind == vn.PeriodDay {
			return m.First, true
		}
	}
	return date.Date{}, false
}

// latestDate is the latest full date (with its year) the article states.
func (d *doc) latestDate() date.Date {
	var latest date.Date
	for pi := range d.paras {
		if !hasFullDate(d.paras[pi].text) {
			continue
		}
		for _, m := range d.paras[pi].periods() {
			if m.Kind == vn.PeriodDay && m.First.After(latest) {
				latest = m.First
			}
		}
	}
	return latest
}

// latestCited is the latest date of the documents cited.
func latestCited(docs []Document) date.Date {
	var latest date.Date
	for _, doc := range docs {
		if doc.Date.After(latest) {
			latest = doc.Date
		}
	}
	return latest
}

// hasYear reports whether the text of a date writes its year.
func hasYear(text string, d date.Date) bool {
	return containsAny(text, []string{fmt.Sprint(d.Year)})
}

// termYears chooses the years of the meeting's term (nhiệm kỳ): the period
// written next to the meeting, its body or its term ("khóa XII, nhiệm kỳ
// 2020 - 2025"); else a term of the article that fits the body — Party terms
// start in years divisible by five (2020–2025), People's Council terms a year
// later (2021–2026) — the one around the event if several.
func (d *doc) termYears(a *Article, mt *Meeting) {
	type cand struct {
		first, last int
		near        bool
	}
	var cands []cand
	for pi := range d.paras {
		p := &d.paras[pi]
		if !containsAny(p.text, []string{"hiệm kỳ"}) { // "nhiệm kỳ", "Nhiệm kỳ"
			continue
		}
		for _, m := range p.periods() {
			if m.Kind != vn.PeriodTerm || towardsCongress(p.text, m.Start) {
				continue
			}
			c := cand{first: m.First.Year, last: m.Last.Year}
			s := p.span(m.Start, m.End)
			for _, e := range append([]Span{mt.Span}, mt.Evidence...) {
				if s.Start >= e.End && s.Start-e.End <= 16 {
					c.near = true
				}
			}
			cands = append(cands, c)
		}
	}
	fits := func(c cand) bool {
		switch mt.kind {
		case bodyParty:
			return c.first%5 == 0
		case bodyState:
			return c.first%5 == 1
		}
		return false
	}
	for _, c := range cands {
		if c.near {
			mt.TermYears = [2]int{c.first, c.last}
			return
		}
	}
	year := a.EventDate.Year
	if year == 0 {
		year = a.Published.Year
	}
	for _, c := range cands {
		if fits(c) && (year == 0 || c.first <= year && year <= c.last) {
			mt.TermYears = [2]int{c.first, c.last}
			a.note(fmt.Sprintf("meeting.term_years: nhiệm kỳ %d - %d, the term of that kind of body in the article", c.first, c.last))
			return
		}
	}
}

// hasFullDate is a quick look for a date with its year, "18/3/2002",
// "18-3-2002", "18.3.2002" or "2002-03-18", before the date finder reads it.
func hasFullDate(s string) bool {
	digits, seps := 0, 0 // digits in the current group, separators seen
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			digits++
			if seps == 2 && digits == 4 {
				return true
			}
		case (c == '/' || c == '-' || c == '.') && digits > 0:
			seps, digits = seps+1, 0
			if seps > 2 {
				seps = 0
			}
		default:
			seps, digits = 0, 0
		}
	}
	return false
}

// dateReach is how far around a number the words of a date or period reach:
// "Chiều 18/02", "ngày 14 tháng 01 năm 2022", "nhiệm kỳ 2020 - 2025".
const dateReach = 24

// findPeriods is vn.FindPeriods run only on the stretches of text around
// numbers, where dates and periods are: the finder's time goes on the words
// it reads, and most words of an article hold no date.
func findPeriods(text string, ref date.Date) []vn.PeriodMatch {
	var out []vn.PeriodMatch
	for i := 0; i < len(text); {
		if !isDigitByte(text[i]) {
			i++
			continue
		}
		start, end := i-dateReach, i+dateReach
		for j := i; j < len(text) && j < end; j++ {
			if isDigitByte(text[j]) && j+dateReach > end {
				end = j + dateReach // the window grows with each number in it
			}
		}
		start, end = wordStart(text, max(start, 0)), wordEnd(text, min(end, len(text)))
		for _, m := range vn.FindPeriods(text[start:end], ref) {
			m.Start += start
			m.End += start
			out = append(out, m)
		}
		i = end
	}
	return out
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// wordStart moves i back to the start of the word it is in.
func wordStart(s string, i int) int {
	for i > 0 && s[i-1] != ' ' {
		i--
	}
	return i
}

// wordEnd moves i forward to the end of the word it is in.
func wordEnd(s string, i int) int {
	for i < len(s) && s[i] != ' ' {
		i++
	}
	return i
}
