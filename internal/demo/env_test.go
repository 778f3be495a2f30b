package demo_test

import (
	"context"
	"testing"

	"plenum/internal/app"
	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/demo"
	"plenum/internal/fixture"
)

// withDocuments loads what every later part of the demo stands on — the
// organisation, its people, the accounts and the documents — into a fresh
// database, and returns the committee office that registered them.
func withDocuments(t *testing.T) (*app.App, context.Context, auth.Principal) {
	t.Helper()
	a := fixture.New(t).App
	ctx := audit.WithActor(context.Background(), audit.Actor{Name: "demo"})
	if err := demo.LoadStores(ctx, a.DB, a.Org, a.People); err != nil {
		t.Fatal(err)
	}
	if _, err := demo.CreateAccounts(ctx, a.Auth, a.Org); err != nil {
		t.Fatal(err)
	}
	office, err := demo.Office(ctx, a.Auth)
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.LoadDocuments(ctx, a.Documents, a.Org, office, a.DB.Tx); err != nil {
		t.Fatal(err)
	}
	return a, ctx, office
}
