package auth

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// blocked returns how long the longest block among keys still lasts.
func (s *Store) blocked(ctx context.Context, keys ...string) (time.Duration, error) {
	now := s.nowUTC()
	var wait time.Duration
	for _, k := range keys {
		var until sql.NullTime
		err := s.db.R(ctx).QueryRowContext(ctx, `SELECT blocked_until FROM signin_throttle WHERE key = $1`, k).Scan(&until)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return 0, fmt.Errorf("auth: read throttle: %w", err)
		}
		if until.Valid && until.Time.After(now) {
			wait = max(wait, until.Time.Sub(now))
		}
	}
	return wait, nil
}

// recordFailure counts a failed attempt against key, inside the caller's
// transaction, and blocks the key when the count within the window reaches
// limit. The count is one atomic upsert, so simultaneous failures on several
// instances are all counted.
func (s *Store) recordFailure(ctx context.Context, key string, limit int) error {
	now := s.nowUTC()
	q := s.db.W(ctx)
	var failures int
	err := q.QueryRowContext(ctx, `INSERT INTO signin_throttle (key, failures, window_start) VALUES ($1, 1, $2)
		ON CONFLICT (key) DO UPDATE SET
			failures = CASE WHEN signin_throttle.window_start <= $3 THEN 1 ELSE signin_throttle.failures + 1 END,
			window_start = CASE WHEN signin_throttle.window_start <= $3 THEN $2 ELSE signin_throttle.window_start END
		RETURNING failures`, key, now, now.Add(-s.cfg.Window)).Scan(&failures)
	if err != nil {
		return fmt.Errorf("auth: record failure: %w", err)
	}
	if failures >= limit {
		if _, err := q.ExecContext(ctx, `UPDATE signin_throttle SET blocked_until = $1 WHERE key = $2`, now.Add(s.cfg.Block), key); err != nil {
			return fmt.Errorf("auth: block %s: %w", key, err)
		}
	}
	return nil
}
