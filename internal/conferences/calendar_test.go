package conferences_test

import (
	"strconv"
	"testing"

	"plenum/internal/conferences"
	"plenum/internal/problem"
)

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

func TestCalendar(t *testing.T) {
	f := newFixture(t)
	for _, on := range []string{"2024-01-20", "2024-04-15", "2024-10-11", "2025-01-18"} {
		f.conference(on)
	}
	f.conference("2024-04-02", func(in *conferences.Input) { in.TermID = f.btvTerm.ID })
	list := func(q conferences.CalendarQuery) []string {
		t.Helper()
		cal, err := f.s.Calendar(f.Ctx, office, q)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range cal.Entries {
			out = append(out, e.HeldOn.String()+"#"+strconv.Itoa(e.Ordinal))
		}
		if cal.Total != len(out) && q.Limit == 0 {
			t.Errorf("total %d for %d entries", cal.Total, len(out))
		}
		return out
	}
	eq := func(got []string, want ...string) {
		t.Helper()
		if len(got) != len(want) {
			t.Errorf("got %v, want %v", got, want)
			return
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("got %v, want %v", got, want)
				return
			}
		}
	}
	eq(list(conferences.CalendarQuery{}), "2024-01-20#1", "2024-04-02#1", "2024-04-15#2", "2024-10-11#3", "2025-01-18#4")
	eq(list(conferences.CalendarQuery{BodyID: f.tu}), "2024-01-20#1", "2024-04-15#2", "2024-10-11#3", "2025-01-18#4")
	eq(list(conferences.CalendarQuery{TermID: f.btvTerm.ID}), "2024-04-02#1")
	eq(list(conferences.CalendarQuery{Year: 2024, Month: 4}), "2024-04-02#1", "2024-04-15#2")
	eq(list(conferences.CalendarQuery{Year: 2025}), "2025-01-18#4")
	eq(list(conferences.CalendarQuery{From: day("2024-04-10"), To: day("2024-10-11")}), "2024-04-15#2", "2024-10-11#3")
	eq(list(conferences.CalendarQuery{Status: conferences.Held}))
	cal, _ := f.s.Calendar(f.Ctx, office, conferences.CalendarQuery{Limit: 2, Offset: 2})
	if cal.Total != 5 || len(cal.Entries) != 2 || cal.Entries[0].Ordinal != 2 {
		t.Errorf("page %+v", cal)
	}
	for _, tt := range []struct {
		q     conferences.CalendarQuery
		field string
	}{
		{conferences.CalendarQuery{Month: 4}, "year"},
		{conferences.CalendarQuery{Year: 2024, Month: 13}, "month"},
		{conferences.CalendarQuery{Year: 20}, "year"},
		{conferences.CalendarQuery{From: day("2024-05-01"), To: day("2024-04-01")}, "to"},
		{conferences.CalendarQuery{Status: "done"}, "status"},
		{conferences.CalendarQuery{Offset: -1}, "offset"},
	} {
		_, err := f.s.Calendar(f.Ctx, office, tt.q)
		f.refused(t, f.rows(), err, problem.Invalid, tt.field)
	}
}
