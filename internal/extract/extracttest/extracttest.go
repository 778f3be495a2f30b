// Package extracttest makes test inputs for readers of articles: text in
// the legacy encodings that Decode must read.
package extracttest

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Windows1258 encodes text in Windows-1258 the way legacy software did:
// base letters with circumflex, breve and horn precomposed where the code
// page has them, tone marks as combining characters. It fails the test if
// a character cannot be encoded, or if the result is valid UTF-8 (then it
// would not test the code page).
func Windows1258(t testing.TB, s string) []byte {
	t.Helper()
	enc := charmap.Windows1258.NewEncoder()
	var out []byte
	for _, r := range norm.NFC.String(s) {
		if b, err := enc.String(string(r)); err == nil {
			out = append(out, b...)
			continue
		}
		d := []rune(norm.NFD.String(string(r)))
		base, tones := []rune{d[0]}, []rune(nil)
		for _, m := range d[1:] {
			switch m {
			case 0x0300, 0x0301, 0x0303, 0x0309, 0x0323:
				tones = append(tones, m)
			default:
				base = append(base, m)
			}
		}
		b, err := enc.String(norm.NFC.String(string(base)) + string(tones))
		if err != nil {
			t.Fatalf("cannot encode %q in Windows-1258: %v", r, err)
		}
		out = append(out, b...)
	}
	if utf8.Valid(out) {
		t.Fatalf("Windows-1258 sample is valid UTF-8; the test would not test the code page")
	}
	return out
}
