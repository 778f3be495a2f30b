package people

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"plenum/internal/date"
	"plenum/internal/org"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// Holders returns who held a position in a unit on a date — "Who was Bí thư
// Tỉnh ủy of Bắc Kạn on 2021-10-11?" is
//
//	Holders(ctx, bacKanCommittee, "secretary", date.MustParse("2021-10-11"))
//
// Normally one post; several when the post was shared or the records
// overlap. asOf is today when zero. One query (the position is checked
// against the catalogue kept in memory).
func (s *Store) Holders(ctx context.Context, unitID int64, positionCode string, asOf date.Date) ([]Post, error) {
	var v problem.Validation
	if unitID <= 0 {
		v.Add("unit_id", "error.required")
	}
	v.Required("position_code", positionCode)
	if err := v.Err(); err != nil {
		return nil, err
	}
	positionCode = strings.TrimSpace(positionCode)
	if _, err := s.position(ctx, positionCode); errors.Is(err, errNoPosition) {
		return nil, problem.InvalidField("position_code", "people.error.position_unknown")
	} else if err != nil {
		return nil, err
	}
	if asOf.IsZero() {
		asOf = s.today()
	}
	rows, err := s.db.R(ctx).QueryContext(ctx, postSelect+`
		WHERE p.unit_id = $1 AND p.position_code = $2 AND p.valid_from <= $3 AND (p.valid_to IS NULL OR p.valid_to > $3)
		ORDER BY p.valid_from, pe.sort_key, p.id`, unitID, positionCode, asOf)
	if err != nil {
		return nil, fmt.Errorf("people: holders: %w", err)
	}
	out, err := scanPosts(rows)
	if err != nil {
		return nil, fmt.Errorf("people: holders: %w", err)
	}
	return out, nil
}

// PostsOf returns a person's posts held on asOf, or all the posts the person
// ever held when asOf is zero, in the official order of precedence (then
// the latest first).
func (s *Store) PostsOf(ctx context.Context, personID int64, asOf date.Date) ([]Post, error) {
	q := postSelect + ` WHERE p.person_id = $1`
	args := []any{personID}
	if !asOf.IsZero() {
		q += ` AND p.valid_from <= $2 AND (p.valid_to IS NULL OR p.valid_to > $2)`
		args = append(args, asOf)
	}
	rows, err := s.db.R(ctx).QueryContext(ctx, q+` ORDER BY `+precedence+`, p.valid_from DESC, p.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("people: posts of person %d: %w", personID, err)
	}
	out, err := scanPosts(rows)
	if err != nil {
		return nil, fmt.Errorf("people: posts of person %d: %w", personID, err)
	}
	return out, nil
}

// PostsOfEach returns the posts each of the people held on asOf, by person,
// each list in the order of PostsOf: one query for a page of a list.
func (s *Store) PostsOfEach(ctx context.Context, personIDs []int64, asOf date.Date) (map[int64][]Post, error) {
	out := make(map[int64][]Post, len(personIDs))
	if len(personIDs) == 0 {
		return out, nil
	}
	args := []any{asOf}
	marks := make([]string, len(personIDs))
	for i, id := range personIDs {
		args = append(args, id)
		marks[i] = fmt.Sprintf("$%d", i+2)
	}
	rows, err := s.db.R(ctx).QueryContext(ctx, postSelect+` WHERE p.person_id IN (`+strings.Join(marks, ", ")+`)
		AND p.valid_from <= $1 AND (p.valid_to IS NULL OR p.valid_to > $1)
		ORDER BY `+precedence+`, p.valid_from DESC, p.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("people: posts of %d people: %w", len(personIDs), err)
	}
	posts, err := scanPosts(rows)
	if err != nil {
		return nil, fmt.Errorf("people: posts of %d people: %w", len(personIDs), err)
	}
	for _, p := range posts {
		out[p.PersonID] = append(out[p.PersonID], p)
	}
	return out, nil
}

