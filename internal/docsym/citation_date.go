package docsym

import "plenum/internal/date"

// dateAfter reads the date of issue printed after a citation's number,
// "ngày 18/3/2002", starting at token i. Reading dates belongs to package vn,
// whose date finder has not landed yet: until it does, citations carry no
// date.
func dateAfter(text string, toks []tok, i int) (date.Date, int, bool) {
	return date.Date{}, 0, false
}
