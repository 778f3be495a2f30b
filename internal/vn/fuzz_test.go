package vn

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"plenum/internal/date"
)

// Fuzz targets: every parser and key function of the package must accept
// any input without panicking and keep its documented properties. Run one
// with, for example,
//
//	go test ./internal/vn -run '^$' -fuzz '^FuzzFold$' -fuzztime 20s

// textSeeds are sentences written for these tests in the style of the
// provincial portal, plus the awkward forms the package has to cope with.
var textSeeds = []string{
	"",
	"Uỷ ban nhân dân tỉnh Hoà Bình",
	"Ủy ban nhân dân tỉnh Hòa Bình",
	"HÐND tỉnh\u00a0khoá XII",
	"Chiều 18/02, Ban Thường vụ Tỉnh ủy họp",
	"Vie\u0323\u0302t Nam",
	"quý I/2021, 6 tháng đầu năm 2021",
	"Hội nghị lần thứ năm, nhiệm kỳ 2020–2025",
	"bad \xff\xfe utf-8",
	"Đả\u200dng \ufeff\u2028",
	"МОСКВА İ \u212b",
}

func FuzzNormalize(f *testing.F) {
	for _, s := range textSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if !utf8.ValidString(n) {
			t.Fatalf("Normalize(%q) = %q is not valid UTF-8", s, n)
		}
		if !norm.NFC.IsNormalString(n) {
			t.Fatalf("Normalize(%q) = %q is not NFC", s, n)
		}
		if again := Normalize(n); again != n {
			t.Fatalf("Normalize is not idempotent: %q → %q → %q", s, n, again)
		}
		if m := ModernTones(s); ModernTones(m) != m {
			t.Fatalf("ModernTones is not idempotent on %q", s)
		}
	})
}

func FuzzFold(f *testing.F) {
	for _, s := range textSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Fold(s)
		if !utf8.ValidString(k) {
			t.Fatalf("Fold(%q) = %q is not valid UTF-8", s, k)
		}
		if strings.HasPrefix(k, " ") || strings.HasSuffix(k, " ") || strings.Contains(k, "  ") {
			t.Fatalf("Fold(%q) = %q has stray spaces", s, k)
		}
		if again := Fold(k); again != k {
			t.Fatalf("Fold is not idempotent: %q → %q → %q", s, k, again)
		}
		if n := Fold(Normalize(s)); n != k {
			t.Fatalf("Fold(Normalize(%q)) = %q, Fold = %q", s, n, k)
		}
		if a := string(AppendFold([]byte("prefix"), s)); a != "prefix"+k {
			t.Fatalf("AppendFold(%q) = %q, Fold = %q", s, a, k)
		}
		key := Key(s)
		if Key(key) != key {
			t.Fatalf("Key is not idempotent on %q", s)
		}
		if fk := Fold(key); fk != k {
			t.Fatalf("Fold(Key(%q)) = %q, Fold = %q", s, fk, k)
		}
	})
}

// checkParseError fails unless err is nil or a *ParseError inside s.
func checkParseError(t *testing.T, s string, err error) {
	t.Helper()
	if err == nil {
		return
	}
	pe, ok := err.(*ParseError)
	if !ok {
		t.Fatalf("error for %q is %T, want *ParseError", s, err)
	}
	if pe.Pos < 0 || pe.Pos > len(s) || pe.Expected == "" {
		t.Fatalf("error for %q has a bad position or no expectation: %+v", s, pe)
	}
}

func FuzzParseRoman(f *testing.F) {
	for _, s := range []string{"XII", "xii", "IIII", "VX", "MMMCMXCIX", "MMMM", "", "Xii", "ıx"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseRoman(s)
		checkParseError(t, s, err)
		if err != nil {
			return
		}
		back, ferr := FormatRoman(n)
		if ferr != nil || back != strings.ToUpper(s) {
			t.Fatalf("ParseRoman(%q) = %d, but FormatRoman gives %q, %v", s, n, back, ferr)
		}
	})
}

func FuzzParseNumberWords(f *testing.F) {
	for _, s := range []string{"hai mươi mốt", "một trăm linh năm", "mười năm", "hai nghìn không trăm hai mươi",
		"chín trăm tỷ", "một trăm hai", "lẻ", "không"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNumberWords(s)
		checkParseError(t, s, err)
		if err != nil {
			return
		}
		if n < 0 || n > MaxNumberWords {
			t.Fatalf("ParseNumberWords(%q) = %d, out of range", s, n)
		}
		if back, err := ParseNumberWords(FormatNumberWords(n)); err != nil || back != n {
			t.Fatalf("ParseNumberWords(%q) = %d, which does not round-trip: %d, %v", s, n, back, err)
		}
	})
}

func FuzzParseOrdinal(f *testing.F) {
	for _, s := range append(textSeeds, "lần thứ tư", "thứ nhất", "khóa XII", "lần thứ 5", "thứ mười năm", "lần thứ") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseOrdinal(s)
		checkParseError(t, s, err)
		if err == nil && n < 1 {
			t.Fatalf("ParseOrdinal(%q) = %d", s, n)
		}
		last := 0
		for _, m := range FindOrdinals(s) {
			if m.Start < last || m.End <= m.Start || m.End > len(s) {
				t.Fatalf("FindOrdinals(%q): bad span %+v", s, m)
			}
			last = m.End
			if v, err := ParseOrdinal(s[m.Start:m.End]); err != nil || v != m.Value {
				t.Fatalf("FindOrdinals(%q) found %q = %d, ParseOrdinal gives %d, %v", s, s[m.Start:m.End], m.Value, v, err)
			}
		}
	})
}

