package ingest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/clock"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/extract"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// Status is where an item stands.
type Status string

// The statuses of an item.
const (
	Pending   Status = "pending"
	Confirmed Status = "confirmed"
	Rejected  Status = "rejected"
)

// Statuses lists them in the order the queue's filter shows them.
var Statuses = []Status{Pending, Confirmed, Rejected}

// Via is how an item came into the queue.
type Via string

// The ways in.
const (
	ViaWeb Via = "web"
	ViaAPI Via = "api"
	ViaCLI Via = "cli"
)

// Item is an article in the queue.
type Item struct {
	ID         int64          `json:"id"`
	SourceName string         `json:"source_name"`
	Checksum   string         `json:"checksum"`
	Title      string         `json:"title"`
	EventDate  date.Date      `json:"event_date"`
	Province   string         `json:"province,omitempty"`
	Size       int            `json:"size"`
	Status     Status         `json:"status"`
	Class      auth.Clearance `json:"class"`
	Via        Via            `json:"via"`
	// SubmittedBy is the account that queued it (0 from the command line);
	// Submitter names it as the audit log does.
	SubmittedBy int64     `json:"submitted_by,omitempty"`
	Submitter   string    `json:"submitter"`
	CreatedAt   time.Time `json:"created_at"`
	DecidedBy   int64     `json:"decided_by,omitempty"`
	Decider     string    `json:"decider,omitempty"`
	DecidedAt   time.Time `json:"decided_at"`
	Reason      string    `json:"reason,omitempty"`

	// Text and Article are read by Get, not by List: the article as read
	// (the spans index it) and the extractor's output.
	Text    string           `json:"text,omitempty"`
	Article *extract.Article `json:"extraction,omitempty"`
}

// Limits on text fields, in characters.
const (
	maxName   = 300
	maxReason = 2000
)

// SubmitInput queues one article: pasted text or an uploaded file.
type SubmitInput struct {
	// Name is the file name, or a label for pasted text.
	Name string `json:"name,omitempty"`
	// Text is pasted text, plain or HTML.
	Text string `json:"text,omitempty"`
	// Data is an uploaded file's bytes, in any encoding Decode reads.
	Data []byte `json:"-"`
	// Class is the item's security class (thường unless given).
	Class int `json:"class,omitempty"`
	// Reference is the date the article is known to be from, for days
	// written without a year when it has no date line; zero if unknown.
	Reference date.Date `json:"reference"`
}

// Submitted is the outcome of a submission: the item, and whether it was
// already in the queue (Known) rather than added.
type Submitted struct {
	Item  Item `json:"item"`
	Known bool `json:"known"`
}

// Submit reads an article and queues it as a pending item, in its own
// transaction; an article already in the queue is recognised by its
// checksum and its item returned with Known set. A file that cannot be read
// — empty, binary, in an unknown encoding, over MaxBytes — is refused with
// a problem that names it.
func (s *Store) Submit(ctx context.Context, p auth.Principal, via Via, in SubmitInput) (Submitted, error) {
	field := "text"
	data := []byte(in.Text)
	if in.Data != nil {
		field, data = "file", in.Data
	}
	in.Name = vn.Clean(in.Name)
	if in.Name == "" {
		in.Name = "văn bản dán " + s.clock.Now().In(clock.Vietnam).Format("02/01/2006 15:04")
	}
	var v problem.Validation
	v.MaxLen("name", in.Name, maxName)
	if err := access.CheckClassify(p, in.Class, "class"); err != nil {
		pe, _ := problem.As(err)
		v.Add("class", pe.Fields[0].Key)
	}
	if err := v.Err(); err != nil {
		return Submitted{}, err
	}
	art, err := extract.Bytes(in.Name, data, extract.Options{MaxBytes: s.MaxBytes(), Reference: in.Reference})
	if err != nil {
		return Submitted{}, readProblem(field, in.Name, s.MaxBytes(), err)
	}
	return s.queue(ctx, p, via, in.Name, len(data), in.Class, art)
}

