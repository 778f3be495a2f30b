// Package tasks assigns the work that documents and conferences decide:
// tasks drawn from a document, a conference conclusion or an agenda item
// (several at once from a list) or created alone, with a lead unit,
// coordinating units, a responsible person, a deadline — one date or a
// recurrence whose periods are tracked one by one as occurrences — an
// expected product, a priority, and a security class never below its
// source's.
//
// # Status is derived
//
// Nobody types a status. Each occurrence has milestone dates: its start,
// its deadline, the day of its first progress report, the day it was
// completed and the day it was cancelled. StatusOn turns them into a status
// as of any date; StatusSQL is the same rule as an SQL CASE, so that the
// dashboard counts by status on a past date from one row per occurrence,
// without reading the reports. The status as of today is also stored, for
// the inbox's indexes: every change of a milestone rewrites it in the same
// transaction, and RefreshStatuses (run by the status job under a lease,
// just after midnight) moves what passed its deadline to overdue and writes
// that into the history.
//
// The office may move an open deadline (Extend: gia hạn, or a correction),
// with a reason kept in the history. Only the current deadline is stored,
// so counts as of a day before the move judge by the new one. It may also
// correct what a task says, its priority, coordinating units and
// responsible person (Edit); the lead unit changes by handing on.
//
// # Access
//
// A task's class is max(own class, source's class, parent's class). Its
// need-to-know grants name the lead unit, the coordinating units, the
// responsible person's account and the creator; every query embeds
// access.Viewer.Visible on entity "task", so that an uncleared reader sees
// a classified task nowhere: not in lists, counts, exports or the API.
package tasks
