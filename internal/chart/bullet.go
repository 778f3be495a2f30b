package chart

import "html/template"

// Bullet is a figure against its target: a bar to the figure, a tick at the
// target, on a track to the scale's end.
type Bullet struct {
	Label  string
	Value  float64
	Target float64
	Max    float64 // the scale's end; the larger of value and target, and a tenth, when 0
	Class  string  // of the bar: an outcome
	Text   string  // the figure as written at the end ("15/25", "92,5%"); the value when empty
	Href   string
}

// Bullets is a chart of bullets, one per row, each label above its bar.
type Bullets struct {
	Title   string
	Bullets []Bullet
	Digits  int
}

// SVG draws the chart; empty when there is no bullet.
func (c Bullets) SVG() template.HTML {
	if len(c.Bullets) == 0 {
		return ""
	}
	var w writer
	w.open("bullets", c.Title, barsW, float64(len(c.Bullets))*barRow+4)
	span := barsW - barTotalW
	for i, b := range c.Bullets {
		y := float64(i) * barRow
		end := b.Max
		if end <= 0 {
			end = max(b.Value, b.Target, 0) * 1.1
		}
		if end <= 0 {
			end = 1
		}
		at := func(v float64) float64 { return min(max(v, 0)/end, 1) * span }
		text := b.Text
		if text == "" {
			text = Number(b.Value, c.Digits)
		}
		opened := w.link(b.Href)
		w.printf(`<text class="label" x="0" y="%s">`, f1(y+barLabel))
		w.text(cut(b.Label, 60))
		w.b.WriteString(`</text>`)
		w.printf(`<rect class="track" x="0" y="%s" width="%s" height="%s"/>`, f1(y+barLabel+4), f1(span), f1(barH))
		w.printf(`<rect class="seg %s" x="0" y="%s" width="%s" height="%s"><title>`, class(b.Class), f1(y+barLabel+8), f1(at(b.Value)), f1(barH-8))
		w.text(b.Label + ": " + text)
		w.b.WriteString(`</title></rect>`)
		w.printf(`<line class="target" x1="%s" y1="%s" x2="%s" y2="%s"/>`, f1(at(b.Target)), f1(y+barLabel+2), f1(at(b.Target)), f1(y+barLabel+barH+6))
		w.printf(`<text class="value" x="%s" y="%s">`, f1(span+4), f1(y+barLabel+4+barH-3))
		w.text(text)
		w.b.WriteString(`</text>`)
		w.unlink(opened)
	}
	return w.html()
}
