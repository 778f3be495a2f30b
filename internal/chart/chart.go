// Package chart draws small charts as SVG on the server: horizontal bars
// (stacked by status), lines over periods, and bullets of a figure against
// its target. No script and no library: the markup is written here and
// returned as template.HTML, every text in it escaped.
//
// Each chart is an image with a title (role="img", aria-label and <title>)
// whose figures are also written as text (values beside the bars, a title
// on every mark), scales to its container (viewBox, width 100%) and is
// readable without colour (the classes name the series; the page's CSS
// colours them, patterns for print). Numbers are written the Vietnamese
// way (internal/vn). A mark with an address (Href) is a link to the records
// behind it; only addresses within the site ("/…" or "?…") are kept.
package chart

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"strings"
	"unicode/utf8"

	"plenum/internal/vn"
)

// Number writes x with digits decimals, the Vietnamese way: "1.600", "3,42".
func Number(x float64, digits int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "—"
	}
	m := math.Pow(10, float64(digits))
	return vn.FormatDecimal(vn.NewDecimal(int64(math.Round(x*m)), -digits))
}

// writer builds one SVG; every text goes through text or attr.
type writer struct{ b strings.Builder }

func (w *writer) printf(format string, args ...any) { fmt.Fprintf(&w.b, format, args...) }

// text writes s as element content.
func (w *writer) text(s string) { w.b.WriteString(html.EscapeString(clean(s))) }

// clean makes a label fit for XML on one line: invalid UTF-8 replaced,
// control characters dropped, line breaks and tabs made spaces.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case r < 0x20 || r == 0x7f || r == 0xFFFE || r == 0xFFFF:
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// open starts the SVG of a chart of the given size and kind.
func (w *writer) open(kind, title string, width, height float64) {
	w.printf(`<svg xmlns="http://www.w3.org/2000/svg" class="chart %s" viewBox="0 0 %s %s" preserveAspectRatio="xMinYMin meet" role="img" aria-label="%s"><title>`,
		kind, f1(width), f1(height), html.EscapeString(clean(title)))
	w.text(title)
	w.b.WriteString(`</title>`)
}

// link starts a link around a mark when href is within the site; it
// reports whether it did, for close.
func (w *writer) link(href string) bool {
	if !local(href) {
		return false
	}
	w.printf(`<a href="%s">`, html.EscapeString(href))
	return true
}

func (w *writer) unlink(opened bool) {
	if opened {
		w.b.WriteString(`</a>`)
	}
}

// html ends the SVG and returns it.
func (w *writer) html() template.HTML {
	w.b.WriteString(`</svg>`)
	return template.HTML(w.b.String()) // every text was escaped on the way in
}

// local reports whether href stays on the site: a path or a query, never
// a scheme ("javascript:") or another host ("//host").
func local(href string) bool {
	switch {
	case strings.HasPrefix(href, "//"):
		return false
	case strings.HasPrefix(href, "/"), strings.HasPrefix(href, "?"):
		return utf8.ValidString(href) && clean(href) == href && !strings.Contains(href, " ")
	}
	return false
}

// f1 writes a coordinate with one decimal.
func f1(x float64) string { return fmt.Sprintf("%.1f", x) }

// class keeps the characters of a CSS class name that cannot break the
// attribute: letters, digits, '-', '_' and spaces between names.
func class(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// cut shortens a label to n runes, with an ellipsis.
func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
