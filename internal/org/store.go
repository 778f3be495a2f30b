package org

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"plenum/internal/audit"
	"plenum/internal/clock"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/problem"
	"plenum/internal/search"
	"plenum/internal/vn"
)

// Store reads and changes the organisation.
type Store struct {
	db    *db.DB
	log   *audit.Log
	index *search.Index
	clock clock.Clock
}

// New returns the organisation store of d, auditing into log.
func New(d *db.DB, log *audit.Log, c clock.Clock) *Store {
	return &Store{db: d, log: log, index: search.New(d, c), clock: c}
}

// Unit is a unit as of a date: its name and parent are those valid then.
type Unit struct {
	ID        int64     `json:"id"`
	Kind      Kind      `json:"kind"`
	Level     Level     `json:"level"`
	Code      string    `json:"code,omitempty"`
	Name      string    `json:"name"`
	ShortName string    `json:"short_name,omitempty"`
	ParentID  int64     `json:"parent_id,omitempty"` // 0 for a root
	ValidFrom date.Date `json:"valid_from"`
	ValidTo   date.Date `json:"valid_to"` // zero while the unit exists
	EndReason EndReason `json:"end_reason,omitempty"`
	// AsOf is the date the name and parent were taken at. When a unit is
	// asked for outside its life, they are taken at its first or last day
	// and Alive is false.
	AsOf  date.Date `json:"as_of"`
	Alive bool      `json:"alive"`

	sortKey string
}

// NewUnit describes a unit to be created, by Create or as the result of a
// merge or split.
type NewUnit struct {
	Kind      Kind   `json:"kind"`
	Level     Level  `json:"level"`
	Code      string `json:"code,omitempty"` // optional, unique across all time
	Name      string `json:"name"`
	ShortName string `json:"short_name,omitempty"`
	ParentID  int64  `json:"parent_id,omitempty"` // 0 for a root
}

// Act is what every operation carries: the day it takes effect and the
// decision it rests on.
type Act struct {
	Effective date.Date `json:"effective"`
	Basis     string    `json:"basis,omitempty"` // e.g. "Nghị quyết số 202/2025/QH15"
	Note      string    `json:"note,omitempty"`
}

// Limits on text fields, in characters.
const (
	maxName  = 300
	maxShort = 100
	maxCode  = 50
	maxBasis = 500
	maxNote  = 2000
)

// orgLockKey serialises changes to the organisation on PostgreSQL. Changes
// are rare and the checks they make (cycles, orphans) read several rows that
// another change could alter between the read and the write; one lock is
// simpler and cheaper than SERIALIZABLE retries. SQLite has a single writer.
const orgLockKey = 0x4f524755 // "ORGU"

// Lock takes the organisation lock in the transaction carried by ctx; it is
// released at commit or rollback. Packages that validate their own writes
// against units' lives (people's posts) take it too, so that a unit cannot
// end between their check and their write.
func (s *Store) Lock(ctx context.Context) error {
	if !db.InTx(ctx) {
		return errors.New("org: Lock must run inside a transaction")
	}
	if s.db.Dialect != db.Postgres {
		return nil
	}
	if _, err := s.db.W(ctx).ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, orgLockKey); err != nil {
		return fmt.Errorf("org: lock: %w", err)
	}
	return nil
}

// change runs fn in a transaction holding the organisation lock.
func (s *Store) change(ctx context.Context, fn func(ctx context.Context) error) error {
	return s.db.Tx(ctx, func(ctx context.Context) error {
		if err := s.Lock(ctx); err != nil {
			return err
		}
		return fn(ctx)
	})
}

func (n *NewUnit) normalize() {
	n.Name = vn.Clean(n.Name)
	n.ShortName = vn.Clean(n.ShortName)
	n.Code = strings.TrimSpace(n.Code)
}

func (a *Act) normalize() {
	a.Basis = vn.Clean(a.Basis)
	a.Note = strings.TrimSpace(vn.Normalize(a.Note))
}

