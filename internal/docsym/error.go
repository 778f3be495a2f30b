package docsym

import (
	"strconv"
	"unicode/utf8"
)

// SyntaxError reports why a symbol could not be read: what was expected at
// which byte of the input, and what was found there.
type SyntaxError struct {
	Input    string
	Offset   int    // byte offset in Input
	Expected string // `a kind code such as KH, NQ or QĐ after "-"`
	Found    string // the text at Offset, "" at the end of the input
	// Suggest is the canonical symbol the input means when its only fault is
	// the layout of the other system ("09/NQ-TU" for 09-NQ/TU), else "".
	Suggest string
}

// Error returns `docsym: at byte 4: expected …, found "X"`.
func (e *SyntaxError) Error() string {
	b := make([]byte, 0, 96+len(e.Expected))
	b = append(b, "docsym: at byte "...)
	b = strconv.AppendInt(b, int64(e.Offset), 10)
	b = append(b, ": expected "...)
	b = append(b, e.Expected...)
	if e.Found == "" {
		b = append(b, ", found the end of the symbol"...)
	} else {
		b = append(b, ", found "...)
		b = strconv.AppendQuote(b, e.Found)
	}
	if e.Suggest != "" {
		b = append(b, "; did you mean "...)
		b = strconv.AppendQuote(b, e.Suggest)
		b = append(b, '?')
	}
	return string(b)
}

// maxFound bounds the excerpt an error quotes, so that a long input does not
// end up whole in a log line or a JSON answer.
const maxFound = 24

// foundAt returns the token of s at byte i for an error message: a run of
// letters or of digits, or else one character.
func foundAt(s string, i int) string {
	if i >= len(s) {
		return ""
	}
	end := scanLetters(s, i)
	if end == i {
		end = scanDigits(s, i)
	}
	if end == i {
		_, n := utf8.DecodeRuneInString(s[i:])
		end = i + n
	}
	if end-i > maxFound {
		end = i + maxFound
		for end > i && !utf8.RuneStart(s[end]) {
			end--
		}
	}
	return s[i:end]
}
