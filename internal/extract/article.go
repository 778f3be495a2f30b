// Package extract reads a news article about the work of a Party committee —
// plain text or an HTML page, in any of the encodings Vietnamese portals use
// — and proposes the records it describes: headline, dates, province,
// byline, the meeting reported on, its chairs, the people named with their
// posts, the numbered documents cited and the figures given. The format is
// that of the gold annotations in shared/corpus (SCHEMA.md).
//
// Every proposal carries the byte span of the text it came from, in
// Article.Text (the article as read, one paragraph a line), so that a person
// confirming it can see it highlighted; Article.Lines says which of those
// lines are body, headline, caption or portal chrome.
package extract

import (
	"encoding/json"

	"plenum/internal/date"
)

// Article is what the extractor proposes for one article.
type Article struct {
	Title     string
	Published date.Date // the portal's publication or update date
	EventDate date.Date // the day the reported event took place
	Province  string    // without "tỉnh": "Bắc Kạn"
	Author    string
	Source    string // the "Nguồn:" value
	Meeting   *Meeting
	Chairs    []string
	People    []Person
	Documents []Document
	Figures   []Figure
	// Boilerplate and Captions are the lines of Text left out of Body as
	// portal chrome and as photo captions.
	Boilerplate []string
	Captions    []string
	Notes       []string // how inferred values were inferred
	Body        string   // the article text kept, one paragraph a line

	Text  string // the whole article as read, one paragraph a line
	Lines []Line // the lines of Text, classified
}

// Span is a byte range [Start, End) of Article.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Line is one paragraph of Article.Text.
type Line struct {
	Span
	Kind Kind
}

// Kind is the role of a line in the page.
type Kind uint8

// The kinds of lines.
const (
	KindBody        Kind = iota
	KindTitle            // the headline
	KindBoilerplate      // portal chrome: menus, tools, date lines, kickers, related news
	KindCaption          // a photo caption
	KindByline           // the author or source line
)

var kindNames = [...]string{"body", "title", "boilerplate", "caption", "byline"}

func (k Kind) String() string { return kindNames[k] }

// Meeting is the event an article reports on.
type Meeting struct {
	Body      string   // the convening body: "Ban Chấp hành Đảng bộ tỉnh", "HĐND tỉnh"
	Ordinal   int      // "lần thứ năm" → 5; 0 if not numbered
	Term      string   // Roman numeral of the term (khóa); "" if unknown
	TermYears [2]int   // nhiệm kỳ; zero if not stated
	Online    bool     // held online or at bridge points
	Delegates int      // attendance when stated; 0 if not
	Span      Span     // where the body is named
	Evidence  []Span   // where ordinal, term, years, online and attendance were read
	kind      bodyKind // which kind of body, for choosing the term years
}

// Person is someone named in the article with the posts given to them.
type Person struct {
	Name      string
	Positions []string
	Chair     bool   // stated to chair the event
	Span      Span   // the first mention of the name
	Spans     []Span // each position, in the order of Positions
}

// Document is a numbered document cited in the article.
type Document struct {
	Kind   string // SCHEMA kind: "resolution", "plan", …
	Number int
	Issuer string    // symbol code of the issuer: "TW", "TU", "CP", "HĐND", …
	Symbol string    // as printed, "147-KH/TU"; "" if not printed
	Date   date.Date // the date of the document if printed
	Span   Span
}

// Figure is a percentage, an amount of money or a ratio.
type Figure struct {
	Kind  string  // "percent", "money" or "ratio"
	Value float64 // percent points, đồng, or the numerator
	Of    float64 // the denominator of a ratio
	Unit  string  // for money: "đồng", "đồng/người/năm"
	Label string  // a hint of what was measured
	Span  Span
}

// wireArticle is Article in the JSON form of SCHEMA.md, with null for
// unknown scalars.
type wireArticle struct {
	Title       *string        `json:"title"`
	Published   *string        `json:"published"`
	EventDate   *string        `json:"event_date"`
	Province    *string        `json:"province"`
	Author      *string        `json:"author"`
	Source      *string        `json:"source"`
	Meeting     *wireMeeting   `json:"meeting"`
	Chairs      []string       `json:"chairs"`
	People      []wirePerson   `json:"people"`
	Documents   []wireDocument `json:"documents"`
	Figures     []wireFigure   `json:"figures"`
	Boilerplate []string       `json:"boilerplate"`
	Captions    []string       `json:"captions"`
	Notes       []string       `json:"notes"`
	Body        *string        `json:"body,omitempty"`
}

