package org

import (
	"context"
	"database/sql"
	"fmt"

	"plenum/internal/date"
)

// History is everything recorded about a unit, in time order.
type History struct {
	Unit    Unit         `json:"unit"` // as of today, or its last day if it has ended
	Names   []NameSpan   `json:"names"`
	Parents []ParentSpan `json:"parents"`
	Events  []Event      `json:"events"`
}

// NameSpan is a name over [ValidFrom, ValidTo); ValidTo zero is open.
type NameSpan struct {
	Name      string    `json:"name"`
	ShortName string    `json:"short_name,omitempty"`
	ValidFrom date.Date `json:"valid_from"`
	ValidTo   date.Date `json:"valid_to"`
}

// ParentSpan is a place in the tree over [ValidFrom, ValidTo); ParentID 0 is
// a root. ParentName is the parent's name on ValidFrom.
type ParentSpan struct {
	ParentID   int64     `json:"parent_id,omitempty"`
	ParentName string    `json:"parent_name,omitempty"`
	ValidFrom  date.Date `json:"valid_from"`
	ValidTo    date.Date `json:"valid_to"`
}

// Event is an operation that concerned the unit: done to it, or a merge or
// split it took part in. For merges and splits, Predecessors and Successors
// are the two sides of the event.
type Event struct {
	ID           int64     `json:"id"`
	Kind         EventKind `json:"kind"`
	UnitID       int64     `json:"unit_id"` // the subject: the unit created, renamed, moved or dissolved, the merge target, the split source
	Effective    date.Date `json:"effective"`
	Basis        string    `json:"basis,omitempty"`
	Note         string    `json:"note,omitempty"`
	Predecessors []UnitRef `json:"predecessors,omitempty"`
	Successors   []UnitRef `json:"successors,omitempty"`
}

// History returns a unit's names, parents and events, oldest first.
func (s *Store) History(ctx context.Context, id int64) (History, error) {
	var h History
	u, err := s.Get(ctx, id, date.Date{})
	if err != nil {
		return h, err
	}
	h.Unit = u
	if h.Names, err = s.nameHistory(ctx, id); err != nil {
		return h, err
	}
	if h.Parents, err = s.parentHistory(ctx, id); err != nil {
		return h, err
	}
	if h.Events, err = s.events(ctx, id); err != nil {
		return h, err
	}
	return h, nil
}

func (s *Store) nameHistory(ctx context.Context, id int64) ([]NameSpan, error) {
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT name, short_name, valid_from, valid_to FROM unit_names
		WHERE unit_id = $1 ORDER BY valid_from`, id)
	if err != nil {
		return nil, fmt.Errorf("org: names of unit %d: %w", id, err)
	}
	defer rows.Close()
	var out []NameSpan
	for rows.Next() {
		var n NameSpan
		if err := rows.Scan(&n.Name, &n.ShortName, &n.ValidFrom, &n.ValidTo); err != nil {
			return nil, fmt.Errorf("org: names of unit %d: %w", id, err)
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

func (s *Store) parentHistory(ctx context.Context, id int64) ([]ParentSpan, error) {
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT p.parent_id, COALESCE(n.name, ''), p.valid_from, p.valid_to
		FROM unit_parents p
		LEFT JOIN unit_names n ON n.unit_id = p.parent_id AND n.valid_from <= p.valid_from
			AND (n.valid_to IS NULL OR n.valid_to > p.valid_from)
		WHERE p.unit_id = $1 ORDER BY p.valid_from`, id)
	if err != nil {
		return nil, fmt.Errorf("org: parents of unit %d: %w", id, err)
	}
	defer rows.Close()
	var out []ParentSpan
	for rows.Next() {
		var p ParentSpan
		var parent sql.NullInt64
		if err := rows.Scan(&parent, &p.ParentName, &p.ValidFrom, &p.ValidTo); err != nil {
			return nil, fmt.Errorf("org: parents of unit %d: %w", id, err)
		}
		p.ParentID = parent.Int64
		out = append(out, p)
	}
	return out, rows.Err()
}

// events returns the events whose subject is id or in which id was a
// predecessor or successor, with both sides of each merge and split.
func (s *Store) events(ctx context.Context, id int64) ([]Event, error) {
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT e.id, e.kind, e.unit_id, e.effective, e.basis, e.note
		FROM unit_events e
		WHERE e.unit_id = $1 OR e.id IN (SELECT event_id FROM unit_successions WHERE predecessor_id = $1 OR successor_id = $1)
		ORDER BY e.effective, e.id`, id)
	if err != nil {
		return nil, fmt.Errorf("org: events of unit %d: %w", id, err)
	}
	var out []Event
	for rows.Next() {
		var e Event
		if err := rows.Scan(&e.ID, &e.Kind, &e.UnitID, &e.Effective, &e.Basis, &e.Note); err != nil {
			rows.Close()
			return nil, fmt.Errorf("org: events of unit %d: %w", id, err)
		}
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// Events per unit are few; one query per merge or split is fine.
	for i := range out {
		e := &out[i]
		if e.Kind != EventMerge && e.Kind != EventSplit {
			continue
		}
		if err := s.eventSides(ctx, e); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// eventSides fills the predecessors (named as the day before) and
// successors (named as that day) of a merge or split.
func (s *Store) eventSides(ctx context.Context, e *Event) error {
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT s.predecessor_id, pn.name, s.successor_id, sn.name
		FROM unit_successions s
		JOIN unit_names pn ON pn.unit_id = s.predecessor_id
			AND pn.valid_from = (SELECT max(x.valid_from) FROM unit_names x WHERE x.unit_id = s.predecessor_id AND x.valid_from < $2)
		JOIN unit_names sn ON sn.unit_id = s.successor_id AND sn.valid_from <= $2 AND (sn.valid_to IS NULL OR sn.valid_to > $2)
		WHERE s.event_id = $1
		ORDER BY pn.sort_key, s.predecessor_id, sn.sort_key, s.successor_id`, e.ID, e.Effective)
	if err != nil {
		return fmt.Errorf("org: sides of event %d: %w", e.ID, err)
	}
	defer rows.Close()
	seenP, seenS := map[int64]bool{}, map[int64]bool{}
	for rows.Next() {
		var p, q UnitRef
		if err := rows.Scan(&p.ID, &p.Name, &q.ID, &q.Name); err != nil {
			return fmt.Errorf("org: sides of event %d: %w", e.ID, err)
		}
		if !seenP[p.ID] {
			seenP[p.ID] = true
			e.Predecessors = append(e.Predecessors, p)
		}
		if !seenS[q.ID] {
			seenS[q.ID] = true
			e.Successors = append(e.Successors, q)
		}
	}
	return rows.Err()
}
