package vn

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Vietnamese order and sort keys.
//
// Strings compare in three levels, like the Unicode Collation Algorithm
// with CLDR's Vietnamese tailoring:
//
//  1. letters of the alphabet, a ă â b c d đ e ê (f) g h i (j) k l m n o ô
//     ơ p q r s t u ư v (w) x y (z), each a letter of its own; before the
//     letters come white space, then punctuation and symbols, then numbers;
//     after them the letters of other scripts;
//  2. tones, in dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng (the
//     order of CLDR's tailoring, &̀<<̉<<̃<<́<<̣, and of the traditional
//     dictionaries: they agree);
//  3. case, lower before upper.
//
// A later level counts only when the earlier ones are equal, so "ma" <
// "Ma" < "mà" < "mả" < "mã" < "má" < "mạ" < "mai". Runs of digits compare
// as numbers ("Khóa 2" < "Khóa 10"; "02" comes after "2" and before "3"),
// since numbered bodies, terms and documents are what Plenum lists most.
// Numbers in the thousands written with a dot ("1.600") are two numbers.
// Strings are compared after Normalize, with runs of white space as one
// space and none at the ends, so "hoà" and "hòa" are equal.
//
// A sort key is printable ASCII: the level-1 weights of the whole string,
// a separator, the level-2 weights, a separator, the level-3 weights. Every
// weight byte is above the separator, so a string that is a prefix of
// another sorts first, and at each level trailing weights of the lowest
// value are dropped, which keeps the keys of lower-case text without tones
// as short as the text. Byte order of keys is the order Compare gives, in
// Go, in SQLite (BINARY) and in PostgreSQL (COLLATE "C"). The weights come
// from this file and letters.go only, never from a collation library's
// tables, so keys stored in a database stay valid across upgrades. Only
// characters outside the alphabet and ASCII lean on Unicode data (NFC and
// NFD, letter categories and lower case), which Unicode keeps stable for
// assigned characters but for rare changes such as the Georgian capitals
// of Unicode 11; a key holding such a character may then need recomputing.
//
// Level-1 weights:
//
//	'!'          reserved for separating the parts of a NameSortKey
//	'"'          level separator
//	'#'          white space
//	'$' … 'C'    the 32 ASCII punctuation and symbol characters, in ASCII order
//	'D' + 4      any other character that is not a letter, by code point
//	'E' … 'X'    a number: its count of significant digits (1-20), then the digits
//	'Y' … 'y'    the 33 letters of alphabet
//	'z' + 4      a letter of another script, by code point of its lower case
//
// where "+ 4" is the code point in four base-64 digits '0' … 'o'. Latin
// letters with marks Vietnamese does not use ("ñ", "ü", "ç") weigh as their
// base letter at level 1 and as '6' plus their code point at level 2,
// after the five tones. Digit runs longer than 20 are cut into numbers of
// 20 digits; the count of leading zeros is the number's level-2 weight.
const (
	nameSep          = '!'
	levelSep         = '"'
	weightSpace      = '#'
	weightPunct      = '$'
	weightOtherSym   = 'D'
	weightNumber     = 'E'
	weightLetter     = 'Y'
	weightOtherAlpha = 'z'
	weightForeign    = '6' // level 2: a mark Vietnamese does not use
	maxDigitRun      = 20
)

// asciiPunct lists the ASCII punctuation and symbol characters in order.
const asciiPunct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

// Compare returns -1, 0 or +1 as a sorts before, with or after b in
// Vietnamese order. It always agrees with comparing SortKey(a) and
// SortKey(b), because it compares exactly those keys, built in stack
// buffers, so short strings are compared without allocating.
func Compare(a, b string) int {
	if a == b {
		return 0
	}
	var ka, kb [128]byte
	return bytes.Compare(appendSortKey(ka[:0], a), appendSortKey(kb[:0], b))
}

// SortKey returns the sort key of s: printable ASCII whose byte order is
// the Vietnamese order of Compare. Store it in a column next to the text
// and ORDER BY it (COLLATE "C" on PostgreSQL).
func SortKey(s string) string {
	var k [128]byte
	return string(appendSortKey(k[:0], s))
}

