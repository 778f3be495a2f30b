package audit_test

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"plenum/internal/audit"
	"plenum/internal/clock/clocktest"
	"plenum/internal/db"
	"plenum/internal/db/dbtest"
)

type unit struct {
	Name string `json:"name"`
}

// fill appends n entries, each in its own transaction.
func fill(t *testing.T, d *db.DB, log *audit.Log, n int) {
	t.Helper()
	ctx := audit.WithActor(context.Background(), audit.Actor{UserID: 0, Name: "cli:tester", IP: "127.0.0.1"})
	for i := 1; i <= n; i++ {
		err := d.Tx(ctx, func(ctx context.Context) error {
			return log.Record(ctx, audit.Change{Action: "update", Entity: "unit", EntityID: i,
				Before: unit{fmt.Sprintf("Huyện ủy %d", i)}, After: unit{fmt.Sprintf("Thị ủy %d", i)}})
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestVerifyDetectsTampering(t *testing.T) {
	tests := []struct {
		name    string
		tamper  []string // SQL run directly against the database, in order
		wantSeq int64
		reason  string
	}{
		{"intact", nil, 0, ""},
		{"edited value", []string{`UPDATE audit_log SET after_json = '{"name":"Tỉnh ủy"}' WHERE seq = 3`}, 3, "edited"},
		{"edited actor", []string{`UPDATE audit_log SET actor = 'someone else' WHERE seq = 2`}, 2, "edited"},
		{"edited time", []string{`UPDATE audit_log SET at = '2020-01-01T00:00:00.000000Z' WHERE seq = 4`}, 4, "edited"},
		{"deleted middle", []string{`DELETE FROM audit_log WHERE seq = 3`}, 3, "missing"},
		{"deleted and renumbered", []string{`DELETE FROM audit_log WHERE seq = 3`,
			`UPDATE audit_log SET seq = 3 WHERE seq = 4`, `UPDATE audit_log SET seq = 4 WHERE seq = 5`}, 3, "does not follow"},
		{"deleted tail", []string{`DELETE FROM audit_log WHERE seq = 5`}, 5, "deleted from the end"},
		{"reordered", []string{`UPDATE audit_log SET seq = 100 WHERE seq = 2`,
			`UPDATE audit_log SET seq = 2 WHERE seq = 3`, `UPDATE audit_log SET seq = 3 WHERE seq = 100`}, 2, "does not follow"},
		{"inserted", []string{`UPDATE audit_log SET seq = 6 WHERE seq = 5`, `UPDATE audit_log SET seq = 5 WHERE seq = 4`,
			`UPDATE audit_log SET seq = 4 WHERE seq = 3`,
			`INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, class, prev_hash, hash)
			 SELECT 3, at, actor, action, entity, entity_id, class, hash, hash FROM audit_log WHERE seq = 2`}, 3, "edited"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			d := dbtest.New(t)
			log := audit.New(d, clocktest.New(t))
			fill(t, d, log, 5)
			for _, q := range tt.tamper {
				if _, err := d.Primary().ExecContext(ctx, q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			r, err := log.Verify(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantSeq == 0 {
				if !r.OK() || r.Entries != 5 || r.LastSeq != 5 || len(r.LastHash) != 64 {
					t.Fatalf("intact chain reported %+v %v", r, r.Problem)
				}
				return
			}
			if r.OK() {
				t.Fatalf("tampering not detected")
			}
			if r.Problem.Seq != tt.wantSeq || !strings.Contains(r.Problem.Reason, tt.reason) {
				t.Fatalf("problem = %v, want entry %d (%s)", r.Problem, tt.wantSeq, tt.reason)
			}
		})
	}
}

// Someone with write access recomputes every hash after an edit: only an
// anchor kept outside the database catches that.
func TestAnchorCatchesRewrittenChain(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	log := audit.New(d, clocktest.New(t))
	fill(t, d, log, 3)
	before, _ := log.Verify(ctx)

	// Rewrite: replace the whole log by a forged one of the same length.
	if _, err := d.Primary().ExecContext(ctx, `DELETE FROM audit_log`); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Primary().ExecContext(ctx, `UPDATE audit_head SET seq = 0, hash = ''`); err != nil {
		t.Fatal(err)
	}
	forged := audit.WithActor(ctx, audit.Actor{Name: "forger"})
	for i := 1; i <= 3; i++ {
		if err := d.Tx(forged, func(ctx context.Context) error {
			return log.Record(ctx, audit.Change{Action: "update", Entity: "unit", EntityID: i})
		}); err != nil {
			t.Fatal(err)
		}
	}
	if r, _ := log.Verify(ctx); !r.OK() {
		t.Fatalf("a consistent forgery verifies without an anchor, as expected; got %v", r.Problem)
	}
	r, err := log.Verify(ctx, audit.Anchor{Seq: before.LastSeq, Hash: before.LastHash})
	if err != nil {
		t.Fatal(err)
	}
	if r.OK() || r.Problem.Seq != 3 || !strings.Contains(r.Problem.Reason, "anchor") {
		t.Fatalf("anchor did not catch the rewrite: %+v", r.Problem)
	}
}

func TestRecordNeedsTransactionAndRollsBackWithIt(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	log := audit.New(d, clocktest.New(t))
	if err := log.Record(ctx, audit.Change{Action: "create", Entity: "unit", EntityID: 1}); !errors.Is(err, audit.ErrNoTx) {
		t.Fatalf("Record outside a transaction: %v", err)
	}
	boom := errors.New("change failed")
	err := d.Tx(ctx, func(ctx context.Context) error {
		if err := log.Record(ctx, audit.Change{Action: "create", Entity: "unit", EntityID: 1}); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatal(err)
	}
	r, _ := log.Verify(ctx)
	if r.Entries != 0 || !r.OK() {
		t.Fatalf("a rolled-back change left an audit entry: %+v", r)
	}
}

// The data version moves with each committed change and with nothing else:
// not a read, not a sign-in, not a change rolled back.
func TestDataVersionMovesWithChangesOnly(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	log := audit.New(d, clocktest.New(t))
	version := func() int64 {
		t.Helper()
		v, err := log.DataVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	record := func(c audit.Change, fail bool) {
		t.Helper()
		boom := errors.New("change failed")
		err := d.Tx(ctx, func(ctx context.Context) error {
			if err := log.Record(ctx, c); err != nil || fail {
				return cmp.Or(err, boom)
			}
			return nil
		})
		if err != nil && !(fail && errors.Is(err, boom)) {
			t.Fatal(err)
		}
	}
	v0 := version()
	for _, tc := range []struct {
		name  string
		c     audit.Change
		fail  bool
		moves bool
	}{
		{"create", audit.Change{Action: "create", Entity: "unit", EntityID: 1}, false, true},
		{"read", audit.Change{Action: "read", Entity: "document", EntityID: 7, Class: 2}, false, false},
		{"signin", audit.Change{Action: "signin", Entity: "user", EntityID: 3}, false, false},
		{"rolled back", audit.Change{Action: "update", Entity: "unit", EntityID: 1}, true, false},
		{"update", audit.Change{Action: "update", Entity: "unit", EntityID: 1}, false, true},
	} {
		record(tc.c, tc.fail)
		if v := version(); (v != v0) != tc.moves {
			t.Errorf("%s: version %d → %d, want moved %v", tc.name, v0, v, tc.moves)
		} else {
			v0 = v
		}
	}
	if r, err := log.Verify(ctx); err != nil || !r.OK() || r.Entries != 4 {
		t.Fatalf("chain after the changes: %+v %v", r, err)
	}
}

// Many writers at once (on PostgreSQL, truly concurrent transactions) must
// produce one unbroken chain with every entry in it.
func TestConcurrentWritersNeverForkTheChain(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	log := audit.New(d, clocktest.New(t))
	const writers, each = 8, 15
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := range writers {
		wg.Go(func() {
			ctx := audit.WithActor(ctx, audit.Actor{Name: fmt.Sprintf("instance-%d", w)})
			for i := range each {
				if err := d.Tx(ctx, func(ctx context.Context) error {
					return log.Record(ctx, audit.Change{Action: "update", Entity: "task", EntityID: w*100 + i})
				}); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	r, err := log.Verify(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !r.OK() || r.Entries != writers*each {
		t.Fatalf("chain after concurrent writes: %d entries, problem %v", r.Entries, r.Problem)
	}
}

func TestListFiltersAndHidesClassifiedEntries(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	log := audit.New(d, clocktest.New(t))
	add := func(actor string, entity string, class int) {
		ctx := audit.WithActor(ctx, audit.Actor{Name: actor})
		if err := d.Tx(ctx, func(ctx context.Context) error {
			return log.Record(ctx, audit.Change{Action: "create", Entity: entity, EntityID: 1, Class: class, After: map[string]string{"title": entity}})
		}); err != nil {
			t.Fatal(err)
		}
	}
	add("an", "unit", 0)
	add("binh", "person", 0)
	add("an", "document", 2)
	tests := []struct {
		f    audit.Filter
		want int
	}{
		{audit.Filter{}, 2},
		{audit.Filter{Clearance: 3}, 3},
		{audit.Filter{Actor: "an"}, 1},
		{audit.Filter{Actor: "an", Clearance: 2}, 2},
		{audit.Filter{Entity: "person"}, 1},
		{audit.Filter{Entity: "document"}, 0},
		{audit.Filter{Limit: 1, Clearance: 3}, 1},
	}
	for _, tt := range tests {
		got, err := log.List(ctx, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != tt.want {
			t.Errorf("List(%+v) = %d entries, want %d", tt.f, len(got), tt.want)
		}
	}
}

// Drift sums up the changes between two data versions: reads left out,
// the highest class, changes of who may see a record, and who made them.
func TestDrift(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	log := audit.New(d, clocktest.New(t))
	record := func(user int64, c audit.Change) int64 {
		t.Helper()
		err := d.Tx(audit.WithActor(ctx, audit.Actor{UserID: user, Name: "thử"}), func(ctx context.Context) error { return log.Record(ctx, c) })
		if err != nil {
			t.Fatal(err)
		}
		v, err := log.DataVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	v0 := record(0, audit.Change{Action: "create", Entity: "unit", EntityID: 1})
	v1 := record(7, audit.Change{Action: "update", Entity: "task", EntityID: 2})
	record(8, audit.Change{Action: "read", Entity: "task", EntityID: 3, Class: 2}) // an observation: not counted
	v2 := record(8, audit.Change{Action: "update", Entity: "task", EntityID: 3, Class: 2})
	v3 := record(9, audit.Change{Action: "set_access", Entity: "indicator", EntityID: 4})
	for _, c := range []struct {
		name     string
		from, to int64
		user     int64
		window   time.Duration
		want     audit.Drift
	}{
		{"none", v1, v1, 7, time.Minute, audit.Drift{Recent: true}},
		{"someone else's", v0, v1, 8, time.Minute, audit.Drift{Recent: true}},
		{"the user's own", v0, v1, 7, time.Minute, audit.Drift{Recent: true, ByUser: true}},
		{"a classified one", v1, v2, 7, time.Minute, audit.Drift{Recent: true, Class: 2}},
		{"grants", v2, v3, 7, time.Minute, audit.Drift{Recent: true, Access: true}},
		{"all", v0, v3, 9, time.Minute, audit.Drift{Recent: true, Class: 2, Access: true, ByUser: true}},
		{"older than the window", v0, v3, 9, -time.Second, audit.Drift{}},
	} {
		got, err := log.Drift(ctx, c.from, c.to, c.user, c.window)
		if err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
}
