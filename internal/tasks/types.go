package tasks

import (
	"context"
	"slices"
	"time"

	"plenum/internal/access"
	"plenum/internal/date"
	"plenum/internal/i18n"
)

// Entity is the name of tasks in the audit log, in need-to-know grants and
// in the search index.
const Entity = "task"

// Kind is what sort of work a task is; reminder rules are set per kind.
type Kind string

// The kinds of task.
const (
	KindTask       Kind = "task"       // nhiệm vụ: work to be done
	KindReport     Kind = "report"     // báo cáo: a report to send, often recurring
	KindDraft      Kind = "draft"      // xây dựng văn bản: a document to draft
	KindInspection Kind = "inspection" // kiểm tra, giám sát
)

// Kinds lists every kind.
var Kinds = []Kind{KindTask, KindReport, KindDraft, KindInspection}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool { return slices.Contains(Kinds, k) }

// Label names the kind in lang.
func (k Kind) Label(lang string) string { return i18n.T(lang, "tasks.kind."+string(k)) }

// Priority orders tasks in a unit's inbox.
type Priority string

// The priorities.
const (
	Low    Priority = "low"
	Normal Priority = "normal"
	High   Priority = "high"
	Urgent Priority = "urgent"
)

// Priorities lists every priority, lowest first.
var Priorities = []Priority{Low, Normal, High, Urgent}

// Valid reports whether p is a known priority.
func (p Priority) Valid() bool { return slices.Contains(Priorities, p) }

// Label names the priority in lang.
func (p Priority) Label(lang string) string { return i18n.T(lang, "tasks.priority."+string(p)) }

// SourceKind is the kind of record a task is drawn from; "" for none.
type SourceKind string

// The kinds of source.
const (
	NoSource         SourceKind = ""
	SourceDocument   SourceKind = "document"
	SourceConclusion SourceKind = "conclusion"  // a conference's conclusion
	SourceAgendaItem SourceKind = "agenda_item" // an item of a conference's agenda
)

// SourceKinds lists the kinds of source.
var SourceKinds = []SourceKind{SourceDocument, SourceConclusion, SourceAgendaItem}

// Label names the source kind in lang.
func (k SourceKind) Label(lang string) string { return i18n.T(lang, "tasks.source."+string(k)) }

// Source is what a task knows of the record it is drawn from.
type Source struct {
	Kind  SourceKind `json:"kind"`
	ID    int64      `json:"id"`
	Label string     `json:"label"` // "Kế hoạch số 147-KH/TU", as shown
	Class int        `json:"class"`
	// DocumentID is the document behind the source (the document itself, or
	// the one a conclusion was issued as), for totals by document; 0 if none.
	DocumentID int64  `json:"document_id,omitempty"`
	URL        string `json:"url,omitempty"`
}

// SourceFunc looks up the source record id as viewer v may see it; it
// answers problem.ErrNotFound for a record that does not exist or that v may
// not see. The area that owns the records provides it (see app.New).
type SourceFunc func(ctx context.Context, v access.Viewer, id int64) (Source, error)

// UnitRef names a unit as it was named on the task's start.
type UnitRef struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// Task is a task as its page shows it.
type Task struct {
	ID                  int64      `json:"id"`
	ParentID            int64      `json:"parent_id,omitempty"`
	Kind                Kind       `json:"kind"`
	SourceKind          SourceKind `json:"source_kind,omitempty"`
	SourceID            int64      `json:"source_id,omitempty"`
	SourceLabel         string     `json:"source_label,omitempty"`
	DocumentID          int64      `json:"document_id,omitempty"`
	Title               string     `json:"title"`
	Content             string     `json:"content,omitempty"`
	Product             string     `json:"product,omitempty"`
	Priority            Priority   `json:"priority"`
	LeadUnit            UnitRef    `json:"lead_unit"`
	Coordinators        []UnitRef  `json:"coordinating_units"`
	ResponsiblePersonID int64      `json:"responsible_person_id,omitempty"`
	Responsible         string     `json:"responsible,omitempty"`
	StartOn             date.Date  `json:"start_on"`
	DueOn               date.Date  `json:"due_on"`
	Recurrence          Recurrence `json:"recurrence,omitempty"`
	RecurUntil          date.Date  `json:"recur_until"`
	DueDay              int        `json:"due_day,omitempty"`
	OwnClass            int        `json:"own_class"`
	Class               int        `json:"class"`
	CancelledOn         date.Date  `json:"cancelled_on"`
	CancelReason        string     `json:"cancel_reason,omitempty"`
	CreatedBy           int64      `json:"created_by,omitempty"`
	CreatedAt           time.Time  `json:"created_at"`
	UpdatedAt           time.Time  `json:"updated_at"`
	// Occurrences are the task's deadlines, earliest first.
	Occurrences []Occurrence `json:"occurrences"`
}

// Occurrence is one deadline of a task and where it stands.
type Occurrence struct {
	ID            int64     `json:"id"`
	TaskID        int64     `json:"task_id"`
	Seq           int       `json:"seq"`
	Period        string    `json:"period,omitempty"`
	StartOn       date.Date `json:"start_on"`
	DueOn         date.Date `json:"due_on"`
	Percent       int       `json:"percent"`
	FirstReportOn date.Date `json:"first_report_on"`
	LastReportOn  date.Date `json:"last_report_on"`
	DoneOn        date.Date `json:"done_on"`
	CancelledOn   date.Date `json:"cancelled_on"`
	// Status is as of the day the occurrence was read.
	Status Status `json:"status"`
}

// Milestones returns the dates the occurrence's status derives from.
func (o Occurrence) Milestones() Milestones {
	return Milestones{Start: o.StartOn, Due: o.DueOn, FirstReport: o.FirstReportOn, Done: o.DoneOn, Cancelled: o.CancelledOn}
}

// Report is a progress report on an occurrence.
type Report struct {
	ID           int64     `json:"id"`
	TaskID       int64     `json:"task_id"`
	OccurrenceID int64     `json:"occurrence_id"`
	UnitID       int64     `json:"unit_id,omitempty"`
	Unit         string    `json:"unit,omitempty"`
	Author       string    `json:"author"`
	ReportedOn   date.Date `json:"reported_on"`
	Percent      int       `json:"percent"`
	Body         string    `json:"body,omitempty"`
	Files        []File    `json:"files"`
	CreatedAt    time.Time `json:"created_at"`
}

// File is an evidence file of a report.
type File struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	Size int64  `json:"size"`
}

// Event is a line of a task's history.
type Event struct {
	ID           int64     `json:"id"`
	OccurrenceID int64     `json:"occurrence_id,omitempty"`
	At           time.Time `json:"at"`
	Actor        string    `json:"actor"`
	Action       string    `json:"action"`
	Detail       string    `json:"detail,omitempty"`
}
