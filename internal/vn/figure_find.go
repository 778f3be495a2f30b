package vn

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FindFigures returns the figures stated in running text, in order: percents
// ("3,42%", "10-10,5%"), amounts of money converted by their scale word
// ("15.000 tỷ đồng" is 15000000000000 đồng, "47 triệu đồng/người/năm" is
// 47000000 with the unit "đồng/người/năm"), ratios ("15/25 chỉ tiêu"),
// counts ("1.600 đại biểu", "1.605 nghìn lượt" is 1605000 "lượt") and bare
// numbers, each with the qualifier in front ("trên", "ước đạt", "tăng").
//
// It leaves out numbers that are not figures: dates ("18/3", "11/10/2021",
// "4.12.2020"), times ("20:06"), years ("năm 2021", a bare 1900–2100, "2021 -
// 2025"), document numbers and symbols ("số 13", "147-KH/TU",
// "12/2021/NQ-HĐND"), ordinals and headings ("lần thứ 2", "Điều 5"), and
// digits inside words ("Covid-19", "5K"). A "x/y" that could be a day and a
// month counts as a ratio only when a counted noun follows ("9/9 huyện").
//
// A document cited without "số" ("Nghị quyết 21 của Bộ Chính trị") leaves a
// bare number here; callers that also run docsym.FindCitations drop the
// figures inside citation spans.
//
// The text should be in the form Normalize gives; words are matched in any
// letter case. The "." and "," rules are those above ParseNumber's, with rule 4.
func FindFigures(text string) []Figure {
	var out []Figure
	for i := 0; i < len(text); {
		if !isDigit(text[i]) {
			i++
			continue
		}
		f, next, ok := figureAt(text, i)
		if ok {
			out = append(out, f)
		}
		i = max(next, i+1)
	}
	return out
}

// figureAt reads the figure whose first digit is s[i]; next is where the
// search goes on.
func figureAt(s string, i int) (f Figure, next int, ok bool) {
	run := runEnd(s, i)
	if attachedBefore(s, i) {
		return f, run, false
	}
	a, err := readNumber(s, i, true)
	if err != nil {
		return f, run, false
	}
	j := a.end
	if j < len(s) {
		c := s[j]
		nextDigit := j+1 < len(s) && isDigit(s[j+1])
		r, _ := utf8.DecodeRuneInString(s[j:])
		switch {
		case c == ':' && nextDigit:
			return f, run, false // "20:06"
		case (c == '/' || c == '-') && !nextDigit && j+1 < len(s):
			if nr, _ := utf8.DecodeRuneInString(s[j+1:]); figWordRune(nr) {
				return f, run, false // "147-KH/TU", "123/QĐ-UBND"
			}
		case c == '-' && nextDigit && dashedDate(s, j+1):
			return f, run, false // "18-3-2002"
		case figWordRune(r) && !attachedDong(s, j):
			return f, run, false // "5K", "3D", "m2" codes
		}
	}
	if w, _ := wordBefore(s, i); notFigureBefore.has(w) {
		return f, run, false
	}
	if listMarker(s, i, j) {
		return f, j, false
	}
	f.Start = i
	f.Qualifier = qualifierBefore(s, i)

	if j+1 < len(s) && s[j] == '/' && isDigit(s[j+1]) {
		return ratioAt(s, i, a, f, run)
	}
	t, ok := readTail(s, a, false)
	if !ok {
		return f, run, false
	}
	if a.dotFrac && !(t.kind == FigurePercent || t.kind == FigureMoney || t.scaled) {
		return f, run, false // "mục 2.3": rule 4
	}
	if t.kind == FigureNumber && isYear(a) && !t.scaled && !t.isRange {
		// A year, even with a word after it ("2021 tổ chức"): counts that
		// large are written with a "." ("2.021 đại biểu").
		return f, run, false
	}
	f.Kind, f.Value, f.Upper, f.Range, f.Unit, f.End = t.kind, t.val, t.upper, t.isRange, t.unit, t.end
	if f.Kind == FigureNumber && t.unit != "" {
		f.Kind = FigureCount
	}
	return f, t.end, true
}

