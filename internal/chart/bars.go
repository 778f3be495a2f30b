package chart

import (
	"html/template"
	"unicode/utf8"
)

// Segment is one part of a bar: the deadlines of one status, say.
type Segment struct {
	Class string  // CSS class of the series ("overdue")
	Name  string  // the series' name, in the legend and the mark's title
	Value float64 // not negative
	Href  string  // the records behind the figure
}

// Bar is one row of a bar chart: a label and its segments, one for a
// plain bar chart, several for a stacked one.
type Bar struct {
	Label    string
	Href     string // the records behind the whole bar (the label links there)
	Segments []Segment
}

// Bars is a chart of horizontal bars, each label above its bar so that long
// names (units, resolutions) stay readable on a phone; the total of each
// bar is written at its end.
type Bars struct {
	Title  string
	Bars   []Bar
	Digits int     // decimals of the values written
	Max    float64 // the scale's end; the largest total when 0
}

// Bar chart geometry, in SVG units.
const (
	barsW     = 400.0
	barRow    = 40.0 // label line, bar, gap
	barH      = 16.0
	barLabel  = 13.0 // baseline of the label within a row
	barTotalW = 56.0 // room for the total after the longest bar
	legendRow = 20.0
)

// SVG draws the chart; empty when there is no bar.
func (c Bars) SVG() template.HTML {
	if len(c.Bars) == 0 {
		return ""
	}
	scale := c.Max
	for _, b := range c.Bars {
		scale = max(scale, total(b))
	}
	if scale <= 0 {
		scale = 1
	}
	legend, legendH := legendOf(c.Bars)
	h := legendH + float64(len(c.Bars))*barRow + 4
	var w writer
	w.open("bars", c.Title, barsW, h)
	writeLegend(&w, legend)
	span := barsW - barTotalW
	for i, b := range c.Bars {
		y := legendH + float64(i)*barRow
		opened := w.link(b.Href)
		w.printf(`<text class="label" x="0" y="%s">`, f1(y+barLabel))
		w.text(cut(b.Label, 60))
		w.b.WriteString(`</text>`)
		w.unlink(opened)
		x := 0.0
		for _, s := range b.Segments {
			if s.Value <= 0 {
				continue
			}
			width := s.Value / scale * span
			opened := w.link(s.Href)
			w.printf(`<rect class="seg %s" x="%s" y="%s" width="%s" height="%s"><title>`,
				class(s.Class), f1(x), f1(y+barLabel+4), f1(max(width, 1)), f1(barH))
			w.text(b.Label + " — " + s.Name + ": " + Number(s.Value, c.Digits))
			w.b.WriteString(`</title></rect>`)
			w.unlink(opened)
			x += width
		}
		w.printf(`<text class="value" x="%s" y="%s">`, f1(x+4), f1(y+barLabel+4+barH-3))
		w.text(Number(total(b), c.Digits))
		w.b.WriteString(`</text>`)
	}
	return w.html()
}

func total(b Bar) float64 {
	t := 0.0
	for _, s := range b.Segments {
		t += max(s.Value, 0)
	}
	return t
}

// legendItem is a series named in the legend, at its place.
type legendItem struct {
	class, name string
	x, y        float64
}

// legendOf lists the series of the bars in the order first seen, laid out
// in rows across the chart; none when every bar has one unnamed segment.
func legendOf(bars []Bar) ([]legendItem, float64) {
	var out []legendItem
	seen := map[string]bool{}
	x, y := 0.0, 0.0
	for _, b := range bars {
		for _, s := range b.Segments {
			if s.Name == "" || seen[s.Class+"\x00"+s.Name] {
				continue
			}
			seen[s.Class+"\x00"+s.Name] = true
			width := 18 + 6.5*float64(utf8.RuneCountInString(s.Name)) + 12
			if x > 0 && x+width > barsW {
				x, y = 0, y+legendRow
			}
			out = append(out, legendItem{s.Class, s.Name, x, y})
			x += width
		}
	}
	if len(out) == 0 {
		return nil, 0
	}
	return out, y + legendRow + 4
}

func writeLegend(w *writer, items []legendItem) {
	for _, it := range items {
		w.printf(`<rect class="seg %s" x="%s" y="%s" width="12" height="12"/><text class="legend" x="%s" y="%s">`,
			class(it.class), f1(it.x), f1(it.y+2), f1(it.x+16), f1(it.y+12))
		w.text(it.name)
		w.b.WriteString(`</text>`)
	}
}
