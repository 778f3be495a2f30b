package ingest_test

import (
	"testing"

	"plenum/internal/auth"
	"plenum/internal/fixture"
	"plenum/internal/ingest"
	"plenum/internal/ingest/ingesttest"
)

// env is a fresh database holding the world of ingesttest, an office clerk,
// a reader and an editor.
type env struct {
	*ingesttest.World
	*fixture.Env
	s *ingest.Store
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
	f := fixture.New(t)
	e := &env{Env: f, s: f.App.Ingest}
	e.User("office", auth.RoleOffice, auth.ClassToiMat, "", 0)
	e.User("reader", auth.RoleReader, auth.ClassNone, "", 0)
	e.User("editor", auth.RoleEditor, auth.ClassNone, "", 0)
	e.World = ingesttest.Build(t, e.Ctx, e.App, e.Users["office"])
	return e
}

// submit queues an article as the office clerk and returns its item with
// the extraction.
func (e *env) submit(name, text string) ingest.Item {
	e.T.Helper()
	sub, err := e.s.Submit(e.As("office"), e.Users["office"], ingest.ViaWeb, ingest.SubmitInput{Name: name, Text: text})
	if err != nil {
		e.T.Fatalf("submit %s: %v", name, err)
	}
	it, err := e.s.Get(e.Ctx, e.Viewer("office"), sub.Item.ID)
	if err != nil {
		e.T.Fatal(err)
	}
	return it
}

// build returns the proposals of an item as the office clerk sees them.
func (e *env) build(it ingest.Item) ingest.Proposals {
	e.T.Helper()
	p, err := e.s.Build(e.Ctx, e.Viewer("office"), it)
	if err != nil {
		e.T.Fatal(err)
	}
	return p
}
