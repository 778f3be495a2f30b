package tasks

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"plenum/internal/access"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/files"
	"plenum/internal/problem"
)

// unitName is the name of the unit in column col as it was on the date in
// column on: every record keeps its units as they were.
func unitName(col, on string) string {
	return `(SELECT n.name FROM unit_names n WHERE n.unit_id = ` + col + ` AND n.valid_from <= ` + on + `
		ORDER BY n.valid_from DESC LIMIT 1)`
}

const taskColumns = `t.id, COALESCE(t.parent_id, 0), t.kind, t.source_kind, COALESCE(t.source_id, 0), t.source_label,
	COALESCE(t.document_id, 0), t.title, t.content, t.product, t.priority, t.lead_unit_id, COALESCE(t.responsible_person_id, 0),
	COALESCE((SELECT p.full_name FROM persons p WHERE p.id = t.responsible_person_id), ''),
	t.start_on, t.due_on, t.recurrence, t.recur_until, t.due_day, t.own_class, t.class, t.cancelled_on, t.cancel_reason,
	COALESCE(t.created_by, 0), t.created_at, t.updated_at`

type scanner interface{ Scan(dest ...any) error }

func scanTask(r scanner) (Task, error) {
	var t Task
	err := r.Scan(&t.ID, &t.ParentID, &t.Kind, &t.SourceKind, &t.SourceID, &t.SourceLabel, &t.DocumentID, &t.Title,
		&t.Content, &t.Product, &t.Priority, &t.LeadUnit.ID, &t.ResponsiblePersonID, &t.Responsible, &t.StartOn, &t.DueOn,
		&t.Recurrence, &t.RecurUntil, &t.DueDay, &t.OwnClass, &t.Class, &t.CancelledOn, &t.CancelReason, &t.CreatedBy,
		&t.CreatedAt, &t.UpdatedAt)
	t.CreatedAt, t.UpdatedAt = t.CreatedAt.UTC(), t.UpdatedAt.UTC()
	return t, err
}

