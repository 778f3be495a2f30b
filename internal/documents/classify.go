package documents

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// ClassifyInput changes a document's security class: up (classify), down
// (downgrade) or to thường (declassify). Each needs a reason and is audited.
type ClassifyInput struct {
	Class        auth.Clearance `json:"class"`
	Reason       string         `json:"reason"`
	ProtectUntil date.Date      `json:"protect_until"`
	DeclassifyOn date.Date      `json:"declassify_on"`
}

// Classification is one entry of a document's classification history.
type Classification struct {
	ID           int64          `json:"id"`
	Action       string         `json:"action"` // classify, downgrade, declassify
	From         auth.Clearance `json:"from_class"`
	To           auth.Clearance `json:"to_class"`
	Reason       string         `json:"reason"`
	ProtectUntil date.Date      `json:"protect_until"`
	DeclassifyOn date.Date      `json:"declassify_on"`
	By           string         `json:"by"`
	At           time.Time      `json:"at"`
}

// Classify changes the class of document id as principal p. Nobody
// classifies above their own clearance; the document's attachments follow its
// class; a classified document is taken off the portal.
func (s *Store) Classify(ctx context.Context, p auth.Principal, id int64, in ClassifyInput) (Document, error) {
	in.Reason = vn.Clean(in.Reason)
	var v problem.Validation
	if err := access.CheckClassify(p, int(in.Class), "class"); err != nil {
		return Document{}, err
	}
	if v.Required("reason", in.Reason) {
		v.MaxLen("reason", in.Reason, maxReason)
	}
	if err := v.Err(); err != nil {
		return Document{}, err
	}
	var out Document
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		before, _, err := s.writable(ctx, p, id)
		if err != nil {
			return err
		}
		if in.Class == before.Class && in.ProtectUntil == before.ProtectUntil && in.DeclassifyOn == before.DeclassifyOn {
			return problem.InvalidField("class", "documents.error.class_unchanged")
		}
		checkProtection(&v, in.Class, before.IssuedOn, in.ProtectUntil, in.DeclassifyOn)
		if err := v.Err(); err != nil {
			return err
		}
		if _, err := s.db.W(ctx).ExecContext(ctx, `UPDATE documents SET class = $1, protect_until = $2, declassify_on = $3,
			published = CASE WHEN $1 > 0 THEN FALSE ELSE published END, updated_at = $4 WHERE id = $5`,
			int(in.Class), db.Null(in.ProtectUntil), db.Null(in.DeclassifyOn), s.clock.Now().UTC(), id); err != nil {
			return fmt.Errorf("documents: classify %d: %w", id, err)
		}
		if err := s.insertClassification(ctx, id, before.Class, in.Class, in.Reason, in.ProtectUntil, in.DeclassifyOn); err != nil {
			return err
		}
		if err := s.classChanged(ctx, id, in.Class); err != nil {
			return err
		}
		if out, err = s.load(ctx, id); err != nil {
			return err
		}
		if err := s.index(ctx, out); err != nil {
			return err
		}
		// The entry carries the higher of the two classes: it describes the
		// document as it was, too.
		return s.record(ctx, audit.ClassAction(int(before.Class), int(in.Class)), id, max(before.Class, in.Class),
			map[string]any{"class": before.Class, "protect_until": before.ProtectUntil, "declassify_on": before.DeclassifyOn},
			map[string]any{"class": in.Class, "protect_until": in.ProtectUntil, "declassify_on": in.DeclassifyOn, "reason": in.Reason})
	})
	return out, err
}

func (s *Store) insertClassification(ctx context.Context, id int64, from, to auth.Clearance, reason string, protect, declassify date.Date) error {
	a := audit.ActorFrom(ctx)
	if _, err := s.db.W(ctx).ExecContext(ctx, `INSERT INTO document_classifications
		(document_id, action, from_class, to_class, reason, protect_until, declassify_on, by_user, by_name, at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
		id, audit.ClassAction(int(from), int(to)), int(from), int(to), reason, db.Null(protect), db.Null(declassify),
		db.Null(a.UserID), a.Name, s.clock.Now().UTC()); err != nil {
		return fmt.Errorf("documents: classification history of %d: %w", id, err)
	}
	return nil
}

// Classifications returns the classification history of a document the
// viewer may see, oldest first.
func (s *Store) Classifications(ctx context.Context, v access.Viewer, id int64) ([]Classification, error) {
	if _, err := s.visible(ctx, v, id); err != nil {
		return nil, err
	}
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT id, action, from_class, to_class, reason, protect_until, declassify_on, by_name, at
		FROM document_classifications WHERE document_id = $1 ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("documents: classifications of %d: %w", id, err)
	}
	defer rows.Close()
	var out []Classification
	for rows.Next() {
		var c Classification
		if err := rows.Scan(&c.ID, &c.Action, &c.From, &c.To, &c.Reason, &c.ProtectUntil, &c.DeclassifyOn, &c.By, &c.At); err != nil {
			return nil, err
		}
		c.At = c.At.UTC()
		out = append(out, c)
	}
	return out, rows.Err()
}

// History returns the audit entries of a document the viewer may see,
// newest first: who registered, changed, classified and read it. Entries
// above the document's present class (from before a downgrade, or naming a
// more secret linked document) are left out, whatever the viewer's clearance.
func (s *Store) History(ctx context.Context, v access.Viewer, id int64) ([]audit.Entry, error) {
	d, err := s.visible(ctx, v, id)
	if err != nil {
		return nil, err
	}
	return s.log.List(ctx, audit.Filter{Entity: Entity, EntityID: strconv.FormatInt(id, 10), Limit: 200,
		Clearance: int(min(d.Class, v.Clearance))})
}
