package web

import (
	"net/url"
	"strings"
	"testing"

	"plenum/internal/indicators"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// readTargets reads whatever is typed into a line of the targets form
// without panicking: a line it keeps carries the numbers as typed the
// Vietnamese way, and a line it cannot read is refused naming its field.
func FuzzReadTargets(f *testing.F) {
	for _, s := range [][3]string{{"1.600", "", ""}, {"3,5", "4", "ghi chú"}, {"", "4", ""}, {"1.5", "", ""}, {"", "", " "}, {"-2,5", "x", ""}} {
		f.Add(s[0], s[1], s[2])
	}
	rows := targetRows(indicators.Indicator{TermFirst: 2021, TermLast: 2025}, 0, 2026)
	f.Fuzz(func(t *testing.T, low, high, note string) {
		vals := url.Values{"targets[2024].value": {low}, "targets[2024].value_high": {high}, "targets[term].note": {note}}
		got, err := readTargets(vals, rows, 0)
		if err != nil {
			if p, ok := problem.As(err); !ok || len(p.Fields) == 0 {
				t.Fatalf("refused without naming a field: %v", err)
			}
			return
		}
		for _, in := range got {
			if in.Term {
				if in.Note != note {
					t.Fatalf("term note %q, typed %q", in.Note, note)
				}
				continue
			}
			want, _ := vn.ParseNumber(strings.TrimSpace(low)) // the form trims what was typed
			if in.Year != 2024 || in.Value.Cmp(want) != 0 || (in.High == nil) != (strings.TrimSpace(high) == "") {
				t.Fatalf("line %+v from %q %q", in, low, high)
			}
		}
	})
}
