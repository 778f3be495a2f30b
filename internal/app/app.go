// Package app wires Plenum's stores to one database. The server, the command
// line and the tests build an App and hand it to whatever needs the domain.
package app

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"strings"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/clock"
	"plenum/internal/conferences"
	"plenum/internal/dashboard"
	"plenum/internal/db"
	"plenum/internal/documents"
	"plenum/internal/files"
	"plenum/internal/indicators"
	"plenum/internal/ingest"
	"plenum/internal/news"
	"plenum/internal/notify"
	"plenum/internal/org"
	"plenum/internal/people"
	"plenum/internal/problem"
	"plenum/internal/search"
	"plenum/internal/sheet"
	"plenum/internal/tasks"
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
	Tasks       *tasks.Store
	// Notify keeps in-app notifications and the mail outbox.
	Notify *notify.Store
	// Imports records spreadsheet imports (internal/sheet) of every kind.
	Imports    *sheet.Store
	Indicators *indicators.Store
	// Ingest is the queue of articles read into proposed records.
	Ingest *ingest.Store
	// Dashboard assembles the leaders' dashboard from tasks and indicators.
	Dashboard *dashboard.Service
	Log       *slog.Logger
	// Clock is the one clock of every store: "now" and "today in Vietnam".
	Clock clock.Clock
}

// Config carries what the stores need to know.
type Config struct {
	Auth  auth.Config
	Files files.Config
	// Ingest tunes the ingest queue (the size limit of articles).
	Ingest ingest.Options
	// Clock tells every store the time and the day: clock.Wall in
	// production, a clock set to the test's day in tests. Required.
	Clock clock.Clock
}

// New builds the stores over d.
func New(d *db.DB, log *slog.Logger, cfg Config) *App {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	c := cfg.Clock
	if c.IsZero() {
		panic("app: Config.Clock is required (clock.Wall in production)")
	}
	a := &App{DB: d, Audit: audit.New(d, c), Log: log, Clock: c}
	a.Auth = auth.NewStore(d, a.Audit, c, cfg.Auth)
	a.Access = access.New(d, a.Audit)
	a.Org = org.New(d, a.Audit, c)
	a.People = people.New(d, a.Audit, c, a.Org)
	a.Search = search.New(d, c)
	a.Files = files.New(d, a.Audit, c, cfg.Files)
	a.Documents = documents.New(d, a.Audit, c, a.Access, a.Org, a.People, documents.Options{Files: a.Files, Index: a.Search})
	a.News = news.New(d, a.Audit, c)
	a.Conferences = conferences.New(d, a.Audit, c, a.Access, a.Org, a.People, a.News, a.Search)
	a.Imports = sheet.NewStore(d, a.Audit, c)
	a.Indicators = indicators.New(d, a.Audit, c, a.Access, a.Org, a.Search)
	a.Documents.OnReclassify(a.Conferences.DocumentReclassified)
	a.Documents.OnReclassify(a.Indicators.DocumentReclassified)
	a.Notify = notify.New(d, c)
	a.Tasks = tasks.New(d, a.Audit, c, a.Access, a.Org, tasks.Options{Files: a.Files})
	a.Tasks.SetSource(tasks.SourceDocument, a.documentSource)
	a.Tasks.SetSource(tasks.SourceConclusion, a.conclusionSource)
	a.Tasks.SetSource(tasks.SourceAgendaItem, a.agendaItemSource)
	a.Tasks.SetDocumentFinder(a.documentBySymbol)
	a.Dashboard = &dashboard.Service{Tasks: a.Tasks, Indicators: a.Indicators, Org: a.Org, Documents: a.Documents,
		Access: a.Access, Version: a.Audit.DataVersion, Drift: a.Audit.Drift, Lag: dashboard.DefaultLag}
	a.Documents.OnReclassify(a.Tasks.DocumentReclassified)
	a.Ingest = ingest.New(d, a.Audit, c, a.Access, ingest.Registries{Org: a.Org, People: a.People, Documents: a.Documents,
		Conferences: a.Conferences, Indicators: a.Indicators, Tasks: a.Tasks}, cfg.Ingest)
	return a
}

// documentSource is how tasks see the documents they are drawn from.
func (a *App) documentSource(ctx context.Context, v access.Viewer, id int64) (tasks.Source, error) {
	d, err := a.Documents.Get(ctx, v, id)
	if err != nil {
		return tasks.Source{}, err
	}
	return tasks.Source{Kind: tasks.SourceDocument, ID: d.ID, Label: d.Label("vi"), Class: int(d.Class),
		DocumentID: d.ID, URL: "/documents/" + strconv.FormatInt(d.ID, 10)}, nil
}

// SearchSources are the stores whose records the search index holds, for
// `plenum reindex`. A store that indexes its records adds its Source here.
func (a *App) SearchSources() []search.Source {
	return []search.Source{a.Org.SearchSource(), a.People.SearchSource(), a.Documents.SearchSource(), a.Conferences.SearchSource(), a.Tasks.SearchSource(), a.Indicators.Source()}
}

// conclusionSource is how tasks see a conference's conclusion: the
// conference, whose class the conclusion carries.
func (a *App) conclusionSource(ctx context.Context, v access.Viewer, id int64) (tasks.Source, error) {
	c, err := a.Conferences.Get(ctx, v, id)
	if err != nil {
		return tasks.Source{}, err
	}
	return tasks.Source{Kind: tasks.SourceConclusion, ID: c.ID, Label: "Kết luận " + conferenceName(c), Class: int(c.Class),
		URL: "/conferences/" + strconv.FormatInt(c.ID, 10)}, nil
}

// agendaItemSource is how tasks see an item of a conference's agenda.
func (a *App) agendaItemSource(ctx context.Context, v access.Viewer, id int64) (tasks.Source, error) {
	it, err := a.Conferences.Item(ctx, v, id)
	if err != nil {
		return tasks.Source{}, err
	}
	c, err := a.Conferences.Get(ctx, v, it.ConferenceID)
	if err != nil {
		return tasks.Source{}, err
	}
	src := tasks.Source{Kind: tasks.SourceAgendaItem, ID: it.ID, Label: conferenceName(c) + ": " + it.Title, Class: int(max(it.Class, c.Class)),
		URL: "/conferences/" + strconv.FormatInt(c.ID, 10)}
	if len(it.Documents) > 0 {
		src.DocumentID = it.Documents[0].ID
	}
	return src, nil
}

// documentBySymbol finds the document a task list names by its symbol.
func (a *App) documentBySymbol(ctx context.Context, v access.Viewer, symbol string) (int64, error) {
	symbol = strings.TrimSpace(symbol)
	page, err := a.Documents.List(ctx, v, documents.ListQuery{Text: symbol, Size: 50})
	if err != nil {
		return 0, err
	}
	for _, d := range page.Items {
		if strings.EqualFold(d.Symbol, symbol) {
			return d.ID, nil
		}
	}
	return 0, problem.ErrNotFound
}

// conferenceName names a conference in a task's source label.
func conferenceName(c conferences.Conference) string {
	name := fmt.Sprintf("Hội nghị lần thứ %d %s", c.Ordinal, c.BodyName)
	if c.TermRoman != "" {
		name += ", khóa " + c.TermRoman
	}
	return name
}
