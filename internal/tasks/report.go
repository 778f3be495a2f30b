package tasks

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/files"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// ReportInput is a progress report on one deadline of a task.
type ReportInput struct {
	// OccurrenceID is the deadline reported on; the first open one if 0.
	OccurrenceID int64     `json:"occurrence_id,omitempty"`
	Percent      int       `json:"percent"`
	Body         string    `json:"body,omitempty"`
	ReportedOn   date.Date `json:"reported_on"` // today unless given
	// Files are the evidence: PDF, office documents, images… checked by
	// content against their names.
	Files []Evidence `json:"-"`
}

// Evidence is an uploaded evidence file.
type Evidence struct {
	Name string
	Data []byte
}

// EvidenceEntity owns evidence files: one report each.
const EvidenceEntity = "task_report"

// CompleteInput marks a deadline done.
type CompleteInput struct {
	OccurrenceID int64     `json:"occurrence_id,omitempty"`
	DoneOn       date.Date `json:"done_on"` // today unless given
	Note         string    `json:"note,omitempty"`
}

// CancelInput cancels a task, or one deadline of a recurring task.
type CancelInput struct {
	// OccurrenceID cancels one deadline only; 0 cancels the whole task and
	// what was handed on from it.
	OccurrenceID int64     `json:"occurrence_id,omitempty"`
	Reason       string    `json:"reason"`
	On           date.Date `json:"on"` // today unless given
}

// writable loads a task for a change by p: it must be visible to p (else
// not found) and, unless p works in the office, p's unit must be the lead
// unit (or, when coordinators is set, a coordinating unit), directly or as
// a successor of it.
func (s *Store) writable(ctx context.Context, p auth.Principal, id int64, coordinators bool) (Task, error) {
	v, err := s.access.Viewer(ctx, p)
	if err != nil {
		return Task{}, err
	}
	if _, err := s.visible(ctx, v, id); err != nil {
		return Task{}, err
	}
	t, err := s.load(ctx, id, s.Today())
	if err != nil {
		return Task{}, err
	}
	if p.User.Role == auth.RoleOffice || p.User.Role == auth.RoleAdmin {
		return t, nil
	}
	units := []int64{t.LeadUnit.ID}
	if coordinators {
		for _, c := range t.Coordinators {
			units = append(units, c.ID)
		}
	}
	if p.User.UnitID != 0 {
		mine, err := s.org.Lineage(ctx, p.User.UnitID)
		if err != nil {
			return Task{}, err
		}
		for _, u := range mine {
			if slices.Contains(units, u) {
				return t, nil
			}
		}
	}
	return Task{}, problem.New(problem.Forbidden, "tasks.not_your_unit")
}

// occurrence picks the deadline a change is about: the one named, or the
// first open one.
func (t Task) occurrence(id int64) (Occurrence, error) {
	for _, o := range t.Occurrences {
		if (id == 0 && o.Status.Open()) || (id != 0 && o.ID == id) {
			return o, nil
		}
	}
	if id == 0 {
		return Occurrence{}, problem.ConflictField("occurrence_id", "tasks.nothing_open")
	}
	return Occurrence{}, problem.InvalidField("occurrence_id", "tasks.no_such_deadline")
}

// openDeadline loads a task for a change by p (see writable) and the open
// deadline the change is about (see occurrence), refusing a cancelled or
// finished one.
func (s *Store) openDeadline(ctx context.Context, p auth.Principal, taskID, occID int64, coordinators bool) (Task, Occurrence, error) {
	t, err := s.writable(ctx, p, taskID, coordinators)
	if err != nil {
		return Task{}, Occurrence{}, err
	}
	o, err := t.occurrence(occID)
	if err != nil {
		return Task{}, Occurrence{}, err
	}
	return t, o, checkOpen(t, o)
}

// checkOpen refuses a change to a cancelled or finished deadline.
func checkOpen(t Task, o Occurrence) error {
	switch {
	case !t.CancelledOn.IsZero() || !o.CancelledOn.IsZero():
		return problem.ConflictField("occurrence_id", "tasks.is_cancelled")
	case !o.DoneOn.IsZero():
		return problem.ConflictField("occurrence_id", "tasks.is_done")
	}
	return nil
}

// checkDay refuses a day in the future or before the deadline's start.
func (s *Store) checkDay(field string, d date.Date, o Occurrence) error {
	if d.After(s.Today()) {
		return problem.InvalidField(field, "tasks.in_future")
	}
	if d.Before(o.StartOn) {
		return problem.InvalidField(field, "tasks.before_start", o.StartOn.String())
	}
	return nil
}

