package docsym

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"plenum/internal/date"
	"plenum/internal/vn"
)

// Citation is a document cited with a number in running text.
type Citation struct {
	// Kind is the kind the words say ("Quy định số 24-QĐ/TW" is Regulation);
	// where they disagree with the symbol's code, the code wins.
	Kind   Kind
	Number int
	// Issuer is the issuer's code as the symbol writes it after its "/" (Party:
	// unit and committee, "BTGTU") or names it (State: "UBND"); without a
	// symbol, the code of the issuing body the text names ("của Bộ Chính trị"
	// is TW); failing that, the issuer of another citation of the same kind
	// and number in the text (a later "Kết luận số 21" after "Kết luận số
	// 21-KL/TW"); else "".
	Issuer string
	// Symbol is the symbol when the text prints one, else the zero Symbol. In
	// a list sharing one symbol ("các Nghị quyết số 10, 11 và 12-NQ/TU") each
	// number gets the list's kind code and issuer.
	Symbol Symbol
	// Date is the date of issue when printed in full ("ngày 18/3/2002", "ngày
	// 14 tháng 01 năm 2022"), else zero; a day without its year is not taken.
	Date date.Date
	// Term is the Roman numeral of the issuing body's term when printed
	// ("khóa IX"), else "".
	Term string
	// Start and End are the byte span of the citation in the text: from the
	// kind's name to the last part read. In a list, the first citation starts
	// at the name and the others span their own number.
	Start, End int
}

// FindCitations returns the documents cited with a number in text, in order:
//
//	Nghị quyết số 13-NQ/TW ngày 18/3/2002 của Ban Chấp hành Trung ương Đảng khóa IX
//	Nghị quyết số 128 của Chính phủ
//	Chỉ thị 05-CT/TW, Nghị định 30/2020/NĐ-CP
//	các Nghị quyết số 10, 11 và 12-NQ/TU
//
// A kind's name must be followed by "số" and a number or symbol, or by a
// symbol, or by a bare number that "của", "ngày" or punctuation follows (so
// "Kế hoạch 5 năm" is no citation, nor "Nghị quyết Đại hội lần thứ XII").
// Symbols are read with ParseLenient: published text does write "09/NQ-TU".
// Names are matched whatever the case, diacritics and tone placement.
func FindCitations(text string) []Citation {
	toks := tokenizeText(text)
	var out []Citation
	for i := 0; i < len(toks); i++ {
		kind, next, ok := kindNameAt(toks, i)
		if !ok {
			continue
		}
		cs, end := citationsAt(text, toks, i, kind, next)
		if len(cs) > 0 {
			out = append(out, cs...)
			i = end - 1
		}
	}
	inheritIssuers(out)
	return out
}

// lawTitleMax is the number of words a law's title may have between "Luật"
// and its number: "Luật Tổ chức chính quyền địa phương số 77/2015/QH13".
const lawTitleMax = 12

// pastLawTitle skips the title of a law, from token i to the "số" before
// its number, and returns where the number's "số" is; i if there is none.
func pastLawTitle(toks []tok, i int) int {
	for k := i; k < len(toks) && k < i+lawTitleMax; k++ {
		switch {
		case toks[k].kind != tokWord:
			return i
		case toks[k].key == "so":
			if k > i && k+1 < len(toks) && toks[k+1].kind == tokCode {
				return k
			}
			return i
		}
	}
	return i
}

// citationsAt reads what follows a kind's name (tokens from next on): the
// numbers or symbols, the date, the issuing body and its term.
func citationsAt(text string, toks []tok, nameAt int, kind Kind, next int) ([]Citation, int) {
	i := next
	if kind == Law {
		i = pastLawTitle(toks, i)
	}
	withSo := i < len(toks) && toks[i].kind == tokWord && toks[i].key == "so"
	if withSo {
		i++
		if i < len(toks) && toks[i].isPunct(':') {
			i++
		}
	}
	var cs []Citation
	for {
		if i >= len(toks) || toks[i].kind != tokCode {
			break
		}
		c, ok := numberCitation(text, toks[i], kind)
		if !ok {
			break
		}
		cs = append(cs, c)
		i++
		// Another number of the list: ", 11", "và 12-NQ/TU", ", và 12".
		j := i
		if j < len(toks) && toks[j].isPunct(',') {
			j++
		}
		if j < len(toks) && toks[j].kind == tokWord && toks[j].key == "va" {
			j++
		}
		if j == i || j >= len(toks) || toks[j].kind != tokCode {
			break
		}
		i = j
	}
	if len(cs) == 0 {
		return nil, next
	}
	if !withSo && len(cs) == 1 && cs[0].Symbol.IsZero() && !bareNumberCites(toks, i, cs[0].Number) {
		return nil, next
	}
	shareListSymbol(cs)
	cs[0].Start = toks[nameAt].start
	last := &cs[len(cs)-1]
	end := i
	// The date and the issuing body come in either order: "số 13-NQ/TW ngày
	// 18/3/2002 của Bộ Chính trị", "số 21 của Bộ Chính trị ngày 22/11/2012".
	dated, named := false, false
	for range 2 {
		if d, e, ok := dateAfter(text, toks, end); !dated && ok {
			for k := range cs {
				cs[k].Date = d
			}
			dated, last.End, end = true, e, tokenAfter(toks, e)
		}
		if named {
			continue
		}
		if code, term, e, ok := bodyAfter(text, toks, end); ok {
			for k := range cs {
				if cs[k].Issuer == "" {
					cs[k].Issuer = code
				}
				cs[k].Term = term
			}
			named, last.End, end = true, e, tokenAfter(toks, e)
		}
	}
	return cs, end
}

