package people

import (
	"context"
	"strconv"
	"strings"

	"plenum/internal/date"
	"plenum/internal/search"
)

// indexed writes the search entries of the persons a change concerned,
// once the change's audit entry (err) is written.
func (s *Store) indexed(ctx context.Context, err error, personIDs ...int64) error {
	if err != nil {
		return err
	}
	for _, id := range personIDs {
		e, err := s.searchEntry(ctx, id)
		if err != nil {
			return err
		}
		if err := s.index.Put(ctx, e); err != nil {
			return err
		}
	}
	return nil
}

// searchEntry is what the search index knows of a person: the full name,
// and every post the person holds or held — those held today first, in the
// official order of precedence, then the others, latest first — so that
// "bi thu tinh uy" finds today's secretaries first and former ones too.
// The unit is that of the first post listed.
func (s *Store) searchEntry(ctx context.Context, id int64) (search.Entry, error) {
	p, err := s.GetPerson(ctx, id)
	if err != nil {
		return search.Entry{}, err
	}
	current, err := s.PostsOf(ctx, id, s.today())
	if err != nil {
		return search.Entry{}, err
	}
	all, err := s.PostsOf(ctx, id, date.Date{})
	if err != nil {
		return search.Entry{}, err
	}
	var titles []string
	seen := map[string]bool{}
	var unit int64
	for _, post := range append(current, all...) {
		if unit == 0 {
			unit = post.UnitID
		}
		if !seen[post.Title] {
			seen[post.Title] = true
			titles = append(titles, post.Title)
		}
	}
	return search.Entry{Entity: search.EntityPerson, EntityID: id, Title: p.FullName, Body: strings.Join(titles, "; "),
		Keywords: p.Note, UnitID: unit, URL: "/people/" + strconv.FormatInt(id, 10)}, nil
}

// SearchSource gives `plenum reindex` every person's search entry.
func (s *Store) SearchSource() search.Source {
	return search.SourceOf(s.db, search.EntityPerson, `SELECT id FROM persons ORDER BY id`, s.searchEntry)
}
