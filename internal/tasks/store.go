package tasks

import (
	"context"
	"fmt"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/clock"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/files"
	"plenum/internal/org"
	"plenum/internal/problem"
	"plenum/internal/search"
)

// Store assigns tasks and reads them.
type Store struct {
	db      *db.DB
	log     *audit.Log
	access  *access.Store
	org     *org.Store
	index   *search.Index
	sources map[SourceKind]SourceFunc
	files   *files.Store
	findDoc DocumentFinder
	clock   clock.Clock
}

// Options are the store's collaborators from other areas.
type Options struct {
	// Sources look up the records tasks are drawn from, per kind. A kind
	// without a function is refused as a source.
	Sources map[SourceKind]SourceFunc
	// Files keeps evidence files; nil refuses reports with files.
	Files *files.Store
}

// New returns the task store over d. Statuses and reminders follow c.
func New(d *db.DB, log *audit.Log, c clock.Clock, acc *access.Store, units *org.Store, opt Options) *Store {
	if opt.Sources == nil {
		opt.Sources = map[SourceKind]SourceFunc{}
	}
	return &Store{db: d, log: log, access: acc, org: units, index: search.New(d, c),
		sources: opt.Sources, files: opt.Files, clock: c}
}

// SetSource registers the lookup of one kind of source, for areas wired
// after the store is built.
func (s *Store) SetSource(k SourceKind, fn SourceFunc) { s.sources[k] = fn }

// HasSource reports whether tasks may be drawn from records of kind k.
func (s *Store) HasSource(k SourceKind) bool { return s.sources[k] != nil }

// Today is the current date in Vietnam by the store's clock.
func (s *Store) Today() date.Date { return s.clock.Today() }

// Limits on text fields, in characters.
const (
	maxTitle   = 1000
	maxContent = 20000
	maxProduct = 1000
	maxReason  = 2000
	maxReport  = 20000
	// MaxBatch is the most tasks created at once from a pasted list or an import.
	MaxBatch = 2000
)

// event appends a line to a task's history, in the change's transaction.
func (s *Store) event(ctx context.Context, taskID, occID int64, action, detail string) error {
	a := audit.ActorFrom(ctx)
	_, err := s.db.W(ctx).ExecContext(ctx, `INSERT INTO task_events (task_id, occurrence_id, at, user_id, actor, action, detail)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, taskID, db.Null(occID), s.clock.Now().UTC(), db.Null(a.UserID), a.Name, action, detail)
	if err != nil {
		return fmt.Errorf("tasks: history of task %d: %w", taskID, err)
	}
	return nil
}

// record writes the audit entry of a change and the history line with it.
func (s *Store) record(ctx context.Context, action string, taskID, occID int64, class int, detail string, before, after any) error {
	if err := s.event(ctx, taskID, occID, action, detail); err != nil {
		return err
	}
	return s.log.Record(ctx, audit.Change{Action: action, Entity: Entity, EntityID: taskID, Class: class, Before: before, After: after})
}

// LookupSource returns the source record (k, id) as viewer v may see it,
// for a form that draws tasks from it.
func (s *Store) LookupSource(ctx context.Context, v access.Viewer, k SourceKind, id int64) (Source, error) {
	fn := s.sources[k]
	if fn == nil {
		return Source{}, problem.ErrNotFound
	}
	return fn(ctx, v, id)
}
