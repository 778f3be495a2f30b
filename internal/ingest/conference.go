package ingest

import (
	"context"
	"fmt"
	"strings"
	"time"

	"plenum/internal/conferences"
	"plenum/internal/date"
	"plenum/internal/org"
	"plenum/internal/vn"
)

// conference proposes the meeting the article reports: an existing
// conference of the body's term, or a new one.
func (b *builder) conference(ctx context.Context) error {
	m := b.a.Meeting
	if m == nil {
		return nil
	}
	cp := &ConferenceProposal{Body: m.Body, Spans: append([]Span{m.Span}, m.Evidence...), Ordinal: m.Ordinal,
		Kind: b.conferenceKind(m.Span), HeldOn: b.day, Online: m.Online, Delegates: m.Delegates,
		Subject: b.a.Title, Chairs: []int{}}
	for i, p := range b.out.People {
		if p.Chair {
			cp.Chairs = append(cp.Chairs, i)
		}
	}
	b.out.Conference = cp
	if spec, ok := b.r.readBody(b.text(m.Span)); ok {
		u, cands, err := b.r.pick(ctx, spec, b.day)
		if err != nil {
			return err
		}
		cp.BodyID, cp.BodyName, cp.BodyCandidates = u.ID, u.Name, cands
	}
	if cp.BodyID == 0 || b.s.reg.Conferences == nil || b.day.IsZero() {
		cp.Decision = Skip
		return nil
	}
	terms, err := b.s.reg.Conferences.Terms(ctx, cp.BodyID)
	if err != nil {
		return err
	}
	numeral, _ := vn.ParseRoman(m.Term)
	var term *conferences.Term
	for i := range terms {
		t := &terms[i]
		cp.Terms = append(cp.Terms, Candidate{ID: t.ID, Label: t.Label()})
		if (numeral != 0 && t.Numeral == numeral) || (numeral == 0 && t.Contains(b.day)) {
			term = t
		}
	}
	if term == nil {
		cp.NewTerm = b.newTerm(ctx, cp.BodyID, m.Term, m.TermYears, terms)
		cp.Decision = accept(cp.NewTerm != nil && !b.classified())
		return nil
	}
	cp.TermID, cp.TermLabel = term.ID, term.Label()
	if err := b.matchConference(ctx, cp); err != nil {
		return err
	}
	cp.Decision = accept(term.Contains(b.day) || cp.MatchID != 0)
	return nil
}

// matchConference finds the conference of the term with the article's
// ordinal, or held on its day; the term's conferences within a month of it
// are the candidates.
func (b *builder) matchConference(ctx context.Context, cp *ConferenceProposal) error {
	cal, err := b.s.reg.Conferences.Calendar(ctx, b.v, conferences.CalendarQuery{BodyID: cp.BodyID, TermID: cp.TermID, Limit: 1000})
	if err != nil {
		return err
	}
	for _, e := range cal.Entries {
		c := e.Conference
		if (cp.Ordinal != 0 && c.Ordinal == cp.Ordinal) || (cp.Ordinal == 0 && c.HeldOn == b.day) {
			cp.MatchID, cp.MatchLabel = c.ID, conferenceLabel(c)
		}
		if d := c.HeldOn.DaysUntil(b.day); c.ID == cp.MatchID || (d >= -31 && d <= 31) {
			cp.Candidates = append(cp.Candidates, Candidate{ID: c.ID, Label: conferenceLabel(c)})
		}
	}
	return nil
}

// conferenceLabel names a conference in lists: "Hội nghị lần thứ 5, Tỉnh
// ủy Bắc Kạn khóa XII (11/10/2021)".
func conferenceLabel(c conferences.Conference) string {
	return fmt.Sprintf("Hội nghị lần thứ %d, %s khóa %s (%s)", c.Ordinal, c.BodyName, c.TermRoman, vn.FormatDate(c.HeldOn))
}

// conferenceKind guesses the kind of a conference from the headline and the
// sentence naming it: thematic, extraordinary, interim or final review, else
// regular.
func (b *builder) conferenceKind(s Span) conferences.Kind {
	line := b.text(lineAround(b.a.Text, s))
	text := " " + strings.Join(foldWords(b.a.Title+" "+line), " ") + " "
	switch {
	case strings.Contains(text, " chuyen de "):
		return conferences.Thematic
	case strings.Contains(text, " bat thuong ") || strings.Contains(text, " dot xuat "):
		return conferences.Extraordinary
	case strings.Contains(text, " so ket "):
		return conferences.InterimReview
	case strings.Contains(text, " tong ket "):
		return conferences.FinalReview
	}
	return conferences.Regular
}

// lineAround is the span of the line of text that holds s.
func lineAround(text string, s Span) Span {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return Span{}
	}
	start := strings.LastIndexByte(text[:s.Start], '\n') + 1
	end := strings.IndexByte(text[s.End:], '\n')
	if end < 0 {
		return Span{Start: start, End: len(text)}
	}
	return Span{Start: start, End: s.End + end}
}

// newTerm drafts the term a conference of a body needs when the body has
// none that day: the article's numeral and years (or, without years, the
// Party or State cycle holding the day), from the end of the body's last
// term before (or its first year, or the body's first day), to the start
// of its next term or the body's end. nil when the numeral is unknown.
func (b *builder) newTerm(ctx context.Context, bodyID int64, roman string, years [2]int, terms []conferences.Term) *TermDraft {
	if roman == "" {
		return nil
	}
	body, err := b.s.reg.Org.Get(ctx, bodyID, b.day)
	if err != nil {
		return nil
	}
	if years == [2]int{} {
		years = termCycle(body.Kind, b.day.Year)
	}
	t := &TermDraft{Numeral: roman, YearFrom: years[0], YearTo: years[1],
		ValidFrom: date.MustNew(years[0], time.January, 1), ValidTo: body.ValidTo}
	if t.ValidFrom.Before(body.ValidFrom) {
		t.ValidFrom = body.ValidFrom
	}
	for _, o := range terms {
		if !o.ValidTo.IsZero() && !o.ValidTo.After(b.day) && o.ValidTo.After(t.ValidFrom) {
			t.ValidFrom = o.ValidTo
		}
		if o.ValidFrom.After(b.day) && (t.ValidTo.IsZero() || o.ValidFrom.Before(t.ValidTo)) {
			t.ValidTo = o.ValidFrom
		}
	}
	if t.ValidFrom.After(b.day) {
		t.ValidFrom = b.day
	}
	return t
}

// termCycle is the term holding year y of a body's kind: People's Councils
// are elected in 2021, 2026 …, Party committees at congresses in 2020,
// 2025 ….
func termCycle(kind org.Kind, y int) [2]int {
	base := 2020
	if kind == org.PeoplesCouncil || kind == org.PeoplesCommittee {
		base = 2021
	}
	from := base + floorDiv(y-base, 5)*5
	return [2]int{from, from + 5}
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