// ratioAt reads "15/25 chỉ tiêu" after the first number a.
func ratioAt(s string, i int, a numToken, f Figure, run int) (Figure, int, bool) {
	b0 := a.end + 1
	b1 := b0
	for b1 < len(s) && isDigit(s[b1]) {
		b1++
	}
	if b1 < len(s) && (s[b1] == '/' || s[b1] == '-' || (s[b1] == '.' || s[b1] == ',') && b1+1 < len(s) && isDigit(s[b1+1])) {
		return f, run, false // "11/10/2021", "12/2021/NQ-HĐND"
	}
	if r, _ := utf8.DecodeRuneInString(s[b1:]); b1 < len(s) && figWordRune(r) {
		return f, run, false
	}
	if a.grouped || a.frac || b1-b0 > 6 || a.intLen > 6 {
		return f, run, false
	}
	num, den := atoiSmall(s[i:a.end]), atoiSmall(s[b0:b1])
	if den == 0 || num > den || (den >= 1900 && den <= 2100) {
		return f, run, false // "12/2021" is a month
	}
	unit, end := countUnit(s, b1)
	if num >= 1 && num <= 31 && den <= 12 {
		// Could be a day and month: only a counted noun makes it a ratio.
		w, _ := wordBefore(s, i)
		if unit == "" || timeUnits.has(unit) || partsOfDay.has(w) {
			return f, run, false
		}
	}
	f.Kind = FigureRatio
	f.Value, f.Of = NewDecimal(int64(num), 0), NewDecimal(int64(den), 0)
	f.Unit = unit
	f.End = b1
	if unit != "" {
		f.End = end
	}
	return f, f.End, true
}

// tail is what follows a number: a range's upper bound, "%", a scale word, a
// currency or a counted noun.
type tail struct {
	kind    FigureKind
	val     Decimal
	upper   Decimal
	isRange bool
	scaled  bool
	unit    string
	numEnd  int // end of the number, its range and its scale word
	end     int
}

// readTail reads what follows the number a. strict is for a single field
// (ParseFigure): the upper bound of a range must follow Vietnamese rules too.
func readTail(s string, a numToken, strict bool) (tail, bool) {
	t := tail{val: a.val, end: a.end}
	j := a.end
	pct := false
	if k := percentAt(s, j); k > j {
		pct, j = true, k
	}
	// A range: "10-10,5%", "10% - 12%", "3-5 triệu đồng".
	if k := skipInline(s, j); k < len(s) && !isYear(a) {
		if w := dashWidth(s, k); w > 0 {
			m := skipInline(s, k+w)
			if m < len(s) && isDigit(s[m]) {
				b, err := readNumber(s, m, !strict)
				if err == nil && b.val.Cmp(a.val) > 0 && (!b.dotFrac || a.dotFrac) &&
					!(b.end < len(s) && (s[b.end] == '/' || s[b.end] == '-' || s[b.end] == ':')) {
					t.upper, t.isRange, j = b.val, true, b.end
				}
			}
		}
	}
	if k := percentAt(s, j); k > j || pct {
		t.kind, t.end = FigurePercent, max(j, k)
		return t, true
	}
	if exp, k := scaleAt(s, j); k > j {
		v, ok1 := t.val.shift(exp)
		u, ok2 := t.upper.shift(exp)
		if !ok1 || !ok2 {
			return t, false
		}
		t.val, t.upper, t.scaled, j = v, u, true, k
	}
	t.numEnd = j
	if unit, k := currencyAt(s, j); k > j {
		t.kind, t.unit, t.end = FigureMoney, unit, k
		return t, true
	}
	if t.scaled {
		t.end = j
	}
	if unit, k := countUnit(s, j); unit != "" {
		t.unit, t.end = unit, k
	}
	return t, true
}

// percentAt returns the end of a "%" (or "phần trăm") right after j, else j.
func percentAt(s string, j int) int {
	k := j
	if k < len(s) && s[k] == ' ' {
		k++
	}
	if k < len(s) && s[k] == '%' {
		return k + 1
	}
	if e, ok := phraseAt(s, skipInline(s, j), "phần trăm"); ok && skipInline(s, j) > j {
		return e
	}
	return j
}

// figureScale is a scale word of an amount and its power of ten.
type figureScale struct {
	phrase string
	exp    int
}

// figureScales are the scale words an amount may carry, longest first: the
// words of scaleWords (numwords.go) and each smaller one followed by a word
// for a billion ("nghìn tỷ", "triệu tỉ").
var figureScales = func() []figureScale {
	var out []figureScale
	for w, m := range scaleWords {
		out = append(out, figureScale{w, exp10(m)})
		if m >= 1e9 {
			continue
		}
		for big, bm := range scaleWords {
			if bm == 1e9 {
				out = append(out, figureScale{w + " " + big, exp10(m) + 9})
			}
		}
	}
	slices.SortFunc(out, func(a, b figureScale) int {
		if c := cmp.Compare(len(b.phrase), len(a.phrase)); c != 0 {
			return c
		}
		return strings.Compare(a.phrase, b.phrase)
	})
	return out
}()

