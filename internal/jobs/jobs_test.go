package jobs_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"plenum/internal/clock"
	"plenum/internal/db/dbtest"
	"plenum/internal/jobs"
)

func TestLeases(t *testing.T) {
	d := dbtest.New(t)
	ctx := context.Background()
	m := clock.NewManual(time.Date(2025, 3, 1, 0, 5, 0, 0, time.UTC))
	advance := m.Advance
	a := jobs.New(d, "instance-a", nil, m.Clock())
	b := jobs.New(d, "instance-b", nil, m.Clock())
	runs := 0
	job := jobs.Job{Name: "tasks.status", Every: time.Minute, Run: func(context.Context) (string, error) { runs++; return "ok", nil }}

	if ran, err := a.RunOnce(ctx, job); err != nil || !ran {
		t.Fatalf("a takes the free lease: %v %v", ran, err)
	}
	if ran, err := b.RunOnce(ctx, job); err != nil || ran {
		t.Fatalf("b while a holds it: %v %v", ran, err)
	}
	if ran, _ := a.RunOnce(ctx, job); !ran {
		t.Fatal("a renews its own lease")
	}
	advance(10 * time.Minute) // a died: its lease (3 ticks + 1 minute) ran out
	if ran, _ := b.RunOnce(ctx, job); !ran {
		t.Fatal("b takes over an expired lease")
	}
	if ran, _ := a.RunOnce(ctx, job); ran {
		t.Fatal("a, back, must wait for b's lease")
	}
	if err := b.Release(ctx, job.Name); err != nil {
		t.Fatal(err)
	}
	if ran, _ := a.RunOnce(ctx, job); !ran {
		t.Fatal("a after b released")
	}
	if runs != 4 {
		t.Errorf("runs %d, want 4", runs)
	}
	failing := jobs.Job{Name: "mail", Every: time.Minute, Run: func(context.Context) (string, error) { return "", errors.New("smtp down") }}
	if _, err := a.RunOnce(ctx, failing); err == nil {
		t.Error("a failing run reports its error")
	}
	rs, err := a.Runs(ctx, "mail", 10)
	if err != nil || len(rs) != 1 || rs[0].OK || rs[0].Note != "smtp down" || rs[0].FinishedAt == nil {
		t.Errorf("recorded runs: %v %+v", err, rs)
	}
	// Many instances racing for a free lease: exactly one wins.
	advance(time.Hour)
	var wins int
	var wg sync.WaitGroup
	var wmu sync.Mutex
	for i := range 8 {
		r := jobs.New(d, "racer-"+string(rune('a'+i)), nil, m.Clock())
		wg.Add(1)
		go func() {
			defer wg.Done()
			ok, err := r.Acquire(ctx, "race", time.Minute)
			if err != nil {
				t.Error(err)
			}
			if ok {
				wmu.Lock()
				wins++
				wmu.Unlock()
			}
		}()
	}
	wg.Wait()
	if wins != 1 {
		t.Errorf("%d instances won the same lease", wins)
	}
}
