package search

import (
	"context"
	"fmt"
)

// Source is a store whose records are indexed, as `plenum reindex` sees it.
type Source struct {
	// Entity is the kind of record the source indexes.
	Entity string
	// Entries calls put with the entry of every record of the kind. It runs
	// inside the rebuild's transaction; an error from put must be returned.
	Entries func(ctx context.Context, put func(Entry) error) error
}

// Rebuild replaces every entry of the source's kind by the entries the
// source gives, in one transaction, and returns how many there are now.
// Run it after restoring a database, after a change to how entries are
// built, or to refresh what depends on the date (a unit's name as of today).
func (ix *Index) Rebuild(ctx context.Context, src Source) (int, error) {
	if !knownEntity(src.Entity) {
		return 0, fmt.Errorf("search: rebuild: unknown entity %q", src.Entity)
	}
	n := 0
	err := ix.db.Tx(ctx, func(ctx context.Context) error {
		if _, err := ix.db.W(ctx).ExecContext(ctx, `DELETE FROM search_entries WHERE entity = $1`, src.Entity); err != nil {
			return fmt.Errorf("search: rebuild %s: %w", src.Entity, err)
		}
		return src.Entries(ctx, func(e Entry) error {
			if e.Entity != src.Entity {
				return fmt.Errorf("search: rebuild %s: the source gave a %s entry", src.Entity, e.Entity)
			}
			n++
			return ix.Put(ctx, e)
		})
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}
