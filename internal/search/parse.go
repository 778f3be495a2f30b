package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"plenum/internal/docsym"
	"plenum/internal/vn"
)

// Limits on queries.
const (
	// MaxQuery is the longest query text accepted, in characters.
	MaxQuery = 200
	// maxTerms and maxPhrase bound the work one query can ask for.
	maxTerms  = 12
	maxPhrase = 12
	// minPrefix is the shortest word matched as the start of longer words:
	// a one-letter prefix would match half the index.
	minPrefix = 2
	// maxCodes bounds the codes read after a symbol's number (docsym allows six).
	maxCodes = 6
)

// term is one thing a query asks for: a word or a phrase (consecutive
// words) in a title or body, or — for a symbol or a number — a record whose
// symbol has all of Symbol's tokens.
type term struct {
	Words []string
	// Prefix makes the last word (and the last symbol token) match the
	// start of longer words: the query is still being typed.
	Prefix bool
	// Symbol, when set, is an alternative: the record's symbol tokens
	// include all of these (the most specific token, and the year's).
	Symbol []string
}

// wordsPrefix reports whether the last of the term's words is matched as a
// prefix. A symbol being typed is completed through its symbol tokens
// only ("147-KH/T" finds 147-KH/TU by its token 147khtu): a short code
// taken as a prefix of every word ("t…") costs an index much and finds
// nothing more.
func (t term) wordsPrefix() bool { return t.Prefix && len(t.Symbol) == 0 }

// plan is one reading of a query: all its terms must match, and Year, when
// set, filters by the record's year.
type plan struct {
	Terms []term
	Year  int
}

// Parsed is a query read into terms. Plans are tried in order until one
// finds something: the strict reading (runs of words as phrases, a year as
// a filter), then looser ones (every word on its own, the year as a word).
type Parsed struct {
	Plans []plan
	// Marks are the word sequences to highlight: every phrase, word and
	// symbol of the query, with Prefix for one still being typed.
	Marks []term
	// Substring is the folded query, for the last resort of matching it
	// anywhere in a title ("tgtu" in "btgtu"); "" when the query quotes a
	// phrase.
	Substring string
}

// Empty reports whether the query asks for nothing (blank, or only
// punctuation).
func (p Parsed) Empty() bool { return len(p.Plans) == 0 }

// atom is one word of the query, with what separates it from the previous one.
type atom struct {
	w string
	// linked: the separator from the previous word is "-" or "/" (with
	// spaces or not), as inside a symbol.
	linked bool
	// quote is the number of the quoted phrase holding the word, 0 outside quotes.
	quote int
}

// Parse reads a query. It never fails: anything it cannot use is ignored,
// and a query of nothing usable gives an empty Parsed. Folding makes it
// blind to case, accents, "đ" and tone placement. What it understands:
//
//   - "quoted words" must appear as a phrase;
//   - unquoted runs of words are first tried as phrases (Vietnamese words
//     have several syllables: "ha noi" should not find "Hà Giang … Nội
//     Bài"), then word by word;
//   - a number followed by "-" or "/" codes is a document symbol
//     ("147-KH/TU", "147/KH", "12/2021/NQ-HĐND"), as is a number followed by
//     a kind code ("147 KH"); "số 147" and a bare number ask for that number;
//   - a year ("2021") filters by year, then is tried as a word;
//   - the last word, unless followed by a space, also matches longer words
//     ("ha no" finds "Hà Nội"), as the user is still typing.
func Parse(q string) Parsed {
	trailingSpace := q != "" && unicode.IsSpace(lastRune(q))
	atoms, openQuote := scan(vn.Fold(q))
	var p Parsed
	var words []string
	quoted := false
	for _, a := range atoms {
		words = append(words, a.w)
		quoted = quoted || a.quote != 0
	}
	if !quoted { // a quoted phrase asks for exactly that
		p.Substring = strings.Join(words, " ")
	}

	var strict, relaxed, loosest []term
	year := 0
	last := len(atoms) - 1
	prefixAt := func(end int) bool { // the term ending at atom end is still being typed
		return end == last && !trailingSpace && (atoms[end].quote == 0 || openQuote)
	}
	for i := 0; i < len(atoms); {
		a := atoms[i]
		switch {
		case a.quote != 0:
			j := i
			for j < len(atoms) && atoms[j].quote == a.quote {
				j++
			}
			t := term{Words: words[i:j], Prefix: prefixAt(j - 1)}
			strict, relaxed, loosest = append(strict, t), append(relaxed, t), append(loosest, t)
			i = j
		case isDigits(a.w):
			j := symbolEnd(atoms, i)
			t := term{Words: words[i:j], Prefix: prefixAt(j - 1)}
			t.Symbol = symbolQuery(words[i:j]) // a prefix applies to its first token, never to the year's
			afterSo := i > 0 && atoms[i-1].quote == 0 && words[i-1] == "so"
			switch {
			case j == i+1 && isYear(a.w) && !afterSo:
				if year == 0 {
					year = atoi(a.w)
				}
				t.Symbol, t.Prefix = nil, false
				relaxed = append(relaxed, t)
				loosest = append(loosest, t)
			case j > i+1 && !atoms[i+1].linked:
				// "147 KH": a symbol only in the strict reading.
				strict = append(strict, t)
				for k := i; k < j; k++ {
					w := term{Words: words[k : k+1], Prefix: prefixAt(k)}
					relaxed, loosest = append(relaxed, w), append(loosest, w)
				}
			default:
				strict, relaxed, loosest = append(strict, t), append(relaxed, t), append(loosest, t)
			}
			i = j
		default:
			j := i
			for j < len(atoms) && atoms[j].quote == 0 && !isDigits(atoms[j].w) && !soNumber(atoms, j) {
				j++
			}
			if j == i { // "số" before a number: the number says it
				i++
				continue
			}
			run := words[i:j]
			if j-1 == last && !trailingSpace && len(run[len(run)-1]) < minPrefix && len(atoms) > 1 {
				run = run[:len(run)-1] // a letter just typed after other words narrows nothing yet
				if len(run) == 0 {
					i = j
					continue
				}
			}
			pre := prefixAt(j - 1)
			if len(run) < j-i {
				pre = false
			}
			strict = append(strict, term{Words: run, Prefix: pre})
			for k, w := range run {
				t := term{Words: []string{w}, Prefix: pre && k == len(run)-1}
				relaxed, loosest = append(relaxed, t), append(loosest, t)
			}
			i = j
		}
	}
	strict, relaxed, loosest = bound(strict), bound(relaxed), bound(loosest)
	if len(strict) == 0 && year == 0 {
		return p
	}
	p.Plans = append(p.Plans, plan{Terms: strict, Year: year})
	if len(strict) > 0 && !sameTerms(relaxed, strict) {
		p.Plans = append(p.Plans, plan{Terms: relaxed, Year: year})
	}
	if year != 0 {
		p.Plans = append(p.Plans, plan{Terms: loosest})
	}
	p.Marks = append(append([]term(nil), strict...), relaxed...)
	if year != 0 {
		p.Marks = append(p.Marks, term{Words: []string{itoa(year)}})
	}
	return p
}

