package vn

import (
	"unicode"
	"unicode/utf8"
)

// The parsers of number words, ordinals, dates and periods read a text as
// tokens: words, runs of ASCII digits and single punctuation runes. White
// space between tokens is skipped, so "lần  thứ\u00a0năm" reads like "lần
// thứ năm", and every token keeps its byte span in the original text, so
// that errors and matches point into what the caller passed.

type tokenKind uint8

const (
	tokWord   tokenKind = iota + 1 // letters and combining marks
	tokNumber                      // ASCII digits
	tokPunct                       // any other rune that is not white space
)

// token is one word, number or punctuation rune of a text.
type token struct {
	kind       tokenKind
	start, end int    // byte span in the text
	key        string // for a word its Key ("khoá" gives "khóa"); otherwise the text itself
}

// tokenize splits s into tokens.
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/6+1) // about one token in six bytes of Vietnamese prose
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isSpaceRune(r):
			i += size
		case r >= '0' && r <= '9':
			j := i + 1
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			toks = append(toks, token{kind: tokNumber, start: i, end: j, key: s[i:j]})
			i = j
		case isWordRune(r):
			j := i + size
			for j < len(s) {
				r, size := utf8.DecodeRuneInString(s[j:])
				if !isWordRune(r) {
					break
				}
				j += size
			}
			toks = append(toks, token{kind: tokWord, start: i, end: j, key: Key(s[i:j])})
			i = j
		default:
			toks = append(toks, token{kind: tokPunct, start: i, end: i + size, key: s[i : i+size]})
			i += size
		}
	}
	return toks
}

// isSpaceRune reports whether r separates tokens: white space and the
// runes Normalize turns into spaces or line breaks.
func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiFold[r] == ' '
	}
	if c := specialRune(r); c == ' ' || c == '\n' {
		return true
	}
	return unicode.IsSpace(r)
}

// isWordRune reports whether r belongs to a word: letters, combining marks,
// and the invisible joiners Normalize drops.
func isWordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return isASCIILetter(byte(r))
	case lookupLetter(r).index != 0:
		return true
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || specialRune(r) == -1
}

// tokens is a tokenised text being parsed.
type tokens struct {
	text string
	toks []token
}

func newTokens(s string) *tokens { return &tokens{text: s, toks: tokenize(s)} }

// is reports whether token i exists and its key is one of keys.
func (t *tokens) is(i int, keys ...string) bool {
	if i >= len(t.toks) {
		return false
	}
	for _, k := range keys {
		if t.toks[i].key == k {
			return true
		}
	}
	return false
}

// adjacent reports whether tokens i and i+1 both exist and touch, with no
// space between them ("18/3" but not "18 / 3").
func (t *tokens) adjacent(i int) bool {
	return i+1 < len(t.toks) && t.toks[i].end == t.toks[i+1].start
}

// raw returns the text of token i.
func (t *tokens) raw(i int) string { return t.text[t.toks[i].start:t.toks[i].end] }

// errAt returns an error at token i, or at the end of the text if there is no token i.
func (t *tokens) errAt(i int, expected string) *ParseError {
	if i >= len(t.toks) {
		return errAt(len(t.text), expected, "")
	}
	return errAt(t.toks[i].start, expected, t.raw(i))
}

// end returns the byte offset just after token i-1, the end of a match
// that consumed tokens up to i.
func (t *tokens) end(i int) int {
	if i == 0 {
		return 0
	}
	return t.toks[i-1].end
}
