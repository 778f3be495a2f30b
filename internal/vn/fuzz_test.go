package vn

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
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
