package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os/user"
	"strings"

	"plenum/internal/app"
	"plenum/internal/audit"
	"plenum/internal/db"
)

// DefaultDB is the SQLite file used when no --db is given.
const DefaultDB = "./plenum.db"

// dbFlags are the storage flags every command that opens the database shares.
type dbFlags struct {
	dsn     string
	replica string
}

func (f *dbFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.dsn, "db", DefaultDB, "SQLite file path, or a postgres:// URL")
	fs.StringVar(&f.replica, "db-replica", "", "PostgreSQL URL of a read replica (optional)")
}

// open opens the database; with migrate it brings the schema up to date
// first, otherwise it refuses a schema that is not current.
func (f *dbFlags) open(ctx context.Context, log *slog.Logger, migrate bool) (*db.DB, error) {
	d, err := db.Open(ctx, f.dsn, db.Options{ReadReplica: f.replica})
	if err != nil {
		return nil, err
	}
	if migrate {
		applied, err := d.Migrate(ctx)
		if err != nil {
			d.Close()
			return nil, err
		}
		for _, m := range applied {
			log.Info("migration applied", "migration", m)
		}
	} else if err := d.CheckSchema(ctx); err != nil {
		d.Close()
		return nil, err
	}
	return d, nil
}

// newLogger returns a slog logger writing text or JSON to w.
func newLogger(w io.Writer, format, level string) (*slog.Logger, error) {
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(level)); err != nil {
		return nil, usageError{fmt.Sprintf("--log-level %q: use debug, info, warn or error", level)}
	}
	opts := &slog.HandlerOptions{Level: lv}
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, usageError{fmt.Sprintf("--log-format %q: use text or json", format)}
}

// cliContext marks changes made from the command line in the audit log.
func cliContext(ctx context.Context) context.Context {
	name := "cli"
	if u, err := user.Current(); err == nil {
		name = "cli:" + u.Username
	}
	return audit.WithActor(ctx, audit.Actor{Name: name, IP: "local"})
}

// openApp opens the database (migrated, for administration commands) and builds the stores.
func openApp(ctx context.Context, env *Env, f *dbFlags) (*app.App, error) {
	return openAppWith(ctx, env, f, app.Config{})
}

// openAppWith is openApp with the stores configured by cfg.
func openAppWith(ctx context.Context, env *Env, f *dbFlags, cfg app.Config) (*app.App, error) {
	log, _ := newLogger(env.Stderr, "text", "warn")
	d, err := f.open(ctx, log, true)
	if err != nil {
		return nil, err
	}
	cfg.Clock = env.Clock
	return app.New(d, log, cfg), nil
}

// oneOf formats the allowed values for an error message.
func oneOf[T ~string](xs []T) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = string(x)
	}
	return strings.Join(s, ", ")
}
