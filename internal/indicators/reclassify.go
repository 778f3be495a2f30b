package indicators

import (
	"context"
	"fmt"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/db"
)

// DocumentReclassified keeps the indicators set by a document at least as
// secret as it, after it was reclassified or its need to know changed: their
// class (and their values') is raised to the document's, and they take the
// document's grants as well as their own. A document made less secret leaves
// them as they are — a derived record is declassified on its own, with its
// own reason. It runs in the reclassification's transaction
// (documents.Store.OnReclassify).
func (s *Store) DocumentReclassified(ctx context.Context, documentID int64) error {
	var docClass int
	if err := s.db.R(ctx).QueryRowContext(ctx, `SELECT class FROM documents WHERE id = $1`, documentID).Scan(&docClass); err != nil {
		return fmt.Errorf("indicators: class of document %d: %w", documentID, err)
	}
	docGrants, err := s.access.Grants(ctx, "document", documentID)
	if err != nil {
		return err
	}
	ids, err := s.idsSetBy(ctx, documentID)
	if err != nil {
		return err
	}
	for _, id := range ids {
		before, err := s.load(ctx, id)
		if err != nil {
			return err
		}
		class := max(before.Class, docClass)
		if class == 0 {
			continue
		}
		if class != before.Class {
			if _, err := s.db.W(ctx).ExecContext(ctx, `UPDATE indicators SET class = $1 WHERE id = $2`, class, id); err != nil {
				return fmt.Errorf("indicators: raise class of %d: %w", id, err)
			}
			if _, err := s.db.W(ctx).ExecContext(ctx, `UPDATE indicator_values SET class = $1 WHERE indicator_id = $2`, class, id); err != nil {
				return fmt.Errorf("indicators: raise class of the values of %d: %w", id, err)
			}
		}
		own, err := s.access.Grants(ctx, Entity, id)
		if err != nil {
			return err
		}
		if err := s.access.SetGrants(ctx, Entity, id, class, union(own, docGrants)); err != nil {
			return err
		}
		after, err := s.load(ctx, id)
		if err != nil {
			return err
		}
		if err := s.indexEntry(ctx, after); err != nil {
			return err
		}
		if class != before.Class {
			if err := s.log.Record(ctx, audit.Change{Action: "classify", Entity: Entity, EntityID: id, Class: class,
				Before: map[string]any{"class": before.Class}, After: map[string]any{"class": class, "document_id": documentID}}); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s *Store) idsSetBy(ctx context.Context, documentID int64) ([]int64, error) {
	ids, err := db.Column[int64](ctx, s.db.R(ctx), `SELECT id FROM indicators WHERE document_id = $1 ORDER BY id`, documentID)
	if err != nil {
		return nil, fmt.Errorf("indicators: set by document %d: %w", documentID, err)
	}
	return ids, nil
}

// union returns the grants of a and b, each once.
func union(a, b []access.Grant) []access.Grant {
	seen := map[access.Grant]bool{}
	var out []access.Grant
	for _, g := range append(append([]access.Grant{}, a...), b...) {
		if !seen[g] {
			seen[g] = true
			out = append(out, g)
		}
	}
	return out
}
