package vn

import (
	"errors"
	"math"
	"math/bits"
	"strconv"
)

// Decimal is an exact decimal number, coef × 10^exp. Money in đồng outgrows
// float64's exact integers (2^53 ≈ 9 triệu tỷ) and the country's GDP, "10,2
// triệu tỷ đồng", outgrows int64; scale words only move the exponent, so a
// 19-digit coefficient with an exponent holds every figure a report prints
// exactly, without math/big's allocations.
//
// Decimals are kept normalised (no trailing zeros in coef, zero is {0, 0}),
// so == compares values. The zero Decimal is 0.
type Decimal struct {
	coef uint64
	exp  int32
	neg  bool
}

// maxDigits is the number of significant digits a Decimal holds: every
// 19-digit number fits in a uint64.
const maxDigits = 19

// maxExp bounds the exponent; |exp| ≤ 60 covers any amount and precision a
// document prints, and keeps String short.
const maxExp = 60

// NewDecimal returns coef × 10^exp. It panics if exp is outside ±60, which
// only a programming error produces.
func NewDecimal(coef int64, exp int) Decimal {
	if exp < -maxExp || exp > maxExp {
		panic("vn: NewDecimal exponent out of range")
	}
	neg := coef < 0
	u := uint64(coef)
	if neg {
		u = -u
	}
	return Decimal{coef: u, exp: int32(exp), neg: neg}.norm()
}

func (d Decimal) norm() Decimal {
	if d.coef == 0 {
		return Decimal{}
	}
	for d.coef%10 == 0 {
		d.coef /= 10
		d.exp++
	}
	return d
}

// shift returns d × 10^n, refusing exponents outside ±maxExp.
func (d Decimal) shift(n int) (Decimal, bool) {
	if d.coef == 0 {
		return d, true
	}
	e := int(d.exp) + n
	if e < -maxExp || e > maxExp {
		return Decimal{}, false
	}
	d.exp = int32(e)
	return d, true
}

// IsZero reports whether d is 0.
func (d Decimal) IsZero() bool { return d.coef == 0 }

// Sign returns -1, 0 or +1.
func (d Decimal) Sign() int {
	switch {
	case d.coef == 0:
		return 0
	case d.neg:
		return -1
	}
	return 1
}

// Neg returns -d.
func (d Decimal) Neg() Decimal {
	if d.coef != 0 {
		d.neg = !d.neg
	}
	return d
}

// digits returns the decimal digits of d's coefficient.
func (d Decimal) digits(buf *[20]byte) []byte {
	return strconv.AppendUint(buf[:0], d.coef, 10)
}

// Cmp compares d and e: -1 if d < e, 0 if equal, +1 if d > e.
func (d Decimal) Cmp(e Decimal) int {
	if ds, es := d.Sign(), e.Sign(); ds != es {
		if ds < es {
			return -1
		}
		return 1
	}
	c := cmpAbs(d, e)
	if d.neg {
		return -c
	}
	return c
}

