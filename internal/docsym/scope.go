package docsym

import (
	"errors"
	"strconv"

	"plenum/internal/date"
)

// Numbering scope: which sequence a new document takes its number from.
//
// Hướng dẫn 36-HD/VPTW: a Party committee, and each of its advisory bodies
// (Ban Tuyên giáo, Văn phòng…), numbers "from 01 for each kind of document
// within a term of the committee"; the term runs from the day after the
// congress that elected the committee closes to the closing day of the next
// congress. (A congress numbers all its documents in one sequence while it
// sits; the registry handles that as an issuer of its own.)
//
// Nghị định 30/2020/NĐ-CP: a State body numbers its administrative documents
// in one sequence per calendar year, all kinds together ("123/QĐ-UBND" and
// "124/BC-UBND"). Legal documents, whose symbol carries the year
// ("12/2021/NQ-HĐND"), are numbered per kind and per year.
//
// This file only names the sequence; issuing the next number without gaps or
// duplicates is the storage layer's job, keyed by ScopeRule.Key.

// Period is how long a numbering sequence runs before it starts again at 1.
type Period uint8

// Periods.
const (
	PerTerm Period = iota + 1 // a term of office of a Party committee (nhiệm kỳ)
	PerYear                   // a calendar year
)

// ScopeRule says how an issuer numbers its documents.
type ScopeRule struct {
	Period Period
	// PerKind gives each kind code its own sequence.
	PerKind bool
}

// DefaultRule returns the rule the regulations set for documents like s:
// Party documents per kind per term, State legal documents (a year in the
// symbol) per kind per year, other State documents per year.
func DefaultRule(s Symbol) ScopeRule {
	switch {
	case s.System == Party:
		return ScopeRule{Period: PerTerm, PerKind: true}
	case s.Year != 0:
		return ScopeRule{Period: PerYear, PerKind: true}
	}
	return ScopeRule{Period: PerYear}
}

// Term is one term of office of a Party committee.
type Term struct {
	// Start and End are the first and last days of the term, both included;
	// a zero End is the current term, not yet closed.
	Start, End date.Date
	// FirstYear and LastYear are the term's nominal years: "nhiệm kỳ 2020–2025".
	FirstYear, LastYear int
}

// Label returns the term's years, "2020-2025".
func (t Term) Label() string {
	return strconv.Itoa(t.FirstYear) + "-" + strconv.Itoa(t.LastYear)
}

// Contains reports whether day d falls within the term.
func (t Term) Contains(d date.Date) bool {
	return !d.Before(t.Start) && (t.End.IsZero() || !d.After(t.End))
}

// Key returns the key of the numbering sequence that a document like s (its
// Number is ignored), issued on day d, takes its number from:
//
//	"TU:KH:term:2020-2025"        plans of a provincial committee in a term
//	"BTGTU:HD:term:2020-2025"     guidelines of its Ban Tuyên giáo
//	"UBND:year:2022"              administrative documents of a People's Committee
//	"HĐND:NQ:legal:year:2021"     legal resolutions of a People's Council
//
// terms are the issuer's terms of office, needed for PerTerm; exactly one
// must contain d.
func (r ScopeRule) Key(s Symbol, d date.Date, terms []Term) (string, error) {
	if s.Issuer == "" {
		return "", errors.New("docsym: a numbering scope needs the issuer")
	}
	if s.System != Party && s.System != State {
		return "", errors.New("docsym: a numbering scope needs the system, party or state")
	}
	if d.IsZero() {
		return "", errors.New("docsym: a numbering scope needs the day of issue")
	}
	b := make([]byte, 0, 48)
	if s.System == Party {
		b = append(b, s.Unit...)
	}
	b = append(b, s.Issuer...)
	if r.PerKind {
		code := s.Kind.Code(s.System)
		if code == "" && !s.Kind.In(s.System) {
			return "", errors.New("docsym: " + s.Kind.Name("vi") + " has no code in " + s.System.String() + " symbols")
		}
		if code != "" {
			b = append(b, ':')
			b = append(b, code...)
		}
	}
	if s.Year != 0 {
		if s.Year != d.Year {
			return "", errors.New("docsym: the symbol's year " + strconv.Itoa(s.Year) + " is not the year of issue " + d.String())
		}
		b = append(b, ":legal"...)
	}
	switch r.Period {
	case PerYear:
		b = append(b, ":year:"...)
		b = strconv.AppendInt(b, int64(d.Year), 10)
	case PerTerm:
		t, err := termOn(terms, d)
		if err != nil {
			return "", errors.New("docsym: numbering of " + s.Unit + s.Issuer + ": " + err.Error())
		}
		b = append(b, ":term:"...)
		b = append(b, t.Label()...)
	default:
		return "", errors.New("docsym: the scope rule has no period")
	}
	return string(b), nil
}

// termOn returns the one term that contains d.
func termOn(terms []Term, d date.Date) (Term, error) {
	var found []Term
	for _, t := range terms {
		if t.Contains(d) {
			found = append(found, t)
		}
	}
	switch len(found) {
	case 0:
		return Term{}, errors.New("no term of office contains " + d.String())
	case 1:
		if found[0].FirstYear == 0 || found[0].LastYear < found[0].FirstYear {
			return Term{}, errors.New("the term containing " + d.String() + " has no years")
		}
		return found[0], nil
	}
	return Term{}, errors.New("terms " + found[0].Label() + " and " + found[1].Label() + " both contain " + d.String())
}
