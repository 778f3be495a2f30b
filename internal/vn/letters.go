package vn

import "unicode"

// alphabet is the Vietnamese alphabet in collation order. The Latin letters
// Vietnamese does not use (f, j, w, z) sit where the Latin alphabet has
// them, as in CLDR's Vietnamese collation, so that foreign names and
// abbreviations still sort sensibly.
const alphabet = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"

// foldedAlphabet gives, letter by letter, the ASCII letter each letter of
// alphabet folds to when diacritics are dropped.
const foldedAlphabet = "aaabcddeefghijklmnooopqrstuuvwxyz"

// Tones, numbered in the order they sort in: CLDR's Vietnamese tailoring
// (&̀<<̉<<̃<<́<<̣) and the traditional dictionary order agree on ngang,
// huyền, hỏi, ngã, sắc, nặng.
const (
	toneNone  = iota // ngang: no mark
	toneGrave        // huyền
	toneHook         // hỏi
	toneTilde        // ngã
	toneAcute        // sắc
	toneDot          // nặng
	numTones
)

// tonedVowels spells each vowel of the alphabet in the six tones, in tone order.
var tonedVowels = [...]string{
	"aàảãáạ", "ăằẳẵắặ", "âầẩẫấậ", "eèẻẽéẹ", "êềểễếệ", "iìỉĩíị",
	"oòỏõóọ", "ôồổỗốộ", "ơờởỡớợ", "uùủũúụ", "ưừửữứự", "yỳỷỹýỵ",
}

// letter describes a rune that spells a letter of the alphabet.
type letter struct {
	index uint8 // 1 + position in alphabet; 0 for a rune that is not a letter of it
	tone  uint8 // toneNone … toneDot
	upper bool
	vowel bool
}

// numLetters is the number of letters in alphabet.
const numLetters = 33

// letterTables holds the lookup tables, filled once at start-up and only read afterwards.
type letterTables struct {
	low      [0x1B1]letter           // U+0000–U+01B0: ASCII, Latin-1, Latin Extended-A, Ơ ơ Ư ư
	ext      [0x1EFA - 0x1EA0]letter // U+1EA0–U+1EF9: the precomposed vowels with tones
	composed [numLetters][numTones][2]rune
}

var letters = newLetterTables()

func newLetterTables() *letterTables {
	t := new(letterTables)
	set := func(r rune, l letter) {
		switch {
		case r < rune(len(t.low)):
			t.low[r] = l
		case r >= 0x1EA0 && r < 0x1EFA:
			t.ext[r-0x1EA0] = l
		}
		c := 0
		if l.upper {
			c = 1
		}
		if t.composed[l.index-1][l.tone][c] == 0 {
			t.composed[l.index-1][l.tone][c] = r
		}
	}
	vowels := map[rune]string{}
	for _, forms := range tonedVowels {
		vowels[[]rune(forms)[0]] = forms
	}
	for i, base := range []rune(alphabet) {
		index := uint8(i + 1)
		forms, vowel := vowels[base]
		if !vowel {
			forms = string(base)
		}
		for tone, r := range []rune(forms) {
			set(r, letter{index: index, tone: uint8(tone), vowel: vowel})
			set(unicode.ToUpper(r), letter{index: index, tone: uint8(tone), upper: true, vowel: vowel})
		}
	}
	// Some portals print "Đ" as "Ð" (U+00D0, the Icelandic eth), and its
	// lower case "ð" comes from the same mis-encoding; both read as đ. They
	// are set after the loop so that composing đ still gives U+0110.
	t.low[0xD0] = t.low['Đ']
	t.low[0xF0] = t.low['đ']
	return t
}

// lookupLetter describes r, or returns the zero letter if r is not a letter
// of the alphabet.
func lookupLetter(r rune) letter {
	switch {
	case r >= 0 && r < rune(len(letters.low)):
		return letters.low[r]
	case r >= 0x1EA0 && r < 0x1EFA:
		return letters.ext[r-0x1EA0]
	}
	return letter{}
}

// compose spells letter index (1-based) with the given tone and case.
func compose(index, tone uint8, upper bool) rune {
	c := 0
	if upper {
		c = 1
	}
	return letters.composed[index-1][tone][c]
}

// specialRune maps the runes Normalize replaces before anything else:
// white space other than the plain space and line breaks becomes a space,
// the Unicode line and paragraph separators become line breaks, and
// invisible format characters are dropped (-1). U+200B ZERO WIDTH SPACE is
// a space: it marks a word break. The joiners U+200C, U+200D, U+2060 and
// U+FEFF, and the soft hyphen U+00AD, sit inside words and are dropped, so
// that a word pasted with them still matches.
func specialRune(r rune) rune {
	switch r {
	case '\t', '\v', '\f', 0xA0, 0x1680, 0x200B, 0x202F, 0x205F, 0x3000:
		return ' '
	case 0x85, 0x2028, 0x2029:
		return '\n'
	case 0xAD, 0x200C, 0x200D, 0x2060, 0xFEFF:
		return -1
	case 0xD0:
		return 'Đ'
	case 0xF0:
		return 'đ'
	}
	if r >= 0x2000 && r <= 0x200A { // EN QUAD … HAIR SPACE
		return ' '
	}
	return r
}
