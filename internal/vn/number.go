package vn

import (
	"strconv"
	"unicode/utf8"
)

// How numbers are read: the "." and "," rules.
//
// Vietnamese writes "." between groups of three digits and "," as the
// decimal mark: "1.600", "3,42", "1.234.567,5", "294,350" (= 294,35). So:
//
//  1. "," followed by digits is the decimal mark, whatever number of digits
//     follows: "294,350 tỷ" is 294,35 tỷ, never 294 350.
//  2. "." must be followed by exactly three digits and then something that is
//     not a digit; the first group has one to three digits. "1.600" is 1600.
//  3. A second "," or a "." after the decimal part ("1,234,567", "1,5.3") is
//     an error: that is English grouping or a typing slip, and guessing which
//     would corrupt an amount.
//  4. "." followed by other than three digits ("1.5", "3.42") breaks rule 2.
//     ParseNumber refuses it: a person typing into a field is told to write
//     "1,5". In running text FindFigures reads it as a decimal point only
//     where a "%" or a scale or currency word follows ("3.42%", "1.5 triệu
//     USD"), since English-style marks do appear there; elsewhere such a run
//     ("4.12.2020", "mục 2.3") is not a figure.
//  5. "1.234" is one thousand two hundred and thirty-four, always: the
//     Vietnamese reading wins over the English one.

// maxNumberLen bounds the digits and marks of one number: room for the
// longest Decimal FormatDecimal writes (19 digits, 60 zeros and their
// marks), so that every formatted Decimal reads back.
const maxNumberLen = 2*maxExp + 32

// numToken is a number read from text.
type numToken struct {
	val     Decimal
	end     int  // byte after the number
	grouped bool // it had "." thousands groups
	frac    bool // it had a decimal part
	dotFrac bool // the decimal part was written with "." (rule 4, text only)
	intLen  int  // digits before any mark, for telling years
}

// readNumber reads the number whose first digit is s[i]. With dotDecimal it
// takes "1.5" as 1,5 and reports dotFrac (rule 4); the caller decides.
func readNumber(s string, i int, dotDecimal bool) (numToken, *ParseError) {
	var acc digitAcc
	t := numToken{}
	j := i
	for ; j < len(s) && isDigit(s[j]); j++ {
		acc.add(s[j], false)
	}
	t.intLen = j - i
	for j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
		k := j + 1
		for k < len(s) && isDigit(s[k]) {
			k++
		}
		if k-(j+1) == 3 {
			if t.intLen > 3 {
				return t, errAt(i, `at most three digits before the first "." ("." groups thousands: 1.600)`, s[i:j])
			}
			for p := j + 1; p < k; p++ {
				acc.add(s[p], false)
			}
			t.grouped = true
			j = k
			continue
		}
		if dotDecimal && !t.grouped {
			for p := j + 1; p < k; p++ {
				acc.add(s[p], true)
			}
			t.dotFrac, t.frac = true, true
			j = k
			break
		}
		return t, errAt(j+1, `three digits after "." ("." groups thousands; the decimal mark is ",": 1,5)`, s[j+1:k])
	}
	if !t.dotFrac && j+1 < len(s) && s[j] == ',' && isDigit(s[j+1]) {
		j++
		for ; j < len(s) && isDigit(s[j]); j++ {
			acc.add(s[j], true)
		}
		t.frac = true
	}
	if j+1 < len(s) && (s[j] == ',' || s[j] == '.') && isDigit(s[j+1]) {
		return t, errAt(j, `the end of the number after its decimal part ("," is the decimal mark and comes once)`, s[j:j+1])
	}
	if j-i > maxNumberLen {
		return t, errAt(i, "a number of at most "+strconv.Itoa(maxNumberLen)+" characters", s[i:j])
	}
	v, ok := acc.decimal(false, 0)
	if !ok {
		return t, errAt(i, "a number of at most "+strconv.Itoa(maxDigits)+" significant digits, below 10^"+strconv.Itoa(maxExp), s[i:j])
	}
	t.val, t.end = v, j
	return t, nil
}

// ParseNumber reads a number typed into a form field: "1.600", "1600",
// "3,42", "-2,5", "1.234.567,89". Spaces around it are ignored; anything
// else is refused with a *ParseError naming the byte, following the rules
// above ("1.5" is refused: write "1,5").
func ParseNumber(s string) (Decimal, error) {
	i := skipSpaces(s, 0)
	neg := false
	switch {
	case i < len(s) && (s[i] == '-' || s[i] == '+'):
		neg = s[i] == '-'
		i++
	case hasPrefixAt(s, i, "−"): // U+2212 MINUS SIGN
		neg = true
		i += len("−")
	}
	if i >= len(s) || !isDigit(s[i]) {
		return Decimal{}, errAt(i, "a number such as 1.600 or 3,42", foundNumberAt(s, i))
	}
	t, err := readNumber(s, i, false)
	if err != nil {
		return Decimal{}, err
	}
	if j := skipSpaces(s, t.end); j != len(s) {
		return Decimal{}, errAt(t.end, "the end of the number", foundNumberAt(s, t.end))
	}
	if neg {
		return t.val.Neg(), nil
	}
	return t.val, nil
}

// FormatNumber writes n the Vietnamese way: 1600 is "1.600".
func FormatNumber(n int64) string { return FormatDecimal(NewDecimal(n, 0)) }

// FormatDecimal writes d the Vietnamese way, exactly: "1.600", "3,42",
// "15.000.000.000.000", "-0,5".
func FormatDecimal(d Decimal) string {
	var b [2*maxExp + 48]byte
	return string(d.appendPlain(b[:0], ',', '.'))
}

// skipSpaces returns the index of the first byte at or after i that is not
// a space, tab, line break or no-break space.
func skipSpaces(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r':
			i++
		case hasPrefixAt(s, i, "\u00a0"):
			i += 2
		default:
			return i
		}
	}
	return i
}

func hasPrefixAt(s string, i int, p string) bool {
	return i <= len(s) && len(s)-i >= len(p) && s[i:i+len(p)] == p
}

// foundNumberAt returns the excerpt of s at i an error quotes: up to the
// next space.
func foundNumberAt(s string, i int) string {
	if i >= len(s) {
		return ""
	}
	j := i
	for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' {
		j++
	}
	if j == i {
		_, n := utf8.DecodeRuneInString(s[i:])
		j = i + n
	}
	return s[i:j]
}
