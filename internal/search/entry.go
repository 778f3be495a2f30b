package search

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"plenum/internal/auth"
	"plenum/internal/clock"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/vn"
)

// The kinds of record the index holds. Entity is the name the record's
// store uses in the audit log and in need-to-know grants (record_access):
// visibility of an index row is decided on (Entity, EntityID, Class).
const (
	EntityDocument   = "document"
	EntityConference = "conference"
	EntityPerson     = "person"
	EntityUnit       = "unit"
	EntityTask       = "task"
	EntityIndicator  = "indicator"
)

// kinds are the kinds of record the index accepts, in the order the search
// page lists them, each with the permission needed to read it: one table, so
// that a kind cannot be indexed without saying who may find it (tasks and
// indicators were once indexed and found by no one).
var kinds = []struct {
	entity string
	read   auth.Permission
}{
	{EntityDocument, auth.DocumentsRead},
	{EntityConference, auth.ConferencesRead},
	{EntityTask, auth.TasksRead},
	{EntityPerson, auth.PeopleRead},
	{EntityUnit, auth.OrgRead},
	{EntityIndicator, auth.IndicatorsRead},
}

// Entities lists the kinds of record the index accepts, in the order the
// search page lists them.
var Entities = func() []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = k.entity
	}
	return out
}()

// knownEntity reports whether e is one of Entities.
func knownEntity(e string) bool {
	for _, x := range Entities {
		if e == x {
			return true
		}
	}
	return false
}

// Entry is what the index knows of one record. The record's store builds it
// from the record and hands it to Put in the record's transaction, on every
// change. Text is normalised (vn.Normalize) by Put; fields that do not apply
// to a kind of record are left empty.
type Entry struct {
	// Entity and EntityID name the record: "document", 12.
	Entity   string `json:"entity"`
	EntityID int64  `json:"entity_id"`
	// Class is the record's security class (0 thường … 3 tuyệt mật). An
	// entry derived from several records carries the highest of their classes.
	Class int `json:"class"`
	// Title is the record's heading: a document's kind, number and summary
	// ("Kế hoạch số 147-KH/TU thực hiện Kết luận số 21-KL/TW"), a
	// conference's name, a person's full name, a unit's name as of today.
	// Matches in the title rank above matches in the body.
	Title string `json:"title"`
	// Body is further text searched and shown as a snippet: a document's
	// summary and content, a conference's conclusion, a person's posts, a
	// unit's earlier names. At most MaxBody bytes are kept.
	Body string `json:"body,omitempty"`
	// Keywords are searched but never shown: codes, short names, other
	// spellings.
	Keywords string `json:"-"`
	// Symbol is a document's number and symbol, "147-KH/TU", "12/2021/NQ-HĐND";
	// it is matched however the searcher writes it ("147/KH", "147 KH TU",
	// "số 147") and an exact symbol match ranks first.
	Symbol string `json:"symbol,omitempty"`
	// Kind is the record's kind within its entity, a stable code: a
	// document's docsym kind ("plan", "resolution": docsym.Kind.Schema),
	// a conference's type, a unit's org.Kind. A filter and a facet.
	Kind string `json:"kind,omitempty"`
	// Issuer is who issued a document, as shown: "Tỉnh ủy Thái Nguyên",
	// "Bộ Chính trị". Searched with the body; a filter and a facet.
	Issuer string `json:"issuer,omitempty"`
	// UnitID is the unit the record belongs to: the body that held a
	// conference, the unit that issued a document, the unit a person's
	// latest post is in, a unit's parent. A filter ("body") and a facet.
	UnitID int64 `json:"unit_id,omitempty"`
	// Year is the record's year (a document's year of issue, a
	// conference's year), 0 for none. A filter, a facet, and recency.
	Year int `json:"year,omitempty"`
	// Status is the record's status code ("issued", "replaced"…). A filter and a facet.
	Status string `json:"status,omitempty"`
	// Date is the record's date (issued on, held on), shown with the result.
	Date date.Date `json:"date,omitzero"`
	// URL is the path of the record's page, "/documents/12".
	URL string `json:"url"`
}

// Limits on what Put stores.
const (
	// MaxBody is the most of Body kept and searched, in bytes.
	MaxBody   = 100_000
	maxTitle  = 2_000
	maxField  = 500
	maxSymbol = 100
)

