package org

import (
	"context"
	"fmt"

	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/problem"
)

// CreateInput creates a unit effective on a date. A unit without a parent
// is a root (the Central Committee).
type CreateInput struct {
	NewUnit
	Act
}

// Create records a new unit, effective on in.Effective.
func (s *Store) Create(ctx context.Context, in CreateInput) (Unit, error) {
	in.NewUnit.normalize()
	in.Act.normalize()
	var v problem.Validation
	in.NewUnit.validate(&v, "")
	in.Act.validate(&v)
	if err := v.Err(); err != nil {
		return Unit{}, err
	}
	var out Unit
	err := s.change(ctx, func(ctx context.Context) error {
		id, err := s.insertUnit(ctx, in.NewUnit, in.Effective, "")
		if err != nil {
			return err
		}
		if _, err := s.insertEvent(ctx, EventCreate, id, in.Act); err != nil {
			return err
		}
		if out, err = s.Get(ctx, id, in.Effective); err != nil {
			return err
		}
		return s.record(ctx, "create", id, nil, map[string]any{"unit": out, "basis": in.Basis, "note": in.Note})
	})
	if err != nil {
		return Unit{}, err
	}
	return out, nil
}

// insertUnit writes a unit that begins on from, with its first name and
// parent; prefix names the nested input in refusals. It writes no event:
// the caller records the operation that brought the unit into being.
func (s *Store) insertUnit(ctx context.Context, n NewUnit, from date.Date, prefix string) (int64, error) {
	if n.ParentID != 0 {
		if err := s.checkParent(ctx, prefix+"parent_id", n.ParentID, n.Level, from, date.Date{}); err != nil {
			return 0, err
		}
	}
	if n.Code != "" {
		var taken int
		if err := s.db.R(ctx).QueryRowContext(ctx, `SELECT count(*) FROM units WHERE code = $1`, n.Code).Scan(&taken); err != nil {
			return 0, fmt.Errorf("org: check code: %w", err)
		}
		if taken > 0 {
			return 0, problem.ConflictField(prefix+"code", "org.error.code_taken")
		}
	}
	q := s.db.W(ctx)
	now := s.clock.Now().UTC()
	var id int64
	if err := q.QueryRowContext(ctx, `INSERT INTO units (kind, level, code, valid_from, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`,
		string(n.Kind), string(n.Level), nullText(n.Code), from, now).Scan(&id); err != nil {
		return 0, fmt.Errorf("org: insert unit: %w", err)
	}
	sortKey, searchKey := nameKeys(n.Name, n.ShortName)
	if _, err := q.ExecContext(ctx, `INSERT INTO unit_names (unit_id, name, short_name, valid_from, sort_key, search_key)
		VALUES ($1, $2, $3, $4, $5, $6)`, id, n.Name, n.ShortName, from, sortKey, searchKey); err != nil {
		return 0, fmt.Errorf("org: insert name of unit %d: %w", id, err)
	}
	if _, err := q.ExecContext(ctx, `INSERT INTO unit_parents (unit_id, parent_id, valid_from) VALUES ($1, $2, $3)`,
		id, db.Null(n.ParentID), from); err != nil {
		return 0, fmt.Errorf("org: insert parent of unit %d: %w", id, err)
	}
	return id, nil
}
