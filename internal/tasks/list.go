package tasks

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"plenum/internal/access"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/vn"
)

// ListQuery selects deadlines (occurrences) of tasks. Zero fields do not filter.
type ListQuery struct {
	// UnitID makes the query a unit's inbox: the tasks of the unit and of
	// the units it succeeded (merged or split into it), as lead unit or as
	// coordinating unit (Role narrows to one of the two).
	UnitID int64  `json:"unit_id,omitempty"`
	Role   string `json:"role,omitempty"` // "lead", "coordinator" or "" for both
	// PersonID selects the deadlines a person is responsible for ("mine").
	PersonID   int64      `json:"person_id,omitempty"`
	ParentID   int64      `json:"parent_id,omitempty"`
	DocumentID int64      `json:"document_id,omitempty"`
	SourceKind SourceKind `json:"source_kind,omitempty"`
	SourceID   int64      `json:"source_id,omitempty"`
	// Status filters by the status as of today; All includes finished and
	// cancelled deadlines, which are left out otherwise.
	Status Status `json:"status,omitempty"`
	All    bool   `json:"all,omitempty"`
	// AsOf takes statuses as of that day instead of today, among the
	// deadlines started by then (finished ones included): the records
	// behind a dashboard's figure. State narrows them as its counts do:
	// "late" (overdue or done late) or "due_soon" (open, not overdue, due
	// within SoonDays, 7 when zero).
	AsOf     date.Date `json:"as_of"`
	State    string    `json:"state,omitempty"`
	SoonDays int       `json:"soon_days,omitempty"`
	DueFrom  date.Date `json:"due_from"`
	DueTo    date.Date `json:"due_to"`
	Q        string    `json:"q,omitempty"` // words of the title or content, accents ignored
	Limit    int       `json:"limit,omitempty"`
	Offset   int       `json:"offset,omitempty"`
}

// The states of ListQuery.State.
const (
	StateLate    = "late"
	StateDueSoon = "due_soon"
)

// Item is one deadline in a list, with what the list shows of its task.
type Item struct {
	Occurrence
	Title       string     `json:"title"`
	Kind        Kind       `json:"kind"`
	Priority    Priority   `json:"priority"`
	Class       int        `json:"class"`
	LeadUnit    UnitRef    `json:"lead_unit"`
	Recurrence  Recurrence `json:"recurrence,omitempty"`
	SourceLabel string     `json:"source_label,omitempty"`
	ParentID    int64      `json:"parent_id,omitempty"`
}

// Page is a page of a list and the number of items in the whole list.
type Page struct {
	Items  []Item `json:"items"`
	Total  int    `json:"total"`
	Limit  int    `json:"limit"`
	Offset int    `json:"offset"`
}

// Paging bounds.
const (
	DefaultLimit = 50
	MaxLimit     = 500
)

