package extract

import (
	"strconv"

	"plenum/internal/docsym"
)

// documents reads every document cited with a number (docsym.FindCitations)
// in the headline, the body and the captions. A document cited several times
// is listed once, with the symbol and date of whichever citation prints them.
func (d *doc) documents(a *Article) {
	index := map[string]int{}
	for pi := range d.paras {
		p := &d.paras[pi]
		for _, c := range citations(p) {
			p.citations = append(p.citations, [2]int{c.Start, c.End})
			kind := c.Kind.Schema()
			if kind == "" || c.Number <= 0 {
				continue
			}
			doc := Document{Kind: kind, Number: c.Number, Issuer: c.Issuer, Date: c.Date, Span: p.span(c.Start, c.End)}
			if c.Symbol.Number != 0 {
				doc.Symbol = c.Symbol.String()
			}
			i, seen := index[docKey(doc)]
			if !seen && doc.Issuer == "" {
				// "Kết luận số 21" after "Kết luận số 21-KL/TW" in an earlier paragraph.
				i, seen = sameNumber(a.Documents, doc)
			}
			if !seen {
				index[docKey(doc)] = len(a.Documents)
				a.Documents = append(a.Documents, doc)
				continue
			}
			prev := &a.Documents[i]
			if prev.Symbol == "" && doc.Symbol != "" {
				prev.Symbol = doc.Symbol
			}
			if prev.Date.IsZero() && !doc.Date.IsZero() {
				prev.Date = doc.Date
			}
		}
	}
	a.Documents = mergeBare(a.Documents)
}

// mergeBare folds a document cited by its number alone before its full
// citation ("Nghị quyết 18" in the headline, "Nghị quyết số 18-NQ/TW" in
// the body) into the one whose issuer is known, when only one such is
// listed.
func mergeBare(docs []Document) []Document {
	out := docs[:0]
	for i, doc := range docs {
		if doc.Issuer == "" {
			same, n := 0, 0
			for k, e := range docs {
				if k != i && e.Issuer != "" && e.Kind == doc.Kind && e.Number == doc.Number {
					same, n = k, n+1
				}
			}
			if n == 1 {
				if docs[same].Date.IsZero() {
					docs[same].Date = doc.Date
				}
				continue
			}
		}
		out = append(out, doc)
	}
	return out
}

func docKey(d Document) string {
	return d.Kind + " " + strconv.Itoa(d.Number) + " " + NormalizeText(d.Issuer)
}

// sameNumber finds a document of the same kind and number already listed.
func sameNumber(docs []Document, d Document) (int, bool) {
	for i, e := range docs {
		if e.Kind == d.Kind && e.Number == d.Number {
			return i, true
		}
	}
	return 0, false
}

// documentKinds are the names of the kinds of documents docsym knows, as
// phrases: a paragraph without one cites nothing, and the citation finder
// need not read it.
var documentKinds = func() phrases {
	var names []string
	for _, k := range docsym.Kinds() {
		names = append(names, k.Name("vi"))
	}
	return newPhrases(names)
}()

// citationReach is how far after the name of its kind a citation may run:
// "Nghị quyết số 13-NQ/TW ngày 18/3/2002 của Ban Chấp hành Trung ương Đảng
// khóa IX" is 100 bytes.
const citationReach = 240

// numberReach is how many tokens after the name of its kind a citation's
// number comes at the latest: "Luật Tổ chức chính quyền địa phương số 77".
const numberReach = 14

// numberWithin reports whether a number starts among tokens [i, i+n).
func numberWithin(toks []token, i, n int) bool {
	for k := i; k < len(toks) && k < i+n; k++ {
		if toks[k].digit {
			return true
		}
	}
	return false
}

// citations runs docsym.FindCitations on the stretches of a paragraph that
// start a little before the name of a kind of document ("các Nghị quyết
// số …") and reach citationReach after it; the finder's time goes on the
// words it reads, and most words of an article cite nothing.
func citations(p *para) []docsym.Citation {
	var out []docsym.Citation
	end := -1
	for i := range p.toks {
		if p.toks[i].start < end || !p.toks[i].word {
			continue
		}
		e, _ := documentKinds.match(p.toks, i)
		if e == i || !numberWithin(p.toks, e, numberReach) {
			continue // a kind named without a number: "Nghị quyết Đại hội"
		}
		start := wordStart(p.text, max(p.toks[i].start-8, 0))
		end = p.toks[i].start + citationReach
		// Let the window run on over further kinds' names close behind.
		for k := i + 1; k < len(p.toks) && p.toks[k].start < end; k++ {
			if e, _ := documentKinds.match(p.toks, k); e > k {
				end = p.toks[k].start + citationReach
			}
		}
		end = wordEnd(p.text, min(end, len(p.text)))
		for _, c := range docsym.FindCitations(p.text[start:end]) {
			c.Start += start
			c.End += start
			out = append(out, c)
		}
	}
	return out
}
