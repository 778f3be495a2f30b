package indicators

import (
	"context"
	"fmt"
	"sort"

	"plenum/internal/access"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/org"
)

// Line is one indicator in a standing: its figure for the period, the
// evaluation against the year's target, and the growth on the same period
// of the previous year.
type Line struct {
	Indicator  Indicator  `json:"indicator"`
	Figure     *Figure    `json:"figure,omitempty"`
	Reason     string     `json:"reason,omitempty"`
	Evaluation Evaluation `json:"evaluation"`
	Previous   *Figure    `json:"previous,omitempty"`
	Growth     *Growth    `json:"growth,omitempty"`
}

// Counts are the outcomes of a standing: "Good/Counted chỉ tiêu đạt và vượt".
type Counts struct {
	Counted  int `json:"counted"` // indicators with a target
	Good     int `json:"good"`    // met or exceeded
	Exceeded int `json:"exceeded"`
	Met      int `json:"met"`
	NotMet   int `json:"not_met"`
	NoData   int `json:"no_data"`
}

func (c *Counts) add(o Outcome) {
	switch o {
	case NoTarget:
		return
	case Exceeded:
		c.Exceeded++
	case Met:
		c.Met++
	case NotMet:
		c.NotMet++
	case NoData:
		c.NoData++
	}
	c.Counted++
	if o.Good() {
		c.Good++
	}
}

// StandingQuery asks where a unit stands in a period.
type StandingQuery struct {
	UnitID int64     `json:"unit_id"`
	Period Period    `json:"period"`
	AsOf   date.Date `json:"as_of"` // the organisation as of this day; today when zero
	All    bool      `json:"all"`   // every indicator, not only the main ones
	// DocumentID keeps the indicators set by one document (a resolution).
	DocumentID int64 `json:"document_id,omitempty"`
}

// Standing is a unit's indicators for a period.
type Standing struct {
	UnitID int64     `json:"unit_id"`
	Period Period    `json:"period"`
	AsOf   date.Date `json:"as_of"`
	Lines  []Line    `json:"lines"`
	Counts Counts    `json:"counts"`
	Class  int       `json:"class"` // the highest class of the indicators shown
}

// visibleIndicators lists the indicators of q the viewer may see, main
// ones only unless q.All.
func (s *Store) visibleIndicators(ctx context.Context, v access.Viewer, q StandingQuery) ([]Indicator, error) {
	return s.List(ctx, v, ListQuery{MainOnly: !q.All, DocumentID: q.DocumentID})
}

// Standing evaluates the (main) indicators the viewer may see for a unit
// and period as of a date: totals with the units merged into the unit by
// then, judged against the year's targets, with growth on the same period
// of the previous year and the counts ("15/25 đạt và vượt"). An indicator
// the viewer may not see is neither listed nor counted.
func (s *Store) Standing(ctx context.Context, v access.Viewer, q StandingQuery) (Standing, error) {
	if q.AsOf.IsZero() {
		q.AsOf = s.Today()
	}
	st := Standing{UnitID: q.UnitID, Period: q.Period, AsOf: q.AsOf}
	inds, err := s.visibleIndicators(ctx, v, q)
	if err != nil || len(inds) == 0 {
		return st, err
	}
	ms, err := s.members(ctx, q.UnitID, q.AsOf)
	if err != nil {
		return st, err
	}
	prev := q.Period.Previous()
	vals, err := s.currentValues(ctx, v, withWeights(inds), memberIDs(ms), []Period{q.Period, prev}, q.AsOf)
	if err != nil {
		return st, err
	}
	targets, err := s.targetsOf(ctx, ids(inds))
	if err != nil {
		return st, err
	}
	for _, ind := range inds {
		l := Line{Indicator: ind}
		l.Figure, l.Reason = combine(ind, q.UnitID, ms, q.Period, vals)
		l.Previous, _ = combine(ind, q.UnitID, ms, prev, vals)
		l.Growth = GrowthOf(ind, l.Figure, l.Previous)
		l.Evaluation = Evaluate(ind, l.Figure, goalFor(ind, combinedTarget(ind, targets[ind.ID], q.UnitID, ms, q.Period, vals), q.Period))
		st.Counts.add(l.Evaluation.Outcome)
		st.Class = max(st.Class, ind.Class)
		st.Lines = append(st.Lines, l)
	}
	return st, nil
}

// OffTrack returns the lines of a standing whose indicators did not meet
// their target, the furthest behind first.
func (st Standing) OffTrack() []Line {
	var out []Line
	for _, l := range st.Lines {
		if l.Evaluation.Outcome == NotMet {
			out = append(out, l)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		pi, pj := out[i].Evaluation.Progress, out[j].Evaluation.Progress
		return pi != nil && (pj == nil || *pi < *pj) && out[i].Indicator.Direction == Higher
	})
	return out
}

