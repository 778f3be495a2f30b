package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"plenum/internal/docsym"
	"plenum/internal/vn"
)

// maxWord drops words longer than this many bytes from the index and from
// queries alike: PostgreSQL refuses to index words over 2047 bytes, and
// nobody searches for one.
const maxWord = 64

// isWordRune reports whether r belongs to a word: a letter or a digit.
// Everything else separates words, on both engines (FTS5's unicode61 and
// PostgreSQL's parser only ever see words and single spaces).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// splitWords returns the folded words of s: vn.Fold ("Đường Hà Nội" →
// "duong ha noi", "uỷ" and "ủy" → "uy"), then split on every rune that is
// not a letter or a digit ("147-KH/TU" → 147 kh tu).
func splitWords(s string) []string {
	f := vn.Fold(s)
	var out []string
	start := -1
	for i, r := range f {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = appendWord(out, f[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = appendWord(out, f[start:])
	}
	return out
}

func appendWord(ws []string, w string) []string {
	if len(w) > maxWord {
		return ws
	}
	return append(ws, w)
}

// foldWords is splitWords joined by single spaces: the form stored in the
// f_title and f_body columns.
func foldWords(s string) string { return strings.Join(splitWords(s), " ") }

// isDigits reports whether w is a non-empty run of ASCII digits.
func isDigits(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// isYear reports whether w is a year a document may carry.
func isYear(w string) bool {
	return len(w) == 4 && isDigits(w) && w >= "1945" && w <= "2100"
}

// trimZeros drops the leading zeros of a number: "09" and "9" are one number.
func trimZeros(w string) string {
	t := strings.TrimLeft(w, "0")
	if t == "" {
		return "0"
	}
	return t
}

// symbolTokens returns the tokens a symbol is found by, from the least to
// the most specific: "147-KH/TU" gives 147, 147kh, 147khtu;
// "12/2021/NQ-HĐND" gives 12, 12nq, 12nqhdnd and 12y2021 (the year has its
// own token, so "12/2021" finds it too). A symbol docsym can read is
// canonicalised first ("009 - ctr / tu" is 09-CTr/TU). Text that does not
// start with a number has no tokens.
func symbolTokens(symbol string) []string {
	if s, err := docsym.ParseLenient(symbol); err == nil {
		symbol = s.String()
	}
	return chainTokens(splitWords(symbol))
}

// chainTokens returns the symbol tokens of a symbol's folded words: a
// number, an optional year, then codes.
func chainTokens(ws []string) []string {
	if len(ws) == 0 || !isDigits(ws[0]) {
		return nil
	}
	n := trimZeros(ws[0])
	out := []string{n}
	rest := ws[1:]
	year := ""
	if len(rest) > 0 && isYear(rest[0]) {
		year, rest = rest[0], rest[1:]
	}
	acc := n
	for _, w := range rest {
		acc += w
		out = append(out, acc)
	}
	if year != "" {
		out = append(out, n+"y"+year)
	}
	return out
}
