package db_test

import (
	"context"
	"errors"
	"flag"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/db/dbtest"
)

var update = flag.Bool("update", false, "rewrite testdata/schema.golden")

func TestMigrateIsIdempotentAndComplete(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	st, err := d.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Current != st.Latest || len(st.Pending) != 0 {
		t.Fatalf("after migrate: %+v", st)
	}
	again, err := d.Migrate(ctx)
	if err != nil || len(again) != 0 {
		t.Fatalf("second migrate applied %v, err %v", again, err)
	}
	if err := d.CheckSchema(ctx); err != nil {
		t.Fatal(err)
	}
}

// The same golden file is checked on both engines, so the two schemas have the
// same tables and columns. Full-text search is the one place where the
// engines differ by design, and is left out: the FTS5 table and its shadow
// tables on SQLite, the tsvector column on PostgreSQL (see 00005_search.sql).
func TestSchemaMatchesGolden(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	var q string
	switch d.Dialect {
	case db.SQLite:
		q = `SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
			WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE 'search_fts%'
			ORDER BY m.name, p.cid`
	case db.Postgres:
		q = `SELECT table_name, column_name FROM information_schema.columns
			WHERE table_schema = current_schema() AND column_name <> 'search_vector'
			ORDER BY table_name, ordinal_position`
	}
	rows, err := d.Primary().QueryContext(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	last := ""
	for rows.Next() {
		var table, col string
		if err := rows.Scan(&table, &col); err != nil {
			t.Fatal(err)
		}
		if table != last {
			if last != "" {
				b.WriteString("\n")
			}
			b.WriteString(table + ":")
			last = table
		}
		b.WriteString(" " + col)
	}
	b.WriteString("\n")
	got := b.String()
	if *update {
		if err := os.WriteFile("testdata/schema.golden", []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile("testdata/schema.golden")
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("schema on %s differs from testdata/schema.golden (run go test ./internal/db -run Golden -update on SQLite after changing a migration)\ngot:\n%s", d.Dialect, got)
	}
}

func TestRefusesForeignAndNewerDatabases(t *testing.T) {
	ctx := context.Background()

	t.Run("foreign", func(t *testing.T) {
		dsn := dbtest.EmptyUnmigrated(t)
		d, err := db.Open(ctx, dsn, db.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		if _, err := d.Primary().ExecContext(ctx, `CREATE TABLE invoices (id INTEGER PRIMARY KEY)`); err != nil {
			t.Fatal(err)
		}
		_, err = d.Migrate(ctx)
		if !errors.Is(err, db.ErrForeignDatabase) || !strings.Contains(err.Error(), "not a Plenum database") {
			t.Fatalf("Migrate on a foreign database: %v", err)
		}
		if err := d.CheckSchema(ctx); !errors.Is(err, db.ErrForeignDatabase) {
			t.Fatalf("CheckSchema on a foreign database: %v", err)
		}
	})

	t.Run("newer", func(t *testing.T) {
		d := dbtest.New(t)
		st, _ := d.Status(ctx)
		if _, err := d.Primary().ExecContext(ctx, `INSERT INTO plenum_schema (version, name, checksum, applied_at) VALUES ($1, 'future', 'x', 'now')`, st.Latest+1); err != nil {
			t.Fatal(err)
		}
		_, err := d.Migrate(ctx)
		if !errors.Is(err, db.ErrSchemaTooNew) || !strings.Contains(err.Error(), "newer than this plenum binary") {
			t.Fatalf("Migrate on a newer database: %v", err)
		}
		if err := d.CheckSchema(ctx); !errors.Is(err, db.ErrSchemaTooNew) {
			t.Fatalf("CheckSchema on a newer database: %v", err)
		}
	})

	t.Run("behind", func(t *testing.T) {
		dsn := dbtest.EmptyUnmigrated(t)
		d, err := db.Open(ctx, dsn, db.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		if err := d.CheckSchema(ctx); !errors.Is(err, db.ErrSchemaBehind) {
			t.Fatalf("CheckSchema on an empty database: %v", err)
		}
	})
}

func TestConcurrentMigrateFromSeveralInstances(t *testing.T) {
	ctx := context.Background()
	dsn := dbtest.EmptyUnmigrated(t)
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Go(func() {
			d, err := db.Open(ctx, dsn, db.Options{})
			if err != nil {
				errs <- err
				return
			}
			defer d.Close()
			_, err = d.Migrate(ctx)
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestTxCommitsRollsBackAndNests(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	count := func() int {
		var n int
		if err := d.R(ctx).QueryRowContext(ctx, `SELECT count(*) FROM number_sequences`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	insert := func(ctx context.Context, scope string) error {
		_, err := d.W(ctx).ExecContext(ctx, `INSERT INTO number_sequences (scope, last_number) VALUES ($1, 0)`, scope)
		return err
	}
	boom := errors.New("boom")
	err := d.Tx(ctx, func(ctx context.Context) error {
		if err := insert(ctx, "a"); err != nil {
			return err
		}
		return d.Tx(ctx, func(ctx context.Context) error { // joins the outer transaction
			if err := insert(ctx, "b"); err != nil {
				return err
			}
			return boom
		})
	})
	if !errors.Is(err, boom) || count() != 0 {
		t.Fatalf("rollback: err %v, rows %d", err, count())
	}
	func() {
		defer func() { recover() }()
		d.Tx(ctx, func(ctx context.Context) error {
			insert(ctx, "p")
			panic("handler bug")
		})
	}()
	if count() != 0 {
		t.Fatal("a panic left a row behind")
	}
	if err := d.Tx(ctx, func(ctx context.Context) error { return insert(ctx, "c") }); err != nil || count() != 1 {
		t.Fatalf("commit: err %v, rows %d", err, count())
	}
	err = d.Tx(ctx, func(ctx context.Context) error { return insert(ctx, "c") })
	if !db.IsUniqueViolation(err) {
		t.Fatalf("duplicate key: %v is not recognised as a unique violation", err)
	}
}

func TestTimestampsAndDatesRoundTrip(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	at := time.Date(2025, 7, 1, 8, 30, 15, 123456000, time.UTC)
	from := date.MustParse("2025-07-01")
	var id int64
	err := d.W(ctx).QueryRowContext(ctx, `INSERT INTO units (kind, level, valid_from, created_at, updated_at)
		VALUES ('department', 'province', $1, $2, $2) RETURNING id`, from, at).Scan(&id)
	if err != nil {
		t.Fatal(err)
	}
	var gotAt time.Time
	var gotFrom date.Date
	var gotTo date.Date
	err = d.R(ctx).QueryRowContext(ctx, `SELECT created_at, valid_from, valid_to FROM units WHERE id = $1`, id).Scan(&gotAt, &gotFrom, &gotTo)
	if err != nil {
		t.Fatal(err)
	}
	if !gotAt.Equal(at) || gotFrom != from || !gotTo.IsZero() {
		t.Fatalf("round trip: %v %v %v", gotAt, gotFrom, gotTo)
	}
	var n int
	if err := d.R(ctx).QueryRowContext(ctx, `SELECT count(*) FROM units WHERE valid_from <= $1 AND created_at < $2`,
		date.MustParse("2025-07-01"), at.Add(time.Microsecond)).Scan(&n); err != nil || n != 1 {
		t.Fatalf("comparison on dates and timestamps: n=%d err=%v", n, err)
	}
}

func TestOpenReportsUnreachableServer(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	_, err := db.Open(ctx, "postgres://nobody@127.0.0.1:1/none?sslmode=disable&connect_timeout=2", db.Options{})
	if err == nil || !strings.Contains(err.Error(), "cannot reach") || strings.Contains(err.Error(), "secret") {
		t.Fatalf("err = %v", err)
	}
	_, err = db.Open(ctx, "postgres://u:secret@127.0.0.1:1/none?sslmode=disable&connect_timeout=2", db.Options{})
	if err == nil || strings.Contains(err.Error(), "secret") {
		t.Fatalf("password leaked or no error: %v", err)
	}
}

func TestPostgresSessionSettings(t *testing.T) {
	if dbtest.Engine() != db.Postgres {
		t.Skip("PostgreSQL only")
	}
	ctx := context.Background()
	_, dsn := dbtest.NewWithDSN(t)
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	for _, c := range []struct {
		dsn, want string // want: jit, work_mem, plan_cache_mode
	}{
		{dsn, "off 16MB force_custom_plan"},
		{dsn + sep + "jit=on&work_mem=8MB", "on 8MB force_custom_plan"}, // the address decides
		{dsn + sep + "options=-c%20plan_cache_mode%3Dauto", "off 16MB auto"},
	} {
		d, err := db.Open(ctx, c.dsn, db.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var got string
		err = d.R(ctx).QueryRowContext(ctx, `SELECT concat_ws(' ', current_setting('jit'), current_setting('work_mem'),
			current_setting('plan_cache_mode'))`).Scan(&got)
		d.Close()
		if err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("%s: settings %q, want %q", c.dsn, got, c.want)
		}
	}
}

func TestOpenRefusesKeywordStrings(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, dsn := range []string{"host=127.0.0.1 dbname=plenum password=secret", " user = plenum password=secret"} {
		_, err := db.Open(context.Background(), dsn, db.Options{})
		if err == nil || !strings.Contains(err.Error(), "postgres://") || strings.Contains(err.Error(), "secret") {
			t.Errorf("%q: err = %v", dsn, err)
		}
	}
	if files, _ := os.ReadDir("."); len(files) != 0 {
		t.Errorf("files made: %v", files)
	}
	// A file whose name holds "=" is still a file.
	d, err := db.Open(context.Background(), "plenum=thu.db", db.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d.Close()
}
