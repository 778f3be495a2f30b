package conferences

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/org"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// Conference is a conference of a body, with what was set when it was
// convened. Its attendance, agenda and texts are in Record.
type Conference struct {
	ID        int64     `json:"id"`
	BodyID    int64     `json:"body_id"`
	BodyName  string    `json:"body_name"` // the body's name on the day
	BodyKind  org.Kind  `json:"body_kind"`
	BodyLevel org.Level `json:"body_level"`
	TermID    int64     `json:"term_id"`
	TermRoman string    `json:"term_roman"`
	TermYears [2]int    `json:"term_years"`
	Ordinal   int       `json:"ordinal"`
	Kind      Kind      `json:"kind"`
	Expanded  bool      `json:"expanded"` // mở rộng
	Subject   string    `json:"subject,omitempty"`
	HeldOn    date.Date `json:"held_on"`
	Part      Part      `json:"part_of_day,omitempty"`
	Venue     string    `json:"venue,omitempty"`
	Online    bool      `json:"online"`
	Bridges   []Bridge  `json:"bridges,omitempty"`
	// Delegates is the sum of the delegates at the bridge points.
	Delegates   int            `json:"delegates,omitempty"`
	Chairs      []Person       `json:"chairs,omitempty"`
	Invitees    []Person       `json:"invitees,omitempty"`
	InvitedText string         `json:"invited_text,omitempty"`
	Status      Status         `json:"status"`
	Class       auth.Clearance `json:"class"`
	Grants      []access.Grant `json:"grants,omitempty"`
}

// Bridge is an online bridge point (điểm cầu).
type Bridge struct {
	Name      string `json:"name"`
	UnitID    int64  `json:"unit_id,omitempty"`
	Delegates int    `json:"delegates"`
}

// Person is someone named on a conference: a chair, an invitee, a presenter.
type Person struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// Input convenes a conference or corrects what was set when it was
// convened. The body is the term's.
type Input struct {
	TermID int64 `json:"term_id"`
	// Ordinal is the conference's number in the term; 0 takes the next one.
	Ordinal     int            `json:"ordinal,omitempty"`
	Kind        Kind           `json:"kind"`
	Expanded    bool           `json:"expanded,omitempty"`
	Subject     string         `json:"subject,omitempty"`
	HeldOn      date.Date      `json:"held_on"`
	Part        Part           `json:"part_of_day,omitempty"`
	Venue       string         `json:"venue,omitempty"`
	Online      bool           `json:"online,omitempty"`
	Bridges     []Bridge       `json:"bridges,omitempty"`
	ChairIDs    []int64        `json:"chair_ids,omitempty"`
	InviteeIDs  []int64        `json:"invitee_ids,omitempty"`
	InvitedText string         `json:"invited_text,omitempty"`
	Class       auth.Clearance `json:"class,omitempty"`
	// Grants name who needs to know a classified conference, besides the
	// user who classifies it. Left out of an update, they stay as they were.
	Grants []access.Grant `json:"grants,omitempty"`
}

func (in *Input) normalize() {
	in.Subject = vn.Clean(in.Subject)
	in.Venue = vn.Clean(in.Venue)
	in.InvitedText = vn.Clean(in.InvitedText)
	for i := range in.Bridges {
		in.Bridges[i].Name = vn.Clean(in.Bridges[i].Name)
	}
}

func (in *Input) validate() error {
	var v problem.Validation
	if in.TermID <= 0 {
		v.Add("term_id", "error.required")
	}
	v.Check(in.Ordinal >= 0 && in.Ordinal <= 10000, "ordinal", "conferences.error.ordinal")
	v.Check(in.Kind.Valid(), "kind", "error.invalid_choice")
	if in.HeldOn.IsZero() {
		v.Add("held_on", "error.required")
	}
	v.Check(in.Part.Valid(), "part_of_day", "error.invalid_choice")
	v.MaxLen("subject", in.Subject, maxSubject)
	v.MaxLen("venue", in.Venue, maxVenue)
	v.MaxLen("invited_text", in.InvitedText, maxNote)
	if v.Check(len(in.Bridges) <= maxBridges, "bridges", "conferences.error.too_many", maxBridges) {
		for i, b := range in.Bridges {
			f := fmt.Sprintf("bridges[%d].", i)
			if v.Required(f+"name", b.Name) {
				v.MaxLen(f+"name", b.Name, maxName)
			}
			v.Check(b.Delegates >= 0 && b.Delegates <= maxDelegates, f+"delegates", "conferences.error.delegates", maxDelegates)
			v.Check(b.UnitID >= 0, f+"unit_id", "org.error.unit_unknown")
		}
	}
	v.Check(len(in.Bridges) == 0 || in.Online, "online", "conferences.error.bridges_offline")
	checkIDs(&v, "chair_ids", in.ChairIDs)
	checkIDs(&v, "invitee_ids", in.InviteeIDs)
	for _, c := range in.ChairIDs {
		if slices.Contains(in.InviteeIDs, c) {
			v.Add("invitee_ids", "conferences.error.chair_invited")
			break
		}
	}
	return v.Err()
}

