package org

import (
	"context"
	"errors"
	"fmt"

	"plenum/internal/db"
	"plenum/internal/problem"
)

// MoveInput puts a unit under another parent from a date on.
type MoveInput struct {
	UnitID   int64 `json:"unit_id"`
	ParentID int64 `json:"parent_id"`
	Act
}

// Move records that a unit is under in.ParentID from in.Effective on (until
// the next recorded move, if any). The whole subtree moves with it. Refused
// if the new parent does not exist throughout that time, is at a lower
// level, or is the unit itself or below it at any moment of that time.
func (s *Store) Move(ctx context.Context, in MoveInput) (Unit, error) {
	in.Act.normalize()
	var v problem.Validation
	if in.UnitID <= 0 {
		v.Add("unit_id", "error.required")
	}
	if in.ParentID <= 0 {
		v.Add("parent_id", "error.required")
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
		if err := s.move(ctx, u, in.ParentID, in.Act, "parent_id"); err != nil {
			return err
		}
		out, err = s.Get(ctx, u.ID, in.Effective)
		return err
	})
	if err != nil {
		return Unit{}, err
	}
	return out, nil
}

// move puts u under parentID from a.Effective on, with its event and audit
// entry; field names the new parent in refusals. Merges and splits use it to
// hand children over to their new units.
func (s *Store) move(ctx context.Context, u unitRow, parentID int64, a Act, field string) error {
	if err := checkChangeDate(u, a.Effective); err != nil {
		return err
	}
	cur, err := s.parentSpanAt(ctx, u.ID, a.Effective)
	if err != nil {
		return err
	}
	if cur.From == a.Effective {
		return problem.ConflictField("effective", "org.error.moved_that_day")
	}
	if cur.ParentID == parentID {
		return invalid(field, "org.error.same_parent")
	}
	if parentID == u.ID {
		return problem.ConflictField(field, "org.error.cycle")
	}
	if err := s.checkParent(ctx, field, parentID, u.Level, a.Effective, cur.To); err != nil {
		return err
	}
	cycle, err := s.isAncestorDuring(ctx, u.ID, parentID, a.Effective, cur.To)
	if err != nil {
		return err
	}
	if cycle {
		return problem.ConflictField(field, "org.error.cycle")
	}
	q := s.db.W(ctx)
	if _, err := q.ExecContext(ctx, `UPDATE unit_parents SET valid_to = $1 WHERE id = $2`, a.Effective, cur.ID); err != nil {
		return fmt.Errorf("org: close parent of unit %d: %w", u.ID, err)
	}
	if _, err := q.ExecContext(ctx, `INSERT INTO unit_parents (unit_id, parent_id, valid_from, valid_to) VALUES ($1, $2, $3, $4)`,
		u.ID, parentID, a.Effective, cur.To); err != nil {
		return fmt.Errorf("org: insert parent of unit %d: %w", u.ID, err)
	}
	if _, err := s.insertEvent(ctx, EventMove, u.ID, a); err != nil {
		return err
	}
	return s.record(ctx, "move", u.ID,
		map[string]any{"parent_id": db.Null(cur.ParentID)},
		map[string]any{"parent_id": parentID, "effective": a.Effective, "until": cur.To, "basis": a.Basis, "note": a.Note})
}