// numberCitation reads one number or symbol token after a kind's name.
func numberCitation(text string, t tok, kind Kind) (Citation, bool) {
	raw := text[t.start:t.end]
	c := Citation{Kind: kind, Start: t.start, End: t.end}
	if n, ok := plainNumber(raw); ok {
		c.Number = n
		return c, true
	}
	s, err := ParseLenient(raw)
	if err != nil {
		return c, false
	}
	c.Symbol, c.Number = s, s.Number
	c.Issuer = s.Issuer
	if s.System == Party {
		c.Issuer = s.Unit + s.Issuer
	}
	if s.Kind != Unknown && s.Kind != kind && !(s.System == Party && s.Kind == Decision && kind == Regulation) {
		c.Kind = s.Kind
	}
	return c, true
}

// shareListSymbol gives the plain numbers of a list the kind code and issuer
// of the symbol that ends it: "số 10, 11 và 12-NQ/TU".
func shareListSymbol(cs []Citation) {
	last := cs[len(cs)-1]
	if len(cs) == 1 || last.Symbol.IsZero() {
		return
	}
	for k := range cs[:len(cs)-1] {
		if !cs[k].Symbol.IsZero() {
			continue
		}
		s := last.Symbol
		s.Number = cs[k].Number
		cs[k].Symbol, cs[k].Kind, cs[k].Issuer = s, last.Kind, last.Issuer
	}
}

// bareNumberCites reports whether a plain number written right after a kind's
// name, without "số", is a document number: it must not look like a year,
// and "của", "ngày", "khóa", punctuation or the end of the text must follow.
func bareNumberCites(toks []tok, i, n int) bool {
	if n >= 1900 && n <= 2100 {
		return false
	}
	if i >= len(toks) {
		return true
	}
	t := toks[i]
	switch t.kind {
	case tokPunct:
		return true
	case tokWord:
		return t.key == "cua" || t.key == "ngay" || t.key == "khoa"
	}
	return false
}

// plainNumber reads a document number written alone: "13", "08".
func plainNumber(s string) (int, bool) {
	if s == "" || len(s) > 7 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, n >= 1
}

// bodyAfter reads ", của Ban Chấp hành Trung ương Đảng khóa IX" from token i:
// the issuer code of the body named, the term if printed, and the end.
func bodyAfter(text string, toks []tok, i int) (code, term string, end int, ok bool) {
	if i < len(toks) && toks[i].isPunct(',') {
		i++
	}
	if i >= len(toks) || toks[i].kind != tokWord || toks[i].key != "cua" {
		return "", "", 0, false
	}
	// The body's name starts within a few words: "của Ban Thường vụ Tỉnh ủy".
	const window = 6
	for j := i + 1; j < len(toks) && j <= i+window && toks[j].kind == tokWord; j++ {
		info, e, found := bodyNameAt(toks, j)
		if !found {
			continue
		}
		end = toks[e-1].end
		// Words up to the term: "Đảng khóa IX", "tỉnh khóa XII".
		for k := e; k < len(toks) && k <= e+3 && toks[k].kind == tokWord; k++ {
			if toks[k].key == "khoa" && k+1 < len(toks) && toks[k+1].kind == tokWord {
				roman := text[toks[k+1].start:toks[k+1].end]
				if _, err := vn.ParseRoman(roman); err == nil {
					term, end = strings.ToUpper(roman), toks[k+1].end
				}
				break
			}
		}
		return info.code, term, end, true
	}
	return "", "", 0, false
}

// inheritIssuers fills the issuer of a citation that names none from the
// other citations of the same kind and number in the text, when they agree.
func inheritIssuers(cs []Citation) {
	type doc struct {
		kind   Kind
		number int
	}
	const conflict = "\x00" // two issuers for one document: inherit neither
	known := map[doc]string{}
	for _, c := range cs {
		if c.Issuer == "" {
			continue
		}
		d := doc{c.Kind, c.Number}
		if prev, ok := known[d]; ok && prev != c.Issuer {
			known[d] = conflict
		} else if !ok {
			known[d] = c.Issuer
		}
	}
	for i := range cs {
		if cs[i].Issuer == "" {
			if issuer := known[doc{cs[i].Kind, cs[i].Number}]; issuer != conflict {
				cs[i].Issuer = issuer
			}
		}
	}
}

