package people

import (
	"strings"
	"sync"
	"time"

	"plenum/internal/audit"
	"plenum/internal/clock"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/org"
	"plenum/internal/problem"
	"plenum/internal/search"
)

// Store reads and changes persons and posts.
type Store struct {
	db    *db.DB
	log   *audit.Log
	units *org.Store
	index *search.Index
	clock clock.Clock

	mu        sync.Mutex
	catalogue map[string]Position // code → position, read on first use
}

// New returns the people store of d; units is the organisation the posts
// belong to.
func New(d *db.DB, log *audit.Log, c clock.Clock, units *org.Store) *Store {
	return &Store{db: d, log: log, units: units, index: search.New(d, c), clock: c}
}

// today is the default "as of" date.
func (s *Store) today() date.Date { return s.clock.Today() }

// dmy formats a date for messages: 01/07/2025.
func dmy(d date.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Time(time.UTC).Format("02/01/2006")
}

func notFound(field, key string) error {
	return &problem.Error{Code: problem.NotFound, Fields: []problem.Field{{Name: field, Key: key}}}
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
