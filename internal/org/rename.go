package org

import (
	"context"
	"errors"
	"fmt"

	"plenum/internal/db"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// RenameInput gives a unit a new name from a date on.
type RenameInput struct {
	UnitID    int64  `json:"unit_id"`
	Name      string `json:"name"`
	ShortName string `json:"short_name,omitempty"`
	Act
}

// Rename records a new name for a unit, effective on in.Effective. The name
// valid that day is closed the day before; if a later rename is already
// recorded, the new name lasts until it.
func (s *Store) Rename(ctx context.Context, in RenameInput) (Unit, error) {
	in.Name, in.ShortName = vn.Clean(in.Name), vn.Clean(in.ShortName)
	in.Act.normalize()
	var v problem.Validation
	if in.UnitID <= 0 {
		v.Add("unit_id", "error.required")
	}
	if v.Required("name", in.Name) {
		v.MaxLen("name", in.Name, maxName)
	}
	v.MaxLen("short_name", in.ShortName, maxShort)
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
		if err := checkChangeDate(u, in.Effective); err != nil {
			return err
		}
		cur, err := s.nameSpanAt(ctx, u.ID, in.Effective)
		if err != nil {
			return err
		}
		if cur.From == in.Effective {
			return problem.ConflictField("effective", "org.error.renamed_that_day")
		}
		if cur.Name == in.Name && cur.ShortName == in.ShortName {
			return invalid("name", "org.error.same_name")
		}
		q := s.db.W(ctx)
		if _, err := q.ExecContext(ctx, `UPDATE unit_names SET valid_to = $1 WHERE id = $2`, in.Effective, cur.ID); err != nil {
			return fmt.Errorf("org: close name of unit %d: %w", u.ID, err)
		}
		sortKey, searchKey := nameKeys(in.Name, in.ShortName)
		if _, err := q.ExecContext(ctx, `INSERT INTO unit_names (unit_id, name, short_name, valid_from, valid_to, sort_key, search_key)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, u.ID, in.Name, in.ShortName, in.Effective, cur.To, sortKey, searchKey); err != nil {
			return fmt.Errorf("org: insert name of unit %d: %w", u.ID, err)
		}
		if _, err := s.insertEvent(ctx, EventRename, u.ID, in.Act); err != nil {
			return err
		}
		if out, err = s.Get(ctx, u.ID, in.Effective); err != nil {
			return err
		}
		return s.record(ctx, "rename", u.ID,
			map[string]any{"name": cur.Name, "short_name": cur.ShortName},
			map[string]any{"name": in.Name, "short_name": in.ShortName, "effective": in.Effective, "until": cur.To,
				"basis": in.Basis, "note": in.Note})
	})
	if err != nil {
		return Unit{}, err
	}
	return out, nil
}
