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
		if !mayCite(p.toks) {
			continue
		}
		for _, c := range docsym.FindCitations(p.text) {
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

// mayCite reports whether a paragraph names a kind of document and has a
// number.
func mayCite(toks []token) bool {
	named, number := false, false
	for i := range toks {
		if toks[i].digit {
			number = true
		} else if !named && toks[i].word {
			if e, _ := documentKinds.match(toks, i); e > i {
				named = true
			}
		}
		if named && number {
			return true
		}
	}
	return false
}