// Leadership returns the posts held in a unit on asOf (today when zero): its
// leaders and members, in the official order of precedence, people of equal
// standing in Vietnamese order of their names.
func (s *Store) Leadership(ctx context.Context, unitID int64, asOf date.Date) ([]Post, error) {
	if asOf.IsZero() {
		asOf = s.today()
	}
	rows, err := s.db.R(ctx).QueryContext(ctx, postSelect+`
		WHERE p.unit_id = $1 AND p.valid_from <= $2 AND (p.valid_to IS NULL OR p.valid_to > $2)
		ORDER BY `+precedence+`, pe.sort_key, p.id`, unitID, asOf)
	if err != nil {
		return nil, fmt.Errorf("people: leadership of unit %d: %w", unitID, err)
	}
	out, err := scanPosts(rows)
	if err != nil {
		return nil, fmt.Errorf("people: leadership of unit %d: %w", unitID, err)
	}
	return out, nil
}

// ListQuery selects people.
type ListQuery struct {
	// Search matches the full name word by word — each word of the query
	// begins a word of the name — ignoring accents, case and tone
	// placement: "nguyen van an" and "ng an" find "Nguyễn Văn An", "an"
	// finds An, Anh and Ánh but not Văn.
	Search string `json:"q,omitempty"`
	// UnitID keeps people who held a post in this unit or in any unit merged
	// or split into it (its lineage): Thái Nguyên's committee lists Bắc
	// Kạn's people too.
	UnitID int64 `json:"unit_id,omitempty"`
	// AsOf keeps only posts held on that date; zero means at any time. With
	// neither UnitID nor AsOf, everyone is listed.
	AsOf   date.Date `json:"as_of"`
	Limit  int       `json:"limit,omitempty"` // default 50, at most 500
	Offset int       `json:"offset,omitempty"`
}

// Page is one page of a list of people.
type Page struct {
	People []Person `json:"people"`
	Total  int      `json:"total"` // matching people across all pages
}

// List returns people in Vietnamese order of their names (given name, then
// middle, then family name), a page at a time.
func (s *Store) List(ctx context.Context, q ListQuery) (Page, error) {
	var v problem.Validation
	v.MaxLen("q", q.Search, maxFullName)
	if q.Limit < 0 {
		v.Add("limit", "error.invalid_number")
	}
	if q.Offset < 0 {
		v.Add("offset", "error.invalid_number")
	}
	if err := v.Err(); err != nil {
		return Page{}, err
	}
	limit := q.Limit
	if limit == 0 {
		limit = 50
	}
	limit = min(limit, 500)

	var args []any
	var where []string
	arg := func(x any) string {
		args = append(args, x)
		return fmt.Sprintf("$%d", len(args))
	}
	words := strings.Fields(vn.Fold(q.Search))
	if len(words) > 8 {
		words = words[:8]
	}
	for _, w := range words {
		where = append(where, `' ' || pe.search_key LIKE `+arg("% "+escapeLike(w)+"%")+` ESCAPE '\'`)
	}
	if q.UnitID != 0 || !q.AsOf.IsZero() {
		cond := []string{"p.person_id = pe.id"}
		if q.UnitID != 0 {
			cond = append(cond, "p.unit_id IN "+org.LineageSubquery(arg(q.UnitID)))
		}
		if !q.AsOf.IsZero() {
			d := arg(q.AsOf)
			cond = append(cond, "p.valid_from <= "+d+" AND (p.valid_to IS NULL OR p.valid_to > "+d+")")
		}
		where = append(where, "EXISTS (SELECT 1 FROM posts p WHERE "+strings.Join(cond, " AND ")+")")
	}
	filter := ""
	if len(where) > 0 {
		filter = " WHERE " + strings.Join(where, " AND ")
	}
	var page Page
	err := s.db.R(ctx).QueryRowContext(ctx, `SELECT count(*) FROM persons pe`+filter, args...).Scan(&page.Total)
	if err != nil {
		return page, fmt.Errorf("people: count: %w", err)
	}
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT pe.id, pe.full_name, pe.gender, pe.birth_year, pe.note FROM persons pe`+
		filter+` ORDER BY pe.sort_key, pe.id LIMIT `+arg(limit)+` OFFSET `+arg(q.Offset), args...)
	if err != nil {
		return page, fmt.Errorf("people: list: %w", err)
	}
	defer rows.Close()
	page.People = []Person{}
	for rows.Next() {
		var p Person
		var year sql.NullInt64
		if err := rows.Scan(&p.ID, &p.FullName, &p.Gender, &year, &p.Note); err != nil {
			return page, fmt.Errorf("people: list: %w", err)
		}
		p.BirthYear = int(year.Int64)
		page.People = append(page.People, p)
	}
	return page, rows.Err()
}
