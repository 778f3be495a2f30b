// Package db opens Plenum's database — an embedded SQLite file by default, or
// PostgreSQL for a province or the country — runs its migrations, and carries
// transactions through a context so that a domain change and its audit entry
// commit together.
//
// SQL in Plenum is written once, with $1, $2 placeholders: modernc's SQLite
// driver binds them by number exactly as PostgreSQL does. The few statements
// that differ between the engines ask DB.Dialect.
package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib" // also registers the "pgx" driver
	"modernc.org/sqlite"
)

// Dialect names the SQL engine behind a DB.
type Dialect string

// The engines Plenum runs on.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// ErrNotFound is returned when a record asked for by key does not exist (or is
// not visible to the caller: the two are deliberately indistinguishable).
var ErrNotFound = errors.New("not found")

// Querier is what both *sql.DB and *sql.Tx offer.
type Querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// DB is Plenum's database: a write pool and a read pool over one engine.
type DB struct {
	Dialect Dialect
	write   *sql.DB
	read    *sql.DB
	// writeQ and readQ are where queries outside a transaction go: the
	// pools, or on SQLite the pools with their statements kept prepared.
	writeQ, readQ Querier
	path          string // SQLite file, for backups
	display       string // the DSN without password, for logs
}

// Options tune Open.
type Options struct {
	// ReadReplica is an optional PostgreSQL URL of a streaming replica for reads.
	ReadReplica string
	// MaxOpenConns caps each PostgreSQL pool (several instances × this must stay
	// under the server's max_connections). Zero means 20.
	MaxOpenConns int
}

// IsPostgresURL reports whether dsn names a PostgreSQL server rather than a file.
func IsPostgresURL(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// isKeywords reports whether dsn is a libpq keyword/value connection string
// ("host=… dbname=…") rather than a file name.
func isKeywords(dsn string) bool {
	k, _, ok := strings.Cut(strings.TrimSpace(dsn), "=")
	return ok && slices.Contains([]string{"host", "hostaddr", "port", "dbname", "user", "password", "passfile", "service",
		"sslmode", "connect_timeout", "application_name", "options"}, strings.TrimSpace(k))
}

// Open connects to dsn: a postgres:// URL or a path to a SQLite file (created
// if missing). It does not migrate; call Migrate or CheckSchema next.
func Open(ctx context.Context, dsn string, opt Options) (*DB, error) {
	if dsn == "" {
		return nil, errors.New("db: no database given")
	}
	if isKeywords(dsn) {
		// Not a file to create: it would be named after the password.
		return nil, errors.New(`db: a PostgreSQL "keyword=value" string was given; give the address as postgres://user:password@host/dbname`)
	}
	var d *DB
	var err error
	if IsPostgresURL(dsn) {
		d, err = openPostgres(dsn, opt)
	} else {
		d, err = openSQLite(dsn)
	}
	if err != nil {
		return nil, err
	}
	pingCtx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	if err := ping(pingCtx, d.write); err != nil {
		d.Close()
		return nil, fmt.Errorf("db: cannot reach %s: %w", d.display, err)
	}
	if d.read != d.write {
		if err := d.read.PingContext(pingCtx); err != nil {
			d.Close()
			return nil, fmt.Errorf("db: cannot reach read replica: %w", err)
		}
	}
	return d, nil
}

// SQLite is opened as PocketBase and Gitea do: busy_timeout first (so the other
// pragmas wait rather than fail), WAL so readers never block the writer,
// foreign keys on, and BEGIN IMMEDIATE so a write transaction takes the lock up
// front instead of failing with SQLITE_BUSY when it upgrades from a read. Writes
// go through a one-connection pool: SQLite has one writer anyway, and queueing
// in Go is kinder than spinning on the busy handler.
func openSQLite(path string) (*DB, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("db: cannot create directory for %s: %w", path, err)
		}
	}
	// Create the file readable by its owner only: it holds password hashes and
	// classified records. SQLite keeps the mode for its -wal and -shm files.
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("db: cannot open %s: %w", path, err)
	}
	f.Close()
	pragmas := "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)" +
		"&_pragma=foreign_keys(ON)&_pragma=temp_store(MEMORY)"
	base := "file:" + (&url.URL{Path: path}).EscapedPath()
	// Page caches: 16 MB for the writer, 4 MB for each of the eight
	// readers, so that an instance stays well under 200 MB however busy;
	// the operating system caches the file beneath them.
	write, err := sql.Open("sqlite", base+"?"+pragmas+"&_pragma=cache_size(-16000)&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("db: open %s: %w", path, err)
	}
	write.SetMaxOpenConns(1)
	write.SetConnMaxIdleTime(0)
	read, err := sql.Open("sqlite", base+"?"+pragmas+"&_pragma=cache_size(-4000)&_pragma=query_only(ON)")
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("db: open %s: %w", path, err)
	}
	// Readers keep their connections: a new one starts with a cold page
	// cache and parses the schema again (database/sql keeps only two idle).
	read.SetMaxOpenConns(8)
	read.SetMaxIdleConns(8)
	return &DB{Dialect: SQLite, write: write, read: read, path: path, display: path,
		writeQ: cachedPool{write, newStmtCache(write)}, readQ: cachedPool{read, newStmtCache(read)}}, nil
}

