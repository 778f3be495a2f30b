// Package search is Plenum's one search box: documents, conferences, people
// and units in one index, matched without regard to accents, case or tone
// placement ("nghi quyet 13" finds "Nghị quyết số 13-NQ/TW", "thuy" finds
// "Thuỷ" and "Thủy", "duong" finds "Đường"), aware of document symbols
// ("147-KH/TU", "147/KH", "147 KH TU" and "số 147" all find 147-KH/TU),
// ranked, filtered, highlighted, and never showing a classified record — or
// counting it — to someone who may not see it.
//
// # Storage
//
// One table, search_entries, holds a row per record with its text as shown
// and its words folded in Go (vn.Fold, then split on everything that is not
// a letter or a digit), so that both engines match the same words: SQLite
// through an FTS5 table over the folded columns, PostgreSQL through a
// generated tsvector ('simple') with a GIN index; and trigrams of the folded
// titles (FTS5's trigram tokenizer, pg_trgm) for finding a query inside a
// word. See 00005_search.sql.
//
// # Ranking and counting
//
// A search is one statement per reading of the query (see Parse): the
// newest matches the viewer may see under the filters — at most MaxCounted,
// taken from the index newest first (the most recently indexed records; a
// rebuild indexes in record order) so that a common word stops early —
// are counted by facet and in total, and ranked: an exact symbol match
// first (newest first among them), then matches in the title before
// matches in the body, then recent years, then shorter titles, then the
// newest. The ranking is the same on both engines and needs no relevance
// score from them: bm25 and ts_rank cost more per row than everything else
// together (measured; see BENCHMARKS.md). Snippets and highlights are cut
// in Go from the text as stored, so accents show as written.
//
// # How to index your records
//
// The index is written by the store that owns the records, in the same
// transaction as the change, so that it can never disagree with them:
//
//  1. Keep a *search.Index in your store: search.New(db) (cheap: its only
//     state is a cache of prepared statements; org and people make their
//     own the same way).
//  2. Write one function that builds the search.Entry of a record from what
//     your store has just written — Entity (search.EntityDocument or
//     search.EntityConference, the same name you give audit.Change.Entity
//     and access.SetGrants), EntityID, Class (the record's class: an index
//     entry must never carry less), Title, Body (summary, content,
//     conclusion), Symbol (documents), Kind (docsym.Kind.Schema() for
//     documents; your type code for conferences), Issuer (the issuer's name
//     as shown), UnitID (issuing unit; the body that held the conference),
//     Year, Status, Date and URL ("/documents/12").
//  3. Call index.Put(ctx, entry) inside your db.Tx after every create and
//     update, including a change of class; call
//     index.Delete(ctx, entity, id) when a record is deleted. Put outside a
//     transaction returns ErrNoTx. A failing Put fails your transaction.
//  4. Give the app a Source for your entity (see Source), so that
//     `plenum reindex` can rebuild your entries from your tables, and list
//     it in app.App.SearchSources.
//  5. Give your records a page at the URL you index, and check access on it
//     (access.Store.Check): search links there.
//
// For a document store, with its record d just written in ctx's transaction:
//
//	err := s.index.Put(ctx, search.Entry{
//		Entity: search.EntityDocument, EntityID: d.ID, Class: d.Class,
//		Title:  d.KindName + " số " + d.Symbol + " " + d.Title, // "Kế hoạch số 147-KH/TU thực hiện …"
//		Body:   d.Summary + "\n" + d.Body, Symbol: d.Symbol,
//		Kind:   d.Kind.Schema(), Issuer: d.IssuerName, UnitID: d.IssuerUnitID,
//		Year:   d.Year, Status: string(d.Status), Date: d.IssuedOn,
//		URL:    "/documents/" + strconv.FormatInt(d.ID, 10),
//	})
//
// and in app.go, SearchSources returns a.Documents.SearchSource() too,
// built with search.SourceOf(db, search.EntityDocument, "SELECT id FROM
// documents ORDER BY id", s.searchEntry). A conference indexes its name as
// the title, its conclusion and agenda as the body, the body that held it
// as UnitID, its type as Kind and the class of its most classified
// document or item.
//
// Grants need nothing from the index: visibility is decided at query time
// by joining record_access on (entity, entity_id), so a change of grants
// takes effect at once. A change of class must be Put, since the class is
// copied into the entry.
//
// # Query language
//
// What a user types is never handed to FTS5 or to to_tsquery: it is read
// into terms here and the engines' queries are written from those terms,
// with every word quoted. Quotes, stars, minus signs, NEAR, AND, OR, colons
// and apostrophes are ordinary characters. See Parse.
package search
