package people

import (
	"context"
	"errors"
	"fmt"

	"plenum/internal/i18n"
)

// Branch is the part of the political system a position belongs to.
type Branch string

// The branches, in order of precedence at equal rank.
const (
	Party Branch = "party"
	State Branch = "state"
	Front Branch = "front"
	Other Branch = "other"
)

// Label returns the name of the branch in lang.
func (b Branch) Label(lang string) string { return i18n.T(lang, "people.branch."+string(b)) }

// Position is an entry of the catalogue seeded by the foundation migration.
type Position struct {
	Code   string `json:"code"`
	NameVI string `json:"name_vi"`
	NameEN string `json:"name_en"`
	Branch Branch `json:"branch"`
	Rank   int    `json:"rank"` // lower ranks come first
}

// Name returns the position's name in lang.
func (p Position) Name(lang string) string {
	if i18n.Normalize(lang) == "en" {
		return p.NameEN
	}
	return p.NameVI
}

// branchOrder sorts Party before State before Front at equal rank.
const branchOrder = `CASE pos.branch WHEN 'party' THEN 0 WHEN 'state' THEN 1 WHEN 'front' THEN 2 ELSE 3 END`

// Positions returns the catalogue in order of precedence.
func (s *Store) Positions(ctx context.Context) ([]Position, error) {
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT pos.code, pos.name_vi, pos.name_en, pos.branch, pos.rank
		FROM positions pos ORDER BY pos.rank, `+branchOrder+`, pos.code`)
	if err != nil {
		return nil, fmt.Errorf("people: positions: %w", err)
	}
	defer rows.Close()
	var out []Position
	for rows.Next() {
		var p Position
		if err := rows.Scan(&p.Code, &p.NameVI, &p.NameEN, &p.Branch, &p.Rank); err != nil {
			return nil, fmt.Errorf("people: positions: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// position returns one entry of the catalogue; errNoPosition if unknown.
// The catalogue is seeded by the migration and never changes while the
// server runs, so it is read once per Store and kept.
func (s *Store) position(ctx context.Context, code string) (Position, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.catalogue == nil {
		all, err := s.Positions(ctx)
		if err != nil {
			return Position{}, err
		}
		s.catalogue = make(map[string]Position, len(all))
		for _, p := range all {
			s.catalogue[p.Code] = p
		}
	}
	p, ok := s.catalogue[code]
	if !ok {
		return p, errNoPosition
	}
	return p, nil
}

var errNoPosition = errors.New("people: no such position")
