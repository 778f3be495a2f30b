package web

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"plenum/internal/conferences"
	"plenum/internal/date"
	"plenum/internal/documents"
	"plenum/internal/indicators"
	"plenum/internal/ingest"
	"plenum/internal/people"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// The review form: one card per proposal (posts inside their person's),
// each with its decision and the fields it may be corrected in. Field names
// are the names refusals use ("people[1].posts[0].unit_id"), so that a
// refusal is shown next to its field.

// field is one input of the review form.
type field struct {
	Name, Label, Value, Error string
	// Type is text, date, number, select, checkbox or unit (a unit picker:
	// a name, code or number).
	Type    string
	Options []option
	Checked bool
}

// ingestCardData is a card with the page, for the card template.
type ingestCardData struct {
	Page *Page
	Card card
}

// option is one choice of a select.
type option struct{ Value, Label string }

// card is one proposal in the form.
type card struct {
	ID       string // the card's anchor: "card-p0"
	Kind     string // conference, person, post, document, figure, task
	Mark     string // the anchor of where it came from in the text: "p0"
	Title    string
	Notes    []string
	Decision field
	Fields   []field
	Posts    []card
	// Matched cards need no input: their fields are folded away.
	Matched bool
	// More are fields that matter only for a choice (a new term), folded
	// away under MoreLabel unless MoreOpen.
	More      []field
	MoreLabel string
	MoreOpen  bool
}

// reviewForm builds the cards, with what was submitted when the form is
// shown again.
type reviewForm struct {
	p         *Page
	submitted bool
	positions []people.Position
	inds      []indicators.Indicator
}

func (f *reviewForm) value(name, def string) string {
	if f.submitted {
		return f.p.Form.Values.Get(name)
	}
	return def
}

func (f *reviewForm) field(name, typ, label, def string, opts ...option) field {
	return field{Name: name, Type: typ, Label: label, Value: f.value(name, def), Error: f.p.FieldError(name), Options: opts}
}

func (f *reviewForm) check(name, label string, def bool) field {
	fd := field{Name: name, Type: "checkbox", Label: label, Value: "on", Error: f.p.FieldError(name), Checked: def}
	if f.submitted {
		fd.Checked = f.p.Form.Values.Get(name) != ""
	}
	return fd
}

func (f *reviewForm) decision(prefix string, d ingest.Decision) field {
	return f.field(prefix+".decision", "select", f.p.T("ingest.decision"), string(d),
		option{string(ingest.Accept), f.p.T("ingest.decision.accept")}, option{string(ingest.Skip), f.p.T("ingest.decision.reject")})
}

func intText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// candidates are the choices of a select of records: the candidates, then
// "create new" (0) when allowed.
func (f *reviewForm) candidates(cs []ingest.Candidate, newLabel string) []option {
	var out []option
	for _, c := range cs {
		label := c.Label
		if c.Note != "" {
			label += " — " + c.Note
		}
		if c.Score > 0 {
			label += " (" + f.p.T("ingest.score", c.Score) + ")"
		}
		out = append(out, option{idString(c.ID), label})
	}
	return append(out, option{"0", newLabel})
}