// exp10 returns the power of ten m is.
func exp10(m int) int {
	e := 0
	for ; m >= 10; m /= 10 {
		e++
	}
	return e
}

// scaleAt reads a scale word after j: its power of ten and its end.
func scaleAt(s string, j int) (int, int) {
	k := skipInline(s, j)
	if k == j {
		return 0, j
	}
	for _, w := range figureScales {
		if e, ok := phraseAt(s, k, w.phrase); ok {
			return w.exp, e
		}
	}
	return 0, j
}

// currencies maps the ways a text writes a currency to the unit a figure keeps.
var currencies = []struct{ phrase, unit string }{
	{"đồng", "đồng"}, {"VNĐ", "đồng"}, {"VND", "đồng"}, {"đ", "đồng"},
	{"đô la Mỹ", "USD"}, {"đô la", "USD"}, {"USD", "USD"}, {"EUR", "EUR"}, {"euro", "EUR"},
}

// currencyAt reads a currency after j ("đồng", "USD", or "đ" written against
// the digits) and a per-unit tail ("/người/năm"); it returns the unit text.
func currencyAt(s string, j int) (string, int) {
	k := skipInline(s, j)
	for _, c := range currencies {
		if k == j && c.phrase != "đ" {
			continue // only "50.000đ" is written without a space
		}
		if e, ok := phraseAt(s, k, c.phrase); ok {
			if c.phrase == "đồng" && notCurrency(s, e) {
				return "", j
			}
			return perTail(s, c.unit, e)
		}
	}
	return "", j
}

// dongCompounds are the words that make "đồng" a syllable of another word,
// not the currency: "33 đồng chí" are comrades, "500 đồng bào" compatriots.
var dongCompounds = []string{"chí", "bào", "hương", "nghiệp", "môn", "đội", "minh"}

// notCurrency reports whether the "đồng" ending at e is the first syllable
// of one of dongCompounds.
func notCurrency(s string, e int) bool {
	k := skipInline(s, e)
	if k == e {
		return false
	}
	for _, w := range dongCompounds {
		if _, ok := phraseAt(s, k, w); ok {
			return true
		}
	}
	return false
}

// perTail appends "/người/năm"-style divisors that follow e to unit.
func perTail(s, unit string, e int) (string, int) {
	start := e
	for e+1 < len(s) && s[e] == '/' {
		we := wordEnd(s, e+1)
		if we == e+1 {
			break
		}
		e = we
	}
	if e == start {
		return unit, e
	}
	return unit + s[start:e], e
}

// countUnit reads the counted noun after j: a known compound ("đại biểu",
// "hợp tác xã") or else one word, lower-case or an abbreviation ("HTX"),
// that is not a function word; plus "/ha"-style divisors.
func countUnit(s string, j int) (string, int) {
	k := skipInline(s, j)
	if k == j || k >= len(s) {
		return "", j
	}
	e := wordEnd(s, k)
	if e == k {
		return "", j
	}
	w := s[k:e]
	for _, c := range compoundUnits.get(w) {
		if pe, ok := phraseAt(s, k, c); ok {
			return perTail(s, s[k:pe], pe)
		}
	}
	if notUnits.has(w) {
		return "", j
	}
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) && !isAbbreviation(w) {
		return "", j // a name begins: "18 Ban…"
	}
	return perTail(s, w, e)
}

func isAbbreviation(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 6
}

// compoundUnits are counted nouns of more than one word that reports use,
// by their first word.
var compoundUnits = phrasesByFirstWord(
	"đại biểu", "sản phẩm", "doanh nghiệp", "hợp tác xã", "tổ hợp tác", "cá nhân", "tập thể",
	"đơn vị", "chỉ tiêu", "nhiệm vụ", "tiêu chí", "dự án", "công trình", "đảng viên", "cán bộ",
	"học sinh", "sinh viên", "lao động", "việc làm", "điểm cầu", "hộ gia đình", "hộ nghèo",
	"cơ sở", "nghị quyết", "kết luận", "kế hoạch", "chỉ thị", "quyết định", "văn bản", "đề án",
	"chương trình", "hội nghị", "tổ chức", "thôn bản", "xã phường", "thị trấn", "trường học",
	"nội dung", "giải pháp", "lĩnh vực", "sáng kiến", "bài viết", "tác phẩm",
)

