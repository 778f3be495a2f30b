package tasks

import (
	"context"
	"fmt"

	"plenum/internal/auth"
	"plenum/internal/db"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// EditInput is what the office may correct in a task once given: what it
// says, its priority, who helps the lead unit and who is responsible. The
// lead unit changes by handing on, a deadline by Extend, the class with the
// source's; a task given wrongly is cancelled.
type EditInput struct {
	Title               string   `json:"title"`
	Content             string   `json:"content,omitempty"`
	Product             string   `json:"product,omitempty"`
	Priority            Priority `json:"priority,omitempty"` // normal unless given
	CoordinatorIDs      []int64  `json:"coordinating_unit_ids,omitempty"`
	ResponsiblePersonID int64    `json:"responsible_person_id,omitempty"`
}

// Edit corrects a task that is not cancelled, as the office. Coordinating
// units must exist today; they and the responsible person's accounts get
// the need to know a classified task, and those removed lose it. The
// responsible person of the deadlines still open follows; finished ones
// keep who did them. The history and the log keep the task as it was.
func (s *Store) Edit(ctx context.Context, p auth.Principal, id int64, in EditInput) (Task, error) {
	in.Title, in.Content, in.Product = vn.Clean(in.Title), vn.CleanText(in.Content), vn.Clean(in.Product)
	if in.Priority == "" {
		in.Priority = Normal
	}
	var out Task
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		if !p.Can(auth.TasksWrite) {
			return problem.New(problem.Forbidden, "")
		}
		t, err := s.writable(ctx, p, id, false)
		if err != nil {
			return err
		}
		if !t.CancelledOn.IsZero() {
			return problem.ConflictField("title", "tasks.is_cancelled")
		}
		var v problem.Validation
		if v.Required("title", in.Title) {
			v.MaxLen("title", in.Title, maxTitle)
		}
		v.MaxLen("content", in.Content, maxContent)
		v.MaxLen("product", in.Product, maxProduct)
		v.Check(in.Priority.Valid(), "priority", "error.invalid_choice")
		seen := map[int64]bool{t.LeadUnit.ID: true}
		for i, u := range in.CoordinatorIDs {
			v.Check(!seen[u], fmt.Sprintf("coordinating_unit_ids[%d]", i), "tasks.coordinator_twice")
			seen[u] = true
		}
		if err := v.Err(); err != nil {
			return err
		}
		if err := s.checkUnits(ctx, s.Today(), 0, in.CoordinatorIDs); err != nil {
			return err
		}
		if in.ResponsiblePersonID != 0 {
			if err := s.checkPerson(ctx, in.ResponsiblePersonID); err != nil {
				return err
			}
		}
		q := s.db.W(ctx)
		if _, err := q.ExecContext(ctx, `UPDATE tasks SET title = $1, content = $2, product = $3, priority = $4,
			responsible_person_id = $5, search_key = $6, updated_at = $7 WHERE id = $8`,
			in.Title, in.Content, in.Product, in.Priority, db.Null(in.ResponsiblePersonID), searchKey(in.Title, in.Content),
			s.clock.Now().UTC(), id); err != nil {
			return fmt.Errorf("tasks: edit %d: %w", id, err)
		}
		if _, err := q.ExecContext(ctx, `UPDATE task_occurrences SET responsible_person_id = $1
			WHERE task_id = $2 AND done_on IS NULL AND cancelled_on IS NULL`, db.Null(in.ResponsiblePersonID), id); err != nil {
			return fmt.Errorf("tasks: responsible person of %d: %w", id, err)
		}
		if _, err := q.ExecContext(ctx, `DELETE FROM task_coordinators WHERE task_id = $1`, id); err != nil {
			return fmt.Errorf("tasks: coordinators of %d: %w", id, err)
		}
		for _, u := range in.CoordinatorIDs {
			if _, err := q.ExecContext(ctx, `INSERT INTO task_coordinators (task_id, unit_id) VALUES ($1, $2)`, id, u); err != nil {
				return fmt.Errorf("tasks: coordinator of %d: %w", id, err)
			}
		}
		if err := s.setGrants(ctx, id, t.Class); err != nil {
			return err
		}
		if err := s.refresh(ctx, id, &out); err != nil {
			return err
		}
		if err := s.reindex(ctx, out); err != nil {
			return err
		}
		return s.record(ctx, "edit", id, 0, t.Class, "", t, out)
	})
	return out, err
}
