package conferences

import (
	"context"
	"fmt"
	"strings"
	"time"

	"plenum/internal/access"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/org"
	"plenum/internal/problem"
)

// CalendarQuery selects conferences. Every filter is optional.
type CalendarQuery struct {
	BodyID int64 `json:"body_id,omitempty"`
	// Lineage, with BodyID, adds the conferences of the bodies merged or
	// split into it (a merged province's committee shows its predecessors').
	Lineage bool      `json:"lineage,omitempty"`
	TermID  int64     `json:"term_id,omitempty"`
	Year    int       `json:"year,omitempty"`
	Month   int       `json:"month,omitempty"` // 1–12, with Year
	From    date.Date `json:"from"`            // inclusive
	To      date.Date `json:"to"`              // inclusive
	Status  Status    `json:"status,omitempty"`
	Limit   int       `json:"limit,omitempty"` // default 100, at most 1000
	Offset  int       `json:"offset,omitempty"`
}

// Entry is a conference in the calendar, with the number of agenda items
// the viewer may see.
type Entry struct {
	Conference
	Items int `json:"items"`
}

// Calendar is a page of conferences in date order, and how many match.
type Calendar struct {
	Entries []Entry `json:"items"`
	Total   int     `json:"total"`
}

func (q *CalendarQuery) validate() error {
	var v problem.Validation
	v.Check(q.BodyID >= 0, "body_id", "org.error.unit_unknown")
	v.Check(q.TermID >= 0, "term_id", "conferences.error.term_unknown")
	v.Check(q.Year == 0 || (q.Year >= 1900 && q.Year <= 2200), "year", "conferences.error.year")
	if v.Check(q.Month >= 0 && q.Month <= 12, "month", "conferences.error.month") && q.Month > 0 {
		v.Check(q.Year > 0, "year", "error.required")
	}
	if !q.From.IsZero() && !q.To.IsZero() {
		v.Check(!q.To.Before(q.From), "to", "error.end_before_start")
	}
	v.Check(q.Status == "" || q.Status.Valid(), "status", "error.invalid_choice")
	v.Check(q.Limit >= 0, "limit", "error.invalid_number")
	v.Check(q.Offset >= 0, "offset", "error.invalid_number")
	return v.Err()
}

// Calendar lists the conferences the viewer may see, in the order they
// were held.
func (s *Store) Calendar(ctx context.Context, v access.Viewer, q CalendarQuery) (Calendar, error) {
	if err := q.validate(); err != nil {
		return Calendar{}, err
	}
	limit := q.Limit
	if limit == 0 {
		limit = 100
	}
	limit = min(limit, 1000)
	var args db.Args
	where := []string{v.Visible(entityConference, "c", &args)}
	if q.BodyID != 0 {
		if q.Lineage {
			where = append(where, "c.body_id IN "+org.LineageSubquery(args.Add(q.BodyID)))
		} else {
			where = append(where, "c.body_id = "+args.Add(q.BodyID))
		}
	}
	if q.TermID != 0 {
		where = append(where, "c.term_id = "+args.Add(q.TermID))
	}
	from, to := q.From, q.To
	if q.Year > 0 {
		first, last := date.MustNew(q.Year, time.January, 1), date.MustNew(q.Year, time.December, 31)
		if q.Month > 0 {
			first = date.MustNew(q.Year, time.Month(q.Month), 1)
			last = first.AddMonths(1).AddDays(-1)
		}
		if from.IsZero() || first.After(from) {
			from = first
		}
		if to.IsZero() || last.Before(to) {
			to = last
		}
	}
	if !from.IsZero() {
		where = append(where, "c.held_on >= "+args.Add(from))
	}
	if !to.IsZero() {
		where = append(where, "c.held_on <= "+args.Add(to))
	}
	if q.Status != "" {
		where = append(where, "c.status = "+args.Add(string(q.Status)))
	}
	filter := " WHERE " + strings.Join(where, " AND ")
	var cal Calendar
	if err := s.db.R(ctx).QueryRowContext(ctx, `SELECT count(*) FROM conferences c`+filter, args...).Scan(&cal.Total); err != nil {
		return cal, fmt.Errorf("conferences: count calendar: %w", err)
	}
	count := `(SELECT count(*) FROM agenda_items ai WHERE ai.conference_id = c.id AND ` + s.itemVisible(v, &args) + `)`
	sel := strings.Replace(conferenceSelect, "c.status, c.class", "c.status, c.class, "+count, 1)
	rows, err := s.db.R(ctx).QueryContext(ctx, sel+filter+` ORDER BY c.held_on, c.part_of_day, c.id LIMIT `+
		args.Add(limit)+` OFFSET `+args.Add(q.Offset), args...)
	if err != nil {
		return cal, fmt.Errorf("conferences: calendar: %w", err)
	}
	defer rows.Close()
	cal.Entries = []Entry{}
	for rows.Next() {
		var e Entry
		if e.Conference, err = scanConference(rows, &e.Items); err != nil {
			return cal, fmt.Errorf("conferences: calendar: %w", err)
		}
		cal.Entries = append(cal.Entries, e)
	}
	return cal, rows.Err()
}
