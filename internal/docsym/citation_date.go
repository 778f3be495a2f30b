package docsym

import (
	"plenum/internal/date"
	"plenum/internal/vn"
)

// dateWindow is the number of tokens after a citation's number searched for
// its date: "ngày 14 tháng 01 năm 2022" takes six.
const dateWindow = 8

// dateAfter reads the date of issue printed from token i on (after an
// optional comma), "ngày 18/3/2002" or "ngày 14 tháng 01 năm 2022", with
// the vn date finder, and returns it with the byte where it ends. Only a
// full date counts: a document's date always carries its year.
func dateAfter(text string, toks []tok, i int) (date.Date, int, bool) {
	if i < len(toks) && toks[i].isPunct(',') {
		i++
	}
	// Most citations print no date: look for one only where it can begin,
	// at "ngày" or at a number ("18/3/2002").
	if i >= len(toks) || !(toks[i].kind == tokWord && toks[i].key == "ngay" || toks[i].kind == tokCode) {
		return date.Date{}, 0, false
	}
	start := toks[i].start
	end := toks[min(i+dateWindow, len(toks))-1].end
	found := vn.FindPeriods(text[start:end], date.Date{})
	if len(found) == 0 || found[0].Start != 0 || found[0].Kind != vn.PeriodDay {
		return date.Date{}, 0, false
	}
	return found[0].First, start + found[0].End, true
}
