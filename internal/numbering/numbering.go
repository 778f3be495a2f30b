// Package numbering issues document numbers in sequence: the next number of a
// numbering scope (an issuer's sequence for a term of office or a calendar
// year, as docsym.ScopeRule names it), with no gap and no duplicate, however
// many instances issue at once.
//
// The counter is one row per scope, incremented by an upsert inside the
// caller's transaction. On PostgreSQL the row stays locked until that
// transaction ends, so concurrent issuers queue; on SQLite there is one
// writer anyway. A transaction that rolls back takes its increment with it,
// so a document that fails to save never burns a number.
package numbering

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"plenum/internal/db"
)

// ErrNoTx is returned outside a transaction: a number issued there could be
// lost if the document it is for then failed to save.
var ErrNoTx = errors.New("numbering: Next must run inside the transaction that stores the document")

// Next issues the next number of scope.
func Next(ctx context.Context, d *db.DB, scope string) (int64, error) {
	if !db.InTx(ctx) {
		return 0, ErrNoTx
	}
	var n int64
	err := d.W(ctx).QueryRowContext(ctx, `INSERT INTO number_sequences (scope, last_number) VALUES ($1, 1)
		ON CONFLICT (scope) DO UPDATE SET last_number = number_sequences.last_number + 1
		RETURNING last_number`, scope).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("numbering: next in %s: %w", scope, err)
	}
	return n, nil
}

// Observe records that number n of scope is taken by a document numbered
// outside the sequence (typed in, imported), so that Next never issues it
// again. A number below the counter changes nothing.
func Observe(ctx context.Context, d *db.DB, scope string, n int64) error {
	_, err := d.W(ctx).ExecContext(ctx, `INSERT INTO number_sequences (scope, last_number) VALUES ($1, $2)
		ON CONFLICT (scope) DO UPDATE SET last_number = CASE
			WHEN number_sequences.last_number < excluded.last_number THEN excluded.last_number
			ELSE number_sequences.last_number END`, scope, n)
	if err != nil {
		return fmt.Errorf("numbering: observe %d in %s: %w", n, scope, err)
	}
	return nil
}

// Peek returns the number Next would issue now, for showing in a form; it
// reserves nothing.
func Peek(ctx context.Context, d *db.DB, scope string) (int64, error) {
	var n int64
	err := d.R(ctx).QueryRowContext(ctx, `SELECT last_number FROM number_sequences WHERE scope = $1`, scope).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return 1, nil
	}
	if err != nil {
		return 0, fmt.Errorf("numbering: peek %s: %w", scope, err)
	}
	return n + 1, nil
}
