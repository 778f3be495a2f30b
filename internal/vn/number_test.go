package vn

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestParseNumber(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1.600", "1600"},
		{"1600", "1600"},
		{"3,42", "3.42"},
		{" 3,42 ", "3.42"},
		{"294,350", "294.35"},
		{"1.234.567,89", "1234567.89"},
		{"0,05", "0.05"},
		{"-2,5", "-2.5"},
		{"−2,5", "-2.5"},
		{"+7", "7"},
		{"0", "0"},
		{"000", "0"},
		{"10,5", "10.5"},
		{"15.000.000.000.000", "15000000000000"},
		{"9.999.999.999.999.999.999", "9999999999999999999"},
		{"100.000.000.000.000.000.000.000", "100000000000000000000000"},
	}
	for _, tt := range tests {
		got, err := ParseNumber(tt.in)
		if err != nil {
			t.Errorf("ParseNumber(%q) error: %v", tt.in, err)
			continue
		}
		if got.String() != tt.want {
			t.Errorf("ParseNumber(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestParseNumberRefuses(t *testing.T) {
	tests := []struct {
		in   string
		pos  int
		want string
	}{
		{"", 0, "expected a number"},
		{"abc", 0, `found "abc"`},
		{"1.5", 2, `expected three digits after "."`},
		{"3.42", 2, `the decimal mark is ","`},
		{"1.60", 2, `three digits after "."`},
		{"1.6000", 2, `three digits after "."`},
		{"1600.000", 0, `at most three digits before the first "."`},
		{"1,234,567", 5, `"," is the decimal mark and comes once`},
		{"1,5.3", 3, "the end of the number after its decimal part"},
		{"12a", 2, "the end of the number"},
		{"1 600", 1, "the end of the number"},
		{"1.600,", 5, "the end of the number"},
		{"12345678901234567891", 0, "at most 19 significant digits"},
		{"-", 1, "expected a number"},
	}
	for _, tt := range tests {
		_, err := ParseNumber(tt.in)
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("ParseNumber(%q) error = %v, want a *ParseError", tt.in, err)
			continue
		}
		if pe.Pos != tt.pos || !strings.Contains(pe.Error(), tt.want) {
			t.Errorf("ParseNumber(%q) = %q at %d, want at %d containing %q", tt.in, pe.Error(), pe.Pos, tt.pos, tt.want)
		}
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		d    Decimal
		want string
	}{
		{NewDecimal(1600, 0), "1.600"},
		{NewDecimal(342, -2), "3,42"},
		{NewDecimal(15, 12), "15.000.000.000.000"},
		{NewDecimal(-5, -1), "-0,5"},
		{NewDecimal(5, -3), "0,005"},
		{NewDecimal(999, 0), "999"},
		{NewDecimal(1234567891, -1), "123.456.789,1"},
		{Decimal{}, "0"},
	}
	for _, tt := range tests {
		if got := FormatDecimal(tt.d); got != tt.want {
			t.Errorf("FormatDecimal(%s) = %q, want %q", tt.d, got, tt.want)
		}
	}
	if got := FormatNumber(1600); got != "1.600" {
		t.Errorf("FormatNumber(1600) = %q", got)
	}
	if got := FormatNumber(-1234567); got != "-1.234.567" {
		t.Errorf("FormatNumber(-1234567) = %q", got)
	}
}

func TestDecimalArithmeticIsExact(t *testing.T) {
	// 15.000 nghìn tỷ đồng: 15000 × 10^12, beyond float64's exact integers.
	d, ok := NewDecimal(15000, 0).shift(12)
	if !ok || d.String() != "15000000000000000" {
		t.Fatalf("15.000 nghìn tỷ = %s", d)
	}
	if v, ok := d.Int64(); !ok || v != 15_000_000_000_000_000 {
		t.Errorf("Int64 = %d, %v", v, ok)
	}
	big, _ := NewDecimal(102, -1).shift(18) // 10,2 triệu tỷ đồng
	if _, ok := big.Int64(); ok {
		t.Error("10,2 triệu tỷ fits in an int64?")
	}
	if big.String() != "10200000000000000000" {
		t.Errorf("10,2 triệu tỷ = %s", big)
	}
	if f := NewDecimal(342, -2).Float64(); f != 3.42 {
		t.Errorf("Float64 = %v", f)
	}
	cmp := []struct {
		a, b Decimal
		want int
	}{
		{NewDecimal(1, 0), NewDecimal(10, -1), 0},
		{NewDecimal(105, -1), NewDecimal(10, 0), 1},
		{NewDecimal(-3, 0), NewDecimal(2, 0), -1},
		{NewDecimal(-3, 0), NewDecimal(-2, 0), -1},
		{NewDecimal(999, -3), NewDecimal(1, 0), -1},
		{NewDecimal(12, 0), NewDecimal(1199, -2), 1},
		{Decimal{}, NewDecimal(-1, -5), 1},
	}
	for _, c := range cmp {
		if got := c.a.Cmp(c.b); got != c.want {
			t.Errorf("Cmp(%s, %s) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
	if NewDecimal(1600, 0) != NewDecimal(16, 2) {
		t.Error("equal values are not ==")
	}
}

func TestDecimalJSON(t *testing.T) {
	for _, s := range []string{"15000000000000", "3.42", "-0.05", "0", "10200000000000000000"} {
		var d Decimal
		if err := json.Unmarshal([]byte(s), &d); err != nil {
			t.Errorf("Unmarshal(%s): %v", s, err)
			continue
		}
		b, _ := json.Marshal(d)
		if string(b) != s {
			t.Errorf("round trip of %s gives %s", s, b)
		}
	}
	var d Decimal
	for _, bad := range []string{`"1,5"`, `1.`, `.5`, `1e999`, `"abc"`} {
		if err := json.Unmarshal([]byte(bad), &d); err == nil {
			t.Errorf("Unmarshal(%s) accepted", bad)
		}
	}
}