// Tokens of running text, with folded keys for matching names.

type tokKind uint8

const (
	tokWord  tokKind = iota + 1 // letters and marks; key is the folded word
	tokCode                     // starts with a digit: "13", "147-KH/TU", "18/3/2002"
	tokPunct                    // one other rune
)

type tok struct {
	kind       tokKind
	start, end int
	key        string
}

func (t tok) isPunct(r byte) bool { return t.kind == tokPunct && t.end-t.start == 1 && t.key[0] == r }

// tokenizeText splits text into words, codes and punctuation. Folded keys of
// all words share one string.
func tokenizeText(text string) []tok {
	// Sized for Vietnamese prose (a word every five bytes or so), so that
	// the slices seldom grow.
	toks := make([]tok, 0, len(text)/4+4)
	folded := make([]byte, 0, len(text))
	spans := make([][2]int, 0, len(text)/5+4)
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case r >= '0' && r <= '9':
			e := codeEnd(text, i)
			toks = append(toks, tok{kind: tokCode, start: i, end: e, key: text[i:e]})
			i = e
		case unicode.IsLetter(r):
			e := i + n
			for e < len(text) {
				r, n := utf8.DecodeRuneInString(text[e:])
				if !unicode.IsLetter(r) && !unicode.IsMark(r) {
					break
				}
				e += n
			}
			ks := len(folded)
			folded = vn.AppendFold(folded, text[i:e])
			spans = append(spans, [2]int{ks, len(folded)})
			toks = append(toks, tok{kind: tokWord, start: i, end: e})
			i = e
		default:
			toks = append(toks, tok{kind: tokPunct, start: i, end: i + n, key: text[i : i+n]})
			i += n
		}
	}
	keys := string(folded)
	w := 0
	for k := range toks {
		if toks[k].kind == tokWord {
			toks[k].key = keys[spans[w][0]:spans[w][1]]
			w++
		}
	}
	return toks
}

// codeEnd returns the end of a number or symbol starting with the digit at
// i: digits, letters and the "/" and "-" (or en dash) between them.
func codeEnd(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r >= '0' && r <= '9' || unicode.IsLetter(r):
			i += n
		case r == '/' || r == '-' || r == '–':
			if i+n >= len(text) {
				return i
			}
			next, _ := utf8.DecodeRuneInString(text[i+n:])
			if !(next >= '0' && next <= '9' || unicode.IsLetter(next)) {
				return i
			}
			i += n
		default:
			return i
		}
	}
	return i
}

// tokenAfter returns the index of the first token that starts at or after byte e.
func tokenAfter(toks []tok, e int) int {
	lo, hi := 0, len(toks)
	for lo < hi {
		m := (lo + hi) / 2
		if toks[m].start < e {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// phrase is a name to match: its folded words and what it stands for.
type phrase[V any] struct {
	words []string
	val   V
}

// phraseIndex finds names by their first folded word, longest name first.
type phraseIndex[V any] map[string][]phrase[V]

func (x phraseIndex[V]) add(name string, v V) {
	words := strings.Fields(vn.Fold(name))
	list := append(x[words[0]], phrase[V]{words, v})
	for k := len(list) - 1; k > 0 && len(list[k].words) > len(list[k-1].words); k-- {
		list[k], list[k-1] = list[k-1], list[k]
	}
	x[words[0]] = list
}

// at returns the value of the longest name whose words start at token i,
// and the token after it.
func (x phraseIndex[V]) at(toks []tok, i int) (V, int, bool) {
	var zero V
	if toks[i].kind != tokWord {
		return zero, i, false
	}
	for _, p := range x[toks[i].key] {
		j := i
		for _, w := range p.words {
			if j >= len(toks) || toks[j].kind != tokWord || toks[j].key != w {
				break
			}
			j++
		}
		if j-i == len(p.words) {
			return p.val, j, true
		}
	}
	return zero, i, false
}

// kindNames and bodyNames come from the kind and issuer tables.
var kindNames, bodyNames = func() (phraseIndex[Kind], phraseIndex[*issuerInfo]) {
	kn, bn := phraseIndex[Kind]{}, phraseIndex[*issuerInfo]{}
	for k := Kind(1); k < numKinds; k++ {
		kn.add(kinds[k].vi, k)
		for _, a := range kinds[k].aliases {
			kn.add(a, k)
		}
	}
	for i := range issuers {
		for _, b := range issuers[i].bodies {
			bn.add(b, &issuers[i])
		}
	}
	return kn, bn
}()

func kindNameAt(toks []tok, i int) (Kind, int, bool) { return kindNames.at(toks, i) }

func bodyNameAt(toks []tok, i int) (*issuerInfo, int, bool) { return bodyNames.at(toks, i) }
