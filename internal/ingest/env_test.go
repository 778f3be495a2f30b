package ingest_test

import (
	"context"
	"testing"

	"plenum/internal/access"
	"plenum/internal/app"
	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/db/dbtest"
	"plenum/internal/ingest"
	"plenum/internal/ingest/ingesttest"
)

// env is a fresh database holding the world of ingesttest, an office clerk,
// a reader and an editor.
type env struct {
	*ingesttest.World
	t     *testing.T
	ctx   context.Context
	app   *app.App
	s     *ingest.Store
	users map[string]auth.Principal
}

// The articles of ingesttest, by shorter names.
const (
	bacKan2021     = ingesttest.BacKan2021
	thaiNguyen2025 = ingesttest.ThaiNguyen2025
	council2022    = ingesttest.Council2022
)

var merger = ingesttest.Merger

func newEnv(t *testing.T) *env {
	t.Helper()
	d := dbtest.New(t)
	a := app.New(d, nil, app.Config{})
	e := &env{t: t, ctx: audit.WithActor(context.Background(), audit.Actor{Name: "test"}), app: a, s: a.Ingest,
		users: map[string]auth.Principal{}}
	e.user("office", auth.RoleOffice, auth.ClassToiMat)
	e.user("reader", auth.RoleReader, auth.ClassNone)
	e.user("editor", auth.RoleEditor, auth.ClassNone)
	e.World = ingesttest.Build(t, e.ctx, a, e.users["office"])
	return e
}

func (e *env) user(name string, role auth.Role, c auth.Clearance) {
	e.t.Helper()
	u, err := e.app.Auth.CreateUser(e.ctx, auth.NewUser{Username: name, DisplayName: "Người thử " + name,
		Password: "mat-khau-thu-nghiem", Role: role, Clearance: c})
	if err != nil {
		e.t.Fatalf("user %s: %v", name, err)
	}
	e.users[name] = auth.Principal{User: u}
}

// as is the context of a request by user name: changes are theirs.
func (e *env) as(name string) context.Context {
	u := e.users[name].User
	return audit.WithActor(e.ctx, audit.Actor{UserID: u.ID, Name: u.Username})
}

func (e *env) viewer(name string) access.Viewer {
	e.t.Helper()
	v, err := e.app.Access.Viewer(e.ctx, e.users[name])
	if err != nil {
		e.t.Fatal(err)
	}
	return v
}

// submit queues an article as the office clerk and returns its item with
// the extraction.
func (e *env) submit(name, text string) ingest.Item {
	e.t.Helper()
	sub, err := e.s.Submit(e.as("office"), e.users["office"], ingest.ViaWeb, ingest.SubmitInput{Name: name, Text: text})
	if err != nil {
		e.t.Fatalf("submit %s: %v", name, err)
	}
	it, err := e.s.Get(e.ctx, e.viewer("office"), sub.Item.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	return it
}

// build returns the proposals of an item as the office clerk sees them.
func (e *env) build(it ingest.Item) ingest.Proposals {
	e.t.Helper()
	p, err := e.s.Build(e.ctx, e.viewer("office"), it)
	if err != nil {
		e.t.Fatal(err)
	}
	return p
}