// appendSortKey appends the sort key of s to dst.
func appendSortKey(dst []byte, s string) []byte {
	s = Normalize(s)
	var l2buf, l3buf [128]byte
	l2, l3 := l2buf[:0], l3buf[:0]
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case asciiFold[c] == ' ':
				i++
				space = len(l3) > 0
				continue
			case c >= '0' && c <= '9':
				j := i + 1
				for j < len(s) && j-i < maxDigitRun && s[j] >= '0' && s[j] <= '9' {
					j++
				}
				dst, l2, l3 = appendSpace(dst, l2, l3, &space)
				dst, l2 = appendNumber(dst, l2, s[i:j])
				l3 = append(l3, '0')
				i = j
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsSpace(r) {
			space = len(l3) > 0
			continue
		}
		dst, l2, l3 = appendSpace(dst, l2, l3, &space)
		dst, l2, l3 = appendRuneWeights(dst, l2, l3, r)
	}
	dst = append(dst, levelSep)
	dst = append(dst, bytes.TrimRight(l2, "0")...)
	dst = append(dst, levelSep)
	dst = append(dst, bytes.TrimRight(l3, "0")...)
	return bytes.TrimRight(dst, string(levelSep))
}

// appendSpace writes the weights of a pending space.
func appendSpace(dst, l2, l3 []byte, space *bool) ([]byte, []byte, []byte) {
	if !*space {
		return dst, l2, l3
	}
	*space = false
	return append(dst, weightSpace), append(l2, '0'), append(l3, '0')
}

// appendNumber writes the weights of a run of 1 to 20 digits.
func appendNumber(dst, l2 []byte, digits string) ([]byte, []byte) {
	zeros := 0
	for zeros < len(digits)-1 && digits[zeros] == '0' {
		zeros++
	}
	digits = digits[zeros:]
	dst = append(dst, weightNumber+byte(len(digits)-1))
	dst = append(dst, digits...)
	return dst, append(l2, '0'+byte(zeros))
}

// appendRuneWeights writes the weights of a rune that is neither white
// space nor an ASCII digit.
func appendRuneWeights(dst, l2, l3 []byte, r rune) ([]byte, []byte, []byte) {
	if l := lookupLetter(r); l.index != 0 {
		return append(dst, weightLetter+l.index-1), append(l2, '0'+l.tone), append(l3, caseWeight(l.upper))
	}
	if i := strings.IndexRune(asciiPunct, r); i >= 0 {
		return append(dst, weightPunct+byte(i)), append(l2, '0'), append(l3, '0')
	}
	lower := unicode.ToLower(r)
	upper := lower != r
	if base, ok := latinBase(lower); ok {
		l := lookupLetter(base)
		dst = append(dst, weightLetter+l.index-1)
		l2 = appendCodePoint(append(l2, weightForeign), lower)
		return dst, l2, append(l3, caseWeight(upper))
	}
	lead := byte(weightOtherSym)
	if unicode.IsLetter(r) {
		lead = weightOtherAlpha
	}
	return appendCodePoint(append(dst, lead), lower), append(l2, '0'), append(l3, caseWeight(upper))
}

// latinBase returns the ASCII letter a Latin letter with marks decomposes to
// ("ñ" to "n"), or false.
func latinBase(r rune) (rune, bool) {
	if r < 0xC0 || r > 0x24F && (r < 0x1E00 || r > 0x1EFF) {
		return 0, false
	}
	var enc [utf8.UTFMax]byte
	var dec [4 * utf8.UTFMax]byte
	d := norm.NFD.Append(dec[:0], enc[:utf8.EncodeRune(enc[:], r)]...)
	if len(d) > 1 && d[0] < utf8.RuneSelf && isASCIILetter(d[0]) {
		return rune(d[0]), true
	}
	return 0, false
}

// appendCodePoint writes r as four base-64 digits '0' … 'o', most significant first.
func appendCodePoint(dst []byte, r rune) []byte {
	return append(dst, '0'+byte(r>>18&63), '0'+byte(r>>12&63), '0'+byte(r>>6&63), '0'+byte(r&63))
}

func caseWeight(upper bool) byte {
	if upper {
		return '1'
	}
	return '0'
}
