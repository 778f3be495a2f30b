package conferences

import (
	"context"
	"fmt"
	"slices"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/db"
	"plenum/internal/docsym"
	"plenum/internal/documents"
	"plenum/internal/problem"
)

// DocRef is a document of the registry as a conference names it: attached
// to an agenda item or adopted by the conference.
type DocRef = documents.Ref

// docLinks connects agenda items and conferences to the document registry:
// the tables agenda_item_documents and conference_documents, read with the
// registry's own visibility rule.
type docLinks struct {
	db     *db.DB
	access *access.Store
}

const refColumns = `d.id, d.kind, d.symbol, d.title, d.issuer_name, d.issued_on, d.status, d.class`

func (l docLinks) refs(ctx context.Context, q string, args ...any) ([]DocRef, error) {
	rows, err := l.db.R(ctx).QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("conferences: documents: %w", err)
	}
	defer rows.Close()
	out := []DocRef{}
	for rows.Next() {
		var r DocRef
		if err := rows.Scan(&r.ID, &r.Kind, &r.Symbol, &r.Title, &r.IssuerName, &r.IssuedOn, &r.Status, &r.Class); err != nil {
			return nil, fmt.Errorf("conferences: documents: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// allAttachedVisible is the condition that every document attached to the
// item idExpr is visible to the viewer.
func (docLinks) allAttachedVisible(v access.Viewer, idExpr string, args *db.Args) string {
	if v.All {
		return "1 = 1"
	}
	return `NOT EXISTS (SELECT 1 FROM agenda_item_documents ad JOIN documents d ON d.id = ad.document_id
		WHERE ad.item_id = ` + idExpr + ` AND NOT (` + v.Visible(documents.Entity, "d", args) + `))`
}

// attached returns the documents attached to an item; the caller has
// checked that the viewer may see the item, and so all of them.
func (l docLinks) attached(ctx context.Context, itemID int64) ([]DocRef, error) {
	return l.refs(ctx, `SELECT `+refColumns+` FROM agenda_item_documents ad JOIN documents d ON d.id = ad.document_id
		WHERE ad.item_id = $1 ORDER BY ad.position`, itemID)
}

// attachedTo returns the documents attached to each of the items, by item;
// the caller has checked that the viewer may see the items.
func (l docLinks) attachedTo(ctx context.Context, items []int64) (map[int64][]DocRef, error) {
	out := map[int64][]DocRef{}
	if len(items) == 0 {
		return out, nil
	}
	var args db.Args
	rows, err := l.db.R(ctx).QueryContext(ctx, `SELECT ad.item_id, `+refColumns+` FROM agenda_item_documents ad
		JOIN documents d ON d.id = ad.document_id WHERE ad.item_id IN `+db.In(&args, items)+` ORDER BY ad.item_id, ad.position`, args...)
	if err != nil {
		return nil, fmt.Errorf("conferences: documents of items: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var item int64
		var r DocRef
		if err := rows.Scan(&item, &r.ID, &r.Kind, &r.Symbol, &r.Title, &r.IssuerName, &r.IssuedOn, &r.Status, &r.Class); err != nil {
			return nil, fmt.Errorf("conferences: documents of items: %w", err)
		}
		out[item] = append(out[item], r)
	}
	return out, rows.Err()
}

// checkAttachable refuses documents that do not exist or that the viewer
// may not see, alike.
func (l docLinks) checkAttachable(ctx context.Context, v access.Viewer, field string, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	var args db.Args
	var n int
	if err := l.db.R(ctx).QueryRowContext(ctx, `SELECT count(*) FROM documents d WHERE d.id IN `+db.In(&args, ids)+` AND `+
		v.Visible(documents.Entity, "d", &args), args...).Scan(&n); err != nil {
		return fmt.Errorf("conferences: check documents: %w", err)
	}
	if n != len(ids) {
		return problem.InvalidField(field, "conferences.error.document_unknown")
	}
	return nil
}

// attach replaces the documents attached to an item.
func (l docLinks) attach(ctx context.Context, itemID int64, ids []int64) error {
	q := l.db.W(ctx)
	if _, err := q.ExecContext(ctx, `DELETE FROM agenda_item_documents WHERE item_id = $1`, itemID); err != nil {
		return fmt.Errorf("conferences: detach documents of item %d: %w", itemID, err)
	}
	for i, id := range ids {
		if _, err := q.ExecContext(ctx, `INSERT INTO agenda_item_documents (item_id, document_id, position) VALUES ($1, $2, $3)`,
			itemID, id, i+1); err != nil {
			return fmt.Errorf("conferences: attach document %d to item %d: %w", id, itemID, err)
		}
	}
	return nil
}

// classOf is the highest class of the documents attached to an item, and
// the grants of those that are classified.
func (l docLinks) classOf(ctx context.Context, itemID int64) (int, []access.Grant, error) {
	rows, err := l.db.R(ctx).QueryContext(ctx, `SELECT d.id, d.class FROM agenda_item_documents ad JOIN documents d ON d.id = ad.document_id
		WHERE ad.item_id = $1 AND d.class > 0`, itemID)
	if err != nil {
		return 0, nil, fmt.Errorf("conferences: classes of item %d: %w", itemID, err)
	}
	type doc struct {
		id    int64
		class int
	}
	var docs []doc
	for rows.Next() {
		var d doc
		if err := rows.Scan(&d.id, &d.class); err != nil {
			rows.Close()
			return 0, nil, err
		}
		docs = append(docs, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, nil, err
	}
	class := 0
	var grants []access.Grant
	for _, d := range docs {
		class = max(class, d.class)
		gs, err := l.access.Grants(ctx, documents.Entity, d.id)
		if err != nil {
			return 0, nil, err
		}
		grants = append(grants, gs...)
	}
	return class, grants, nil
}

// adopted returns the documents a conference adopted that the viewer may see.
func (l docLinks) adopted(ctx context.Context, v access.Viewer, confID int64) ([]DocRef, error) {
	var args db.Args
	c := args.Add(confID)
	return l.refs(ctx, `SELECT `+refColumns+` FROM conference_documents cd JOIN documents d ON d.id = cd.document_id
		WHERE cd.conference_id = `+c+` AND `+v.Visible(documents.Entity, "d", &args)+` ORDER BY cd.position`, args...)
}

// Adopt records that a held conference adopted a document of the registry
// (a resolution, a conclusion, a plan) that the viewer may see.
func (s *Store) Adopt(ctx context.Context, v access.Viewer, confID, docID int64) error {
	return s.db.Tx(ctx, func(ctx context.Context) error {
		c, err := s.heldConference(ctx, v, confID)
		if err != nil {
			return err
		}
		if err := s.docs.checkAttachable(ctx, v, "document_id", []int64{docID}); err != nil {
			return err
		}
		var n int
		if err := s.db.R(ctx).QueryRowContext(ctx, `SELECT count(*) FROM conference_documents WHERE conference_id = $1 AND document_id = $2`,
			confID, docID).Scan(&n); err != nil {
			return fmt.Errorf("conferences: adopted documents of %d: %w", confID, err)
		}
		if n > 0 {
			return problem.ConflictField("document_id", "conferences.error.already_adopted")
		}
		if err := s.exec(ctx, "adopt", `INSERT INTO conference_documents (conference_id, document_id, position)
			VALUES ($1, $2, (SELECT COALESCE(max(position), 0) + 1 FROM conference_documents WHERE conference_id = $1))`, confID, docID); err != nil {
			return err
		}
		class, err := s.docClass(ctx, docID)
		if err != nil {
			return err
		}
		if err := s.index(ctx, confID); err != nil {
			return err
		}
		return s.recordAdoption(ctx, "adopt", c, docID, class)
	})
}

// Unadopt removes a document from those a held conference adopted.
func (s *Store) Unadopt(ctx context.Context, v access.Viewer, confID, docID int64) error {
	return s.db.Tx(ctx, func(ctx context.Context) error {
		c, err := s.heldConference(ctx, v, confID)
		if err != nil {
			return err
		}
		adopted, err := s.docs.adopted(ctx, v, confID)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(adopted, func(d DocRef) bool { return d.ID == docID })
		if i < 0 {
			return notFound("document_id", "conferences.error.document_unknown")
		}
		if err := s.exec(ctx, "unadopt", `DELETE FROM conference_documents WHERE conference_id = $1 AND document_id = $2`, confID, docID); err != nil {
			return err
		}
		if err := s.index(ctx, confID); err != nil {
			return err
		}
		return s.recordAdoption(ctx, "unadopt", c, docID, int(adopted[i].Class))
	})
}

// recordAdoption audits an adoption as a change of the conference, or of
// the document when the document is classified above the conference: the
// entry then follows the document's need-to-know.
func (s *Store) recordAdoption(ctx context.Context, action string, c Conference, docID int64, docClass int) error {
	ch := audit.Change{Action: action, Entity: entityConference, EntityID: c.ID, Class: int(c.Class),
		After: map[string]int64{"conference_id": c.ID, "document_id": docID}}
	if docClass > int(c.Class) {
		ch.Entity, ch.EntityID, ch.Class = documents.Entity, docID, docClass
	}
	return s.log.Record(ctx, ch)
}

func (s *Store) docClass(ctx context.Context, id int64) (int, error) {
	var class int
	if err := s.db.R(ctx).QueryRowContext(ctx, `SELECT class FROM documents WHERE id = $1`, id).Scan(&class); err != nil {
		return 0, fmt.Errorf("conferences: class of document %d: %w", id, err)
	}
	return class, nil
}

// DocumentBySymbol returns the document the viewer may see with a symbol,
// written any way docsym reads it ("05-NQ/TU", "05 NQ/TU"); a NotFound
// problem if there is none or more than one.
func (s *Store) DocumentBySymbol(ctx context.Context, v access.Viewer, symbol string) (int64, error) {
	sym, err := docsym.ParseLenient(symbol)
	if err != nil {
		return 0, notFound("document_id", "conferences.error.document_unknown")
	}
	var args db.Args
	q := `SELECT d.id FROM documents d WHERE d.symbol = ` + args.Add(sym.String()) + ` AND ` + v.Visible(documents.Entity, "d", &args) +
		` ORDER BY d.id LIMIT 2`
	rows, err := s.db.R(ctx).QueryContext(ctx, q, args...)
	if err != nil {
		return 0, fmt.Errorf("conferences: document %q: %w", symbol, err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return 0, err
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	if len(ids) != 1 {
		return 0, notFound("document_id", "conferences.error.document_unknown")
	}
	return ids[0], nil
}

// DocumentReclassified carries a document's new class to the agenda items
// that attach it and refreshes the search entries of their conferences. The
// registry calls it in the transaction of the change of class. Until it
// does, reads stay safe: an item is shown only to whoever may see every
// document it attaches, at the document's current class.
func (s *Store) DocumentReclassified(ctx context.Context, docID int64) error {
	return s.db.Tx(ctx, func(ctx context.Context) error {
		ids, err := s.ids(ctx, `SELECT DISTINCT ai.conference_id FROM agenda_item_documents ad
			JOIN agenda_items ai ON ai.id = ad.item_id WHERE ad.document_id = $1
			UNION SELECT conference_id FROM conference_documents WHERE document_id = $1`, docID)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if err := s.propagate(ctx, id); err != nil {
				return err
			}
			if err := s.index(ctx, id); err != nil {
				return err
			}
		}
		return nil
	})
}
