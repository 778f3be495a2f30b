package chart

import (
	"encoding/xml"
	"errors"
	"html/template"
	"io"
	"math"
	"strings"
	"testing"
)

// parse reads an SVG as XML and returns its elements' names with their
// attributes and the text of every element, failing on malformed markup.
func parse(t testing.TB, svg template.HTML) (elems []xml.StartElement, texts []string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(string(svg)))
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return elems, texts
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, svg)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			elems = append(elems, x.Copy())
		case xml.CharData:
			if s := strings.TrimSpace(string(x)); s != "" {
				texts = append(texts, s)
			}
		}
	}
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func count(elems []xml.StartElement, name string) int {
	n := 0
	for _, e := range elems {
		if e.Name.Local == name {
			n++
		}
	}
	return n
}

func hrefs(elems []xml.StartElement) []string {
	var out []string
	for _, e := range elems {
		if e.Name.Local == "a" {
			out = append(out, attr(e, "href"))
		}
	}
	return out
}

func TestNumber(t *testing.T) {
	for _, c := range []struct {
		x      float64
		digits int
		want   string
	}{
		{1600, 0, "1.600"},
		{3.42, 2, "3,42"},
		{-0.5, 1, "-0,5"},
		{15000000, 0, "15.000.000"},
		{2.345, 1, "2,3"},
		{math.NaN(), 0, "—"},
	} {
		if got := Number(c.x, c.digits); got != c.want {
			t.Errorf("Number(%v, %d) = %q, want %q", c.x, c.digits, got, c.want)
		}
	}
}

func TestBars(t *testing.T) {
	c := Bars{Title: "Nhiệm vụ trễ hạn theo đơn vị", Bars: []Bar{
		{Label: "Sở Tài chính", Href: "/tasks?unit_id=1", Segments: []Segment{
			{Class: "overdue", Name: "Quá hạn", Value: 1200, Href: "/tasks?unit_id=1&status=overdue"},
			{Class: "done_late", Name: "Hoàn thành trễ", Value: 400},
		}},
		{Label: `<script>alert("x")</script> & Co`, Href: "javascript:alert(1)", Segments: []Segment{
			{Class: `overdue" onclick="x`, Name: "Quá hạn", Value: 3, Href: "//evil.example/"},
		}},
		{Label: "Không có gì", Segments: []Segment{{Class: "overdue", Name: "Quá hạn", Value: 0}}},
	}}
	svg := c.SVG()
	elems, texts := parse(t, svg)
	root := elems[0]
	if root.Name.Local != "svg" || attr(root, "role") != "img" || attr(root, "aria-label") != c.Title || attr(root, "viewBox") == "" {
		t.Errorf("root = %v", root)
	}
	if got := hrefs(elems); strings.Join(got, " ") != "/tasks?unit_id=1 /tasks?unit_id=1&status=overdue" {
		t.Errorf("links = %q, want only the local ones", got)
	}
	joined := strings.Join(texts, "|")
	for _, want := range []string{c.Title, "1.600", "Sở Tài chính — Quá hạn: 1.200", `<script>alert("x")</script> & Co`, "Hoàn thành trễ", "0"} {
		if !strings.Contains(joined, want) {
			t.Errorf("texts lack %q: %s", want, joined)
		}
	}
	if strings.Contains(string(svg), "<script") || strings.Contains(string(svg), "onclick=") {
		t.Errorf("markup escaped badly: %s", svg)
	}
	// Three legend squares (the odd class is a series of its own), three
	// segments drawn (the empty one is not).
	if n := count(elems, "rect"); n != 3+3 {
		t.Errorf("%d rects, want 6", n)
	}
	if (Bars{Title: "x"}).SVG() != "" {
		t.Error("a chart without bars should be empty")
	}
}

func TestBarsScale(t *testing.T) {
	// With Max set, a bar of half the maximum is half the width.
	svg := Bars{Title: "t", Max: 10, Bars: []Bar{{Label: "a", Segments: []Segment{{Class: "x", Value: 5}}}}}.SVG()
	elems, _ := parse(t, svg)
	for _, e := range elems {
		if e.Name.Local == "rect" {
			if w := attr(e, "width"); w != f1((barsW-barTotalW)/2) {
				t.Errorf("width %s, want half of the span", w)
			}
		}
	}
}

