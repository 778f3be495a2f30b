package cli

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"plenum/internal/search"
)

func reindexCommand() *command {
	return &command{name: "reindex", summary: "rebuild the search index from the records", run: runReindex}
}

func runReindex(ctx context.Context, env *Env, args []string) error {
	fs := flagSet(env, "plenum reindex", "[--db FILE|URL] [--entity KIND]",
		"Rebuild the search index from the records, one kind of record per transaction. The stores keep the index\n"+
			"up to date on every change; run this after restoring a database or upgrading plenum, and now and then to\n"+
			"refresh what depends on the date (a unit's name as of today). Safe while the server runs.")
	var f dbFlags
	f.register(fs)
	entity := fs.String("entity", "", "rebuild only this kind of record: "+strings.Join(search.Entities, ", "))
	if err := parse(fs, env, args); err != nil {
		return err
	}
	if *entity != "" && !slices.Contains(search.Entities, *entity) {
		return usageError{fmt.Sprintf("--entity %q: use one of %s", *entity, strings.Join(search.Entities, ", "))}
	}
	a, err := openApp(ctx, env, &f)
	if err != nil {
		return err
	}
	defer a.DB.Close()
	for _, src := range a.SearchSources() {
		if *entity != "" && src.Entity != *entity {
			continue
		}
		n, err := a.Search.Rebuild(cliContext(ctx), src)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "%s: %d entries\n", src.Entity, n)
	}
	return nil
}
