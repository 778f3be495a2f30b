package org

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"plenum/internal/audit"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/problem"
)

// A unit's names and parents tile its life: each row covers [From, To), the
// next row starts where the previous one ends, and the last one ends with
// the unit. The helpers here read and check those intervals; the operations
// keep the tiling true by splitting the row that contains the effective date.

// nameSpan is one unit_names row.
type nameSpan struct {
	ID        int64
	Name      string
	ShortName string
	From, To  date.Date
}

// parentSpan is one unit_parents row; ParentID 0 is a root.
type parentSpan struct {
	ID       int64
	ParentID int64
	From, To date.Date
}

func (s *Store) nameSpanAt(ctx context.Context, unitID int64, d date.Date) (nameSpan, error) {
	var n nameSpan
	err := s.db.R(ctx).QueryRowContext(ctx, `SELECT id, name, short_name, valid_from, valid_to FROM unit_names
		WHERE unit_id = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2)`, unitID, d).
		Scan(&n.ID, &n.Name, &n.ShortName, &n.From, &n.To)
	if errors.Is(err, sql.ErrNoRows) {
		return n, fmt.Errorf("org: unit %d has no name on %s: %w", unitID, d, db.ErrNotFound)
	}
	if err != nil {
		return n, fmt.Errorf("org: name of unit %d on %s: %w", unitID, d, err)
	}
	return n, nil
}

func (s *Store) parentSpanAt(ctx context.Context, unitID int64, d date.Date) (parentSpan, error) {
	var p parentSpan
	var parent sql.NullInt64
	err := s.db.R(ctx).QueryRowContext(ctx, `SELECT id, parent_id, valid_from, valid_to FROM unit_parents
		WHERE unit_id = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2)`, unitID, d).
		Scan(&p.ID, &parent, &p.From, &p.To)
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("org: unit %d has no parent row on %s: %w", unitID, d, db.ErrNotFound)
	}
	if err != nil {
		return p, fmt.Errorf("org: parent of unit %d on %s: %w", unitID, d, err)
	}
	p.ParentID = parent.Int64
	return p, nil
}

// nameOn returns the unit's name on d, or on its nearest day alive.
func (s *Store) nameOn(ctx context.Context, unitID int64, d date.Date) (string, error) {
	u, err := s.loadUnit(ctx, unitID)
	if err != nil {
		return "", err
	}
	n, err := s.nameSpanAt(ctx, unitID, u.clamp(d))
	return n.Name, err
}

// checkChangeDate checks that a rename or move on d falls strictly inside
// the unit's life: after its first day (its first name and parent start
// then) and before its end.
func checkChangeDate(u unitRow, d date.Date) error {
	if !d.After(u.From) {
		return invalid("effective", "org.error.after_start", dmy(u.From))
	}
	if !u.To.IsZero() && !d.Before(u.To) {
		return problem.ConflictField("effective", "org.error.ended", dmy(u.To))
	}
	return nil
}

// checkParent checks that parentID can be the parent of a unit of level
// over [from, to) (to zero: open-ended): it exists, it exists on from, it
// does not end before to, and it is at the same or a higher level.
func (s *Store) checkParent(ctx context.Context, field string, parentID int64, level Level, from, to date.Date) error {
	p, err := s.loadUnit(ctx, parentID)
	if errors.Is(err, db.ErrNotFound) {
		return invalid(field, "org.error.parent_unknown")
	}
	if err != nil {
		return err
	}
	if !p.aliveOn(from) {
		return invalid(field, "org.error.parent_not_alive", dmy(from))
	}
	if !p.To.IsZero() && (to.IsZero() || p.To.Before(to)) {
		return problem.ConflictField(field, "org.error.parent_ends", dmy(p.To))
	}
	if p.Level.Depth() > level.Depth() {
		return invalid(field, "org.error.parent_level")
	}
	return nil
}

// maxDepth bounds walks up the tree; real trees are five levels deep.
const maxDepth = 64

