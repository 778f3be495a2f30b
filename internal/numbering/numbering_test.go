package numbering_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"

	"plenum/internal/date"
	"plenum/internal/db/dbtest"
	"plenum/internal/docsym"
	"plenum/internal/numbering"
)

// Many goroutines issue numbers in one scope at once, some of their
// transactions failing after the number was issued: the committed numbers
// are exactly 1…N, no gap and no duplicate, on both engines.
func TestConcurrentIssueHasNoGapsOrDuplicates(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	sym, err := docsym.Parse("147-KH/TU")
	if err != nil {
		t.Fatal(err)
	}
	terms := []docsym.Term{{Start: date.MustParse("2020-10-15"), FirstYear: 2020, LastYear: 2025}}
	scope, err := docsym.DefaultRule(sym).Key(sym, date.MustParse("2022-01-14"), terms)
	if err != nil {
		t.Fatal(err)
	}
	const workers, each = 8, 20
	var (
		mu        sync.Mutex
		committed []int64
		wg        sync.WaitGroup
		errs      = make(chan error, workers)
		failed    = errors.New("document failed to save")
	)
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				var n int64
				err := d.Tx(ctx, func(ctx context.Context) error {
					var err error
					if n, err = numbering.Next(ctx, d, scope); err != nil {
						return err
					}
					if (w+i)%5 == 0 {
						return failed // the number must come back
					}
					return nil
				})
				switch {
				case errors.Is(err, failed):
				case err != nil:
					errs <- err
					return
				default:
					mu.Lock()
					committed = append(committed, n)
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	slices.Sort(committed)
	for i, n := range committed {
		if n != int64(i+1) {
			t.Fatalf("committed numbers are not 1…%d without gaps: %v", len(committed), committed)
		}
	}
	if next, _ := numbering.Peek(ctx, d, scope); next != int64(len(committed)+1) {
		t.Fatalf("Peek = %d after %d numbers", next, len(committed))
	}
	// Another scope has its own sequence.
	d.Tx(ctx, func(ctx context.Context) error {
		n, err := numbering.Next(ctx, d, scope+"-other")
		if err != nil || n != 1 {
			t.Errorf("other scope starts at %d (%v)", n, err)
		}
		return nil
	})
}

func TestObserveAndNoTransaction(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	if _, err := numbering.Next(ctx, d, "UBND:year:2022"); !errors.Is(err, numbering.ErrNoTx) {
		t.Fatalf("Next outside a transaction: %v", err)
	}
	tests := []struct {
		observe int64
		want    int64
	}{{5, 6}, {3, 6}, {10, 11}}
	for _, tt := range tests {
		if err := numbering.Observe(ctx, d, "UBND:year:2022", tt.observe); err != nil {
			t.Fatal(err)
		}
		var got int64
		rollback := errors.New("only looking")
		err := d.Tx(ctx, func(ctx context.Context) error {
			var err error
			if got, err = numbering.Next(ctx, d, "UBND:year:2022"); err != nil {
				return err
			}
			return rollback
		})
		if !errors.Is(err, rollback) {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("after observing %d, next is %d, want %d", tt.observe, got, tt.want)
		}
	}
}
