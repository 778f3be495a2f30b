package vn

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns the form in which Plenum stores and reads text:
//
//   - runs of white space are kept as they are, but every space character
//     (tab, U+00A0 NO-BREAK SPACE, U+2000–U+200B, U+202F, U+3000, …) becomes
//     a plain space, U+2028/U+2029/U+0085 become "\n", and invisible
//     joiners and soft hyphens are dropped (see specialRune);
//   - "Ð"/"ð" (U+00D0/U+00F0), which some portals print for "Đ"/"đ", become "Đ"/"đ";
//   - the text is put in Unicode NFC;
//   - tone marks are placed the modern way (see ModernTones).
//
// Case, line breaks and runs of spaces are kept: Normalize changes
// characters, not layout, so the paragraphs of an article survive and a
// byte span found in the normalised text covers the same words a reader
// sees. Invalid UTF-8 becomes U+FFFD. Normalize is idempotent and returns s
// itself, without allocating, when there is nothing to change.
func Normalize(s string) string {
	if !isPlain(s) {
		s = norm.NFC.String(mapSpecials(s))
	}
	return retone(s)
}

// Clean normalises one line of text as Plenum stores it (a name, a title)
// and collapses white space.
func Clean(s string) string { return strings.Join(strings.Fields(Normalize(s)), " ") }

// CleanText normalises a text of several lines as Plenum stores it: the
// lines are kept, their trailing spaces and the blank ends dropped.
func CleanText(s string) string {
	lines := strings.Split(strings.ReplaceAll(Normalize(s), "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// isPlain reports whether s holds only ASCII other than the odd spaces,
// precomposed Vietnamese letters and common typographic punctuation:
// text that is NFC and has nothing for mapSpecials to change, which is
// almost all Vietnamese text and is checked faster than NFC is.
func isPlain(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == '\t' || c == '\v' || c == '\f' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch r {
		case 0xD0, 0xF0: // Ð and ð are in the letter table but must be mapped
			return false
		case '–', '—', '‘', '’', '“', '”', '…':
			continue
		}
		if lookupLetter(r).index == 0 {
			return false
		}
	}
	return true
}

// ModernTones returns s in NFC with the tone mark of every syllable spelt
// with oa, oe or uy placed the modern way: on the first vowel when the
// syllable ends there ("hoà" → "hòa", "khoẻ" → "khỏe", "uỷ" → "ủy",
// "Thuý" → "Thúy"), on the second when a consonant follows ("hoàng",
// "khoét", "huỳnh", both styles agree there and a mark found on the first
// vowel is moved back). In "qu" the u belongs to the consonant, so "quý"
// and "quá" are left alone. Words that are not Vietnamese syllables
// (foreign words, abbreviations) are left alone.
func ModernTones(s string) string {
	return retone(norm.NFC.String(s))
}

// mapSpecials applies specialRune to s and replaces invalid UTF-8 with
// U+FFFD; it returns s itself when nothing changes.
func mapSpecials(s string) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == '\t' || c == '\v' || c == '\f' {
				return mapSpecialsFrom(s, i)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if specialRune(r) != r || size == 1 {
			return mapSpecialsFrom(s, i)
		}
		i += size
	}
	return s
}

// mapSpecialsFrom is mapSpecials for a string whose first change is at byte i.
func mapSpecialsFrom(s string, i int) string {
	b := make([]byte, i, len(s)+8)
	copy(b, s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r = specialRune(r); r >= 0 {
			b = utf8.AppendRune(b, r)
		}
	}
	return string(b)
}

// Fold returns the accent-insensitive search key of s: the normalised text
// in lower case, without diacritics, with "đ" as "d", with every run of
// white space (line breaks included) as one space and none at either end.
// "Đường Hà Nội ĐẶNG" folds to "duong ha noi dang", "HÐND" to "hdnd".
// Punctuation and digits are kept; letters of other scripts are lowered and
// lose their combining marks. Fold(s) == Fold(Normalize(s)) for every s.
func Fold(s string) string {
	if isFolded(s) {
		return s
	}
	return string(AppendFold(make([]byte, 0, len(s)), s))
}

// AppendFold appends Fold(s) to dst and returns the extended slice; it
// allocates only when dst must grow. Letters of Vietnamese and ASCII take a
// table look-up each; other scripts go through Unicode decomposition.
func AppendFold(dst []byte, s string) []byte {
	start := len(dst)
	space := false // a space is due before the next character written
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			k := asciiFold[c]
			if k == ' ' {
				space = len(dst) > start
				continue
			}
			if space {
				dst = append(dst, ' ')
				space = false
			}
			dst = append(dst, k)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if l := lookupLetter(r); l.index != 0 {
			if space {
				dst = append(dst, ' ')
				space = false
			}
			dst = append(dst, foldedAlphabet[l.index-1])
			continue
		}
		if r >= 0x300 && r <= 0x36F { // combining diacritical marks
			continue
		}
		switch specialRune(r) {
		case -1:
			continue
		case ' ', '\n':
			space = len(dst) > start
			continue
		}
		// A rune of another script may fold to nothing (a lone combining
		// mark): then the pending space stays pending.
		mark := len(dst)
		if space {
			dst = append(dst, ' ')
		}
		n := len(dst)
		if dst = appendFoldRune(dst, r); len(dst) == n {
			dst = dst[:mark]
		} else {
			space = false
		}
	}
	return dst
}

