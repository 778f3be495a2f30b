package extract

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// serverCodeRE matches server-side code that a scraper kept in the page:
// PHP (<?php … ?>, <?= … ?>) and ASP/JSP (<% … %>) blocks.
var serverCodeRE = regexp.MustCompile(`(?s)<\?(?:php|=)?.*?(?:\?>|$)|<%.*?(?:%>|$)`)

// htmlMarkerRE finds the tags that say a text is an HTML page rather than
// plain text with a stray tag or two.
var htmlMarkerRE = regexp.MustCompile(`(?i)<(?:!doctype|html|head|body|p|div|br|h[1-6]|li|td|table|article|section)[\s>/]`)

// isHTML reports whether text is markup: a document element, or at least
// three block-level tags.
func isHTML(text string) bool {
	n := 0
	for _, m := range htmlMarkerRE.FindAllStringIndex(text, 8) {
		tag := strings.ToLower(text[m[0]+1 : m[1]-1])
		if tag == "!doctype" || tag == "html" || tag == "head" || tag == "body" {
			return true
		}
		n++
	}
	return n >= 3
}

// chromeTokens are class/id words of page parts that are never article text.
// They are compared with whole words of the attribute ("box-share" has
// "share"), so "shared-content" or "navigator" do not match by accident.
var chromeTokens = map[string]bool{
	"menu": true, "nav": true, "navbar": true, "navigation": true, "breadcrumb": true,
	"breadcrumbs": true, "share": true, "social": true, "footer": true, "sidebar": true,
	"related": true, "comment": true, "comments": true, "tags": true, "toolbar": true,
	"banner": true, "ads": true, "advertisement": true, "print": true, "rating": true,
	"copyright": true, "pagination": true, "relate": true, "othernews": true,
	"tinlienquan": true, "tinkhac": true, "fontsize": true, "tool": true, "tools": true,
}

// captionTokens are class words of photo captions.
var captionTokens = map[string]bool{
	"caption": true, "figcaption": true, "imagecaption": true, "image_caption": true,
	"pcaption": true, "chuthich": true, "photo": true, "tplcaption": true, "desc-image": true,
}

// titleTokens are class words of the element that holds the headline.
var titleTokens = map[string]bool{
	"title": true, "tieude": true, "tieu-de": true, "headline": true, "article-title": true,
	"news-title": true, "post-title": true, "entry-title": true, "detail-title": true,
}

// skipAtoms are elements whose content is never text a reader sees.
var skipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Iframe: true, atom.Object: true, atom.Select: true,
	atom.Button: true, atom.Textarea: true, atom.Input: true, atom.Head: true,
}

// chromeAtoms are elements that hold navigation, not the article. <header>
// is not one of them: inside <article> it holds the headline.
var chromeAtoms = map[atom.Atom]bool{
	atom.Nav: true, atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Menu: true,
}

// blockAtoms end the current paragraph before and after them.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.Td: true, atom.Th: true, atom.Tr: true, atom.Table: true, atom.Section: true,
	atom.Article: true, atom.Figure: true, atom.Figcaption: true, atom.Blockquote: true,
	atom.Pre: true, atom.Hr: true, atom.Dd: true, atom.Dt: true, atom.Dl: true,
	atom.Main: true, atom.Address: true, atom.Caption: true, atom.Center: true,
	atom.Nav: true, atom.Footer: true, atom.Aside: true, atom.Header: true, atom.Form: true,
	atom.Img: true,
}

// htmlPage reads an HTML page into paragraphs with hints from the markup,
// and the metadata of its head.
func htmlPage(text string) page {
	text = serverCodeRE.ReplaceAllString(text, " ")
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil { // x/net/html recovers from any markup; only a reader error gets here
		return textPage(text)
	}
	w := &htmlWalker{main: mainContent(doc)}
	w.walk(doc, hintNone, w.main == nil)
	w.flush()
	return page{lines: w.lines, meta: w.meta}
}

// contentTokens are class/id words of the element that holds the article.
var contentTokens = map[string]bool{
	"content": true, "detail": true, "article": true, "noidung": true, "noi-dung": true,
	"chitiet": true, "chi-tiet": true, "news-detail": true, "post-content": true,
	"entry-content": true, "article-body": true, "article-content": true, "news-content": true,
	"detail-content": true, "fulltext": true, "maincontent": true, "main-content": true,
}

