package indicators

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/org"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// ValueInput enters one value.
type ValueInput struct {
	IndicatorID int64      `json:"indicator_id"`
	UnitID      int64      `json:"unit_id"`
	Period      Period     `json:"period"` // "2025-Q3" or "quý III/2025"
	Status      Status     `json:"status"` // "estimate" or "final"
	Value       vn.Decimal `json:"value"`
	Source      string     `json:"source,omitempty"`
	Note        string     `json:"note,omitempty"`
}

// MayEnter is the rule for entering values for a unit: the committee office
// (indicators.write) may enter for any unit; a unit member
// (indicators.enter) only for their own unit or a unit merged into it,
// whose lineage is given (org.Store.Lineage of the user's unit).
func MayEnter(p auth.Principal, lineage []int64, unitID int64) bool {
	if p.Can(auth.IndicatorsWrite) {
		return true
	}
	return p.Can(auth.IndicatorsEnter) && p.User.UnitID != 0 && slices.Contains(lineage, unitID)
}

// enterer carries what checking many values for one principal needs once.
type enterer struct {
	p       auth.Principal
	viewer  access.Viewer
	lineage []int64
	inds    map[int64]Indicator
}

func (s *Store) newEnterer(ctx context.Context, p auth.Principal) (*enterer, error) {
	e := &enterer{p: p, inds: map[int64]Indicator{}}
	var err error
	if e.viewer, err = s.access.Viewer(ctx, p); err != nil {
		return nil, err
	}
	if p.User.UnitID != 0 && !p.Can(auth.IndicatorsWrite) {
		if e.lineage, err = s.units.Lineage(ctx, p.User.UnitID); err != nil {
			return nil, err
		}
	}
	return e, nil
}

// indicator returns an indicator the principal may see, once per indicator.
func (s *Store) indicatorFor(ctx context.Context, e *enterer, id int64) (Indicator, error) {
	if ind, ok := e.inds[id]; ok {
		return ind, nil
	}
	ind, err := s.visible(ctx, e.viewer, id)
	if err == nil {
		e.inds[id] = ind
	}
	return ind, err
}

// current is the current version of a value, if any.
func (s *Store) current(ctx context.Context, indicatorID, unitID int64, p Period, lock bool) (*Value, error) {
	q := `SELECT ` + valueColumns + ` FROM indicator_values v WHERE v.indicator_id = $1 AND v.unit_id = $2
		AND v.period_kind = $3 AND v.period_start = $4 AND v.is_current`
	if lock && s.db.Dialect == db.Postgres {
		q += ` FOR UPDATE`
	}
	v, err := scanValue(s.db.R(ctx).QueryRowContext(ctx, q, indicatorID, unitID, string(p.Kind), p.First()))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("indicators: current value: %w", err)
	}
	return &v, nil
}

// check validates one value without writing it, returning the indicator.
// Problems name the fields of ValueInput.
func (s *Store) check(ctx context.Context, e *enterer, in *ValueInput) (Indicator, error) {
	in.Source, in.Note = vn.Clean(in.Source), vn.Clean(in.Note)
	var v problem.Validation
	v.Check(in.IndicatorID > 0, "indicator_id", "error.required")
	v.Check(in.UnitID > 0, "unit_id", "error.required")
	v.Check(!in.Period.IsZero(), "period", "error.required")
	v.Check(in.Status == Estimate || in.Status == Final, "status", "error.invalid_choice")
	v.MaxLen("source", in.Source, maxSource)
	v.MaxLen("note", in.Note, maxSource)
	if err := v.Err(); err != nil {
		return Indicator{}, err
	}
	ind, err := s.indicatorFor(ctx, e, in.IndicatorID)
	if err != nil {
		return ind, problem.InvalidField("indicator_id", "indicators.error.indicator_unknown")
	}
	if !MayEnter(e.p, e.lineage, in.UnitID) {
		return ind, &problem.Error{Code: problem.Forbidden, Fields: []problem.Field{{Name: "unit_id", Key: "indicators.error.not_your_unit"}}}
	}
	checkValue(&v, "value", ind, in.Value)
	if !allowed(in.Period, ind.Periodicity) {
		v.Add("period", "indicators.error.periodicity", in.Period.Label(), ind.Periodicity)
	}
	today := s.Today()
	switch {
	case in.Status == Final && !in.Period.Last().Before(today):
		v.Add("period", "indicators.error.final_future", in.Period.Label())
	case in.Status == Estimate && in.Period.First().After(today):
		v.Add("period", "indicators.error.not_begun", in.Period.Label())
	}
	if err := v.Err(); err != nil {
		return ind, err
	}
	if err := s.checkUnitAlive(ctx, in.UnitID, in.Period); err != nil {
		return ind, err
	}
	cur, err := s.current(ctx, ind.ID, in.UnitID, in.Period, false)
	if err != nil {
		return ind, err
	}
	if cur != nil && cur.Status == Final && in.Status == Estimate {
		return ind, &problem.Error{Code: problem.Conflict, Fields: []problem.Field{{Name: "status", Key: "indicators.error.final_exists"}}}
	}
	return ind, nil
}

// checkUnitAlive refuses a unit that did not exist on the period's last
// day, or when neither it nor a unit merged into it existed on its first.
func (s *Store) checkUnitAlive(ctx context.Context, unitID int64, p Period) error {
	u, err := s.units.Get(ctx, unitID, p.Last())
	if err != nil {
		return problem.InvalidField("unit_id", "org.error.unit_unknown")
	}
	if !u.Alive {
		return problem.InvalidField("unit_id", "indicators.error.unit_not_alive", u.Name, p.Label())
	}
	var n int
	if err := s.db.R(ctx).QueryRowContext(ctx, `SELECT count(*) FROM units WHERE id IN `+org.LineageSubquery("$1")+`
		AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2)`, unitID, p.First()).Scan(&n); err != nil {
		return fmt.Errorf("indicators: unit %d on %s: %w", unitID, p.First(), err)
	}
	if n == 0 {
		return problem.InvalidField("unit_id", "indicators.error.unit_not_alive", u.Name, p.Label())
	}
	return nil
}