var dateSeeds = []string{
	"18/3/2002", "ngày 14 tháng 01 năm 2022", "14-01-2022", "04.12.2020", "Chiều 18/02", "ngày 5/7",
	"tháng 3/2021", "quý I/2021", "quý IV năm 2021", "6 tháng đầu năm 2021", "9 tháng", "năm 2021",
	"nhiệm kỳ 2020 - 2025", "nhiệm kỳ 2020–2025", "giai đoạn 2021-2025", "29/02/2021", "2022-01-14",
	"3 tháng cuối năm", "12/2021/NQ-HĐND", "11/10/2021 - 20:06",
}

func FuzzParseDate(f *testing.F) {
	for _, s := range dateSeeds {
		f.Add(s, 2021, 10, 11)
	}
	f.Fuzz(func(t *testing.T, s string, y, m, d int) {
		ref, _ := date.New(y, time.Month(m), d) // the zero Date when invalid
		got, part, err := ParseDate(s, ref)
		checkParseError(t, s, err)
		if err != nil {
			return
		}
		if _, err := date.New(got.Year, got.Month, got.Day); err != nil {
			t.Fatalf("ParseDate(%q) = %v, not a date: %v", s, got, err)
		}
		if part > Night {
			t.Fatalf("ParseDate(%q) part %d", s, part)
		}
		if back, _, err := ParseDate(FormatLongDate(got), date.Date{}); err != nil || back != got {
			t.Fatalf("ParseDate(FormatLongDate(%v)) = %v, %v", got, back, err)
		}
		if tm, err := ParsePortalTime(s, nil); err == nil {
			if back, err := ParsePortalTime(FormatPortalTime(tm), nil); err != nil || !back.Equal(tm) {
				t.Fatalf("portal time %q does not round-trip: %v, %v", s, back, err)
			}
		}
	})
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range dateSeeds {
		f.Add(s, 2021, 10, 11)
	}
	f.Fuzz(func(t *testing.T, s string, y, m, d int) {
		ref, _ := date.New(y, time.Month(m), d)
		p, err := ParsePeriod(s, ref)
		checkParseError(t, s, err)
		if err == nil {
			checkPeriod(t, s, p)
		}
		last := 0
		for _, m := range FindPeriods(s, ref) {
			if m.Start < last || m.End <= m.Start || m.End > len(s) {
				t.Fatalf("FindPeriods(%q): bad span %+v", s, m)
			}
			last = m.End
			checkPeriod(t, s, m.Period)
			if p, err := ParsePeriod(s[m.Start:m.End], ref); err != nil || p != m.Period {
				t.Fatalf("FindPeriods(%q) found %q = %+v, ParsePeriod gives %+v, %v", s, s[m.Start:m.End], m.Period, p, err)
			}
		}
	})
}

// checkPeriod fails unless p is well formed and its label reads back as p.
func checkPeriod(t *testing.T, s string, p Period) {
	t.Helper()
	for _, d := range []date.Date{p.First, p.Last} {
		if _, err := date.New(d.Year, d.Month, d.Day); err != nil {
			t.Fatalf("period of %q has a bad date %v: %v", s, d, err)
		}
	}
	if p.Last.Before(p.First) {
		t.Fatalf("period of %q ends before it starts: %+v", s, p)
	}
	if back, err := ParsePeriod(p.Label(), date.Date{}); err != nil || back != p {
		t.Fatalf("label %q of %q reads back as %+v, %v; want %+v", p.Label(), s, back, err, p)
	}
}

func FuzzCompare(f *testing.F) {
	for i := 1; i < len(sortedWords); i++ {
		f.Add(sortedWords[i-1], sortedWords[i])
	}
	f.Add("Nguyễn Văn An", "Trần Thị Bình")
	f.Add("khóa 2", "khóa 000000000000000000000010")
	f.Add("x\u0301y", "\xff")
	f.Fuzz(func(t *testing.T, a, b string) {
		ka, kb := SortKey(a), SortKey(b)
		for _, k := range []string{ka, kb} {
			for i := 0; i < len(k); i++ {
				if k[i] <= '!' || k[i] > '~' {
					t.Fatalf("sort key %q has byte %#x", k, k[i])
				}
			}
		}
		c := Compare(a, b)
		if c != strings.Compare(ka, kb) {
			t.Fatalf("Compare(%q, %q) = %d, keys %q, %q compare %d", a, b, c, ka, kb, strings.Compare(ka, kb))
		}
		if Compare(b, a) != -c {
			t.Fatalf("Compare(%q, %q) is not antisymmetric", a, b)
		}
		if Compare(a, Normalize(a)) != 0 {
			t.Fatalf("Compare(%q, Normalize(%[1]q)) != 0", a)
		}
		na, nb := NameSortKey(a), NameSortKey(b)
		if cn := CompareNames(a, b); cn != strings.Compare(na, nb) {
			t.Fatalf("CompareNames(%q, %q) = %d, keys %q, %q", a, b, cn, na, nb)
		}
	})
}