// mainContent finds the element that holds the article: an <article>,
// <main> or an element of a content class that holds at least half of the
// page's text, the smallest such. Nil when there is none: then the whole
// page is read. Text outside it is chrome (side columns, other articles'
// summaries), except the headline and the date line, which portals often
// print above the content element.
func mainContent(doc *html.Node) *html.Node {
	lengths := map[*html.Node]int{}
	var measure func(n *html.Node) int
	measure = func(n *html.Node) int {
		switch {
		case n.Type == html.TextNode:
			return len(strings.TrimSpace(n.Data))
		case n.Type == html.ElementNode && (skipAtoms[n.DataAtom] || elementHint(n) == hintChrome):
			return 0
		}
		total := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			total += measure(c)
		}
		if n.Type == html.ElementNode && isContentElement(n) {
			lengths[n] = total
		}
		return total
	}
	all := measure(doc)
	var best *html.Node
	for n, l := range lengths {
		if 2*l >= all && all > 0 && (best == nil || l < lengths[best]) {
			best = n
		}
	}
	return best
}

func isContentElement(n *html.Node) bool {
	if n.DataAtom == atom.Article || n.DataAtom == atom.Main {
		return true
	}
	for _, tok := range attrWords(attr(n, "class") + " " + attr(n, "id")) {
		if contentTokens[tok] {
			return true
		}
	}
	return false
}

type htmlWalker struct {
	lines   []line
	buf     strings.Builder
	hint    hint // the strongest hint seen inside the open paragraph
	outside bool // the open paragraph has text from outside the main content
	meta    pageMeta
	main    *html.Node // the element that holds the article, if found
}

func (w *htmlWalker) walk(n *html.Node, h hint, inside bool) {
	if n == w.main {
		inside = true
	}
	switch n.Type {
	case html.TextNode:
		w.text(n.Data, h, inside)
		return
	case html.ElementNode:
		if n.DataAtom == atom.Head {
			w.head(n)
			return
		}
		if skipAtoms[n.DataAtom] {
			return
		}
		h = max(h, elementHint(n))
	case html.CommentNode, html.DoctypeNode:
		return
	}
	block := n.Type == html.ElementNode && blockAtoms[n.DataAtom]
	if block {
		w.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, h, inside)
	}
	if block {
		w.flush()
	}
}

// text adds a text node to the open paragraph. A blank line inside a text
// node breaks the paragraph: it is how plain text that carries a few tags
// (and so was read as HTML) keeps its paragraphs.
func (w *htmlWalker) text(s string, h hint, inside bool) {
	for i, part := range blankLineRE.Split(s, -1) {
		if i > 0 {
			w.flush()
		}
		if strings.TrimSpace(part) == "" {
			w.buf.WriteByte(' ')
			continue
		}
		w.buf.WriteString(part)
		w.hint = max(w.hint, h)
		w.outside = w.outside || !inside
	}
}

func (w *htmlWalker) flush() {
	if s := cleanLine(w.buf.String()); s != "" {
		w.lines = append(w.lines, line{text: s, hint: w.hint, outside: w.outside})
	}
	w.buf.Reset()
	w.hint, w.outside = hintNone, false
}

// head collects <title> and the meta tags portals fill in for sharing.
func (w *htmlWalker) head(n *html.Node) {
	for c := range n.Descendants() {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Title:
			if c.FirstChild != nil && w.meta.title == "" {
				w.meta.title = cleanLine(c.FirstChild.Data)
			}
		case atom.Meta:
			key := strings.ToLower(attr(c, "property") + attr(c, "name") + attr(c, "itemprop"))
			val := cleanLine(attr(c, "content"))
			switch key {
			case "og:title":
				w.meta.title = val
			case "article:published_time", "datepublished", "pubdate", "date", "dc.date.issued":
				w.meta.published = val
			case "author", "article:author":
				w.meta.author = val
			}
		}
	}
}

// elementHint is what an element says about the paragraphs inside it.
func elementHint(n *html.Node) hint {
	switch {
	case n.DataAtom == atom.H1:
		return hintHeading
	case n.DataAtom == atom.Figcaption:
		return hintCaption
	case chromeAtoms[n.DataAtom]:
		return hintChrome
	}
	for _, tok := range attrWords(attr(n, "class") + " " + attr(n, "id")) {
		switch {
		case chromeTokens[tok]:
			return hintChrome
		case captionTokens[tok]:
			return hintCaption
		case titleTokens[tok] && n.DataAtom != atom.A && n.DataAtom != atom.Li:
			return hintHeading
		}
	}
	return hintNone
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// attrWords splits a class or id value into lower-case words at spaces,
// hyphens and underscores, and also keeps each whole class name.
func attrWords(s string) []string {
	s = strings.ToLower(s)
	var out []string
	for _, class := range strings.Fields(s) {
		out = append(out, class)
		out = append(out, strings.FieldsFunc(class, func(r rune) bool { return r == '-' || r == '_' })...)
	}
	return out
}
