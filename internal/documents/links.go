package documents

import (
	"context"
	"fmt"
	"strings"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// Ref is a document as other views name it.
type Ref struct {
	ID         int64          `json:"id"`
	Kind       Kind           `json:"kind"`
	Symbol     string         `json:"symbol"`
	Title      string         `json:"title"`
	IssuerName string         `json:"issuer_name"`
	IssuedOn   date.Date      `json:"issued_on"`
	Status     Status         `json:"status"`
	Class      auth.Clearance `json:"class"`
}

// Label names the document as Document.Label does.
func (r Ref) Label(lang string) string {
	return Document{Kind: r.Kind, Symbol: r.Symbol, Title: r.Title}.Label(lang)
}

const refColumns = `d.id, d.kind, d.symbol, d.title, d.issuer_name, d.issued_on, d.status, d.class`

func scanRef(r scanner, extra ...any) (Ref, error) {
	var x Ref
	err := r.Scan(append(extra, &x.ID, &x.Kind, &x.Symbol, &x.Title, &x.IssuerName, &x.IssuedOn, &x.Status, &x.Class)...)
	return x, err
}

// Link is a link seen from one of its documents: Other is the document at
// the other end, Outgoing says whether the link starts here ("this document
// implements Other") or ends here ("Other implements this document").
type Link struct {
	ID       int64    `json:"id"`
	Kind     LinkKind `json:"kind"`
	Outgoing bool     `json:"outgoing"`
	Note     string   `json:"note,omitempty"`
	Other    Ref      `json:"other"`
}

// LinkInput links two documents: From <Kind> To.
type LinkInput struct {
	FromID int64    `json:"from_id"`
	ToID   int64    `json:"to_id"`
	Kind   LinkKind `json:"kind"`
	Note   string   `json:"note,omitempty"`
}

// hierarchyKinds are the links that may not form a cycle: every kind but
// cites (two documents may cite each other).
var hierarchyKinds = []LinkKind{Implements, Guides, Amends, Replaces, Reviews}

func kindList(ks []LinkKind) string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = "'" + string(k) + "'"
	}
	return "(" + strings.Join(out, ", ") + ")"
}

