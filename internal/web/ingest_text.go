package web

import (
	"slices"
	"strconv"
	"strings"

	"plenum/internal/ingest"
)

// The article beside its proposals: every proposal's spans become marks in
// the text, coloured by kind, each with an anchor the proposal links to, so
// that a link scrolls to (and, without script, :target outlines) where the
// proposal came from.

// mark is one span of the text that a proposal came from.
type mark struct {
	ingest.Span
	id   string // the anchor, "p0", "p0-1", "d2" …
	kind string // conference, person, post, document, figure, task
	card string // the proposal's card in the form
}

// segment is a run of a line covered by the same marks.
type segment struct {
	Text string
	// Kind is the kind of the innermost mark over it; "" for plain text.
	Kind string
	// ID is the anchor of the mark that starts here (set on the mark);
	// Extra the anchors of others that start here too.
	ID    string
	Extra []string
	// Spans lists the anchors of every mark over it, for the script that
	// lights a whole span up; Card is the innermost mark's proposal.
	Spans string
	Card  string
}

// textLine is one paragraph of the article with its role in the page.
type textLine struct {
	Kind     string
	Segments []segment
}

// marksOf lists the spans of every proposal.
func marksOf(p ingest.Proposals) []mark {
	var ms []mark
	add := func(s ingest.Span, id, kind, card string) {
		if s.End > s.Start {
			ms = append(ms, mark{s, id, kind, card})
		}
	}
	if c := p.Conference; c != nil {
		for i, s := range c.Spans {
			add(s, anchor("c", i), "conference", "card-c")
		}
	}
	for i, pp := range p.People {
		card := anchor("card-p", i)
		if len(pp.Spans) > 0 {
			add(pp.Spans[0], anchor("p", i), "person", card)
		}
		for j, post := range pp.Posts {
			add(post.Span, anchor("p", i)+anchor("-", j), "post", card+anchor("-", j))
		}
	}
	for i, d := range p.Documents {
		add(d.Span, anchor("d", i), "document", anchor("card-d", i))
	}
	for i, f := range p.Figures {
		add(f.Span, anchor("f", i), "figure", anchor("card-f", i))
	}
	for i, t := range p.Tasks {
		add(t.Span, anchor("t", i), "task", anchor("card-t", i))
	}
	return ms
}

// highlight cuts the item's lines into segments at the marks' edges.
func highlight(it ingest.Item, marks []mark) []textLine {
	var out []textLine
	for _, ln := range it.Lines() {
		cuts := []int{ln.Start, ln.End}
		for _, m := range marks {
			for _, c := range []int{m.Start, m.End} {
				if c > ln.Start && c < ln.End {
					cuts = append(cuts, c)
				}
			}
		}
		slices.Sort(cuts)
		cuts = slices.Compact(cuts)
		tl := textLine{Kind: ln.Kind}
		for k := 0; k+1 < len(cuts); k++ {
			a, b := cuts[k], cuts[k+1]
			seg := segment{Text: it.Text[a:b]}
			inner := -1
			var spans []string
			for i, m := range marks {
				if m.Start >= b || m.End <= a {
					continue
				}
				spans = append(spans, m.id)
				if inner < 0 || m.End-m.Start < marks[inner].End-marks[inner].Start {
					inner = i
				}
				if m.Start == a {
					if seg.ID == "" {
						seg.ID = m.id
					} else {
						seg.Extra = append(seg.Extra, m.id)
					}
				}
			}
			if inner >= 0 {
				seg.Kind, seg.Card, seg.Spans = marks[inner].kind, marks[inner].card, strings.Join(spans, " ")
			}
			tl.Segments = append(tl.Segments, seg)
		}
		out = append(out, tl)
	}
	return out
}

// anchor joins a prefix and an index: anchor("p", 2) is "p2".
func anchor(prefix string, i int) string { return prefix + strconv.Itoa(i) }
