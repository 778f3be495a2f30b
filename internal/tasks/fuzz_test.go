package tasks_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"plenum/internal/date"
	"plenum/internal/tasks"
)

// FuzzLines: a pasted list never yields a blank title or one with its
// numbering left on, whatever is pasted.
func FuzzLines(f *testing.F) {
	for _, s := range []string{"1. Một\n2) Hai\n- Ba", "\r\n\r\n", "a) x\nđ) y", "•\t•", "123. 456"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, l := range tasks.Lines(s) {
			if strings.TrimSpace(l) == "" || l != strings.TrimSpace(l) || strings.Contains(l, "\n") {
				t.Fatalf("line %q from %q", l, s)
			}
		}
	})
}

// FuzzParseOffsets: offsets either parse or are refused, never panic.
func FuzzParseOffsets(f *testing.F) {
	for _, s := range []string{"-7, -1, 1, 7", "", "x", "9999999999999999999", "1;2 3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tasks.ParseOffsets(s)
	})
}

// FuzzParseListQuery: any query string parses or is refused with a field.
func FuzzParseListQuery(f *testing.F) {
	for _, s := range []string{"unit_id=1&status=overdue", "due_from=01/07/2025&due_to=2025-12-31", "limit=-1", "role=x", "%zz"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		values, err := url.ParseQuery(s)
		if err != nil {
			return
		}
		tasks.ParseListQuery(values)
		tasks.ParseCountQuery(values)
		tasks.ParseReportForm(values)
	})
}

// FuzzPeriods: every generated deadline lies in its range, in order, after
// its period's start.
func FuzzPeriods(f *testing.F) {
	f.Add(0, 20250101, 20251231, 15)
	f.Add(3, 20240229, 20260228, 31)
	f.Fuzz(func(t *testing.T, r, from, until, dueDay int) {
		rec := tasks.Recurrences[((r%4)+4)%4]
		start, err1 := date.New(from/10000, time.Month(from/100%100), from%100)
		end, err2 := date.New(until/10000, time.Month(until/100%100), until%100)
		if err1 != nil || err2 != nil || dueDay < 0 || dueDay > 31 || end.Before(start) {
			return
		}
		ps, err := tasks.Periods(rec, start, end, dueDay)
		if err != nil {
			return
		}
		var last date.Date
		for _, p := range ps {
			if p.Due.Before(p.Start) || p.Start.Before(start) || !p.Due.After(last) {
				t.Fatalf("%s %s..%s day %d: %+v", rec, start, end, dueDay, ps)
			}
			last = p.Due
		}
	})
}