// cards builds the form's cards from the proposals.
func (f *reviewForm) cards(p ingest.Proposals) []card {
	var out []card
	t := f.p.T
	if c := p.Conference; c != nil {
		cd := card{ID: "card-c", Kind: "conference", Mark: "c0", Title: c.Body, Decision: f.decision("conference", c.Decision),
			Matched: c.MatchID != 0}
		if c.MatchID != 0 {
			cd.Notes = append(cd.Notes, t("ingest.conference.match")+": "+c.MatchLabel)
		}
		if c.Delegates > 0 {
			cd.Notes = append(cd.Notes, t("ingest.conference.delegates", vn.FormatNumber(int64(c.Delegates))))
		}
		var chairs []string
		for _, i := range c.Chairs {
			chairs = append(chairs, p.People[i].Name)
		}
		if len(chairs) > 0 {
			cd.Notes = append(cd.Notes, t("ingest.conference.chairs", strings.Join(chairs, ", ")))
		}
		if len(c.Candidates) > 0 {
			cd.Fields = append(cd.Fields, f.field("conference.match_id", "select", t("ingest.conference.match"), idString(c.MatchID),
				f.candidates(c.Candidates, t("ingest.choose_new"))...))
		}
		cd.Fields = append(cd.Fields,
			f.field("conference.body_id", "unit", t("ingest.conference.body", c.Body), c.BodyName),
			f.field("conference.term_id", "select", t("ingest.conference.term"), idString(c.TermID), f.candidates(c.Terms, t("ingest.conference.new_term"))...))
		nt := c.NewTerm
		if nt == nil {
			nt = &ingest.TermDraft{}
		}
		cd.More = []field{
			f.field("conference.new_term.numeral", "text", t("ingest.conference.numeral"), nt.Numeral),
			f.field("conference.new_term.year_from", "number", t("ingest.conference.year_from"), intText(nt.YearFrom)),
			f.field("conference.new_term.year_to", "number", t("ingest.conference.year_to"), intText(nt.YearTo)),
			f.field("conference.new_term.valid_from", "date", t("ingest.conference.term_from"), f.p.Date(nt.ValidFrom)),
			f.field("conference.new_term.valid_to", "date", t("ingest.conference.term_to"), f.p.Date(nt.ValidTo))}
		cd.MoreLabel, cd.MoreOpen = t("ingest.conference.new_term"), c.TermID == 0
		cd.Fields = append(cd.Fields,
			f.field("conference.ordinal", "number", t("ingest.conference.ordinal"), intText(c.Ordinal)),
			f.field("conference.kind", "select", t("ingest.conference.kind"), string(c.Kind), f.conferenceKinds()...),
			f.field("conference.held_on", "date", t("ingest.conference.held_on"), f.p.Date(c.HeldOn)),
			f.check("conference.online", t("ingest.conference.online"), c.Online),
			f.field("conference.subject", "text", t("ingest.conference.subject"), c.Subject))
		out = append(out, cd)
	}
	for i, pp := range p.People {
		prefix := fmt.Sprintf("people[%d]", i)
		cd := card{ID: anchor("card-p", i), Kind: "person", Mark: anchor("p", i), Title: pp.Name, Decision: f.decision(prefix, pp.Decision),
			Matched: pp.PersonID != 0}
		cd.Fields = append(cd.Fields,
			f.field(prefix+".person_id", "select", t("ingest.person.match"), idString(pp.PersonID), f.candidates(pp.Candidates, t("ingest.choose_new"))...),
			f.field(prefix+".name", "text", t("ingest.person.name"), pp.Name))
		for j, post := range pp.Posts {
			pf := fmt.Sprintf("%s.posts[%d]", prefix, j)
			pc := card{ID: cd.ID + anchor("-", j), Kind: "post", Mark: anchor("p", i) + anchor("-", j), Title: post.Text,
				Decision: f.decision(pf, post.Decision), Matched: post.Held}
			if post.Held {
				pc.Notes = append(pc.Notes, t("ingest.post.held"))
			}
			if post.PositionCode == "" {
				pc.Notes = append(pc.Notes, t("ingest.post.unknown"))
			}
			pc.Fields = append(pc.Fields,
				f.field(pf+".position_code", "select", t("ingest.post.position"), post.PositionCode, f.positionOptions()...),
				f.field(pf+".unit_id", "unit", t("ingest.post.unit"), post.UnitName),
				f.field(pf+".text", "text", t("ingest.post.title"), post.Text),
				f.field(pf+".valid_from", "date", t("ingest.post.from"), f.p.Date(post.ValidFrom)),
				f.field(pf+".valid_to", "date", t("ingest.post.to"), f.p.Date(post.ValidTo)))
			cd.Posts = append(cd.Posts, pc)
		}
		out = append(out, cd)
	}
	for i, d := range p.Documents {
		prefix := fmt.Sprintf("documents[%d]", i)
		cd := card{ID: anchor("card-d", i), Kind: "document", Mark: anchor("d", i), Title: d.Cited, Decision: f.decision(prefix, d.Decision),
			Matched: d.MatchID != 0}
		if d.MatchID != 0 {
			cd.Notes = append(cd.Notes, t("ingest.document.match")+": "+d.MatchLabel)
		}
		issuerUnit := ""
		if d.IssuerUnitID != 0 {
			issuerUnit = d.IssuerName
		}
		cd.Fields = append(cd.Fields,
			f.field(prefix+".match_id", "select", t("ingest.document.match"), idString(d.MatchID), f.candidates(d.Candidates, t("ingest.choose_new"))...),
			f.field(prefix+".kind", "select", t("ingest.document.kind"), string(d.Kind), f.documentKinds()...),
			f.field(prefix+".symbol", "text", t("ingest.document.symbol"), d.Symbol),
			f.field(prefix+".issuer_unit_id", "unit", t("ingest.document.issuer_unit"), issuerUnit),
			f.field(prefix+".issuer_name", "text", t("ingest.document.issuer"), d.IssuerName),
			f.field(prefix+".issued_on", "date", t("ingest.document.issued_on"), f.p.Date(d.Date)),
			f.field(prefix+".title", "text", t("ingest.document.title"), d.Title))
		out = append(out, cd)
	}
	for i, fg := range p.Figures {
		prefix := fmt.Sprintf("figures[%d]", i)
		cd := card{ID: anchor("card-f", i), Kind: "figure", Mark: anchor("f", i), Title: strings.TrimSpace(fg.Context + " " + fg.Text),
			Decision: f.decision(prefix, fg.Decision)}
		if fg.IndicatorID == 0 {
			cd.Notes = append(cd.Notes, t("ingest.figure.unassigned"))
		}
		amount := ""
		if fg.Amount != nil {
			amount = vn.FormatDecimal(*fg.Amount)
		}
		cd.Fields = append(cd.Fields,
			f.field(prefix+".indicator_id", "select", t("ingest.figure.indicator"), idString(fg.IndicatorID), f.indicatorOptions(fg.Candidates)...),
			f.field(prefix+".unit_id", "unit", t("ingest.figure.unit"), fg.UnitName),
			f.field(prefix+".period", "text", t("ingest.figure.period"), fg.Period),
			f.field(prefix+".status", "select", t("ingest.figure.status"), string(fg.Status),
				option{string(indicators.Estimate), t("indicators.status.estimate")}, option{string(indicators.Final), t("indicators.status.final")}),
			f.field(prefix+".amount", "text", t("ingest.figure.amount")+" ("+fg.Measure+")", amount))
		out = append(out, cd)
	}
	for i, tk := range p.Tasks {
		prefix := fmt.Sprintf("tasks[%d]", i)
		cd := card{ID: anchor("card-t", i), Kind: "task", Mark: anchor("t", i), Title: tk.Text, Decision: f.decision(prefix, tk.Decision)}
		if tk.Deadline != "" {
			cd.Notes = append(cd.Notes, t("ingest.task.deadline", tk.Deadline))
		}
		cd.Fields = append(cd.Fields,
			f.field(prefix+".title", "text", t("ingest.task.title"), tk.Title),
			f.field(prefix+".lead_unit_id", "unit", t("ingest.task.lead", tk.Lead), tk.LeadUnitName),
			f.field(prefix+".start_on", "date", t("ingest.task.start"), f.p.Date(tk.StartOn)),
			f.field(prefix+".due_on", "date", t("ingest.task.due"), f.p.Date(tk.DueOn)))
		out = append(out, cd)
	}
	return out
}

