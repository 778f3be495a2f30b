package people

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"plenum/internal/audit"
	"plenum/internal/date"
	"plenum/internal/org"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// Post is a person in a position of a unit over [ValidFrom, ValidTo).
type Post struct {
	ID             int64     `json:"id"`
	PersonID       int64     `json:"person_id"`
	PersonName     string    `json:"person_name"`
	PositionCode   string    `json:"position_code"`
	PositionNameVI string    `json:"position_name_vi"`
	PositionNameEN string    `json:"position_name_en"`
	Branch         Branch    `json:"branch"`
	Rank           int       `json:"rank"`
	UnitID         int64     `json:"unit_id"`
	UnitName       string    `json:"unit_name"` // the unit's name on the post's first day
	UnitLevel      org.Level `json:"unit_level"`
	Title          string    `json:"title"` // as written: "Bí thư Tỉnh ủy Bắc Kạn"
	ValidFrom      date.Date `json:"valid_from"`
	ValidTo        date.Date `json:"valid_to"` // zero while held
	Note           string    `json:"note,omitempty"`
}

// PostInput adds or corrects a post.
type PostInput struct {
	PersonID     int64  `json:"person_id"`
	PositionCode string `json:"position_code"`
	UnitID       int64  `json:"unit_id"`
	// Title is the post as written. When empty it is composed from the
	// position and the unit's name: "Bí thư" + "Tỉnh ủy Bắc Kạn".
	Title     string    `json:"title,omitempty"`
	ValidFrom date.Date `json:"valid_from"`
	ValidTo   date.Date `json:"valid_to"` // zero: still held
	Note      string    `json:"note,omitempty"`
}

// EndPostInput records the last day of a post (ValidTo is the day after it,
// as everywhere: the first day the post is no longer held).
type EndPostInput struct {
	PostID  int64     `json:"post_id"`
	ValidTo date.Date `json:"valid_to"`
}

// postSelect reads posts with what a list shows about them. The unit's name
// is the one on the post's first day, which always exists: a post lies
// within its unit's life.
const postSelect = `SELECT p.id, p.person_id, pe.full_name, p.position_code, pos.name_vi, pos.name_en, pos.branch, pos.rank,
		p.unit_id, n.name, u.level, p.title, p.valid_from, p.valid_to, p.note
	FROM posts p
	JOIN persons pe ON pe.id = p.person_id
	JOIN positions pos ON pos.code = p.position_code
	JOIN units u ON u.id = p.unit_id
	JOIN unit_names n ON n.unit_id = p.unit_id AND n.valid_from <= p.valid_from AND (n.valid_to IS NULL OR n.valid_to > p.valid_from)`

// precedence is the official order: the level of the unit (central first),
// the rank of the position, Party before State before Front.
const precedence = `CASE u.level WHEN 'central' THEN 0 WHEN 'province' THEN 1 WHEN 'district' THEN 2 ELSE 3 END,
	pos.rank, ` + branchOrder

