// Package jobs runs periodic work — the status job, reminders, the mail
// outbox — once across every instance that shares a database. Each job has
// a lease row (job_leases: name → holder, expiry); an instance runs a job
// only while it holds the lease, taking it when it is free or expired and
// keeping it by renewing. Leases work the same on SQLite and PostgreSQL and
// need no connection of their own (unlike advisory locks). Every run is
// recorded in job_runs with its outcome.
//
// A lease is an optimisation and a courtesy, not the only guard: work that
// must happen exactly once (a reminder) is also keyed uniquely in the
// database, so that two holders in the window of a clock skew still cannot
// do it twice.
package jobs

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"plenum/internal/clock"
	"plenum/internal/db"
)

// Job is periodic work.
type Job struct {
	Name  string
	Every time.Duration
	// Run does the work once and says what it did, for job_runs.
	Run func(ctx context.Context) (note string, err error)
}

// Runner runs jobs under leases, as one holder (an instance).
type Runner struct {
	db     *db.DB
	holder string
	log    *slog.Logger
	clock  clock.Clock
}

// New returns a runner for holder, a name unique to this instance
// (host, process id and a random part).
func New(d *db.DB, holder string, log *slog.Logger, c clock.Clock) *Runner {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Runner{db: d, holder: holder, log: log, clock: c}
}

// Acquire takes or renews the lease of job name until now+ttl, and reports
// whether this runner holds it. The upsert is one statement, so two
// instances racing for a free lease cannot both win.
func (r *Runner) Acquire(ctx context.Context, name string, ttl time.Duration) (bool, error) {
	now := r.clock.Now().UTC()
	res, err := r.db.W(ctx).ExecContext(ctx, `INSERT INTO job_leases (name, holder, expires_at) VALUES ($1, $2, $3)
		ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
		WHERE job_leases.expires_at < $4 OR job_leases.holder = excluded.holder`, name, r.holder, now.Add(ttl), now)
	if err != nil {
		return false, fmt.Errorf("jobs: lease %s: %w", name, err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// Release gives up the lease of job name if this runner holds it.
func (r *Runner) Release(ctx context.Context, name string) error {
	_, err := r.db.W(ctx).ExecContext(ctx, `DELETE FROM job_leases WHERE name = $1 AND holder = $2`, name, r.holder)
	if err != nil {
		return fmt.Errorf("jobs: release %s: %w", name, err)
	}
	return nil
}

// ttl is how long a lease outlives its tick: an instance that dies is
// replaced after this long.
func ttl(every time.Duration) time.Duration { return 3*every + time.Minute }

// RunOnce runs job if this runner holds (or can take) its lease, records
// the run, and reports whether it ran.
func (r *Runner) RunOnce(ctx context.Context, j Job) (bool, error) {
	ok, err := r.Acquire(ctx, j.Name, ttl(j.Every))
	if err != nil || !ok {
		return false, err
	}
	var id int64
	if err := r.db.W(ctx).QueryRowContext(ctx, `INSERT INTO job_runs (name, holder, started_at) VALUES ($1, $2, $3) RETURNING id`,
		j.Name, r.holder, r.clock.Now().UTC()).Scan(&id); err != nil {
		return false, fmt.Errorf("jobs: record run of %s: %w", j.Name, err)
	}
	note, runErr := j.Run(ctx)
	if runErr != nil {
		note = runErr.Error()
	}
	if _, err := r.db.W(ctx).ExecContext(ctx, `UPDATE job_runs SET finished_at = $1, ok = $2, note = $3 WHERE id = $4`,
		r.clock.Now().UTC(), runErr == nil, note, id); err != nil {
		return true, fmt.Errorf("jobs: finish run of %s: %w", j.Name, err)
	}
	return true, runErr
}

// Start runs each job every j.Every until ctx ends, in the background.
func (r *Runner) Start(ctx context.Context, js ...Job) {
	for _, j := range js {
		go func() {
			t := time.NewTicker(j.Every)
			defer t.Stop()
			for {
				if _, err := r.RunOnce(ctx, j); err != nil && ctx.Err() == nil {
					r.log.Error("job failed", "job", j.Name, "err", err)
				}
				select {
				case <-ctx.Done():
					r.Release(context.WithoutCancel(ctx), j.Name)
					return
				case <-t.C:
				}
			}
		}()
	}
}

// Run is a recorded run of a job.
type Run struct {
	ID         int64      `json:"id"`
	Name       string     `json:"name"`
	Holder     string     `json:"holder"`
	StartedAt  time.Time  `json:"started_at"`
	FinishedAt *time.Time `json:"finished_at,omitempty"`
	OK         bool       `json:"ok"`
	Note       string     `json:"note,omitempty"`
}

// Runs returns the latest runs of job name, newest first.
func (r *Runner) Runs(ctx context.Context, name string, limit int) ([]Run, error) {
	rows, err := r.db.R(ctx).QueryContext(ctx, `SELECT id, name, holder, started_at, finished_at, ok, note FROM job_runs
		WHERE name = $1 ORDER BY id DESC LIMIT $2`, name, limit)
	if err != nil {
		return nil, fmt.Errorf("jobs: runs of %s: %w", name, err)
	}
	defer rows.Close()
	var out []Run
	for rows.Next() {
		var x Run
		if err := rows.Scan(&x.ID, &x.Name, &x.Holder, &x.StartedAt, &x.FinishedAt, &x.OK, &x.Note); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}
