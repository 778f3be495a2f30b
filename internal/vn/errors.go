package vn

import (
	"fmt"
	"unicode/utf8"
)

// ParseError reports where a parser stopped and what it expected there:
//
//	vn: at byte 5: expected a month 1-12, found "13"
type ParseError struct {
	Pos      int    // byte offset in the input
	Expected string // what would have been accepted there, e.g. "a month 1-12"
	Found    string // the text found at Pos; empty at the end of the input
}

// Error formats the error as in the example above.
func (e *ParseError) Error() string {
	if e.Found == "" {
		return fmt.Sprintf("vn: at byte %d: expected %s, found end of text", e.Pos, e.Expected)
	}
	return fmt.Sprintf("vn: at byte %d: expected %s, found %q", e.Pos, e.Expected, e.Found)
}

// maxFound bounds the excerpt an error quotes, so that a long input does
// not end up whole in a log line.
const maxFound = 24

// errAt returns a ParseError at byte pos of s; found is the excerpt to
// quote, cut at a rune boundary if it is long.
func errAt(pos int, expected, found string) *ParseError {
	if len(found) > maxFound {
		n := maxFound
		for n > 0 && !utf8.RuneStart(found[n]) {
			n--
		}
		found = found[:n] + "…"
	}
	return &ParseError{Pos: pos, Expected: expected, Found: found}
}
