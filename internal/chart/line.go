package chart

import (
	"html/template"
	"math"
	"strings"
)

// Point is one period of a series.
type Point struct {
	Value float64
	Empty bool   // no figure for the period: a gap
	Class string // of the dot: an outcome, "estimate"
	Title string // the dot's text; the period and the value when empty
	Href  string
}

// Series is a line over the periods of a line chart.
type Series struct {
	Name   string
	Class  string // "trend", "goal" (dashed), "done", …
	Points []Point
	Dots   bool // mark each figure with a dot (with its title)
}

// Line is a chart of series over periods (years, quarters, months).
type Line struct {
	Title    string
	Labels   []string // the periods, one per point
	Series   []Series
	Measure  string // written after each value in the titles ("%", "tỷ đồng")
	FromZero bool   // start the scale at 0 when every value is positive
}

// Line chart geometry, in SVG units.
const (
	lineW, lineH               = 560.0, 220.0
	padL, padR, padT, padB     = 64.0, 16.0, 14.0, 28.0
	maxXLabels                 = 8
	lineLegendH, lineLegendGap = 18.0, 6.0
)

// SVG draws the chart; empty when no series has a figure.
func (c Line) SVG() template.HTML {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range c.Series {
		for _, p := range s.Points {
			if !p.Empty && !math.IsNaN(p.Value) && !math.IsInf(p.Value, 0) {
				lo, hi = math.Min(lo, p.Value), math.Max(hi, p.Value)
			}
		}
	}
	n := len(c.Labels)
	if math.IsInf(lo, 1) || n == 0 {
		return ""
	}
	if c.FromZero && lo > 0 {
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
	top := padT
	named := 0
	for _, s := range c.Series {
		if s.Name != "" {
			named++
		}
	}
	legend := named > 1 // one series is named by the title
	if legend {
		top += lineLegendH + lineLegendGap
	}
	x := func(i int) float64 {
		if n == 1 {
			return padL + (lineW-padL-padR)/2
		}
		return padL + float64(i)*(lineW-padL-padR)/float64(n-1)
	}
	y := func(v float64) float64 { return top + (hi-v)/(hi-lo)*(lineH-top-padB) }
	var w writer
	w.open("line", c.Title, lineW, lineH)
	if legend {
		lx := padL
		for _, s := range c.Series {
			if s.Name == "" {
				continue
			}
			w.printf(`<line class="%s" x1="%s" y1="%s" x2="%s" y2="%s"/><text class="legend" x="%s" y="%s">`,
				class(s.Class), f1(lx), f1(padT+5), f1(lx+18), f1(padT+5), f1(lx+22), f1(padT+9))
			w.text(s.Name)
			w.b.WriteString(`</text>`)
			lx += 40 + 6.5*float64(len([]rune(s.Name)))
		}
	}
	// Three gridlines with their values.
	for i := 0; i <= 2; i++ {
		v := lo + (hi-lo)*float64(i)/2
		w.printf(`<line class="grid" x1="%s" y1="%s" x2="%s" y2="%s"/><text class="axis" x="%s" y="%s" text-anchor="end">`,
			f1(padL), f1(y(v)), f1(lineW-padR), f1(y(v)), f1(padL-6), f1(y(v)+4))
		w.text(Number(v, digits))
		w.b.WriteString(`</text>`)
	}
	step := (n + maxXLabels - 1) / maxXLabels
	for i, l := range c.Labels {
		if i%step != 0 && i != n-1 {
			continue
		}
		w.printf(`<text class="axis" x="%s" y="%s" text-anchor="middle">`, f1(x(i)), f1(lineH-8))
		w.text(cut(l, 16))
		w.b.WriteString(`</text>`)
	}
	for _, s := range c.Series {
		var pts []string
		for i, p := range s.Points {
			if i < n && !p.Empty {
				pts = append(pts, f1(x(i))+","+f1(y(p.Value)))
			}
		}
		if len(pts) > 1 {
			w.printf(`<polyline class="%s" points="%s"/>`, class(s.Class), strings.Join(pts, " "))
		}
		if !s.Dots {
			continue
		}
		for i, p := range s.Points {
			if i >= n || p.Empty {
				continue
			}
			title := p.Title
			if title == "" {
				title = strings.TrimSpace(c.Labels[i] + ": " + Number(p.Value, digits) + " " + c.Measure)
			}
			opened := w.link(p.Href)
			w.printf(`<circle class="dot %s" cx="%s" cy="%s" r="4"><title>`, class(p.Class), f1(x(i)), f1(y(p.Value)))
			w.text(title)
			w.b.WriteString(`</title></circle>`)
			w.unlink(opened)
		}
	}
	return w.html()
}
