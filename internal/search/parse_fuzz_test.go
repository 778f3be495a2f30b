package search

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"plenum/internal/db"
	"plenum/internal/db/dbtest"
)

// FuzzParse checks that no query text can make the parser misbehave or
// write an engine query the engine refuses: every plan is run against the
// engine under test (SQLite while fuzzing).
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"ha noi", "Hà Nội", "nghi quyet 13", "147-KH/TU", "147/KH", "147 KH TU", "số 147", "12/2021/NQ-HĐND",
		`"ha noi"`, `"ha no`, "ha no", "ke hoach 2021", "2021", `"`, "*", "-", "NEAR", "'", "NEAR(a b)", "a OR b",
		"f_title:x", "{f_body}:x", `\`, "%", "ha:*", "'x':*A", "số", "1945 2100 9999", "09-CTr/TU", "147 - KH / TU",
		"“trích dẫn”", "x\u0301", "e\u0300\u0323", "\xff", "ǅ", "ß", "İ", "Ⅻ", "١٢٣", "北京", "🙂",
	} {
		f.Add(s)
	}
	d := dbtest.New(f)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, q string) {
		p := Parse(q)
		for _, pl := range p.Plans {
			if len(pl.Terms) > maxTerms {
				t.Fatalf("%q: %d terms", q, len(pl.Terms))
			}
			for _, tm := range pl.Terms {
				checkTerm(t, q, tm)
			}
			if len(pl.Terms) == 0 {
				continue
			}
			var args db.Args
			m := match(d.Dialect, pl.Terms, &args)
			hit := symbolHit(pl.Terms, &args)
			var n int
			q := `SELECT count(*), max(` + hit + `), max(` + m.titled + `) FROM ` + m.from + ` WHERE ` + m.cond
			if err := d.R(ctx).QueryRowContext(ctx, q, args...).Scan(&n, new(any), new(any)); err != nil {
				t.Fatalf("%q: plan %+v: the engine refused it: %v", q, pl, err)
			}
		}
		for _, tm := range p.Marks {
			checkTerm(t, q, tm)
		}
		if len(p.Substring) > 0 && !utf8.ValidString(p.Substring) {
			t.Fatalf("%q: substring %q is not UTF-8", q, p.Substring)
		}
	})
}

func checkTerm(t *testing.T, q string, tm term) {
	t.Helper()
	if len(tm.Words) == 0 || len(tm.Words) > maxPhrase {
		t.Fatalf("%q: term with %d words", q, len(tm.Words))
	}
	for _, w := range append(append([]string(nil), tm.Words...), tm.Symbol...) {
		if w == "" || len(w) > (maxCodes+2)*maxWord || strings.IndexFunc(w, func(r rune) bool { return !isWordRune(r) }) >= 0 {
			t.Fatalf("%q: bad word %q in %+v", q, w, tm)
		}
	}
}
