package vn

import (
	"fmt"
	"strings"
)

// romanPlaces spells each decimal digit of thousands, hundreds, tens and
// units in canonical Roman numerals.
var romanPlaces = [4][10]string{
	{"", "M", "MM", "MMM"},
	{"", "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM"},
	{"", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"},
	{"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"},
}

// MaxRoman is the largest number written in standard Roman numerals.
const MaxRoman = 3999

// ParseRoman reads a Roman numeral in canonical form, 1 to 3999: "XII" is
// 12. The numeral is all upper case or all lower case ("xii"). Forms that
// are not canonical are refused with the position of the first digit that
// does not fit: "IIII", "VX", "IC", "XM".
func ParseRoman(s string) (int, error) {
	if s == "" {
		return 0, errAt(0, "a Roman numeral", "")
	}
	// Upper-case s byte by byte, so that offsets into it are offsets into s.
	upper := []byte(s)
	lower := 'a' <= s[0] && s[0] <= 'z'
	for i, c := range upper {
		if 'a' <= c && c <= 'z' {
			if !lower {
				return 0, errAt(i, "a Roman digit in upper case", s[i:])
			}
			upper[i] = c - 'a' + 'A'
		} else if lower && 'A' <= c && c <= 'Z' {
			return 0, errAt(i, "a Roman digit in lower case", s[i:])
		}
	}
	u := string(upper)
	n, i := 0, 0
	for _, digits := range romanPlaces {
		best := 0
		for d := range digits {
			if len(digits[d]) > len(digits[best]) && strings.HasPrefix(u[i:], digits[d]) {
				best = d
			}
		}
		n = n*10 + best
		i += len(digits[best])
	}
	if i < len(s) {
		expected := "the end of a canonical Roman numeral (1-3999)"
		if !strings.ContainsRune("IVXLCDM", rune(upper[i])) {
			expected = "a Roman digit (I, V, X, L, C, D, M)"
		}
		return 0, errAt(i, expected, s[i:])
	}
	return n, nil
}

// FormatRoman writes n, 1 to 3999, in upper-case Roman numerals: 12 is "XII".
func FormatRoman(n int) (string, error) {
	if n < 1 || n > MaxRoman {
		return "", fmt.Errorf("vn: %d cannot be written in Roman numerals (1-%d)", n, MaxRoman)
	}
	return romanPlaces[0][n/1000] + romanPlaces[1][n/100%10] + romanPlaces[2][n/10%10] + romanPlaces[3][n%10], nil
}
