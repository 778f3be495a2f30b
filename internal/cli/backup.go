package cli

import (
	"context"
	"fmt"

	"plenum/internal/audit"
	"plenum/internal/clock"
	"plenum/internal/db"
)

func backupCommand() *command {
	return &command{name: "backup", summary: "write a consistent copy of the database and check it", run: runBackup}
}

func runBackup(ctx context.Context, env *Env, args []string) error {
	fs := flagSet(env, "plenum backup", "[--db FILE|URL] [--out FILE]",
		"Copy the database while Plenum keeps running: SQLite with VACUUM INTO, PostgreSQL with pg_dump.\n"+
			"A SQLite copy is then opened and checked: integrity, schema, and the audit chain, whose anchor is printed.")
	var f dbFlags
	f.register(fs)
	out := fs.String("out", "", "backup file (default plenum-backup-YYYYMMDD-HHMMSS.db, or .dump on PostgreSQL)")
	if err := parse(fs, env, args); err != nil {
		return err
	}
	a, err := openApp(ctx, env, &f)
	if err != nil {
		return err
	}
	defer a.DB.Close()
	path := *out
	if path == "" {
		ext := ".db"
		if a.DB.Dialect == db.Postgres {
			ext = ".dump"
		}
		path = "plenum-backup-" + env.Clock.Now().In(clock.Vietnam).Format("20060102-150405") + ext
	}
	if err := a.DB.Backup(ctx, path, f.dsn); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "backup written to %s\n", path)
	if a.DB.Dialect != db.SQLite {
		return nil
	}
	copyDB, err := db.Open(ctx, path, db.Options{})
	if err != nil {
		return fmt.Errorf("backup check: %w", err)
	}
	defer copyDB.Close()
	var integrity string
	if err := copyDB.Primary().QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&integrity); err != nil || integrity != "ok" {
		return fmt.Errorf("backup check: integrity %q %v", integrity, err)
	}
	if err := copyDB.CheckSchema(ctx); err != nil {
		return fmt.Errorf("backup check: %w", err)
	}
	r, err := audit.New(copyDB, env.Clock).Verify(ctx)
	if err != nil {
		return fmt.Errorf("backup check: %w", err)
	}
	if !r.OK() {
		return fmt.Errorf("backup check: the audit log in the copy is not intact: %s", r.Problem)
	}
	fmt.Fprintf(env.Stdout, "backup checked: integrity ok, %d audit entries, anchor %d:%s\n", r.Entries, r.LastSeq, r.LastHash)
	return nil
}