func (f *reviewForm) conferenceKinds() []option {
	var out []option
	for _, k := range conferences.Kinds() {
		out = append(out, option{string(k), k.Label(f.p.Lang)})
	}
	return out
}

func (f *reviewForm) documentKinds() []option {
	var out []option
	for _, k := range documents.Kinds() {
		out = append(out, option{string(k), k.Name(f.p.Lang)})
	}
	return out
}

func (f *reviewForm) positionOptions() []option {
	out := []option{{"", f.p.T("ingest.choose_none")}}
	for _, pos := range f.positions {
		out = append(out, option{pos.Code, pos.Name(f.p.Lang)})
	}
	return out
}

// indicatorOptions lists the candidates first, then every indicator.
func (f *reviewForm) indicatorOptions(cs []ingest.Candidate) []option {
	out := []option{{"0", f.p.T("ingest.choose_none")}}
	for _, c := range cs {
		out = append(out, option{idString(c.ID), c.Label + " (" + f.p.T("ingest.score", c.Score) + ")"})
	}
	for _, ind := range f.inds {
		out = append(out, option{idString(ind.ID), ind.Name + " (" + ind.Measure + ")"})
	}
	return out
}

// decisionsFrom reads the review form into decisions on every proposal.
func (h *Handler) decisionsFrom(ctx context.Context, form url.Values, p ingest.Proposals) (ingest.Decisions, error) {
	var v problem.Validation
	var d ingest.Decisions
	get := func(name string) string { return strings.TrimSpace(form.Get(name)) }
	id := func(name string) *int64 {
		if !form.Has(name) {
			return nil
		}
		n := parseIDField(&v, name, get(name))
		return &n
	}
	num := func(name string) int {
		s := get(name)
		if s == "" {
			return 0
		}
		n, err := strconv.Atoi(s)
		v.Check(err == nil && n >= 0, name, "error.invalid_number")
		return n
	}
	day := func(name string) date.Date { return parseDateField(&v, name, get(name)) }
	unit := func(name string, asOf date.Date) int64 {
		return h.resolveUnit(ctx, &v, name, get(name), h.dayOr(asOf), false)
	}
	if c := p.Conference; c != nil {
		cd := &ingest.ConferenceDecision{Decision: ingest.Decision(get("conference.decision")), MatchID: id("conference.match_id"),
			TermID: id("conference.term_id"), Ordinal: num("conference.ordinal"), Kind: conferences.Kind(get("conference.kind")),
			HeldOn: day("conference.held_on"), Subject: get("conference.subject")}
		online := form.Has("conference.online")
		cd.Online = &online
		cd.BodyID = unit("conference.body_id", orDay(cd.HeldOn, c.HeldOn))
		if cd.TermID != nil && *cd.TermID == 0 {
			cd.NewTerm = &ingest.TermDraft{Numeral: get("conference.new_term.numeral"), YearFrom: num("conference.new_term.year_from"),
				YearTo: num("conference.new_term.year_to"), ValidFrom: day("conference.new_term.valid_from"), ValidTo: day("conference.new_term.valid_to")}
		}
		d.Conference = cd
	}
	for i, pp := range p.People {
		prefix := fmt.Sprintf("people[%d]", i)
		pd := ingest.PersonDecision{Index: i, Decision: ingest.Decision(get(prefix + ".decision")), PersonID: id(prefix + ".person_id"),
			Name: get(prefix + ".name")}
		for j, post := range pp.Posts {
			pf := fmt.Sprintf("%s.posts[%d]", prefix, j)
			from := day(pf + ".valid_from")
			po := ingest.PostDecision{Index: j, Decision: ingest.Decision(get(pf + ".decision")), ValidFrom: from, ValidTo: day(pf + ".valid_to"),
				Text: get(pf + ".text")}
			// Only what was changed counts as an edit: a post the person
			// holds stays matched unless its position or unit changed.
			if code := get(pf + ".position_code"); code != post.PositionCode {
				po.PositionCode = code
			}
			if u := unit(pf+".unit_id", orDay(from, post.ValidFrom)); u != post.UnitID {
				po.UnitID = u
			}
			pd.Posts = append(pd.Posts, po)
		}
		d.People = append(d.People, pd)
	}
	for i, dp := range p.Documents {
		prefix := fmt.Sprintf("documents[%d]", i)
		issued := day(prefix + ".issued_on")
		d.Documents = append(d.Documents, ingest.DocumentDecision{Index: i, Decision: ingest.Decision(get(prefix + ".decision")),
			MatchID: id(prefix + ".match_id"), Kind: documents.Kind(get(prefix + ".kind")), Symbol: get(prefix + ".symbol"),
			IssuerUnitID: unit(prefix+".issuer_unit_id", orDay(issued, dp.Date)), IssuerName: get(prefix + ".issuer_name"),
			IssuedOn: issued, Title: get(prefix + ".title")})
	}
	for i, fp := range p.Figures {
		prefix := fmt.Sprintf("figures[%d]", i)
		fd := ingest.FigureDecision{Index: i, Decision: ingest.Decision(get(prefix + ".decision")), Period: get(prefix + ".period"),
			Status: indicators.Status(get(prefix + ".status"))}
		if n := id(prefix + ".indicator_id"); n != nil {
			fd.IndicatorID = *n
		}
		asOf := h.today()
		if per, err := indicators.ParsePeriod(orText(fd.Period, fp.Period)); err == nil {
			asOf = per.Last()
		}
		fd.UnitID = unit(prefix+".unit_id", asOf)
		if s := get(prefix + ".amount"); s != "" {
			a, err := vn.ParseNumber(s)
			if v.Check(err == nil, prefix+".amount", "error.invalid_number") {
				fd.Amount = &a
			}
		}
		d.Figures = append(d.Figures, fd)
	}
	for i, tp := range p.Tasks {
		prefix := fmt.Sprintf("tasks[%d]", i)
		start := day(prefix + ".start_on")
		d.Tasks = append(d.Tasks, ingest.TaskDecision{Index: i, Decision: ingest.Decision(get(prefix + ".decision")),
			Title: get(prefix + ".title"), LeadUnitID: unit(prefix+".lead_unit_id", orDay(start, tp.StartOn)), StartOn: start,
			DueOn: day(prefix + ".due_on")})
	}
	return d, v.Err()
}

// orDay is d, or fallback when d is zero.
func orDay(d, fallback date.Date) date.Date {
	if d.IsZero() {
		return fallback
	}
	return d
}

// orText is s, or fallback when s is empty.
func orText(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}
