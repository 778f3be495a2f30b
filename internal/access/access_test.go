package access_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/clock/clocktest"
	"plenum/internal/db"
	"plenum/internal/db/dbtest"
	"plenum/internal/problem"
)

type fixture struct {
	db     *db.DB
	access *access.Store
	log    *audit.Log
	ctx    context.Context
	units  map[string]int64
}

func newFixture(t *testing.T) *fixture {
	d := dbtest.New(t)
	f := &fixture{db: d, log: audit.New(d, clocktest.New(t)), ctx: audit.WithActor(context.Background(), audit.Actor{Name: "test"}), units: map[string]int64{}}
	f.access = access.New(d, f.log)
	now := time.Now().UTC()
	for _, name := range []string{"old", "new", "other"} {
		var id int64
		if err := d.W(f.ctx).QueryRowContext(f.ctx, `INSERT INTO units (kind, level, valid_from, created_at, updated_at)
			VALUES ('department', 'province', '2020-01-01', $1, $1) RETURNING id`, now).Scan(&id); err != nil {
			t.Fatal(err)
		}
		f.units[name] = id
	}
	// "old" merged into "new".
	var ev int64
	if err := d.W(f.ctx).QueryRowContext(f.ctx, `INSERT INTO unit_events (kind, unit_id, effective, created_at) VALUES ('merge', $1, '2025-07-01', $2) RETURNING id`,
		f.units["new"], now).Scan(&ev); err != nil {
		t.Fatal(err)
	}
	if _, err := d.W(f.ctx).ExecContext(f.ctx, `INSERT INTO unit_successions (event_id, predecessor_id, successor_id) VALUES ($1, $2, $3)`,
		ev, f.units["old"], f.units["new"]); err != nil {
		t.Fatal(err)
	}
	if _, err := d.W(f.ctx).ExecContext(f.ctx, `CREATE TABLE test_records (id BIGINT PRIMARY KEY, class INTEGER NOT NULL, title TEXT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fixture) record(t *testing.T, id int64, class int, title string, grants ...access.Grant) {
	t.Helper()
	if _, err := f.db.W(f.ctx).ExecContext(f.ctx, `INSERT INTO test_records (id, class, title) VALUES ($1, $2, $3)`, id, class, title); err != nil {
		t.Fatal(err)
	}
	if err := f.db.Tx(f.ctx, func(ctx context.Context) error {
		return f.access.SetGrants(ctx, "test", id, class, grants)
	}); err != nil {
		t.Fatal(err)
	}
}

func (f *fixture) visible(t *testing.T, v access.Viewer) []string {
	t.Helper()
	var args db.Args
	rows, err := f.db.R(f.ctx).QueryContext(f.ctx, `SELECT title FROM test_records r WHERE `+v.Visible("test", "r", &args)+` ORDER BY id`, args...)
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

func TestVisibilityRule(t *testing.T) {
	f := newFixture(t)
	f.record(t, 1, 0, "public")
	f.record(t, 2, 1, "mat-for-office-role", access.Grant{Role: auth.RoleOffice})
	f.record(t, 3, 2, "toimat-for-old-unit", access.Grant{UnitID: f.units["old"]})
	f.record(t, 4, 3, "tuyetmat-for-leaders", access.Grant{Role: auth.RoleLeader})
	f.record(t, 5, 1, "mat-nobody")
	if _, err := f.db.W(f.ctx).ExecContext(f.ctx, `INSERT INTO users (id, username, display_name, password_hash, role, clearance,
		password_changed_at, created_at, updated_at) VALUES (9, 'nguoi9', 'Người 9', '-', 'reader', 1, $1, $1, $1)`, time.Now().UTC()); err != nil {
		t.Fatal(err)
	}
	f.record(t, 6, 1, "mat-for-user-9", access.Grant{UserID: 9})

	lineage := func(name string) []int64 {
		u := auth.User{ID: 50, Role: auth.RoleUnit, UnitID: f.units[name], Clearance: auth.ClassToiMat}
		v, err := f.access.Viewer(f.ctx, auth.Principal{User: u})
		if err != nil {
			t.Fatal(err)
		}
		return v.UnitIDs
	}
	tests := []struct {
		name string
		v    access.Viewer
		want string
	}{
		{"anonymous", access.Viewer{}, "public"},
		{"uncleared office", access.Viewer{UserID: 1, Role: auth.RoleOffice}, "public"},
		{"cleared office", access.Viewer{UserID: 1, Role: auth.RoleOffice, Clearance: auth.ClassMat}, "public mat-for-office-role"},
		{"another cleared office", access.Viewer{UserID: 4, Role: auth.RoleOffice, Clearance: auth.ClassMat}, "public mat-for-office-role"},
		{"cleared but no need to know", access.Viewer{UserID: 1, Role: auth.RoleReader, Clearance: auth.ClassTuyetMat}, "public"},
		{"named by a grant", access.Viewer{UserID: 9, Role: auth.RoleReader, Clearance: auth.ClassMat}, "public mat-for-user-9"},
		{"same role, not named", access.Viewer{UserID: 10, Role: auth.RoleReader, Clearance: auth.ClassMat}, "public"},
		{"member of the successor unit", access.Viewer{UserID: 2, Role: auth.RoleUnit, Clearance: auth.ClassToiMat, UnitIDs: lineage("new")}, "public toimat-for-old-unit"},
		{"member of the successor, too little clearance", access.Viewer{UserID: 2, Role: auth.RoleUnit, Clearance: auth.ClassMat, UnitIDs: lineage("new")}, "public"},
		{"member of another unit", access.Viewer{UserID: 2, Role: auth.RoleUnit, Clearance: auth.ClassToiMat, UnitIDs: lineage("other")}, "public"},
		{"leader, top clearance", access.Viewer{UserID: 3, Role: auth.RoleLeader, Clearance: auth.ClassTuyetMat}, "public tuyetmat-for-leaders"},
		{"system", access.System, "public mat-for-office-role toimat-for-old-unit tuyetmat-for-leaders mat-nobody mat-for-user-9"},
	}
	seenBy := map[string]string{}
	for _, tt := range tests {
		got := ""
		for i, s := range f.visible(t, tt.v) {
			if i > 0 {
				got += " "
			}
			got += s
		}
		if got != tt.want {
			t.Errorf("%s sees %q, want %q", tt.name, got, tt.want)
		}
		// Viewers sharing a key must see the same rows: figures are kept by it.
		key, err := f.access.Key(f.ctx, tt.v)
		if err != nil {
			t.Fatal(err)
		}
		if other, ok := seenBy[key]; ok && other != got {
			t.Errorf("%s has key %q and sees %q, another with that key sees %q", tt.name, key, got, other)
		}
		seenBy[key] = got
	}
	// Shared: the two uncleared viewers, and the two cleared office users
	// whom no grant names.
	if len(seenBy) != len(tests)-2 {
		t.Errorf("%d keys for %d viewers: %v", len(seenBy), len(tests), seenBy)
	}
}

func TestCheckAnswersNotFoundAndAuditsReads(t *testing.T) {
	f := newFixture(t)
	f.record(t, 2, 1, "mat", access.Grant{Role: auth.RoleOffice})
	office := access.Viewer{UserID: 1, Role: auth.RoleOffice, Clearance: auth.ClassMat}
	reader := access.Viewer{UserID: 2, Role: auth.RoleReader, Clearance: auth.ClassMat}
	if err := f.access.Check(f.ctx, office, "test", 2, 1); err != nil {
		t.Fatalf("office: %v", err)
	}
	if err := f.access.Check(f.ctx, reader, "test", 2, 1); err != problem.ErrNotFound {
		t.Fatalf("reader without need to know: %v", err)
	}
	if err := f.access.Check(f.ctx, reader, "test", 1, 0); err != nil {
		t.Fatalf("unclassified: %v", err)
	}
	reads, err := f.log.List(f.ctx, audit.Filter{Action: "read", Clearance: 3})
	if err != nil || len(reads) != 1 || reads[0].EntityID != "2" || reads[0].Class != 1 {
		t.Fatalf("audited reads: %+v %v", reads, err)
	}
}

func TestGrantValidationAndClassifying(t *testing.T) {
	f := newFixture(t)
	err := f.db.Tx(f.ctx, func(ctx context.Context) error {
		return f.access.SetGrants(ctx, "test", 9, 1, []access.Grant{{UnitID: 1, Role: auth.RoleOffice}})
	})
	if !problem.Is(err, problem.Invalid) {
		t.Fatalf("grant naming two things: %v", err)
	}
	p := auth.Principal{User: auth.User{ID: 1, Role: auth.RoleOffice, Clearance: auth.ClassMat}}
	if err := access.CheckClassify(p, 2, "class"); !problem.Is(err, problem.Invalid) {
		t.Fatalf("classify above own clearance: %v", err)
	}
	if err := access.CheckClassify(p, 1, "class"); err != nil {
		t.Fatal(err)
	}
	if err := access.CheckClassify(p, 7, "class"); !problem.Is(err, problem.Invalid) {
		t.Fatal("class 7 accepted")
	}
}

// Rows that point at records of several kinds (the audit log) are filtered
// by the kind and id in each row.
func TestVisibleRows(t *testing.T) {
	f := newFixture(t)
	f.record(t, 2, 1, "mat", access.Grant{Role: auth.RoleOffice})
	if _, err := f.db.W(f.ctx).ExecContext(f.ctx, `CREATE TABLE test_log (entity TEXT NOT NULL, entity_id TEXT NOT NULL, class INTEGER NOT NULL, note TEXT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	for _, row := range []struct {
		entity, id string
		class      int
		note       string
	}{{"test", "2", 1, "about the granted record"}, {"other", "2", 1, "same id, other kind"}, {"user", "an", 0, "plain"}} {
		if _, err := f.db.W(f.ctx).ExecContext(f.ctx, `INSERT INTO test_log VALUES ($1, $2, $3, $4)`, row.entity, row.id, row.class, row.note); err != nil {
			t.Fatal(err)
		}
	}
	office := access.Viewer{UserID: 1, Role: auth.RoleOffice, Clearance: auth.ClassMat}
	var args db.Args
	rows, err := f.db.R(f.ctx).QueryContext(f.ctx, `SELECT l.note FROM test_log l WHERE `+office.VisibleRows("l.entity", "l.class", "l.entity_id", &args)+` ORDER BY l.note`, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var s string
		rows.Scan(&s)
		got = append(got, s)
	}
	if strings.Join(got, "|") != "about the granted record|plain" {
		t.Fatalf("visible log rows: %q", got)
	}
}
