package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a piece of a record's text, as stored (with its accents), marked
// when it matched the query.
type Span struct {
	Text  string `json:"text"`
	Match bool   `json:"match,omitempty"`
}

// Highlight is a text cut into spans; joined, the spans give the text back.
type Highlight []Span

// String returns the text without marks.
func (h Highlight) String() string {
	var b strings.Builder
	for _, s := range h {
		b.WriteString(s.Text)
	}
	return b.String()
}

// Snippet sizes, in words: a snippet starts a few words before the first
// match and runs for snippetWords words; a body this short is shown whole.
const (
	snippetBefore = 8
	snippetWords  = 32
	// scanLimit bounds how much of a body is read looking for a match, in
	// bytes; a match further in shows the body's beginning instead.
	scanLimit = 16 << 10
)

// word is a word of the original text: its bytes, and its folded form.
type word struct {
	start, end int
	folded     string
}

// textWords finds the words of s as the index saw them: runs of letters and
// digits (with any combining marks), each folded.
func textWords(s string) []word {
	var out []word
	start := -1
	flush := func(end int) {
		if start >= 0 {
			out = append(out, word{start: start, end: end, folded: strings.Join(splitWords(s[start:end]), "")})
			start = -1
		}
	}
	for i, r := range s {
		if isWordRune(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(s))
	return out
}

// markWords reports, for each word, whether it is part of an occurrence of
// one of the query's words, phrases or symbols.
func markWords(ws []word, marks []term) []bool {
	marked := make([]bool, len(ws))
	for _, t := range marks {
		n := len(t.Words)
		for i := 0; i+n <= len(ws); i++ {
			ok := true
			for k, q := range t.Words {
				if !sameWord(ws[i+k].folded, q, t.Prefix && k == n-1) {
					ok = false
					break
				}
			}
			if ok {
				for k := range n {
					marked[i+k] = true
				}
			}
		}
	}
	return marked
}

// sameWord compares a folded word of the text with a query word: numbers
// by value ("09" is "9"), a word still being typed by its start.
func sameWord(w, q string, prefix bool) bool {
	if isDigits(w) && isDigits(q) && !prefix {
		return trimZeros(w) == trimZeros(q)
	}
	if prefix {
		return strings.HasPrefix(w, q)
	}
	return w == q
}

// spans cuts s[from:to] into spans, marking the marked words; marked words
// separated only by a short run of spaces or punctuation ("Hà Nội",
// "147-KH/TU") make one span.
func spans(s string, ws []word, marked []bool, from, to int) Highlight {
	var out Highlight
	pos := from
	for i := 0; i < len(ws); i++ {
		if !marked[i] || ws[i].start < from || ws[i].end > to {
			continue
		}
		j := i
		for j+1 < len(ws) && marked[j+1] && ws[j+1].end <= to && utf8.RuneCountInString(s[ws[j].end:ws[j+1].start]) <= 3 &&
			!strings.ContainsAny(s[ws[j].end:ws[j+1].start], "\n\r") {
			j++
		}
		if ws[i].start > pos {
			out = append(out, Span{Text: s[pos:ws[i].start]})
		}
		out = append(out, Span{Text: s[ws[i].start:ws[j].end], Match: true})
		pos = ws[j].end
		i = j
	}
	if pos < to {
		out = append(out, Span{Text: s[pos:to]})
	}
	return out
}

// highlightTitle marks the query's words in a title.
func highlightTitle(title string, marks []term) Highlight {
	ws := textWords(title)
	return spans(title, ws, markWords(ws, marks), 0, len(title))
}

// snippet returns the part of a body around its first match, marked, with
// "…" where it was cut; a body without a match gives its beginning.
func snippet(body string, marks []term) Highlight {
	if body == "" {
		return nil
	}
	scanned := cut(body, scanLimit)
	ws := textWords(scanned)
	if len(ws) == 0 {
		return nil
	}
	marked := markWords(ws, marks)
	first := 0
	for i, m := range marked {
		if m {
			first = i
			break
		}
	}
	lo := max(0, first-snippetBefore)
	hi := min(len(ws), lo+snippetWords)
	if hi-lo < snippetWords { // near the end: show a full window
		lo = max(0, hi-snippetWords)
	}
	from, to := ws[lo].start, ws[hi-1].end
	if lo == 0 {
		from = 0
	}
	if hi == len(ws) && len(scanned) == len(body) {
		to = len(body)
	}
	out := spans(scanned, ws, marked, from, to)
	for i := range out { // a snippet is one paragraph
		out[i].Text = collapseSpace(out[i].Text)
	}
	if from > 0 {
		out = append(Highlight{{Text: "… "}}, out...)
	}
	if to < len(body) {
		out = append(out, Span{Text: " …"})
	}
	return out
}

// collapseSpace replaces every run of white space by one space.
func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// highlight replaces a hit's plain title and body (left by page) by marked
// spans.
func (h *Hit) highlight(marks []term) {
	title, body := h.Title.String(), h.Snippet.String()
	h.Title = highlightTitle(title, marks)
	h.Snippet = snippet(body, marks)
}
