package extract

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// page is an input reduced to its paragraphs, before they are classified.
type page struct {
	lines []line
	meta  pageMeta
}

// pageMeta is what an HTML head says about the article.
type pageMeta struct {
	title     string // <title> or og:title, usually "Headline - Site"
	published string // article:published_time and the like, as written
	author    string
}

// line is one paragraph of the input with the hint its markup gave.
type line struct {
	text    string
	hint    hint
	outside bool // outside the element of an HTML page that holds the article
}

// hint is what HTML markup says about a paragraph; plain text has none.
// Hints are ordered: a paragraph inside several marked elements keeps the
// strongest (a caption inside a related-news box is chrome).
type hint uint8

const (
	hintNone    hint = iota
	hintHeading      // inside <h1>
	hintCaption      // <figcaption> or a caption class
	hintChrome       // navigation, sharing, related news, footer
)

var (
	blankLineRE = regexp.MustCompile(`\n[ \t\f\v\x{00A0}]*\n`)
	tagRE       = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>`)
	entityRE    = regexp.MustCompile(`&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});`)
)

// readPage turns decoded text into paragraphs: HTML through its markup,
// plain text one paragraph a line.
func readPage(text string) page {
	if isHTML(text) {
		return htmlPage(text)
	}
	return textPage(text)
}

// textPage reads plain text, one paragraph a line. Markup residue — server
// code, stray tags, character entities — is removed.
func textPage(text string) page {
	if strings.IndexByte(text, '<') >= 0 {
		text = serverCodeRE.ReplaceAllString(text, " ")
		text = tagRE.ReplaceAllString(text, " ")
	}
	if strings.IndexByte(text, '&') >= 0 && entityRE.MatchString(text) {
		text = html.UnescapeString(text)
	}
	var p page
	for s := range strings.SplitSeq(text, "\n") {
		if s = cleanLine(s); s != "" {
			p.lines = append(p.lines, line{text: s})
		}
	}
	return p
}

// cleanLine collapses runs of white space (including no-break, zero-width
// and other odd spaces) into one space and trims the ends. Control
// characters are dropped.
func cleanLine(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u00ad':
			continue // zero-width characters and soft hyphens
		case unicode.IsSpace(r) || r == '\u00a0':
			space = true
			continue
		case unicode.IsControl(r) || r == unicode.ReplacementChar:
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// isClean reports whether cleanLine would leave s as it is: printable ASCII
// and letters without runs of spaces or spaces at the ends.
func isClean(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < ' ' || c == 0x7f || c == ' ' && s[i+1] == ' ' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		// Below U+2000 only C1 controls, the no-break space, the soft
		// hyphen and the Ogham space mark need cleaning; Vietnamese
		// letters all live there.
		if r < 0x2000 && r >= 0xa0 && r != 0xa0 && r != 0xad && r != 0x1680 {
			i += n
			continue
		}
		if r < 0x2000 || r == unicode.ReplacementChar || unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return false
		}
		i += n
	}
	return true
}
