// Package dbtest gives each test a fresh, migrated Plenum database on the engine
// under test: SQLite in a temporary directory by default, or PostgreSQL when
// PLENUM_TEST_DATABASE_URL names a server (the README's test command sets it
// for the second pass of the suite). On either engine each test gets its own
// database cloned from one migrated template, which takes a few milliseconds
// instead of migrating again (on SQLite a copy of the template's file: 9 ms
// against 89 ms to migrate afresh).
package dbtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"plenum/internal/db"
)

// EnvURL is the variable that switches the suite to PostgreSQL.
const EnvURL = "PLENUM_TEST_DATABASE_URL"

// EnvKeep, when set, leaves each test's PostgreSQL database in place: for
// a cluster that is thrown away after the run (scripts/test's), where
// dropping them one by one is wasted work.
const EnvKeep = "PLENUM_TEST_KEEP_DATABASES"

// Engine returns the engine the suite runs on.
func Engine() db.Dialect {
	if os.Getenv(EnvURL) != "" {
		return db.Postgres
	}
	return db.SQLite
}

// New returns a migrated, empty database that is closed and dropped when the test ends.
func New(t testing.TB) *db.DB {
	t.Helper()
	d, _ := NewWithDSN(t)
	return d
}

// NewWithDSN is New that also returns the connection string, for tests that
// start the plenum command or a second instance on the same database.
func NewWithDSN(t testing.TB) (*db.DB, string) {
	t.Helper()
	dsn := Migrated(t)
	d, err := db.Open(context.Background(), dsn, db.Options{MaxOpenConns: 8})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d, dsn
}

// Migrated returns the connection string of a migrated database of its own
// for this test, cloned from the template.
func Migrated(t testing.TB) string {
	t.Helper()
	if Engine() == db.SQLite {
		return cloneSQLite(t)
	}
	return clonePostgres(t, true)
}

// sqliteTemplate is the migrated SQLite file every test's database is a
// copy of, made once per test binary.
var sqliteTemplate = sync.OnceValues(func() ([]byte, error) {
	dir, err := os.MkdirTemp("", "plenum-template-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "template.db")
	d, err := db.Open(context.Background(), path, db.Options{})
	if err != nil {
		return nil, err
	}
	if _, err := d.Migrate(context.Background()); err != nil {
		d.Close()
		return nil, err
	}
	// Closing the last connection checkpoints the WAL into the file, so
	// that the file alone is the whole database.
	if err := d.Close(); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
})

func cloneSQLite(t testing.TB) string {
	b, err := sqliteTemplate()
	if err != nil {
		t.Fatalf("dbtest: the migrated template: %v", err)
	}
	path := filepath.Join(t.TempDir(), "plenum.db")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// EmptyUnmigrated returns a database with no tables at all on either engine.
func EmptyUnmigrated(t testing.TB) string {
	t.Helper()
	if Engine() == db.SQLite {
		return filepath.Join(t.TempDir(), "plenum.db")
	}
	return clonePostgres(t, false)
}

func clonePostgres(t testing.TB, migrated bool) string {
	ctx := context.Background()
	admin, err := sql.Open("pgx", os.Getenv(EnvURL))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := "plenum_t_" + randomHex(8)
	create := "CREATE DATABASE " + name
	if migrated {
		create += " TEMPLATE " + ensureTemplate(t, admin)
	}
	if _, err := admin.ExecContext(ctx, create); err != nil {
		t.Fatalf("dbtest: %s: %v", create, err)
	}
	if os.Getenv(EnvKeep) != "" {
		return withDatabase(t, name)
	}
	t.Cleanup(func() {
		a, err := sql.Open("pgx", os.Getenv(EnvURL))
		if err != nil {
			return
		}
		defer a.Close()
		a.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	})
	return withDatabase(t, name)
}

// pgTemplate is the name of the template this test binary clones from, once
// ensureTemplate has found or made it.
var pgTemplate struct {
	sync.Mutex
	name string
}

// ensureTemplate creates, once per set of migrations and across the parallel
// test binaries of one run, a migrated database to clone from.
func ensureTemplate(t testing.TB, admin *sql.DB) string {
	pgTemplate.Lock()
	defer pgTemplate.Unlock()
	if pgTemplate.name != "" {
		return pgTemplate.name
	}
	name := makeTemplate(t, admin)
	pgTemplate.name = name
	return name
}

func makeTemplate(t testing.TB, admin *sql.DB) string {
	ctx := context.Background()
	d, err := db.Open(ctx, os.Getenv(EnvURL), db.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fingerprint, err := d.MigrationsFingerprint()
	d.Close()
	if err != nil {
		t.Fatal(err)
	}
	h := fnv.New64a()
	h.Write([]byte(fingerprint))
	name := fmt.Sprintf("plenum_tmpl_%x", h.Sum64())
	conn, err := admin.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(7310)`); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx, `SELECT pg_advisory_unlock(7310)`)
	var n int
	if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM pg_database WHERE datname = $1`, name).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n > 0 {
		return name
	}
	building := name + "_new"
	conn.ExecContext(ctx, "DROP DATABASE IF EXISTS "+building+" WITH (FORCE)")
	if _, err := conn.ExecContext(ctx, "CREATE DATABASE "+building); err != nil {
		t.Fatal(err)
	}
	td, err := db.Open(ctx, withDatabase(t, building), db.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = td.Migrate(ctx)
	td.Close()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, "ALTER DATABASE "+building+" RENAME TO "+name); err != nil {
		t.Fatal(err)
	}
	return name
}

func withDatabase(t testing.TB, name string) string {
	u, err := url.Parse(os.Getenv(EnvURL))
	if err != nil {
		t.Fatalf("dbtest: %s is not a URL: %v", EnvURL, err)
	}
	u.Path = "/" + name
	return u.String()
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}
