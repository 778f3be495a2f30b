package db

import (
	"container/list"
	"context"
	"database/sql"
	"sync"
)

// SQLite parses a statement every time it is prepared, and database/sql
// prepares one for every query it is not given a *sql.Stmt for: on a page of
// the web app that parsing was a fifth of the work. So each SQLite pool keeps
// its statements prepared, by their text, and database/sql keeps each one
// prepared on every connection that ran it. PostgreSQL needs none of this:
// pgx keeps a statement cache of its own on each connection.
//
// Only queries outside a transaction use them. A transaction runs on one
// connection, where a statement kept prepared would be the same SQLite
// statement for a query nested in the rows of another of the same text; in
// a pool each query has a connection, and so a statement, to itself.

// stmtCacheSize bounds the statements kept per pool. Texts differ with the
// length of their IN lists, so the number of texts has no fixed bound; the
// least recently used are let go.
const stmtCacheSize = 400

// stmtCache keeps prepared statements of one pool.
type stmtCache struct {
	pool   *sql.DB
	mu     sync.Mutex
	byText map[string]*list.Element // of *cachedStmt
	order  *list.List               // most recently used first
}

// cachedStmt is one prepared statement and the calls using it: one let go
// while in use is closed when its last call ends (rows already returned
// keep working: database/sql closes a statement only after its rows).
type cachedStmt struct {
	text    string
	st      *sql.Stmt
	users   int
	evicted bool
}

func newStmtCache(pool *sql.DB) *stmtCache {
	return &stmtCache{pool: pool, byText: map[string]*list.Element{}, order: list.New()}
}

// lookup returns the statement of text if it is prepared, marked in use.
func (c *stmtCache) lookup(text string) *cachedStmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.byText[text]
	if !ok {
		return nil
	}
	c.order.MoveToFront(el)
	cs := el.Value.(*cachedStmt)
	cs.users++
	return cs
}

// acquire returns the statement of text, preparing it on the pool if
// needed, marked in use.
func (c *stmtCache) acquire(ctx context.Context, text string) (*cachedStmt, error) {
	if cs := c.lookup(text); cs != nil {
		return cs, nil
	}
	st, err := c.pool.PrepareContext(ctx, text)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.byText[text]; ok { // prepared meanwhile by another call
		st.Close()
		c.order.MoveToFront(el)
		cs := el.Value.(*cachedStmt)
		cs.users++
		return cs, nil
	}
	cs := &cachedStmt{text: text, st: st, users: 1}
	c.byText[text] = c.order.PushFront(cs)
	for c.order.Len() > stmtCacheSize {
		old := c.order.Remove(c.order.Back()).(*cachedStmt)
		delete(c.byText, old.text)
		old.evicted = true
		if old.users == 0 {
			old.st.Close()
		}
	}
	return cs, nil
}

// release ends a call's use of cs.
func (c *stmtCache) release(cs *cachedStmt) {
	c.mu.Lock()
	defer c.mu.Unlock()
	cs.users--
	if cs.evicted && cs.users == 0 {
		cs.st.Close()
	}
}

// close closes every statement kept.
func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for el := c.order.Front(); el != nil; el = el.Next() {
		el.Value.(*cachedStmt).st.Close()
	}
	c.byText, c.order = map[string]*list.Element{}, list.New()
}

// cachedPool is a pool whose queries run as kept statements.
type cachedPool struct {
	*sql.DB
	stmts *stmtCache
}

func (p cachedPool) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	cs, err := p.stmts.acquire(ctx, query)
	if err != nil {
		return nil, err
	}
	defer p.stmts.release(cs)
	return cs.st.ExecContext(ctx, args...)
}

func (p cachedPool) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	cs, err := p.stmts.acquire(ctx, query)
	if err != nil {
		return nil, err
	}
	defer p.stmts.release(cs)
	return cs.st.QueryContext(ctx, args...)
}

func (p cachedPool) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	cs, err := p.stmts.acquire(ctx, query)
	if err != nil {
		return p.DB.QueryRowContext(ctx, query, args...) // the same error, when scanned
	}
	defer p.stmts.release(cs)
	return cs.st.QueryRowContext(ctx, args...)
}