func TestLine(t *testing.T) {
	c := Line{Title: "GRDP (%)", Labels: []string{"2021", "2022", "2023", "2024"}, Measure: "%", FromZero: true,
		Series: []Series{
			{Name: "Thực hiện", Class: "trend", Dots: true, Points: []Point{
				{Value: 6.2, Class: "met"}, {Empty: true}, {Value: 7.5, Class: "exceeded", Href: "/indicators/3"}, {Value: 5.1, Class: "not_met estimate", Title: "2024: 5,1 % (ước)"},
			}},
			{Name: "Mục tiêu", Class: "goal", Points: []Point{{Value: 7}, {Value: 7}, {Value: 7}, {Value: 7}}},
		}}
	svg := c.SVG()
	elems, texts := parse(t, svg)
	if n := count(elems, "circle"); n != 3 {
		t.Errorf("%d dots, want 3 (one period is empty)", n)
	}
	if n := count(elems, "polyline"); n != 2 {
		t.Errorf("%d lines, want 2", n)
	}
	joined := strings.Join(texts, "|")
	for _, want := range []string{"2021: 6,2 %", "2024: 5,1 % (ước)", "Thực hiện", "Mục tiêu", "2023"} {
		if !strings.Contains(joined, want) {
			t.Errorf("texts lack %q: %s", want, joined)
		}
	}
	if got := hrefs(elems); len(got) != 1 || got[0] != "/indicators/3" {
		t.Errorf("links = %q", got)
	}
	if (Line{Title: "x", Labels: []string{"a"}, Series: []Series{{Points: []Point{{Empty: true}}}}}).SVG() != "" {
		t.Error("a chart without figures should be empty")
	}
	// Many periods: at most maxXLabels+1 axis labels under the chart.
	many := Line{Title: "m", Series: []Series{{Class: "trend"}}}
	for i := range 36 {
		many.Labels = append(many.Labels, "T"+Number(float64(i+1), 0))
		many.Series[0].Points = append(many.Series[0].Points, Point{Value: float64(i)})
	}
	elems, _ = parse(t, many.SVG())
	axis := 0
	for _, e := range elems {
		if e.Name.Local == "text" && attr(e, "text-anchor") == "middle" {
			axis++
		}
	}
	if axis > maxXLabels+1 {
		t.Errorf("%d period labels, want at most %d", axis, maxXLabels+1)
	}
}

func TestBullets(t *testing.T) {
	c := Bullets{Title: "Chỉ tiêu nhiệm kỳ", Bullets: []Bullet{
		{Label: "Đạt và vượt", Value: 15, Target: 25, Max: 25, Class: "good", Text: "15/25", Href: "/indicators/standing"},
		{Label: "Tỷ lệ che phủ rừng", Value: 120, Target: 100, Class: "exceeded"},
	}}
	elems, texts := parse(t, c.SVG())
	joined := strings.Join(texts, "|")
	for _, want := range []string{"15/25", "Đạt và vượt: 15/25", "120", "Tỷ lệ che phủ rừng"} {
		if !strings.Contains(joined, want) {
			t.Errorf("texts lack %q: %s", want, joined)
		}
	}
	if n := count(elems, "line"); n != 2 {
		t.Errorf("%d target ticks, want 2", n)
	}
	// The first bullet's bar is 15/25 of the track.
	for _, e := range elems {
		if e.Name.Local == "rect" && strings.Contains(attr(e, "class"), "good") {
			if w := attr(e, "width"); w != f1(15.0/25*(barsW-barTotalW)) {
				t.Errorf("bar width %s", w)
			}
		}
	}
}

// FuzzCharts draws charts of any labels, classes, links and values: the
// SVG is well-formed, every link stays on the site, and a label comes back
// as it was given (escaped, not interpreted).
func FuzzCharts(f *testing.F) {
	f.Add("Sở Nội vụ", "overdue", "/tasks?unit_id=1", 12.5)
	f.Add(`<a href="x">`, `" onload="`, "javascript:alert(1)", -3.0)
	f.Add("]]>&amp;", "a b", "//host/x", math.Inf(1))
	f.Fuzz(func(t *testing.T, label, cls, href string, v float64) {
		bars := Bars{Title: label, Bars: []Bar{{Label: label, Href: href, Segments: []Segment{{Class: cls, Name: label, Value: v, Href: href}}}}}
		line := Line{Title: label, Labels: []string{label, label}, Measure: label,
			Series: []Series{{Name: label, Class: cls, Dots: true, Points: []Point{{Value: v, Class: cls, Href: href}, {Value: 1}}}}}
		bullets := Bullets{Title: label, Bullets: []Bullet{{Label: label, Value: v, Target: 1, Class: cls, Href: href}}}
		for _, svg := range []template.HTML{bars.SVG(), line.SVG(), bullets.SVG()} {
			if svg == "" {
				continue
			}
			elems, _ := parse(t, svg)
			for _, h := range hrefs(elems) {
				if !local(h) {
					t.Fatalf("link %q left the site", h)
				}
			}
			if attr(elems[0], "aria-label") != clean(label) {
				t.Fatalf("aria-label %q, want %q", attr(elems[0], "aria-label"), clean(label))
			}
		}
	})
}
