package ingest

import (
	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/clock"
	"plenum/internal/conferences"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/documents"
	"plenum/internal/extract"
	"plenum/internal/indicators"
	"plenum/internal/org"
	"plenum/internal/people"
	"plenum/internal/tasks"
)

// Entity is the name of queue items in the audit log and grants.
const Entity = "ingest_item"

// Registries are the stores proposals are matched in and confirmations
// written through. Org and People are required; any other may be nil while
// its area is not part of the build: its proposals are then shown, never
// matched, and cannot be accepted.
type Registries struct {
	Org         *org.Store
	People      *people.Store
	Documents   *documents.Store
	Conferences *conferences.Store
	Indicators  *indicators.Store
	Tasks       *tasks.Store
}

// Options tune the queue.
type Options struct {
	// MaxBytes is the largest file or text accepted; 0 means
	// extract.DefaultMaxBytes.
	MaxBytes int64
}

// Store keeps the ingest queue.
type Store struct {
	db     *db.DB
	log    *audit.Log
	access *access.Store
	reg    Registries
	opt    Options
	clock  clock.Clock
	// hook, when set (by tests), runs after each record a confirmation
	// writes; an error it returns fails the confirmation there.
	hook func(step string) error
}

// New returns the ingest store of d.
func New(d *db.DB, log *audit.Log, c clock.Clock, acc *access.Store, reg Registries, opt Options) *Store {
	return &Store{db: d, log: log, access: acc, reg: reg, opt: opt, clock: c}
}

// MaxBytes is the largest input accepted.
func (s *Store) MaxBytes() int64 {
	if s.opt.MaxBytes > 0 {
		return s.opt.MaxBytes
	}
	return extract.DefaultMaxBytes
}

// today is the date in Vietnam.
func (s *Store) today() date.Date { return s.clock.Today() }
