// Package app wires Plenum's stores to one database. The server, the command
// line and the tests build an App and hand it to whatever needs the domain.
package app

import (
	"log/slog"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/db"
	"plenum/internal/org"
	"plenum/internal/people"
)

// App is the set of domain stores over one database.
type App struct {
	DB     *db.DB
	Audit  *audit.Log
	Auth   *auth.Store
	Access *access.Store
	Org    *org.Store
	People *people.Store
	Log    *slog.Logger
}

// Config carries what the stores need to know.
type Config struct {
	Auth auth.Config
}

// New builds the stores over d.
func New(d *db.DB, log *slog.Logger, cfg Config) *App {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	a := &App{DB: d, Audit: audit.New(d), Log: log}
	a.Auth = auth.NewStore(d, a.Audit, cfg.Auth)
	a.Access = access.New(d, a.Audit)
	a.Org = org.New(d, a.Audit)
	a.People = people.New(d, a.Audit, a.Org)
	return a
}
