package web

import (
	"strings"
	"testing"

	"plenum/internal/problem"
)

// readBridges reads any text typed into the bridge points box without
// panicking: each line it keeps has a name, and a count it could not read
// is reported on the field instead of being kept.
func FuzzReadBridges(f *testing.F) {
	for _, s := range []string{"Điểm cầu huyện Ba Bể | 120", "Hội trường\nHuyện Na Rì | 1.600", "| 5", "A | x", "A|-3", "\n\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var v problem.Validation
		bs := readBridges(&v, s)
		if len(bs) > strings.Count(s, "\n")+1 {
			t.Fatalf("%d bridges from %d lines", len(bs), strings.Count(s, "\n")+1)
		}
		for _, b := range bs {
			if strings.Contains(b.Name, "\n") {
				t.Fatalf("name %q spans lines", b.Name)
			}
		}
	})
}
