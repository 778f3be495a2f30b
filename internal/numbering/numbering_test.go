package numbering_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	"plenum/internal/audit"
	"plenum/internal/clock/clocktest"
	"plenum/internal/date"
	"plenum/internal/db/dbtest"
	"plenum/internal/docsym"
	"plenum/internal/numbering"
	"plenum/internal/problem"
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

func TestRulesPerIssuer(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	log := audit.New(d, clocktest.New(t))
	terms := []docsym.Term{{Start: date.MustParse("2020-10-15"), FirstYear: 2020, LastYear: 2025}}
	plan, _ := docsym.Parse("147-KH/TU")
	decision, _ := docsym.Parse("123/QĐ-UBND")
	tests := []struct {
		name string
		unit int64
		sym  docsym.Symbol
		day  string
		want string
	}{
		{"party: per kind and term", 7, plan, "2022-01-14", "u7:TU:KH:term:2020-2025"},
		{"another province's committee has its own sequence", 8, plan, "2022-01-14", "u8:TU:KH:term:2020-2025"},
		{"state: per year across kinds", 9, decision, "2022-03-01", "u9:UBND:year:2022"},
	}
	for _, tt := range tests {
		got, err := numbering.Scope(ctx, d, tt.unit, tt.sym, date.MustParse(tt.day), terms)
		if err != nil || got != tt.want {
			t.Errorf("%s: scope %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
	// An issuer that numbers per year instead.
	if err := numbering.SetRule(ctx, d, log, numbering.Issuer(7, plan), docsym.ScopeRule{Period: docsym.PerYear, PerKind: true}); err != nil {
		t.Fatal(err)
	}
	if got, _ := numbering.Scope(ctx, d, 7, plan, date.MustParse("2022-01-14"), terms); !strings.HasPrefix(got, "u7:TU:KH:year:2022") {
		t.Errorf("after setting a yearly rule: %q", got)
	}
	if err := numbering.SetRule(ctx, d, log, "", docsym.ScopeRule{}); !problem.Is(err, problem.Invalid) {
		t.Errorf("an empty rule was accepted: %v", err)
	}
	if _, err := numbering.Scope(ctx, d, 8, plan, date.MustParse("2019-01-01"), terms); !problem.Is(err, problem.Invalid) {
		t.Errorf("a day outside every term: %v", err)
	}
	if r, _ := log.Verify(ctx); r.Entries != 1 {
		t.Errorf("setting a rule is audited once, got %d entries", r.Entries)
	}
}
