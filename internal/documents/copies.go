package documents

import (
	"context"
	"fmt"
	"time"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// Copy is an entry of the register of copies handed out: which copy of a
// document went to whom, when, and when it came back.
type Copy struct {
	ID         int64     `json:"id"`
	Number     int       `json:"copy_number"`
	UnitID     int64     `json:"unit_id,omitempty"`
	Recipient  string    `json:"recipient"`
	HandedOn   date.Date `json:"handed_on"`
	ReturnedOn date.Date `json:"returned_on"`
	Note       string    `json:"note,omitempty"`
	CreatedAt  time.Time `json:"created_at"`
}

// CopyInput registers a copy handed out; the copy number is the next one.
type CopyInput struct {
	UnitID    int64     `json:"unit_id,omitempty"`
	Recipient string    `json:"recipient,omitempty"`
	HandedOn  date.Date `json:"handed_on"`
	Note      string    `json:"note,omitempty"`
}

// RegisterCopy records that the next copy of document id was handed out.
func (s *Store) RegisterCopy(ctx context.Context, p auth.Principal, id int64, in CopyInput) (Copy, error) {
	in.Recipient, in.Note = vn.Clean(in.Recipient), vn.Clean(in.Note)
	var v problem.Validation
	v.Check(in.UnitID != 0 || in.Recipient != "", "recipient", "error.required")
	v.MaxLen("recipient", in.Recipient, maxName)
	v.Check(!in.HandedOn.IsZero(), "handed_on", "error.required")
	v.MaxLen("note", in.Note, maxNote)
	if err := v.Err(); err != nil {
		return Copy{}, err
	}
	var out Copy
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		d, _, err := s.writable(ctx, p, id)
		if err != nil {
			return err
		}
		if d.Status == Draft {
			return problem.ConflictField("handed_on", "documents.error.copy_of_draft")
		}
		if in.HandedOn.Before(d.IssuedOn) {
			return problem.InvalidField("handed_on", "documents.error.copy_before_issue")
		}
		if in.UnitID != 0 {
			rs, err := s.resolveRecipients(ctx, []Recipient{{UnitID: in.UnitID, Name: in.Recipient}}, in.HandedOn)
			if err != nil {
				return problem.InvalidField("unit_id", "documents.error.unit_unknown")
			}
			in.Recipient = rs[0].Name
		}
		q := s.db.W(ctx)
		var n int
		if err := q.QueryRowContext(ctx, `SELECT COALESCE(max(copy_number), 0) + 1 FROM document_copies WHERE document_id = $1`, id).Scan(&n); err != nil {
			return fmt.Errorf("documents: next copy of %d: %w", id, err)
		}
		out = Copy{Number: n, UnitID: in.UnitID, Recipient: in.Recipient, HandedOn: in.HandedOn, Note: in.Note,
			CreatedAt: s.clock.Now().UTC().Truncate(time.Microsecond)}
		if err := q.QueryRowContext(ctx, `INSERT INTO document_copies (document_id, copy_number, unit_id, recipient, handed_on, note, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, id, n, db.Null(in.UnitID), in.Recipient, in.HandedOn, in.Note,
			db.Null(p.User.ID), out.CreatedAt).Scan(&out.ID); err != nil {
			return fmt.Errorf("documents: register copy of %d: %w", id, err)
		}
		return s.record(ctx, "copy", id, d.Class, nil, out)
	})
	return out, err
}

// ReturnCopy records that a copy came back on day on.
func (s *Store) ReturnCopy(ctx context.Context, p auth.Principal, id, copyID int64, on date.Date) (Copy, error) {
	if on.IsZero() {
		return Copy{}, problem.InvalidField("returned_on", "error.required")
	}
	var out Copy
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		d, v, err := s.writable(ctx, p, id)
		if err != nil {
			return err
		}
		copies, err := s.Copies(ctx, v, id)
		if err != nil {
			return err
		}
		for _, c := range copies {
			if c.ID == copyID {
				out = c
			}
		}
		switch {
		case out.ID == 0:
			return problem.ErrNotFound
		case !out.ReturnedOn.IsZero():
			return problem.ConflictField("returned_on", "documents.error.copy_returned")
		case on.Before(out.HandedOn):
			return problem.InvalidField("returned_on", "documents.error.return_before_handing")
		}
		before := out
		out.ReturnedOn = on
		if _, err := s.db.W(ctx).ExecContext(ctx, `UPDATE document_copies SET returned_on = $1 WHERE id = $2`, on, copyID); err != nil {
			return fmt.Errorf("documents: return copy %d: %w", copyID, err)
		}
		return s.record(ctx, "copy_return", id, d.Class, before, out)
	})
	return out, err
}

// Copies returns the register of copies of a document the viewer may see.
func (s *Store) Copies(ctx context.Context, v access.Viewer, id int64) ([]Copy, error) {
	if _, err := s.visible(ctx, v, id); err != nil {
		return nil, err
	}
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT id, copy_number, COALESCE(unit_id, 0), recipient, handed_on, returned_on, note, created_at
		FROM document_copies WHERE document_id = $1 ORDER BY copy_number`, id)
	if err != nil {
		return nil, fmt.Errorf("documents: copies of %d: %w", id, err)
	}
	defer rows.Close()
	out := []Copy{}
	for rows.Next() {
		var c Copy
		if err := rows.Scan(&c.ID, &c.Number, &c.UnitID, &c.Recipient, &c.HandedOn, &c.ReturnedOn, &c.Note, &c.CreatedAt); err != nil {
			return nil, err
		}
		c.CreatedAt = c.CreatedAt.UTC()
		out = append(out, c)
	}
	return out, rows.Err()
}
