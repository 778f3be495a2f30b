package org

import (
	"context"
	"errors"
	"fmt"

	"plenum/internal/db"
	"plenum/internal/problem"
)

// MergeInput merges one or more units into one: an existing unit that
// continues (TargetID), or a new unit the merge creates (NewTarget).
type MergeInput struct {
	SourceIDs []int64  `json:"source_ids"`
	TargetID  int64    `json:"target_id,omitempty"`
	NewTarget *NewUnit `json:"new_target,omitempty"`
	// AdoptChildren moves the sources' subordinate units that outlive them
	// under the target on the same date. Without it, such units must be
	// moved, merged or dissolved first, and the merge is refused naming them.
	AdoptChildren bool `json:"adopt_children,omitempty"`
	Act
}

// Merge records that the sources end on in.Effective and their work passes
// to the target: each source gets end reason "merged" and a succession edge
// to the target, so that Lineage of the target reaches them. It returns the
// target as of the effective date.
func (s *Store) Merge(ctx context.Context, in MergeInput) (Unit, error) {
	in.Act.normalize()
	if in.NewTarget != nil {
		in.NewTarget.normalize()
	}
	var v problem.Validation
	if len(in.SourceIDs) == 0 {
		v.Add("source_ids", "org.error.sources_required")
	}
	seen := map[int64]bool{}
	for i, id := range in.SourceIDs {
		field := fmt.Sprintf("source_ids[%d]", i)
		switch {
		case id <= 0:
			v.Add(field, "org.error.unit_unknown")
		case seen[id]:
			v.Add(field, "org.error.duplicate_unit")
		}
		seen[id] = true
	}
	switch {
	case (in.TargetID == 0) == (in.NewTarget == nil):
		v.Add("target_id", "org.error.target_required")
	case in.TargetID < 0:
		v.Add("target_id", "org.error.unit_unknown")
	case in.TargetID != 0 && seen[in.TargetID]:
		v.Add("target_id", "org.error.merge_into_self")
	case in.NewTarget != nil:
		in.NewTarget.validate(&v, "new_target.")
	}
	in.Act.validate(&v)
	if err := v.Err(); err != nil {
		return Unit{}, err
	}
	d := in.Effective
	var out Unit
	err := s.change(ctx, func(ctx context.Context) error {
		sources := make([]unitRow, len(in.SourceIDs))
		for i, id := range in.SourceIDs {
			field := fmt.Sprintf("source_ids[%d]", i)
			u, err := s.loadUnit(ctx, id)
			if errors.Is(err, db.ErrNotFound) {
				return invalid(field, "org.error.unit_unknown")
			}
			if err != nil {
				return err
			}
			if !u.To.IsZero() {
				return problem.ConflictField(field, "org.error.ended", dmy(u.To))
			}
			if !d.After(u.From) {
				return invalid("effective", "org.error.after_start", dmy(u.From))
			}
			sources[i] = u
		}
		targetID := in.TargetID
		if targetID != 0 {
			t, err := s.loadUnit(ctx, targetID)
			if errors.Is(err, db.ErrNotFound) {
				return invalid("target_id", "org.error.unit_unknown")
			}
			if err != nil {
				return err
			}
			if !t.To.IsZero() && !t.To.After(d) {
				return problem.ConflictField("target_id", "org.error.target_ended", dmy(t.To))
			}
			if t.From.After(d) {
				return invalid("target_id", "org.error.not_alive", dmy(d))
			}
			ancestors, err := s.ancestorsOn(ctx, targetID, d)
			if err != nil {
				return err
			}
			for _, a := range ancestors {
				if seen[a] {
					return problem.ConflictField("target_id", "org.error.target_under_source")
				}
			}
		} else {
			if seen[in.NewTarget.ParentID] {
				return problem.ConflictField("new_target.parent_id", "org.error.parent_ends", dmy(d))
			}
			id, err := s.insertUnit(ctx, *in.NewTarget, d, "new_target.")
			if err != nil {
				return err
			}
			targetID = id
		}
		if in.AdoptChildren {
			for _, src := range sources {
				if err := s.adoptChildren(ctx, src.ID, targetID, seen, in.Act); err != nil {
					return err
				}
			}
		}
		for i, src := range sources {
			if err := s.checkCanEnd(ctx, src, d, fmt.Sprintf("source_ids[%d]", i), seen); err != nil {
				return err
			}
		}
		for _, src := range sources {
			if err := s.endUnit(ctx, src, d, Merged); err != nil {
				return err
			}
		}
		eventID, err := s.insertEvent(ctx, EventMerge, targetID, in.Act)
		if err != nil {
			return err
		}
		for _, src := range sources {
			if err := s.insertSuccession(ctx, eventID, src.ID, targetID); err != nil {
				return err
			}
			if err := s.record(ctx, "merge", src.ID, map[string]any{"valid_to": nil},
				map[string]any{"valid_to": d, "end_reason": Merged, "successor_id": targetID, "basis": in.Basis, "note": in.Note}); err != nil {
				return err
			}
		}
		if out, err = s.Get(ctx, targetID, d); err != nil {
			return err
		}
		var before any
		if in.TargetID != 0 {
			before = map[string]any{"predecessor_ids": []int64{}}
		}
		return s.record(ctx, "merge", targetID, before,
			map[string]any{"predecessor_ids": in.SourceIDs, "effective": d, "created": in.TargetID == 0, "unit": out,
				"basis": in.Basis, "note": in.Note})
	})
	if err != nil {
		return Unit{}, err
	}
	return out, nil
}

// adoptChildren moves under target, on a.Effective, the subordinate units of
// source that are under it that day and outlive it, except those that end
// in the same operation.
func (s *Store) adoptChildren(ctx context.Context, source, target int64, ending map[int64]bool, a Act) error {
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT unit_id FROM unit_parents
		WHERE parent_id = $1 AND valid_from < $2 AND (valid_to IS NULL OR valid_to > $2) ORDER BY unit_id`, source, a.Effective)
	if err != nil {
		return fmt.Errorf("org: children of unit %d: %w", source, err)
	}
	var children []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		if !ending[id] {
			children = append(children, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range children {
		c, err := s.loadUnit(ctx, id)
		if err != nil {
			return err
		}
		if err := s.move(ctx, c, target, a, "adopt_children"); err != nil {
			return err
		}
	}
	return nil
}
