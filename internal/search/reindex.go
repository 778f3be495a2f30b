package search

import (
	"context"
	"fmt"

	"plenum/internal/db"
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
		err := src.Entries(ctx, func(e Entry) error {
			if e.Entity != src.Entity {
				return fmt.Errorf("search: rebuild %s: the source gave a %s entry", src.Entity, e.Entity)
			}
			n++
			return ix.Put(ctx, e)
		})
		if err != nil || ix.db.Dialect != db.SQLite {
			return err
		}
		// Merge the FTS5 indexes' segments into one after so many writes.
		for _, t := range []string{"search_fts", "search_fts_trigram"} {
			if _, err := ix.db.W(ctx).ExecContext(ctx, `INSERT INTO `+t+` (`+t+`) VALUES ('optimize')`); err != nil {
				return fmt.Errorf("search: rebuild %s: optimize %s: %w", src.Entity, t, err)
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// SourceOf is the usual Source: the ids idQuery lists ("SELECT id FROM
// documents ORDER BY id"), each built into its entry by entry.
func SourceOf(d *db.DB, entity, idQuery string, entry func(ctx context.Context, id int64) (Entry, error)) Source {
	return Source{Entity: entity, Entries: func(ctx context.Context, put func(Entry) error) error {
		rows, err := d.R(ctx).QueryContext(ctx, idQuery)
		if err != nil {
			return fmt.Errorf("search: %s ids: %w", entity, err)
		}
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return fmt.Errorf("search: %s ids: %w", entity, err)
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("search: %s ids: %w", entity, err)
		}
		for _, id := range ids {
			e, err := entry(ctx, id)
			if err != nil {
				return err
			}
			if err := put(e); err != nil {
				return err
			}
		}
		return nil
	}}
}