// TermLine is an indicator against its term target.
type TermLine struct {
	Indicator  Indicator  `json:"indicator"`
	Years      []int      `json:"years"` // the years with a figure
	Figure     *Figure    `json:"figure,omitempty"`
	Evaluation Evaluation `json:"evaluation"`
}

// TermStanding is a unit's standing on its term targets.
type TermStanding struct {
	UnitID int64      `json:"unit_id"`
	AsOf   date.Date  `json:"as_of"`
	Lines  []TermLine `json:"lines"`
	Counts Counts     `json:"counts"`
	Class  int        `json:"class"`
}

// TermStanding judges the main indicators the viewer may see (those of
// q.DocumentID if set) against the term targets of unit q.UnitID, from the
// year values (totals as of q.AsOf) there are so far, by each indicator's
// term rule; see the package doc. q.Period is not used.
func (s *Store) TermStanding(ctx context.Context, v access.Viewer, q StandingQuery) (TermStanding, error) {
	unitID, asOf := q.UnitID, q.AsOf
	if asOf.IsZero() {
		asOf = s.Today()
	}
	ts := TermStanding{UnitID: unitID, AsOf: asOf}
	q.All = false
	inds, err := s.visibleIndicators(ctx, v, q)
	if err != nil || len(inds) == 0 {
		return ts, err
	}
	ms, err := s.members(ctx, unitID, asOf)
	if err != nil {
		return ts, err
	}
	years := map[int]bool{}
	for _, ind := range inds {
		for y := ind.TermFirst; y != 0 && y <= ind.TermLast; y++ {
			years[y] = true
		}
	}
	var periods []Period
	for y := range years {
		periods = append(periods, YearPeriod(y))
	}
	vals, err := s.currentValues(ctx, v, withWeights(inds), memberIDs(ms), periods, q.AsOf)
	if err != nil {
		return ts, err
	}
	targets, err := s.targetsOf(ctx, ids(inds))
	if err != nil {
		return ts, err
	}
	for _, ind := range inds {
		t := targetFor(ind, targets[ind.ID], unitID, 0, true)
		if t == nil {
			continue
		}
		l := TermLine{Indicator: ind}
		var figs []*Figure
		for y := t.FirstYear; y <= t.LastYear; y++ {
			if f, _ := combine(ind, unitID, ms, YearPeriod(y), vals); f != nil {
				figs = append(figs, f)
				l.Years = append(l.Years, y)
			}
		}
		l.Figure = termFigure(ind.TermRule, figs, t.LastYear-t.FirstYear+1)
		l.Evaluation = Evaluate(ind, l.Figure, goalFor(ind, t, YearPeriod(t.LastYear)))
		ts.Counts.add(l.Evaluation.Outcome)
		ts.Class = max(ts.Class, ind.Class)
		ts.Lines = append(ts.Lines, l)
	}
	return ts, nil
}

// termFigure applies a term rule to the year figures there are (of a term
// of n years); with fewer years the figure is partial.
func termFigure(rule TermRule, figs []*Figure, n int) *Figure {
	if len(figs) == 0 {
		return nil
	}
	f := &Figure{Partial: len(figs) < n}
	scale := 0
	var sum float64
	for _, x := range figs {
		f.Estimate = f.Estimate || x.Estimate
		f.Partial = f.Partial || x.Partial
		scale = max(scale, scaleOf(x.Value))
		sum += x.Value.Float64()
	}
	switch rule {
	case TermAverage:
		f.Value = fromFloat(sum/float64(len(figs)), max(scale, 2))
	case TermSum:
		f.Value = fromFloat(sum, scale)
	default:
		f.Value = figs[len(figs)-1].Value
	}
	return f
}

// Point is one period of a trend.
type Point struct {
	Period     Period     `json:"period"`
	Figure     *Figure    `json:"figure,omitempty"`
	Evaluation Evaluation `json:"evaluation"`
}

// Trend returns the totals of an indicator the viewer may see for a unit,
// for every period of a kind from one year to another, as of a date, each
// judged against its year's target.
func (s *Store) Trend(ctx context.Context, v access.Viewer, indicatorID, unitID int64, kind PeriodKind, from, to int, asOf date.Date) ([]Point, error) {
	if asOf.IsZero() {
		asOf = s.Today()
	}
	if to < from || to-from > 30 {
		return nil, fmt.Errorf("indicators: trend from %d to %d", from, to)
	}
	ind, err := s.read(ctx, v, indicatorID)
	if err != nil {
		return nil, err
	}
	ms, err := s.members(ctx, unitID, asOf)
	if err != nil {
		return nil, err
	}
	var periods []Period
	for y := from; y <= to; y++ {
		for _, p := range PeriodsOfYear(y, Month) {
			if p.Kind == kind {
				periods = append(periods, p)
			}
		}
	}
	vals, err := s.currentValues(ctx, v, withWeights([]Indicator{ind}), memberIDs(ms), periods, asOf)
	if err != nil {
		return nil, err
	}
	targets, err := s.targetsOf(ctx, []int64{ind.ID})
	if err != nil {
		return nil, err
	}
	out := make([]Point, 0, len(periods))
	for _, p := range periods {
		pt := Point{Period: p}
		pt.Figure, _ = combine(ind, unitID, ms, p, vals)
		pt.Evaluation = Evaluate(ind, pt.Figure, goalFor(ind, combinedTarget(ind, targets[ind.ID], unitID, ms, p, vals), p))
		out = append(out, pt)
	}
	return out, nil
}