// List returns a page of deadlines the viewer may see, earliest deadline first.
func (s *Store) List(ctx context.Context, v access.Viewer, q ListQuery) (Page, error) {
	if q.Limit <= 0 {
		q.Limit = DefaultLimit
	}
	q.Limit = min(q.Limit, MaxLimit)
	q.Offset = max(q.Offset, 0)
	var args db.Args
	where := []string{v.VisibleBy(Entity, "o.class", "o.task_id", &args)}
	if q.UnitID != 0 {
		units, err := s.org.Lineage(ctx, q.UnitID)
		if err != nil {
			return Page{}, err
		}
		// Two index lookups joined by UNION: an OR of the two conditions
		// makes PostgreSQL scan every deadline.
		in := func() string { return db.In(&args, units) }
		lead := func() string { return "SELECT x.id FROM task_occurrences x WHERE x.lead_unit_id IN " + in() }
		coord := func() string {
			return "SELECT x.id FROM task_coordinators c JOIN task_occurrences x ON x.task_id = c.task_id WHERE c.unit_id IN " + in()
		}
		switch q.Role {
		case "lead":
			where = append(where, "o.id IN ("+lead()+")")
		case "coordinator":
			where = append(where, "o.id IN ("+coord()+")")
		default:
			where = append(where, "o.id IN ("+lead()+" UNION ALL "+coord()+")")
		}
	}
	if q.PersonID != 0 {
		where = append(where, "o.responsible_person_id = "+args.Add(q.PersonID))
	}
	if q.ParentID != 0 {
		where = append(where, "t.parent_id = "+args.Add(q.ParentID))
	}
	if q.DocumentID != 0 {
		where = append(where, "o.document_id = "+args.Add(q.DocumentID))
	}
	if q.SourceKind != NoSource {
		where = append(where, "t.source_kind = "+args.Add(string(q.SourceKind))+" AND t.source_id = "+args.Add(q.SourceID))
	}
	day := s.Today()
	switch {
	case !q.AsOf.IsZero():
		day = q.AsOf
		d := args.Add(day)
		st := StatusSQL("o", d)
		where = append(where, "o.start_on <= "+d)
		switch {
		case q.Status != "":
			where = append(where, st+" = "+args.Add(string(q.Status)))
		case q.State == StateLate:
			where = append(where, st+" IN ('overdue', 'done_late')")
		case q.State == StateDueSoon:
			soon := q.SoonDays
			if soon <= 0 {
				soon = 7
			}
			where = append(where, st+" IN ('not_started', 'in_progress') AND o.due_on <= "+args.Add(day.AddDays(soon)))
		}
	case q.Status != "":
		where = append(where, "o.status = "+args.Add(string(q.Status)))
	case !q.All:
		where = append(where, "o.status IN ('not_started', 'in_progress', 'overdue')")
	}
	if !q.DueFrom.IsZero() {
		where = append(where, "o.due_on >= "+args.Add(q.DueFrom))
	}
	if !q.DueTo.IsZero() {
		where = append(where, "o.due_on <= "+args.Add(q.DueTo))
	}
	for _, w := range strings.Fields(vn.Fold(q.Q)) {
		where = append(where, "t.search_key LIKE "+args.Add("%"+escapeLike(w)+"%")+` ESCAPE '\'`)
	}
	from := ` FROM task_occurrences o JOIN tasks t ON t.id = o.task_id WHERE ` + strings.Join(where, " AND ")
	page := Page{Items: []Item{}, Limit: q.Limit, Offset: q.Offset}
	r := s.db.R(ctx)
	if err := r.QueryRowContext(ctx, `SELECT count(*)`+from, args...).Scan(&page.Total); err != nil {
		return Page{}, fmt.Errorf("tasks: count: %w", err)
	}
	rows, err := r.QueryContext(ctx, `SELECT `+occColumns+`, `+itemColumns+
		from+` ORDER BY o.due_on, o.id LIMIT `+args.Add(q.Limit)+` OFFSET `+args.Add(q.Offset), args...)
	if err != nil {
		return Page{}, fmt.Errorf("tasks: list: %w", err)
	}
	page.Items, err = scanItems(rows, day)
	return page, err
}

// itemColumns are read by scanItems, after occColumns, from o and t.
var itemColumns = `t.title, t.kind, t.priority, o.class, o.lead_unit_id,
	COALESCE(` + unitName("o.lead_unit_id", "t.start_on") + `, ''), t.recurrence, t.source_label, COALESCE(t.parent_id, 0)`

// scanItems reads list rows, with statuses as of day.
func scanItems(rows *sql.Rows, day date.Date) ([]Item, error) {
	defer rows.Close()
	out := []Item{}
	for rows.Next() {
		var it Item
		o := &it.Occurrence
		if err := rows.Scan(&o.ID, &o.TaskID, &o.Seq, &o.Period, &o.StartOn, &o.DueOn, &o.Percent, &o.FirstReportOn,
			&o.LastReportOn, &o.DoneOn, &o.CancelledOn, &it.Title, &it.Kind, &it.Priority, &it.Class, &it.LeadUnit.ID,
			&it.LeadUnit.Name, &it.Recurrence, &it.SourceLabel, &it.ParentID); err != nil {
			return nil, err
		}
		o.Status = StatusOn(o.Milestones(), day)
		out = append(out, it)
	}
	return out, rows.Err()
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