// readProblem turns the extractor's refusal of a file into a problem that
// names the file.
func readProblem(field, name string, limit int64, err error) error {
	var enc *extract.UnknownEncodingError
	switch {
	case errors.Is(err, extract.ErrEmpty):
		return problem.InvalidField(field, "ingest.error.empty", name)
	case errors.Is(err, extract.ErrBinary):
		return problem.InvalidField(field, "ingest.error.binary", name)
	case errors.Is(err, extract.ErrTooLarge):
		return &problem.Error{Code: problem.TooLarge, Key: "ingest.error.too_large", Args: []any{name, limit},
			Fields: []problem.Field{{Name: field, Key: "ingest.error.too_large", Args: []any{name, limit}}}}
	case errors.As(err, &enc):
		return problem.InvalidField(field, "ingest.error.encoding", name, enc.Name)
	}
	return &problem.Error{Code: problem.Invalid, Err: err,
		Fields: []problem.Field{{Name: field, Key: "ingest.error.unreadable", Args: []any{name}}}}
}

// queue writes a read article as a pending item, unless its checksum is
// known.
func (s *Store) queue(ctx context.Context, p auth.Principal, via Via, name string, size, class int, art extract.Article) (Submitted, error) {
	sum := Checksum(art.Text)
	ext, err := encodeExtraction(art)
	if err != nil {
		return Submitted{}, err
	}
	var out Submitted
	err = s.db.Tx(ctx, func(ctx context.Context) error {
		var id int64
		var known auth.Clearance
		err := s.db.R(ctx).QueryRowContext(ctx, `SELECT id, class FROM ingest_items WHERE checksum = $1`, sum).Scan(&id, &known)
		if err == nil {
			v, err := s.access.Viewer(ctx, p)
			if err != nil {
				return err
			}
			if via == ViaCLI {
				v = access.System
			}
			if s.access.Check(ctx, v, Entity, id, int(known)) != nil {
				// The submitter holds the text, but may not see the item.
				return problem.New(problem.Conflict, "ingest.error.known_hidden")
			}
			out.Known = true
			out.Item, err = s.load(ctx, id, false)
			return err
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("ingest: look up checksum: %w", err)
		}
		actor := audit.ActorFrom(ctx)
		it := Item{SourceName: name, Checksum: sum, Title: art.Title, EventDate: eventDate(art), Province: art.Province,
			Size: size, Status: Pending, Class: auth.Clearance(class), Via: via, SubmittedBy: p.User.ID,
			Submitter: actor.Name, CreatedAt: s.clock.Now().UTC()}
		err = s.db.W(ctx).QueryRowContext(ctx, `INSERT INTO ingest_items (source_name, checksum, text, extraction, title,
			event_date, province, size, status, class, via, search_key, submitted_by, submitter, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, $10, $11, $12, $13, $14) RETURNING id`,
			it.SourceName, sum, art.Text, ext, it.Title, it.EventDate, it.Province, size, class, string(via),
			vn.Fold(it.Title+" "+it.SourceName), db.Null(p.User.ID), it.Submitter, it.CreatedAt).Scan(&it.ID)
		if db.IsUniqueViolation(err) {
			return problem.New(problem.Conflict, "ingest.error.known_hidden")
		}
		if err != nil {
			return fmt.Errorf("ingest: insert item: %w", err)
		}
		if class > 0 {
			if err := s.access.SetGrants(ctx, Entity, it.ID, class, []access.Grant{{UserID: p.User.ID}}); err != nil {
				return err
			}
		}
		out.Item = it
		return s.log.Record(ctx, audit.Change{Action: "create", Entity: Entity, EntityID: it.ID, Class: class, After: it})
	})
	return out, err
}

// eventDate is the day an article's records are taken as of: the day of the
// event it reports, else its publication date.
func eventDate(a extract.Article) date.Date {
	if !a.EventDate.IsZero() {
		return a.EventDate
	}
	return a.Published
}

// itemColumns are read by List and Get; Get adds the text and extraction.
const itemColumns = `i.id, i.source_name, i.checksum, i.title, i.event_date, i.province, i.size, i.status, i.class, i.via,
	COALESCE(i.submitted_by, 0), i.submitter, i.created_at, COALESCE(i.decided_by, 0), i.decider, i.decided_at, i.reason`

