package conferences

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"plenum/internal/audit"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/org"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// Term is a term (khóa) of a body: khóa XII, nhiệm kỳ 2020–2025, over
// [ValidFrom, ValidTo).
type Term struct {
	ID        int64     `json:"id"`
	BodyID    int64     `json:"body_id"`
	BodyName  string    `json:"body_name"` // the body's name on the term's first day
	BodyKind  org.Kind  `json:"body_kind"`
	BodyLevel org.Level `json:"body_level"`
	Numeral   int       `json:"numeral"`
	Roman     string    `json:"roman"` // "XII"
	YearFrom  int       `json:"year_from"`
	YearTo    int       `json:"year_to"`
	ValidFrom date.Date `json:"valid_from"`
	ValidTo   date.Date `json:"valid_to"` // zero while the term runs
	Note      string    `json:"note,omitempty"`
}

// Label is the term as Vietnamese writes it: "khóa XII, nhiệm kỳ 2020–2025".
func (t Term) Label() string {
	return fmt.Sprintf("khóa %s, nhiệm kỳ %d–%d", t.Roman, t.YearFrom, t.YearTo)
}

// Contains reports whether d lies in the term.
func (t Term) Contains(d date.Date) bool {
	return !d.Before(t.ValidFrom) && (t.ValidTo.IsZero() || d.Before(t.ValidTo))
}

// TermInput creates or corrects a term.
type TermInput struct {
	BodyID int64 `json:"body_id"`
	// Numeral is the term's number in Roman numerals ("XII") or digits ("12").
	Numeral   string    `json:"numeral"`
	YearFrom  int       `json:"year_from"`
	YearTo    int       `json:"year_to"`
	ValidFrom date.Date `json:"valid_from"`
	ValidTo   date.Date `json:"valid_to"` // zero: still running
	Note      string    `json:"note,omitempty"`
}

// ParseNumeral reads a term's number written in Roman numerals, in either
// case, or in digits: "XII", "xii" and "12" are 12.
func ParseNumeral(s string) (int, error) {
	s = strings.TrimSpace(s)
	if n, err := strconv.Atoi(s); err == nil {
		if n < 1 || n > vn.MaxRoman {
			return 0, fmt.Errorf("conferences: term number %d is out of range 1-%d", n, vn.MaxRoman)
		}
		return n, nil
	}
	return vn.ParseRoman(s)
}

func (in *TermInput) validate() (int, error) {
	in.Note = vn.Clean(in.Note)
	var v problem.Validation
	if in.BodyID <= 0 {
		v.Add("body_id", "error.required")
	}
	n := 0
	if v.Required("numeral", in.Numeral) {
		var err error
		n, err = ParseNumeral(in.Numeral)
		v.Check(err == nil, "numeral", "conferences.error.numeral")
	}
	v.Check(in.YearFrom >= 1900 && in.YearFrom <= 2200, "year_from", "conferences.error.year")
	if v.Check(in.YearTo >= 1900 && in.YearTo <= 2200, "year_to", "conferences.error.year") && !v.Has("year_from") {
		v.Check(in.YearTo > in.YearFrom, "year_to", "conferences.error.years_order")
	}
	if in.ValidFrom.IsZero() {
		v.Add("valid_from", "error.required")
	} else {
		if !v.Has("year_from") && !v.Has("year_to") {
			v.Check(in.ValidFrom.Year >= in.YearFrom && in.ValidFrom.Year <= in.YearTo, "valid_from",
				"conferences.error.term_start_years", in.YearFrom, in.YearTo)
		}
		if !in.ValidTo.IsZero() {
			v.Check(in.ValidTo.After(in.ValidFrom), "valid_to", "error.end_before_start")
		}
	}
	v.MaxLen("note", in.Note, maxNote)
	return n, v.Err()
}

const termSelect = `SELECT t.id, t.body_id, n.name, u.kind, u.level, t.numeral, t.year_from, t.year_to, t.valid_from, t.valid_to, t.note
	FROM body_terms t
	JOIN units u ON u.id = t.body_id
	JOIN unit_names n ON n.unit_id = t.body_id AND n.valid_from <= t.valid_from AND (n.valid_to IS NULL OR n.valid_to > t.valid_from)`

