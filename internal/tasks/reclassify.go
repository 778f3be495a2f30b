package tasks

import (
	"context"
	"fmt"

	"plenum/internal/auth"
	"plenum/internal/db"
)

// SourceReclassified carries a source record's new class to the tasks
// drawn from it and to what was handed on from them: each takes
// max(own class, source's class, parent's class), with its deadlines,
// grants, evidence files and search entry, in the caller's transaction.
// The area that owns the source calls it in the transaction of the change
// of class (documents: the registry's classify; conferences: a conference's
// or item's class).
func (s *Store) SourceReclassified(ctx context.Context, k SourceKind, id int64, class int) error {
	return s.db.Tx(ctx, func(ctx context.Context) error {
		roots, err := s.ids(ctx, `SELECT id FROM tasks WHERE source_kind = $1 AND source_id = $2 AND parent_id IS NULL`, k, id)
		if err != nil {
			return err
		}
		for _, t := range roots {
			if err := s.reclassify(ctx, t, class, 0); err != nil {
				return err
			}
		}
		return nil
	})
}

// reclassify sets a task's class from its source's and its parent's, then
// its children's.
func (s *Store) reclassify(ctx context.Context, id int64, sourceClass, parentClass int) error {
	var own, before int
	if err := s.db.W(ctx).QueryRowContext(ctx, `SELECT own_class, class FROM tasks WHERE id = $1`, id).Scan(&own, &before); err != nil {
		return fmt.Errorf("tasks: class of %d: %w", id, err)
	}
	class := max(own, sourceClass, parentClass)
	if class != before {
		for _, q := range []string{`UPDATE tasks SET class = $1 WHERE id = $2`, `UPDATE task_occurrences SET class = $1 WHERE task_id = $2`} {
			if _, err := s.db.W(ctx).ExecContext(ctx, q, class, id); err != nil {
				return fmt.Errorf("tasks: reclassify %d: %w", id, err)
			}
		}
		if err := s.setGrants(ctx, id, class); err != nil {
			return err
		}
		if s.files != nil {
			reports, err := s.ids(ctx, `SELECT id FROM task_reports WHERE task_id = $1`, id)
			if err != nil {
				return err
			}
			for _, r := range reports {
				if err := s.files.SetClass(ctx, EvidenceEntity, r, auth.Clearance(class)); err != nil {
					return err
				}
			}
		}
		t, err := s.load(ctx, id, s.Today())
		if err != nil {
			return err
		}
		if err := s.record(ctx, "reclassify", id, 0, max(class, before), fmt.Sprintf("%d → %d", before, class), before, class); err != nil {
			return err
		}
		if err := s.reindex(ctx, t); err != nil {
			return err
		}
	}
	kids, err := s.ids(ctx, `SELECT id FROM tasks WHERE parent_id = $1`, id)
	if err != nil {
		return err
	}
	for _, c := range kids {
		if err := s.reclassify(ctx, c, sourceClass, class); err != nil {
			return err
		}
	}
	return nil
}

// ids runs a query returning ids.
func (s *Store) ids(ctx context.Context, query string, args ...any) ([]int64, error) {
	out, err := db.Column[int64](ctx, s.db.W(ctx), query, args...)
	if err != nil {
		return nil, fmt.Errorf("tasks: %w", err)
	}
	return out, nil
}

// DocumentReclassified is SourceReclassified for a document whose class
// changed; the registry calls it in the transaction of the change
// (documents.Store.OnReclassify). The class is read from the registry's
// row as it stands in that transaction.
func (s *Store) DocumentReclassified(ctx context.Context, documentID int64) error {
	var class int
	if err := s.db.W(ctx).QueryRowContext(ctx, `SELECT class FROM documents WHERE id = $1`, documentID).Scan(&class); err != nil {
		return fmt.Errorf("tasks: class of document %d: %w", documentID, err)
	}
	return s.SourceReclassified(ctx, SourceDocument, documentID, class)
}
