package conferences

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/clock"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/news"
	"plenum/internal/org"
	"plenum/internal/people"
	"plenum/internal/problem"
	"plenum/internal/search"
	"plenum/internal/vn"
)

// Store reads and changes conferences, their terms and the news drafts made
// from them.
type Store struct {
	db     *db.DB
	log    *audit.Log
	access *access.Store
	units  *org.Store
	people *people.Store
	news   *news.Store
	search *search.Index
	docs   docLinks
	clock  clock.Clock
}

// New returns the conference store of d. Articles written from conferences
// go to articles; the search index (nil for none) is kept in step with
// every change.
func New(d *db.DB, log *audit.Log, c clock.Clock, acc *access.Store, units *org.Store, ppl *people.Store, articles *news.Store, index *search.Index) *Store {
	return &Store{db: d, log: log, access: acc, units: units, people: ppl, news: articles, search: index,
		docs: docLinks{db: d, access: acc}, clock: c}
}

// The kinds of record this package audits and classifies. Versions of the
// minutes and conclusion are audited as changes of their conference, whose
// class and grants they share, so that the audit log shows them to whoever
// may see the conference.
const (
	entityTerm       = "body_term"
	entityConference = "conference"
	entityItem       = "agenda_item"
)

// Limits on text fields, in characters.
const (
	maxSubject   = 1000
	maxVenue     = 300
	maxName      = 300
	maxNote      = 2000
	maxReason    = 500
	maxTitle     = 1000
	maxText      = 200000
	maxBridges   = 500
	maxPeople    = 500
	maxDelegates = 1000000
)

// Today is the date in Vietnam by the store's clock.
func (s *Store) Today() date.Date { return s.clock.Today() }

// cleanText normalises a multi-line text: each paragraph cleaned, blank
// lines between paragraphs kept as one.
func cleanText(s string) string {
	var out []string
	for _, para := range strings.Split(strings.ReplaceAll(vn.Normalize(s), "\r\n", "\n"), "\n") {
		if p := vn.Clean(para); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}

// dmy formats a date for messages: 01/07/2025.
func dmy(d date.Date) string { return vn.FormatDate(d) }

func notFound(field, key string) error {
	return &problem.Error{Code: problem.NotFound, Fields: []problem.Field{{Name: field, Key: key}}}
}

// checkClass refuses a class that is unknown or above the viewer's own
// clearance: nobody classifies what they could not read. It is
// access.CheckClassify for a viewer (the store is handed viewers, and
// access.System may classify anything).
func checkClass(v access.Viewer, class auth.Clearance, field string) error {
	if !class.Valid() {
		return problem.InvalidField(field, "error.invalid_choice")
	}
	if !v.All && class > v.Clearance {
		return problem.InvalidField(field, "access.above_own_clearance")
	}
	return nil
}

// checkRead lets the viewer read a record of a class (auditing a classified
// read), answering problem.ErrNotFound as for a missing record.
func (s *Store) checkRead(ctx context.Context, v access.Viewer, entity string, id int64, class auth.Clearance) error {
	return s.access.Check(ctx, v, entity, id, int(class))
}

// withActor adds the user making the change to the grants of a record
// they classify, so that nobody classifies a record out of their own reach.
func withActor(ctx context.Context, class auth.Clearance, grants []access.Grant) []access.Grant {
	id := audit.ActorFrom(ctx).UserID
	if class == 0 || id == 0 {
		return grants
	}
	return unionGrants(append(slices.Clone(grants), access.Grant{UserID: id}))
}

// actorID is the user making the change in ctx, or NULL.
func actorID(ctx context.Context) any {
	if id := audit.ActorFrom(ctx).UserID; id != 0 {
		return id
	}
	return nil
}

// exec runs a write and wraps its error with what was being done.
func (s *Store) exec(ctx context.Context, what, q string, args ...any) error {
	if _, err := s.db.W(ctx).ExecContext(ctx, q, args...); err != nil {
		return fmt.Errorf("conferences: %s: %w", what, err)
	}
	return nil
}

// ids reads a column of ids; the rows are read to the end before it
// returns, so that the caller may query again on the same transaction.
func (s *Store) ids(ctx context.Context, q string, args ...any) ([]int64, error) {
	out, err := db.Column[int64](ctx, s.db.R(ctx), q, args...)
	if err != nil {
		return nil, fmt.Errorf("conferences: ids: %w", err)
	}
	return out, nil
}
