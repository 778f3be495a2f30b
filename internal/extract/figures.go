package extract

import (
	"strings"

	"plenum/internal/vn"
)

// figureKinds maps the figure kinds SCHEMA.md annotates; counts and bare
// numbers (delegates, cooperatives, tourists) are not figures there.
var figureKinds = map[vn.FigureKind]string{
	vn.FigurePercent: "percent",
	vn.FigureMoney:   "money",
	vn.FigureRatio:   "ratio",
}

// figures reads the percentages, amounts of money and ratios of the
// headline and the body (vn.FindFigures), leaving out numbers inside the
// citation of a document.
func (d *doc) figures(a *Article) {
	seen := map[string]bool{}
	for pi := range d.paras {
		p := &d.paras[pi]
		if p.kind == KindCaption {
			continue
		}
		for _, f := range p.figures() {
			kind, ok := figureKinds[f.Kind]
			if !ok || d.inCitation(pi, f.Start, f.End) {
				continue
			}
			fig := Figure{Kind: kind, Value: f.Value.Float64(), Unit: f.Unit, Label: figureLabel(p.text, f.Start), Span: p.span(f.Start, f.End)}
			if kind == "ratio" {
				fig.Of, fig.Unit = f.Of.Float64(), ""
				fig.Label = strings.TrimSpace(fig.Label + " " + f.Unit)
			}
			if kind == "percent" {
				fig.Unit = ""
			}
			key := fig.Kind + " " + f.Value.String() + "/" + f.Of.String()
			if seen[key] {
				continue
			}
			seen[key] = true
			a.Figures = append(a.Figures, fig)
		}
	}
}

// figureLabel is a hint of what a figure measures: the words of its clause
// before it ("tốc độ tăng trưởng kinh tế đạt"), at most eight.
func figureLabel(text string, start int) string {
	before := text[:start]
	if i := strings.LastIndexAny(before, ",;:.(“\""); i >= 0 {
		before = before[i+1:]
	}
	words := strings.Fields(before)
	if len(words) > 8 {
		words = words[len(words)-8:]
	}
	return strings.Join(words, " ")
}

// inCitation reports whether bytes [start, end) of paragraph pi lie inside a
// cited document ("Nghị quyết 21 của Bộ Chính trị"); set by documents().
func (d *doc) inCitation(pi, start, end int) bool {
	for _, c := range d.paras[pi].citations {
		if start < c[1] && end > c[0] {
			return true
		}
	}
	return false
}
