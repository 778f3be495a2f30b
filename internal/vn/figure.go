package vn

import (
	"strconv"
	"strings"
)

// FigureKind tells what a figure measures.
type FigureKind uint8

// Kinds of figure. The zero FigureKind is FigureNumber.
const (
	FigureNumber  FigureKind = iota // a bare number: "1.600", "1,5 triệu"
	FigurePercent                   // "3,42%", value in percent (3,42)
	FigureMoney                     // "15.000 tỷ đồng", value in the currency's units (đồng)
	FigureRatio                     // "15/25 chỉ tiêu": Value of Of
	FigureCount                     // a number of things: "1.600 đại biểu", "1.605 nghìn lượt"
)

var figureKindNames = [...]string{"number", "percent", "money", "ratio", "count"}

// String returns "number", "percent", "money", "ratio" or "count", the names
// SCHEMA.md uses for the kinds it annotates.
func (k FigureKind) String() string {
	if int(k) < len(figureKindNames) {
		return figureKindNames[k]
	}
	return "FigureKind(" + strconv.Itoa(int(k)) + ")"
}

// MarshalText writes the kind's name, so that JSON carries "percent", not 1.
func (k FigureKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Qualifier is the word in front of a figure that bounds or frames it.
type Qualifier uint8

// Qualifiers, with the words that give them.
const (
	QualNone      Qualifier = iota
	QualOver                // trên, hơn: more than
	QualUnder               // dưới: less than
	QualAbout               // khoảng, xấp xỉ, chừng: about
	QualNearly              // gần: nearly, a little under
	QualAtLeast             // ít nhất, tối thiểu, không dưới
	QualAtMost              // tối đa, không quá
	QualReached             // đạt: the value reached
	QualEstimated           // ước đạt, ước, ước tính: an estimate, not the final figure
	QualIncrease            // tăng: the figure is a growth
	QualDecrease            // giảm: the figure is a fall
	QualExceeded            // vượt: the figure is the margin above a target
	numQualifiers
)

// qualifierWords lists, per qualifier, the words that give it; the first is
// the one String writes. Two-word forms come before the one-word forms they
// end with, so "ước đạt" wins over "đạt".
var qualifierWords = [numQualifiers][]string{
	QualOver:      {"trên", "hơn"},
	QualUnder:     {"dưới"},
	QualAbout:     {"khoảng", "xấp xỉ", "chừng", "ước chừng"},
	QualNearly:    {"gần"},
	QualAtLeast:   {"ít nhất", "tối thiểu", "không dưới"},
	QualAtMost:    {"tối đa", "không quá"},
	QualReached:   {"đạt"},
	QualEstimated: {"ước đạt", "ước", "ước tính"},
	QualIncrease:  {"tăng"},
	QualDecrease:  {"giảm"},
	QualExceeded:  {"vượt"},
}

// String returns the qualifier's Vietnamese word ("trên", "ước đạt"), "" for QualNone.
func (q Qualifier) String() string {
	if q == QualNone || q >= numQualifiers {
		return ""
	}
	return qualifierWords[q][0]
}

// MarshalText writes the qualifier's Vietnamese word.
func (q Qualifier) MarshalText() ([]byte, error) { return []byte(q.String()), nil }

// Figure is a number as a text states it, with what it measures.
type Figure struct {
	Kind  FigureKind
	Value Decimal // the number; for money converted by the scale word ("47 triệu" is 47000000)
	// Upper is the upper bound of a range ("10-10,5%": Value 10, Upper 10,5);
	// Range says whether there is one.
	Upper Decimal
	Range bool
	// Of is the whole of a ratio: "15/25" has Value 15, Of 25.
	Of        Decimal
	Qualifier Qualifier
	// Unit is what is counted or the currency, as text: "đồng",
	// "đồng/người/năm", "USD", "lượt", "đại biểu", "chỉ tiêu". Percentages and
	// bare numbers have none.
	Unit string
	// Start and End are the byte span of the figure in the text it was found
	// in: from the first digit to the end of the unit, the qualifier's word
	// (and a verb such as "tăng") left out.
	Start, End int
}

// String writes the figure as a Vietnamese text would: "3,42%", "trên 1.600
// đại biểu", "15.000 tỷ đồng", "1,5 triệu đồng", "10-10,5%", "15/25 chỉ tiêu".
func (f Figure) String() string {
	var b strings.Builder
	if q := f.Qualifier.String(); q != "" {
		b.WriteString(q)
		b.WriteByte(' ')
	}
	switch f.Kind {
	case FigureRatio:
		b.WriteString(FormatDecimal(f.Value))
		b.WriteByte('/')
		b.WriteString(FormatDecimal(f.Of))
	case FigureMoney:
		scale, word := moneyScale(f.Value, f.Upper, f.Range)
		v, _ := f.Value.shift(-scale)
		b.WriteString(FormatDecimal(v))
		if f.Range {
			u, _ := f.Upper.shift(-scale)
			b.WriteByte('-')
			b.WriteString(FormatDecimal(u))
		}
		if word != "" {
			b.WriteByte(' ')
			b.WriteString(word)
		}
	default:
		b.WriteString(FormatDecimal(f.Value))
		if f.Range {
			b.WriteByte('-')
			b.WriteString(FormatDecimal(f.Upper))
		}
	}
	if f.Kind == FigurePercent {
		b.WriteByte('%')
	}
	if f.Unit != "" {
		b.WriteByte(' ')
		b.WriteString(f.Unit)
	}
	return b.String()
}

// moneyScale picks the scale word an amount is written with: the largest of
// tỷ and triệu that leaves at least 1 and at most three decimals, as the
// press writes "15.000 tỷ đồng" and "1,5 triệu đồng"; else none.
func moneyScale(v, upper Decimal, isRange bool) (int, string) {
	for _, s := range [...]struct {
		exp  int
		word string
	}{{9, "tỷ"}, {6, "triệu"}} {
		if fitsScale(v, s.exp) && (!isRange || fitsScale(upper, s.exp)) {
			return s.exp, s.word
		}
	}
	return 0, ""
}

func fitsScale(v Decimal, exp int) bool {
	one := NewDecimal(1, exp)
	return cmpAbs(v, one) >= 0 && int(v.exp)-exp >= -3
}

// ParseFigure reads one figure typed into a field or found in a table cell:
// "3,42%", "15.000 tỷ đồng", "trên 1.600", "10-10,5%", "47 triệu
// đồng/người/năm", "15/25 chỉ tiêu", "1.605 nghìn lượt". Numbers follow
// ParseNumber's rules ("1.5" is refused); a count's unit is the rest of the
// text. Errors are *ParseError values naming the byte and what was expected.
func ParseFigure(s string) (Figure, error) {
	end := len(s)
	for end > 0 && (s[end-1] == ' ' || s[end-1] == '\t' || s[end-1] == '\n') {
		end--
	}
	s = s[:end]
	i := skipSpaces(s, 0)
	var f Figure
	for q := QualOver; q < numQualifiers && f.Qualifier == QualNone; q++ {
		for _, w := range qualifierWords[q] {
			if e, ok := phraseAt(s, i, w); ok && skipInline(s, e) > e {
				f.Qualifier, i = q, skipInline(s, e)
				break
			}
		}
	}
	if i >= len(s) || !isDigit(s[i]) {
		return Figure{}, errAt(i, "a number such as 1.600, 3,42% or 15.000 tỷ đồng", foundNumberAt(s, i))
	}
	a, err := readNumber(s, i, false)
	if err != nil {
		return Figure{}, err
	}
	f.Start = i
	if j := a.end; j+1 < len(s) && s[j] == '/' && isDigit(s[j+1]) {
		b, err := readNumber(s, j+1, false)
		if err != nil {
			return Figure{}, err
		}
		if b.val.IsZero() || b.val.Cmp(a.val) < 0 {
			return Figure{}, errAt(j+1, "a whole not smaller than the part before \"/\"", s[j+1:b.end])
		}
		f.Kind, f.Value, f.Of, f.End = FigureRatio, a.val, b.val, len(s)
		f.Unit = unitText(s, b.end)
		if k := skipInline(s, b.end); k < len(s) && f.Unit == "" {
			return Figure{}, errAt(k, "the end of the figure or what it counts", foundNumberAt(s, k))
		}
		return f, nil
	}
	t, ok := readTail(s, a, true)
	if !ok {
		return Figure{}, errAt(a.end, "a figure", foundNumberAt(s, a.end))
	}
	f.Kind, f.Value, f.Upper, f.Range, f.End = t.kind, t.val, t.upper, t.isRange, len(s)
	switch t.kind {
	case FigurePercent, FigureMoney:
		f.Unit = t.unit
		if k := skipInline(s, t.end); k < len(s) {
			return Figure{}, errAt(k, "the end of the figure", foundNumberAt(s, k))
		}
	default:
		if f.Unit = unitText(s, t.numEnd); f.Unit != "" {
			f.Kind = FigureCount
		} else if k := skipInline(s, t.numEnd); k < len(s) {
			return Figure{}, errAt(k, "the end of the figure or what it counts", foundNumberAt(s, k))
		}
	}
	return f, nil
}

// unitText returns the text after i as a unit if it is words, else "".
func unitText(s string, i int) string {
	k := skipInline(s, i)
	if k == i || k >= len(s) || wordEnd(s, k) == k {
		return ""
	}
	return s[k:]
}