// appendFoldRune folds a rune outside the fast tables: it decomposes it
// (NFD), drops the combining marks (unicode.Mn) and lowers the rest.
func appendFoldRune(dst []byte, r rune) []byte {
	var enc [utf8.UTFMax]byte
	var dec [4 * utf8.UTFMax]byte
	d := norm.NFD.Append(dec[:0], enc[:utf8.EncodeRune(enc[:], r)]...)
	for len(d) > 0 {
		r, size := utf8.DecodeRune(d)
		d = d[size:]
		switch l := lookupLetter(r); {
		case l.index != 0:
			dst = append(dst, foldedAlphabet[l.index-1])
		case !unicode.Is(unicode.Mn, r):
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// isFolded reports whether s is its own fold: lower-case ASCII without
// runs of white space or white space at the ends.
func isFolded(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || asciiFold[c] != c {
			return false
		}
		if c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			return false
		}
	}
	return true
}

// asciiFold lowers ASCII letters and turns ASCII white space into ' '.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = byte(c)
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = byte(c) + 'a' - 'A'
	}
	for _, c := range "\t\n\v\f\r" {
		t[c] = ' '
	}
	return t
}()

// Key returns the exact matching key of s: the normalised text in lower
// case with every run of white space as one space and none at either end.
// Unlike Fold it keeps diacritics, so Key("Quý") != Key("quy") while
// Key("Hoà Bình") == Key("hòa  bình").
func Key(s string) string {
	s = Normalize(s)
	if isKey(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	space := false
	lowered := false // a letter of another script was lowered
	for _, r := range s {
		switch {
		case r == ' ' || r == '\n' || r == '\r':
			space = len(b) > 0
			continue
		case space:
			b = append(b, ' ')
			space = false
		}
		if l := lookupLetter(r); l.index != 0 {
			r = compose(l.index, l.tone, false)
		} else if lr := unicode.ToLower(r); lr != r {
			r, lowered = lr, true
		}
		b = utf8.AppendRune(b, r)
	}
	if lowered {
		// Lowering can undo NFC: "İ" lowers to a plain "i", which then
		// composes with the marks after it.
		return norm.NFC.String(string(b))
	}
	return string(b)
}

// isKey reports whether the normalised text s is its own Key: no upper
// case, no white space but single spaces between words, and nothing but
// ASCII and Vietnamese letters, whose lower case is known to be stable.
func isKey(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' || asciiFold[c] == ' ' && (c != ' ' || i == 0 || i == len(s)-1 || s[i+1] == ' ') {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if l := lookupLetter(r); l.index == 0 || l.upper {
			return false
		}
		i += size
	}
	return true
}
