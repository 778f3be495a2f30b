package db

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
)

// Backup writes a consistent copy of the database to path, which must not
// exist. SQLite copies itself with VACUUM INTO (an online snapshot that does
// not stop writers for long); PostgreSQL is dumped with pg_dump in custom
// format, which must be installed (it comes with the server's client tools).
func (d *DB) Backup(ctx context.Context, path, pgURL string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("db: backup: %s already exists; choose another name", path)
	}
	switch d.Dialect {
	case SQLite:
		if _, err := d.write.ExecContext(ctx, `VACUUM INTO $1`, path); err != nil {
			os.Remove(path)
			return fmt.Errorf("db: backup to %s: %w", path, err)
		}
		return os.Chmod(path, 0o600)
	case Postgres:
		bin, err := exec.LookPath("pg_dump")
		if err != nil {
			return errors.New("db: backup of PostgreSQL needs pg_dump on the PATH (Debian package postgresql-client)")
		}
		cmd := exec.CommandContext(ctx, bin, "--format=custom", "--no-owner", "--file="+path, "--dbname="+pgURL)
		if out, err := cmd.CombinedOutput(); err != nil {
			os.Remove(path)
			return fmt.Errorf("db: pg_dump: %v: %s", err, out)
		}
		return os.Chmod(path, 0o600)
	}
	return fmt.Errorf("db: backup: unknown engine %s", d.Dialect)
}
