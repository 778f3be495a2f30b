package vn

import (
	"errors"
	"testing"
)

func TestParseRoman(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"I", 1}, {"IV", 4}, {"V", 5}, {"IX", 9}, {"X", 10}, {"XI", 11}, {"XII", 12},
		{"XIII", 13}, {"XIV", 14}, {"XIX", 19}, {"XL", 40}, {"XC", 90}, {"CD", 400},
		{"CM", 900}, {"MCMXLV", 1945}, {"MMXXII", 2022}, {"MMMCMXCIX", 3999},
		{"xii", 12}, {"xvii", 17},
	}
	for _, tt := range tests {
		got, err := ParseRoman(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseRoman(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
}

func TestParseRomanErrors(t *testing.T) {
	tests := []struct {
		in      string
		pos     int
		message string
	}{
		{"", 0, `vn: at byte 0: expected a Roman numeral, found end of text`},
		{"IIII", 3, `vn: at byte 3: expected the end of a canonical Roman numeral (1-3999), found "I"`},
		{"VX", 1, `vn: at byte 1: expected the end of a canonical Roman numeral (1-3999), found "X"`},
		{"IC", 1, `vn: at byte 1: expected the end of a canonical Roman numeral (1-3999), found "C"`},
		{"VV", 1, `vn: at byte 1: expected the end of a canonical Roman numeral (1-3999), found "V"`},
		{"XM", 1, `vn: at byte 1: expected the end of a canonical Roman numeral (1-3999), found "M"`},
		{"MMMM", 3, `vn: at byte 3: expected the end of a canonical Roman numeral (1-3999), found "M"`},
		{"IIX", 2, `vn: at byte 2: expected the end of a canonical Roman numeral (1-3999), found "X"`},
		{"XIIA", 3, `vn: at byte 3: expected a Roman digit (I, V, X, L, C, D, M), found "A"`},
		{"12", 0, `vn: at byte 0: expected a Roman digit (I, V, X, L, C, D, M), found "12"`},
		{"Xii", 1, `vn: at byte 1: expected a Roman digit in upper case, found "ii"`},
		{"xIi", 1, `vn: at byte 1: expected a Roman digit in lower case, found "Ii"`},
		{"XII ", 3, `vn: at byte 3: expected a Roman digit (I, V, X, L, C, D, M), found " "`},
		{"Ⅻ", 0, `vn: at byte 0: expected a Roman digit (I, V, X, L, C, D, M), found "Ⅻ"`},
	}
	for _, tt := range tests {
		_, err := ParseRoman(tt.in)
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Pos != tt.pos || err.Error() != tt.message {
			t.Errorf("ParseRoman(%q) error = %v; want %s", tt.in, err, tt.message)
		}
	}
}

func TestFormatRoman(t *testing.T) {
	for n := 1; n <= MaxRoman; n++ {
		s, err := FormatRoman(n)
		if err != nil {
			t.Fatalf("FormatRoman(%d): %v", n, err)
		}
		if back, err := ParseRoman(s); err != nil || back != n {
			t.Fatalf("ParseRoman(FormatRoman(%d) = %q) = %d, %v", n, s, back, err)
		}
	}
	for _, n := range []int{0, -1, 4000} {
		if s, err := FormatRoman(n); err == nil {
			t.Errorf("FormatRoman(%d) = %q, want an error", n, s)
		}
	}
	if s, _ := FormatRoman(12); s != "XII" {
		t.Errorf("FormatRoman(12) = %q, want XII", s)
	}
}