func scanPosts(rows *sql.Rows) ([]Post, error) {
	defer rows.Close()
	var out []Post
	for rows.Next() {
		var p Post
		if err := rows.Scan(&p.ID, &p.PersonID, &p.PersonName, &p.PositionCode, &p.PositionNameVI, &p.PositionNameEN,
			&p.Branch, &p.Rank, &p.UnitID, &p.UnitName, &p.UnitLevel, &p.Title, &p.ValidFrom, &p.ValidTo, &p.Note); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// GetPost returns a post; a NotFound problem if there is none.
func (s *Store) GetPost(ctx context.Context, id int64) (Post, error) {
	rows, err := s.db.R(ctx).QueryContext(ctx, postSelect+` WHERE p.id = $1`, id)
	if err != nil {
		return Post{}, fmt.Errorf("people: get post %d: %w", id, err)
	}
	posts, err := scanPosts(rows)
	if err != nil {
		return Post{}, fmt.Errorf("people: get post %d: %w", id, err)
	}
	if len(posts) == 0 {
		return Post{}, notFound("post_id", "people.error.post_unknown")
	}
	return posts[0], nil
}

func (in *PostInput) normalize() {
	in.PositionCode = strings.TrimSpace(in.PositionCode)
	in.Title = vn.Clean(in.Title)
	in.Note = vn.Clean(in.Note)
}

func (in *PostInput) validate() error {
	var v problem.Validation
	if in.PersonID <= 0 {
		v.Add("person_id", "error.required")
	}
	v.Required("position_code", in.PositionCode)
	if in.UnitID <= 0 {
		v.Add("unit_id", "error.required")
	}
	if in.ValidFrom.IsZero() {
		v.Add("valid_from", "error.required")
	} else if !in.ValidTo.IsZero() && !in.ValidTo.After(in.ValidFrom) {
		v.Add("valid_to", "error.end_before_start")
	}
	v.MaxLen("title", in.Title, maxTitle)
	v.MaxLen("note", in.Note, maxNote)
	return v.Err()
}

// check validates in against the database, inside the transaction, and
// fills in a missing title. self is the post being corrected (0 when adding).
func (s *Store) check(ctx context.Context, in *PostInput, self int64) error {
	if _, err := s.GetPerson(ctx, in.PersonID); problem.Is(err, problem.NotFound) {
		return problem.InvalidField("person_id", "people.error.person_unknown")
	} else if err != nil {
		return err
	}
	pos, err := s.position(ctx, in.PositionCode)
	if errors.Is(err, errNoPosition) {
		return problem.InvalidField("position_code", "people.error.position_unknown")
	}
	if err != nil {
		return err
	}
	unit, err := s.units.Get(ctx, in.UnitID, in.ValidFrom)
	if problem.Is(err, problem.NotFound) {
		return problem.InvalidField("unit_id", "org.error.unit_unknown")
	}
	if err != nil {
		return err
	}
	if in.ValidFrom.Before(unit.ValidFrom) {
		return problem.InvalidField("valid_from", "people.error.before_unit", dmy(unit.ValidFrom))
	}
	if !unit.ValidTo.IsZero() {
		if !in.ValidFrom.Before(unit.ValidTo) {
			return problem.InvalidField("valid_from", "people.error.unit_ended", dmy(unit.ValidTo))
		}
		if in.ValidTo.IsZero() || in.ValidTo.After(unit.ValidTo) {
			return problem.InvalidField("valid_to", "people.error.after_unit", dmy(unit.ValidTo))
		}
	}
	q := `SELECT valid_from FROM posts WHERE person_id = $1 AND position_code = $2 AND unit_id = $3 AND id <> $4
		AND (valid_to IS NULL OR valid_to > $5)`
	args := []any{in.PersonID, in.PositionCode, in.UnitID, self, in.ValidFrom}
	if !in.ValidTo.IsZero() {
		q += ` AND valid_from < $6`
		args = append(args, in.ValidTo)
	}
	var other date.Date
	err = s.db.R(ctx).QueryRowContext(ctx, q+` ORDER BY valid_from LIMIT 1`, args...).Scan(&other)
	if err == nil {
		return problem.ConflictField("valid_from", "people.error.overlap", dmy(other))
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("people: overlapping posts: %w", err)
	}
	if in.Title == "" {
		in.Title = composeTitle(pos.NameVI, unit.Name)
	}
	return nil
}

// composeTitle joins a position and a unit name, sharing the words the
// position ends with and the unit name starts with: "Chủ tịch Ủy ban nhân
// dân" + "Ủy ban nhân dân tỉnh Bắc Kạn" gives "Chủ tịch Ủy ban nhân dân tỉnh
// Bắc Kạn", not the phrase twice.
func composeTitle(position, unit string) string {
	pw, uw := strings.Fields(position), strings.Fields(unit)
	for k := min(len(pw), len(uw)); k > 0; k-- {
		shared := true
		for i := range k {
			if !strings.EqualFold(pw[len(pw)-k+i], uw[i]) {
				shared = false
				break
			}
		}
		if shared {
			return strings.Join(append(pw[:len(pw)-k:len(pw)-k], uw...), " ")
		}
	}
	return position + " " + unit
}

// AddPost records that a person holds a position in a unit from
// in.ValidFrom (until in.ValidTo, if known).
func (s *Store) AddPost(ctx context.Context, in PostInput) (Post, error) {
	in.normalize()
	if err := in.validate(); err != nil {
		return Post{}, err
	}
	var out Post
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		if err := s.units.Lock(ctx); err != nil {
			return err
		}
		if err := s.check(ctx, &in, 0); err != nil {
			return err
		}
		now := s.clock.Now().UTC()
		var id int64
		if err := s.db.W(ctx).QueryRowContext(ctx, `INSERT INTO posts
			(person_id, position_code, unit_id, title, valid_from, valid_to, note, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
			in.PersonID, in.PositionCode, in.UnitID, in.Title, in.ValidFrom, in.ValidTo, in.Note, now).Scan(&id); err != nil {
			return fmt.Errorf("people: insert post: %w", err)
		}
		var err error
		if out, err = s.GetPost(ctx, id); err != nil {
			return err
		}
		return s.indexed(ctx, s.log.Record(ctx, audit.Change{Action: "create", Entity: "post", EntityID: id, After: in}), in.PersonID)
	})
	if err != nil {
		return Post{}, err
	}
	return out, nil
}

// CorrectPost replaces every field of a post recorded wrongly. To record
// that a post ended, use EndPost.
func (s *Store) CorrectPost(ctx context.Context, id int64, in PostInput) (Post, error) {
	in.normalize()
	if err := in.validate(); err != nil {
		return Post{}, err
	}
	var out Post
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		if err := s.units.Lock(ctx); err != nil {
			return err
		}
		before, err := s.GetPost(ctx, id)
		if err != nil {
			return err
		}
		if err := s.check(ctx, &in, id); err != nil {
			return err
		}
		if _, err := s.db.W(ctx).ExecContext(ctx, `UPDATE posts SET person_id = $1, position_code = $2, unit_id = $3,
			title = $4, valid_from = $5, valid_to = $6, note = $7, updated_at = $8 WHERE id = $9`,
			in.PersonID, in.PositionCode, in.UnitID, in.Title, in.ValidFrom, in.ValidTo, in.Note, s.clock.Now().UTC(), id); err != nil {
			return fmt.Errorf("people: correct post %d: %w", id, err)
		}
		if out, err = s.GetPost(ctx, id); err != nil {
			return err
		}
		return s.indexed(ctx, s.log.Record(ctx, audit.Change{Action: "update", Entity: "post", EntityID: id, Before: postInput(before), After: in}),
			before.PersonID, in.PersonID)
	})
	if err != nil {
		return Post{}, err
	}
	return out, nil
}

// EndPost records that a post is no longer held from in.ValidTo on.
func (s *Store) EndPost(ctx context.Context, in EndPostInput) (Post, error) {
	var v problem.Validation
	if in.PostID <= 0 {
		v.Add("post_id", "error.required")
	}
	if in.ValidTo.IsZero() {
		v.Add("valid_to", "error.required")
	}
	if err := v.Err(); err != nil {
		return Post{}, err
	}
	var out Post
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		if err := s.units.Lock(ctx); err != nil {
			return err
		}
		before, err := s.GetPost(ctx, in.PostID)
		if err != nil {
			return err
		}
		if !before.ValidTo.IsZero() {
			return problem.ConflictField("valid_to", "people.error.already_ended", dmy(before.ValidTo))
		}
		if !in.ValidTo.After(before.ValidFrom) {
			return problem.InvalidField("valid_to", "error.end_before_start")
		}
		unit, err := s.units.Get(ctx, before.UnitID, before.ValidFrom)
		if err != nil {
			return err
		}
		if !unit.ValidTo.IsZero() && in.ValidTo.After(unit.ValidTo) {
			return problem.InvalidField("valid_to", "people.error.after_unit", dmy(unit.ValidTo))
		}
		if _, err := s.db.W(ctx).ExecContext(ctx, `UPDATE posts SET valid_to = $1, updated_at = $2 WHERE id = $3`,
			in.ValidTo, s.clock.Now().UTC(), in.PostID); err != nil {
			return fmt.Errorf("people: end post %d: %w", in.PostID, err)
		}
		if out, err = s.GetPost(ctx, in.PostID); err != nil {
			return err
		}
		return s.indexed(ctx, s.log.Record(ctx, audit.Change{Action: "end", Entity: "post", EntityID: in.PostID,
			Before: map[string]any{"valid_to": nil}, After: map[string]any{"valid_to": in.ValidTo}}), before.PersonID)
	})
	if err != nil {
		return Post{}, err
	}
	return out, nil
}

// RemovePost deletes a post entered by mistake. A post that was really held
// is ended (EndPost), not removed; the audit log keeps the removed values.
func (s *Store) RemovePost(ctx context.Context, id int64) error {
	return s.db.Tx(ctx, func(ctx context.Context) error {
		before, err := s.GetPost(ctx, id)
		if err != nil {
			return err
		}
		if _, err := s.db.W(ctx).ExecContext(ctx, `DELETE FROM posts WHERE id = $1`, id); err != nil {
			return fmt.Errorf("people: remove post %d: %w", id, err)
		}
		return s.indexed(ctx, s.log.Record(ctx, audit.Change{Action: "delete", Entity: "post", EntityID: id, Before: postInput(before)}), before.PersonID)
	})
}

func postInput(p Post) PostInput {
	return PostInput{PersonID: p.PersonID, PositionCode: p.PositionCode, UnitID: p.UnitID, Title: p.Title,
		ValidFrom: p.ValidFrom, ValidTo: p.ValidTo, Note: p.Note}
}
