package extract

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"plenum/internal/date"
	"plenum/internal/vn"
)

// DefaultMaxBytes is the largest input File and Bytes accept by default.
const DefaultMaxBytes = 5 << 20

// Options tune an extraction.
type Options struct {
	// MaxBytes is the largest input accepted; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Reference is the date the article is known to be from (a crawl or
	// file date), used for the year of "Sáng 11/10" when the text gives
	// none. Zero means unknown.
	Reference date.Date
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

// ErrTooLarge is returned for an input over Options.MaxBytes.
var ErrTooLarge = errors.New("file too large")

// File reads, decodes and extracts one file. Errors name the file.
func File(path string, opts Options) (Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return Article{}, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, opts.maxBytes()+1))
	if err != nil {
		return Article{}, fmt.Errorf("%s: %w", path, err)
	}
	return Bytes(path, b, opts)
}

// Bytes decodes and extracts an article held in memory; name is used in
// error messages.
func Bytes(name string, b []byte, opts Options) (Article, error) {
	if int64(len(b)) > opts.maxBytes() {
		return Article{}, fmt.Errorf("%s: %w (over %d bytes)", name, ErrTooLarge, opts.maxBytes())
	}
	text, err := Decode(name, b)
	if err != nil {
		return Article{}, err
	}
	return extract(text, opts), nil
}

// Extract reads an article from decoded text, plain or HTML. The text is
// normalised first (vn.Normalize), so spans index the normalised text.
func Extract(text string, opts Options) Article { return extract(vn.Normalize(text), opts) }

// extract reads normalised text.
func extract(text string, opts Options) Article {
	p := readPage(text)
	l := lay(p)
	a := Article{Author: l.author, Source: l.source}

	var all, body strings.Builder
	all.Grow(len(text))
	body.Grow(len(text))
	a.Lines = make([]Line, len(p.lines))
	for i, ln := range p.lines {
		if i > 0 {
			all.WriteByte('\n')
		}
		start := all.Len()
		all.WriteString(ln.text)
		a.Lines[i] = Line{Span: Span{start, all.Len()}, Kind: l.kinds[i]}
		switch l.kinds[i] {
		case KindTitle:
			a.Title = ln.text
		case KindBody:
			if body.Len() > 0 {
				body.WriteByte('\n')
			}
			body.WriteString(ln.text)
		case KindCaption:
			a.Captions = append(a.Captions, ln.text)
		default:
			a.Boilerplate = append(a.Boilerplate, ln.text)
		}
	}
	a.Text, a.Body = all.String(), body.String()

	doc := analyse(&a, p, l)
	doc.documents(&a) // first: dates and figures leave citations out
	doc.dates(&a, p, l, opts)
	doc.people(&a)
	doc.meeting(&a)
	doc.province(&a)
	doc.figures(&a)
	return a
}

// BodySpan maps a span of Text into Body; ok is false when the span is on a
// line that is not part of the body (a caption or the headline).
func (a *Article) BodySpan(s Span) (Span, bool) {
	off := 0
	for _, ln := range a.Lines {
		if ln.Kind != KindBody {
			continue
		}
		if s.Start >= ln.Start && s.End <= ln.End {
			d := off - ln.Start
			return Span{s.Start + d, s.End + d}, true
		}
		off += ln.End - ln.Start + 1
	}
	return Span{}, false
}

// note adds a remark on an inferred value, once.
func (a *Article) note(s string) {
	if !slices.Contains(a.Notes, s) {
		a.Notes = append(a.Notes, s)
	}
}
