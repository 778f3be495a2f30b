package org

import (
	"context"
	"strconv"
	"strings"

	"plenum/internal/date"
	"plenum/internal/search"
)

// indexUnit writes the search entry of a unit in the transaction of the
// change just recorded (record calls it after every change).
func (s *Store) indexUnit(ctx context.Context, id int64) error {
	e, err := s.searchEntry(ctx, id)
	if err != nil {
		return err
	}
	return s.index.Put(ctx, e)
}

// searchEntry is what the search index knows of a unit: its name as of
// today (its last name if it has ended) as the title; every name it had or
// will have, with their years, as the body; short names, code and the unit
// it sits under as further words; its kind, its parent, and whether it
// still exists.
func (s *Store) searchEntry(ctx context.Context, id int64) (search.Entry, error) {
	u, err := s.Get(ctx, id, date.Date{})
	if err != nil {
		return search.Entry{}, err
	}
	names, err := s.nameHistory(ctx, id)
	if err != nil {
		return search.Entry{}, err
	}
	var body, keywords []string
	for i := len(names) - 1; i >= 0; i-- {
		n := names[i]
		body = append(body, n.Name+" ("+years(n.ValidFrom, n.ValidTo)+")")
		keywords = append(keywords, n.ShortName)
	}
	keywords = append(keywords, u.Code)
	if u.ParentID != 0 {
		parent, err := s.Get(ctx, u.ParentID, u.AsOf)
		if err != nil {
			return search.Entry{}, err
		}
		keywords = append(keywords, parent.Name, parent.ShortName)
	}
	status := "active"
	if !u.ValidTo.IsZero() {
		status = "ended"
	}
	return search.Entry{Entity: search.EntityUnit, EntityID: id, Title: u.Name, Body: strings.Join(body, "; "),
		Keywords: strings.Join(keywords, " "), Kind: string(u.Kind), UnitID: u.ParentID, Status: status,
		Date: u.ValidFrom, URL: "/org/units/" + strconv.FormatInt(id, 10)}, nil
}

// years writes an interval as "2016–2025", "2016–" while open.
func years(from, to date.Date) string {
	s := strconv.Itoa(from.Year) + "–"
	if !to.IsZero() {
		s += strconv.Itoa(to.AddDays(-1).Year)
	}
	return s
}

// SearchSource gives `plenum reindex` every unit's search entry.
func (s *Store) SearchSource() search.Source {
	return search.SourceOf(s.db, search.EntityUnit, `SELECT id FROM units ORDER BY id`, s.searchEntry)
}
