package tasks

import (
	"context"
	"fmt"

	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// ExtendInput moves the deadline of an open occurrence (gia hạn, or a
// correction), with the reason.
type ExtendInput struct {
	OccurrenceID int64     `json:"occurrence_id,omitempty"` // 0: the task's only deadline
	DueOn        date.Date `json:"due_on"`
	Reason       string    `json:"reason"`
}

// Extend moves a deadline that is neither done nor cancelled: the office,
// which assigns the work, decides it, never the unit that does it. The
// status follows from the new date (an overdue task given more time is in
// progress again); the reminders of the deadline are decided afresh for the
// new date, those whose moment is long past skipped as after downtime. A
// task's only deadline is the task's deadline too. The deadline stays no
// earlier than those handed on from the task and no later than the
// parent's, as when it was handed on.
func (s *Store) Extend(ctx context.Context, p auth.Principal, taskID int64, in ExtendInput) (Task, error) {
	in.Reason = vn.CleanText(in.Reason)
	var out Task
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		if !p.Can(auth.TasksWrite) {
			return problem.New(problem.Forbidden, "")
		}
		t, o, err := s.openDeadline(ctx, p, taskID, in.OccurrenceID, false)
		if err != nil {
			return err
		}
		var v problem.Validation
		switch {
		case in.DueOn.IsZero():
			v.Add("due_on", "error.required")
		case in.DueOn.Before(o.StartOn):
			v.Add("due_on", "tasks.due_before_start", o.StartOn.String())
		case in.DueOn == o.DueOn:
			v.Add("due_on", "tasks.due_unchanged")
		}
		if v.Required("reason", in.Reason) {
			v.MaxLen("reason", in.Reason, maxReason)
		}
		if err := v.Err(); err != nil {
			return err
		}
		var latest date.Date // the latest deadline handed on from the task
		if err := s.db.W(ctx).QueryRowContext(ctx, `SELECT max(o.due_on) FROM task_occurrences o JOIN tasks c ON c.id = o.task_id
			WHERE c.parent_id = $1 AND o.cancelled_on IS NULL AND c.cancelled_on IS NULL`, t.ID).Scan(&latest); err != nil {
			return fmt.Errorf("tasks: deadlines handed on from %d: %w", t.ID, err)
		}
		if !latest.IsZero() && in.DueOn.Before(latest) {
			return problem.InvalidField("due_on", "tasks.due_before_children", latest.String())
		}
		if t.ParentID != 0 {
			var parentDue date.Date
			if err := s.db.W(ctx).QueryRowContext(ctx, `SELECT due_on FROM tasks WHERE id = $1`, t.ParentID).Scan(&parentDue); err != nil {
				return fmt.Errorf("tasks: deadline of %d: %w", t.ParentID, err)
			}
			if !parentDue.IsZero() && in.DueOn.After(parentDue) {
				return problem.InvalidField("due_on", "tasks.after_parent", parentDue.String())
			}
		}
		q := s.db.W(ctx)
		if _, err := q.ExecContext(ctx, `UPDATE task_occurrences SET due_on = $1 WHERE id = $2`, in.DueOn, o.ID); err != nil {
			return fmt.Errorf("tasks: move deadline %d: %w", o.ID, err)
		}
		if t.Recurrence == "" {
			if _, err := q.ExecContext(ctx, `UPDATE tasks SET due_on = $1 WHERE id = $2`, in.DueOn, t.ID); err != nil {
				return fmt.Errorf("tasks: move deadline of %d: %w", t.ID, err)
			}
		}
		if _, err := q.ExecContext(ctx, `DELETE FROM reminders WHERE occurrence_id = $1`, o.ID); err != nil {
			return fmt.Errorf("tasks: reminders of deadline %d: %w", o.ID, err)
		}
		before := o
		o.DueOn = in.DueOn
		if err := s.saveOcc(ctx, t, o); err != nil {
			return err
		}
		detail := before.DueOn.String() + " " + in.DueOn.String() + " " + in.Reason
		if err := s.record(ctx, "extend", t.ID, o.ID, t.Class, detail, before, o); err != nil {
			return err
		}
		return s.refresh(ctx, t.ID, &out)
	})
	return out, err
}
