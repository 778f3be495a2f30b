package demo

import (
	"context"
	"fmt"

	"plenum/internal/app"
)

// Load fills an empty database with the whole demo, part by part, as
// `plenum serve --demo` shows it: the organisation and its people, the
// accounts, the documents, the conferences, the indicators and the tasks.
// It returns the demo accounts.
func Load(ctx context.Context, a *app.App) ([]Account, error) {
	users, err := a.Auth.Users(ctx)
	if err != nil {
		return nil, err
	}
	if len(users) > 0 {
		return nil, fmt.Errorf("the database %s already has users; the demo needs an empty one (omit --db)", a.DB)
	}
	if err := LoadStores(ctx, a.DB, a.Org, a.People); err != nil {
		return nil, err
	}
	accounts, err := CreateAccounts(ctx, a.Auth, a.Org)
	if err != nil {
		return nil, err
	}
	office, err := Office(ctx, a.Auth)
	if err != nil {
		return nil, err
	}
	if err := LoadDocuments(ctx, a.Documents, a.Org, office, a.DB.Tx); err != nil {
		return nil, err
	}
	if err := LoadConferences(ctx, a.Conferences, a.Documents, a.Org, a.People, a.DB.Tx); err != nil {
		return nil, err
	}
	if err := LoadIndicators(ctx, a.Indicators, a.Documents, a.Org, a.Access, office, a.DB.Tx); err != nil {
		return nil, err
	}
	viewer, err := a.Access.Viewer(ctx, office)
	if err != nil {
		return nil, err
	}
	if err := LoadTasks(ctx, a.Tasks, a.Documents, a.Conferences, a.Org, office, viewer, a.DB.Tx); err != nil {
		return nil, err
	}
	return accounts, nil
}