// Index is the search index of one database. Its only state is a cache
// of prepared statements: any number of Index values over one database
// are the same index.
type Index struct {
	db    *db.DB
	clock clock.Clock
	stmts *stmts
}

// New returns the index of d.
func New(d *db.DB, c clock.Clock) *Index { return &Index{db: d, clock: c, stmts: &stmts{}} }

// ErrNoTx is returned by Put and Delete outside a transaction: an index
// entry must commit or roll back with the record it describes.
var ErrNoTx = errors.New("search: Put and Delete must run inside the record's transaction (db.Tx)")

// Put adds or replaces the entry of a record, in the transaction carried by
// ctx. Call it on every change of the record, after the change.
func (ix *Index) Put(ctx context.Context, e Entry) error {
	if !db.InTx(ctx) {
		return ErrNoTx
	}
	if err := e.prepare(); err != nil {
		return err
	}
	_, err := ix.db.W(ctx).ExecContext(ctx, `INSERT INTO search_entries
		(entity, entity_id, class, title, body, symbol, kind, issuer, unit_id, year, status, day, url,
		 f_title, f_body, f_symbol, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
		ON CONFLICT (entity, entity_id) DO UPDATE SET class = excluded.class, title = excluded.title,
		 body = excluded.body, symbol = excluded.symbol, kind = excluded.kind, issuer = excluded.issuer,
		 unit_id = excluded.unit_id, year = excluded.year, status = excluded.status, day = excluded.day,
		 url = excluded.url, f_title = excluded.f_title, f_body = excluded.f_body, f_symbol = excluded.f_symbol,
		 updated_at = excluded.updated_at`,
		e.Entity, e.EntityID, e.Class, e.Title, e.Body, e.Symbol, e.Kind, e.Issuer, db.Null(e.UnitID), e.Year, e.Status,
		e.Date, e.URL,
		foldWords(e.Title+" "+e.Symbol), foldWords(e.Body+" "+e.Keywords+" "+e.Issuer), strings.Join(symbolTokens(e.Symbol), " "),
		ix.clock.Now().UTC())
	if err != nil {
		return fmt.Errorf("search: put %s %d: %w", e.Entity, e.EntityID, err)
	}
	return nil
}

// Delete removes the entry of a record, if there is one, in the transaction
// carried by ctx. Call it when the record is deleted.
func (ix *Index) Delete(ctx context.Context, entity string, id int64) error {
	if !db.InTx(ctx) {
		return ErrNoTx
	}
	if _, err := ix.db.W(ctx).ExecContext(ctx, `DELETE FROM search_entries WHERE entity = $1 AND entity_id = $2`, entity, id); err != nil {
		return fmt.Errorf("search: delete %s %d: %w", entity, id, err)
	}
	return nil
}

// prepare checks an entry and normalises its text. The errors are the
// caller's bugs, not the user's: they abort the record's transaction.
func (e *Entry) prepare() error {
	fail := func(what string) error {
		return fmt.Errorf("search: entry %s %d: %s", e.Entity, e.EntityID, what)
	}
	switch {
	case !knownEntity(e.Entity):
		return fail("unknown entity (add it to search.Entities)")
	case e.EntityID <= 0:
		return fail("no entity id")
	case e.Class < 0 || e.Class > 3:
		return fail("class out of range")
	case !strings.HasPrefix(e.URL, "/") || strings.HasPrefix(e.URL, "//") || strings.ContainsAny(e.URL, " \t\r\n\\"):
		return fail("URL must be a path on this site, such as /documents/12")
	case e.Year < 0 || e.Year > 9999:
		return fail("year out of range")
	case e.UnitID < 0:
		return fail("negative unit id")
	}
	e.Title = cut(vn.Clean(e.Title), maxTitle)
	if e.Title == "" {
		return fail("no title")
	}
	e.Body = cut(strings.TrimSpace(vn.Normalize(e.Body)), MaxBody)
	e.Keywords = cut(vn.Normalize(e.Keywords), MaxBody)
	e.Symbol = cut(vn.Clean(e.Symbol), maxSymbol)
	e.Kind = cut(strings.TrimSpace(e.Kind), maxField)
	e.Issuer = cut(vn.Clean(e.Issuer), maxField)
	e.Status = cut(strings.TrimSpace(e.Status), maxField)
	return nil
}

// cut shortens s to at most n bytes without splitting a character.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
