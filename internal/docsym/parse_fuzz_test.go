package docsym

import (
	"strings"
	"testing"
)

// FuzzParseSymbol checks that Parse never panics, that every error is a
// *SyntaxError pointing inside the input, and that whatever it accepts formats
// to a canonical text that reads back as the same symbol.
func FuzzParseSymbol(f *testing.F) {
	for _, s := range []string{
		"147-KH/TU", "01-HD/BTGTU", "15-NQ/ThU", "12/2021/NQ-HĐND", "7328/UBND-TH",
		"61/2014/QH13", "01/2016/TTLT-BTC-BKHĐT", "09/NQ-TU", "123-QĐ/UBND",
		" 147 - kh / tu ", "37-Q\u00d0/TW", "30/2020/ND-CP", "147\u2013KH/TU", "45/TU", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		for _, parse := range []func(string) (Symbol, error){Parse, ParseLenient} {
			s, err := parse(in)
			if err != nil {
				se, ok := err.(*SyntaxError)
				if !ok {
					t.Fatalf("Parse(%q) error %T is not a *SyntaxError", in, err)
				}
				if se.Offset < 0 || se.Offset > len(in) || !strings.HasPrefix(in[se.Offset:], se.Found) {
					t.Fatalf("Parse(%q) error %q points outside the input", in, se)
				}
				continue
			}
			text := s.String()
			back, err := Parse(text)
			if err != nil || back != s {
				t.Fatalf("Parse(%q) = %+v, but its text %q reads back as %+v, %v", in, s, text, back, err)
			}
			if err := s.Validate(); err != nil {
				t.Fatalf("Parse(%q) = %+v does not validate: %v", in, s, err)
			}
		}
	})
}
