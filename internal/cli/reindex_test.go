package cli

import (
	"context"
	"strings"
	"testing"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/date"
	"plenum/internal/fixture"
	"plenum/internal/org"
	"plenum/internal/search"
)

func TestReindexRebuildsTheSearchIndex(t *testing.T) {
	f := fixture.New(t)
	a, d, dsn := f.App, f.App.DB, f.DSN
	ctx := audit.WithActor(context.Background(), audit.Actor{Name: "test"})
	if _, err := a.Org.Create(ctx, org.CreateInput{NewUnit: org.NewUnit{Kind: org.PartyCommittee, Level: org.Province,
		Name: "Tỉnh ủy Lạng Sơn"}, Act: org.Act{Effective: date.MustParse("2020-01-01")}}); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Primary().ExecContext(ctx, `DELETE FROM search_entries`); err != nil {
		t.Fatal(err)
	}
	found := func() int {
		r, err := a.Search.Search(ctx, access.System, search.Query{Text: "lang son"})
		if err != nil {
			t.Fatal(err)
		}
		return r.Total
	}
	if n := found(); n != 0 {
		t.Fatalf("index not emptied: %d", n)
	}
	env := map[string]string{"PLENUM_DB": dsn}
	code, out, errOut := runCLI(t, "", env, "reindex")
	if code != 0 || !strings.Contains(out, "unit: 1 entries") || !strings.Contains(out, "person: 0 entries") {
		t.Fatalf("reindex: %d %s %s", code, out, errOut)
	}
	if n := found(); n != 1 {
		t.Errorf("after reindex: %d hits, want 1", n)
	}
	if code, _, errOut := runCLI(t, "", env, "reindex", "--entity", "meeting_room"); code != 2 || !strings.Contains(errOut, "--entity") {
		t.Errorf("unknown entity: %d %s", code, errOut)
	}
}
