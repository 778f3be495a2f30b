package vn

import "strings"

// Number words.
//
// A number is read in groups of three digits, each followed by a scale
// word (nghìn or ngàn, triệu, tỷ or tỉ). Inside a group:
//
//   - hundreds: a digit word and "trăm" ("hai trăm"), "không trăm" when
//     a higher group comes first ("một nghìn không trăm linh năm");
//   - tens: "mười" for 10-19, a digit word and "mươi" (or "chục") above;
//   - units: after "mười" 1 is "một", 4 "bốn" or "tư", 5 "lăm"; after
//     "mươi" 1 is "mốt" (or "một"), 4 "tư" or "bốn", 5 "lăm" or "nhăm";
//   - a single digit after "trăm" or a scale word needs "linh" or "lẻ"
//     ("một trăm linh năm" is 105). Spoken shorthand such as "một trăm hai"
//     (120 to some, 102 to others) is refused rather than guessed.

// digitWords maps the words for 0-9 used on their own or before "trăm", "mươi".
var digitWords = map[string]int{
	"không": 0, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5,
	"sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
}

// afterMuoi maps the unit words that may follow "mười" (10-19).
var afterMuoi = map[string]int{
	"một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "lăm": 5,
	"sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
}

// afterMuoiTens maps the unit words that may follow "mươi" or "chục" (21-99).
var afterMuoiTens = map[string]int{
	"mốt": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "lăm": 5, "nhăm": 5,
	"sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
}

// afterLinh maps the unit words that may follow "linh" or "lẻ".
var afterLinh = map[string]int{
	"một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5,
	"sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
}