// sessionDefaults are settings of Plenum's PostgreSQL sessions, unless the
// address sets them. Its queries are many and short, but some scan a year
// of deadlines with dates whose selectivity the values decide:
//   - JIT compilation, which starts once an estimated cost passes
//     jit_above_cost (a year of the country's deadlines does), takes
//     100–200 ms, longer than the scan;
//   - the default 4 MB of work_mem counts such a year by a sort on disk
//     rather than a hash in memory (145 → 80 ms);
//   - a prepared statement's generic plan, estimated without the dates,
//     sorts where the value's plan hashes (150 → 110 ms); planning each
//     time costs about a millisecond.
var sessionDefaults = map[string]string{"jit": "off", "work_mem": "16MB", "plan_cache_mode": "force_custom_plan"}

func openPostgres(dsn string, opt Options) (*DB, error) {
	maxOpen := opt.MaxOpenConns
	if maxOpen == 0 {
		maxOpen = 20
	}
	open := func(dsn string) (*sql.DB, error) {
		cfg, err := pgx.ParseConfig(dsn)
		if err != nil {
			return nil, fmt.Errorf("db: open %s: %w", redact(dsn), err)
		}
		for k, v := range sessionDefaults {
			if _, set := cfg.RuntimeParams[k]; !set && !strings.Contains(cfg.RuntimeParams["options"], k) {
				cfg.RuntimeParams[k] = v
			}
		}
		p := stdlib.OpenDB(*cfg)
		p.SetMaxOpenConns(maxOpen)
		p.SetMaxIdleConns(maxOpen / 2)
		p.SetConnMaxLifetime(30 * time.Minute)
		return p, nil
	}
	write, err := open(dsn)
	if err != nil {
		return nil, err
	}
	read := write
	if opt.ReadReplica != "" {
		if read, err = open(opt.ReadReplica); err != nil {
			write.Close()
			return nil, err
		}
	}
	return &DB{Dialect: Postgres, write: write, read: read, display: redact(dsn), writeQ: write, readQ: read}, nil
}

// ping makes the first contact. Several processes opening a new SQLite file
// at once can see SQLITE_BUSY while one of them switches it to WAL: SQLite
// does not call the busy handler for that lock, so wait and try again.
func ping(ctx context.Context, p *sql.DB) error {
	for wait := 20 * time.Millisecond; ; wait *= 2 {
		err := p.PingContext(ctx)
		var se *sqlite.Error
		if err == nil || !errors.As(err, &se) || se.Code()&0xff != 5 { // SQLITE_BUSY and its extended codes
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(min(wait, time.Second)):
		}
	}
}

// redact removes the password from a URL for logs and errors.
func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres://…"
	}
	return u.Redacted()
}

// String names the database without secrets.
func (d *DB) String() string { return string(d.Dialect) + " " + d.display }

// Path returns the SQLite file, or "" on PostgreSQL.
func (d *DB) Path() string { return d.path }

// Close closes both pools.
func (d *DB) Close() error {
	for _, q := range []Querier{d.writeQ, d.readQ} {
		if p, ok := q.(cachedPool); ok {
			p.stmts.close()
		}
	}
	err := d.write.Close()
	if d.read != d.write {
		err = errors.Join(err, d.read.Close())
	}
	return err
}

// Ping checks that the primary answers; /readyz uses it.
func (d *DB) Ping(ctx context.Context) error { return d.write.PingContext(ctx) }

// Primary returns the write pool, for the few callers (backups, tests, tools)
// that need the raw handle.
func (d *DB) Primary() *sql.DB { return d.write }

type txKey struct{}

// Tx runs fn in a transaction carried by ctx. A nested call joins the outer
// transaction; the outermost one commits if fn returns nil and rolls back
// otherwise (also on panic), so a failed request leaves nothing half-written.
func (d *DB) Tx(ctx context.Context, fn func(ctx context.Context) error) (err error) {
	if _, ok := ctx.Value(txKey{}).(*sql.Tx); ok {
		return fn(ctx)
	}
	tx, err := d.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("db: begin: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			tx.Rollback()
			panic(p)
		}
		if err != nil {
			tx.Rollback()
		}
	}()
	if err = fn(context.WithValue(ctx, txKey{}, tx)); err != nil {
		return err
	}
	if err = tx.Commit(); err != nil {
		return fmt.Errorf("db: commit: %w", err)
	}
	return nil
}

// InTx reports whether ctx carries a transaction.
func InTx(ctx context.Context) bool {
	_, ok := ctx.Value(txKey{}).(*sql.Tx)
	return ok
}

// W returns where writes go: the transaction in ctx, else the primary.
func (d *DB) W(ctx context.Context) Querier {
	if tx, ok := ctx.Value(txKey{}).(*sql.Tx); ok {
		return tx
	}
	return d.writeQ
}

// R returns where reads go: the transaction in ctx (so a transaction sees its
// own writes), else the read pool (a replica on PostgreSQL, when configured).
func (d *DB) R(ctx context.Context) Querier {
	if tx, ok := ctx.Value(txKey{}).(*sql.Tx); ok {
		return tx
	}
	return d.readQ
}

// IsUniqueViolation reports whether err is a unique-constraint failure on either engine.
func IsUniqueViolation(err error) bool {
	if err == nil {
		return false
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		// SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555).
		return se.Code() == 2067 || se.Code() == 1555
	}
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23505"
}