// Link records that one document implements, guides, amends, replaces,
// reviews or cites another, as principal p, who must see both. Refused: a
// link to itself, a link twice, a cycle (A implements B implements A), and a
// document linked to one issued after it. Amending and replacing change the
// status of the document amended or replaced.
func (s *Store) Link(ctx context.Context, p auth.Principal, in LinkInput) (Link, error) {
	in.Note = vn.Clean(in.Note)
	var v problem.Validation
	v.Check(in.Kind.Valid(), "kind", "error.invalid_choice")
	v.Check(in.FromID != in.ToID, "to_id", "documents.error.self_link")
	v.MaxLen("note", in.Note, maxNote)
	if err := v.Err(); err != nil {
		return Link{}, err
	}
	var out Link
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		from, viewer, err := s.writable(ctx, p, in.FromID)
		if err != nil {
			return err
		}
		to, err := s.visible(ctx, viewer, in.ToID)
		if err != nil {
			return problem.InvalidField("to_id", "documents.error.document_unknown")
		}
		if in.Kind != Cites {
			cycle, err := s.reaches(ctx, to.ID, from.ID)
			if err != nil {
				return err
			}
			if cycle {
				return problem.ConflictField("to_id", "documents.error.link_cycle")
			}
		}
		if err := checkLinkDates(from, to); err != nil {
			return err
		}
		var id int64
		err = s.db.W(ctx).QueryRowContext(ctx, `INSERT INTO document_links (from_id, to_id, kind, note, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, from.ID, to.ID, string(in.Kind), in.Note, db.Null(p.User.ID), s.clock.Now().UTC()).Scan(&id)
		if db.IsUniqueViolation(err) {
			return problem.ConflictField("to_id", "documents.error.link_exists")
		}
		if err != nil {
			return fmt.Errorf("documents: link %d to %d: %w", from.ID, to.ID, err)
		}
		if err := s.linkEffects(ctx, in.Kind, from, to); err != nil {
			return err
		}
		after, err := s.load(ctx, to.ID)
		if err != nil {
			return err
		}
		if after.Status != to.Status {
			if err := s.index(ctx, after); err != nil {
				return err
			}
			if err := s.record(ctx, "status", to.ID, max(from.Class, to.Class),
				map[string]any{"status": to.Status, "effective_to": to.EffectiveTo},
				map[string]any{"status": after.Status, "effective_to": after.EffectiveTo, "by_link_from": from.ID}); err != nil {
				return err
			}
		}
		out = Link{ID: id, Kind: in.Kind, Outgoing: true, Note: in.Note, Other: refOf(to)}
		// The entry names both documents: it carries the higher class.
		return s.record(ctx, "link", from.ID, max(from.Class, to.Class), nil, map[string]any{"link_id": id, "kind": in.Kind,
			"from_id": from.ID, "to_id": to.ID, "note": in.Note})
	})
	return out, err
}

func refOf(d Document) Ref {
	return Ref{ID: d.ID, Kind: d.Kind, Symbol: d.Symbol, Title: d.Title, IssuerName: d.IssuerName, IssuedOn: d.IssuedOn, Status: d.Status, Class: d.Class}
}

// checkLinkDates refuses a link from a document to one issued after it, or
// from an issued document to a draft.
func checkLinkDates(from, to Document) error {
	if from.Status == Draft {
		return nil
	}
	if to.Status == Draft || to.IssuedOn.After(from.IssuedOn) {
		return problem.InvalidField("to_id", "documents.error.link_dates")
	}
	return nil
}

// reaches reports whether document b is reached from a by following
// hierarchy links from a document to the one it implements, replaces….
func (s *Store) reaches(ctx context.Context, a, b int64) (bool, error) {
	var n int
	err := s.db.R(ctx).QueryRowContext(ctx, `WITH RECURSIVE up(id, depth) AS (
			SELECT CAST($1 AS BIGINT), 0
			UNION
			SELECT l.to_id, up.depth + 1 FROM document_links l JOIN up ON l.from_id = up.id
			WHERE l.kind IN `+kindList(hierarchyKinds)+` AND up.depth < 64)
		SELECT count(*) FROM up WHERE id = $2`, a, b).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("documents: look for a cycle from %d: %w", a, err)
	}
	return n > 0, nil
}

// linkEffects applies what a link says about the document it points to:
// an issued document that another amends is amended; one that another
// replaces is replaced from the day the replacement takes effect.
func (s *Store) linkEffects(ctx context.Context, kind LinkKind, from, to Document) error {
	if from.Status == Draft {
		return nil
	}
	switch {
	case kind == Amends && to.Status == Issued:
		return s.setStatus(ctx, to, Amended, date.Date{})
	case kind == Replaces && (to.Status == Issued || to.Status == Amended):
		on := from.InForceFrom()
		if !on.After(to.InForceFrom()) {
			return problem.InvalidField("to_id", "documents.error.link_dates")
		}
		return s.setStatus(ctx, to, Replaced, on)
	}
	return nil
}

// Unlink removes a link from document id as principal p.
func (s *Store) Unlink(ctx context.Context, p auth.Principal, id, linkID int64) error {
	return s.db.Tx(ctx, func(ctx context.Context) error {
		from, viewer, err := s.writable(ctx, p, id)
		if err != nil {
			return err
		}
		var toID int64
		var kind string
		err = s.db.R(ctx).QueryRowContext(ctx, `SELECT to_id, kind FROM document_links WHERE id = $1 AND from_id = $2`, linkID, id).Scan(&toID, &kind)
		if err != nil {
			return problem.ErrNotFound
		}
		to, err := s.visible(ctx, viewer, toID)
		if err != nil {
			return err
		}
		if _, err := s.db.W(ctx).ExecContext(ctx, `DELETE FROM document_links WHERE id = $1`, linkID); err != nil {
			return fmt.Errorf("documents: unlink %d: %w", linkID, err)
		}
		return s.record(ctx, "unlink", id, max(from.Class, to.Class), map[string]any{"link_id": linkID, "kind": kind, "to_id": toID}, nil)
	})
}

// Links returns the links of a document, both ways, leaving out those whose
// other end the viewer may not see.
func (s *Store) Links(ctx context.Context, v access.Viewer, id int64) ([]Link, error) {
	if _, err := s.visible(ctx, v, id); err != nil {
		return nil, err
	}
	var args db.Args
	self := args.Add(id)
	vis := v.Visible(Entity, "d", &args)
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT l.id, l.kind, l.from_id = `+self+`, l.note, `+refColumns+`
		FROM document_links l JOIN documents d ON d.id = CASE WHEN l.from_id = `+self+` THEN l.to_id ELSE l.from_id END
		WHERE (l.from_id = `+self+` OR l.to_id = `+self+`) AND `+vis+`
		ORDER BY l.kind, COALESCE(d.issued_on, '9999-12-31'), d.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("documents: links of %d: %w", id, err)
	}
	defer rows.Close()
	out := []Link{}
	for rows.Next() {
		var l Link
		ref, err := scanRef(rows, &l.ID, &l.Kind, &l.Outgoing, &l.Note)
		if err != nil {
			return nil, err
		}
		l.Other = ref
		out = append(out, l)
	}
	return out, rows.Err()
}

// Node is a document in a family tree, with the link that brings it in.
type Node struct {
	Ref
	Link     LinkKind `json:"link,omitempty"` // how it relates to its parent; "" at the root
	Children []*Node  `json:"children"`
}

// Count returns the number of nodes in the tree under and including n.
func (n *Node) Count() int {
	c := 1
	for _, ch := range n.Children {
		c += ch.Count()
	}
	return c
}

// maxDepth bounds family trees and chains; real ones are a few levels deep.
const maxDepth = 16

// Family returns the tree of everything that carries out document id —
// transitively, what implements, guides or reviews it — as of day asOf
// (today when zero): documents issued by then. A document the viewer may not
// see is left out with everything under it, so that nothing in the tree
// betrays it. A document reached by two paths appears under both parents.
func (s *Store) Family(ctx context.Context, v access.Viewer, id int64, asOf date.Date) (*Node, error) {
	if asOf.IsZero() {
		asOf = s.today()
	}
	root, err := s.visible(ctx, v, id)
	if err != nil {
		return nil, err
	}
	var args db.Args
	rootArg, on := args.Add(id), args.Add(asOf)
	vis := v.Visible(Entity, "c", &args)
	rows, err := s.db.R(ctx).QueryContext(ctx, `WITH RECURSIVE fam(id, parent, kind, depth) AS (
			SELECT CAST(`+rootArg+` AS BIGINT), CAST(0 AS BIGINT), CAST('' AS TEXT), 0
			UNION
			SELECT l.from_id, l.to_id, l.kind, fam.depth + 1
			FROM fam JOIN document_links l ON l.to_id = fam.id
			JOIN documents c ON c.id = l.from_id
			WHERE l.kind IN `+kindList(familyKinds)+` AND fam.depth < `+fmt.Sprint(maxDepth)+`
				AND c.status <> 'draft' AND c.issued_on <= `+on+` AND `+vis+`)
		SELECT fam.parent, fam.kind, fam.depth, `+refColumns+` FROM fam JOIN documents d ON d.id = fam.id
		WHERE fam.depth > 0
		ORDER BY fam.depth, d.issued_on, d.id, fam.parent`, args...)
	if err != nil {
		return nil, fmt.Errorf("documents: family of %d: %w", id, err)
	}
	defer rows.Close()
	top := &Node{Ref: refOf(root), Children: []*Node{}}
	// at[depth][id] are the nodes of document id at that depth.
	at := []map[int64][]*Node{{id: {top}}}
	for rows.Next() {
		var parent int64
		var kind LinkKind
		var depth int
		ref, err := scanRef(rows, &parent, &kind, &depth)
		if err != nil {
			return nil, err
		}
		for len(at) <= depth {
			at = append(at, map[int64][]*Node{})
		}
		for _, p := range at[depth-1][parent] {
			n := &Node{Ref: ref, Link: kind, Children: []*Node{}}
			p.Children = append(p.Children, n)
			at[depth][ref.ID] = append(at[depth][ref.ID], n)
		}
	}
	return top, rows.Err()
}

// Chain returns the replacement chain of a document, oldest first: the
// documents it replaced, transitively, itself, and those that replaced it.
// Documents the viewer may not see are left out.
func (s *Store) Chain(ctx context.Context, v access.Viewer, id int64) ([]Ref, error) {
	if _, err := s.visible(ctx, v, id); err != nil {
		return nil, err
	}
	var args db.Args
	self := args.Add(id)
	depth := fmt.Sprint(maxDepth)
	// The walk stops at a document the viewer may not see: what lies beyond
	// it is reached only through it.
	rows, err := s.db.R(ctx).QueryContext(ctx, `WITH RECURSIVE older(id, depth) AS (
			SELECT CAST(`+self+` AS BIGINT), 0
			UNION
			SELECT l.to_id, older.depth + 1 FROM document_links l JOIN older ON l.from_id = older.id
			JOIN documents c ON c.id = l.to_id
			WHERE l.kind = 'replaces' AND older.depth < `+depth+` AND `+v.Visible(Entity, "c", &args)+`),
		newer(id, depth) AS (
			SELECT CAST(`+self+` AS BIGINT), 0
			UNION
			SELECT l.from_id, newer.depth + 1 FROM document_links l JOIN newer ON l.to_id = newer.id
			JOIN documents c ON c.id = l.from_id
			WHERE l.kind = 'replaces' AND newer.depth < `+depth+` AND `+v.Visible(Entity, "c", &args)+`),
		chain(id) AS (SELECT id FROM older UNION SELECT id FROM newer)
		SELECT `+refColumns+` FROM chain JOIN documents d ON d.id = chain.id
		ORDER BY COALESCE(d.issued_on, '9999-12-31'), d.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("documents: replacement chain of %d: %w", id, err)
	}
	defer rows.Close()
	var out []Ref
	for rows.Next() {
		r, err := scanRef(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
