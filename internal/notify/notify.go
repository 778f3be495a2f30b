// Package notify delivers what Plenum has to tell a person: in-app
// notifications (the bell in the page header and the list behind it) and,
// when an SMTP server is configured, e-mail through an outbox in the
// database that the holder of the "mail" job lease drains, with retries.
//
// A notification and its mail are written in the transaction of whatever
// caused them (a reminder's unique key, say), so they exist exactly when
// that commits. Sending is at-least-once on the wire: a crash between the
// server accepting a message and the outbox row being marked sent sends it
// again on the next drain, with the same Message-ID so that mail clients
// fold the two.
package notify

import (
	"context"
	"fmt"
	"time"

	"plenum/internal/access"
	"plenum/internal/clock"
	"plenum/internal/db"
	"plenum/internal/problem"
)

// Notification is one message in a user's list.
type Notification struct {
	ID       int64      `json:"id"`
	UserID   int64      `json:"user_id"`
	Kind     string     `json:"kind"` // "reminder", "digest", …
	Entity   string     `json:"entity,omitempty"`
	EntityID int64      `json:"entity_id,omitempty"`
	Class    int        `json:"class"`
	Title    string     `json:"title"`
	Body     string     `json:"body,omitempty"`
	URL      string     `json:"url,omitempty"`
	Created  time.Time  `json:"created_at"`
	ReadAt   *time.Time `json:"read_at,omitempty"`
}

// Mail is a message waiting in the outbox.
type Mail struct {
	UserID    int64
	To        string
	Subject   string
	Body      string
	MessageID string // unique: queueing the same id twice queues it once
}

// Store keeps notifications and the outbox.
type Store struct {
	db    *db.DB
	clock clock.Clock
	// MailEnabled is set when an SMTP server is configured; without it
	// nothing is queued.
	MailEnabled bool
}

// New returns the store over d.
func New(d *db.DB, c clock.Clock) *Store {
	return &Store{db: d, clock: c}
}

// Add writes a notification in the caller's transaction and returns its id.
func (s *Store) Add(ctx context.Context, n Notification) (int64, error) {
	var id int64
	var entityID any
	if n.EntityID != 0 {
		entityID = n.EntityID
	}
	err := s.db.W(ctx).QueryRowContext(ctx, `INSERT INTO notifications (user_id, kind, entity, entity_id, class, title, body, url, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
		n.UserID, n.Kind, n.Entity, entityID, n.Class, n.Title, n.Body, n.URL, s.clock.Now().UTC()).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("notify: add for user %d: %w", n.UserID, err)
	}
	return id, nil
}

// Queue puts a mail in the outbox in the caller's transaction, unless mail
// is off or the address is empty. A message id already queued is ignored.
func (s *Store) Queue(ctx context.Context, m Mail) error {
	if !s.MailEnabled || m.To == "" {
		return nil
	}
	now := s.clock.Now().UTC()
	_, err := s.db.W(ctx).ExecContext(ctx, `INSERT INTO mail_outbox (user_id, to_addr, subject, body, message_id, created_at, next_attempt_at)
		VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (message_id) DO NOTHING`,
		m.UserID, m.To, m.Subject, m.Body, m.MessageID, now)
	if err != nil {
		return fmt.Errorf("notify: queue mail to user %d: %w", m.UserID, err)
	}
	return nil
}

// visible admits the notifications the viewer may still see. One about a
// record (a task, say) follows the record's rule: it was addressed to
// someone who had the need to know it, and stops showing when they lose it
// or the clearance for it. One about no record in particular (a digest) is
// kept from a reader whose clearance no longer covers its class.
func visible(v access.Viewer, args *db.Args) string {
	if v.All {
		return "1 = 1"
	}
	return "((n.entity = '' AND n.class <= " + args.Add(int(v.Clearance)) + ") OR (n.entity <> '' AND " +
		v.VisibleRows("n.entity", "n.class", "CAST(n.entity_id AS TEXT)", args) + "))"
}

// List returns a user's notifications, newest first.
func (s *Store) List(ctx context.Context, v access.Viewer, unreadOnly bool, limit, offset int) ([]Notification, error) {
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	var args db.Args
	where := "n.user_id = " + args.Add(v.UserID) + " AND " + visible(v, &args)
	if unreadOnly {
		where += " AND n.read_at IS NULL"
	}
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT n.id, n.user_id, n.kind, n.entity, COALESCE(n.entity_id, 0), n.class, n.title,
		n.body, n.url, n.created_at, n.read_at FROM notifications n WHERE `+where+` ORDER BY n.id DESC LIMIT `+args.Add(limit)+
		` OFFSET `+args.Add(max(offset, 0)), args...)
	if err != nil {
		return nil, fmt.Errorf("notify: list: %w", err)
	}
	defer rows.Close()
	out := []Notification{}
	for rows.Next() {
		var n Notification
		if err := rows.Scan(&n.ID, &n.UserID, &n.Kind, &n.Entity, &n.EntityID, &n.Class, &n.Title, &n.Body, &n.URL,
			&n.Created, &n.ReadAt); err != nil {
			return nil, err
		}
		n.Created = n.Created.UTC()
		out = append(out, n)
	}
	return out, rows.Err()
}

// Unread counts a user's unread notifications, for the bell.
func (s *Store) Unread(ctx context.Context, v access.Viewer) (int, error) {
	var args db.Args
	var n int
	err := s.db.R(ctx).QueryRowContext(ctx, `SELECT count(*) FROM notifications n WHERE n.user_id = `+args.Add(v.UserID)+
		` AND n.read_at IS NULL AND `+visible(v, &args), args...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("notify: unread: %w", err)
	}
	return n, nil
}

// MarkRead marks one of the viewer's notifications read (id 0: all of
// those they may see). One they may not see is not found, as one that does
// not exist.
func (s *Store) MarkRead(ctx context.Context, v access.Viewer, id int64) error {
	mine := func(args *db.Args) string {
		return "n.user_id = " + args.Add(v.UserID) + " AND " + visible(v, args)
	}
	if id != 0 {
		var args db.Args
		var n int
		if err := s.db.R(ctx).QueryRowContext(ctx, `SELECT count(*) FROM notifications n WHERE n.id = `+args.Add(id)+
			` AND `+mine(&args), args...).Scan(&n); err != nil {
			return fmt.Errorf("notify: read %d: %w", id, err)
		}
		if n == 0 {
			return problem.ErrNotFound
		}
	}
	args := db.Args{s.clock.Now().UTC()}
	where := mine(&args) + " AND n.read_at IS NULL"
	if id != 0 {
		where += " AND n.id = " + args.Add(id)
	}
	if _, err := s.db.W(ctx).ExecContext(ctx, `UPDATE notifications SET read_at = $1
		WHERE id IN (SELECT n.id FROM notifications n WHERE `+where+`)`, args...); err != nil {
		return fmt.Errorf("notify: mark read: %w", err)
	}
	return nil
}
