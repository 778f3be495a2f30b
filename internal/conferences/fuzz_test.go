package conferences_test

import (
	"testing"

	"plenum/internal/conferences"
	"plenum/internal/vn"
)

// ParseNumeral reads any term number written in Roman numerals or digits,
// never panics, and what it accepts is written back the same.
func FuzzParseNumeral(f *testing.F) {
	for _, s := range []string{"XII", "xii", "12", "0", "-3", "MMMCMXCIX", "IIII", "XX I", "", "4000", "Ⅻ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := conferences.ParseNumeral(s)
		if err != nil {
			return
		}
		if n < 1 || n > vn.MaxRoman {
			t.Fatalf("%q gives %d", s, n)
		}
		roman, err := vn.FormatRoman(n)
		if err != nil {
			t.Fatal(err)
		}
		if back, err := conferences.ParseNumeral(roman); err != nil || back != n {
			t.Fatalf("%q → %d → %q → %d %v", s, n, roman, back, err)
		}
	})
}
