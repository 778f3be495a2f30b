// Package dashboard assembles the leaders' dashboard from the tasks and the
// indicators: the deadlines late and due soon by unit and by resolution,
// the lists of them, how the work of the period went month by month, the
// indicators off track, the standing on the term's targets and the trends
// of the main indicators, as of a date and for a unit, a resolution and a
// period.
//
// Nothing here counts on its own: the figures are those of the tasks and
// indicators stores (internal/tasks, internal/indicators), taken with the
// viewer passed down, so a classified deadline or indicator the viewer may
// not see is neither counted nor listed. Each figure has the address of the
// records behind it (TasksHref), which the task list reads.
package dashboard

import (
	"context"
	"net/url"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/date"
	"plenum/internal/documents"
	"plenum/internal/indicators"
	"plenum/internal/org"
	"plenum/internal/problem"
	"plenum/internal/tasks"
)

// Query is what a dashboard shows.
type Query struct {
	// AsOf is the day the figures are taken on: statuses, the organisation,
	// the values entered by then. Today when zero.
	AsOf date.Date `json:"as_of"`
	// UnitID keeps one unit (with the units merged into it); 0 is every unit.
	UnitID int64 `json:"unit_id,omitempty"`
	// DocumentID keeps the tasks drawn from one document (a resolution) and
	// the indicators it set; 0 is every source.
	DocumentID int64 `json:"document_id,omitempty"`
	// Period bounds the deadlines counted (those due in it) and is the
	// period the indicators are judged for. The year of AsOf when zero.
	Period indicators.Period `json:"period"`
	// SoonDays is the horizon of "due soon", 7 when zero.
	SoonDays int `json:"soon_days,omitempty"`
}

// Dashboard is one assembled dashboard.
type Dashboard struct {
	Query      Query            `json:"query"`
	UnitName   string           `json:"unit_name,omitempty"`
	Document   string           `json:"document,omitempty"` // the resolution's label
	Tasks      TaskSection      `json:"tasks"`
	Indicators IndicatorSection `json:"indicators"`
	// Class is the highest security class of the records shown.
	Class int `json:"class"`

	periodDefaulted bool
}

// TaskSection is the deadlines due in the period, as of the date.
type TaskSection struct {
	Totals     tasks.Counts           `json:"totals"`
	ByUnit     []tasks.UnitCounts     `json:"by_unit"`
	ByDocument []tasks.DocumentCounts `json:"by_document"` // never narrowed by Query.DocumentID: the resolutions to choose from
	Late       []tasks.Item           `json:"late"`        // overdue on the date, the longest overdue first
	DueSoon    []tasks.Item           `json:"due_soon"`
	ByMonth    []tasks.MonthCounts    `json:"by_month"` // the months of the period up to the date
}

// IndicatorSection is where the unit (the province when none is chosen)
// stands on its indicators. Standing.Period is the dashboard's period, or
// the year before when the period was not chosen and no figure of it is in.
type IndicatorSection struct {
	UnitID   int64                   `json:"unit_id,omitempty"`
	UnitName string                  `json:"unit_name,omitempty"`
	Standing indicators.Standing     `json:"standing"`
	OffTrack []OffTrack              `json:"off_track"`
	Term     indicators.TermStanding `json:"term"`
	Trends   []Trend                 `json:"trends"`
}

// OffTrack is an indicator that did not meet its target for the period,
// or that moved the wrong way against the same period of the year before.
type OffTrack struct {
	indicators.Line
	Why string `json:"why"` // "not_met" or "worsening"
}

// Trend is a main indicator's figures year by year.
type Trend struct {
	Indicator indicators.Indicator `json:"indicator"`
	Points    []indicators.Point   `json:"points"`
}

// Limits of the lists.
const (
	ListLimit   = 20 // late and due-soon deadlines shown
	TrendLimit  = 4  // indicators whose trend is drawn
	TrendYears  = 5
	DefaultSoon = 7
)

