package cli

import (
	"context"
	"fmt"
	"strings"

	"plenum/internal/db"
)

func migrateCommand() *command {
	return &command{name: "migrate", summary: "bring the database schema up to date (or show its status)", run: runMigrate}
}

func runMigrate(ctx context.Context, env *Env, args []string) error {
	fs := flagSet(env, "plenum migrate", "[--db FILE|URL] [--status]", "Apply pending migrations. Safe to run while other instances start.")
	var f dbFlags
	f.register(fs)
	status := fs.Bool("status", false, "only show the schema version and pending migrations")
	if err := parse(fs, env, args); err != nil {
		return err
	}
	d, err := db.Open(ctx, f.dsn, db.Options{})
	if err != nil {
		return err
	}
	defer d.Close()
	if *status {
		st, err := d.Status(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "database: %s\nschema version: %d of %d\n", d, st.Current, st.Latest)
		if len(st.Pending) > 0 {
			fmt.Fprintf(env.Stdout, "pending: %s\n", strings.Join(st.Pending, ", "))
		}
		return nil
	}
	applied, err := d.Migrate(ctx)
	if err != nil {
		return err
	}
	if len(applied) == 0 {
		fmt.Fprintf(env.Stdout, "%s: schema is up to date\n", d)
	}
	for _, m := range applied {
		fmt.Fprintf(env.Stdout, "applied %s\n", m)
	}
	return nil
}