// cmpAbs compares |d| and |e| by magnitude, then digit by digit.
func cmpAbs(d, e Decimal) int {
	if d.coef == 0 || e.coef == 0 {
		switch {
		case d.coef == e.coef:
			return 0
		case d.coef == 0:
			return -1
		}
		return 1
	}
	var bd, be [20]byte
	a, b := d.digits(&bd), e.digits(&be)
	// The magnitude is the position of the leading digit.
	ma, mb := len(a)+int(d.exp), len(b)+int(e.exp)
	if ma != mb {
		if ma < mb {
			return -1
		}
		return 1
	}
	for i := 0; i < len(a) || i < len(b); i++ {
		x, y := byte('0'), byte('0')
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}

// Int64 returns d as an int64 if it is an integer that fits.
func (d Decimal) Int64() (int64, bool) {
	if d.exp < 0 {
		return 0, false
	}
	v := d.coef
	for i := int32(0); i < d.exp; i++ {
		hi, lo := bits.Mul64(v, 10)
		if hi != 0 {
			return 0, false
		}
		v = lo
	}
	if d.neg {
		if v > 1<<63 {
			return 0, false
		}
		return -int64(v), true
	}
	if v > math.MaxInt64 {
		return 0, false
	}
	return int64(v), true
}

// Float64 returns the float64 nearest to d, for charts and statistics; use
// the Decimal itself for money.
func (d Decimal) Float64() float64 {
	var b [48]byte
	buf := strconv.AppendUint(b[:0], d.coef, 10)
	buf = append(buf, 'e')
	buf = strconv.AppendInt(buf, int64(d.exp), 10)
	f, _ := strconv.ParseFloat(string(buf), 64)
	if d.neg {
		return -f
	}
	return f
}

// String returns d in the machine form JSON and SQL use: "." as the
// decimal mark, no grouping, no exponent: "15000000000000", "3.42", "-0.5".
// FormatDecimal gives the Vietnamese form.
func (d Decimal) String() string {
	var b [2*maxExp + 24]byte
	return string(d.appendPlain(b[:0], '.', 0))
}

// appendPlain appends d with the decimal mark mark, and with group (if not 0)
// between groups of three integer digits.
func (d Decimal) appendPlain(b []byte, mark, group byte) []byte {
	if d.neg {
		b = append(b, '-')
	}
	var db [20]byte
	digits := d.digits(&db)
	var intPart, frac []byte
	zeros := 0 // zeros after the coefficient's digits in the integer part
	if d.exp >= 0 {
		intPart, zeros = digits, int(d.exp)
	} else if n := len(digits) + int(d.exp); n > 0 {
		intPart, frac = digits[:n], digits[n:]
	} else {
		intPart = []byte{'0'}
		frac = make([]byte, 0, -n+len(digits))
		for range -n {
			frac = append(frac, '0')
		}
		frac = append(frac, digits...)
	}
	total := len(intPart) + zeros
	for i := 0; i < total; i++ {
		if group != 0 && i > 0 && (total-i)%3 == 0 {
			b = append(b, group)
		}
		if i < len(intPart) {
			b = append(b, intPart[i])
		} else {
			b = append(b, '0')
		}
	}
	if len(frac) > 0 {
		b = append(b, mark)
		b = append(b, frac...)
	}
	return b
}

// MarshalJSON writes d as a JSON number with every digit: 15000000000000, 3.42.
func (d Decimal) MarshalJSON() ([]byte, error) {
	return d.appendPlain(nil, '.', 0), nil
}

// UnmarshalJSON reads a JSON number (or a string holding one) exactly.
func (d *Decimal) UnmarshalJSON(b []byte) error {
	s := string(b)
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = s[1 : len(s)-1]
	}
	v, err := parseMachine(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// parseMachine reads the machine form: [-]digits[.digits][e[+-]digits].
func parseMachine(s string) (Decimal, error) {
	bad := errors.New("vn: " + strconv.Quote(s) + " is not a decimal number")
	i, neg := 0, false
	if i < len(s) && s[i] == '-' {
		neg = true
		i++
	}
	var acc digitAcc
	start := i
	for ; i < len(s) && isDigit(s[i]); i++ {
		if !acc.add(s[i], false) {
			return Decimal{}, bad
		}
	}
	if i == start {
		return Decimal{}, bad
	}
	if i < len(s) && s[i] == '.' {
		i++
		fs := i
		for ; i < len(s) && isDigit(s[i]); i++ {
			if !acc.add(s[i], true) {
				return Decimal{}, bad
			}
		}
		if i == fs {
			return Decimal{}, bad
		}
	}
	exp := 0
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		e, err := strconv.Atoi(s[i+1:])
		if err != nil || e < -maxExp || e > maxExp {
			return Decimal{}, bad
		}
		exp, i = e, len(s)
	}
	if i != len(s) {
		return Decimal{}, bad
	}
	d, ok := acc.decimal(neg, exp)
	if !ok {
		return Decimal{}, bad
	}
	return d, nil
}

// digitAcc gathers the digits of a number as they are read, integer digits
// then fraction digits, keeping at most maxDigits significant ones exactly.
type digitAcc struct {
	coef     uint64
	sig      int // significant digits in coef
	zeros    int // zeros read but not yet multiplied into coef
	fracLen  int // fraction digits read, zeros included
	overflow bool
}

// add takes one digit; it reports false once the number has more
// significant digits than a Decimal holds.
func (a *digitAcc) add(c byte, frac bool) bool {
	if frac {
		a.fracLen++
	}
	if c == '0' {
		if a.sig > 0 {
			a.zeros++
		}
		return true
	}
	for ; a.zeros > 0; a.zeros-- {
		if a.sig >= maxDigits {
			a.overflow = true
			return false
		}
		a.coef *= 10
		a.sig++
	}
	if a.sig >= maxDigits {
		a.overflow = true
		return false
	}
	a.coef = a.coef*10 + uint64(c-'0')
	a.sig++
	return true
}

// decimal returns the number read, times 10^shift.
func (a *digitAcc) decimal(neg bool, shift int) (Decimal, bool) {
	if a.overflow {
		return Decimal{}, false
	}
	e := a.zeros - a.fracLen + shift
	if a.coef == 0 {
		return Decimal{}, true
	}
	if e < -maxExp || e > maxExp {
		return Decimal{}, false
	}
	return Decimal{coef: a.coef, exp: int32(e), neg: neg}.norm(), true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