func scanTerms(rows *sql.Rows) ([]Term, error) {
	defer rows.Close()
	var out []Term
	for rows.Next() {
		var t Term
		if err := rows.Scan(&t.ID, &t.BodyID, &t.BodyName, &t.BodyKind, &t.BodyLevel, &t.Numeral, &t.YearFrom, &t.YearTo,
			&t.ValidFrom, &t.ValidTo, &t.Note); err != nil {
			return nil, err
		}
		t.Roman, _ = vn.FormatRoman(t.Numeral)
		out = append(out, t)
	}
	return out, rows.Err()
}

// queryTerms reads the terms a query of termSelect returns.
func (s *Store) queryTerms(ctx context.Context, q string, args ...any) ([]Term, error) {
	rows, err := s.db.R(ctx).QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("conferences: terms: %w", err)
	}
	ts, err := scanTerms(rows)
	if err != nil {
		return nil, fmt.Errorf("conferences: terms: %w", err)
	}
	return ts, nil
}

// Term returns a term; a NotFound problem if there is none.
func (s *Store) Term(ctx context.Context, id int64) (Term, error) {
	ts, err := s.queryTerms(ctx, termSelect+` WHERE t.id = $1`, id)
	if err != nil || len(ts) == 0 {
		return Term{}, cmpErr(err, notFound("term_id", "conferences.error.term_unknown"))
	}
	return ts[0], nil
}

// Terms returns the terms of a body (of every body when bodyID is 0),
// bodies in Vietnamese order of their names and each body's terms latest
// first.
func (s *Store) Terms(ctx context.Context, bodyID int64) ([]Term, error) {
	q := termSelect
	var args db.Args
	if bodyID != 0 {
		q += ` WHERE t.body_id = ` + args.Add(bodyID)
	}
	return s.queryTerms(ctx, q+` ORDER BY n.sort_key, t.body_id, t.valid_from DESC`, args...)
}

// TermOn returns the term of a body that contains d; a NotFound problem
// naming held_on if there is none.
func (s *Store) TermOn(ctx context.Context, bodyID int64, d date.Date) (Term, error) {
	ts, err := s.queryTerms(ctx, termSelect+` WHERE t.body_id = $1 AND t.valid_from <= $2
		AND (t.valid_to IS NULL OR t.valid_to > $2) ORDER BY t.valid_from DESC LIMIT 1`, bodyID, d)
	if err != nil || len(ts) == 0 {
		return Term{}, cmpErr(err, notFound("held_on", "conferences.error.no_term_on"))
	}
	return ts[0], nil
}

// cmpErr is err, or missing when there is no error (nothing was found).
func cmpErr(err, missing error) error {
	if err != nil {
		return err
	}
	return missing
}

// checkTerm validates a term against the database: the body exists on its
// first day and lives as long as it, its number is free, and it overlaps no
// other term of the body. self is the term being corrected (0 when adding).
func (s *Store) checkTerm(ctx context.Context, in TermInput, numeral int, self int64) error {
	unit, err := s.units.Get(ctx, in.BodyID, in.ValidFrom)
	if problem.Is(err, problem.NotFound) {
		return problem.InvalidField("body_id", "org.error.unit_unknown")
	}
	if err != nil {
		return err
	}
	if in.ValidFrom.Before(unit.ValidFrom) {
		return problem.InvalidField("valid_from", "conferences.error.before_body", dmy(unit.ValidFrom))
	}
	if !unit.ValidTo.IsZero() {
		if !in.ValidFrom.Before(unit.ValidTo) {
			return problem.InvalidField("valid_from", "conferences.error.body_ended", dmy(unit.ValidTo))
		}
		if in.ValidTo.IsZero() || in.ValidTo.After(unit.ValidTo) {
			return problem.InvalidField("valid_to", "conferences.error.after_body", dmy(unit.ValidTo))
		}
	}
	var other int64
	err = s.db.R(ctx).QueryRowContext(ctx, `SELECT id FROM body_terms WHERE body_id = $1 AND numeral = $2 AND id <> $3`,
		in.BodyID, numeral, self).Scan(&other)
	if err == nil {
		return problem.ConflictField("numeral", "conferences.error.numeral_taken")
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("conferences: check term number: %w", err)
	}
	q := `SELECT valid_from FROM body_terms WHERE body_id = $1 AND id <> $2 AND (valid_to IS NULL OR valid_to > $3)`
	args := []any{in.BodyID, self, in.ValidFrom}
	if !in.ValidTo.IsZero() {
		q += ` AND valid_from < $4`
		args = append(args, in.ValidTo)
	}
	var from date.Date
	err = s.db.R(ctx).QueryRowContext(ctx, q+` ORDER BY valid_from LIMIT 1`, args...).Scan(&from)
	if err == nil {
		return problem.ConflictField("valid_from", "conferences.error.term_overlap", dmy(from))
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("conferences: overlapping terms: %w", err)
	}
	if self == 0 {
		return nil
	}
	// A corrected term must still hold its conferences.
	var outside date.Date
	q = `SELECT held_on FROM conferences WHERE term_id = $1 AND (held_on < $2`
	args = []any{self, in.ValidFrom}
	if !in.ValidTo.IsZero() {
		q += ` OR held_on >= $3`
		args = append(args, in.ValidTo)
	}
	err = s.db.R(ctx).QueryRowContext(ctx, q+`) ORDER BY held_on LIMIT 1`, args...).Scan(&outside)
	if err == nil {
		field := "valid_from"
		if !outside.Before(in.ValidFrom) {
			field = "valid_to"
		}
		return problem.ConflictField(field, "conferences.error.term_leaves_conference", dmy(outside))
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("conferences: conferences outside the term: %w", err)
	}
	return nil
}