// load reads a task whatever the reader, with its statuses as of day.
func (s *Store) load(ctx context.Context, id int64, day date.Date) (Task, error) {
	q := s.db.R(ctx)
	t, err := scanTask(q.QueryRowContext(ctx, `SELECT `+taskColumns+` FROM tasks t WHERE t.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Task{}, problem.ErrNotFound
	}
	if err != nil {
		return Task{}, fmt.Errorf("tasks: load %d: %w", id, err)
	}
	if err := q.QueryRowContext(ctx, `SELECT COALESCE(`+unitName("$1", "$2")+`, '')`, t.LeadUnit.ID, t.StartOn).Scan(&t.LeadUnit.Name); err != nil {
		return Task{}, fmt.Errorf("tasks: lead unit of %d: %w", id, err)
	}
	rows, err := q.QueryContext(ctx, `SELECT c.unit_id, COALESCE(`+unitName("c.unit_id", "$2")+`, '')
		FROM task_coordinators c WHERE c.task_id = $1 ORDER BY c.unit_id`, id, t.StartOn)
	if err != nil {
		return Task{}, fmt.Errorf("tasks: coordinators of %d: %w", id, err)
	}
	defer rows.Close()
	t.Coordinators = []UnitRef{}
	for rows.Next() {
		var u UnitRef
		if err := rows.Scan(&u.ID, &u.Name); err != nil {
			return Task{}, err
		}
		t.Coordinators = append(t.Coordinators, u)
	}
	if err := rows.Err(); err != nil {
		return Task{}, err
	}
	rows.Close()
	t.Occurrences, err = s.occurrences(ctx, `o.task_id = $1`, day, id)
	return t, err
}

const occColumns = `o.id, o.task_id, o.seq, o.period, o.start_on, o.due_on, o.percent, o.first_report_on, o.last_report_on,
	o.done_on, o.cancelled_on`

func scanOcc(r scanner, day date.Date) (Occurrence, error) {
	var o Occurrence
	err := r.Scan(&o.ID, &o.TaskID, &o.Seq, &o.Period, &o.StartOn, &o.DueOn, &o.Percent, &o.FirstReportOn,
		&o.LastReportOn, &o.DoneOn, &o.CancelledOn)
	o.Status = StatusOn(o.Milestones(), day)
	return o, err
}

func (s *Store) occurrences(ctx context.Context, where string, day date.Date, args ...any) ([]Occurrence, error) {
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT `+occColumns+` FROM task_occurrences o WHERE `+where+` ORDER BY o.due_on, o.seq`, args...)
	if err != nil {
		return nil, fmt.Errorf("tasks: deadlines: %w", err)
	}
	defer rows.Close()
	out := []Occurrence{}
	for rows.Next() {
		o, err := scanOcc(rows, day)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// Get returns a task the viewer may see, with its statuses as of today. A
// task that does not exist and one the viewer may not see give the same
// problem.ErrNotFound; reading a classified one is audited.
func (s *Store) Get(ctx context.Context, v access.Viewer, id int64) (Task, error) {
	t, err := s.load(ctx, id, s.Today())
	if err != nil {
		return Task{}, err
	}
	if err := s.access.Check(ctx, v, Entity, id, t.Class); err != nil {
		return Task{}, err
	}
	return t, nil
}

// Reports returns the progress reports of a task the viewer may see, newest first.
func (s *Store) Reports(ctx context.Context, v access.Viewer, id int64) ([]Report, error) {
	if _, err := s.visible(ctx, v, id); err != nil {
		return nil, err
	}
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT r.id, r.task_id, r.occurrence_id, COALESCE(r.unit_id, 0),
		COALESCE(`+unitName("r.unit_id", "r.reported_on")+`, ''), r.author, r.reported_on, r.percent, r.body, r.created_at
		FROM task_reports r WHERE r.task_id = $1 ORDER BY r.id DESC`, id)
	if err != nil {
		return nil, fmt.Errorf("tasks: reports of %d: %w", id, err)
	}
	defer rows.Close()
	out := []Report{}
	for rows.Next() {
		var r Report
		if err := rows.Scan(&r.ID, &r.TaskID, &r.OccurrenceID, &r.UnitID, &r.Unit, &r.Author, &r.ReportedOn, &r.Percent,
			&r.Body, &r.CreatedAt); err != nil {
			return nil, err
		}
		r.CreatedAt = r.CreatedAt.UTC()
		r.Files = []File{}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	for i := range out {
		if s.files == nil {
			break
		}
		fs, err := s.files.List(ctx, EvidenceEntity, out[i].ID)
		if err != nil {
			return nil, err
		}
		for _, f := range fs {
			out[i].Files = append(out[i].Files, File{ID: f.ID, Name: f.Name, Size: f.Size})
		}
	}
	return out, nil
}

// EvidenceFile returns an evidence file of a task the viewer may see, and
// its content.
func (s *Store) EvidenceFile(ctx context.Context, v access.Viewer, taskID, fileID int64) (files.File, []byte, error) {
	class, err := s.visible(ctx, v, taskID)
	if err != nil {
		return files.File{}, nil, err
	}
	var reportID int64
	err = s.db.R(ctx).QueryRowContext(ctx, `SELECT r.id FROM files f JOIN task_reports r ON r.id = f.owner_id
		WHERE f.id = $1 AND f.owner_entity = $2 AND r.task_id = $3`, fileID, EvidenceEntity, taskID).Scan(&reportID)
	if errors.Is(err, sql.ErrNoRows) {
		return files.File{}, nil, problem.ErrNotFound
	}
	if err != nil {
		return files.File{}, nil, fmt.Errorf("tasks: evidence %d: %w", fileID, err)
	}
	f, err := s.files.Get(ctx, EvidenceEntity, reportID, fileID)
	if err != nil {
		return files.File{}, nil, err
	}
	data, err := s.files.Read(ctx, f)
	if err != nil {
		return files.File{}, nil, err
	}
	// Who read which classified evidence is kept, like reads of the task.
	return f, data, s.access.LogRead(ctx, Entity, taskID, class, map[string]any{"file_id": f.ID, "name": f.Name})
}

// History returns the history of a task the viewer may see, oldest first.
func (s *Store) History(ctx context.Context, v access.Viewer, id int64) ([]Event, error) {
	if _, err := s.visible(ctx, v, id); err != nil {
		return nil, err
	}
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT id, COALESCE(occurrence_id, 0), at, actor, action, detail
		FROM task_events WHERE task_id = $1 ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("tasks: history of %d: %w", id, err)
	}
	defer rows.Close()
	out := []Event{}
	for rows.Next() {
		var e Event
		if err := rows.Scan(&e.ID, &e.OccurrenceID, &e.At, &e.Actor, &e.Action, &e.Detail); err != nil {
			return nil, err
		}
		e.At = e.At.UTC()
		out = append(out, e)
	}
	return out, rows.Err()
}

// Children returns the tasks handed on or split from a task, as the viewer may see them.
func (s *Store) Children(ctx context.Context, v access.Viewer, id int64) ([]Item, error) {
	page, err := s.List(ctx, v, ListQuery{ParentID: id, All: true, Limit: MaxBatch})
	return page.Items, err
}

// visible returns the class of task id if the viewer may see it, without
// auditing a read.
func (s *Store) visible(ctx context.Context, v access.Viewer, id int64) (int, error) {
	var args db.Args
	cond := v.Visible(Entity, "t", &args)
	var class int
	err := s.db.R(ctx).QueryRowContext(ctx, `SELECT t.class FROM tasks t WHERE t.id = `+args.Add(id)+` AND `+cond, args...).Scan(&class)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, problem.ErrNotFound
	}
	if err != nil {
		return 0, fmt.Errorf("tasks: check access to %d: %w", id, err)
	}
	return class, nil
}

// Detail is a task with what its page shows.
type Detail struct {
	Task
	Reports   []Report       `json:"reports"`
	History   []Event        `json:"history"`
	Children  []Item         `json:"children"`
	Reminders []SentReminder `json:"reminders"`
}

// Detail returns a task the viewer may see with its reports, history,
// the tasks handed on from it and the reminders sent.
func (s *Store) Detail(ctx context.Context, v access.Viewer, id int64) (Detail, error) {
	t, err := s.Get(ctx, v, id)
	if err != nil {
		return Detail{}, err
	}
	d := Detail{Task: t}
	if d.Reports, err = s.Reports(ctx, v, id); err != nil {
		return Detail{}, err
	}
	if d.History, err = s.History(ctx, v, id); err != nil {
		return Detail{}, err
	}
	if d.Children, err = s.Children(ctx, v, id); err != nil {
		return Detail{}, err
	}
	d.Reminders, err = s.Reminders(ctx, id)
	return d, err
}