func scanItem(r interface{ Scan(...any) error }, extra ...any) (Item, error) {
	var it Item
	var decided sql.NullTime
	err := r.Scan(append([]any{&it.ID, &it.SourceName, &it.Checksum, &it.Title, &it.EventDate, &it.Province, &it.Size, &it.Status,
		&it.Class, &it.Via, &it.SubmittedBy, &it.Submitter, &it.CreatedAt, &it.DecidedBy, &it.Decider, &decided, &it.Reason}, extra...)...)
	if decided.Valid {
		it.DecidedAt = decided.Time.UTC()
	}
	it.CreatedAt = it.CreatedAt.UTC()
	return it, err
}

// load reads an item without checking who may see it; full adds the text
// and the extraction.
func (s *Store) load(ctx context.Context, id int64, full bool) (Item, error) {
	q := `SELECT ` + itemColumns
	var text, ext string
	var extra []any
	if full {
		q += `, i.text, i.extraction`
		extra = []any{&text, &ext}
	}
	it, err := scanItem(s.db.R(ctx).QueryRowContext(ctx, q+` FROM ingest_items i WHERE i.id = $1`, id), extra...)
	if errors.Is(err, sql.ErrNoRows) {
		return Item{}, problem.ErrNotFound
	}
	if err != nil {
		return Item{}, fmt.Errorf("ingest: load item %d: %w", id, err)
	}
	if full {
		a, err := decodeExtraction(ext)
		if err != nil {
			return Item{}, err
		}
		it.Text, it.Article = text, &a
	}
	return it, nil
}

// Get returns an item with its text and extraction, if the viewer may see
// it; problem.ErrNotFound otherwise, as for an item that does not exist.
func (s *Store) Get(ctx context.Context, v access.Viewer, id int64) (Item, error) {
	it, err := s.load(ctx, id, true)
	if err != nil {
		return Item{}, err
	}
	if err := s.access.Check(ctx, v, Entity, id, int(it.Class)); err != nil {
		return Item{}, err
	}
	return it, nil
}

// ListQuery filters the queue. Zero fields do not filter.
type ListQuery struct {
	Status Status `json:"status,omitempty"`
	Text   string `json:"q,omitempty"` // words of the title or source name, without regard to accents
	// Page counts from 1; Size is 50 by default, at most 500.
	Page int `json:"page,omitempty"`
	Size int `json:"size,omitempty"`
}

// ListPage is one page of the queue, newest first, and the counts by status
// of what the viewer may see under the same text filter.
type ListPage struct {
	Items  []Item         `json:"items"`
	Total  int            `json:"total"`
	Page   int            `json:"page"`
	Size   int            `json:"size"`
	Counts map[Status]int `json:"counts"`
}

