package org

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// unitColumns are read by scanUnit. Every query selecting them joins units
// u, the name row n and the parent row p valid on its "as of" date.
const unitColumns = `u.id, u.kind, u.level, COALESCE(u.code, ''), u.valid_from, u.valid_to, u.end_reason,
	n.name, n.short_name, n.sort_key, p.parent_id`

type scanner interface{ Scan(dest ...any) error }

// scanUnit reads unitColumns; asOf is the date they were taken at.
func scanUnit(r scanner, asOf date.Date) (Unit, error) {
	var u Unit
	var parent sql.NullInt64
	if err := r.Scan(&u.ID, &u.Kind, &u.Level, &u.Code, &u.ValidFrom, &u.ValidTo, &u.EndReason,
		&u.Name, &u.ShortName, &u.sortKey, &parent); err != nil {
		return u, err
	}
	u.ParentID = parent.Int64
	u.AsOf = asOf
	u.Alive = !u.ValidFrom.After(asOf) && (u.ValidTo.IsZero() || u.ValidTo.After(asOf))
	return u, nil
}

// scanUnits reads rows of unitColumns all taken at asOf.
func scanUnits(rows *sql.Rows, asOf date.Date) ([]Unit, error) {
	defer rows.Close()
	var out []Unit
	for rows.Next() {
		u, err := scanUnit(rows, asOf)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// Get returns a unit with its name and parent as of asOf (today in Vietnam
// when zero). A unit asked for outside its life comes with its name and
// parent on its first or last day, and Alive false, so that records made
// against a dissolved unit can still show what it was called. An unknown id
// is a NotFound problem.
func (s *Store) Get(ctx context.Context, id int64, asOf date.Date) (Unit, error) {
	if asOf.IsZero() {
		asOf = s.today()
	}
	row, err := s.loadUnit(ctx, id)
	if errors.Is(err, db.ErrNotFound) {
		return Unit{}, unknownUnit("id")
	}
	if err != nil {
		return Unit{}, err
	}
	on := row.clamp(asOf)
	u, err := scanUnit(s.db.R(ctx).QueryRowContext(ctx, `SELECT `+unitColumns+` FROM units u
		JOIN unit_names n ON n.unit_id = u.id AND n.valid_from <= $2 AND (n.valid_to IS NULL OR n.valid_to > $2)
		LEFT JOIN unit_parents p ON p.unit_id = u.id AND p.valid_from <= $2 AND (p.valid_to IS NULL OR p.valid_to > $2)
		WHERE u.id = $1`, id, on), on)
	if err != nil {
		return Unit{}, fmt.Errorf("org: get unit %d as of %s: %w", id, on, err)
	}
	u.AsOf = asOf
	u.Alive = row.aliveOn(asOf)
	return u, nil
}

// ByCode returns the unit with the given code, as Get does.
func (s *Store) ByCode(ctx context.Context, code string, asOf date.Date) (Unit, error) {
	var id int64
	err := s.db.R(ctx).QueryRowContext(ctx, `SELECT id FROM units WHERE code = $1`, strings.TrimSpace(code)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return Unit{}, &problem.Error{Code: problem.NotFound, Fields: []problem.Field{{Name: "code", Key: "org.error.unit_unknown"}}}
	}
	if err != nil {
		return Unit{}, fmt.Errorf("org: unit by code: %w", err)
	}
	return s.Get(ctx, id, asOf)
}

// Children returns the units directly under id on asOf (today when zero),
// in Vietnamese order of their names.
func (s *Store) Children(ctx context.Context, id int64, asOf date.Date) ([]Unit, error) {
	if asOf.IsZero() {
		asOf = s.today()
	}
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT `+unitColumns+` FROM unit_parents p
		JOIN units u ON u.id = p.unit_id
		JOIN unit_names n ON n.unit_id = u.id AND n.valid_from <= $2 AND (n.valid_to IS NULL OR n.valid_to > $2)
		WHERE p.parent_id = $1 AND p.valid_from <= $2 AND (p.valid_to IS NULL OR p.valid_to > $2)
		ORDER BY n.sort_key, u.id`, id, asOf)
	if err != nil {
		return nil, fmt.Errorf("org: children of unit %d: %w", id, err)
	}
	out, err := scanUnits(rows, asOf)
	if err != nil {
		return nil, fmt.Errorf("org: children of unit %d: %w", id, err)
	}
	return out, nil
}

// Path returns the chain from the root down to the unit on asOf (today when
// zero), the unit last: the breadcrumb "Ban Chấp hành Trung ương › Tỉnh ủy
// Thái Nguyên › Đảng ủy phường Đức Xuân". Empty if the unit does not exist
// that day.
func (s *Store) Path(ctx context.Context, id int64, asOf date.Date) ([]Unit, error) {
	if asOf.IsZero() {
		asOf = s.today()
	}
	// The walk carries each unit's parent row, so the final select only
	// adds units and names; CROSS JOIN keeps SQLite from starting with a
	// scan of units once ANALYZE has run (PostgreSQL reorders it freely).
	rows, err := s.db.R(ctx).QueryContext(ctx, `WITH RECURSIVE up(id, parent_id, depth) AS (
			SELECT p.unit_id, p.parent_id, 0 FROM unit_parents p
			WHERE p.unit_id = $1 AND p.valid_from <= $2 AND (p.valid_to IS NULL OR p.valid_to > $2)
			UNION ALL
			SELECT p.unit_id, p.parent_id, up.depth + 1 FROM up JOIN unit_parents p ON p.unit_id = up.parent_id
			WHERE p.valid_from <= $2 AND (p.valid_to IS NULL OR p.valid_to > $2) AND up.depth < 64)
		SELECT `+unitColumns+` FROM up p CROSS JOIN units u CROSS JOIN unit_names n
		WHERE u.id = p.id AND n.unit_id = u.id AND n.valid_from <= $2 AND (n.valid_to IS NULL OR n.valid_to > $2)
		ORDER BY p.depth DESC`, id, asOf)
	if err != nil {
		return nil, fmt.Errorf("org: path of unit %d: %w", id, err)
	}
	out, err := scanUnits(rows, asOf)
	if err != nil {
		return nil, fmt.Errorf("org: path of unit %d: %w", id, err)
	}
	return out, nil
}

// SearchQuery finds units by name.
type SearchQuery struct {
	// Text is matched without regard to accents, case or tone placement,
	// word by word (each query word begins a word of the name), against the
	// name and the short name: "ubnd bac kan"
	// finds "Ủy ban nhân dân tỉnh Bắc Kạn" (short name "UBND tỉnh Bắc Kạn").
	Text string `json:"q"`
	// AsOf is the date whose names are searched and whose units are
	// returned (today when zero).
	AsOf date.Date `json:"as_of"`
	// AllTime searches every name a unit ever had, including units that no
	// longer exist; each comes with its latest name.
	AllTime bool  `json:"all_time,omitempty"`
	Kind    Kind  `json:"kind,omitempty"`
	Level   Level `json:"level,omitempty"`
	Limit   int   `json:"limit,omitempty"` // default 50, at most 500
}

// Search returns units whose name matches q, in Vietnamese order.
func (s *Store) Search(ctx context.Context, q SearchQuery) ([]Unit, error) {
	var v problem.Validation
	if q.Kind != "" && !q.Kind.Valid() {
		v.Add("kind", "error.invalid_choice")
	}
	if q.Level != "" && !q.Level.Valid() {
		v.Add("level", "error.invalid_choice")
	}
	v.MaxLen("q", q.Text, maxName)
	if q.Limit < 0 {
		v.Add("limit", "error.invalid_number")
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	if q.AsOf.IsZero() {
		q.AsOf = s.today()
	}
	limit := q.Limit
	if limit == 0 {
		limit = 50
	}
	limit = min(limit, 500)

	var args []any
	var where []string
	add := func(cond string, v any) {
		args = append(args, v)
		where = append(where, fmt.Sprintf(cond, len(args)))
	}
	var query string
	if !q.AllTime {
		add("u.valid_from <= $%[1]d AND (u.valid_to IS NULL OR u.valid_to > $%[1]d)", q.AsOf)
		query = `SELECT ` + unitColumns + ` FROM units u
			JOIN unit_names n ON n.unit_id = u.id AND n.valid_from <= $1 AND (n.valid_to IS NULL OR n.valid_to > $1)
			LEFT JOIN unit_parents p ON p.unit_id = u.id AND p.valid_from <= $1 AND (p.valid_to IS NULL OR p.valid_to > $1)`
	} else {
		// Each unit with its latest name and parent: those of its last day,
		// or its current ones.
		query = `SELECT ` + unitColumns + ` FROM units u
			JOIN unit_names n ON n.unit_id = u.id
				AND n.valid_from = (SELECT max(x.valid_from) FROM unit_names x WHERE x.unit_id = u.id)
			LEFT JOIN unit_parents p ON p.unit_id = u.id
				AND p.valid_from = (SELECT max(x.valid_from) FROM unit_parents x WHERE x.unit_id = u.id)`
	}
	if q.Kind != "" {
		add("u.kind = $%d", string(q.Kind))
	}
	if q.Level != "" {
		add("u.level = $%d", string(q.Level))
	}
	words := strings.Fields(vn.Fold(q.Text))
	if len(words) > 8 {
		words = words[:8]
	}
	// The current name must match when searching as of a date; any name
	// the unit ever had when searching all time.
	match := []string{"m.unit_id = u.id"}
	if !q.AllTime {
		match = []string{"m.id = n.id"}
	}
	for _, w := range words {
		args = append(args, "% "+escapeLike(w)+"%")
		match = append(match, fmt.Sprintf(`' ' || m.search_key LIKE $%d ESCAPE '\'`, len(args)))
	}
	where = append(where, `EXISTS (SELECT 1 FROM unit_names m WHERE `+strings.Join(match, " AND ")+`)`)
	args = append(args, limit)
	query += ` WHERE ` + strings.Join(where, " AND ") + fmt.Sprintf(` ORDER BY n.sort_key, u.id LIMIT $%d`, len(args))
	rows, err := s.db.R(ctx).QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("org: search units: %w", err)
	}
	out, err := scanUnits(rows, q.AsOf)
	if err != nil {
		return nil, fmt.Errorf("org: search units: %w", err)
	}
	return out, nil
}

// escapeLike escapes the LIKE wildcards of s for ESCAPE '\'.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