// validate checks what can be checked without the database; prefix names
// the nested field ("new_target.", "into[1].new.").
func (n *NewUnit) validate(v *problem.Validation, prefix string) {
	if !Kind(n.Kind).Valid() {
		v.Add(prefix+"kind", "error.invalid_choice")
	}
	if !n.Level.Valid() {
		v.Add(prefix+"level", "error.invalid_choice")
	}
	if v.Required(prefix+"name", n.Name) {
		v.MaxLen(prefix+"name", n.Name, maxName)
	}
	v.MaxLen(prefix+"short_name", n.ShortName, maxShort)
	v.MaxLen(prefix+"code", n.Code, maxCode)
	if n.ParentID < 0 {
		v.Add(prefix+"parent_id", "org.error.parent_unknown")
	}
}

func (a *Act) validate(v *problem.Validation) {
	if a.Effective.IsZero() {
		v.Add("effective", "error.required")
	}
	v.MaxLen("basis", a.Basis, maxBasis)
	v.MaxLen("note", a.Note, maxNote)
}

// unitRow is a units row: what does not change over a unit's life.
type unitRow struct {
	ID        int64
	Kind      Kind
	Level     Level
	Code      string
	From, To  date.Date
	EndReason EndReason
}

// aliveOn reports whether the unit exists on d.
func (u unitRow) aliveOn(d date.Date) bool {
	return !u.From.After(d) && (u.To.IsZero() || u.To.After(d))
}

// clamp returns d moved into the unit's life: its first day if d is before
// it, its last day if d is after it.
func (u unitRow) clamp(d date.Date) date.Date {
	if d.Before(u.From) {
		return u.From
	}
	if !u.To.IsZero() && !d.Before(u.To) {
		return u.To.AddDays(-1)
	}
	return d
}

// loadUnit reads a units row; db.ErrNotFound if there is none.
func (s *Store) loadUnit(ctx context.Context, id int64) (unitRow, error) {
	var u unitRow
	err := s.db.R(ctx).QueryRowContext(ctx, `SELECT id, kind, level, COALESCE(code, ''), valid_from, valid_to, end_reason
		FROM units WHERE id = $1`, id).Scan(&u.ID, &u.Kind, &u.Level, &u.Code, &u.From, &u.To, &u.EndReason)
	if errors.Is(err, sql.ErrNoRows) {
		return u, db.ErrNotFound
	}
	if err != nil {
		return u, fmt.Errorf("org: load unit %d: %w", id, err)
	}
	return u, nil
}

// today is the default "as of" date.
func (s *Store) today() date.Date { return s.clock.Today() }

// dmy formats a date the way Vietnamese messages write it: 01/07/2025.
func dmy(d date.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, d.Month, d.Year)
}

func nullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// insertEvent records an operation and returns its id.
func (s *Store) insertEvent(ctx context.Context, kind EventKind, unitID int64, a Act) (int64, error) {
	var id int64
	err := s.db.W(ctx).QueryRowContext(ctx, `INSERT INTO unit_events (kind, unit_id, effective, basis, note, created_at, created_by)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
		string(kind), unitID, a.Effective, a.Basis, a.Note, s.clock.Now().UTC(), db.Null(audit.ActorFrom(ctx).UserID)).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("org: record %s event: %w", kind, err)
	}
	return id, nil
}

// insertSuccession lays a predecessor → successor edge of an event.
func (s *Store) insertSuccession(ctx context.Context, eventID, pred, succ int64) error {
	if _, err := s.db.W(ctx).ExecContext(ctx, `INSERT INTO unit_successions (event_id, predecessor_id, successor_id)
		VALUES ($1, $2, $3)`, eventID, pred, succ); err != nil {
		return fmt.Errorf("org: record succession %d → %d: %w", pred, succ, err)
	}
	return nil
}

// record writes the audit entry of a change to a unit, and the unit's
// search entry: every operation calls it once the unit is written.
func (s *Store) record(ctx context.Context, action string, unitID int64, before, after any) error {
	if err := s.log.Record(ctx, audit.Change{Action: action, Entity: "unit", EntityID: unitID, Before: before, After: after}); err != nil {
		return err
	}
	return s.indexUnit(ctx, unitID)
}
