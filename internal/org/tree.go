package org

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"plenum/internal/date"
	"plenum/internal/db"
)

// Node is a unit in a tree, with the units under it in Vietnamese order.
type Node struct {
	Unit
	Children []*Node `json:"children,omitempty"`
}

// Walk calls fn for n and every node below it, depth first, parents before
// children; depth is 0 for n.
func (n *Node) Walk(fn func(n *Node, depth int)) { n.walk(fn, 0) }

func (n *Node) walk(fn func(*Node, int), depth int) {
	fn(n, depth)
	for _, c := range n.Children {
		c.walk(fn, depth+1)
	}
}

// TreeQuery selects a tree.
type TreeQuery struct {
	AsOf   date.Date `json:"as_of"`             // today in Vietnam when zero
	RootID int64     `json:"root_id,omitempty"` // the subtree under this unit; the whole forest when 0
}

// Tree returns the organisation as it was on q.AsOf: the whole forest (the
// roots, normally just the Central Committee), or the subtree of q.RootID
// as a one-element slice. Siblings are in Vietnamese order of their names.
//
// It is one query however large the tree: every unit alive that day with
// its name and parent then, assembled in memory. At national scale (tens of
// thousands of units) that is cheaper than a query per level, let alone per
// node; a subtree is found by a recursive query down from its root.
func (s *Store) Tree(ctx context.Context, q TreeQuery) ([]*Node, error) {
	asOf := q.AsOf
	if asOf.IsZero() {
		asOf = s.today()
	}
	var rows *sql.Rows
	var err error
	if q.RootID == 0 {
		rows, err = s.db.R(ctx).QueryContext(ctx, `SELECT `+unitColumns+` FROM units u
			JOIN unit_names n ON n.unit_id = u.id AND n.valid_from <= $1 AND (n.valid_to IS NULL OR n.valid_to > $1)
			JOIN unit_parents p ON p.unit_id = u.id AND p.valid_from <= $1 AND (p.valid_to IS NULL OR p.valid_to > $1)
			WHERE u.valid_from <= $1 AND (u.valid_to IS NULL OR u.valid_to > $1)
			ORDER BY n.sort_key, u.id`, asOf)
	} else {
		root, lerr := s.loadUnit(ctx, q.RootID)
		if errors.Is(lerr, db.ErrNotFound) {
			return nil, unknownUnit("root_id")
		}
		if lerr != nil {
			return nil, lerr
		}
		if !root.aliveOn(asOf) {
			return nil, invalid("root_id", "org.error.not_alive", dmy(asOf))
		}
		// The walk down carries each unit's parent row; CROSS JOIN makes
		// SQLite start from the walk rather than scan every unit once
		// ANALYZE has run. UNION, not UNION ALL: the tree on one date has
		// no cycles, but a recursive query should not rely on data to end.
		rows, err = s.db.R(ctx).QueryContext(ctx, `WITH RECURSIVE sub(id, parent_id) AS (
				SELECT r.unit_id, r.parent_id FROM unit_parents r
				WHERE r.unit_id = $2 AND r.valid_from <= $1 AND (r.valid_to IS NULL OR r.valid_to > $1)
				UNION
				SELECT c.unit_id, c.parent_id FROM sub JOIN unit_parents c ON c.parent_id = sub.id
				WHERE c.valid_from <= $1 AND (c.valid_to IS NULL OR c.valid_to > $1))
			SELECT `+unitColumns+` FROM sub p CROSS JOIN units u CROSS JOIN unit_names n
			WHERE u.id = p.id AND n.unit_id = u.id AND n.valid_from <= $1 AND (n.valid_to IS NULL OR n.valid_to > $1)
				AND u.valid_from <= $1 AND (u.valid_to IS NULL OR u.valid_to > $1)
			ORDER BY n.sort_key, u.id`, asOf, q.RootID)
	}
	if err != nil {
		return nil, fmt.Errorf("org: tree as of %s: %w", asOf, err)
	}
	units, err := scanUnits(rows, asOf)
	if err != nil {
		return nil, fmt.Errorf("org: tree as of %s: %w", asOf, err)
	}
	return assemble(units, q.RootID), nil
}

// assemble links units (sorted) into trees. With root 0 the roots are the
// units without a parent among them; otherwise the one unit root.
func assemble(units []Unit, root int64) []*Node {
	nodes := make(map[int64]*Node, len(units))
	all := make([]Node, len(units))
	for i := range units {
		all[i].Unit = units[i]
		nodes[units[i].ID] = &all[i]
	}
	var roots []*Node
	for i := range all {
		n := &all[i]
		if n.ID == root {
			roots = append(roots, n)
			continue
		}
		if parent, ok := nodes[n.ParentID]; ok && n.ParentID != 0 {
			parent.Children = append(parent.Children, n)
		} else if root == 0 {
			roots = append(roots, n)
		}
	}
	return roots
}