// checkIDs refuses lists of person ids that are too long, hold a
// non-positive id or name someone twice.
func checkIDs(v *problem.Validation, field string, ids []int64) {
	if !v.Check(len(ids) <= maxPeople, field, "conferences.error.too_many", maxPeople) {
		return
	}
	seen := map[int64]bool{}
	for _, id := range ids {
		if id <= 0 || seen[id] {
			v.Add(field, "conferences.error.person_list")
			return
		}
		seen[id] = true
	}
}

// conferenceSelect reads a conference with its body's name on the day and
// its term; it is joined as c, and classifiable queries add their Visible
// condition on c.
const conferenceSelect = `SELECT c.id, c.body_id, n.name, u.kind, u.level, c.term_id, t.numeral, t.year_from, t.year_to,
		c.ordinal, c.kind, c.expanded, c.subject, c.held_on, c.part_of_day, c.venue, c.online, c.invited_text, c.status, c.class
	FROM conferences c
	JOIN body_terms t ON t.id = c.term_id
	JOIN units u ON u.id = c.body_id
	JOIN unit_names n ON n.unit_id = c.body_id AND n.valid_from <= c.held_on AND (n.valid_to IS NULL OR n.valid_to > c.held_on)`

type scanner interface{ Scan(...any) error }

func scanConference(r scanner, extra ...any) (Conference, error) {
	var c Conference
	var numeral, part int
	dest := append([]any{&c.ID, &c.BodyID, &c.BodyName, &c.BodyKind, &c.BodyLevel, &c.TermID, &numeral, &c.TermYears[0], &c.TermYears[1],
		&c.Ordinal, &c.Kind, &c.Expanded, &c.Subject, &c.HeldOn, &part, &c.Venue, &c.Online, &c.InvitedText, &c.Status, &c.Class}, extra...)
	if err := r.Scan(dest...); err != nil {
		return c, err
	}
	c.TermRoman, _ = vn.FormatRoman(numeral)
	c.Part = PartOf(vn.PartOfDay(part))
	return c, nil
}

