package tasks

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// Input describes a task to create. Fields named in problems are the JSON
// and form names.
type Input struct {
	Kind       Kind       `json:"kind,omitempty"` // task unless given
	SourceKind SourceKind `json:"source_kind,omitempty"`
	SourceID   int64      `json:"source_id,omitempty"`
	Title      string     `json:"title"`
	Content    string     `json:"content,omitempty"`
	Product    string     `json:"product,omitempty"`
	Priority   Priority   `json:"priority,omitempty"` // normal unless given

	LeadUnitID          int64   `json:"lead_unit_id"`
	CoordinatorIDs      []int64 `json:"coordinating_unit_ids,omitempty"`
	ResponsiblePersonID int64   `json:"responsible_person_id,omitempty"`

	// StartOn is the day the task is given; today unless set. The units
	// must exist on that day.
	StartOn date.Date `json:"start_on"`
	// DueOn is the deadline of a single-deadline task.
	DueOn date.Date `json:"due_on"`
	// Recurrence, RecurUntil and DueDay make a recurring task instead: due
	// on DueDay (0: the last day) of the last month of every period from
	// StartOn to RecurUntil.
	Recurrence Recurrence `json:"recurrence,omitempty"`
	RecurUntil date.Date  `json:"recur_until"`
	DueDay     int        `json:"due_day,omitempty"`
	// Class is the task's own class; the task takes its source's if higher.
	Class int `json:"class"`

	parentID int64
	importID int64
}

func (in *Input) normalize(today date.Date) {
	in.Title = vn.Clean(in.Title)
	in.Content = vn.CleanText(in.Content)
	in.Product = vn.Clean(in.Product)
	if in.Kind == "" {
		in.Kind = KindTask
	}
	if in.Priority == "" {
		in.Priority = Normal
	}
	if in.StartOn.IsZero() {
		in.StartOn = today
	}
	if in.SourceKind == NoSource {
		in.SourceID = 0
	}
}

// validate checks what needs no database and returns the task's deadlines.
func (in *Input) validate(v *problem.Validation, p auth.Principal) []Period {
	if v.Required("title", in.Title) {
		v.MaxLen("title", in.Title, maxTitle)
	}
	v.MaxLen("content", in.Content, maxContent)
	v.MaxLen("product", in.Product, maxProduct)
	v.Check(in.Kind.Valid(), "kind", "error.invalid_choice")
	v.Check(in.Priority.Valid(), "priority", "error.invalid_choice")
	if in.SourceKind != NoSource {
		if v.Check(SourceKind(in.SourceKind).validKind(), "source_kind", "error.invalid_choice") {
			v.Check(in.SourceID > 0, "source_id", "error.required")
		}
	}
	v.Check(in.LeadUnitID > 0, "lead_unit_id", "error.required")
	seen := map[int64]bool{in.LeadUnitID: true}
	for i, id := range in.CoordinatorIDs {
		v.Check(!seen[id], fmt.Sprintf("coordinating_unit_ids[%d]", i), "tasks.coordinator_twice")
		seen[id] = true
	}
	if err := access.CheckClassify(p, in.Class, "class"); err != nil {
		pe, _ := problem.As(err)
		v.Add("class", pe.Fields[0].Key)
	}
	if !in.Recurrence.Valid() {
		v.Add("recurrence", "error.invalid_choice")
		return nil
	}
	if in.Recurrence == Once {
		if !v.Check(!in.DueOn.IsZero(), "due_on", "error.required") {
			return nil
		}
		if !v.Check(!in.DueOn.Before(in.StartOn), "due_on", "tasks.due_before_start", in.StartOn.String()) {
			return nil
		}
		in.RecurUntil, in.DueDay = date.Date{}, 0
		return []Period{{Start: in.StartOn, Due: in.DueOn}}
	}
	in.DueOn = date.Date{}
	if !v.Check(!in.RecurUntil.IsZero(), "recur_until", "error.required") ||
		!v.Check(!in.RecurUntil.Before(in.StartOn), "recur_until", "tasks.due_before_start", in.StartOn.String()) ||
		!v.Check(in.DueDay >= 0 && in.DueDay <= 31, "due_day", "tasks.due_day_range") {
		return nil
	}
	ps, err := Periods(in.Recurrence, in.StartOn, in.RecurUntil, in.DueDay)
	switch {
	case errors.Is(err, errTooManyPeriods):
		v.Add("recur_until", "tasks.too_many_periods", maxOccurrences)
	case err != nil || len(ps) == 0:
		v.Add("recur_until", "tasks.no_periods")
	}
	return ps
}

