package search

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"plenum/internal/clock/clocktest"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/db/dbtest"
)

func TestWordsAndSymbolTokens(t *testing.T) {
	words := []struct{ in, want string }{
		{"Hà Nội", "ha noi"},
		{"HÀ NỘI", "ha noi"},
		{"Đường", "duong"},
		{"Thuỷ  Thủy\tthuy", "thuy thuy thuy"},
		{"hoà hòa", "hoa hoa"},
		{"Nghị quyết số 13-NQ/TW", "nghi quyet so 13 nq tw"},
		{"GRDP ước đạt 3,42%; 1.600 đại biểu", "grdp uoc dat 3 42 1 600 dai bieu"},
		{`"*-NEAR'`, "near"},
		{strings.Repeat("a", maxWord+1) + " b", "b"},
	}
	for _, c := range words {
		if got := foldWords(c.in); got != c.want {
			t.Errorf("foldWords(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	symbols := []struct {
		in   string
		want []string
	}{
		{"147-KH/TU", []string{"147", "147kh", "147khtu"}},
		{"147 - kh / tu", []string{"147", "147kh", "147khtu"}},
		{"009-CTr/TU", []string{"9", "9ctr", "9ctrtu"}},
		{"01-HD/BTGTU", []string{"1", "1hd", "1hdbtgtu"}},
		{"12/2021/NQ-HĐND", []string{"12", "12nq", "12nqhdnd", "12y2021"}},
		{"12/2021/NQ-HDND", []string{"12", "12nq", "12nqhdnd", "12y2021"}},
		{"7328/UBND-TH", []string{"7328", "7328ubnd", "7328ubndth"}},
		{"61/2014/QH13", []string{"61", "61qh13", "61y2014"}},
		{"không số", nil},
		{"", nil},
	}
	for _, c := range symbols {
		if got := symbolTokens(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("symbolTokens(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestPutReplacesAndDeleteRemoves(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	ix := New(d, clocktest.New(t))
	e := Entry{Entity: EntityDocument, EntityID: 7, Class: 1, Title: "Kế hoạch  thực hiện\nKết luận", Symbol: "147-KH/TU",
		Body: "Triển khai ở Hà Nội", Kind: "plan", Issuer: "Tỉnh ủy", UnitID: 3, Year: 2021, Status: "issued",
		Date: date.MustParse("2021-03-04"), URL: "/documents/7"}
	if err := ix.Put(ctx, e); !errors.Is(err, ErrNoTx) {
		t.Fatalf("Put outside a transaction: %v, want ErrNoTx", err)
	}
	put := func(e Entry) error { return d.Tx(ctx, func(ctx context.Context) error { return ix.Put(ctx, e) }) }
	if err := put(e); err != nil {
		t.Fatal(err)
	}
	e.Title, e.Class = "Kế hoạch mới", 2
	if err := put(e); err != nil {
		t.Fatal(err)
	}
	var n, class int
	var title, fTitle, fSymbol string
	var day date.Date
	if err := d.Primary().QueryRowContext(ctx, `SELECT count(*), max(class), max(title), max(f_title), max(f_symbol), max(day)
		FROM search_entries`).Scan(&n, &class, &title, &fTitle, &fSymbol, &day); err != nil {
		t.Fatal(err)
	}
	if n != 1 || class != 2 || title != "Kế hoạch mới" || fTitle != "ke hoach moi 147 kh tu" || fSymbol != "147 147kh 147khtu" || day != e.Date {
		t.Errorf("after two puts: %d rows, class %d, title %q, f_title %q, f_symbol %q, day %s", n, class, title, fTitle, fSymbol, day)
	}
	if got := matchCount(t, d, "moi"); got != 1 {
		t.Errorf("full-text match of the new title: %d rows", got)
	}
	if got := matchCount(t, d, "thuc"); got != 0 {
		t.Errorf("full-text match of the old title: %d rows, want 0", got)
	}
	if err := d.Tx(ctx, func(ctx context.Context) error { return ix.Delete(ctx, EntityDocument, 7) }); err != nil {
		t.Fatal(err)
	}
	if got := matchCount(t, d, "moi"); got != 0 {
		t.Errorf("full-text match after delete: %d rows, want 0", got)
	}
}

// matchCount counts the rows whose folded title matches one word, through
// the engine's full-text index.
func matchCount(t *testing.T, d *db.DB, word string) int {
	t.Helper()
	q := `SELECT count(*) FROM search_fts WHERE search_fts MATCH $1`
	if d.Dialect == db.Postgres {
		q = `SELECT count(*) FROM search_entries WHERE search_vector @@ to_tsquery('simple', $1)`
	}
	var n int
	if err := d.Primary().QueryRowContext(context.Background(), q, word).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestPutRefusesBrokenEntries(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	ix := New(d, clocktest.New(t))
	good := Entry{Entity: EntityUnit, EntityID: 1, Title: "Tỉnh ủy", URL: "/org/units/1"}
	for name, change := range map[string]func(*Entry){
		"unknown entity": func(e *Entry) { e.Entity = "meeting_room" },
		"no id":          func(e *Entry) { e.EntityID = 0 },
		"class":          func(e *Entry) { e.Class = 4 },
		"no title":       func(e *Entry) { e.Title = " \n " },
		"absolute URL":   func(e *Entry) { e.URL = "https://example.com/x" },
		"scheme URL":     func(e *Entry) { e.URL = "javascript:alert(1)" },
		"protocol URL":   func(e *Entry) { e.URL = "//example.com" },
		"year":           func(e *Entry) { e.Year = -1 },
	} {
		e := good
		change(&e)
		err := d.Tx(ctx, func(ctx context.Context) error { return ix.Put(ctx, e) })
		if err == nil {
			t.Errorf("%s: Put accepted %+v", name, e)
		}
	}
	var n int
	if err := d.Primary().QueryRowContext(ctx, `SELECT count(*) FROM search_entries`).Scan(&n); err != nil || n != 0 {
		t.Errorf("refused entries left %d rows (%v)", n, err)
	}
}
