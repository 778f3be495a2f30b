package vn

import (
	"unicode"
	"unicode/utf8"
)

// Tone placement.
//
// Vietnamese writes the tone mark on the main vowel of a syllable. The two
// spellings in use differ only for the rhymes oa, oe and uy with no final
// consonant: the older typewriter style marks the second vowel ("hoà",
// "khoẻ", "thuỷ"), the style of today's official documents and textbooks
// the first ("hòa", "khỏe", "thủy"). With a final consonant both mark the
// second vowel ("hoàng", "khoét", "huỳnh"). In "qu" the u is part of the
// consonant, so "quý", "quỳnh" and "quá" have a single vowel and never
// move. Every other rhyme (ua, ia, oai, uyê, ươ, …) is spelt the same way
// in both styles and is left as it is.

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
		ascii := true // a word of ASCII letters has no tone mark to move
		for i < len(s) {
			if c := s[i]; c < utf8.RuneSelf {
				if !isASCIILetter(c) {
					break
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if lookupLetter(r).index == 0 && !unicode.IsLetter(r) && !unicode.IsMark(r) {
				break
			}
			ascii = false
			i += size
		}
		if i == start { // a rune that is neither letter nor mark
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		if ascii {
			continue
		}
		if fixed, ok := retoneWord(s[start:i]); ok {
			if out == nil {
				out = make([]byte, 0, len(s))
			}
			out = append(out, s[copied:start]...)
			out = append(out, fixed...)
			copied = i
		}
	}
	if out == nil {
		return s
	}
	return string(append(out, s[copied:]...))
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// retoneWord returns word with its tone moved, and true, if word is one
// Vietnamese syllable whose rhyme is oa, oe or uy and whose tone mark sits
// on the wrong vowel; otherwise it returns false.
func retoneWord(word string) (string, bool) {
	var runes [maxSyllable]rune
	var ls [maxSyllable]letter
	n := 0
	toned := false
	for _, r := range word {
		if n == maxSyllable {
			return "", false
		}
		l := lookupLetter(r)
		if l.index == 0 {
			return "", false
		}
		runes[n], ls[n] = r, l
		toned = toned || l.tone != toneNone
		n++
	}
	if !toned {
		return "", false
	}
	// The initial consonant: everything before the first vowel, plus the u of qu.
	v := 0
	for v < n && !ls[v].vowel {
		v++
	}
	if v > 0 && v < n && base(ls[v-1]) == 'q' && base(ls[v]) == 'u' {
		if ls[v].tone != toneNone {
			return "", false
		}
		v++
	}
	if v+2 > n {
		return "", false
	}
	if a, b := base(ls[v]), base(ls[v+1]); !(a == 'o' && (b == 'a' || b == 'e') || a == 'u' && b == 'y') {
		return "", false
	}
	if !validInitial(ls[:v]) {
		return "", false
	}
	final := v + 2
	if !validFinal(ls[final:n]) {
		return "", false
	}
	first, second := ls[v], ls[v+1]
	if (first.tone == toneNone) == (second.tone == toneNone) {
		return "", false // no tone on the rhyme, or two
	}
	onFirst := first.tone != toneNone
	if open := final == n; onFirst == open {
		return "", false // already in place
	}
	tone := first.tone + second.tone
	if onFirst {
		first.tone, second.tone = toneNone, tone
	} else {
		first.tone, second.tone = tone, toneNone
	}
	runes[v] = compose(first.index, first.tone, first.upper)
	runes[v+1] = compose(second.index, second.tone, second.upper)
	return string(runes[:n]), true
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