// scan splits a folded query into atoms, and reports whether it ends inside
// an unclosed quote.
func scan(f string) ([]atom, bool) {
	var out []atom
	quote, quotes := 0, 0
	linked := false
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		if w := f[start:end]; len(w) <= maxWord {
			out = append(out, atom{w: w, linked: linked, quote: quote})
		}
		start, linked = -1, false
	}
	for i, r := range f {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
		switch r {
		case '"', '“', '”':
			if quote == 0 {
				quotes++
				quote = quotes
			} else {
				quote = 0
			}
			linked = false
		case '-', '/', '–', '‐', '‑':
			linked = len(out) > 0
		case ' ':
		default:
			linked = false
		}
	}
	flush(len(f))
	return out, quote != 0
}

// symbolEnd returns the end of the symbol starting with the number at atom
// i: "-"/"/"-linked codes (a four-digit year may come first, as in
// 12/2021/NQ-HĐND), or one kind code after a space ("147 KH"). A number on
// its own ends at i+1.
func symbolEnd(atoms []atom, i int) int {
	j := i + 1
	if j < len(atoms) && atoms[j].quote == 0 && !atoms[j].linked && !isDigits(atoms[j].w) {
		if isKindCode(atoms[j].w) {
			return j + 1
		}
		return j
	}
	for j < len(atoms) && j-i <= maxCodes && atoms[j].linked && atoms[j].quote == 0 {
		w := atoms[j].w
		if isDigits(w) && !(j == i+1 && isYear(w)) {
			break
		}
		j++
	}
	return j
}

// isKindCode reports whether a folded word is the code of a document kind
// in either system ("kh", "nq", "qd").
func isKindCode(w string) bool {
	if _, ok := docsym.LookupCode(docsym.Party, w); ok {
		return true
	}
	_, ok := docsym.LookupCode(docsym.State, w)
	return ok
}

// soNumber reports whether atom j is "số" right before a number.
func soNumber(atoms []atom, j int) bool {
	return atoms[j].w == "so" && j+1 < len(atoms) && atoms[j+1].quote == 0 && isDigits(atoms[j+1].w)
}

// symbolQuery returns the symbol tokens a symbol's words ask for: the most
// specific one, and the year's when there is one.
func symbolQuery(ws []string) []string {
	toks := chainTokens(ws)
	if len(toks) == 0 {
		return nil
	}
	if len(ws) > 1 && isYear(ws[1]) {
		if len(toks) == 2 { // number and year only: "12/2021"
			return toks[1:]
		}
		return []string{toks[len(toks)-2], toks[len(toks)-1]}
	}
	return toks[len(toks)-1:]
}

// bound caps the number of terms and the length of phrases.
func bound(ts []term) []term {
	if len(ts) > maxTerms {
		ts = ts[:maxTerms]
	}
	for i := range ts {
		if len(ts[i].Words) > maxPhrase {
			ts[i].Words, ts[i].Prefix = ts[i].Words[:maxPhrase], false
		}
		if ws := ts[i].Words; len(ws) == 1 && len(ws[0]) < minPrefix && len(ts[i].Symbol) == 0 {
			ts[i].Prefix = false // a phrase or a symbol narrows a short prefix enough
		}
	}
	return ts
}

func sameTerms(a, b []term) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Prefix != b[i].Prefix || strings.Join(a[i].Words, " ") != strings.Join(b[i].Words, " ") ||
			strings.Join(a[i].Symbol, " ") != strings.Join(b[i].Symbol, " ") {
			return false
		}
	}
	return true
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// atoi reads a short run of digits (isDigits has been checked).
func atoi(w string) int {
	n := 0
	for i := 0; i < len(w); i++ {
		n = n*10 + int(w[i]-'0')
	}
	return n
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