// conference reads a conference the viewer may see, without its lists; a
// NotFound problem for one that does not exist or that the viewer may not see.
func (s *Store) conference(ctx context.Context, v access.Viewer, id int64) (Conference, error) {
	c, err := scanConference(s.db.R(ctx).QueryRowContext(ctx, conferenceSelect+` WHERE c.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, notFound("id", "conferences.error.conference_unknown")
	}
	if err != nil {
		return c, fmt.Errorf("conferences: conference %d: %w", id, err)
	}
	if err := s.checkRead(ctx, v, entityConference, id, c.Class); problem.Is(err, problem.NotFound) {
		return c, notFound("id", "conferences.error.conference_unknown")
	} else if err != nil {
		return c, err
	}
	return c, nil
}

// Get returns a conference the viewer may see, with its bridges, chairs and
// invitees.
func (s *Store) Get(ctx context.Context, v access.Viewer, id int64) (Conference, error) {
	c, err := s.conference(ctx, v, id)
	if err != nil {
		return c, err
	}
	return c, s.fillLists(ctx, &c)
}

func (s *Store) fillLists(ctx context.Context, c *Conference) error {
	q := s.db.R(ctx)
	rows, err := q.QueryContext(ctx, `SELECT name, COALESCE(unit_id, 0), delegates FROM conference_bridges
		WHERE conference_id = $1 ORDER BY position`, c.ID)
	if err != nil {
		return fmt.Errorf("conferences: bridges of %d: %w", c.ID, err)
	}
	c.Bridges, c.Delegates = []Bridge{}, 0
	for rows.Next() {
		var b Bridge
		if err := rows.Scan(&b.Name, &b.UnitID, &b.Delegates); err != nil {
			rows.Close()
			return fmt.Errorf("conferences: bridges of %d: %w", c.ID, err)
		}
		c.Bridges = append(c.Bridges, b)
		c.Delegates += b.Delegates
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if c.Chairs, err = s.persons(ctx, `SELECT pe.id, pe.full_name FROM conference_chairs x JOIN persons pe ON pe.id = x.person_id
		WHERE x.conference_id = $1 ORDER BY x.position`, c.ID); err != nil {
		return err
	}
	if c.Invitees, err = s.persons(ctx, `SELECT pe.id, pe.full_name FROM conference_invitees x JOIN persons pe ON pe.id = x.person_id
		WHERE x.conference_id = $1 ORDER BY pe.sort_key, pe.id`, c.ID); err != nil {
		return err
	}
	if c.Class > 0 {
		if c.Grants, err = s.access.Grants(ctx, entityConference, c.ID); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) persons(ctx context.Context, q string, args ...any) ([]Person, error) {
	rows, err := s.db.R(ctx).QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("conferences: persons: %w", err)
	}
	defer rows.Close()
	out := []Person{}
	for rows.Next() {
		var p Person
		if err := rows.Scan(&p.ID, &p.Name); err != nil {
			return nil, fmt.Errorf("conferences: persons: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// check validates a conference against the database: its term, its date in
// the term, its body alive that day, the people and units it names, its
// class. It returns the term.
func (s *Store) check(ctx context.Context, v access.Viewer, in Input) (Term, error) {
	term, err := s.Term(ctx, in.TermID)
	if problem.Is(err, problem.NotFound) {
		return term, problem.InvalidField("term_id", "conferences.error.term_unknown")
	}
	if err != nil {
		return term, err
	}
	if !term.Contains(in.HeldOn) {
		to := "…"
		if !term.ValidTo.IsZero() {
			to = dmy(term.ValidTo.AddDays(-1))
		}
		return term, problem.InvalidField("held_on", "conferences.error.outside_term", term.Roman, dmy(term.ValidFrom), to)
	}
	body, err := s.units.Get(ctx, term.BodyID, in.HeldOn)
	if err != nil {
		return term, err
	}
	if !body.Alive {
		return term, problem.InvalidField("held_on", "conferences.error.body_not_alive")
	}
	if err := checkClass(v, in.Class, "class"); err != nil {
		return term, err
	}
	if in.Class == 0 && len(in.Grants) > 0 {
		return term, problem.InvalidField("grants", "conferences.error.grants_unclassified")
	}
	if err := s.checkPersons(ctx, "chair_ids", in.ChairIDs); err != nil {
		return term, err
	}
	if err := s.checkPersons(ctx, "invitee_ids", in.InviteeIDs); err != nil {
		return term, err
	}
	for i, b := range in.Bridges {
		if b.UnitID == 0 {
			continue
		}
		if _, err := s.units.Get(ctx, b.UnitID, in.HeldOn); problem.Is(err, problem.NotFound) {
			return term, problem.InvalidField(fmt.Sprintf("bridges[%d].unit_id", i), "org.error.unit_unknown")
		} else if err != nil {
			return term, err
		}
	}
	return term, nil
}

// checkPersons refuses ids that name nobody.
func (s *Store) checkPersons(ctx context.Context, field string, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	var args db.Args
	var n int
	if err := s.db.R(ctx).QueryRowContext(ctx, `SELECT count(*) FROM persons WHERE id IN `+db.In(&args, ids), args...).Scan(&n); err != nil {
		return fmt.Errorf("conferences: check persons: %w", err)
	}
	if n != len(ids) {
		return problem.InvalidField(field, "people.error.person_unknown")
	}
	return nil
}

// nextOrdinal is the number the next conference of a term takes.
func (s *Store) nextOrdinal(ctx context.Context, termID int64) (int, error) {
	var n int
	if err := s.db.R(ctx).QueryRowContext(ctx, `SELECT COALESCE(max(ordinal), 0) + 1 FROM conferences WHERE term_id = $1`, termID).Scan(&n); err != nil {
		return 0, fmt.Errorf("conferences: next ordinal of term %d: %w", termID, err)
	}
	return n, nil
}

// NextOrdinal is the number the next conference of a term would take.
func (s *Store) NextOrdinal(ctx context.Context, termID int64) (int, error) {
	return s.nextOrdinal(ctx, termID)
}

// lockTerm serialises numbering within a term on PostgreSQL (SQLite has a
// single writer), so that two conferences convened at once do not both
// take the next number.
func (s *Store) lockTerm(ctx context.Context, termID int64) error {
	if s.db.Dialect != db.Postgres {
		return nil
	}
	return s.exec(ctx, "lock term", `SELECT id FROM body_terms WHERE id = $1 FOR UPDATE`, termID)
}

// ordinalFree refuses a number another conference of the term has.
func (s *Store) ordinalFree(ctx context.Context, termID int64, ordinal int, self int64) error {
	var other int64
	err := s.db.R(ctx).QueryRowContext(ctx, `SELECT id FROM conferences WHERE term_id = $1 AND ordinal = $2 AND id <> $3`,
		termID, ordinal, self).Scan(&other)
	if err == nil {
		return problem.ConflictField("ordinal", "conferences.error.ordinal_taken", ordinal)
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("conferences: check ordinal: %w", err)
	}
	return nil
}

// Create convenes a conference. Its number is the next of the term unless
// in.Ordinal gives a free one; its status is planned.
func (s *Store) Create(ctx context.Context, v access.Viewer, in Input) (Conference, error) {
	in.normalize()
	if err := in.validate(); err != nil {
		return Conference{}, err
	}
	in.Grants = withActor(ctx, in.Class, in.Grants)
	var out Conference
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		term, err := s.check(ctx, v, in)
		if err != nil {
			return err
		}
		if err := s.lockTerm(ctx, term.ID); err != nil {
			return err
		}
		if in.Ordinal == 0 {
			if in.Ordinal, err = s.nextOrdinal(ctx, term.ID); err != nil {
				return err
			}
		} else if err := s.ordinalFree(ctx, term.ID, in.Ordinal, 0); err != nil {
			return err
		}
		now := s.clock.Now().UTC()
		var id int64
		if err := s.db.W(ctx).QueryRowContext(ctx, `INSERT INTO conferences
			(body_id, term_id, ordinal, kind, expanded, subject, held_on, part_of_day, venue, online, invited_text, status, class, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'planned', $12, $13, $13) RETURNING id`,
			term.BodyID, term.ID, in.Ordinal, string(in.Kind), in.Expanded, in.Subject, in.HeldOn, int(in.Part.PartOfDay()),
			in.Venue, in.Online, in.InvitedText, in.Class, now).Scan(&id); err != nil {
			if db.IsUniqueViolation(err) {
				return problem.ConflictField("ordinal", "conferences.error.ordinal_taken", in.Ordinal)
			}
			return fmt.Errorf("conferences: insert conference: %w", err)
		}
		if err := s.writeLists(ctx, id, in); err != nil {
			return err
		}
		if in.Class > 0 {
			if err := s.access.SetGrants(ctx, entityConference, id, int(in.Class), in.Grants); err != nil {
				return err
			}
		}
		if out, err = s.Get(ctx, access.System, id); err != nil {
			return err
		}
		if err := s.index(ctx, id); err != nil {
			return err
		}
		return s.log.Record(ctx, audit.Change{Action: "create", Entity: entityConference, EntityID: id, Class: int(out.Class), After: out})
	})
	if err != nil {
		return Conference{}, err
	}
	return out, nil
}

// writeLists replaces the bridges, chairs and invitees of a conference.
func (s *Store) writeLists(ctx context.Context, id int64, in Input) error {
	for _, t := range []string{"conference_bridges", "conference_chairs", "conference_invitees"} {
		if err := s.exec(ctx, "clear "+t, `DELETE FROM `+t+` WHERE conference_id = $1`, id); err != nil {
			return err
		}
	}
	for i, b := range in.Bridges {
		if err := s.exec(ctx, "insert bridge", `INSERT INTO conference_bridges (conference_id, position, name, unit_id, delegates)
			VALUES ($1, $2, $3, $4, $5)`, id, i+1, b.Name, db.Null(b.UnitID), b.Delegates); err != nil {
			return err
		}
	}
	for i, p := range in.ChairIDs {
		if err := s.exec(ctx, "insert chair", `INSERT INTO conference_chairs (conference_id, person_id, position) VALUES ($1, $2, $3)`,
			id, p, i+1); err != nil {
			return err
		}
	}
	for _, p := range in.InviteeIDs {
		if err := s.exec(ctx, "insert invitee", `INSERT INTO conference_invitees (conference_id, person_id) VALUES ($1, $2)`,
			id, p); err != nil {
			return err
		}
	}
	return nil
}

// Update corrects what was set when a conference was convened. A closed
// conference is locked; a conference with recorded attendance keeps its
// date (the membership, and so the quorum, depends on it).
func (s *Store) Update(ctx context.Context, v access.Viewer, id int64, in Input) (Conference, error) {
	in.normalize()
	if err := in.validate(); err != nil {
		return Conference{}, err
	}
	var out Conference
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		before, err := s.Get(ctx, v, id)
		if err != nil {
			return err
		}
		if before.Status == Closed {
			return problem.ConflictField("status", "conferences.error.closed")
		}
		if in.Grants == nil && in.Class > 0 {
			in.Grants = before.Grants
		}
		in.Grants = withActor(ctx, in.Class, in.Grants)
		if in.Ordinal == 0 && in.TermID == before.TermID {
			in.Ordinal = before.Ordinal
		}
		term, err := s.check(ctx, v, in)
		if err != nil {
			return err
		}
		if in.HeldOn != before.HeldOn || term.BodyID != before.BodyID {
			var n int
			if err := s.db.R(ctx).QueryRowContext(ctx, `SELECT count(*) FROM conference_attendance WHERE conference_id = $1`, id).Scan(&n); err != nil {
				return fmt.Errorf("conferences: attendance of %d: %w", id, err)
			}
			if n > 0 {
				return problem.ConflictField("held_on", "conferences.error.date_fixed_by_attendance")
			}
		}
		if err := s.lockTerm(ctx, term.ID); err != nil {
			return err
		}
		if in.Ordinal == 0 {
			if in.Ordinal, err = s.nextOrdinal(ctx, term.ID); err != nil {
				return err
			}
		} else if err := s.ordinalFree(ctx, term.ID, in.Ordinal, id); err != nil {
			return err
		}
		if err := s.exec(ctx, "update conference", `UPDATE conferences SET body_id = $1, term_id = $2, ordinal = $3, kind = $4,
			expanded = $5, subject = $6, held_on = $7, part_of_day = $8, venue = $9, online = $10, invited_text = $11, class = $12,
			updated_at = $13 WHERE id = $14`,
			term.BodyID, term.ID, in.Ordinal, string(in.Kind), in.Expanded, in.Subject, in.HeldOn, int(in.Part.PartOfDay()),
			in.Venue, in.Online, in.InvitedText, in.Class, s.clock.Now().UTC(), id); err != nil {
			if db.IsUniqueViolation(err) {
				return problem.ConflictField("ordinal", "conferences.error.ordinal_taken", in.Ordinal)
			}
			return err
		}
		if err := s.writeLists(ctx, id, in); err != nil {
			return err
		}
		if in.Class > 0 || before.Class > 0 {
			if err := s.access.SetGrants(ctx, entityConference, id, int(max(in.Class, before.Class)), in.Grants); err != nil {
				return err
			}
		}
		if err := s.propagate(ctx, id); err != nil {
			return err
		}
		if out, err = s.Get(ctx, access.System, id); err != nil {
			return err
		}
		if err := s.index(ctx, id); err != nil {
			return err
		}
		return s.log.Record(ctx, audit.Change{Action: "update", Entity: entityConference, EntityID: id,
			Class: int(max(before.Class, out.Class)), Before: before, After: out})
	})
	if err != nil {
		return Conference{}, err
	}
	return out, nil
}

// Delete removes a conference convened by mistake: only a planned one with
// nothing recorded against it (agenda, texts, articles). The audit log
// keeps what it was.
func (s *Store) Delete(ctx context.Context, v access.Viewer, id int64) error {
	return s.db.Tx(ctx, func(ctx context.Context) error {
		before, err := s.Get(ctx, v, id)
		if err != nil {
			return err
		}
		if before.Status != Planned {
			return problem.ConflictField("status", "conferences.error.delete_not_planned")
		}
		var n int
		if err := s.db.R(ctx).QueryRowContext(ctx, `SELECT (SELECT count(*) FROM agenda_items WHERE conference_id = $1)
			+ (SELECT count(*) FROM conference_texts WHERE conference_id = $1)
			+ (SELECT count(*) FROM news_articles WHERE conference_id = $1)`, id).Scan(&n); err != nil {
			return fmt.Errorf("conferences: records of %d: %w", id, err)
		}
		if n > 0 {
			return problem.ConflictField("id", "conferences.error.delete_has_records")
		}
		for _, t := range []string{"conference_bridges", "conference_chairs", "conference_invitees", "conference_attendance", "conference_documents"} {
			if err := s.exec(ctx, "clear "+t, `DELETE FROM `+t+` WHERE conference_id = $1`, id); err != nil {
				return err
			}
		}
		if err := s.exec(ctx, "delete conference", `DELETE FROM conferences WHERE id = $1`, id); err != nil {
			return err
		}
		if err := s.unindex(ctx, id); err != nil {
			return err
		}
		return s.log.Record(ctx, audit.Change{Action: "delete", Entity: entityConference, EntityID: id, Class: int(before.Class), Before: before})
	})
}
