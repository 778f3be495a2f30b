package server_test

import (
	"testing"

	"plenum/internal/demo"
	"plenum/internal/people"
	"plenum/internal/server/servertest"
)

// peopleQuery lists the people who held posts in the demo unit with code.
func peopleQuery(t *testing.T, e *servertest.Env, code string) people.ListQuery {
	t.Helper()
	u, err := e.App.Org.ByCode(e.Ctx, code, demo.Reform.AddDays(-1))
	if err != nil {
		t.Fatal(err)
	}
	return people.ListQuery{UnitID: u.ID}
}
