package indicators

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"plenum/internal/access"
	"plenum/internal/clock"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/vn"
)

// member is a unit whose values count towards another's total as of a
// date: the unit itself (Merged zero) or a unit merged into it, directly or
// through others, on Merged.
type member struct {
	ID     int64
	Merged date.Date
}

// members returns the unit and the units merged into it on or before asOf.
func (s *Store) members(ctx context.Context, unitID int64, asOf date.Date) ([]member, error) {
	g, err := s.mergers(ctx, []int64{unitID})
	if err != nil {
		return nil, err
	}
	return g.members(unitID, asOf), nil
}

// mergeGraph holds, for each unit, the units merged into it and when.
type mergeGraph map[int64][]member

// mergers returns the merges that lead into the units, directly or through
// others; with no units, every merge.
func (s *Store) mergers(ctx context.Context, unitIDs []int64) (mergeGraph, error) {
	var args db.Args
	into := ""
	if len(unitIDs) > 0 {
		into = ` AND ls.successor_id IN (WITH RECURSIVE lin(id) AS (
				SELECT id FROM units WHERE id IN ` + db.In(&args, unitIDs) + `
				UNION
				SELECT s.predecessor_id FROM lin JOIN unit_successions s ON s.successor_id = lin.id
				JOIN unit_events m ON m.id = s.event_id WHERE m.kind = 'merge')
			SELECT id FROM lin)`
	}
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT ls.successor_id, ls.predecessor_id, e.effective
		FROM unit_successions ls JOIN unit_events e ON e.id = ls.event_id
		WHERE e.kind = 'merge'`+into, args...)
	if err != nil {
		return nil, fmt.Errorf("indicators: merges: %w", err)
	}
	defer rows.Close()
	g := mergeGraph{}
	for rows.Next() {
		var successor int64
		var m member
		if err := rows.Scan(&successor, &m.ID, &m.Merged); err != nil {
			return nil, fmt.Errorf("indicators: merges: %w", err)
		}
		g[successor] = append(g[successor], m)
	}
	return g, rows.Err()
}

// members returns the unit and the units merged into it on or before asOf,
// each with the day of its own merge.
func (g mergeGraph) members(unitID int64, asOf date.Date) []member {
	out := []member{{ID: unitID}}
	seen := map[int64]bool{unitID: true}
	for i := 0; i < len(out); i++ {
		for _, m := range g[out[i].ID] {
			if !seen[m.ID] && !asOf.Before(m.Merged) {
				seen[m.ID] = true
				out = append(out, m)
			}
		}
	}
	return out
}

// valueKey finds a current value.
type valueKey struct {
	ind, unit int64
	period    Period
}

// values are current values by key.
type values map[valueKey]Value

// currentValues loads the values of the indicators for the units and
// periods, of indicators the viewer may see, as they stood on asOf (zero:
// today): for a period over by then, the current value, the best knowledge
// of it (a history entered later is still the history of that period); for
// a period still running then, the last value entered by that day, an
// estimate made during the period, or none.
func (s *Store) currentValues(ctx context.Context, v access.Viewer, inds, units []int64, periods []Period, asOf date.Date) (values, error) {
	out := values{}
	if len(inds) == 0 || len(units) == 0 || len(periods) == 0 {
		return out, nil
	}
	var over, running []Period
	for _, p := range periods {
		if asOf.IsZero() || !asOf.Before(s.Today()) || !asOf.Before(p.Last()) {
			over = append(over, p)
		} else {
			running = append(running, p)
		}
	}
	if err := s.loadValues(ctx, out, v, inds, units, over, time.Time{}); err != nil {
		return nil, err
	}
	// Values entered before the day after asOf began in Vietnam.
	next := asOf.AddDays(1)
	cutoff := time.Date(next.Year, time.Month(next.Month), next.Day, 0, 0, 0, 0, clock.Vietnam)
	if err := s.loadValues(ctx, out, v, inds, units, running, cutoff); err != nil {
		return nil, err
	}
	return out, nil
}

// loadValues adds to out the current values of the indicators for the
// units and periods or, with a cutoff, the last value of each entered before it.
func (s *Store) loadValues(ctx context.Context, out values, v access.Viewer, inds, units []int64, periods []Period, cutoff time.Time) error {
	if len(periods) == 0 {
		return nil
	}
	var args db.Args
	var when []string
	for _, p := range periods {
		when = append(when, "(v.period_kind = "+args.Add(string(p.Kind))+" AND v.period_start = "+args.Add(p.First())+")")
	}
	version := `v.is_current`
	if !cutoff.IsZero() {
		version = `v.entered_at < ` + args.Add(cutoff.UTC())
	}
	query := `SELECT ` + valueColumns + ` FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id
		WHERE ` + version + ` AND v.unit_id IN ` + db.In(&args, units) + ` AND v.indicator_id IN ` + db.In(&args, inds) + `
			AND (` + strings.Join(when, " OR ") + `) AND ` + v.Visible(Entity, "i", &args) + `
		ORDER BY v.entered_at, v.id`
	rows, err := s.db.R(ctx).QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("indicators: values: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		x, err := scanValue(rows)
		if err != nil {
			return fmt.Errorf("indicators: values: %w", err)
		}
		out[valueKey{x.IndicatorID, x.UnitID, x.Period}] = x // the last entered wins
	}
	return rows.Err()
}

// Why a total could not be made.
const (
	ReasonNotAdditive = "not_additive" // several units' values of a not-additive indicator
	ReasonNoWeight    = "no_weight"    // a weight of a weighted average is missing
)

// combine makes the total of ind for unit (whose members are ms) in period
// p from vals: see the package doc. It returns nil and a reason when no
// total can be made from the values there are, nil and "" when there are none.
func combine(ind Indicator, unitID int64, ms []member, p Period, vals values) (*Figure, string) {
	var parts []Value
	expected := 1
	if x, ok := vals[valueKey{ind.ID, unitID, p}]; ok {
		parts = append(parts, x)
	}
	for _, m := range ms {
		if m.ID == unitID || !p.Last().Before(m.Merged) {
			continue
		}
		expected++
		if x, ok := vals[valueKey{ind.ID, m.ID, p}]; ok {
			parts = append(parts, x)
		}
	}
	if len(parts) == 0 {
		return nil, ""
	}
	f := &Figure{Partial: len(parts) < expected}
	for _, x := range parts {
		f.Estimate = f.Estimate || x.Status == Estimate
	}
	if len(parts) == 1 && parts[0].UnitID == unitID && expected == 1 {
		f.Value = parts[0].Value
		return f, ""
	}
	scale := 0
	for _, x := range parts {
		scale = max(scale, scaleOf(x.Value))
	}
	switch ind.Aggregation {
	case NotAdditive:
		return nil, ReasonNotAdditive
	case Max:
		f.Value = parts[0].Value
		for _, x := range parts[1:] {
			if x.Value.Cmp(f.Value) > 0 {
				f.Value = x.Value
			}
		}
	case WeightedAvg:
		var sum, weights float64
		for _, x := range parts {
			w, ok := vals[valueKey{ind.WeightID, x.UnitID, p}]
			if !ok {
				return nil, ReasonNoWeight
			}
			sum += x.Value.Float64() * w.Value.Float64()
			weights += w.Value.Float64()
		}
		if weights == 0 {
			return nil, ReasonNoWeight
		}
		f.Value = fromFloat(sum/weights, max(scale, 2))
	default:
		var sum float64
		for _, x := range parts {
			sum += x.Value.Float64()
		}
		f.Value = fromFloat(sum, scale)
	}
	return f, ""
}

// combinedTarget is the target of a total: the targets of the units whose
// values make it (the unit's own, or its scope's, and those of the units
// merged into it whose values count for p) combined as their values are.
// When one of them has no target there is none; a not-additive indicator
// keeps the unit's own.
func combinedTarget(ind Indicator, ts []Target, unitID int64, ms []member, p Period, vals values) *Target {
	own := targetFor(ind, ts, unitID, p.Year, false)
	var parts []*Target
	var weights []float64
	for _, m := range ms {
		if m.ID != unitID && !p.Last().Before(m.Merged) {
			continue
		}
		t := own
		if m.ID != unitID {
			t = targetFor(ind, ts, m.ID, p.Year, false)
		}
		if t == nil {
			return nil
		}
		parts = append(parts, t)
		if ind.Aggregation == WeightedAvg {
			w, ok := vals[valueKey{ind.WeightID, m.ID, p}]
			if !ok {
				return nil
			}
			weights = append(weights, w.Value.Float64())
		}
	}
	if len(parts) <= 1 || ind.Aggregation == NotAdditive {
		// A not-additive total has no figure (it shows as no data), but
		// the unit's own target still says what was aimed at.
		return own
	}
	out := &Target{FirstYear: p.Year, LastYear: p.Year}
	pick := func(get func(t *Target) vn.Decimal) vn.Decimal {
		scale := 0
		var acc, wsum float64
		best := get(parts[0])
		for i, t := range parts {
			x := get(t)
			scale = max(scale, scaleOf(x))
			switch ind.Aggregation {
			case WeightedAvg:
				acc += x.Float64() * weights[i]
				wsum += weights[i]
			case Max:
				if x.Cmp(best) > 0 {
					best = x
				}
			default:
				acc += x.Float64()
			}
		}
		switch ind.Aggregation {
		case Max:
			return best
		case WeightedAvg:
			if wsum == 0 {
				return vn.Decimal{}
			}
			return fromFloat(acc/wsum, max(scale, 2))
		}
		return fromFloat(acc, scale)
	}
	out.Value = pick(func(t *Target) vn.Decimal { return t.Value })
	if own.High != nil {
		h := pick(func(t *Target) vn.Decimal {
			if t.High == nil {
				return t.Value
			}
			return *t.High
		})
		out.High = &h
	}
	return out
}

// scaleOf is the number of digits after the decimal mark.
func scaleOf(d vn.Decimal) int {
	s := d.String()
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

// fromFloat rounds x to scale decimals.
func fromFloat(x float64, scale int) vn.Decimal {
	return decimal(strconv.FormatFloat(x, 'f', scale, 64))
}

// Total is the figure of an indicator for a unit and period as of a date,
// with the units merged into it then; see the package doc.
type Total struct {
	IndicatorID int64     `json:"indicator_id"`
	UnitID      int64     `json:"unit_id"`
	Period      Period    `json:"period"`
	AsOf        date.Date `json:"as_of"`
	Figure      *Figure   `json:"figure,omitempty"`
	Reason      string    `json:"reason,omitempty"` // why there is no figure although there are values
	Units       []int64   `json:"units"`            // the unit and those merged into it by AsOf
}

// TotalOf returns the total of one indicator the viewer may see.
func (s *Store) TotalOf(ctx context.Context, v access.Viewer, indicatorID, unitID int64, p Period, asOf date.Date) (Total, error) {
	if asOf.IsZero() {
		asOf = s.Today()
	}
	ind, err := s.read(ctx, v, indicatorID)
	if err != nil {
		return Total{}, err
	}
	ms, err := s.members(ctx, unitID, asOf)
	if err != nil {
		return Total{}, err
	}
	vals, err := s.currentValues(ctx, v, withWeights([]Indicator{ind}), memberIDs(ms), []Period{p}, asOf)
	if err != nil {
		return Total{}, err
	}
	t := Total{IndicatorID: indicatorID, UnitID: unitID, Period: p, AsOf: asOf, Units: memberIDs(ms)}
	t.Figure, t.Reason = combine(ind, unitID, ms, p, vals)
	return t, nil
}

func memberIDs(ms []member) []int64 {
	ids := make([]int64, len(ms))
	for i, m := range ms {
		ids[i] = m.ID
	}
	return ids
}

// withWeights returns the ids of the indicators and of their weight indicators.
func withWeights(inds []Indicator) []int64 {
	var ids []int64
	for _, x := range inds {
		ids = append(ids, x.ID)
		if x.WeightID != 0 {
			ids = append(ids, x.WeightID)
		}
	}
	return ids
}
