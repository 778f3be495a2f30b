package vn

import "strconv"

// OrdinalKind tells what an ordinal phrase counts, from the word that introduces it.
type OrdinalKind uint8

const (
	// OrdinalTimes is "lần thứ N": the Nth conference or congress of a body.
	OrdinalTimes OrdinalKind = iota + 1
	// OrdinalNth is "thứ N" alone: "Kỳ họp thứ mười hai", "Hội nghị thứ 5".
	// Beware that "thứ hai" … "thứ bảy" also name the days of the week.
	OrdinalNth
	// OrdinalTerm is "khóa N": the Nth term of a body ("khóa XII").
	OrdinalTerm
)

// String returns the words that introduce the ordinal: "lần thứ", "thứ", "khóa".
func (k OrdinalKind) String() string {
	switch k {
	case OrdinalTimes:
		return "lần thứ"
	case OrdinalNth:
		return "thứ"
	case OrdinalTerm:
		return "khóa"
	}
	return "OrdinalKind(" + strconv.Itoa(int(k)) + ")"
}

// OrdinalMatch is an ordinal phrase found in a text.
type OrdinalMatch struct {
	Start, End int // byte span of the phrase in the text, introducing words included
	Kind       OrdinalKind
	Value      int
}

// maxOrdinalDigits bounds an ordinal written in digits; no body meets a
// million times.
const maxOrdinalDigits = 6

// maxNumberTokens bounds the words of a number in running text; the
// longest below a million ("chín trăm chín mươi chín nghìn chín trăm chín
// mươi chín") has 12.
const maxNumberTokens = 16

// ParseOrdinal reads an ordinal: "lần thứ tư" and "thứ tư" are 4, "thứ
// nhất" 1, "thứ nhì" and "thứ hai" 2, "thứ mười hai" 12, "lần thứ 5" 5,
// "lần thứ XII" and "khóa XII" 12. The introducing words may be left out
// ("XII", "mười hai"). After "thứ", 1 is "nhất" ("thứ một" is refused) and
// 4 alone is "tư" or "bốn". Roman numerals may be upper or lower case.
func ParseOrdinal(s string) (int, error) {
	t := newTokens(s)
	i := 0
	switch {
	case t.is(0, "lần"):
		if !t.is(1, "thứ") {
			return 0, t.errAt(1, `"thứ" after "lần"`)
		}
		i = 2
	case t.is(0, "thứ"), t.is(0, "khóa"):
		i = 1
	}
	n, next, err := t.ordinalNumber(i, true)
	if err != nil {
		return 0, err
	}
	if next < len(t.toks) {
		return 0, t.afterNumberErr(next)
	}
	return n, nil
}

// ordinalNumber reads the number of an ordinal at token i: digits, a Roman
// numeral or words. In running text (lenient false) a Roman numeral must be
// in upper case, so that words such as "vi" or "mi" are not read as numbers.
func (t *tokens) ordinalNumber(i int, lenient bool) (n, next int, err *ParseError) {
	const expected = "an ordinal number (digits, Roman numeral or words)"
	if i >= len(t.toks) {
		return 0, i, t.errAt(i, expected)
	}
	tok := t.toks[i]
	switch tok.kind {
	case tokNumber:
		n, err := strconv.Atoi(tok.key)
		if err != nil || len(tok.key) > maxOrdinalDigits || n == 0 {
			return 0, i, t.errAt(i, "an ordinal number 1-999999")
		}
		return n, i + 1, nil
	case tokWord:
		if r, err := ParseRoman(t.raw(i)); err == nil && (lenient || isUpperRoman(t.raw(i))) {
			return r, i + 1, nil
		}
		switch tok.key {
		case "nhất":
			return 1, i + 1, nil
		case "nhì":
			return 2, i + 1, nil
		case "tư":
			return 4, i + 1, nil
		case "một":
			return 0, i, t.errAt(i, `"nhất" for the first`)
		}
		if n, next, err := t.numberWords(i); err == nil && n > 0 {
			return n, next, nil
		}
		if !lenient {
			// In running text the words after a number may look like the
			// start of a longer one ("thứ hai trăm linh…" cut short): take
			// the longest run of words that makes a number.
			for end := min(len(t.toks), i+maxNumberTokens) - 1; end > i; end-- {
				sub := &tokens{text: t.text, toks: t.toks[:end]}
				if n, next, err := sub.numberWords(i); err == nil && n > 0 {
					return n, next, nil
				}
			}
		}
	}
	return 0, i, t.errAt(i, expected)
}

// FindOrdinals returns the ordinal phrases of text, in order: "lần thứ
// năm", "lần thứ XI", "lần thứ 2", "thứ mười hai" and "khóa XII" (or
// "khoá"; a term takes digits or a Roman numeral, not words). Spans are
// byte offsets into text as given, so the caller can look at the words
// before a phrase ("Hội nghị", "Kỳ họp", "Đại hội") to know what it counts.
func FindOrdinals(text string) []OrdinalMatch {
	t := newTokens(text)
	var found []OrdinalMatch
	for i := 0; i < len(t.toks); i++ {
		var kind OrdinalKind
		j := i + 1
		switch {
		case t.is(i, "lần") && t.is(i+1, "thứ"):
			kind, j = OrdinalTimes, i+2
		case t.is(i, "thứ"):
			kind = OrdinalNth
		case t.is(i, "khóa"):
			if j >= len(t.toks) || t.toks[j].kind != tokNumber && !isUpperRoman(t.raw(j)) {
				continue
			}
			kind = OrdinalTerm
		default:
			continue
		}
		n, next, err := t.ordinalNumber(j, false)
		if err != nil {
			continue
		}
		found = append(found, OrdinalMatch{Start: t.toks[i].start, End: t.end(next), Kind: kind, Value: n})
		i = next - 1
	}
	return found
}

// FormatOrdinal writes n, at least 1, as an ordinal in words: "thứ nhất",
// "thứ hai", "thứ tư", "thứ mười hai", "thứ hai mươi mốt". It returns ""
// for n < 1.
func FormatOrdinal(n int) string {
	switch {
	case n < 1:
		return ""
	case n == 1:
		return "thứ nhất"
	case n == 4:
		return "thứ tư"
	}
	return "thứ " + FormatNumberWords(n)
}

// isUpperRoman reports whether s is a Roman numeral in upper case.
func isUpperRoman(s string) bool {
	_, err := ParseRoman(s)
	return err == nil && s[0] <= 'Z'
}
