package org

import (
	"context"
	"fmt"
	"strings"

	"plenum/internal/date"
)

// UnitRef names a unit in a list of related units.
type UnitRef struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// Succession is one edge of a merge or split, seen from one side: the unit
// on the other side and the event that laid the edge.
type Succession struct {
	EventID   int64     `json:"event_id"`
	Kind      EventKind `json:"kind"` // merge or split
	Effective date.Date `json:"effective"`
	Basis     string    `json:"basis,omitempty"`
	Unit      UnitRef   `json:"unit"`
}

// Predecessors returns the units merged into or split off into id, with the
// event of each, oldest first; each is named as it was the day before.
func (s *Store) Predecessors(ctx context.Context, id int64) ([]Succession, error) {
	return s.successions(ctx, `SELECT e.id, e.kind, e.effective, e.basis, s.predecessor_id, n.name
		FROM unit_successions s
		JOIN unit_events e ON e.id = s.event_id
		JOIN unit_names n ON n.unit_id = s.predecessor_id
			AND n.valid_from = (SELECT max(x.valid_from) FROM unit_names x WHERE x.unit_id = s.predecessor_id AND x.valid_from < e.effective)
		WHERE s.successor_id = $1
		ORDER BY e.effective, e.id, n.sort_key, s.predecessor_id`, id)
}

// Successors returns the units id was merged into or split into, with the
// event of each, oldest first; each is named as it was that day.
func (s *Store) Successors(ctx context.Context, id int64) ([]Succession, error) {
	return s.successions(ctx, `SELECT e.id, e.kind, e.effective, e.basis, s.successor_id, n.name
		FROM unit_successions s
		JOIN unit_events e ON e.id = s.event_id
		JOIN unit_names n ON n.unit_id = s.successor_id
			AND n.valid_from <= e.effective AND (n.valid_to IS NULL OR n.valid_to > e.effective)
		WHERE s.predecessor_id = $1
		ORDER BY e.effective, e.id, n.sort_key, s.successor_id`, id)
}

func (s *Store) successions(ctx context.Context, query string, id int64) ([]Succession, error) {
	rows, err := s.db.R(ctx).QueryContext(ctx, query, id)
	if err != nil {
		return nil, fmt.Errorf("org: successions of unit %d: %w", id, err)
	}
	defer rows.Close()
	var out []Succession
	for rows.Next() {
		var x Succession
		if err := rows.Scan(&x.EventID, &x.Kind, &x.Effective, &x.Basis, &x.Unit.ID, &x.Unit.Name); err != nil {
			return nil, fmt.Errorf("org: successions of unit %d: %w", id, err)
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// LineageSubquery returns a parenthesised subquery selecting the ids of the
// unit given by the placeholder param ("$2") and all its transitive
// predecessors, for other packages' queries:
//
//	WHERE t.unit_id IN `+org.LineageSubquery("$2")+`
//
// so that whatever was recorded against Bắc Kạn's Provincial Committee is
// found from Thái Nguyên's, which it was merged into. UNION makes it end
// even if merges and splits ever formed a loop.
func LineageSubquery(param string) string {
	return strings.ReplaceAll(`(WITH RECURSIVE lineage(id) AS (
		SELECT CAST(PARAM AS BIGINT)
		UNION
		SELECT ls.predecessor_id FROM unit_successions ls JOIN lineage ON ls.successor_id = lineage.id)
	SELECT id FROM lineage)`, "PARAM", param)
}

// Lineage returns id and the ids of all its transitive predecessors (the
// units merged or split into it, and theirs, …), id first and the others in
// ascending order.
func (s *Store) Lineage(ctx context.Context, id int64) ([]int64, error) {
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT id FROM `+LineageSubquery("$1")+` AS l ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("org: lineage of unit %d: %w", id, err)
	}
	defer rows.Close()
	out := []int64{id}
	for rows.Next() {
		var x int64
		if err := rows.Scan(&x); err != nil {
			return nil, fmt.Errorf("org: lineage of unit %d: %w", id, err)
		}
		if x != id {
			out = append(out, x)
		}
	}
	return out, rows.Err()
}
