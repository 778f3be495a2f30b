package documents

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/vn"
)

// ListQuery filters the registry. Zero fields do not filter.
type ListQuery struct {
	Text         string `json:"q,omitempty"` // words of the symbol, title or issuer, without regard to accents
	Kind         Kind   `json:"kind,omitempty"`
	Origin       Origin `json:"origin,omitempty"`
	IssuerUnitID int64  `json:"issuer_unit_id,omitempty"`
	// Issuer is an issuer's key, as Issuers gives it: a unit of the
	// organisation or an outside issuer by name.
	Issuer    string          `json:"issuer,omitempty"`
	Year      int             `json:"year,omitempty"`
	Status    Status          `json:"status,omitempty"`
	Class     *auth.Clearance `json:"class,omitempty"`
	InForceOn date.Date       `json:"in_force_on"`
	IDs       []int64         `json:"ids,omitempty"`
	// ProtectionDueOn selects classified documents whose protection period
	// has run out or whose declassification date has come by that day: the
	// "expired protection" view, for review.
	ProtectionDueOn date.Date `json:"protection_due_on"`
	// Page counts from 1; Size is 50 by default, at most 500.
	Page int `json:"page,omitempty"`
	Size int `json:"size,omitempty"`
}

// ListPage is one page of a registry list. Total counts only what the
// viewer may see, so that counts reveal nothing either.
type ListPage struct {
	Items []Document `json:"items"`
	Total int        `json:"total"`
	Page  int        `json:"page"`
	Size  int        `json:"size"`
}

// MaxPageSize bounds a page of the registry.
const MaxPageSize = 500

// where builds the conditions of q for the viewer on documents aliased d.
func (q ListQuery) where(v access.Viewer, args *db.Args) string {
	conds := []string{v.Visible(Entity, "d", args)}
	if q.Kind != "" {
		conds = append(conds, "d.kind = "+args.Add(string(q.Kind)))
	}
	if q.Origin != "" {
		conds = append(conds, "d.origin = "+args.Add(string(q.Origin)))
	}
	if q.IssuerUnitID != 0 {
		conds = append(conds, "d.issuer_unit_id = "+args.Add(q.IssuerUnitID))
	}
	if q.Issuer != "" {
		conds = append(conds, "d.issuer_key = "+args.Add(q.Issuer))
	}
	if q.Year != 0 {
		conds = append(conds, "d.year = "+args.Add(q.Year))
	}
	if q.Status != "" {
		conds = append(conds, "d.status = "+args.Add(string(q.Status)))
	}
	if q.Class != nil {
		conds = append(conds, "d.class = "+args.Add(int(*q.Class)))
	}
	if !q.InForceOn.IsZero() {
		conds = append(conds, inForce("d", args.Add(q.InForceOn)))
	}
	if !q.ProtectionDueOn.IsZero() {
		on := args.Add(q.ProtectionDueOn)
		conds = append(conds, `d.class > 0 AND ((d.declassify_on IS NOT NULL AND d.declassify_on <= `+on+`)
			OR (d.protect_until IS NOT NULL AND d.protect_until < `+on+`))`)
	}
	if len(q.IDs) > 0 {
		conds = append(conds, "d.id IN "+db.In(args, q.IDs))
	}
	for _, w := range strings.Fields(vn.Fold(q.Text)) {
		conds = append(conds, `d.search_key LIKE `+args.Add("%"+escapeLike(w)+"%")+` ESCAPE '\'`)
	}
	return strings.Join(conds, " AND ")
}

// inForce is the condition that a document aliased alias is in force on the
// day bound to placeholder on: see Document.InForce.
func inForce(alias, on string) string {
	return fmt.Sprintf(`(%[1]s.status <> 'draft' AND COALESCE(%[1]s.effective_from, %[1]s.issued_on) <= %[2]s
		AND (%[1]s.effective_to IS NULL OR %[1]s.effective_to > %[2]s))`, alias, on)
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// registryOrder lists newest first, drafts (not yet dated) at the top.
const registryOrder = ` ORDER BY COALESCE(d.issued_on, '9999-12-31') DESC, d.id DESC`

// List returns a page of the registry as the viewer may see it.
func (s *Store) List(ctx context.Context, v access.Viewer, q ListQuery) (ListPage, error) {
	if q.Size <= 0 {
		q.Size = 50
	}
	q.Size = min(q.Size, MaxPageSize)
	q.Page = max(q.Page, 1)
	var args db.Args
	where := q.where(v, &args)
	out := ListPage{Page: q.Page, Size: q.Size, Items: []Document{}}
	if err := s.db.R(ctx).QueryRowContext(ctx, `SELECT count(*) FROM documents d WHERE `+where, args...).Scan(&out.Total); err != nil {
		return out, fmt.Errorf("documents: count: %w", err)
	}
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT `+listColumns+` FROM documents d WHERE `+where+registryOrder+
		` LIMIT `+args.Add(q.Size)+` OFFSET `+args.Add((q.Page-1)*q.Size), args...)
	if err != nil {
		return out, fmt.Errorf("documents: list: %w", err)
	}
	items, err := scanDocs(rows)
	if err != nil {
		return out, fmt.Errorf("documents: list: %w", err)
	}
	if items != nil {
		out.Items = items
	}
	return out, nil
}

// Years returns the years the viewer's registry holds documents of, newest first.
func (s *Store) Years(ctx context.Context, v access.Viewer) ([]int, error) {
	var args db.Args
	out, err := db.Column[int](ctx, s.db.R(ctx), `SELECT DISTINCT d.year FROM documents d WHERE d.year IS NOT NULL AND `+
		v.Visible(Entity, "d", &args)+` ORDER BY d.year DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("documents: years: %w", err)
	}
	return out, nil
}

// Issuer is an issuer of documents, for the registry's filter.
type Issuer struct {
	Key  string `json:"key"`
	Name string `json:"name"`
}

// Issuers returns the issuers of the documents the viewer may see, in
// Vietnamese order: an issuer known only from documents the viewer may not
// see is not listed either.
func (s *Store) Issuers(ctx context.Context, v access.Viewer) ([]Issuer, error) {
	var args db.Args
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT d.issuer_key, max(d.issuer_name) FROM documents d WHERE `+
		v.Visible(Entity, "d", &args)+` GROUP BY d.issuer_key`, args...)
	if err != nil {
		return nil, fmt.Errorf("documents: issuers: %w", err)
	}
	defer rows.Close()
	var out []Issuer
	for rows.Next() {
		var i Issuer
		if err := rows.Scan(&i.Key, &i.Name); err != nil {
			return nil, err
		}
		out = append(out, i)
	}
	slices.SortFunc(out, func(a, b Issuer) int { return vn.Compare(a.Name, b.Name) })
	return out, rows.Err()
}
