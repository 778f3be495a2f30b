package tasks

import (
	"context"

	"plenum/internal/access"
)

// ScanCounts is CountByUnit without the counts tables (and without
// rolling up merged units), for tests that hold the two ways together.
func (s *Store) ScanCounts(ctx context.Context, v access.Viewer, q CountQuery, byDocument bool) (map[int64]Counts, error) {
	q.defaults(s.Today())
	key := "o.lead_unit_id"
	if byDocument {
		key = "o.document_id"
	}
	out := map[int64]Counts{}
	err := s.countScan(ctx, v, q, key, func(id int64, st Status, n, soon int) {
		c := out[id]
		c.add(st, n, soon)
		out[id] = c
	})
	return out, err
}
