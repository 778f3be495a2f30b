package org

import (
	"context"
	"errors"
	"fmt"

	"plenum/internal/db"
	"plenum/internal/problem"
)

// SplitInput divides a unit into several: new units the split creates,
// existing units that take over part of its work, or both. The source either
// ends (SourceContinues false) or carries on with what is left.
type SplitInput struct {
	SourceID        int64       `json:"source_id"`
	SourceContinues bool        `json:"source_continues,omitempty"`
	Into            []SplitPart `json:"into"`
	Act
}

// SplitPart is one unit a split gives work to: exactly one of UnitID (an
// existing unit) and New.
type SplitPart struct {
	UnitID int64    `json:"unit_id,omitempty"`
	New    *NewUnit `json:"new,omitempty"`
	// Children are subordinate units of the source that move under this
	// part on the effective date.
	Children []int64 `json:"children,omitempty"`
}

// Split records the division of a unit on in.Effective, with a succession
// edge from the source to every part. It returns the parts as of that date,
// in the order given.
func (s *Store) Split(ctx context.Context, in SplitInput) ([]Unit, error) {
	in.Act.normalize()
	var v problem.Validation
	if in.SourceID <= 0 {
		v.Add("source_id", "error.required")
	}
	resulting := len(in.Into)
	if in.SourceContinues {
		resulting++
	}
	if resulting < 2 {
		v.Add("into", "org.error.split_parts")
	}
	seenPart := map[int64]bool{}
	seenChild := map[int64]bool{}
	for i := range in.Into {
		p := &in.Into[i]
		prefix := fmt.Sprintf("into[%d].", i)
		switch {
		case (p.UnitID == 0) == (p.New == nil):
			v.Add(fmt.Sprintf("into[%d]", i), "org.error.split_part")
		case p.UnitID < 0:
			v.Add(prefix+"unit_id", "org.error.unit_unknown")
		case p.UnitID != 0 && p.UnitID == in.SourceID:
			v.Add(prefix+"unit_id", "org.error.split_into_self")
		case p.UnitID != 0 && seenPart[p.UnitID]:
			v.Add(prefix+"unit_id", "org.error.duplicate_unit")
		case p.New != nil:
			p.New.normalize()
			p.New.validate(&v, prefix+"new.")
		}
		seenPart[p.UnitID] = true
		for j, c := range p.Children {
			field := fmt.Sprintf("%schildren[%d]", prefix, j)
			switch {
			case c <= 0:
				v.Add(field, "org.error.unit_unknown")
			case seenChild[c]:
				v.Add(field, "org.error.duplicate_unit")
			}
			seenChild[c] = true
		}
	}
	in.Act.validate(&v)
	if err := v.Err(); err != nil {
		return nil, err
	}
	d := in.Effective
	var out []Unit
	err := s.change(ctx, func(ctx context.Context) error {
		src, err := s.loadUnit(ctx, in.SourceID)
		if errors.Is(err, db.ErrNotFound) {
			return unknownUnit("source_id")
		}
		if err != nil {
			return err
		}
		if in.SourceContinues {
			if err := checkChangeDate(src, d); err != nil {
				return err
			}
		} else {
			if !src.To.IsZero() {
				return problem.ConflictField("source_id", "org.error.ended", dmy(src.To))
			}
			if !d.After(src.From) {
				return invalid("effective", "org.error.after_start", dmy(src.From))
			}
		}
		parts := make([]int64, len(in.Into))
		for i, p := range in.Into {
			prefix := fmt.Sprintf("into[%d].", i)
			if p.UnitID != 0 {
				u, err := s.loadUnit(ctx, p.UnitID)
				if errors.Is(err, db.ErrNotFound) {
					return invalid(prefix+"unit_id", "org.error.unit_unknown")
				}
				if err != nil {
					return err
				}
				if !u.To.IsZero() && !u.To.After(d) {
					return problem.ConflictField(prefix+"unit_id", "org.error.target_ended", dmy(u.To))
				}
				if u.From.After(d) {
					return invalid(prefix+"unit_id", "org.error.not_alive", dmy(d))
				}
				parts[i] = u.ID
				continue
			}
			if !in.SourceContinues && p.New.ParentID == src.ID {
				return problem.ConflictField(prefix+"new.parent_id", "org.error.parent_ends", dmy(d))
			}
			if parts[i], err = s.insertUnit(ctx, *p.New, d, prefix+"new."); err != nil {
				return err
			}
		}
		for i, p := range in.Into {
			for j, c := range p.Children {
				field := fmt.Sprintf("into[%d].children[%d]", i, j)
				child, err := s.loadUnit(ctx, c)
				if errors.Is(err, db.ErrNotFound) {
					return invalid(field, "org.error.unit_unknown")
				}
				if err != nil {
					return err
				}
				if !child.aliveOn(d) {
					return invalid(field, "org.error.not_child", dmy(d))
				}
				ps, err := s.parentSpanAt(ctx, c, d)
				if err != nil {
					return err
				}
				if ps.ParentID != src.ID {
					return invalid(field, "org.error.not_child", dmy(d))
				}
				if err := s.move(ctx, child, parts[i], in.Act, field); err != nil {
					return err
				}
			}
		}
		if !in.SourceContinues {
			if err := s.checkCanEnd(ctx, src, d, "source_id", nil); err != nil {
				return err
			}
			if err := s.endUnit(ctx, src, d, SplitUp); err != nil {
				return err
			}
		}
		eventID, err := s.insertEvent(ctx, EventSplit, src.ID, in.Act)
		if err != nil {
			return err
		}
		for i, id := range parts {
			if err := s.insertSuccession(ctx, eventID, src.ID, id); err != nil {
				return err
			}
			u, err := s.Get(ctx, id, d)
			if err != nil {
				return err
			}
			out = append(out, u)
			var before any
			if in.Into[i].UnitID != 0 {
				before = map[string]any{"predecessor_id": nil}
			}
			if err := s.record(ctx, "split", id, before,
				map[string]any{"predecessor_id": src.ID, "effective": d, "created": in.Into[i].UnitID == 0, "unit": u,
					"basis": in.Basis, "note": in.Note}); err != nil {
				return err
			}
		}
		before := map[string]any{"valid_to": nil}
		after := map[string]any{"successor_ids": parts, "continues": in.SourceContinues, "basis": in.Basis, "note": in.Note}
		if !in.SourceContinues {
			after["valid_to"], after["end_reason"] = d, SplitUp
		}
		return s.record(ctx, "split", src.ID, before, after)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
