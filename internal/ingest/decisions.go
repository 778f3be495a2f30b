package ingest

import (
	"fmt"
	"strings"

	"plenum/internal/conferences"
	"plenum/internal/date"
	"plenum/internal/documents"
	"plenum/internal/indicators"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// Decisions are a person's corrections and choices on an item's proposals.
// A proposal left out keeps its proposed decision and values; in one given,
// a zero field keeps the proposed value and any other replaces it. Entries
// name proposals by their index in Proposals.
type Decisions struct {
	Conference *ConferenceDecision `json:"conference,omitempty"`
	People     []PersonDecision    `json:"people,omitempty"`
	Documents  []DocumentDecision  `json:"documents,omitempty"`
	Figures    []FigureDecision    `json:"figures,omitempty"`
	Tasks      []TaskDecision      `json:"tasks,omitempty"`
}

// ConferenceDecision decides the conference proposal.
type ConferenceDecision struct {
	Decision Decision `json:"decision,omitempty"`
	// MatchID chooses an existing conference; 0 creates one (a pointer so
	// that 0 can be said).
	MatchID *int64           `json:"match_id,omitempty"`
	BodyID  int64            `json:"body_id,omitempty"`
	TermID  *int64           `json:"term_id,omitempty"`
	NewTerm *TermDraft       `json:"new_term,omitempty"`
	Ordinal int              `json:"ordinal,omitempty"`
	Kind    conferences.Kind `json:"kind,omitempty"`
	HeldOn  date.Date        `json:"held_on"`
	Online  *bool            `json:"online,omitempty"`
	Subject string           `json:"subject,omitempty"`
}

// PersonDecision decides a person proposal and its posts.
type PersonDecision struct {
	Index    int      `json:"index"`
	Decision Decision `json:"decision,omitempty"`
	// PersonID chooses a known person; 0 creates one named Name.
	PersonID *int64         `json:"person_id,omitempty"`
	Name     string         `json:"name,omitempty"`
	Posts    []PostDecision `json:"posts,omitempty"`
}

// PostDecision decides one post of a person.
type PostDecision struct {
	Index        int       `json:"index"`
	Decision     Decision  `json:"decision,omitempty"`
	PositionCode string    `json:"position_code,omitempty"`
	UnitID       int64     `json:"unit_id,omitempty"`
	Text         string    `json:"text,omitempty"`
	ValidFrom    date.Date `json:"valid_from"`
	ValidTo      date.Date `json:"valid_to"`
}

// DocumentDecision decides a document proposal.
type DocumentDecision struct {
	Index    int      `json:"index"`
	Decision Decision `json:"decision,omitempty"`
	// MatchID chooses a document of the registry; 0 registers one.
	MatchID      *int64         `json:"match_id,omitempty"`
	Kind         documents.Kind `json:"kind,omitempty"`
	Symbol       string         `json:"symbol,omitempty"`
	IssuerUnitID int64          `json:"issuer_unit_id,omitempty"`
	IssuerName   string         `json:"issuer_name,omitempty"`
	IssuedOn     date.Date      `json:"issued_on"`
	Title        string         `json:"title,omitempty"`
}

// FigureDecision decides a figure proposal.
type FigureDecision struct {
	Index       int               `json:"index"`
	Decision    Decision          `json:"decision,omitempty"`
	IndicatorID int64             `json:"indicator_id,omitempty"`
	UnitID      int64             `json:"unit_id,omitempty"`
	Period      string            `json:"period,omitempty"` // "2021-9M", "quý III/2021"
	Status      indicators.Status `json:"status,omitempty"`
	Amount      *vn.Decimal       `json:"amount,omitempty"`
}

// TaskDecision decides a task proposal.
type TaskDecision struct {
	Index      int       `json:"index"`
	Decision   Decision  `json:"decision,omitempty"`
	Title      string    `json:"title,omitempty"`
	LeadUnitID int64     `json:"lead_unit_id,omitempty"`
	DueOn      date.Date `json:"due_on"`
	StartOn    date.Date `json:"start_on"`
}

// apply lays the decisions over the proposals. It refuses indexes that
// name no proposal and unknown decisions, naming the entry.
func (d Decisions) apply(p *Proposals) error {
	var v problem.Validation
	decide := func(field string, to *Decision, d Decision) {
		if d == "" {
			return
		}
		if v.Check(d.Valid(), field+"decision", "error.invalid_choice") {
			*to = d
		}
	}
	if c := d.Conference; c != nil {
		cp := p.Conference
		if !v.Check(cp != nil, "conference", "ingest.error.no_proposal") {
			return v.Err()
		}
		decide("conference.", &cp.Decision, c.Decision)
		if c.MatchID != nil {
			cp.MatchID = *c.MatchID
		}
		setID(&cp.BodyID, c.BodyID)
		if c.TermID != nil {
			cp.TermID = *c.TermID
		}
		if c.NewTerm != nil {
			cp.NewTerm = c.NewTerm
		}
		setInt(&cp.Ordinal, c.Ordinal)
		setText(&cp.Subject, c.Subject)
		if c.Kind != "" {
			cp.Kind = c.Kind
		}
		setDate(&cp.HeldOn, c.HeldOn)
		if c.Online != nil {
			cp.Online = *c.Online
		}
	}
	for _, pd := range d.People {
		f := fmt.Sprintf("people[%d].", pd.Index)
		if !v.Check(pd.Index >= 0 && pd.Index < len(p.People), f+"index", "ingest.error.no_proposal") {
			continue
		}
		pp := &p.People[pd.Index]
		decide(f, &pp.Decision, pd.Decision)
		if pd.PersonID != nil {
			pp.PersonID = *pd.PersonID
		}
		setText(&pp.Name, pd.Name)
		for _, po := range pd.Posts {
			pf := fmt.Sprintf("%sposts[%d].", f, po.Index)
			if !v.Check(po.Index >= 0 && po.Index < len(pp.Posts), pf+"index", "ingest.error.no_proposal") {
				continue
			}
			post := &pp.Posts[po.Index]
			decide(pf, &post.Decision, po.Decision)
			if po.PositionCode != "" || po.UnitID != 0 {
				post.Held = false // a post edited is a post to add
			}
			setText(&post.PositionCode, po.PositionCode)
			setID(&post.UnitID, po.UnitID)
			setText(&post.Text, po.Text)
			setDate(&post.ValidFrom, po.ValidFrom)
			setDate(&post.ValidTo, po.ValidTo)
		}
	}
	for _, dd := range d.Documents {
		f := fmt.Sprintf("documents[%d].", dd.Index)
		if !v.Check(dd.Index >= 0 && dd.Index < len(p.Documents), f+"index", "ingest.error.no_proposal") {
			continue
		}
		dp := &p.Documents[dd.Index]
		decide(f, &dp.Decision, dd.Decision)
		if dd.MatchID != nil {
			dp.MatchID = *dd.MatchID
		}
		if dd.Kind != "" {
			dp.Kind = dd.Kind
		}
		setText(&dp.Symbol, dd.Symbol)
		setID(&dp.IssuerUnitID, dd.IssuerUnitID)
		setText(&dp.IssuerName, dd.IssuerName)
		setDate(&dp.Date, dd.IssuedOn)
		setText(&dp.Title, dd.Title)
	}
	for _, fd := range d.Figures {
		f := fmt.Sprintf("figures[%d].", fd.Index)
		if !v.Check(fd.Index >= 0 && fd.Index < len(p.Figures), f+"index", "ingest.error.no_proposal") {
			continue
		}
		fp := &p.Figures[fd.Index]
		decide(f, &fp.Decision, fd.Decision)
		setID(&fp.IndicatorID, fd.IndicatorID)
		setID(&fp.UnitID, fd.UnitID)
		setText(&fp.Period, fd.Period)
		if fd.Status != "" {
			fp.Status = fd.Status
		}
		if fd.Amount != nil {
			fp.Amount = fd.Amount
		}
	}
	for _, td := range d.Tasks {
		f := fmt.Sprintf("tasks[%d].", td.Index)
		if !v.Check(td.Index >= 0 && td.Index < len(p.Tasks), f+"index", "ingest.error.no_proposal") {
			continue
		}
		tp := &p.Tasks[td.Index]
		decide(f, &tp.Decision, td.Decision)
		setText(&tp.Title, td.Title)
		setID(&tp.LeadUnitID, td.LeadUnitID)
		setDate(&tp.DueOn, td.DueOn)
		setDate(&tp.StartOn, td.StartOn)
	}
	return v.Err()
}

func setID(dst *int64, v int64) {
	if v != 0 {
		*dst = v
	}
}

func setInt(dst *int, v int) {
	if v != 0 {
		*dst = v
	}
}

func setText(dst *string, v string) {
	if v = strings.TrimSpace(v); v != "" {
		*dst = v
	}
}

func setDate(dst *date.Date, v date.Date) {
	if !v.IsZero() {
		*dst = v
	}
}
