package extract

import (
	"plenum/internal/date"
	"plenum/internal/vn"
)

// doc is the readable part of an article — headline, body and captions —
// tokenised once for the readers of people, meetings, places, documents and
// figures. Captions are read too: a caption is often the only place a
// person's posts are given ("Phó Chủ tịch UBND tỉnh X phát biểu").
type doc struct {
	paras []para
	// mentions are the people named, in text order, found by people().
	mentions []mention
}

// para is one readable line of the article.
type para struct {
	text  string
	off   int // byte offset of text in Article.Text
	kind  Kind
	toks  []token
	names []bool // tokens that are part of a person's name, set by people()
	// citations are the byte ranges of documents cited, set by documents().
	citations [][2]int

	figs     []vn.Figure // vn.FindFigures of text, once asked for
	ords     []vn.OrdinalMatch
	pers     []vn.PeriodMatch // vn.FindPeriods without a reference date
	figsRead bool
	ordsRead bool
	persRead bool
	// sentences gives, for each token, the token range of its sentence.
	sentences [][2]int32
}

// periods returns the dates and periods of the paragraph that carry their
// year, found once.
func (p *para) periods() []vn.PeriodMatch {
	if !p.persRead {
		p.pers, p.persRead = findPeriods(p.text, date.Date{}), true
	}
	return p.pers
}

// figures returns the figures of the paragraph, found once.
func (p *para) figures() []vn.Figure {
	if !p.figsRead {
		p.figs, p.figsRead = vn.FindFigures(p.text), true
	}
	return p.figs
}

// ordinals returns the ordinal phrases of the paragraph, found once.
func (p *para) ordinals() []vn.OrdinalMatch {
	if !p.ordsRead {
		p.ords, p.ordsRead = vn.FindOrdinals(p.text), true
	}
	return p.ords
}

func analyse(a *Article, p page, l layout) *doc {
	d := &doc{}
	for i, ln := range a.Lines {
		switch ln.Kind {
		case KindBody, KindTitle, KindCaption:
			text := p.lines[i].text
			d.paras = append(d.paras, para{text: text, off: ln.Start, kind: ln.Kind, toks: tokenize(text)})
		}
	}
	return d
}

// span converts a byte range of a paragraph into a Span of Article.Text.
func (p *para) span(start, end int) Span { return Span{p.off + start, p.off + end} }

// tokSpan is the Span of tokens [i, j) of a paragraph.
func (p *para) tokSpan(i, j int) Span { return p.span(p.toks[i].start, p.toks[j-1].end) }

// tokText is the text of tokens [i, j) as written.
func (p *para) tokText(i, j int) string { return p.text[p.toks[i].start:p.toks[j-1].end] }

// sentenceBounds returns the token range [s, e) of the sentence around token i:
// sentences end at ".", "!", "?" followed by a capitalised word or the end.
// The sentences of a paragraph are found once.
func (p *para) sentenceBounds(i int) (int, int) {
	if p.sentences == nil {
		n := len(p.toks)
		p.sentences = make([][2]int32, n)
		start := 0
		for k := range n {
			p.sentences[k][0] = int32(start)
			if p.sentenceEnd(k) {
				start = k + 1
			}
		}
		end := n
		for k := n - 1; k >= 0; k-- {
			if p.sentenceEnd(k) {
				end = k + 1
			}
			p.sentences[k][1] = int32(end)
		}
	}
	b := p.sentences[i]
	return int(b[0]), int(b[1])
}

func (p *para) sentenceEnd(k int) bool {
	t := p.toks[k]
	if t.word || (t.key != "." && t.key != "!" && t.key != "?") {
		return false
	}
	if k+1 == len(p.toks) {
		return true
	}
	next := p.toks[k+1]
	if !next.upper || next.start == t.end {
		return false
	}
	// "TP. Hồ Chí Minh", "ThS. Nguyễn": a short capitalised word before the dot.
	if k > 0 && p.toks[k-1].word && p.toks[k-1].end == t.start && abbreviationBefore(p.text, t.start) {
		return false
	}
	return true
}