// isAncestorDuring reports whether unit u is p or an ancestor of p on some
// day of [from, to) (to zero: open-ended) — that is, whether putting u
// under p over that window would close a cycle. Parents change over time,
// so the walk follows every parent interval overlapping the window,
// narrowing the window to the overlap at each step.
func (s *Store) isAncestorDuring(ctx context.Context, u, p int64, from, to date.Date) (bool, error) {
	type step struct {
		id       int64
		from, to date.Date
		depth    int
	}
	queue := []step{{p, from, to, 0}}
	for len(queue) > 0 {
		st := queue[0]
		queue = queue[1:]
		if st.id == u {
			return true, nil
		}
		if st.depth >= maxDepth {
			return false, fmt.Errorf("org: the tree above unit %d is deeper than %d levels", p, maxDepth)
		}
		q := `SELECT parent_id, valid_from, valid_to FROM unit_parents
			WHERE unit_id = $1 AND parent_id IS NOT NULL AND (valid_to IS NULL OR valid_to > $2)`
		args := []any{st.id, st.from}
		if !st.to.IsZero() {
			q += ` AND valid_from < $3`
			args = append(args, st.to)
		}
		rows, err := s.db.R(ctx).QueryContext(ctx, q, args...)
		if err != nil {
			return false, fmt.Errorf("org: walk up from unit %d: %w", st.id, err)
		}
		for rows.Next() {
			var next step
			if err := rows.Scan(&next.id, &next.from, &next.to); err != nil {
				rows.Close()
				return false, fmt.Errorf("org: walk up from unit %d: %w", st.id, err)
			}
			if next.from.Before(st.from) {
				next.from = st.from
			}
			if next.to.IsZero() || (!st.to.IsZero() && st.to.Before(next.to)) {
				next.to = st.to
			}
			next.depth = st.depth + 1
			queue = append(queue, next)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return false, err
		}
	}
	return false, nil
}

// ancestorsOn returns the ids of the ancestors of id on d, nearest first.
func (s *Store) ancestorsOn(ctx context.Context, id int64, d date.Date) ([]int64, error) {
	var out []int64
	for range maxDepth {
		p, err := s.parentSpanAt(ctx, id, d)
		if errors.Is(err, db.ErrNotFound) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if p.ParentID == 0 {
			return out, nil
		}
		out = append(out, p.ParentID)
		id = p.ParentID
	}
	return nil, fmt.Errorf("org: the tree above unit %d is deeper than %d levels", id, maxDepth)
}

