// Package app wires Plenum's stores to one database. The server, the command
// line and the tests build an App and hand it to whatever needs the domain.
package app

import (
	"log/slog"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/conferences"
	"plenum/internal/db"
	"plenum/internal/documents"
	"plenum/internal/files"
	"plenum/internal/indicators"
	"plenum/internal/news"
	"plenum/internal/org"
	"plenum/internal/people"
	"plenum/internal/search"
	"plenum/internal/sheet"
)

// App is the set of domain stores over one database.
type App struct {
	DB        *db.DB
	Audit     *audit.Log
	Auth      *auth.Store
	Access    *access.Store
	Org       *org.Store
	People    *people.Store
	Search    *search.Index
	Files     *files.Store
	Documents *documents.Store
	// News keeps the portal's draft articles.
	News        *news.Store
	Conferences *conferences.Store
	// Imports records spreadsheet imports (internal/sheet) of every kind.
	Imports    *sheet.Store
	Indicators *indicators.Store
	Log        *slog.Logger
}

// Config carries what the stores need to know.
type Config struct {
	Auth  auth.Config
	Files files.Config
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
	a.Search = search.New(d)
	a.Files = files.New(d, a.Audit, cfg.Files)
	a.Documents = documents.New(d, a.Audit, a.Access, a.Org, a.People, documents.Options{Files: a.Files, Index: a.Search})
	a.News = news.New(d, a.Audit)
	a.Conferences = conferences.New(d, a.Audit, a.Access, a.Org, a.People, a.News, a.Search)
	a.Imports = sheet.NewStore(d, a.Audit)
	a.Indicators = indicators.New(d, a.Audit, a.Access, a.Org, a.Search)
	a.Documents.OnReclassify(a.Conferences.DocumentReclassified)
	a.Documents.OnReclassify(a.Indicators.DocumentReclassified)
	return a
}

// SearchSources are the stores whose records the search index holds, for
// `plenum reindex`. A store that indexes its records adds its Source here.
func (a *App) SearchSources() []search.Source {
	return []search.Source{a.Org.SearchSource(), a.People.SearchSource(), a.Documents.SearchSource(), a.Conferences.SearchSource()}
}
