package web

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"strings"

	"plenum/internal/indicators"
	"plenum/internal/vn"
)

// chart is a small trend chart drawn on the server as SVG: no script, no
// library, readable without colour (estimates are hollow, the target is a
// dashed step line).
type chart struct {
	SVG template.HTML
}

// Chart geometry, in SVG units.
const (
	chartW, chartH         = 560.0, 200.0
	padL, padR, padT, padB = 72.0, 24.0, 14.0, 28.0
)

// trendChart draws the figures of a trend as a line with dots, and the
// year targets as a dashed line; nil when there is nothing to draw.
func trendChart(points []indicators.Point, ind indicators.Indicator) chart {
	lo, hi := math.Inf(1), math.Inf(-1)
	seen := false
	note := func(x float64) {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	for _, p := range points {
		if p.Figure != nil {
			note(p.Figure.Value.Float64())
			seen = true
		}
		if g := p.Evaluation.Goal; g != nil {
			note(g.Low)
			if g.High != nil {
				note(*g.High)
			}
		}
	}
	if !seen || len(points) == 0 {
		return chart{}
	}
	if lo > 0 && ind.ValueKind != indicators.Change {
		lo = 0
	}
	if hi == lo {
		hi = lo + 1
	}
	span := hi - lo
	if lo != 0 {
		lo -= span * 0.05
	}
	hi += span * 0.08
	digits := 2
	switch {
	case span >= 100:
		digits = 0
	case span >= 10:
		digits = 1
	}
	x := func(i int) float64 {
		if len(points) == 1 {
			return padL + (chartW-padL-padR)/2
		}
		return padL + float64(i)*(chartW-padL-padR)/float64(len(points)-1)
	}
	y := func(v float64) float64 { return padT + (hi-v)/(hi-lo)*(chartH-padT-padB) }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %.0f %.0f" role="img" aria-label="%s">`, chartW, chartH,
		html.EscapeString(ind.Name+" ("+ind.Measure+")"))
	// Axis: three gridlines with their values.
	for i := 0; i <= 2; i++ {
		v := lo + (hi-lo)*float64(i)/2
		fmt.Fprintf(&b, `<line class="grid" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, padL, y(v), chartW-padR, y(v))
		fmt.Fprintf(&b, `<text class="axis" x="%.1f" y="%.1f" text-anchor="end">%s</text>`, padL-6, y(v)+4, html.EscapeString(short(v, digits)))
	}
	var line, goal []string
	for i, p := range points {
		fmt.Fprintf(&b, `<text class="axis" x="%.1f" y="%.1f" text-anchor="middle">%s</text>`, x(i), chartH-8, html.EscapeString(p.Period.String()))
		if g := p.Evaluation.Goal; g != nil {
			goal = append(goal, fmt.Sprintf("%.1f,%.1f", x(i), y(g.Low)))
		}
		if p.Figure != nil {
			line = append(line, fmt.Sprintf("%.1f,%.1f", x(i), y(p.Figure.Value.Float64())))
		}
	}
	if len(goal) > 1 {
		fmt.Fprintf(&b, `<polyline class="goal" points="%s"/>`, strings.Join(goal, " "))
	}
	if len(line) > 1 {
		fmt.Fprintf(&b, `<polyline class="trend" points="%s"/>`, strings.Join(line, " "))
	}
	for i, p := range points {
		if p.Figure == nil {
			continue
		}
		cls := "dot " + string(p.Evaluation.Outcome)
		if p.Figure.Estimate {
			cls += " estimate"
		}
		v := p.Figure.Value
		fmt.Fprintf(&b, `<circle class="%s" cx="%.1f" cy="%.1f" r="4"><title>%s: %s %s</title></circle>`, cls, x(i), y(v.Float64()),
			html.EscapeString(p.Period.Label()), html.EscapeString(vn.FormatDecimal(v)), html.EscapeString(ind.Measure))
	}
	b.WriteString(`</svg>`)
	return chart{SVG: template.HTML(b.String())} // every text above is escaped
}

// short writes an axis value with digits decimals, the Vietnamese way.
func short(v float64, digits int) string {
	m := math.Pow(10, float64(digits))
	return vn.FormatDecimal(vn.NewDecimal(int64(math.Round(v*m)), -digits))
}
