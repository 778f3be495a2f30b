package tasks

import (
	"fmt"
	"slices"
	"time"

	"plenum/internal/date"
	"plenum/internal/i18n"
)

// Recurrence is how often a recurring task falls due; "" is a single deadline.
type Recurrence string

// The recurrences.
const (
	Once       Recurrence = ""
	Monthly    Recurrence = "monthly"
	Quarterly  Recurrence = "quarterly"
	HalfYearly Recurrence = "half_yearly"
	Yearly     Recurrence = "yearly"
)

// Recurrences lists the recurring choices.
var Recurrences = []Recurrence{Monthly, Quarterly, HalfYearly, Yearly}

// Valid reports whether r is a known recurrence (or Once).
func (r Recurrence) Valid() bool { return r == Once || slices.Contains(Recurrences, r) }

// Label names the recurrence in lang.
func (r Recurrence) Label(lang string) string {
	if r == Once {
		return i18n.T(lang, "tasks.recurrence.once")
	}
	return i18n.T(lang, "tasks.recurrence."+string(r))
}

// months is the length of a period in months.
func (r Recurrence) months() int {
	switch r {
	case Monthly:
		return 1
	case Quarterly:
		return 3
	case HalfYearly:
		return 6
	case Yearly:
		return 12
	}
	return 0
}

// maxOccurrences bounds a recurrence: ten years of months.
const maxOccurrences = 120

// Period is one deadline of a task: a whole single-deadline task, or one
// period of a recurring one.
type Period struct {
	Label string    // "2025-Q1", "2025-03", "2025-H1", "2025"; "" for a single deadline
	Start date.Date // the day work on it starts
	Due   date.Date
}

// Periods returns the deadlines of a recurrence from start to until: the
// calendar periods (months, quarters, halves, years) that overlap [start,
// until], each due on dueDay of its last month (0 or a day past the month's
// end: its last day). The first period starts on start, the others on their
// first day. A period whose deadline falls before start is left out.
func Periods(r Recurrence, start, until date.Date, dueDay int) ([]Period, error) {
	n := r.months()
	if n == 0 {
		return nil, fmt.Errorf("tasks: %q is not a recurrence", r)
	}
	// The first day of the period containing start.
	m := (int(start.Month)-1)/n*n + 1
	first := date.MustNew(start.Year, time.Month(m), 1)
	var out []Period
	for p := first; !p.After(until); p = p.AddMonths(n) {
		last := p.AddMonths(n - 1)
		day := dueDay
		if day == 0 || day > date.DaysIn(last.Year, last.Month) {
			day = date.DaysIn(last.Year, last.Month)
		}
		due := date.MustNew(last.Year, last.Month, day)
		if due.Before(start) {
			continue
		}
		from := p
		if from.Before(start) {
			from = start
		}
		out = append(out, Period{Label: periodLabel(r, p), Start: from, Due: due})
		if len(out) > maxOccurrences {
			return nil, errTooManyPeriods
		}
	}
	return out, nil
}

var errTooManyPeriods = fmt.Errorf("tasks: more than %d deadlines", maxOccurrences)

func periodLabel(r Recurrence, first date.Date) string {
	switch r {
	case Monthly:
		return fmt.Sprintf("%04d-%02d", first.Year, int(first.Month))
	case Quarterly:
		return fmt.Sprintf("%04d-Q%d", first.Year, (int(first.Month)+2)/3)
	case HalfYearly:
		return fmt.Sprintf("%04d-H%d", first.Year, (int(first.Month)+5)/6)
	}
	return fmt.Sprintf("%04d", first.Year)
}