func (k SourceKind) validKind() bool {
	for _, x := range SourceKinds {
		if k == x {
			return true
		}
	}
	return false
}

// Create assigns one task. Nothing is written unless everything is valid.
func (s *Store) Create(ctx context.Context, p auth.Principal, in Input) (Task, error) {
	var t Task
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		id, err := s.create(ctx, p, in, "")
		if err != nil {
			return err
		}
		t, err = s.load(ctx, id, s.Today())
		return err
	})
	return t, err
}

// listItem strips the numbering a pasted list carries: "1.", "2)", "a)",
// "-", "•", "+".
var listItem = regexp.MustCompile(`^\s*(?:\d{1,3}[.)]|[a-zđ][.)]|[-•+*–])\s*`)

// Lines splits a pasted list into task titles: one a line, numbering and
// bullets removed, blank lines skipped.
func Lines(text string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(listItem.ReplaceAllString(l, "")); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// CreateMany assigns one task per title, all alike but for the title (the
// tasks a conclusion lists, pasted one a line), in one transaction: all or
// none. A problem with a title names the field "titles[i]" (from 0).
func (s *Store) CreateMany(ctx context.Context, p auth.Principal, in Input, titles []string) ([]Task, error) {
	if len(titles) == 0 {
		return nil, problem.InvalidField("titles", "error.required")
	}
	if len(titles) > MaxBatch {
		return nil, problem.InvalidField("titles", "tasks.too_many", MaxBatch)
	}
	var out []Task
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		today := s.Today()
		for i, title := range titles {
			x := in
			x.Title = title
			id, err := s.create(ctx, p, x, "titles["+strconv.Itoa(i)+"]")
			if err != nil {
				return err
			}
			t, err := s.load(ctx, id, today)
			if err != nil {
				return err
			}
			out = append(out, t)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// create validates and writes a task in the caller's transaction. titleField
// renames the "title" field in problems (for CreateMany).
func (s *Store) create(ctx context.Context, p auth.Principal, in Input, titleField string) (int64, error) {
	today := s.Today()
	in.normalize(today)
	var v problem.Validation
	periods := in.validate(&v, p)
	if err := v.Err(); err != nil {
		return 0, renameField(err, "title", titleField)
	}
	viewer, err := s.access.Viewer(ctx, p)
	if err != nil {
		return 0, err
	}
	class := in.Class
	var src Source
	if in.SourceKind != NoSource {
		fn := s.sources[in.SourceKind]
		if fn == nil {
			return 0, problem.InvalidField("source_kind", "tasks.source_unavailable")
		}
		if src, err = fn(ctx, viewer, in.SourceID); err != nil {
			if problem.Is(err, problem.NotFound) {
				return 0, problem.InvalidField("source_id", "tasks.source_not_found")
			}
			return 0, err
		}
		class = max(class, src.Class)
	}
	if err := s.checkUnits(ctx, in.StartOn, in.LeadUnitID, in.CoordinatorIDs); err != nil {
		return 0, err
	}
	if in.ResponsiblePersonID != 0 {
		if err := s.checkPerson(ctx, in.ResponsiblePersonID); err != nil {
			return 0, err
		}
	}
	if in.parentID != 0 {
		var pc int
		if err := s.db.W(ctx).QueryRowContext(ctx, `SELECT class FROM tasks WHERE id = $1`, in.parentID).Scan(&pc); err != nil {
			return 0, fmt.Errorf("tasks: parent %d: %w", in.parentID, err)
		}
		class = max(class, pc)
	}
	now := s.clock.Now().UTC()
	var id int64
	err = s.db.W(ctx).QueryRowContext(ctx, `INSERT INTO tasks (parent_id, kind, source_kind, source_id, source_label, document_id,
		title, content, product, priority, lead_unit_id, responsible_person_id, start_on, due_on, recurrence, recur_until,
		due_day, own_class, class, import_id, search_key, created_by, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $23)
		RETURNING id`,
		db.Null(in.parentID), in.Kind, in.SourceKind, db.Null(in.SourceID), src.Label, db.Null(src.DocumentID),
		in.Title, in.Content, in.Product, in.Priority, in.LeadUnitID, db.Null(in.ResponsiblePersonID), in.StartOn,
		db.Null(in.DueOn), in.Recurrence, db.Null(in.RecurUntil), in.DueDay, in.Class, class, db.Null(in.importID),
		searchKey(in.Title, in.Content), db.Null(p.User.ID), now).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("tasks: insert: %w", err)
	}
	for _, u := range in.CoordinatorIDs {
		if _, err := s.db.W(ctx).ExecContext(ctx, `INSERT INTO task_coordinators (task_id, unit_id) VALUES ($1, $2)`, id, u); err != nil {
			return 0, fmt.Errorf("tasks: coordinator of %d: %w", id, err)
		}
	}
	for i, per := range periods {
		m := Milestones{Start: per.Start, Due: per.Due}
		if _, err := s.db.W(ctx).ExecContext(ctx, `INSERT INTO task_occurrences (task_id, seq, period, start_on, due_on,
			lead_unit_id, responsible_person_id, document_id, kind, class, status)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			id, i+1, per.Label, per.Start, per.Due, in.LeadUnitID, db.Null(in.ResponsiblePersonID), db.Null(src.DocumentID),
			in.Kind, class, StatusOn(m, today)); err != nil {
			return 0, fmt.Errorf("tasks: deadline %d of %d: %w", i+1, id, err)
		}
	}
	if err := s.setGrants(ctx, id, class); err != nil {
		return 0, err
	}
	t, err := s.load(ctx, id, today)
	if err != nil {
		return 0, err
	}
	action := "create"
	if in.parentID != 0 {
		action = "hand_on"
	}
	if err := s.record(ctx, action, id, 0, class, "", nil, t); err != nil {
		return 0, err
	}
	return id, s.reindex(ctx, t)
}

// renameField gives the field "from" of a validation problem another name.
func renameField(err error, from, to string) error {
	pe, ok := problem.As(err)
	if !ok || to == "" {
		return err
	}
	for i := range pe.Fields {
		if pe.Fields[i].Name == from {
			pe.Fields[i].Name = to
		}
	}
	return pe
}

// checkUnits refuses units that did not exist on day (no lead: the
// coordinators only).
func (s *Store) checkUnits(ctx context.Context, day date.Date, lead int64, coordinators []int64) error {
	check := func(field string, id int64) error {
		u, err := s.org.Get(ctx, id, day)
		if problem.Is(err, problem.NotFound) || errors.Is(err, sql.ErrNoRows) || (err == nil && !u.Alive) {
			return problem.InvalidField(field, "tasks.unit_not_alive", day.String())
		}
		return err
	}
	if lead != 0 {
		if err := check("lead_unit_id", lead); err != nil {
			return err
		}
	}
	for i, id := range coordinators {
		if err := check(fmt.Sprintf("coordinating_unit_ids[%d]", i), id); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) checkPerson(ctx context.Context, id int64) error {
	var n int
	if err := s.db.W(ctx).QueryRowContext(ctx, `SELECT count(*) FROM persons WHERE id = $1`, id).Scan(&n); err != nil {
		return fmt.Errorf("tasks: person %d: %w", id, err)
	}
	if n == 0 {
		return problem.InvalidField("responsible_person_id", "tasks.person_not_found")
	}
	return nil
}

// setGrants gives need to know of a classified task to its lead and
// coordinating units, its responsible person's accounts, its creator, the
// lead unit of the task it was handed on from, and the committee office
// (which assigns and follows all tasks).
func (s *Store) setGrants(ctx context.Context, id int64, class int) error {
	if class == 0 {
		return nil
	}
	grants := []access.Grant{{Role: auth.RoleOffice}}
	rows, err := s.db.W(ctx).QueryContext(ctx, `SELECT lead_unit_id, 0 FROM tasks WHERE id = $1
		UNION SELECT unit_id, 0 FROM task_coordinators WHERE task_id = $1
		UNION SELECT p.lead_unit_id, 0 FROM tasks t JOIN tasks p ON p.id = t.parent_id WHERE t.id = $1
		UNION SELECT 0, u.id FROM tasks t JOIN users u ON u.person_id = t.responsible_person_id WHERE t.id = $1
		UNION SELECT 0, created_by FROM tasks WHERE id = $1 AND created_by IS NOT NULL`, id)
	if err != nil {
		return fmt.Errorf("tasks: grants of %d: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var g access.Grant
		if err := rows.Scan(&g.UnitID, &g.UserID); err != nil {
			return err
		}
		grants = append(grants, g)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	return s.access.SetGrants(ctx, Entity, id, class, grants)
}