// Service assembles dashboards from the stores.
type Service struct {
	Tasks      *tasks.Store
	Indicators *indicators.Store
	Org        *org.Store
	Documents  *documents.Store
	Access     *access.Store
	// Version is the data version (audit.Log.DataVersion): dashboards built
	// are kept and shown again while it stays the same. Nil keeps none.
	Version func(context.Context) (int64, error)
	// Drift (audit.Log.Drift) and Lag let a kept dashboard be shown up to
	// Lag behind the latest changes while its successor is built (see
	// cache.go); a zero Lag never does.
	Drift func(ctx context.Context, from, to, user int64, window time.Duration) (audit.Drift, error)
	Lag   time.Duration

	cache cache
}

// Normalize fills q's defaults as of today.
func (q *Query) Normalize(today date.Date) {
	if q.AsOf.IsZero() {
		q.AsOf = today
	}
	if q.Period.IsZero() {
		q.Period = indicators.YearPeriod(q.AsOf.Year)
	}
	if q.SoonDays <= 0 {
		q.SoonDays = DefaultSoon
	}
}

// Build assembles the dashboard of q as v may see it. An unknown unit, or a
// document that does not exist or that v may not see, is a problem naming
// its field (unit_id, document_id).
func (s *Service) Build(ctx context.Context, v access.Viewer, q Query) (Dashboard, error) {
	defaulted := q.Period.IsZero()
	q.Normalize(s.Tasks.Today())
	d := Dashboard{Query: q, periodDefaulted: defaulted}
	cq := tasks.CountQuery{AsOf: q.AsOf, DueFrom: q.Period.First(), DueTo: q.Period.Last(), SoonDays: q.SoonDays, DocumentID: q.DocumentID}
	if q.UnitID != 0 {
		u, err := s.Org.Get(ctx, q.UnitID, q.AsOf)
		if err != nil {
			return d, fieldProblem(err, "unit_id", "dashboard.error.unit")
		}
		d.UnitName = u.Name
		if cq.UnitIDs, err = s.Org.Lineage(ctx, q.UnitID); err != nil {
			return d, err
		}
	}
	if q.DocumentID != 0 {
		doc, err := s.Documents.Get(ctx, v, q.DocumentID)
		if err != nil {
			return d, fieldProblem(err, "document_id", "dashboard.error.document")
		}
		d.Document = doc.Label("vi")
		d.Class = max(d.Class, int(doc.Class))
	}
	return s.cached(ctx, v, d, func(ctx context.Context, d *Dashboard) error {
		// The figures are independent queries: asked side by side, as many
		// at once as there are processors (more only contend for them), a
		// dashboard waits for little more than the slowest.
		g, ctx := errgroup.WithContext(ctx)
		g.SetLimit(runtime.GOMAXPROCS(0))
		ind := *d
		g.Go(func() error { return s.indicators(ctx, v, &ind) })
		s.tasks(ctx, g, v, cq, &d.Tasks)
		if err := g.Wait(); err != nil {
			return err
		}
		d.Tasks.summarize()
		for _, items := range [][]tasks.Item{d.Tasks.Late, d.Tasks.DueSoon} {
			for _, it := range items {
				d.Class = max(d.Class, it.Class)
			}
		}
		d.Indicators, d.Class = ind.Indicators, max(d.Class, ind.Class)
		return nil
	})
}

// fieldProblem turns "not found" into a problem on field; other errors pass.
func fieldProblem(err error, field, key string) error {
	if problem.Is(err, problem.NotFound) {
		return problem.InvalidField(field, key)
	}
	return err
}

// tasks adds to g the queries of the task section.
func (s *Service) tasks(ctx context.Context, g *errgroup.Group, v access.Viewer, cq tasks.CountQuery, t *TaskSection) {
	g.Go(func() (err error) {
		t.ByUnit, err = s.Tasks.CountByUnit(ctx, v, cq)
		return err
	})
	g.Go(func() (err error) {
		all := cq
		all.DocumentID = 0
		t.ByDocument, err = s.Tasks.CountByDocument(ctx, v, all)
		return err
	})
	g.Go(func() (err error) {
		t.Late, err = s.Tasks.Late(ctx, v, cq, ListLimit)
		return err
	})
	g.Go(func() (err error) {
		t.DueSoon, err = s.Tasks.DueSoon(ctx, v, cq, ListLimit)
		return err
	})
	// Month by month, from the period's first month to the date's.
	months := cq
	if months.DueTo.After(endOfMonth(cq.AsOf)) {
		months.DueTo = endOfMonth(cq.AsOf)
	}
	t.ByMonth = []tasks.MonthCounts{}
	if months.DueTo.Before(months.DueFrom) {
		return
	}
	g.Go(func() (err error) {
		t.ByMonth, err = s.Tasks.CountByMonth(ctx, v, months)
		return err
	})
}