// checkCanEnd checks that u can end on d (dissolved, merged away or split
// up): d is after its first day, it has not ended already, nothing about it
// is recorded on or after d, no subordinate unit outlives it (except those
// in ending, which end on d in the same operation), and no post in it
// begins on or after d. idField names the unit in the caller's input.
func (s *Store) checkCanEnd(ctx context.Context, u unitRow, d date.Date, idField string, ending map[int64]bool) error {
	if !u.To.IsZero() {
		return problem.ConflictField(idField, "org.error.ended", dmy(u.To))
	}
	if !d.After(u.From) {
		return invalid("effective", "org.error.after_start", dmy(u.From))
	}
	var later date.Date
	if err := s.db.R(ctx).QueryRowContext(ctx, `SELECT max(valid_from) FROM (
			SELECT valid_from FROM unit_names WHERE unit_id = $1 AND valid_from >= $2
			UNION ALL
			SELECT valid_from FROM unit_parents WHERE unit_id = $1 AND valid_from >= $2) AS later`, u.ID, d).Scan(&later); err != nil {
		return fmt.Errorf("org: changes of unit %d after %s: %w", u.ID, d, err)
	}
	if !later.IsZero() {
		return problem.ConflictField("effective", "org.error.changes_after", dmy(later))
	}
	// Events in which it takes part later: a merge into it, a split giving
	// it work, a move of a child under it.
	if err := s.db.R(ctx).QueryRowContext(ctx, `SELECT max(e.effective) FROM unit_events e
		WHERE e.effective >= $2 AND (e.unit_id = $1
			OR e.id IN (SELECT event_id FROM unit_successions WHERE predecessor_id = $1 OR successor_id = $1))`,
		u.ID, d).Scan(&later); err != nil {
		return fmt.Errorf("org: events of unit %d after %s: %w", u.ID, d, err)
	}
	if !later.IsZero() {
		return problem.ConflictField("effective", "org.error.changes_after", dmy(later))
	}
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT DISTINCT p.unit_id FROM unit_parents p
		WHERE p.parent_id = $1 AND (p.valid_to IS NULL OR p.valid_to > $2) ORDER BY p.unit_id`, u.ID, d)
	if err != nil {
		return fmt.Errorf("org: children of unit %d after %s: %w", u.ID, d, err)
	}
	var children []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		if !ending[id] {
			children = append(children, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if len(children) > 0 {
		names := make([]string, len(children))
		for i, c := range children {
			if names[i], err = s.nameOn(ctx, c, d); err != nil {
				return err
			}
		}
		return problem.ConflictField(idField, "org.error.children_alive", len(children), nameList(names))
	}
	var postFrom date.Date
	if err := s.db.R(ctx).QueryRowContext(ctx, `SELECT min(valid_from) FROM posts WHERE unit_id = $1 AND valid_from >= $2`,
		u.ID, d).Scan(&postFrom); err != nil {
		return fmt.Errorf("org: posts of unit %d after %s: %w", u.ID, d, err)
	}
	if !postFrom.IsZero() {
		return problem.ConflictField("effective", "org.error.posts_after", dmy(postFrom))
	}
	return nil
}

// endUnit ends u on d: its life, its open name and parent intervals, and the
// posts held in it (a post cannot outlive its unit; ending it is history,
// not deletion). The caller has run checkCanEnd.
func (s *Store) endUnit(ctx context.Context, u unitRow, d date.Date, reason EndReason) error {
	q := s.db.W(ctx)
	now := s.clock.Now().UTC()
	if _, err := q.ExecContext(ctx, `UPDATE units SET valid_to = $1, end_reason = $2, updated_at = $3 WHERE id = $4`,
		d, string(reason), now, u.ID); err != nil {
		return fmt.Errorf("org: end unit %d: %w", u.ID, err)
	}
	if _, err := q.ExecContext(ctx, `UPDATE unit_names SET valid_to = $1 WHERE unit_id = $2 AND valid_to IS NULL`, d, u.ID); err != nil {
		return fmt.Errorf("org: end names of unit %d: %w", u.ID, err)
	}
	if _, err := q.ExecContext(ctx, `UPDATE unit_parents SET valid_to = $1 WHERE unit_id = $2 AND valid_to IS NULL`, d, u.ID); err != nil {
		return fmt.Errorf("org: end parent of unit %d: %w", u.ID, err)
	}
	return s.endPosts(ctx, u.ID, d)
}

// endPosts ends, on d, the posts in the unit that are held past d, each
// with its own audit entry.
func (s *Store) endPosts(ctx context.Context, unitID int64, d date.Date) error {
	type post struct {
		id, person int64
		code       string
		from, to   date.Date
	}
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT id, person_id, position_code, valid_from, valid_to FROM posts
		WHERE unit_id = $1 AND valid_from < $2 AND (valid_to IS NULL OR valid_to > $2) ORDER BY id`, unitID, d)
	if err != nil {
		return fmt.Errorf("org: posts of unit %d: %w", unitID, err)
	}
	var open []post
	for rows.Next() {
		var p post
		if err := rows.Scan(&p.id, &p.person, &p.code, &p.from, &p.to); err != nil {
			rows.Close()
			return err
		}
		open = append(open, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, p := range open {
		if _, err := s.db.W(ctx).ExecContext(ctx, `UPDATE posts SET valid_to = $1, updated_at = $2 WHERE id = $3`,
			d, s.clock.Now().UTC(), p.id); err != nil {
			return fmt.Errorf("org: end post %d: %w", p.id, err)
		}
		before := map[string]any{"valid_to": p.to}
		if p.to.IsZero() {
			before["valid_to"] = nil
		}
		if err := s.log.Record(ctx, audit.Change{Action: "end", Entity: "post", EntityID: p.id, Before: before,
			After: map[string]any{"valid_to": d, "reason": "unit_ended", "unit_id": unitID, "person_id": p.person, "position_code": p.code}}); err != nil {
			return err
		}
	}
	return nil
}