// List returns a page of the queue as the viewer may see it.
func (s *Store) List(ctx context.Context, v access.Viewer, q ListQuery) (ListPage, error) {
	var val problem.Validation
	val.Check(q.Status == "" || q.Status.Valid(), "status", "error.invalid_choice")
	val.MaxLen("q", q.Text, maxName)
	val.Check(q.Page >= 0, "page", "error.invalid_number")
	val.Check(q.Size >= 0, "size", "error.invalid_number")
	if err := val.Err(); err != nil {
		return ListPage{}, err
	}
	if q.Size == 0 {
		q.Size = 50
	}
	q.Size, q.Page = min(q.Size, 500), max(q.Page, 1)
	var args db.Args
	conds := []string{v.Visible(Entity, "i", &args)}
	for _, w := range strings.Fields(vn.Fold(q.Text)) {
		conds = append(conds, `i.search_key LIKE `+args.Add("%"+escapeLike(w)+"%")+` ESCAPE '\'`)
	}
	where := strings.Join(conds, " AND ")
	out := ListPage{Page: q.Page, Size: q.Size, Items: []Item{}, Counts: map[Status]int{}}
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT i.status, count(*) FROM ingest_items i WHERE `+where+` GROUP BY i.status`, args...)
	if err != nil {
		return out, fmt.Errorf("ingest: count: %w", err)
	}
	for rows.Next() {
		var st Status
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			rows.Close()
			return out, fmt.Errorf("ingest: count: %w", err)
		}
		out.Counts[st] = n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return out, err
	}
	if q.Status != "" {
		where += ` AND i.status = ` + args.Add(string(q.Status))
		out.Total = out.Counts[q.Status]
	} else {
		for _, n := range out.Counts {
			out.Total += n
		}
	}
	rows, err = s.db.R(ctx).QueryContext(ctx, `SELECT `+itemColumns+` FROM ingest_items i WHERE `+where+
		` ORDER BY i.created_at DESC, i.id DESC LIMIT `+args.Add(q.Size)+` OFFSET `+args.Add((q.Page-1)*q.Size), args...)
	if err != nil {
		return out, fmt.Errorf("ingest: list: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		it, err := scanItem(rows)
		if err != nil {
			return out, fmt.Errorf("ingest: list: %w", err)
		}
		out.Items = append(out.Items, it)
	}
	return out, rows.Err()
}

// Valid reports whether st is a known status.
func (st Status) Valid() bool {
	for _, x := range Statuses {
		if st == x {
			return true
		}
	}
	return false
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// lockPending reads an item for a decision, in the caller's transaction:
// locked on PostgreSQL so that two decisions on one item queue, checked
// against the viewer, and refused unless pending.
func (s *Store) lockPending(ctx context.Context, v access.Viewer, id int64) (Item, error) {
	if s.db.Dialect == db.Postgres {
		if _, err := s.db.W(ctx).ExecContext(ctx, `SELECT id FROM ingest_items WHERE id = $1 FOR UPDATE`, id); err != nil {
			return Item{}, fmt.Errorf("ingest: lock item %d: %w", id, err)
		}
	}
	it, err := s.Get(ctx, v, id)
	if err != nil {
		return it, err
	}
	if it.Status != Pending {
		return it, problem.New(problem.Conflict, "ingest.error.already_"+string(it.Status))
	}
	return it, nil
}

// decide marks an item confirmed or rejected, in the caller's transaction.
func (s *Store) decide(ctx context.Context, p auth.Principal, it Item, to Status, decisions, reason string) (Item, error) {
	actor := audit.ActorFrom(ctx)
	now := s.clock.Now().UTC()
	if _, err := s.db.W(ctx).ExecContext(ctx, `UPDATE ingest_items SET status = $1, decided_by = $2, decider = $3,
		decided_at = $4, decisions = $5, reason = $6 WHERE id = $7`,
		string(to), db.Null(p.User.ID), actor.Name, now, decisions, reason, it.ID); err != nil {
		return it, fmt.Errorf("ingest: decide item %d: %w", it.ID, err)
	}
	it.Status, it.DecidedBy, it.Decider, it.DecidedAt, it.Reason = to, p.User.ID, actor.Name, now, reason
	return it, nil
}

// Reject marks a pending item rejected, with the reason given; nothing is
// written but the decision.
func (s *Store) Reject(ctx context.Context, p auth.Principal, id int64, reason string) (Item, error) {
	reason = strings.TrimSpace(vn.Normalize(reason))
	var v problem.Validation
	v.MaxLen("reason", reason, maxReason)
	if err := v.Err(); err != nil {
		return Item{}, err
	}
	var out Item
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		viewer, err := s.access.Viewer(ctx, p)
		if err != nil {
			return err
		}
		it, err := s.lockPending(ctx, viewer, id)
		if err != nil {
			return err
		}
		if out, err = s.decide(ctx, p, it, Rejected, "", reason); err != nil {
			return err
		}
		return s.log.Record(ctx, audit.Change{Action: "reject", Entity: Entity, EntityID: id, Class: int(it.Class),
			Before: map[string]Status{"status": Pending}, After: map[string]string{"status": string(Rejected), "reason": reason}})
	})
	return out, err
}
