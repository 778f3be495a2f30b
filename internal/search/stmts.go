package search

import (
	"container/list"
	"context"
	"database/sql"
	"sync"

	"plenum/internal/db"
)

// maxStmts bounds the prepared statements an Index keeps. A search's SQL
// varies only with the shape of the query (how many terms, which filters,
// the viewer's kind), so a few hundred shapes cover the traffic.
const maxStmts = 256

// stmts keeps SQLite statements prepared, most recently used first:
// compiling a search statement costs modernc's SQLite a fifth of the
// search (measured). PostgreSQL is not served from here: a prepared
// statement there would be planned once for all words (see oneShot).
type stmts struct {
	mu    sync.Mutex
	order *list.List // of *stmtEntry, most recent first
	bySQL map[string]*list.Element
}

type stmtEntry struct {
	sql  string
	stmt *sql.Stmt
}

// query runs a read on ix's database: from a cached prepared statement on
// SQLite outside a transaction, directly otherwise.
func (ix *Index) query(ctx context.Context, query string, args []any) (*sql.Rows, error) {
	q := ix.db.R(ctx)
	pool, ok := q.(*sql.DB)
	if !ok || ix.db.Dialect != db.SQLite {
		return q.QueryContext(ctx, query, args...)
	}
	stmt, err := ix.stmts.get(ctx, pool, query)
	if err != nil {
		return nil, err
	}
	return stmt.QueryContext(ctx, args...)
}

// get returns the statement prepared for query, preparing it if needed.
func (c *stmts) get(ctx context.Context, pool *sql.DB, query string) (*sql.Stmt, error) {
	c.mu.Lock()
	if c.bySQL == nil {
		c.order, c.bySQL = list.New(), map[string]*list.Element{}
	}
	if e, ok := c.bySQL[query]; ok {
		c.order.MoveToFront(e)
		c.mu.Unlock()
		return e.Value.(*stmtEntry).stmt, nil
	}
	c.mu.Unlock()
	stmt, err := pool.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.bySQL[query]; ok { // prepared meanwhile by another search
		stmt.Close()
		c.order.MoveToFront(e)
		return e.Value.(*stmtEntry).stmt, nil
	}
	c.bySQL[query] = c.order.PushFront(&stmtEntry{sql: query, stmt: stmt})
	if c.order.Len() > maxStmts {
		oldest := c.order.Back()
		c.order.Remove(oldest)
		delete(c.bySQL, oldest.Value.(*stmtEntry).sql)
		// A search still reading from it keeps it usable: database/sql
		// closes a statement once its last rows are closed.
		oldest.Value.(*stmtEntry).stmt.Close()
	}
	return stmt, nil
}
