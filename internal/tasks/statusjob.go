package tasks

import (
	"context"
	"fmt"

	"plenum/internal/audit"
)

// refreshBatch is how many deadlines one transaction of RefreshStatuses
// moves, so that a day when thousands fall due holds no long lock.
const refreshBatch = 500

// RefreshStatuses moves the stored status of every open deadline whose
// deadline has passed (due before today, in Vietnam) to overdue, and writes
// the change into each task's history and the audit log as done by
// "system" (so that it moves the data version, as any change does). It is what
// keeps the stored status equal to StatusOn(…, today) as days pass: every
// other input of the status (reports, completion, cancellation) rewrites it
// when it changes. The status job runs it just after midnight and then
// every few minutes (a no-op when nothing is due), under a lease so that
// one instance does it; running it twice changes nothing. It returns how
// many deadlines turned overdue.
func (s *Store) RefreshStatuses(ctx context.Context) (int, error) {
	ctx = audit.WithActor(ctx, audit.Actor{Name: "system"})
	today := s.Today()
	total := 0
	for {
		n := 0
		err := s.db.Tx(ctx, func(ctx context.Context) error {
			rows, err := s.db.W(ctx).QueryContext(ctx, `SELECT id, task_id, class, status FROM task_occurrences
				WHERE status IN ('not_started', 'in_progress') AND due_on < $1 ORDER BY id LIMIT $2`, today, refreshBatch)
			if err != nil {
				return fmt.Errorf("tasks: deadlines passed: %w", err)
			}
			type occ struct {
				id, task int64
				class    int
				status   Status
			}
			var due []occ
			for rows.Next() {
				var o occ
				if err := rows.Scan(&o.id, &o.task, &o.class, &o.status); err != nil {
					rows.Close()
					return err
				}
				due = append(due, o)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			for _, o := range due {
				res, err := s.db.W(ctx).ExecContext(ctx, `UPDATE task_occurrences SET status = 'overdue'
					WHERE id = $1 AND status IN ('not_started', 'in_progress')`, o.id)
				if err != nil {
					return fmt.Errorf("tasks: mark deadline %d overdue: %w", o.id, err)
				}
				if k, _ := res.RowsAffected(); k == 0 {
					continue
				}
				if err := s.record(ctx, "overdue", o.task, o.id, o.class, "",
					map[string]any{"occurrence_id": o.id, "status": o.status}, map[string]any{"occurrence_id": o.id, "status": Overdue}); err != nil {
					return err
				}
				n++
			}
			return nil
		})
		if err != nil {
			return total, err
		}
		total += n
		if n < refreshBatch {
			return total, nil
		}
	}
}