// CreateTerm records a term of a body.
func (s *Store) CreateTerm(ctx context.Context, in TermInput) (Term, error) {
	numeral, err := in.validate()
	if err != nil {
		return Term{}, err
	}
	var out Term
	err = s.db.Tx(ctx, func(ctx context.Context) error {
		if err := s.units.Lock(ctx); err != nil {
			return err
		}
		if err := s.checkTerm(ctx, in, numeral, 0); err != nil {
			return err
		}
		now := s.clock.Now().UTC()
		var id int64
		if err := s.db.W(ctx).QueryRowContext(ctx, `INSERT INTO body_terms
			(body_id, numeral, year_from, year_to, valid_from, valid_to, note, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
			in.BodyID, numeral, in.YearFrom, in.YearTo, in.ValidFrom, in.ValidTo, in.Note, now).Scan(&id); err != nil {
			if db.IsUniqueViolation(err) {
				return problem.ConflictField("numeral", "conferences.error.numeral_taken")
			}
			return fmt.Errorf("conferences: insert term: %w", err)
		}
		if out, err = s.Term(ctx, id); err != nil {
			return err
		}
		return s.log.Record(ctx, audit.Change{Action: "create", Entity: entityTerm, EntityID: id, After: out})
	})
	if err != nil {
		return Term{}, err
	}
	return out, nil
}

// UpdateTerm corrects a term. A term with conferences keeps its body, and
// its dates must still hold them.
func (s *Store) UpdateTerm(ctx context.Context, id int64, in TermInput) (Term, error) {
	numeral, err := in.validate()
	if err != nil {
		return Term{}, err
	}
	var out Term
	err = s.db.Tx(ctx, func(ctx context.Context) error {
		if err := s.units.Lock(ctx); err != nil {
			return err
		}
		before, err := s.Term(ctx, id)
		if err != nil {
			return err
		}
		if before.BodyID != in.BodyID {
			var n int
			if err := s.db.R(ctx).QueryRowContext(ctx, `SELECT count(*) FROM conferences WHERE term_id = $1`, id).Scan(&n); err != nil {
				return fmt.Errorf("conferences: conferences of term %d: %w", id, err)
			}
			if n > 0 {
				return problem.ConflictField("body_id", "conferences.error.term_has_conferences")
			}
		}
		if err := s.checkTerm(ctx, in, numeral, id); err != nil {
			return err
		}
		if err := s.exec(ctx, "update term", `UPDATE body_terms SET body_id = $1, numeral = $2, year_from = $3, year_to = $4,
			valid_from = $5, valid_to = $6, note = $7, updated_at = $8 WHERE id = $9`,
			in.BodyID, numeral, in.YearFrom, in.YearTo, in.ValidFrom, in.ValidTo, in.Note, s.clock.Now().UTC(), id); err != nil {
			if db.IsUniqueViolation(errors.Unwrap(err)) {
				return problem.ConflictField("numeral", "conferences.error.numeral_taken")
			}
			return err
		}
		if out, err = s.Term(ctx, id); err != nil {
			return err
		}
		return s.log.Record(ctx, audit.Change{Action: "update", Entity: entityTerm, EntityID: id, Before: before, After: out})
	})
	if err != nil {
		return Term{}, err
	}
	return out, nil
}