// Report records a progress report by a member of the lead unit, a
// coordinating unit or the office.
func (s *Store) Report(ctx context.Context, p auth.Principal, taskID int64, in ReportInput) (Report, error) {
	in.Body = vn.CleanText(in.Body)
	var out Report
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		t, o, err := s.openDeadline(ctx, p, taskID, in.OccurrenceID, true)
		if err != nil {
			return err
		}
		var v problem.Validation
		v.Check(in.Percent >= 0 && in.Percent <= 100, "percent", "tasks.percent_range")
		v.MaxLen("body", in.Body, maxReport)
		if err := v.Err(); err != nil {
			return err
		}
		if in.ReportedOn.IsZero() {
			in.ReportedOn = s.Today()
		}
		if err := s.checkDay("reported_on", in.ReportedOn, o); err != nil {
			return err
		}
		a := audit.ActorFrom(ctx)
		out = Report{TaskID: t.ID, OccurrenceID: o.ID, UnitID: p.User.UnitID, Author: p.User.DisplayName,
			ReportedOn: in.ReportedOn, Percent: in.Percent, Body: in.Body, CreatedAt: s.clock.Now().UTC(), Files: []File{}}
		if out.Author == "" {
			out.Author = a.Name
		}
		if err := s.db.W(ctx).QueryRowContext(ctx, `INSERT INTO task_reports (task_id, occurrence_id, unit_id, user_id, author,
			reported_on, percent, body, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
			t.ID, o.ID, db.Null(out.UnitID), db.Null(p.User.ID), out.Author, out.ReportedOn, out.Percent, out.Body,
			out.CreatedAt).Scan(&out.ID); err != nil {
			return fmt.Errorf("tasks: report on %d: %w", t.ID, err)
		}
		for i, f := range in.Files {
			if s.files == nil {
				return problem.InvalidField("files", "tasks.no_files")
			}
			stored, err := s.files.Put(ctx, files.Upload{OwnerEntity: EvidenceEntity, OwnerID: out.ID, Class: auth.Clearance(t.Class),
				Name: f.Name, Data: f.Data, Field: "files[" + strconv.Itoa(i) + "]"})
			if err != nil {
				return err
			}
			out.Files = append(out.Files, File{ID: stored.ID, Name: stored.Name, Size: stored.Size})
		}
		before := o
		o.Percent = in.Percent
		if o.FirstReportOn.IsZero() || in.ReportedOn.Before(o.FirstReportOn) {
			o.FirstReportOn = in.ReportedOn
		}
		if in.ReportedOn.After(o.LastReportOn) {
			o.LastReportOn = in.ReportedOn
		}
		if err := s.saveOcc(ctx, t, o); err != nil {
			return err
		}
		if err := s.record(ctx, "report", t.ID, o.ID, t.Class, strconv.Itoa(in.Percent)+"%", before, out); err != nil {
			return err
		}
		return s.rollUp(ctx, t)
	})
	return out, err
}

// Complete marks a deadline done, on time or late by its date, by a member
// of the lead unit or the office.
func (s *Store) Complete(ctx context.Context, p auth.Principal, taskID int64, in CompleteInput) (Task, error) {
	in.Note = vn.CleanText(in.Note)
	var out Task
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		t, o, err := s.openDeadline(ctx, p, taskID, in.OccurrenceID, false)
		if err != nil {
			return err
		}
		if in.DoneOn.IsZero() {
			in.DoneOn = s.Today()
		}
		if err := s.checkDay("done_on", in.DoneOn, o); err != nil {
			return err
		}
		if err := problemIf(len([]rune(in.Note)) > maxReason, "note", "error.too_long", maxReason); err != nil {
			return err
		}
		before := o
		o.DoneOn, o.Percent = in.DoneOn, 100
		if o.FirstReportOn.IsZero() {
			o.FirstReportOn, o.LastReportOn = in.DoneOn, in.DoneOn
		}
		if err := s.saveOcc(ctx, t, o); err != nil {
			return err
		}
		status := StatusOn(o.Milestones(), in.DoneOn)
		if err := s.record(ctx, "complete", t.ID, o.ID, t.Class, string(status)+" "+in.DoneOn.String()+" "+in.Note, before, o); err != nil {
			return err
		}
		if err := s.rollUp(ctx, t); err != nil {
			return err
		}
		return s.refresh(ctx, t.ID, &out)
	})
	return out, err
}

func problemIf(bad bool, field, key string, args ...any) error {
	if bad {
		return problem.InvalidField(field, key, args...)
	}
	return nil
}

// Cancel cancels a task with what was handed on from it, or one deadline
// of a recurring task, with a reason. Finished deadlines stay finished.
func (s *Store) Cancel(ctx context.Context, p auth.Principal, taskID int64, in CancelInput) (Task, error) {
	in.Reason = vn.CleanText(in.Reason)
	var out Task
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		t, err := s.writable(ctx, p, taskID, false)
		if err != nil {
			return err
		}
		if !t.CancelledOn.IsZero() {
			return problem.ConflictField("occurrence_id", "tasks.is_cancelled")
		}
		var v problem.Validation
		if v.Required("reason", in.Reason) {
			v.MaxLen("reason", in.Reason, maxReason)
		}
		if err := v.Err(); err != nil {
			return err
		}
		if in.On.IsZero() {
			in.On = s.Today()
		}
		if in.On.After(s.Today()) {
			return problem.InvalidField("on", "tasks.in_future")
		}
		if in.OccurrenceID != 0 {
			o, err := t.occurrence(in.OccurrenceID)
			if err != nil {
				return err
			}
			if err := checkOpen(t, o); err != nil {
				return err
			}
			before := o
			o.CancelledOn = in.On
			if err := s.saveOcc(ctx, t, o); err != nil {
				return err
			}
			if err := s.record(ctx, "cancel", t.ID, o.ID, t.Class, in.Reason, before, o); err != nil {
				return err
			}
		} else if err := s.cancelTree(ctx, t, in); err != nil {
			return err
		}
		if err := s.rollUp(ctx, t); err != nil {
			return err
		}
		return s.refresh(ctx, t.ID, &out)
	})
	return out, err
}

// cancelTree cancels a task's open deadlines, the task, and its children's.
func (s *Store) cancelTree(ctx context.Context, t Task, in CancelInput) error {
	for _, o := range t.Occurrences {
		if !o.DoneOn.IsZero() || !o.CancelledOn.IsZero() {
			continue
		}
		on := in.On
		if on.Before(o.StartOn) {
			on = o.StartOn
		}
		o.CancelledOn = on
		if err := s.saveOcc(ctx, t, o); err != nil {
			return err
		}
	}
	if _, err := s.db.W(ctx).ExecContext(ctx, `UPDATE tasks SET cancelled_on = $1, cancel_reason = $2, updated_at = $3 WHERE id = $4`,
		in.On, in.Reason, s.clock.Now().UTC(), t.ID); err != nil {
		return fmt.Errorf("tasks: cancel %d: %w", t.ID, err)
	}
	if err := s.record(ctx, "cancel", t.ID, 0, t.Class, in.Reason, t, in); err != nil {
		return err
	}
	kids, err := s.ids(ctx, `SELECT id FROM tasks WHERE parent_id = $1 AND cancelled_on IS NULL`, t.ID)
	if err != nil {
		return err
	}
	for _, id := range kids {
		c, err := s.load(ctx, id, s.Today())
		if err != nil {
			return err
		}
		if err := s.cancelTree(ctx, c, in); err != nil {
			return err
		}
	}
	return nil
}

// saveOcc writes an occurrence's progress and milestones with its status
// as of today, and refreshes the task's search entry.
func (s *Store) saveOcc(ctx context.Context, t Task, o Occurrence) error {
	_, err := s.db.W(ctx).ExecContext(ctx, `UPDATE task_occurrences SET percent = $1, first_report_on = $2, last_report_on = $3,
		done_on = $4, cancelled_on = $5, status = $6 WHERE id = $7`,
		o.Percent, db.Null(o.FirstReportOn), db.Null(o.LastReportOn), db.Null(o.DoneOn), db.Null(o.CancelledOn),
		StatusOn(o.Milestones(), s.Today()), o.ID)
	if err != nil {
		return fmt.Errorf("tasks: save deadline %d: %w", o.ID, err)
	}
	if _, err := s.db.W(ctx).ExecContext(ctx, `UPDATE tasks SET updated_at = $1 WHERE id = $2`, s.clock.Now().UTC(), t.ID); err != nil {
		return fmt.Errorf("tasks: touch %d: %w", t.ID, err)
	}
	var fresh Task
	if err := s.refresh(ctx, t.ID, &fresh); err != nil {
		return err
	}
	return s.reindex(ctx, fresh)
}

// refresh reloads task id into *t.
func (s *Store) refresh(ctx context.Context, id int64, t *Task) error {
	x, err := s.load(ctx, id, s.Today())
	*t = x
	return err
}

// rollUp carries children's progress to the parent of t: the parent's
// percent is the mean of its children's, and its first report is no later
// than theirs. Only single-deadline tasks have children.
func (s *Store) rollUp(ctx context.Context, t Task) error {
	if t.ParentID == 0 {
		return nil
	}
	parent, err := s.load(ctx, t.ParentID, s.Today())
	if err != nil {
		return err
	}
	if len(parent.Occurrences) != 1 {
		return nil
	}
	var mean float64
	var first date.Date
	if err := s.db.W(ctx).QueryRowContext(ctx, `SELECT CAST(COALESCE(avg(o.percent), 0) AS DOUBLE PRECISION), min(o.first_report_on)
		FROM task_occurrences o JOIN tasks c ON c.id = o.task_id
		WHERE c.parent_id = $1 AND o.cancelled_on IS NULL`, parent.ID).Scan(&mean, &first); err != nil {
		return fmt.Errorf("tasks: progress of children of %d: %w", parent.ID, err)
	}
	o := parent.Occurrences[0]
	if !o.DoneOn.IsZero() || !o.CancelledOn.IsZero() {
		return nil
	}
	o.Percent = int(mean + 0.5)
	if !first.IsZero() && (o.FirstReportOn.IsZero() || first.Before(o.FirstReportOn)) {
		o.FirstReportOn = first
	}
	if err := s.saveOcc(ctx, parent, o); err != nil {
		return err
	}
	return s.rollUp(ctx, parent)
}
