package db_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"plenum/internal/db"
	"plenum/internal/db/dbtest"
	"plenum/internal/vn"
)

// Sort keys stored in a {{key}} column give Vietnamese order with a plain
// ORDER BY on both engines: the same order as vn.Compare and vn.CompareNames.
func TestSortKeysOrderTheSameOnBothEngines(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	words := []string{"Đào", "Anh", "Ánh", "Ấn", "Bình", "Dương", "Zô", "ăn", "âm", "Ân", "khóa 10", "Khóa 2", "Hòa", "hoà", "Hỏa",
		"Ủy ban", "uỷ ban", "Uy ban", "Ư", "ơn", "Ôn", "Đ", "d", "Nguyễn Văn An", "Trần Thị Ánh", "Lê Văn Bình", "Lê Bình", "HĐND", "HÐND", "ĐẶNG"}
	names := []string{"Nguyễn Văn An", "Trần Thị Ánh", "Lê Văn Bình", "Đỗ Thị Bình", "Phạm Anh", "Hoàng Đức", "Nguyễn Văn Dũng", "Vũ Thị Ân"}
	q := d.W(ctx)
	if _, err := q.ExecContext(ctx, `CREATE TABLE collation_test (s TEXT NOT NULL, k `+keyType(d.Dialect)+` NOT NULL, name BOOLEAN NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	for _, w := range words {
		if _, err := q.ExecContext(ctx, `INSERT INTO collation_test (s, k, name) VALUES ($1, $2, FALSE)`, w, vn.SortKey(w)); err != nil {
			t.Fatal(err)
		}
	}
	for _, n := range names {
		if _, err := q.ExecContext(ctx, `INSERT INTO collation_test (s, k, name) VALUES ($1, $2, TRUE)`, n, vn.NameSortKey(n)); err != nil {
			t.Fatal(err)
		}
	}
	read := func(name bool) []string {
		rows, err := d.R(ctx).QueryContext(ctx, `SELECT s FROM collation_test WHERE name = $1 ORDER BY k, s`, name)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var s string
			rows.Scan(&s)
			out = append(out, s)
		}
		return out
	}
	wantWords := slices.Clone(words)
	slices.SortStableFunc(wantWords, func(a, b string) int {
		if c := vn.Compare(a, b); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	if got := read(false); !slices.Equal(got, wantWords) {
		t.Errorf("ORDER BY sort key on %s:\n got %q\nwant %q", d.Dialect, got, wantWords)
	}
	wantNames := slices.Clone(names)
	slices.SortStableFunc(wantNames, vn.CompareNames)
	if got := read(true); !slices.Equal(got, wantNames) {
		t.Errorf("ORDER BY name sort key on %s:\n got %q\nwant %q", d.Dialect, got, wantNames)
	}
}

func keyType(d db.Dialect) string {
	if d == db.Postgres {
		return `TEXT COLLATE "C"`
	}
	return "TEXT"
}
