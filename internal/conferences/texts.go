package conferences

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// Text is one version of the minutes or the conclusion of a conference.
type Text struct {
	ID           int64      `json:"id"`
	ConferenceID int64      `json:"conference_id"`
	Kind         TextKind   `json:"kind"`
	Version      int        `json:"version"`
	Body         string     `json:"body"`
	Note         string     `json:"note,omitempty"` // why a correction was made
	Status       TextStatus `json:"status"`
	PreviousID   int64      `json:"previous_id,omitempty"` // the approved version this one corrects
	CreatedAt    time.Time  `json:"created_at"`
	CreatedBy    string     `json:"created_by,omitempty"`
	UpdatedAt    time.Time  `json:"updated_at"`
	ApprovedAt   time.Time  `json:"approved_at,omitzero"`
	ApprovedBy   string     `json:"approved_by,omitempty"`
}

// Paragraphs returns the text split into paragraphs.
func (t Text) Paragraphs() []string {
	var out []string
	for _, p := range strings.Split(t.Body, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// TextInput writes a draft or a correction.
type TextInput struct {
	Body string `json:"body"`
	// Note says why a correction is made; required for a correction.
	Note string `json:"note,omitempty"`
}

func (in *TextInput) validate(correction bool) error {
	in.Body = cleanText(in.Body)
	in.Note = vn.Clean(in.Note)
	var v problem.Validation
	if v.Required("body", in.Body) {
		v.MaxLen("body", in.Body, maxText)
	}
	if correction {
		v.Required("note", in.Note)
	}
	v.MaxLen("note", in.Note, maxNote)
	return v.Err()
}

const textSelect = `SELECT x.id, x.conference_id, x.kind, x.version, x.body, x.note, x.status, COALESCE(x.previous_id, 0),
		x.created_at, COALESCE(cu.display_name, ''), x.updated_at, x.approved_at, COALESCE(au.display_name, '')
	FROM conference_texts x
	LEFT JOIN users cu ON cu.id = x.created_by
	LEFT JOIN users au ON au.id = x.approved_by`

// texts returns the versions of a text of a conference (of both texts when
// kind is empty), the latest first.
func (s *Store) texts(ctx context.Context, confID int64, kind TextKind) ([]Text, error) {
	rows, err := s.db.R(ctx).QueryContext(ctx, textSelect+` WHERE x.conference_id = $1 AND ($2 = '' OR x.kind = $2)
		ORDER BY x.kind, x.version DESC`, confID, string(kind))
	if err != nil {
		return nil, fmt.Errorf("conferences: %s of %d: %w", kind, confID, err)
	}
	defer rows.Close()
	out := []Text{}
	for rows.Next() {
		var t Text
		var approved sql.NullTime
		if err := rows.Scan(&t.ID, &t.ConferenceID, &t.Kind, &t.Version, &t.Body, &t.Note, &t.Status, &t.PreviousID,
			&t.CreatedAt, &t.CreatedBy, &t.UpdatedAt, &approved, &t.ApprovedBy); err != nil {
			return nil, fmt.Errorf("conferences: %s of %d: %w", kind, confID, err)
		}
		t.CreatedAt, t.UpdatedAt = t.CreatedAt.UTC(), t.UpdatedAt.UTC()
		if approved.Valid {
			t.ApprovedAt = approved.Time.UTC()
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// History returns every version of a text of a conference, the latest first.
func (s *Store) History(ctx context.Context, v access.Viewer, confID int64, kind TextKind) ([]Text, error) {
	if !kind.Valid() {
		return nil, problem.InvalidField("kind", "error.invalid_choice")
	}
	if _, err := s.conference(ctx, v, confID); err != nil {
		return nil, err
	}
	return s.texts(ctx, confID, kind)
}

// latest returns the latest version of a text, or nil if there is none.
func latest(ts []Text) *Text {
	if len(ts) == 0 {
		return nil
	}
	return &ts[0]
}

// editText runs fn on a conference the viewer may see that has been held,
// with the versions of the text so far.
func (s *Store) editText(ctx context.Context, v access.Viewer, confID int64, kind TextKind,
	fn func(ctx context.Context, c Conference, versions []Text) (Text, error)) (Text, error) {
	if !kind.Valid() {
		return Text{}, problem.InvalidField("kind", "error.invalid_choice")
	}
	var out Text
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		c, err := s.conference(ctx, v, confID)
		if err != nil {
			return err
		}
		if c.Status == Planned {
			return problem.ConflictField("status", "conferences.error.text_before_held")
		}
		versions, err := s.texts(ctx, confID, kind)
		if err != nil {
			return err
		}
		out, err = fn(ctx, c, versions)
		return err
	})
	if err != nil {
		return Text{}, err
	}
	return out, nil
}

// reread returns a version by id after a change.
func (s *Store) reread(ctx context.Context, confID int64, kind TextKind, id int64) (Text, error) {
	ts, err := s.texts(ctx, confID, kind)
	if err != nil {
		return Text{}, err
	}
	for _, t := range ts {
		if t.ID == id {
			return t, nil
		}
	}
	return Text{}, errors.New("conferences: version vanished")
}

// WriteDraft writes the draft of the minutes or the conclusion: the first
// version, or the draft not yet approved. An approved version is locked;
// change it with Correct.
func (s *Store) WriteDraft(ctx context.Context, v access.Viewer, confID int64, kind TextKind, in TextInput) (Text, error) {
	if err := in.validate(false); err != nil {
		return Text{}, err
	}
	return s.editText(ctx, v, confID, kind, func(ctx context.Context, c Conference, versions []Text) (Text, error) {
		now := s.clock.Now().UTC()
		cur := latest(versions)
		if cur != nil && cur.Status == Approved {
			return Text{}, problem.ConflictField("body", "conferences.error.text_locked", cur.Version)
		}
		var id int64
		if cur == nil {
			if err := s.db.W(ctx).QueryRowContext(ctx, `INSERT INTO conference_texts
				(conference_id, kind, version, body, note, status, created_at, created_by, updated_at)
				VALUES ($1, $2, 1, $3, $4, 'draft', $5, $6, $5) RETURNING id`,
				confID, string(kind), in.Body, in.Note, now, actorID(ctx)).Scan(&id); err != nil {
				return Text{}, fmt.Errorf("conferences: insert %s: %w", kind, err)
			}
		} else {
			id = cur.ID
			if err := s.exec(ctx, "update draft", `UPDATE conference_texts SET body = $1, note = $2, updated_at = $3
				WHERE id = $4 AND status = 'draft'`, in.Body, in.Note, now, id); err != nil {
				return Text{}, err
			}
		}
		out, err := s.reread(ctx, confID, kind, id)
		if err != nil {
			return Text{}, err
		}
		var before any
		if cur != nil {
			before = cur
		}
		return out, s.log.Record(ctx, audit.Change{Action: "draft_" + string(kind), Entity: entityConference, EntityID: confID,
			Class: int(c.Class), Before: before, After: out})
	})
}

// Approve approves the draft of the minutes or the conclusion, which locks it.
func (s *Store) Approve(ctx context.Context, v access.Viewer, confID int64, kind TextKind) (Text, error) {
	return s.editText(ctx, v, confID, kind, func(ctx context.Context, c Conference, versions []Text) (Text, error) {
		cur := latest(versions)
		if cur == nil || cur.Status != Draft {
			return Text{}, problem.ConflictField("status", "conferences.error.no_draft")
		}
		now := s.clock.Now().UTC()
		if err := s.exec(ctx, "approve", `UPDATE conference_texts SET status = 'approved', approved_at = $1, approved_by = $2, updated_at = $1
			WHERE id = $3 AND status = 'draft'`, now, actorID(ctx), cur.ID); err != nil {
			return Text{}, err
		}
		out, err := s.reread(ctx, confID, kind, cur.ID)
		if err != nil {
			return Text{}, err
		}
		if err := s.index(ctx, confID); err != nil {
			return Text{}, err
		}
		return out, s.log.Record(ctx, audit.Change{Action: "approve_" + string(kind), Entity: entityConference, EntityID: confID,
			Class: int(c.Class), Before: map[string]any{"id": cur.ID, "status": Draft}, After: out})
	})
}

// Correct starts a correction of the approved minutes or conclusion: a new
// draft version that points at the approved one, which stays as it was.
func (s *Store) Correct(ctx context.Context, v access.Viewer, confID int64, kind TextKind, in TextInput) (Text, error) {
	if err := in.validate(true); err != nil {
		return Text{}, err
	}
	return s.editText(ctx, v, confID, kind, func(ctx context.Context, c Conference, versions []Text) (Text, error) {
		cur := latest(versions)
		if cur == nil || cur.Status != Approved {
			return Text{}, problem.ConflictField("status", "conferences.error.nothing_to_correct")
		}
		now := s.clock.Now().UTC()
		var id int64
		if err := s.db.W(ctx).QueryRowContext(ctx, `INSERT INTO conference_texts
			(conference_id, kind, version, body, note, status, previous_id, created_at, created_by, updated_at)
			VALUES ($1, $2, $3, $4, $5, 'draft', $6, $7, $8, $7) RETURNING id`,
			confID, string(kind), cur.Version+1, in.Body, in.Note, cur.ID, now, actorID(ctx)).Scan(&id); err != nil {
			return Text{}, fmt.Errorf("conferences: insert correction of %s: %w", kind, err)
		}
		out, err := s.reread(ctx, confID, kind, id)
		if err != nil {
			return Text{}, err
		}
		return out, s.log.Record(ctx, audit.Change{Action: "correct_" + string(kind), Entity: entityConference, EntityID: confID,
			Class: int(c.Class), After: out})
	})
}

// approvedText returns the latest approved version of a text, or nil.
func approvedText(versions []Text) *Text {
	for i := range versions {
		if versions[i].Status == Approved {
			return &versions[i]
		}
	}
	return nil
}