// summarize totals the rows by unit and puts the units with the most late
// and due soon first: those a leader asks about.
func (t *TaskSection) summarize() {
	t.Totals.ByStatus = map[tasks.Status]int{}
	for _, u := range t.ByUnit {
		for st, n := range u.ByStatus {
			t.Totals.ByStatus[st] += n
		}
		t.Totals.Total += u.Total
		t.Totals.Late += u.Late
		t.Totals.DueSoon += u.DueSoon
	}
	sort.SliceStable(t.ByUnit, func(i, j int) bool {
		a, b := t.ByUnit[i], t.ByUnit[j]
		return a.Late+a.DueSoon > b.Late+b.DueSoon
	})
}

func endOfMonth(d date.Date) date.Date {
	return date.MustNew(d.Year, d.Month, date.DaysIn(d.Year, d.Month))
}

func (s *Service) indicators(ctx context.Context, v access.Viewer, d *Dashboard) error {
	q := d.Query
	sec := &d.Indicators
	sec.UnitID, sec.UnitName = q.UnitID, d.UnitName
	sq := indicators.StandingQuery{UnitID: q.UnitID, Period: q.Period, AsOf: q.AsOf, DocumentID: q.DocumentID}
	if sq.UnitID == 0 {
		// The province: whose targets the main indicators are.
		inds, err := s.Indicators.List(ctx, v, indicators.ListQuery{MainOnly: true, DocumentID: q.DocumentID})
		if err != nil {
			return err
		}
		for _, ind := range inds {
			if ind.ScopeUnitID != 0 {
				sq.UnitID = ind.ScopeUnitID
				break
			}
		}
		if sq.UnitID == 0 {
			sec.OffTrack, sec.Trends = []OffTrack{}, []Trend{}
			return nil
		}
		sec.UnitID = sq.UnitID
		if u, err := s.Org.Get(ctx, sq.UnitID, q.AsOf); err == nil {
			sec.UnitName = u.Name
		}
	}
	var err error
	if sec.Standing, err = s.Indicators.Standing(ctx, v, sq); err != nil {
		return err
	}
	// Early in a year no figure is in yet: unless a period was asked for,
	// judge the year before, as the leaders' reports do until estimates come.
	if d.periodDefaulted && len(sec.Standing.Lines) > 0 && !anyFigure(sec.Standing) {
		sq.Period = sq.Period.Previous()
		if sec.Standing, err = s.Indicators.Standing(ctx, v, sq); err != nil {
			return err
		}
	}
	if sec.Term, err = s.Indicators.TermStanding(ctx, v, sq); err != nil {
		return err
	}
	d.Class = max(d.Class, sec.Standing.Class, sec.Term.Class)
	sec.OffTrack = offTrack(sec.Standing)
	// Trends: the indicators off track first, then the other main ones.
	var picks []indicators.Indicator
	seen := map[int64]bool{}
	for _, o := range sec.OffTrack {
		picks = append(picks, o.Indicator)
		seen[o.Indicator.ID] = true
	}
	for _, l := range sec.Standing.Lines {
		if !seen[l.Indicator.ID] && l.Figure != nil {
			picks = append(picks, l.Indicator)
		}
	}
	sec.Trends = []Trend{}
	for _, ind := range picks[:min(len(picks), TrendLimit)] {
		pts, err := s.Indicators.Trend(ctx, v, ind.ID, sq.UnitID, indicators.Year, sq.Period.Year-TrendYears+1, sq.Period.Year, q.AsOf)
		if err != nil {
			return err
		}
		sec.Trends = append(sec.Trends, Trend{Indicator: ind, Points: pts})
	}
	return nil
}

