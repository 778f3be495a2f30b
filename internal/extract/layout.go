package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// layout is the page cut into its parts: which line is the headline, which
// are chrome, captions and bylines, and which are the article body.
type layout struct {
	kinds     []Kind
	title     int    // index of the headline, -1 if none
	author    string // byline
	source    string // "Nguồn:" value
	dateLines []int  // lines that are a date and time only (publication candidates)
}

// longLine is the length in bytes past which a line is a paragraph of the
// article, too long for chrome or a caption: only the first keyPrefix bytes
// of its key are kept, for tests of how it starts.
const (
	longLine  = 1000
	keyPrefix = 64
)

// leadMinLen is the length in characters from which a line is taken for a paragraph of
// the article (the lead) even without final punctuation.
const leadMinLen = 160

// isLead reports whether a line reads as a paragraph of running text: long,
// or a sentence of several words that ends with punctuation.
func isLead(text string) bool {
	if utf8.RuneCountInString(text) >= leadMinLen {
		return true
	}
	// An excerpt may begin in the middle of a sentence: "các đại biểu …".
	if r, _ := utf8.DecodeRuneInString(text); unicode.IsLower(r) || strings.HasPrefix(text, "…") || strings.HasPrefix(text, "...") {
		return true
	}
	return endsSentence(text) && len(strings.Fields(text)) >= 10
}

// lay classifies the lines of a page.
func lay(p page) layout {
	n := len(p.lines)
	l := layout{kinds: make([]Kind, n), title: -1}
	// Keys serve tests of short lines (chrome, captions, kickers) and
	// prefix tests; a long paragraph needs only its start.
	keys := make([]string, n)
	for i, ln := range p.lines {
		text := ln.text
		if len(text) > longLine {
			text = text[:keyPrefix]
		}
		keys[i] = lower(text)
	}

	// Chrome, date lines and bylines, wherever they are.
	for i, ln := range p.lines {
		switch {
		case ln.hint == hintChrome || isRelatedMarker(keys[i]):
			l.kinds[i] = KindBoilerplate
		case isDateLine(ln.text):
			l.kinds[i] = KindBoilerplate
			l.dateLines = append(l.dateLines, i)
		case isChrome(keys[i]):
			l.kinds[i] = KindBoilerplate
		default:
			if label, value, ok := bylineLine(ln.text); ok {
				l.kinds[i] = KindByline
				if label == "author" && l.author == "" {
					l.author = value
				} else if label == "source" && l.source == "" {
					l.source = value
				}
			} else if ln.outside && ln.hint != hintHeading {
				l.kinds[i] = KindBoilerplate
			}
		}
	}

	// The lead: the first paragraph of running text. Lines above it are the
	// page header: the headline, and kickers, categories and breadcrumbs.
	lead := n
	for i, ln := range p.lines {
		if l.kinds[i] == KindBody && ln.hint != hintHeading && ln.hint != hintCaption && isLead(ln.text) && !isHeaderCaption(keys[i]) {
			lead = i
			break
		}
	}
	// A "related news" heading below the lead ends the article: the lines
	// after it are other articles' headlines. (Above the lead, in a page
	// that prints its side column first, it ends nothing.)
	related := n
	for i := lead + 1; i < n; i++ {
		if isRelatedMarker(keys[i]) {
			related = i
			break
		}
	}
	for i := related; i < n; i++ {
		l.kinds[i] = KindBoilerplate
	}
	l.title = pickTitle(p, keys, l.kinds, lead)
	for i := 0; i < lead; i++ {
		switch {
		case i == l.title:
			l.kinds[i] = KindTitle
		case l.kinds[i] == KindBody && (p.lines[i].hint == hintCaption || isHeaderCaption(keys[i]) || (i > l.title && l.title >= 0 && isCaption(p.lines[i].text, keys[i]))):
			l.kinds[i] = KindCaption
		case l.kinds[i] == KindBody:
			l.kinds[i] = KindBoilerplate
		}
	}

	// Below the lead: the author's name printed under the last paragraph,
	// and captions.
	for i := related - 1; i > lead; i-- {
		if l.kinds[i] != KindBody {
			continue
		}
		if m := sourceRE.FindStringSubmatch(p.lines[i].text); m != nil {
			l.kinds[i] = KindByline
			if l.source == "" {
				l.source = m[1]
			}
		} else if isNameLine(p.lines[i].text) {
			l.kinds[i] = KindByline
			if l.author == "" {
				l.author = authorName(p.lines[i].text)
			}
		}
		break
	}
	for i := lead; i < related; i++ {
		if l.kinds[i] == KindBody && (p.lines[i].hint == hintCaption || isCaption(p.lines[i].text, keys[i])) {
			l.kinds[i] = KindCaption
		}
	}
	// A photo has one caption, and a credit closes it ("… phát biểu. Ảnh:
	// Lê Hạnh"): a one-sentence paragraph that reads like a caption just
	// above a credited caption is a paragraph of the article.
	for i := lead; i+1 < related; i++ {
		if l.kinds[i] == KindCaption && l.kinds[i+1] == KindCaption && p.lines[i].hint != hintCaption &&
			!isPhotoCredit(keys[i]) && isPhotoCredit(keys[i+1]) && !hasPrefixAny(keys[i+1], creditOpeners) {
			l.kinds[i] = KindBody
		}
	}
	if l.author == "" && p.meta.author != "" {
		l.author = p.meta.author
	}
	return l
}

// sourceRE reads "Theo Báo Nhân Dân", "(Theo TTXVN)": a source named at the
// end without the "Nguồn:" label.
var sourceRE = regexp.MustCompile(`^\(?[Tt]heo ((?:\p{Lu}|báo |trang |cổng )[^()]{1,60}?)\)?\.?$`)

// isHeaderCaption is the narrow test for a caption above the first paragraph,
// where headlines that start "Hội nghị …" must not be taken for captions.
func isHeaderCaption(key string) bool {
	return isPhotoCredit(key) || hasPrefixAny(key, []string{"toàn cảnh", "quang cảnh", "ảnh:", "(ảnh"})
}

// pickTitle chooses the headline among the lines above the lead: the line
// the page's <title> starts with, else an <h1> (or an element of a title
// class), else the last candidate —
// portals print kickers and categories above the headline and the date and
// tools below it, and those are not candidates.
func pickTitle(p page, keys []string, kinds []Kind, lead int) int {
	var candidates []int
	for i := 0; i < lead; i++ {
		if kinds[i] != KindBody || p.lines[i].hint == hintCaption || isHeaderCaption(keys[i]) {
			continue
		}
		text := p.lines[i].text
		if strings.HasSuffix(text, ":") || isNameLine(text) && len(strings.Fields(text)) <= 5 {
			continue // a kicker ("Ban Chấp hành Đảng bộ tỉnh:") or a byline
		}
		candidates = append(candidates, i)
	}
	if meta := lower(p.meta.title); meta != "" {
		for _, i := range candidates {
			if strings.HasPrefix(meta, keys[i]) && len(keys[i]) >= 10 {
				return i
			}
		}
	}
	for _, i := range candidates {
		if p.lines[i].hint == hintHeading {
			return i
		}
	}
	if len(candidates) == 0 {
		return -1
	}
	best := candidates[len(candidates)-1]
	// A line of only a few words under the headline is a section name or a
	// sub-kicker, not the headline.
	for k := len(candidates) - 1; k > 0 && len(strings.Fields(p.lines[best].text)) < 3; k-- {
		best = candidates[k-1]
	}
	return best
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
