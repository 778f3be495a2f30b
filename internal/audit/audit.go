// Package audit keeps the log of every change made through Plenum: who, when,
// from where, what, and the values before and after. Entries form a hash
// chain — each hash covers the entry and the previous hash — so that Verify
// detects an edited, deleted, inserted or reordered row and names the first.
//
// An entry is written in the transaction of the change it records: both
// commit or neither does. Appending locks the single audit_head row, so
// writers on several instances queue there and the chain never forks.
package audit

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"

	"plenum/internal/clock"
	"plenum/internal/db"
)

// TimeLayout is how entry times are stored and hashed: fixed width, so that
// text order is time order on both engines.
const TimeLayout = "2006-01-02T15:04:05.000000Z"

// Actor is who makes a change: a signed-in user, an API token's owner, or a
// command run on the server.
type Actor struct {
	UserID int64  // 0 when no user account is behind the change
	Name   string // username, or "cli:<os user>", or "system"
	IP     string
}

type actorKey struct{}

// WithActor returns ctx carrying the actor whose changes follow.
func WithActor(ctx context.Context, a Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom returns the actor in ctx; "system" if none was set.
func ActorFrom(ctx context.Context) Actor {
	if a, ok := ctx.Value(actorKey{}).(Actor); ok {
		return a
	}
	return Actor{Name: "system"}
}

// Entry is one line of the audit log.
type Entry struct {
	Seq      int64           `json:"seq"`
	At       time.Time       `json:"at"`
	ActorID  int64           `json:"actor_id,omitempty"`
	Actor    string          `json:"actor"`
	IP       string          `json:"ip,omitempty"`
	Action   string          `json:"action"`
	Entity   string          `json:"entity"`
	EntityID string          `json:"entity_id"`
	Class    int             `json:"class"`
	Before   json.RawMessage `json:"before,omitempty"`
	After    json.RawMessage `json:"after,omitempty"`
	PrevHash string          `json:"prev_hash"`
	Hash     string          `json:"hash"`
}

// Log appends to and reads the audit log.
type Log struct {
	db    *db.DB
	clock clock.Clock
}

// New returns the audit log of d, whose entries are timed by c.
func New(d *db.DB, c clock.Clock) *Log { return &Log{db: d, clock: c} }

// Change describes what Record writes. Before and After are marshalled to JSON;
// nil means "did not exist" (a creation has no Before, a deletion no After).
type Change struct {
	Action   string // create, update, delete, merge, signin, read…
	Entity   string // unit, person, post, user, token…
	EntityID any
	Class    int // security class of the record, so that readers of the log need the clearance too
	Before   any
	After    any
}

// ErrNoTx is returned when Record is called outside a transaction: an audit
// entry must commit with the change it records, or not at all.
var ErrNoTx = errors.New("audit: Record must run inside the transaction of the change")

// Record appends an entry for the change, in the transaction carried by ctx.
func (l *Log) Record(ctx context.Context, c Change) error {
	if !db.InTx(ctx) {
		return ErrNoTx
	}
	before, err := marshal(c.Before)
	if err != nil {
		return fmt.Errorf("audit: before value of %s %v: %w", c.Entity, c.EntityID, err)
	}
	after, err := marshal(c.After)
	if err != nil {
		return fmt.Errorf("audit: after value of %s %v: %w", c.Entity, c.EntityID, err)
	}
	a := ActorFrom(ctx)
	e := Entry{
		At: l.clock.Now().UTC().Truncate(time.Microsecond), ActorID: a.UserID, Actor: a.Name, IP: a.IP,
		Action: c.Action, Entity: c.Entity, EntityID: fmt.Sprint(c.EntityID), Class: c.Class,
		Before: before, After: after,
	}
	q := l.db.W(ctx)
	lock := ""
	if l.db.Dialect == db.Postgres {
		lock = " FOR UPDATE"
	}
	if err := q.QueryRowContext(ctx, `SELECT seq, hash FROM audit_head WHERE id = 1`+lock).Scan(&e.Seq, &e.PrevHash); err != nil {
		return fmt.Errorf("audit: read chain head: %w", err)
	}
	e.Seq++
	e.Hash = e.computeHash()
	if _, err := q.ExecContext(ctx, `INSERT INTO audit_log
		(seq, at, actor_id, actor, ip, action, entity, entity_id, class, before_json, after_json, prev_hash, hash)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
		e.Seq, e.At.Format(TimeLayout), db.Null(e.ActorID), e.Actor, e.IP, e.Action, e.Entity, e.EntityID, e.Class,
		nullJSON(e.Before), nullJSON(e.After), e.PrevHash, e.Hash); err != nil {
		return fmt.Errorf("audit: append: %w", err)
	}
	head := `UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1`
	if !observes[c.Action] {
		head = `UPDATE audit_head SET seq = $1, hash = $2, data_seq = $1 WHERE id = 1`
	}
	if _, err := q.ExecContext(ctx, head, e.Seq, e.Hash); err != nil {
		return fmt.Errorf("audit: move chain head: %w", err)
	}
	return nil
}

// observes holds the actions that record what someone saw or tried rather
// than a change of data: they do not move DataVersion.
var observes = map[string]bool{"read": true, "signin": true, "signin_failed": true, "signout": true, "import_refused": true}

// DataVersion returns a number that grows whenever a change to any record
// commits (the seq of the last audit entry that was not a mere read or
// sign-in). Figures derived from the data and computed after reading
// version v are current as long as DataVersion still returns v.
func (l *Log) DataVersion(ctx context.Context) (int64, error) {
	var v int64
	if err := l.db.R(ctx).QueryRowContext(ctx, `SELECT data_seq FROM audit_head WHERE id = 1`).Scan(&v); err != nil {
		return 0, fmt.Errorf("audit: data version: %w", err)
	}
	return v, nil
}

// Drift sums up the changes committed after data version from, up to and
// including to: what figures built at from do not show.
type Drift struct {
	Recent bool // all of them were recorded within the window asked for
	Class  int  // the highest class of the records they changed
	Access bool // one of them changed who may see a record: grants, a class
	ByUser bool // the user asked about made one of them
}

// accessActions names the actions that change who may see a record.
var accessActions = []string{"set_access", "classify", "reclassify", "downgrade", "declassify"}

// ClassAction names a change of a record's security class from one class
// to another: classify (up), downgrade, or declassify (to thường).
func ClassAction(from, to int) string {
	switch {
	case to == 0:
		return "declassify"
	case to < from:
		return "downgrade"
	}
	return "classify"
}

// Drift returns the drift from data version from to to, as seen by user.
// Only when the first change is within the last window (so that the range
// read is short) does it read them all; otherwise Recent is false.
func (l *Log) Drift(ctx context.Context, from, to, user int64, window time.Duration) (Drift, error) {
	var d Drift
	if to <= from {
		d.Recent = true
		return d, nil
	}
	var args db.Args
	where := `seq > ` + args.Add(from) + ` AND seq <= ` + args.Add(to) + ` AND action NOT IN ` + db.In(&args, slices.Sorted(maps.Keys(observes)))
	var first string
	err := l.db.R(ctx).QueryRowContext(ctx, `SELECT at FROM audit_log WHERE `+where+` ORDER BY seq LIMIT 1`, args...).Scan(&first)
	if errors.Is(err, sql.ErrNoRows) {
		d.Recent = true
		return d, nil
	}
	if err != nil {
		return d, fmt.Errorf("audit: changes after %d: %w", from, err)
	}
	at, err := time.Parse(TimeLayout, first)
	if err != nil {
		return d, fmt.Errorf("audit: time of a change after %d: %w", from, err)
	}
	if d.Recent = l.clock.Now().Sub(at) <= window; !d.Recent {
		return d, nil
	}
	access := `CASE WHEN action IN ` + db.In(&args, accessActions) + ` THEN 1 ELSE 0 END`
	by := `CASE WHEN actor_id = ` + args.Add(user) + ` THEN 1 ELSE 0 END`
	var acc, byUser int
	if err := l.db.R(ctx).QueryRowContext(ctx, `SELECT max(class), max(`+access+`), max(`+by+`) FROM audit_log WHERE `+where,
		args...).Scan(&d.Class, &acc, &byUser); err != nil {
		return d, fmt.Errorf("audit: changes after %d: %w", from, err)
	}
	d.Access, d.ByUser = acc == 1, byUser == 1
	return d, nil
}

func marshal(v any) (json.RawMessage, error) {
	if v == nil {
		return nil, nil
	}
	if raw, ok := v.(json.RawMessage); ok {
		return raw, nil
	}
	return json.Marshal(v)
}

func nullJSON(b json.RawMessage) any {
	if b == nil {
		return nil
	}
	return string(b)
}

// computeHash is SHA-256 over every field but Hash, each length-prefixed so
// that no two different entries serialise alike (a NULL value is distinct
// from an empty one).
func (e *Entry) computeHash() string {
	h := sha256.New()
	field := func(s string) {
		h.Write([]byte(strconv.Itoa(len(s))))
		h.Write([]byte{':'})
		h.Write([]byte(s))
	}
	optional := func(b json.RawMessage) {
		if b == nil {
			h.Write([]byte{'-'})
			return
		}
		h.Write([]byte{'+'})
		field(string(b))
	}
	field(strconv.FormatInt(e.Seq, 10))
	field(e.At.UTC().Format(TimeLayout))
	field(strconv.FormatInt(e.ActorID, 10))
	field(e.Actor)
	field(e.IP)
	field(e.Action)
	field(e.Entity)
	field(e.EntityID)
	field(strconv.Itoa(e.Class))
	optional(e.Before)
	optional(e.After)
	field(e.PrevHash)
	return hex.EncodeToString(h.Sum(nil))
}