type wireMeeting struct {
	Body      *string `json:"body"`
	Ordinal   *int    `json:"ordinal"`
	Term      *string `json:"term"`
	TermYears []int   `json:"term_years"`
	Online    bool    `json:"online"`
	Delegates *int    `json:"delegates"`
}

type wirePerson struct {
	Name      string   `json:"name"`
	Positions []string `json:"positions"`
}

type wireDocument struct {
	Kind   string  `json:"kind"`
	Number int     `json:"number"`
	Issuer *string `json:"issuer"`
	Symbol *string `json:"symbol"`
	Date   *string `json:"date"`
}

type wireFigure struct {
	Kind  string   `json:"kind"`
	Value float64  `json:"value"`
	Of    *float64 `json:"of,omitempty"`
	Unit  string   `json:"unit,omitempty"`
	Label string   `json:"label,omitempty"`
}

// MarshalJSON writes the SCHEMA.md form plus "body".
func (a Article) MarshalJSON() ([]byte, error) {
	w := wireArticle{
		Title: str(a.Title), Published: str(a.Published.String()), EventDate: str(a.EventDate.String()),
		Province: str(a.Province), Author: str(a.Author), Source: str(a.Source),
		Chairs: nonNil(a.Chairs), Boilerplate: nonNil(a.Boilerplate), Captions: nonNil(a.Captions),
		Notes: nonNil(a.Notes), Body: &a.Body,
		People: []wirePerson{}, Documents: []wireDocument{}, Figures: []wireFigure{},
	}
	if m := a.Meeting; m != nil {
		w.Meeting = &wireMeeting{Body: str(m.Body), Ordinal: num(m.Ordinal), Term: str(m.Term),
			Online: m.Online, Delegates: num(m.Delegates)}
		if m.TermYears != [2]int{} {
			w.Meeting.TermYears = m.TermYears[:]
		}
	}
	for _, p := range a.People {
		if len(p.Positions) > 0 {
			w.People = append(w.People, wirePerson{Name: p.Name, Positions: p.Positions})
		}
	}
	for _, d := range a.Documents {
		w.Documents = append(w.Documents, wireDocument{Kind: d.Kind, Number: d.Number,
			Issuer: str(d.Issuer), Symbol: str(d.Symbol), Date: str(d.Date.String())})
	}
	for _, f := range a.Figures {
		wf := wireFigure{Kind: f.Kind, Value: f.Value, Unit: f.Unit, Label: f.Label}
		if f.Kind == "ratio" {
			wf.Of = &f.Of
		}
		w.Figures = append(w.Figures, wf)
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads the SCHEMA.md form, as the gold annotations are
// written. Spans and lines are not part of it.
func (a *Article) UnmarshalJSON(b []byte) error {
	var w wireArticle
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*a = Article{
		Title: deref(w.Title), Province: deref(w.Province), Author: deref(w.Author),
		Source: deref(w.Source), Chairs: w.Chairs, Boilerplate: w.Boilerplate,
		Captions: w.Captions, Notes: w.Notes, Body: deref(w.Body),
	}
	var err error
	if a.Published, err = parseDate(w.Published); err != nil {
		return err
	}
	if a.EventDate, err = parseDate(w.EventDate); err != nil {
		return err
	}
	if m := w.Meeting; m != nil {
		a.Meeting = &Meeting{Body: deref(m.Body), Term: deref(m.Term), Online: m.Online}
		if m.Ordinal != nil {
			a.Meeting.Ordinal = *m.Ordinal
		}
		if m.Delegates != nil {
			a.Meeting.Delegates = *m.Delegates
		}
		if len(m.TermYears) == 2 {
			a.Meeting.TermYears = [2]int{m.TermYears[0], m.TermYears[1]}
		}
	}
	for _, p := range w.People {
		a.People = append(a.People, Person{Name: p.Name, Positions: p.Positions})
	}
	for _, d := range w.Documents {
		doc := Document{Kind: d.Kind, Number: d.Number, Issuer: deref(d.Issuer), Symbol: deref(d.Symbol)}
		if doc.Date, err = parseDate(d.Date); err != nil {
			return err
		}
		a.Documents = append(a.Documents, doc)
	}
	for _, f := range w.Figures {
		fig := Figure{Kind: f.Kind, Value: f.Value, Unit: f.Unit, Label: f.Label}
		if f.Of != nil {
			fig.Of = *f.Of
		}
		a.Figures = append(a.Figures, fig)
	}
	return nil
}

func parseDate(s *string) (date.Date, error) {
	if s == nil || *s == "" {
		return date.Date{}, nil
	}
	return date.Parse(*s)
}

func str(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func num(n int) *int {
	if n == 0 {
		return nil
	}
	return &n
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
