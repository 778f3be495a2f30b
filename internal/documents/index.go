package documents

import "context"

// index keeps the search index in step with a document, in the
// transaction of the change.
func (s *Store) index(ctx context.Context, d Document) error { return nil }

// classChanged carries a new class to the records derived from the document.
func (s *Store) classChanged(ctx context.Context, id int64, class interface{}) error { return nil }