func anyFigure(st indicators.Standing) bool {
	for _, l := range st.Lines {
		if l.Figure != nil {
			return true
		}
	}
	return false
}

// offTrack lists the lines not met (the furthest behind first), then those
// met but worse than the same period of the year before.
func offTrack(st indicators.Standing) []OffTrack {
	out := []OffTrack{}
	for _, l := range st.OffTrack() {
		out = append(out, OffTrack{Line: l, Why: "not_met"})
	}
	for _, l := range st.Lines {
		if l.Evaluation.Outcome.Good() && worsening(l) {
			out = append(out, OffTrack{Line: l, Why: "worsening"})
		}
	}
	return out
}

// worsening reports whether a line's growth goes against its direction.
func worsening(l indicators.Line) bool {
	g := l.Growth
	if g == nil {
		return false
	}
	switch l.Indicator.Direction {
	case indicators.Higher:
		return g.Value < 0
	case indicators.Lower:
		return g.Value > 0
	}
	return false
}

// ParseQuery reads a dashboard's query from a query string (the page and
// the API share it): as_of, unit_id, document_id, period, soon_days. Bad
// values are refused naming the parameter.
func ParseQuery(values url.Values) (Query, error) {
	var v problem.Validation
	var q Query
	if s := strings.TrimSpace(values.Get("as_of")); s != "" {
		d, err := date.ParseInput(s)
		if v.Check(err == nil, "as_of", "error.invalid_date") {
			q.AsOf = d
		}
	}
	q.UnitID = positive(&v, values, "unit_id")
	q.DocumentID = positive(&v, values, "document_id")
	q.SoonDays = int(positive(&v, values, "soon_days"))
	v.Check(q.SoonDays <= 366, "soon_days", "error.invalid_number")
	if s := strings.TrimSpace(values.Get("period")); s != "" {
		p, err := indicators.ParsePeriod(s)
		if v.Check(err == nil, "period", "indicators.error.period") {
			q.Period = p
		}
	}
	return q, v.Err()
}

func positive(v *problem.Validation, values url.Values, name string) int64 {
	s := strings.TrimSpace(values.Get(name))
	if s == "" {
		return 0
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		v.Add(name, "error.invalid_number")
		return 0
	}
	return n
}

// TasksHref is the address of the task list behind a figure of d: the
// deadlines due in the period, as of the date, led by unitID (and the
// units merged into it; 0 for every unit), drawn from documentID (0 for
// the dashboard's resolution, if any), in a state (tasks.StateLate,
// tasks.StateDueSoon) or a status, or all of them when both are empty.
func (d Dashboard) TasksHref(unitID, documentID int64, state string, status tasks.Status) string {
	q := d.Query
	p := url.Values{}
	p.Set("as_of", q.AsOf.String())
	p.Set("due_from", q.Period.First().String())
	p.Set("due_to", q.Period.Last().String())
	if unitID == 0 {
		unitID = q.UnitID
	}
	p.Set("unit_id", "")
	if unitID != 0 {
		p.Set("unit_id", strconv.FormatInt(unitID, 10))
		p.Set("role", "lead")
	}
	if documentID == 0 {
		documentID = q.DocumentID
	}
	if documentID != 0 {
		p.Set("document_id", strconv.FormatInt(documentID, 10))
	}
	switch {
	case status != "":
		p.Set("status", string(status))
	case state != "":
		p.Set("state", state)
		if state == tasks.StateDueSoon {
			p.Set("soon_days", strconv.Itoa(q.SoonDays))
		}
	}
	return "/tasks?" + p.Encode()
}

// MonthHref is TasksHref for the deadlines due in one month ("2025-03").
func (d Dashboard) MonthHref(month string, status tasks.Status) string {
	first, err := date.ParseInput(month + "-01")
	if err != nil {
		return ""
	}
	u, _ := url.Parse(d.TasksHref(0, 0, "", status))
	p := u.Query()
	p.Set("due_from", first.String())
	p.Set("due_to", endOfMonth(first).String())
	return "/tasks?" + p.Encode()
}
