package tasks

import (
	"slices"

	"plenum/internal/date"
	"plenum/internal/i18n"
)

// Status is where an occurrence of a task stands on a date.
type Status string

// The statuses, in the order the pages list them.
const (
	NotStarted Status = "not_started"
	InProgress Status = "in_progress"
	DoneOnTime Status = "done_on_time"
	DoneLate   Status = "done_late"
	Overdue    Status = "overdue"
	Cancelled  Status = "cancelled"
)

// Statuses lists every status.
var Statuses = []Status{NotStarted, InProgress, Overdue, DoneOnTime, DoneLate, Cancelled}

// Valid reports whether s is a known status.
func (s Status) Valid() bool { return slices.Contains(Statuses, s) }

// Open reports whether work is still expected: not started, in progress or overdue.
func (s Status) Open() bool { return s == NotStarted || s == InProgress || s == Overdue }

// Label names the status in lang.
func (s Status) Label(lang string) string { return i18n.T(lang, "tasks.status."+string(s)) }

// Milestones are the dates an occurrence's status is derived from. Zero
// dates have not happened.
type Milestones struct {
	Start       date.Date
	Due         date.Date
	FirstReport date.Date
	Done        date.Date
	Cancelled   date.Date
}

// StatusOn is the status of an occurrence at the end of day d:
//
//   - cancelled on or before d: cancelled;
//   - completed on or before d: done on time if completed on or before the
//     deadline, else done late;
//   - d after the deadline: overdue (the deadline day itself is not late;
//     the occurrence turns overdue at the midnight that ends it);
//   - a progress report on or before d: in progress;
//   - otherwise: not started.
//
// StatusSQL is the same rule in SQL; a test holds the two together.
func StatusOn(m Milestones, d date.Date) Status {
	happened := func(x date.Date) bool { return !x.IsZero() && !x.After(d) }
	switch {
	case happened(m.Cancelled):
		return Cancelled
	case happened(m.Done):
		if m.Done.After(m.Due) {
			return DoneLate
		}
		return DoneOnTime
	case d.After(m.Due):
		return Overdue
	case happened(m.FirstReport):
		return InProgress
	}
	return NotStarted
}

// StatusSQL returns an SQL expression computing StatusOn for the occurrence
// aliased o, on the date held by placeholder day ("$3"). Dates are stored
// as ISO text on SQLite and as DATE on PostgreSQL; both compare in order.
func StatusSQL(o, day string) string {
	return `CASE
		WHEN ` + o + `.cancelled_on IS NOT NULL AND ` + o + `.cancelled_on <= ` + day + ` THEN 'cancelled'
		WHEN ` + o + `.done_on IS NOT NULL AND ` + o + `.done_on <= ` + day + ` THEN
			CASE WHEN ` + o + `.done_on > ` + o + `.due_on THEN 'done_late' ELSE 'done_on_time' END
		WHEN ` + day + ` > ` + o + `.due_on THEN 'overdue'
		WHEN ` + o + `.first_report_on IS NOT NULL AND ` + o + `.first_report_on <= ` + day + ` THEN 'in_progress'
		ELSE 'not_started' END`
}