// notUnits are words that follow a number without being what it counts.
var notUnits = newWordSet(
	"và", "với", "so", "của", "là", "trong", "trên", "dưới", "đến", "tới", "từ", "đã", "được",
	"có", "cho", "các", "những", "này", "đó", "thì", "mà", "hoặc", "hay", "nhưng", "khi", "để",
	"theo", "tại", "về", "ở", "như", "nên", "vì", "do", "bị", "sẽ", "đang", "vẫn", "cũng", "còn",
	"trở", "lên", "xuống", "ra", "vào", "qua", "sau", "trước", "nay", "rồi", "đây", "gồm",
	"tăng", "giảm", "đạt", "vượt", "bằng", "chiếm", "ngoài", "hơn", "gần", "khoảng",
)

// notFigureBefore are words after which a number is a date part, a year, an
// ordinal, a document number or a heading, not a figure.
var notFigureBefore = newWordSet(
	"năm", "tháng", "ngày", "quý", "thứ", "số", "khóa", "khoá", "điều", "khoản", "mục",
	"chương", "phần", "điểm", "kỳ", "kì", "đoạn", "lúc", "hồi", "lần", "đợt", "trang", "phụ",
)

// timeUnits follow a day/month and mark a date, not a ratio.
var timeUnits = newWordSet("năm", "tháng", "ngày", "giờ", "quý", "tuần")

// partsOfDay precede a date: "Chiều 18/02".
var partsOfDay = newWordSet("sáng", "trưa", "chiều", "tối", "đêm", "hôm", "từ", "đến")

// qualifierBefore returns the qualifier whose word ends right before the
// number at i; a two-word qualifier ("ước đạt") wins over its last word.
func qualifierBefore(s string, i int) Qualifier {
	w1, b1 := wordBefore(s, i)
	if w1 == "" {
		return QualNone
	}
	if w2, _ := wordBefore(s, b1); w2 != "" {
		var buf [2*maxWordKey + 1]byte
		k, ok := lowerInto(buf[:0], w2)
		k = append(k, ' ')
		k, ok2 := lowerInto(k, w1)
		if q, found := qualifierByWords[string(k)]; ok && ok2 && found {
			return q
		}
	}
	var buf [maxWordKey]byte
	if k, ok := lowerInto(buf[:0], w1); ok {
		return qualifierByWords[string(k)]
	}
	return QualNone
}

// qualifierByWords maps the words of qualifierWords to their qualifier.
var qualifierByWords = func() map[string]Qualifier {
	m := map[string]Qualifier{}
	for q := QualOver; q < numQualifiers; q++ {
		for _, w := range qualifierWords[q] {
			m[w] = q
		}
	}
	return m
}()

// isYear reports whether a plain number reads as a year: four digits, no
// marks, 1900–2100. Counts of that size are written with "." ("2.021").
func isYear(a numToken) bool {
	if a.grouped || a.frac || a.intLen != 4 {
		return false
	}
	v, ok := a.val.Int64()
	return ok && v >= 1900 && v <= 2100
}

// attachedBefore reports whether the digit at i continues a word or code:
// "Covid-19", "F0", "x.5", "147-KH/TU" seen from its "TU", "Covid -19".
func attachedBefore(s string, i int) bool {
	if i == 0 {
		return false
	}
	r, n := utf8.DecodeLastRuneInString(s[:i])
	if figWordRune(r) || (r >= '0' && r <= '9') {
		return true
	}
	switch r {
	case '-', '/', '.', ',', ':', '–':
		if i-n == 0 {
			return r == '-'
		}
		p, _ := utf8.DecodeLastRuneInString(s[:i-n])
		return figWordRune(p) || (p >= '0' && p <= '9') || r == '-' && p == ' '
	}
	return false
}

// attachedDong reports whether s[j:] is "đ" ending a word: "50.000đ".
func attachedDong(s string, j int) bool {
	e, ok := phraseAt(s, j, "đ")
	return ok && e == wordEnd(s, j)
}

// listMarker reports whether the number at i..j opens a line as a list item: "1. ", "2) ".
func listMarker(s string, i, j int) bool {
	k := i
	for k > 0 && (s[k-1] == ' ' || s[k-1] == '\t') {
		k--
	}
	if k > 0 && s[k-1] != '\n' {
		return false
	}
	return j+1 < len(s) && (s[j] == '.' || s[j] == ')') && (s[j+1] == ' ' || s[j+1] == '\t')
}

