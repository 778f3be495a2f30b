package indicators

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/db"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// TargetInput sets the target of an indicator for a year or for the term,
// or, with Remove, takes it away.
type TargetInput struct {
	UnitID int64       `json:"unit_id,omitempty"` // 0: the indicator's scope unit
	Term   bool        `json:"term,omitempty"`    // the term's target (years from the indicator's term)
	Year   int         `json:"year,omitempty"`    // the year, when not Term
	Value  vn.Decimal  `json:"value"`
	High   *vn.Decimal `json:"value_high,omitempty"` // range indicators
	Note   string      `json:"note,omitempty"`
	Remove bool        `json:"remove,omitempty"` // remove the target; the values are not read
}

// SetTarget sets (or replaces) one target of an indicator the principal may
// see, or removes it (in.Remove). A range indicator needs a high bound not
// below the low one; others take none. Values are checked like the
// indicator's values. It returns the target as it now is, or as it was
// when removed. Removing a target that is not there is refused, naming the
// year (or term).
func (s *Store) SetTarget(ctx context.Context, p auth.Principal, indicatorID int64, in TargetInput) (Target, error) {
	viewer, err := s.access.Viewer(ctx, p)
	if err != nil {
		return Target{}, err
	}
	var out Target
	err = s.db.Tx(ctx, func(ctx context.Context) error {
		ind, err := s.visible(ctx, viewer, indicatorID)
		if err != nil {
			return err
		}
		var v problem.Validation
		first, last := in.Year, in.Year
		if in.Term {
			first, last = ind.TermFirst, ind.TermLast
			v.Check(first != 0, "term", "indicators.error.no_term")
		} else if v.Check(in.Year >= 1945 && in.Year <= 2200, "year", "indicators.error.year") && ind.TermFirst != 0 && !in.Remove {
			// A term's indicator is planned for the years of its term.
			v.Check(in.Year >= ind.TermFirst && in.Year <= ind.TermLast, "year", "indicators.error.year_outside_term", ind.TermFirst, ind.TermLast)
		}
		if !in.Remove {
			checkTarget(&v, ind, &in)
		}
		if err := v.Err(); err != nil {
			return err
		}
		period := "year"
		if in.Term {
			period = "term"
		}
		before, err := s.targetAt(ctx, indicatorID, in.UnitID, period, first)
		if err != nil {
			return err
		}
		q := s.db.W(ctx)
		if before != nil {
			if _, err := q.ExecContext(ctx, `DELETE FROM indicator_targets WHERE id = $1`, before.ID); err != nil {
				return fmt.Errorf("indicators: replace target: %w", err)
			}
		}
		if in.Remove {
			if before == nil {
				field := "year"
				if in.Term {
					field = "term"
				}
				return problem.InvalidField(field, "indicators.error.no_target")
			}
			out = *before
			return s.log.Record(ctx, audit.Change{Action: "remove_target", Entity: Entity, EntityID: indicatorID, Class: ind.Class, Before: before})
		}
		var high any
		if in.High != nil {
			high = in.High.String()
		}
		out = Target{UnitID: in.UnitID, Term: in.Term, FirstYear: first, LastYear: last, Value: in.Value, High: in.High, Note: in.Note}
		if err := q.QueryRowContext(ctx, `INSERT INTO indicator_targets (indicator_id, unit_id, period, first_year, last_year,
				value, value_high, note, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
			indicatorID, db.Null(in.UnitID), period, first, last, in.Value.String(), high, in.Note,
			db.Null(audit.ActorFrom(ctx).UserID), s.clock.Now().UTC()).Scan(&out.ID); err != nil {
			return fmt.Errorf("indicators: set target: %w", err)
		}
		change := audit.Change{Action: "set_target", Entity: Entity, EntityID: indicatorID, Class: ind.Class, After: out}
		if before != nil {
			change.Before = before
		}
		return s.log.Record(ctx, change)
	})
	return out, err
}

// checkTarget checks the values of a target to set and cleans its note.
func checkTarget(v *problem.Validation, ind Indicator, in *TargetInput) {
	checkValue(v, "value", ind, in.Value)
	switch {
	case ind.Direction == Range && in.High == nil:
		v.Add("value_high", "indicators.error.range_high")
	case ind.Direction == Range:
		checkValue(v, "value_high", ind, *in.High)
		v.Check(in.High.Cmp(in.Value) >= 0, "value_high", "indicators.error.range_order")
	case in.High != nil:
		v.Add("value_high", "indicators.error.range_only")
	}
	in.Note = vn.Clean(in.Note)
	v.MaxLen("note", in.Note, maxSource)
}

// targetAt returns an indicator's target of a unit (0: the scope unit) for
// a period ("year" or "term") starting in first, or nil.
func (s *Store) targetAt(ctx context.Context, indicatorID, unitID int64, period string, first int) (*Target, error) {
	var t Target
	var value string
	var high *string
	err := s.db.W(ctx).QueryRowContext(ctx, `SELECT id, last_year, value, value_high, note FROM indicator_targets
		WHERE indicator_id = $1 AND COALESCE(unit_id, 0) = $2 AND period = $3 AND first_year = $4`,
		indicatorID, unitID, period, first).Scan(&t.ID, &t.LastYear, &value, &high, &t.Note)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("indicators: target: %w", err)
	}
	t.UnitID, t.Term, t.FirstYear = unitID, period == "term", first
	t.setValues(value, high)
	return &t, nil
}

// setValues sets a target's bounds from their stored text.
func (t *Target) setValues(value string, high *string) {
	t.Value = decimal(value)
	if high != nil {
		h := decimal(*high)
		t.High = &h
	}
}

// SetTargets sets or removes several targets of an indicator at once, all
// or none: a unit's years and term from one form. It returns the targets set. Each problem names its target's
// field: "targets[2024].value", "targets[term].value_high".
func (s *Store) SetTargets(ctx context.Context, p auth.Principal, indicatorID int64, in []TargetInput) ([]Target, error) {
	var out []Target
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		var all problem.Validation
		if len(in) == 0 {
			all.Add("targets", "error.required")
		}
		for _, t := range in {
			saved, err := s.SetTarget(ctx, p, indicatorID, t)
			if pe, ok := problem.As(err); ok && pe.Code == problem.Invalid {
				for _, f := range pe.Fields {
					all.Add(TargetField(t)+"."+f.Name, f.Key, f.Args...)
				}
				continue
			}
			if err != nil {
				return err
			}
			if !t.Remove {
				out = append(out, saved)
			}
		}
		return all.Err()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// TargetField names a target among several: "targets[2024]", "targets[term]".
func TargetField(t TargetInput) string {
	if t.Term {
		return "targets[term]"
	}
	return fmt.Sprintf("targets[%d]", t.Year)
}

// targets returns the targets of the indicators ids, by indicator, term
// targets last.
func (s *Store) targets(ctx context.Context, ids []int64) ([]Target, error) {
	all, err := s.targetsOf(ctx, ids)
	if err != nil {
		return nil, err
	}
	var out []Target
	for _, id := range ids {
		out = append(out, all[id]...)
	}
	return out, nil
}

// targetsOf returns the targets of each of the indicators ids.
func (s *Store) targetsOf(ctx context.Context, ids []int64) (map[int64][]Target, error) {
	var args db.Args
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT id, indicator_id, COALESCE(unit_id, 0), period, first_year, last_year,
			value, value_high, note
		FROM indicator_targets WHERE indicator_id IN `+db.In(&args, ids)+`
		ORDER BY indicator_id, period DESC, first_year, COALESCE(unit_id, 0)`, args...)
	if err != nil {
		return nil, fmt.Errorf("indicators: targets: %w", err)
	}
	defer rows.Close()
	out := map[int64][]Target{}
	for rows.Next() {
		var t Target
		var ind int64
		var period, value string
		var high *string
		if err := rows.Scan(&t.ID, &ind, &t.UnitID, &period, &t.FirstYear, &t.LastYear, &value, &high, &t.Note); err != nil {
			return nil, fmt.Errorf("indicators: targets: %w", err)
		}
		t.Term = period == "term"
		t.setValues(value, high)
		out[ind] = append(out[ind], t)
	}
	return out, rows.Err()
}

// targetFor picks the target that applies to a unit in a year (or the
// term): the unit's own, else the scope unit's when the unit is the
// indicator's scope (or the indicator has none).
func targetFor(ind Indicator, ts []Target, unitID int64, year int, term bool) *Target {
	var general *Target
	for i := range ts {
		t := &ts[i]
		if t.Term != term || (!term && t.FirstYear != year) {
			continue
		}
		if t.UnitID == unitID && unitID != 0 {
			return t
		}
		if t.UnitID == 0 {
			general = t
		}
	}
	if general != nil && (ind.ScopeUnitID == 0 || ind.ScopeUnitID == unitID) {
		return general
	}
	return nil
}

// checkValue checks that x is a value the indicator can take.
func checkValue(v *problem.Validation, field string, ind Indicator, x vn.Decimal) {
	switch ind.ValueKind {
	case Percent:
		v.Check(x.Sign() >= 0 && x.Cmp(vn.NewDecimal(100, 0)) <= 0, field, "indicators.error.percent", ind.Measure)
	case Count:
		_, whole := x.Int64()
		switch {
		case x.Sign() < 0:
			v.Add(field, "indicators.error.negative_count", ind.Measure)
		case !whole:
			v.Add(field, "indicators.error.whole", ind.Measure)
		}
	case Amount:
		v.Check(x.Sign() >= 0, field, "indicators.error.negative", ind.Measure)
	}
}
