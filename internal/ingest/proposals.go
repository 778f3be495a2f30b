package ingest

import (
	"plenum/internal/conferences"
	"plenum/internal/date"
	"plenum/internal/documents"
	"plenum/internal/extract"
	"plenum/internal/indicators"
	"plenum/internal/vn"
)

// Decision is what a person decides about a proposal.
type Decision string

// The decisions.
const (
	Accept Decision = "accept" // write it (create, or record the match)
	Skip   Decision = "reject" // leave it out
)

// Valid reports whether d is a known decision.
func (d Decision) Valid() bool { return d == Accept || d == Skip }

// Span is a byte range of the item's text.
type Span = extract.Span

// Candidate is a record a proposal could be: a person, a unit, a
// conference, a document, an indicator; the best first.
type Candidate struct {
	ID    int64  `json:"id"`
	Label string `json:"label"`
	// Note says why it is a candidate or what tells it apart: a person's
	// posts on the day, a document's date.
	Note  string `json:"note,omitempty"`
	Score int    `json:"score,omitempty"`
}

// Proposals are the records an article proposes, as of its date.
type Proposals struct {
	// AsOf is the day the records are matched as of: the event's, else the
	// publication's; zero when the article gives neither.
	AsOf date.Date `json:"as_of"`
	// Province is the article's province as of that day (an old province's
	// successor from 2025-07-01).
	Province   string              `json:"province,omitempty"`
	Conference *ConferenceProposal `json:"conference,omitempty"`
	People     []PersonProposal    `json:"people"`
	Documents  []DocumentProposal  `json:"documents"`
	Figures    []FigureProposal    `json:"figures"`
	Tasks      []TaskProposal      `json:"tasks"`
}

// ConferenceProposal is the meeting an article reports: an existing
// conference (MatchID) or a new one of a body's term.
type ConferenceProposal struct {
	Decision Decision `json:"decision"`
	Spans    []Span   `json:"spans"`
	// Body is the convening body as the article names it.
	Body           string      `json:"body"`
	BodyID         int64       `json:"body_id,omitempty"`
	BodyName       string      `json:"body_name,omitempty"`
	BodyCandidates []Candidate `json:"body_candidates,omitempty"`
	// MatchID is the existing conference it is; 0 to create one.
	MatchID    int64       `json:"match_id,omitempty"`
	MatchLabel string      `json:"match_label,omitempty"`
	Candidates []Candidate `json:"candidates,omitempty"`
	// TermID is the body's term it belongs to; NewTerm, when TermID is 0, the
	// term to create.
	TermID    int64            `json:"term_id,omitempty"`
	TermLabel string           `json:"term_label,omitempty"`
	Terms     []Candidate      `json:"terms,omitempty"`
	NewTerm   *TermDraft       `json:"new_term,omitempty"`
	Ordinal   int              `json:"ordinal,omitempty"`
	Kind      conferences.Kind `json:"kind"`
	HeldOn    date.Date        `json:"held_on"`
	Online    bool             `json:"online"`
	Delegates int              `json:"delegates,omitempty"`
	Subject   string           `json:"subject,omitempty"`
	// Chairs are the indexes in People of those who chaired.
	Chairs []int `json:"chairs"`
}

// TermDraft is a term to create for a conference's body. Its first day is
// a guess (the start of its first year, or the end of the previous term)
// that the person checks.
type TermDraft struct {
	Numeral   string    `json:"numeral"`
	YearFrom  int       `json:"year_from"`
	YearTo    int       `json:"year_to"`
	ValidFrom date.Date `json:"valid_from"`
	ValidTo   date.Date `json:"valid_to"`
}

// PersonProposal is someone the article names with posts: a known person
// (PersonID) or a new one.
type PersonProposal struct {
	Decision Decision `json:"decision"`
	Name     string   `json:"name"`
	// Spans are the name's first mention, then each post's.
	Spans []Span `json:"spans"`
	Chair bool   `json:"chair,omitempty"`
	// PersonID is the person matched or chosen; 0 to create one.
	PersonID   int64          `json:"person_id,omitempty"`
	Candidates []Candidate    `json:"candidates,omitempty"`
	Posts      []PostProposal `json:"posts"`
}