// Enter records a value: a new version that becomes current, keeping the
// one it supersedes. Entering what is already current changes nothing.
func (s *Store) Enter(ctx context.Context, p auth.Principal, in ValueInput) (Value, error) {
	var out Value
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		e, err := s.newEnterer(ctx, p)
		if err != nil {
			return err
		}
		ind, err := s.check(ctx, e, &in)
		if err != nil {
			return err
		}
		out, _, err = s.write(ctx, ind, in, 0)
		return err
	})
	return out, err
}

// write stores a checked value in the caller's transaction and reports
// whether anything changed.
func (s *Store) write(ctx context.Context, ind Indicator, in ValueInput, importID int64) (Value, bool, error) {
	cur, err := s.current(ctx, ind.ID, in.UnitID, in.Period, true)
	if err != nil {
		return Value{}, false, err
	}
	if cur != nil {
		if cur.Status == Final && in.Status == Estimate {
			return Value{}, false, &problem.Error{Code: problem.Conflict, Fields: []problem.Field{{Name: "status", Key: "indicators.error.final_exists"}}}
		}
		if cur.Status == in.Status && cur.Value == in.Value && cur.Source == in.Source && cur.Note == in.Note {
			return *cur, false, nil
		}
		if _, err := s.db.W(ctx).ExecContext(ctx, `UPDATE indicator_values SET is_current = FALSE WHERE id = $1`, cur.ID); err != nil {
			return Value{}, false, fmt.Errorf("indicators: supersede value %d: %w", cur.ID, err)
		}
	}
	a := audit.ActorFrom(ctx)
	first, last := periodDates(in.Period)
	nv := Value{IndicatorID: ind.ID, UnitID: in.UnitID, Period: in.Period, Status: in.Status, Value: in.Value,
		Source: in.Source, Note: in.Note, Current: true, ImportID: importID, Class: ind.Class, EnteredBy: a.UserID,
		EnteredAt: s.clock.Now().UTC()}
	err = s.db.W(ctx).QueryRowContext(ctx, `INSERT INTO indicator_values (indicator_id, unit_id, period_kind, period_start,
			period_end, status, value, source, note, is_current, import_id, class, entered_by, entered_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, TRUE, $10, $11, $12, $13) RETURNING id`,
		ind.ID, in.UnitID, string(in.Period.Kind), first, last, string(in.Status), in.Value.String(), in.Source, in.Note,
		db.Null(importID), ind.Class, db.Null(a.UserID), nv.EnteredAt).Scan(&nv.ID)
	if db.IsUniqueViolation(err) {
		return Value{}, false, &problem.Error{Code: problem.Conflict, Fields: []problem.Field{{Name: "period", Key: "error.conflict"}}}
	}
	if err != nil {
		return Value{}, false, fmt.Errorf("indicators: enter value: %w", err)
	}
	if cur != nil {
		if _, err := s.db.W(ctx).ExecContext(ctx, `UPDATE indicator_values SET superseded_by = $1 WHERE id = $2`, nv.ID, cur.ID); err != nil {
			return Value{}, false, fmt.Errorf("indicators: supersede value %d: %w", cur.ID, err)
		}
	}
	return nv, true, s.log.Record(ctx, audit.Change{Action: "enter", Entity: ValueEntity, EntityID: nv.ID, Class: ind.Class,
		Before: cur, After: nv})
}

const valueColumns = `v.id, v.indicator_id, v.unit_id, v.period_kind, v.period_start, v.status, v.value, v.source, v.note,
	v.is_current, COALESCE(v.import_id, 0), v.class, COALESCE(v.entered_by, 0), v.entered_at`

func scanValue(r interface{ Scan(...any) error }, extra ...any) (Value, error) {
	var x Value
	var kind PeriodKind
	var first date.Date
	var value string
	err := r.Scan(append([]any{&x.ID, &x.IndicatorID, &x.UnitID, &kind, &first, &x.Status, &value, &x.Source, &x.Note,
		&x.Current, &x.ImportID, &x.Class, &x.EnteredBy, &x.EnteredAt}, extra...)...)
	x.Period = periodOf(kind, first)
	x.Value = decimal(value)
	return x, err
}

// History returns every version of the value of an indicator the viewer
// may see, for a unit and period, newest first, with who entered each.
func (s *Store) History(ctx context.Context, v access.Viewer, indicatorID, unitID int64, p Period) ([]Value, error) {
	if _, err := s.read(ctx, v, indicatorID); err != nil {
		return nil, err
	}
	var args db.Args
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT `+valueColumns+`, COALESCE(us.display_name, '')
		FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id
		LEFT JOIN users us ON us.id = v.entered_by
		WHERE v.indicator_id = `+args.Add(indicatorID)+` AND v.unit_id = `+args.Add(unitID)+`
			AND v.period_kind = `+args.Add(string(p.Kind))+` AND v.period_start = `+args.Add(p.First())+`
			AND `+v.Visible(Entity, "i", &args)+`
		ORDER BY v.entered_at DESC, v.id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("indicators: history: %w", err)
	}
	defer rows.Close()
	var out []Value
	for rows.Next() {
		var name string
		x, err := scanValue(rows, &name)
		if err != nil {
			return nil, fmt.Errorf("indicators: history: %w", err)
		}
		x.EnteredName = name
		out = append(out, x)
	}
	return out, rows.Err()
}
