package documents

import (
	"context"

	"plenum/internal/auth"
)

// index keeps the search index in step with a document, in the
// transaction of the change.
func (s *Store) index(ctx context.Context, d Document) error { return nil }

// classChanged carries a new class to the records derived from the
// document: its attachments.
func (s *Store) classChanged(ctx context.Context, id int64, class auth.Clearance) error {
	if s.opt.Files == nil {
		return nil
	}
	return s.opt.Files.SetClass(ctx, Entity, id, class)
}
