package db

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
)

// TestKeptStatements: queries outside a transaction on SQLite run as kept
// statements, at most stmtCacheSize of them; one let go while its rows are
// still being read keeps its rows; many goroutines share them; and a query
// in a transaction, nested in the rows of the same text, is unaffected.
func TestKeptStatements(t *testing.T) {
	ctx := context.Background()
	d, err := Open(ctx, filepath.Join(t.TempDir(), "kept.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if _, err := d.W(ctx).ExecContext(ctx, `CREATE TABLE n (v INTEGER)`); err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		if _, err := d.W(ctx).ExecContext(ctx, `INSERT INTO n (v) VALUES ($1)`, i); err != nil {
			t.Fatal(err)
		}
	}
	cache := d.readQ.(cachedPool).stmts
	// Rows of a statement that is let go meanwhile.
	rows, err := d.R(ctx).QueryContext(ctx, `SELECT v FROM n ORDER BY v`)
	if err != nil {
		t.Fatal(err)
	}
	for i := range stmtCacheSize + 10 {
		var v int
		if err := d.R(ctx).QueryRowContext(ctx, fmt.Sprintf(`SELECT v + %d FROM n WHERE v = $1`, i), 2).Scan(&v); err != nil || v != 2+i {
			t.Fatalf("query %d: %d %v", i, v, err)
		}
	}
	if n := cache.order.Len(); n != stmtCacheSize || len(cache.byText) != n {
		t.Errorf("%d statements kept (%d by text), want %d", n, len(cache.byText), stmtCacheSize)
	}
	sum := 0
	for rows.Next() {
		var v int
		rows.Scan(&v)
		sum += v
	}
	if err := rows.Close(); err != nil || sum != 10 {
		t.Errorf("the rows of a statement let go: sum %d, %v", sum, err)
	}
	// Side by side.
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for g := range 16 {
		wg.Go(func() {
			for i := range 50 {
				var v int
				q := fmt.Sprintf(`SELECT v * %d FROM n WHERE v = $1`, (g+i)%5)
				if err := d.R(ctx).QueryRowContext(ctx, q, 3).Scan(&v); err != nil || v != 3*((g+i)%5) {
					errs <- fmt.Errorf("%s: %d %v", q, v, err)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	// In a transaction, the same text nested in its own rows.
	err = d.Tx(ctx, func(ctx context.Context) error {
		q := `SELECT v FROM n WHERE v >= $1 ORDER BY v`
		outer, err := d.W(ctx).QueryContext(ctx, q, 3)
		if err != nil {
			return err
		}
		defer outer.Close()
		n := 0
		for outer.Next() {
			var v, w int
			outer.Scan(&v)
			if err := d.W(ctx).QueryRowContext(ctx, q, v).Scan(&w); err != nil || w != v {
				return fmt.Errorf("nested %d: %d %v", v, w, err)
			}
			n++
		}
		if n != 2 {
			return fmt.Errorf("%d outer rows", n)
		}
		return outer.Err()
	})
	if err != nil {
		t.Error(err)
	}
}