// scaleWords maps the words for thousand, million and billion.
var scaleWords = map[string]int{"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}

// ParseNumberWords reads a whole number written in Vietnamese words, from
// "không" (0) up to 999 999 999 999: "năm" is 5, "mười lăm" 15, "hai mươi
// mốt" 21, "một trăm linh năm" and "một trăm lẻ năm" 105, "hai nghìn không
// trăm hai mươi" 2020. Case, tone placement and spacing do not matter.
// "tư" is 4 only after "mươi", "mười" or "linh" (alone it is an ordinal,
// see ParseOrdinal), and 5 after "mười" or "mươi" is "lăm", never "năm".
func ParseNumberWords(s string) (int, error) {
	t := newTokens(s)
	n, next, err := t.numberWords(0)
	if err != nil {
		return 0, err
	}
	if next < len(t.toks) {
		return 0, t.afterNumberErr(next)
	}
	return n, nil
}

// numberWords reads number words from token i and returns their value and
// the index of the first token after them. It reads as far as the words
// still make a number and stops before the first that does not.
func (t *tokens) numberWords(i int) (n, next int, err *ParseError) {
	leading := true
	last := 0 // the last scale read; the next must be smaller
	for {
		g, j, ok, err := t.numberGroup(i, leading)
		if err != nil {
			return 0, i, err
		}
		if !ok {
			if leading {
				return 0, i, t.errAt(i, "a number in words")
			}
			return n, i, nil
		}
		scale, isScale := 0, false
		if j < len(t.toks) {
			scale, isScale = scaleWords[t.toks[j].key]
		}
		if !isScale {
			return n + g, j, nil
		}
		if g == 0 {
			return 0, i, t.errAt(i, "a digit word 1-9 before "+quote(t.toks[j].key))
		}
		if last != 0 && scale >= last {
			return 0, j, t.errAt(j, "a scale word smaller than "+quote(scaleName(last)))
		}
		n += g * scale
		last = scale
		leading = false
		i = j + 1
	}
}

// numberGroup reads a group 0-999 from token i. leading is false after a
// scale word, where the group may start with "không trăm" or "linh" and a
// bare digit is ambiguous. ok is false if no group starts at i.
func (t *tokens) numberGroup(i int, leading bool) (g, next int, ok bool, err *ParseError) {
	key := func(j int) string {
		if j < len(t.toks) && t.toks[j].kind == tokWord {
			return t.toks[j].key
		}
		return ""
	}
	j := i
	hundreds := false
	if d, isDigit := digitWords[key(j)]; isDigit && key(j+1) == "trăm" {
		if d == 0 && leading {
			return 0, i, false, t.errAt(j, "a digit word 1-9 before \"trăm\"")
		}
		g, j, hundreds = d*100, j+2, true
	}
	switch d, isDigit := digitWords[key(j)]; {
	case key(j) == "mười":
		g += 10
		j++
		if u, ok := afterMuoi[key(j)]; ok {
			g += u
			j++
		}
	case isDigit && d >= 2 && (key(j+1) == "mươi" || key(j+1) == "chục"),
		isDigit && d == 1 && key(j+1) == "chục":
		g += d * 10
		j += 2
		if u, ok := afterMuoiTens[key(j)]; ok {
			g += u
			j++
		}
	case key(j) == "linh" || key(j) == "lẻ":
		if leading && !hundreds {
			return 0, i, false, nil // "lẻ" alone is the word for odd
		}
		u, ok := afterLinh[key(j+1)]
		if !ok {
			return 0, i, false, t.errAt(j+1, "a digit word 1-9 after "+quote(key(j)))
		}
		g += u
		j += 2
	case isDigit && leading && !hundreds:
		g += d
		j++
	}
	return g, j, j > i, nil
}

// afterNumberErr explains why token i cannot follow the number words before
// it, naming the usual mistakes.
func (t *tokens) afterNumberErr(i int) *ParseError {
	prev, cur := "", t.toks[i].key
	if i > 0 {
		prev = t.toks[i-1].key
	}
	_, curDigit := digitWords[cur]
	_, prevScale := scaleWords[prev]
	switch {
	case prev == "mười" && cur == "năm":
		return t.errAt(i, `"lăm" for 5 after "mười"`)
	case prev == "mười" && cur == "mốt":
		return t.errAt(i, `"một" for 1 after "mười"`)
	case (prev == "mươi" || prev == "chục") && cur == "năm":
		return t.errAt(i, `"lăm" or "nhăm" for 5 after "mươi"`)
	case (prev == "trăm" || prevScale) && curDigit:
		return t.errAt(i, `"linh" or "lẻ" before a single digit after `+quote(prev))
	}
	return t.errAt(i, "the end of the number")
}

func quote(s string) string { return `"` + s + `"` }

// scaleName returns the word for a scale.
func scaleName(scale int) string {
	switch scale {
	case 1e3:
		return "nghìn"
	case 1e6:
		return "triệu"
	}
	return "tỷ"
}

// unitNames are the words FormatNumberWords uses for 0-9.
var unitNames = [10]string{"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"}

// FormatNumberWords writes n in Vietnamese words the way official texts
// read numbers aloud: 15 is "mười lăm", 21 "hai mươi mốt", 24 "hai mươi
// tư", 105 "một trăm linh năm", 2020 "hai nghìn không trăm hai mươi",
// 1000005 "một triệu không trăm linh năm". Negative numbers start with
// "âm"; from 10¹² on, the number of billions is itself written in words
// ("một nghìn tỷ"). ParseNumberWords reads back every result from 0 to
// MaxNumberWords.
func FormatNumberWords(n int) string {
	if n < 0 {
		return "âm " + strings.Join(appendNumberWords(nil, uint64(-(n+1))+1), " ")
	}
	return strings.Join(appendNumberWords(nil, uint64(n)), " ")
}

// MaxNumberWords is the largest number ParseNumberWords reads.
const MaxNumberWords = 999_999_999_999

// appendNumberWords appends the words for n.
func appendNumberWords(words []string, n uint64) []string {
	if n == 0 {
		return append(words, unitNames[0])
	}
	full := false // a higher group was written, so the hundreds must be too
	if billions := n / 1e9; billions > 0 {
		if billions > 999 {
			words = appendNumberWords(words, billions)
		} else {
			words = appendGroupWords(words, int(billions), false)
		}
		words = append(words, "tỷ")
		full = true
	}
	for _, scale := range []uint64{1e6, 1e3, 1} {
		g := int(n / scale % 1000)
		if g == 0 {
			continue
		}
		words = appendGroupWords(words, g, full)
		if scale > 1 {
			words = append(words, scaleName(int(scale)))
		}
		full = true
	}
	return words
}

// appendGroupWords appends the words for g, 1-999; full asks for the
// hundreds even when they are zero.
func appendGroupWords(words []string, g int, full bool) []string {
	h, tens, u := g/100, g/10%10, g%10
	if h > 0 || full {
		words = append(words, unitNames[h], "trăm")
	}
	switch {
	case tens == 0 && u > 0 && (h > 0 || full):
		words = append(words, "linh", unitNames[u])
	case tens == 0 && u > 0:
		words = append(words, unitNames[u])
	case tens == 1:
		words = append(words, "mười")
		if u == 5 {
			words = append(words, "lăm")
		} else if u > 0 {
			words = append(words, unitNames[u])
		}
	case tens > 1:
		words = append(words, unitNames[tens], "mươi")
		switch u {
		case 0:
		case 1:
			words = append(words, "mốt")
		case 4:
			words = append(words, "tư")
		case 5:
			words = append(words, "lăm")
		default:
			words = append(words, unitNames[u])
		}
	}
	return words
}