// PostProposal is one post given to a person: held already (Held, by a
// matched person on the day) or to add.
type PostProposal struct {
	Decision       Decision    `json:"decision"`
	Text           string      `json:"text"`
	Span           Span        `json:"span"`
	PositionCode   string      `json:"position_code,omitempty"`
	UnitID         int64       `json:"unit_id,omitempty"`
	UnitName       string      `json:"unit_name,omitempty"`
	UnitCandidates []Candidate `json:"unit_candidates,omitempty"`
	Held           bool        `json:"held,omitempty"`
	PostID         int64       `json:"post_id,omitempty"`
	// ValidFrom is the article's date (the post was held then; when it
	// began is not known); ValidTo the end of a unit that has ended since.
	ValidFrom date.Date `json:"valid_from"`
	ValidTo   date.Date `json:"valid_to"`
}

// DocumentProposal is a document cited: one of the registry (MatchID) or an
// external document to register.
type DocumentProposal struct {
	Decision Decision `json:"decision"`
	Span     Span     `json:"span"`
	// Cited is the citation as the text writes it.
	Cited  string         `json:"cited"`
	Kind   documents.Kind `json:"kind"`
	Number int            `json:"number"`
	Issuer string         `json:"issuer,omitempty"` // the symbol's issuer code
	Symbol string         `json:"symbol,omitempty"`
	Date   date.Date      `json:"date"`
	// MatchID is the document of the registry it is; 0 to register one with
	// the fields below.
	MatchID      int64       `json:"match_id,omitempty"`
	MatchLabel   string      `json:"match_label,omitempty"`
	Candidates   []Candidate `json:"candidates,omitempty"`
	IssuerUnitID int64       `json:"issuer_unit_id,omitempty"`
	IssuerName   string      `json:"issuer_name,omitempty"`
	Title        string      `json:"title,omitempty"`
}

// FigureProposal is a figure as an indicator value: of an indicator, for a
// unit and a period, estimate or final. Unmatched figures have no
// IndicatorID and wait to be assigned or skipped.
type FigureProposal struct {
	Decision Decision `json:"decision"`
	Span     Span     `json:"span"`
	// Text is the figure as printed ("3,42%"); Kind, Value, Of, Unit and
	// Label are the extractor's reading.
	Text  string  `json:"text"`
	Kind  string  `json:"kind"`
	Value float64 `json:"value"`
	Of    float64 `json:"of,omitempty"`
	Unit  string  `json:"unit,omitempty"`
	Label string  `json:"label,omitempty"`
	// Context is the clause the figure ends ("tốc độ tăng trưởng kinh tế
	// (GRDP) 9 tháng ước đạt"): what it measures, as the text says it.
	Context string `json:"context,omitempty"`

	IndicatorID int64       `json:"indicator_id,omitempty"`
	Indicator   string      `json:"indicator,omitempty"`
	Measure     string      `json:"measure,omitempty"`
	Candidates  []Candidate `json:"candidates,omitempty"`
	UnitID      int64       `json:"unit_id,omitempty"`
	UnitName    string      `json:"unit_name,omitempty"`
	// Period is the reporting period's code ("2021-9M"); "" when the text
	// does not say.
	Period string            `json:"period,omitempty"`
	Status indicators.Status `json:"status,omitempty"`
	// Amount is the value in the indicator's unit of measure (15.000 tỷ
	// đồng is 15000 for an indicator in "tỷ đồng").
	Amount *vn.Decimal `json:"amount,omitempty"`
}

// TaskProposal is a task a sentence assigns.
type TaskProposal struct {
	Decision Decision `json:"decision"`
	Span     Span     `json:"span"`
	// Text is the sentence; Lead the lead unit as written; Deadline the
	// deadline as written.
	Text           string      `json:"text"`
	Title          string      `json:"title"`
	Lead           string      `json:"lead,omitempty"`
	LeadUnitID     int64       `json:"lead_unit_id,omitempty"`
	LeadUnitName   string      `json:"lead_unit_name,omitempty"`
	LeadCandidates []Candidate `json:"lead_candidates,omitempty"`
	Deadline       string      `json:"deadline,omitempty"`
	DueOn          date.Date   `json:"due_on"`
	StartOn        date.Date   `json:"start_on"`
}
