package people

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"plenum/internal/audit"
	"plenum/internal/i18n"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// Gender of a person; empty when not recorded.
type Gender string

// The genders recorded.
const (
	Male   Gender = "male"
	Female Gender = "female"
)

// Label returns the gender in lang; "" when not recorded.
func (g Gender) Label(lang string) string {
	if g == "" {
		return ""
	}
	return i18n.T(lang, "people.gender."+string(g))
}

// Person is someone who holds or held posts.
type Person struct {
	ID        int64  `json:"id"`
	FullName  string `json:"full_name"`
	Gender    Gender `json:"gender,omitempty"`
	BirthYear int    `json:"birth_year,omitempty"` // 0 when unknown
	Note      string `json:"note,omitempty"`
}

// PersonInput creates or updates a person.
type PersonInput struct {
	FullName  string `json:"full_name"`
	Gender    Gender `json:"gender,omitempty"`
	BirthYear int    `json:"birth_year,omitempty"`
	Note      string `json:"note,omitempty"`
}

const (
	maxFullName = 120
	maxNote     = 2000
	maxTitle    = 300
	minBirth    = 1900
)

func (in *PersonInput) normalize() {
	in.FullName = vn.Clean(in.FullName)
	in.Note = vn.Clean(in.Note)
}

func (s *Store) validatePerson(in PersonInput) error {
	var v problem.Validation
	if v.Required("full_name", in.FullName) {
		v.MaxLen("full_name", in.FullName, maxFullName)
	}
	if in.Gender != "" {
		v.OneOf("gender", string(in.Gender), string(Male), string(Female))
	}
	if in.BirthYear != 0 {
		v.Check(in.BirthYear >= minBirth && in.BirthYear <= s.today().Year, "birth_year", "people.error.birth_year", minBirth, s.today().Year)
	}
	v.MaxLen("note", in.Note, maxNote)
	return v.Err()
}

// CreatePerson records a person.
func (s *Store) CreatePerson(ctx context.Context, in PersonInput) (Person, error) {
	in.normalize()
	if err := s.validatePerson(in); err != nil {
		return Person{}, err
	}
	p := Person{FullName: in.FullName, Gender: in.Gender, BirthYear: in.BirthYear, Note: in.Note}
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		now := s.clock.Now().UTC()
		if err := s.db.W(ctx).QueryRowContext(ctx, `INSERT INTO persons
			(full_name, gender, birth_year, note, sort_key, search_key, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
			p.FullName, string(p.Gender), nullYear(p.BirthYear), p.Note, vn.NameSortKey(p.FullName), vn.Fold(p.FullName), now).Scan(&p.ID); err != nil {
			return fmt.Errorf("people: insert person: %w", err)
		}
		return s.indexed(ctx, s.log.Record(ctx, audit.Change{Action: "create", Entity: "person", EntityID: p.ID, After: p}), p.ID)
	})
	if err != nil {
		return Person{}, err
	}
	return p, nil
}

// UpdatePerson replaces a person's details.
func (s *Store) UpdatePerson(ctx context.Context, id int64, in PersonInput) (Person, error) {
	in.normalize()
	if err := s.validatePerson(in); err != nil {
		return Person{}, err
	}
	p := Person{ID: id, FullName: in.FullName, Gender: in.Gender, BirthYear: in.BirthYear, Note: in.Note}
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		before, err := s.GetPerson(ctx, id)
		if err != nil {
			return err
		}
		if before == p {
			return nil
		}
		if _, err := s.db.W(ctx).ExecContext(ctx, `UPDATE persons SET full_name = $1, gender = $2, birth_year = $3, note = $4,
			sort_key = $5, search_key = $6, updated_at = $7 WHERE id = $8`,
			p.FullName, string(p.Gender), nullYear(p.BirthYear), p.Note, vn.NameSortKey(p.FullName), vn.Fold(p.FullName),
			s.clock.Now().UTC(), id); err != nil {
			return fmt.Errorf("people: update person %d: %w", id, err)
		}
		return s.indexed(ctx, s.log.Record(ctx, audit.Change{Action: "update", Entity: "person", EntityID: id, Before: before, After: p}), id)
	})
	if err != nil {
		return Person{}, err
	}
	return p, nil
}

// GetPerson returns a person; a NotFound problem if there is none.
func (s *Store) GetPerson(ctx context.Context, id int64) (Person, error) {
	var p Person
	var year sql.NullInt64
	err := s.db.R(ctx).QueryRowContext(ctx, `SELECT id, full_name, gender, birth_year, note FROM persons WHERE id = $1`, id).
		Scan(&p.ID, &p.FullName, &p.Gender, &year, &p.Note)
	if errors.Is(err, sql.ErrNoRows) {
		return p, notFound("id", "people.error.person_unknown")
	}
	if err != nil {
		return p, fmt.Errorf("people: get person %d: %w", id, err)
	}
	p.BirthYear = int(year.Int64)
	return p, nil
}

func nullYear(y int) any {
	if y == 0 {
		return nil
	}
	return y
}
