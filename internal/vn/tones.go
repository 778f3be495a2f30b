package vn

import (
	"unicode"
	"unicode/utf8"
)

// Tone placement.
//
// Vietnamese writes the tone mark on the main vowel of a syllable. The two
// spellings in use differ only for the rhymes oa, oe and uy with no final
// consonant: one marks the second vowel ("hoà", "khoẻ", "thuỷ"), the other
// the first ("hòa", "khỏe", "thủy"). Texts mix them, often on one page, so
// Plenum keeps one: the first-vowel spelling, which the templates of
// administrative documents use ("Ủy ban nhân dân") and which this package
// calls modern. With a final consonant both mark the second vowel
// ("hoàng", "khoét", "huỳnh"). In "qu" the u is part of the consonant, so
// "quý", "quỳnh" and "quá" have a single vowel and never move. Every other
// rhyme (ua, ia, oai, uyê, ươ, …) is spelt the same way in both styles and
// is left as it is.

// maxSyllable is the longest Vietnamese syllable in letters ("nghiêng").
const maxSyllable = 7

// retone returns s, which must be NFC, with the tones of its oa/oe/uy
// syllables placed the modern way; it returns s itself when nothing moves.
func retone(s string) string {
	var out []byte
	copied := 0 // s[:copied] is in out already
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf && !isASCIILetter(s[i]) {
			i++
			continue
		}
		start := i
		toned := false // only a word with a tone mark can need a change
		for i < len(s) {
			if c := s[i]; c < utf8.RuneSelf {
				if !isASCIILetter(c) {
					break
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if l := lookupLetter(r); l.index != 0 {
				toned = toned || l.tone != toneNone
			} else if !unicode.IsLetter(r) && !unicode.IsMark(r) {
				break
			}
			i += size
		}
		if i == start { // a rune that is neither letter nor mark
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		if !toned {
			continue
		}
		if fixed, n, ok := retoneWord(s[start:i]); ok {
			if out == nil {
				out = make([]byte, 0, len(s))
			}
			out = append(out, s[copied:start]...)
			for _, r := range fixed[:n] {
				out = utf8.AppendRune(out, r)
			}
			copied = i
		}
	}
	if out == nil {
		return s
	}
	return string(append(out, s[copied:]...))
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// retoneWord returns the n runes of word with its tone moved, and true, if
// word is one Vietnamese syllable whose rhyme is oa, oe or uy and whose
// tone mark sits on the wrong vowel; otherwise it returns false.
func retoneWord(word string) (runes [maxSyllable]rune, n int, ok bool) {
	var ls [maxSyllable]letter
	toned := false
	for _, r := range word {
		if n == maxSyllable {
			return runes, 0, false
		}
		l := lookupLetter(r)
		if l.index == 0 {
			return runes, 0, false
		}
		runes[n], ls[n] = r, l
		toned = toned || l.tone != toneNone
		n++
	}
	if !toned {
		return runes, 0, false
	}
	// The initial consonant: everything before the first vowel, plus the u of qu.
	v := 0
	for v < n && !ls[v].vowel {
		v++
	}
	if v > 0 && v < n && base(ls[v-1]) == 'q' && base(ls[v]) == 'u' {
		if ls[v].tone != toneNone {
			return runes, 0, false
		}
		v++
	}
	if v+2 > n {
		return runes, 0, false
	}
	if a, b := base(ls[v]), base(ls[v+1]); !(a == 'o' && (b == 'a' || b == 'e') || a == 'u' && b == 'y') {
		return runes, 0, false
	}
	if !validInitial(ls[:v]) {
		return runes, 0, false
	}
	final := v + 2
	if !validFinal(ls[final:n]) {
		return runes, 0, false
	}
	first, second := ls[v], ls[v+1]
	if (first.tone == toneNone) == (second.tone == toneNone) {
		return runes, 0, false // no tone on the rhyme, or two
	}
	onFirst := first.tone != toneNone
	if open := final == n; onFirst == open {
		return runes, 0, false // already in place
	}
	tone := first.tone + second.tone
	if onFirst {
		first.tone, second.tone = toneNone, tone
	} else {
		first.tone, second.tone = tone, toneNone
	}
	runes[v] = compose(first.index, first.tone, first.upper)
	runes[v+1] = compose(second.index, second.tone, second.upper)
	return runes, n, true
}

// base returns the toneless lower-case letter l spells.
func base(l letter) rune { return compose(l.index, toneNone, false) }

// validInitial reports whether ls spells a Vietnamese initial consonant
// (or none). It keeps foreign words such as "Zoé" out of tone placement.
func validInitial(ls []letter) bool {
	switch spell(ls) {
	case "", "b", "c", "ch", "d", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
		"nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x":
		return true
	}
	return false
}

// validFinal reports whether ls spells a Vietnamese final consonant (or none).
func validFinal(ls []letter) bool {
	switch spell(ls) {
	case "", "c", "ch", "m", "n", "ng", "nh", "p", "t":
		return true
	}
	return false
}

// spell returns up to three consonants as folded ASCII ("đ" as "d", which is
// a valid initial too), or "?" for anything longer.
func spell(ls []letter) string {
	var b [3]byte
	if len(ls) > len(b) {
		return "?"
	}
	for i, l := range ls {
		b[i] = foldedAlphabet[l.index-1]
	}
	return string(b[:len(ls)])
}