// runEnd returns the end of the run of digits, marks and letters that
// starts at i, so that a rejected "11/10/2021" or "147-KH/TU" is skipped whole.
func runEnd(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case isDigit(s[i]) || figWordRune(r):
			i += n
		case (r == '.' || r == ',' || r == '/' || r == '-' || r == ':') && i+1 < len(s):
			nr, _ := utf8.DecodeRuneInString(s[i+1:])
			if !isDigit(s[i+1]) && !figWordRune(nr) {
				return i
			}
			i++
		default:
			return i
		}
	}
	return i
}

// wordEnd returns the end of the word (letters and marks) starting at i.
func wordEnd(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !figWordRune(r) {
			break
		}
		i += n
	}
	return i
}

// wordBefore returns the word that ends before i, past spaces, and its start.
func wordBefore(s string, i int) (string, int) {
	e := i
	for e > 0 && (s[e-1] == ' ' || s[e-1] == '\t') {
		e--
	}
	if e >= 2 && s[e-2:e] == "\u00a0" {
		e -= 2
	}
	b := e
	for b > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:b])
		if !figWordRune(r) {
			break
		}
		b -= n
	}
	return s[b:e], b
}

// phraseAt reports whether the words of phrase start at i (any letter case,
// one or more spaces between words) and end there on a word boundary.
func phraseAt(s string, i int, phrase string) (int, bool) {
	for {
		w, rest, more := strings.Cut(phrase, " ")
		e := wordEnd(s, i)
		if e == i || !strings.EqualFold(s[i:e], w) {
			return i, false
		}
		if !more {
			return e, true
		}
		k := skipInline(s, e)
		if k == e {
			return i, false
		}
		i, phrase = k, rest
	}
}

// maxWordKey bounds the bytes of a word looked up in the word tables; longer
// words are in none of them.
const maxWordKey = 32

// lowerInto appends w in lower case to dst; it reports false if w is longer
// than maxWordKey, so that lookups stay on the stack.
func lowerInto(dst []byte, w string) ([]byte, bool) {
	if len(w) > maxWordKey {
		return dst, false
	}
	for _, r := range w {
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst, true
}

// wordSet is a set of lower-case words.
type wordSet map[string]struct{}

func newWordSet(words ...string) wordSet {
	ws := wordSet{}
	for _, w := range words {
		ws[w] = struct{}{}
	}
	return ws
}

// has reports whether w, in any letter case, is in the set.
func (ws wordSet) has(w string) bool {
	var buf [maxWordKey * 2]byte
	k, ok := lowerInto(buf[:0], w)
	if !ok || w == "" {
		return false
	}
	_, found := ws[string(k)]
	return found
}

// phraseSet holds phrases by their lower-case first word.
type phraseSet map[string][]string

func phrasesByFirstWord(phrases ...string) phraseSet {
	ps := phraseSet{}
	for _, p := range phrases {
		first, _, _ := strings.Cut(p, " ")
		ps[first] = append(ps[first], p)
	}
	return ps
}

// get returns the phrases whose first word is w, in any letter case.
func (ps phraseSet) get(w string) []string {
	var buf [maxWordKey * 2]byte
	k, ok := lowerInto(buf[:0], w)
	if !ok {
		return nil
	}
	return ps[string(k)]
}

// skipInline skips spaces and no-break spaces, but not line breaks: a figure
// does not run on to the next paragraph.
func skipInline(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == ' ' || s[i] == '\t':
			i++
		case hasPrefixAt(s, i, "\u00a0"):
			i += 2
		default:
			return i
		}
	}
	return i
}

// dashedDate reports whether digits at i are followed by "-" and more
// digits: the middle and end of "18-3-2002".
func dashedDate(s string, i int) bool {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i+1 < len(s) && s[i] == '-' && isDigit(s[i+1])
}

// dashWidth returns the width of "-" or an en dash at i, else 0.
func dashWidth(s string, i int) int {
	switch {
	case i < len(s) && s[i] == '-':
		return 1
	case hasPrefixAt(s, i, "–"):
		return len("–")
	}
	return 0
}

// atoiSmall converts a run of at most 6 digits.
func atoiSmall(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// figWordRune reports whether r belongs to a word: a letter or a combining mark.
func figWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsMark(r) }
