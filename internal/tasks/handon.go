package tasks

import (
	"context"
	"fmt"
	"strconv"

	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/problem"
)

// Part is one piece of a task handed on to a lower unit. Empty fields take
// the parent's values; the deadline may not be later than the parent's.
type Part struct {
	Title               string    `json:"title,omitempty"`
	Content             string    `json:"content,omitempty"`
	Product             string    `json:"product,omitempty"`
	LeadUnitID          int64     `json:"lead_unit_id"`
	CoordinatorIDs      []int64   `json:"coordinating_unit_ids,omitempty"`
	ResponsiblePersonID int64     `json:"responsible_person_id,omitempty"`
	DueOn               date.Date `json:"due_on"`
}

// HandOn hands a single-deadline task on to one lower unit, or splits it
// among several (one part each), as child tasks: same source and kind, a
// class no lower, a lead unit below the parent's on the day, a deadline no
// later. The parent's progress is from then on the mean of its children's.
// By a member of the parent's lead unit or the office; all parts or none.
func (s *Store) HandOn(ctx context.Context, p auth.Principal, taskID int64, parts []Part) ([]Task, error) {
	if len(parts) == 0 {
		return nil, problem.InvalidField("parts", "error.required")
	}
	var out []Task
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		t, err := s.writable(ctx, p, taskID, false)
		if err != nil {
			return err
		}
		if len(t.Occurrences) != 1 {
			return problem.ConflictField("parts", "tasks.handon_recurring")
		}
		if err := checkOpen(t, t.Occurrences[0]); err != nil {
			return err
		}
		start := s.Today()
		if start.Before(t.StartOn) {
			start = t.StartOn
		}
		for i, part := range parts {
			prefix := "parts[" + strconv.Itoa(i) + "]."
			due := part.DueOn
			if due.IsZero() {
				due = t.DueOn
			}
			if due.After(t.DueOn) {
				return problem.InvalidField(prefix+"due_on", "tasks.after_parent", t.DueOn.String())
			}
			if err := s.checkBelow(ctx, prefix+"lead_unit_id", part.LeadUnitID, t.LeadUnit.ID, start); err != nil {
				return err
			}
			in := Input{Kind: t.Kind, SourceKind: t.SourceKind, SourceID: t.SourceID, Title: or(part.Title, t.Title),
				Content: or(part.Content, t.Content), Product: or(part.Product, t.Product), Priority: t.Priority,
				LeadUnitID: part.LeadUnitID, CoordinatorIDs: part.CoordinatorIDs, ResponsiblePersonID: part.ResponsiblePersonID,
				StartOn: start, DueOn: due, Class: t.OwnClass, parentID: t.ID}
			id, err := s.createChild(ctx, p, in, prefix)
			if err != nil {
				return err
			}
			c, err := s.load(ctx, id, s.Today())
			if err != nil {
				return err
			}
			if err := s.event(ctx, t.ID, 0, "handed_on", c.LeadUnit.Name+": "+c.Title); err != nil {
				return err
			}
			out = append(out, c)
		}
		return s.rollUp(ctx, out[0])
	})
	return out, err
}

// createChild creates a part, naming its fields with the part's prefix.
// The source is not looked up again: the child inherits the parent's.
func (s *Store) createChild(ctx context.Context, p auth.Principal, in Input, prefix string) (int64, error) {
	src := in.SourceKind
	in.SourceKind, in.SourceID = NoSource, 0
	id, err := s.create(ctx, p, in, "")
	if err != nil {
		if pe, ok := problem.As(err); ok {
			for i := range pe.Fields {
				pe.Fields[i].Name = prefix + pe.Fields[i].Name
			}
		}
		return 0, err
	}
	if src == NoSource {
		return id, nil
	}
	// Copy the parent's source as it was recorded.
	_, err = s.db.W(ctx).ExecContext(ctx, `UPDATE tasks SET (source_kind, source_id, source_label, document_id) =
		(SELECT p.source_kind, p.source_id, p.source_label, p.document_id FROM tasks p WHERE p.id = $1) WHERE id = $2`, in.parentID, id)
	if err == nil {
		_, err = s.db.W(ctx).ExecContext(ctx, `UPDATE task_occurrences SET document_id = (SELECT document_id FROM tasks WHERE id = $1)
			WHERE task_id = $1`, id)
	}
	if err != nil {
		return 0, fmt.Errorf("tasks: source of part %d: %w", id, err)
	}
	return id, nil
}

// checkBelow refuses a unit that is not strictly below parent on day.
func (s *Store) checkBelow(ctx context.Context, field string, unit, parent int64, day date.Date) error {
	if unit == 0 {
		return problem.InvalidField(field, "error.required")
	}
	path, err := s.org.Path(ctx, unit, day)
	if err != nil {
		return err
	}
	if len(path) == 0 {
		return problem.InvalidField(field, "tasks.unit_not_alive", day.String())
	}
	for _, u := range path[:len(path)-1] {
		if u.ID == parent {
			return nil
		}
	}
	return problem.InvalidField(field, "tasks.not_below")
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
