package conferences

import (
	"context"
	"fmt"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/problem"
)

// SetStatus moves a conference on (planned → held → closed) or back
// (closed → held to reopen it, held → planned while nothing is recorded).
// A conference is held on or after its day, and closed only with an
// approved conclusion.
func (s *Store) SetStatus(ctx context.Context, v access.Viewer, id int64, to Status) (Conference, error) {
	if !to.Valid() {
		return Conference{}, problem.InvalidField("status", "error.invalid_choice")
	}
	var out Conference
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		c, err := s.conference(ctx, v, id)
		if err != nil {
			return err
		}
		from := c.Status
		if from == to {
			out = c
			return s.fillLists(ctx, &out)
		}
		switch {
		case from == Planned && to == Held:
			if s.Today().Before(c.HeldOn) {
				return problem.ConflictField("status", "conferences.error.held_in_future", dmy(c.HeldOn))
			}
		case from == Held && to == Closed:
			versions, err := s.texts(ctx, id, Conclusion)
			if err != nil {
				return err
			}
			if approvedText(versions) == nil {
				return problem.ConflictField("status", "conferences.error.close_without_conclusion")
			}
		case from == Closed && to == Held:
		case from == Held && to == Planned:
			var n int
			if err := s.db.R(ctx).QueryRowContext(ctx, `SELECT (SELECT count(*) FROM conference_attendance WHERE conference_id = $1)
				+ (SELECT count(*) FROM agenda_votes v JOIN agenda_items ai ON ai.id = v.item_id WHERE ai.conference_id = $1)
				+ (SELECT count(*) FROM conference_texts WHERE conference_id = $1)`, id).Scan(&n); err != nil {
				return fmt.Errorf("conferences: records of %d: %w", id, err)
			}
			if n > 0 {
				return problem.ConflictField("status", "conferences.error.unplan_recorded")
			}
		default:
			return problem.ConflictField("status", "conferences.error.status_step")
		}
		if err := s.exec(ctx, "set status", `UPDATE conferences SET status = $1, updated_at = $2 WHERE id = $3`,
			string(to), s.clock.Now().UTC(), id); err != nil {
			return err
		}
		if out, err = s.Get(ctx, access.System, id); err != nil {
			return err
		}
		if err := s.index(ctx, id); err != nil {
			return err
		}
		return s.log.Record(ctx, audit.Change{Action: "status", Entity: entityConference, EntityID: id, Class: int(c.Class),
			Before: map[string]Status{"status": from}, After: map[string]Status{"status": to}})
	})
	if err != nil {
		return Conference{}, err
	}
	return out, nil
}
