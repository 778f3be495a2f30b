package org

import (
	"context"
	"errors"

	"plenum/internal/db"
	"plenum/internal/problem"
)

// DissolveInput ends a unit without a successor.
type DissolveInput struct {
	UnitID int64 `json:"unit_id"`
	Act
}

// Dissolve records that a unit ceases to exist on in.Effective (its last
// day is the day before). Refused while a subordinate unit would outlive it:
// move, merge or dissolve those first — the refusal names them. Posts still
// held in the unit end with it.
func (s *Store) Dissolve(ctx context.Context, in DissolveInput) (Unit, error) {
	in.Act.normalize()
	var v problem.Validation
	if in.UnitID <= 0 {
		v.Add("unit_id", "error.required")
	}
	in.Act.validate(&v)
	if err := v.Err(); err != nil {
		return Unit{}, err
	}
	var out Unit
	err := s.change(ctx, func(ctx context.Context) error {
		u, err := s.loadUnit(ctx, in.UnitID)
		if errors.Is(err, db.ErrNotFound) {
			return unknownUnit("unit_id")
		}
		if err != nil {
			return err
		}
		if err := s.checkCanEnd(ctx, u, in.Effective, "unit_id", nil); err != nil {
			return err
		}
		if err := s.endUnit(ctx, u, in.Effective, Dissolved); err != nil {
			return err
		}
		if _, err := s.insertEvent(ctx, EventDissolve, u.ID, in.Act); err != nil {
			return err
		}
		if out, err = s.Get(ctx, u.ID, in.Effective); err != nil {
			return err
		}
		return s.record(ctx, "dissolve", u.ID, map[string]any{"valid_to": nil},
			map[string]any{"valid_to": in.Effective, "end_reason": Dissolved, "basis": in.Basis, "note": in.Note})
	})
	if err != nil {
		return Unit{}, err
	}
	return out, nil
}
