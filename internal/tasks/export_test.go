package tasks

import (
	"context"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/notify"
)

// ScanCounts counts by "unit", "document" or "month" (202503) without
// the counts tables (and without rolling up merged units), for tests that
// hold the two ways together.
func (s *Store) ScanCounts(ctx context.Context, v access.Viewer, q CountQuery, by string) (map[int64]Counts, error) {
	q.defaults(s.Today())
	g := map[string]grouping{"unit": groupUnit, "document": groupDocument, "month": s.groupMonth()}[by]
	out := map[int64]Counts{}
	var args db.Args
	err := s.sum(ctx, g, s.scanDeadlines(v, q, g, &args), args, func(id int64, st Status, n, soon int) {
		if by == "month" {
			id = monthOf(id)
		}
		c := out[id]
		c.add(st, n, soon)
		out[id] = c
	})
	return out, err
}

// RemindOne decides one reminder chosen earlier for the deadline due of
// occurrence occ, as SendReminders does once it has chosen it.
func (s *Store) RemindOne(ctx context.Context, n *notify.Store, occ, task int64, user auth.User, due date.Date) (ReminderRun, error) {
	return s.remindUser(ctx, n, s.Today(), []reminder{{occ: occ, task: task, offset: -1, user: user, lang: "vi", title: "thử",
		due: due, moment: s.clock.Now(), state: "sent"}})
}