// TableRow is a unit's own value for a period, judged and compared.
type TableRow struct {
	Value      Value      `json:"value"`
	Evaluation Evaluation `json:"evaluation"`
	Growth     *Growth    `json:"growth,omitempty"`
}

// Table returns the current values of an indicator the viewer may see, of
// every unit, for the years from–to, with the unit's name at the period's
// end, judged against the unit's target (or the scope's, for the scope
// unit) and compared with the same period of the previous year. Rows are
// by unit name, then period. A unitID other than 0 keeps that unit and the
// units merged into it (at national scale, every commune's values of an
// indicator are too many for one page).
func (s *Store) Table(ctx context.Context, v access.Viewer, indicatorID int64, from, to int, unitID int64) ([]TableRow, error) {
	ind, err := s.read(ctx, v, indicatorID)
	if err != nil {
		return nil, err
	}
	var args db.Args
	only := ""
	if unitID != 0 {
		only = ` AND v.unit_id IN ` + org.LineageSubquery(args.Add(unitID))
	}
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT `+valueColumns+`, COALESCE(n.name, ''), COALESCE(n.sort_key, '')
		FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id
		LEFT JOIN unit_names n ON n.unit_id = v.unit_id AND n.valid_from <= v.period_end AND (n.valid_to IS NULL OR n.valid_to > v.period_end)
		WHERE v.is_current AND v.indicator_id IN `+db.In(&args, withWeights([]Indicator{ind}))+`
			AND v.period_start >= `+args.Add(date.Date{Year: from - 1, Month: 1, Day: 1})+`
			AND v.period_start <= `+args.Add(date.Date{Year: to, Month: 12, Day: 31})+`
			AND `+v.Visible(Entity, "i", &args)+only, args...)
	if err != nil {
		return nil, fmt.Errorf("indicators: table: %w", err)
	}
	defer rows.Close()
	vals := values{}
	var all []Value
	keys := map[int64]string{}
	for rows.Next() {
		var name, key string
		x, err := scanValue(rows, &name, &key)
		if err != nil {
			return nil, fmt.Errorf("indicators: table: %w", err)
		}
		x.UnitName = name
		if _, ok := keys[x.UnitID]; !ok || x.Period.Year >= from {
			keys[x.UnitID] = key
		}
		vals[valueKey{x.IndicatorID, x.UnitID, x.Period}] = x
		all = append(all, x)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	targets, err := s.targetsOf(ctx, []int64{ind.ID})
	if err != nil {
		return nil, err
	}
	var lineage []int64 // none: every unit's
	if unitID != 0 {
		lineage = []int64{unitID}
	}
	merges, err := s.mergers(ctx, lineage)
	if err != nil {
		return nil, err
	}
	var out []TableRow
	for _, x := range all {
		if x.Period.Year < from || x.IndicatorID != ind.ID {
			continue
		}
		f := &Figure{Value: x.Value, Estimate: x.Status == Estimate}
		r := TableRow{Value: x}
		r.Evaluation = Evaluate(ind, f, goalFor(ind, targetFor(ind, targets[ind.ID], x.UnitID, x.Period.Year, false), x.Period))
		// Last year's figure for the area the unit had then: with the
		// units merged into it since, as the standing compares them.
		prev, _ := combine(ind, x.UnitID, merges.members(x.UnitID, x.Period.Last()), x.Period.Previous(), vals)
		r.Growth = GrowthOf(ind, f, prev)
		out = append(out, r)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Value, out[j].Value
		if ka, kb := keys[a.UnitID], keys[b.UnitID]; ka != kb {
			return ka < kb
		}
		if a.UnitID != b.UnitID {
			return a.UnitID < b.UnitID
		}
		if a.Period.Year != b.Period.Year {
			return a.Period.Year < b.Period.Year
		}
		return periodOrder(a.Period) < periodOrder(b.Period)
	})
	return out, nil
}

// periodOrder orders the periods of a year as a report lists them: months,
// quarters, 6 months, 9 months, the year.
func periodOrder(p Period) int { return p.Kind.rank()*100 + p.N }

func ids(inds []Indicator) []int64 {
	out := make([]int64, len(inds))
	for i, x := range inds {
		out[i] = x.ID
	}
	return out
}
