package search

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// Viewer is who searches, as internal/access decides: access.Viewer. Only
// rows it admits are returned or counted.
type Viewer interface {
	// VisibleBy returns an SQL condition admitting the rows of records of
	// kind entity the viewer may see, given their class and id columns.
	VisibleBy(entity, classCol, idCol string, args *db.Args) string
}

// Query is a search: text and filters. The zero value of a filter is "any".
type Query struct {
	// Text is what the user typed (see Parse).
	Text   string `json:"q"`
	Entity string `json:"entity,omitempty"`
	Kind   string `json:"kind,omitempty"`
	Issuer string `json:"issuer,omitempty"`
	// UnitID filters by the unit a record belongs to (the "body" filter).
	UnitID int64  `json:"unit_id,omitempty"`
	Year   int    `json:"year,omitempty"`
	Status string `json:"status,omitempty"`
	// Offset and Limit page the hits: Limit defaults to DefaultLimit and is
	// at most MaxLimit; Offset is below MaxCounted, the most a search ranks.
	Offset int `json:"offset,omitempty"`
	Limit  int `json:"limit,omitempty"`
	// Readable are the kinds of record the searcher may read (from their
	// permissions: see Readable); nil searches every kind.
	Readable []string `json:"-"`
	// Lang is the language of facet labels.
	Lang string `json:"-"`
}

// Paging limits.
const (
	DefaultLimit = 20
	MaxLimit     = 100
)

// Result is what a search found.
type Result struct {
	// Total counts the visible hits under the filters, on every page. When
	// More is set there are more: the query is so broad that only its
	// newest MaxCounted hits were ranked and counted.
	Total int   `json:"total"`
	More  bool  `json:"more,omitempty"`
	Hits  []Hit `json:"hits"`
	// Facets count the visible hits (those counted in Total) by each
	// filter's values; choosing one narrows the search to it.
	Facets []Facet `json:"facets"`
	// Year is the year filter in effect: the query's, or one read from the text.
	Year int `json:"year,omitempty"`
	// Loose is set when the words were not found as phrases and the hits
	// match them one by one, or only as part of a title.
	Loose  bool `json:"loose,omitempty"`
	Offset int  `json:"offset"`
	Limit  int  `json:"limit"`
}

// Hit is one record found.
type Hit struct {
	Entity   string `json:"entity"`
	EntityID int64  `json:"entity_id"`
	Class    int    `json:"class"`
	// Title and Snippet are the record's text with the matched words marked.
	Title   Highlight `json:"title"`
	Snippet Highlight `json:"snippet,omitempty"`
	Symbol  string    `json:"symbol,omitempty"`
	Kind    string    `json:"kind,omitempty"`
	Issuer  string    `json:"issuer,omitempty"`
	UnitID  int64     `json:"unit_id,omitempty"`
	Year    int       `json:"year,omitempty"`
	Status  string    `json:"status,omitempty"`
	Date    date.Date `json:"date,omitzero"`
	URL     string    `json:"url"`
	// SymbolMatch is set when the record's symbol is the one searched for.
	SymbolMatch bool `json:"symbol_match,omitempty"`
}

// Search runs a query for a viewer. Bad filters are a problem.Invalid
// naming the field; no text (or only punctuation) and no filter gives an
// empty result, not an error.
func (ix *Index) Search(ctx context.Context, v Viewer, q Query) (Result, error) {
	if err := q.validate(); err != nil {
		return Result{}, err
	}
	if q.Limit == 0 {
		q.Limit = DefaultLimit
	}
	res := Result{Offset: q.Offset, Limit: q.Limit, Hits: []Hit{}, Facets: []Facet{}}
	p := Parse(q.Text)
	if p.Empty() && !q.Filtered() {
		return res, nil
	}
	plans := p.Plans
	if len(plans) == 0 {
		plans = []plan{{}}
	}
	readable := q.Readable
	if readable == nil {
		readable = Entities
	}
	// Each reading of the query in turn, then the fallbacks, until one finds
	// something the viewer may see: what the viewer may not see never
	// decides which reading is shown.
	var tries []func(*db.Args) (matcher, int)
	for _, pl := range plans {
		tries = append(tries, func(a *db.Args) (matcher, int) { return match(ix.db.Dialect, pl.Terms, a), pl.Year })
	}
	if n := utf8.RuneCountInString(p.Substring); n >= 3 {
		tries = append(tries, func(a *db.Args) (matcher, int) { return substring(ix.db.Dialect, p.Substring, a), 0 })
	}
	for i, try := range tries {
		f := q.filters()
		var args db.Args
		m, year := try(&args)
		if f.Year == 0 && year != 0 {
			f.Year = year
		}
		var terms []term
		if i < len(plans) {
			terms = plans[i].Terms
		}
		fd, err := ix.find(ctx, m, terms, v, readable, f, q, &args)
		if err != nil {
			return res, err
		}
		if fd.total == 0 && i < len(tries)-1 {
			continue
		}
		res.Total, res.More, res.Year, res.Loose = fd.total, fd.more, f.Year, i > 0 && fd.total > 0
		if res.Facets, err = ix.label(ctx, fd.counts, f, q.Lang); err != nil {
			return res, err
		}
		res.Hits = fd.page
		for k := range res.Hits {
			res.Hits[k].highlight(p.Marks)
		}
		return res, nil
	}
	return res, nil
}

func (q *Query) validate() error {
	var v problem.Validation
	v.Check(utf8.RuneCountInString(q.Text) <= MaxQuery, "q", "search.error.too_long", MaxQuery)
	v.Check(q.Entity == "" || knownEntity(q.Entity), "entity", "error.invalid_choice")
	v.MaxLen("kind", q.Kind, maxField)
	v.MaxLen("issuer", q.Issuer, maxField)
	v.MaxLen("status", q.Status, maxField)
	v.Check(q.UnitID >= 0, "unit_id", "error.invalid_choice")
	v.Check(q.Year >= 0 && q.Year <= 9999, "year", "error.invalid_number")
	v.Check(q.Offset >= 0 && q.Offset < MaxCounted, "offset", "search.error.offset", MaxCounted)
	v.Check(q.Limit >= 0 && q.Limit <= MaxLimit, "limit", "search.error.limit", MaxLimit)
	return v.Err()
}

// Filtered reports whether any filter is set.
func (q *Query) Filtered() bool { return q.filters() != filters{} }

// filters are the values a hit must have; zero values match anything.
type filters struct {
	Entity, Kind, Issuer, Status string
	UnitID                       int64
	Year                         int
}

func (q *Query) filters() filters {
	// The issuer is stored normalised (tone placement, spaces): so is the filter.
	return filters{Entity: q.Entity, Kind: q.Kind, Issuer: vn.Clean(q.Issuer), Status: q.Status, UnitID: q.UnitID, Year: q.Year}
}

// visible is the condition admitting the rows the viewer may see, and
// only of the kinds of record readable: the access rule of each kind of
// record, applied to the row's own kind. It is a CASE rather than an OR of
// kinds so that SQLite does not try to answer it from indexes.
func visible(v Viewer, readable []string, args *db.Args) string {
	kinds := ""
	for _, e := range Entities {
		if !slices.Contains(readable, e) {
			kinds = "s.entity IN " + db.In(args, readable) + " AND "
			break
		}
	}
	var probe db.Args
	switch v.VisibleBy("", "s.class", "s.entity_id", &probe) {
	case "1 = 1":
		return kinds + "1 = 1"
	case "s.class = 0":
		return kinds + "s.class = 0"
	}
	var b strings.Builder
	b.WriteString(kinds + "CASE s.entity")
	for _, e := range readable {
		b.WriteString(" WHEN " + args.Add(e) + " THEN " + v.VisibleBy(e, "s.class", "s.entity_id", args))
	}
	b.WriteString(" ELSE s.class = 0 END")
	return b.String()
}

// MaxCounted bounds the rows one search ranks and counts: the newest
// visible matches under the filters. A broader query reports "more than"
// (Result.More) and its facets count those newest matches: the work of a
// search stays bounded however common its words are. Only rows the viewer
// may see take a place, so the bound reveals nothing either.
const MaxCounted = 500

// found is what one reading of a query finds: the visible hits under the
// filters, counted (up to MaxCounted; more reports the rest), the facet
// counts, and one page of hits, best first.
type found struct {
	total  int
	more   bool
	counts map[string]map[string]int
	page   []Hit
}

// hitNulls fill the columns of a hit in the rows that count, typed so
// that PostgreSQL can unite them with the hits' columns.
const hitNulls = "CAST(NULL AS TEXT), CAST(NULL AS TEXT), CAST(NULL AS TEXT), CAST(NULL AS BIGINT), CAST(NULL AS INTEGER), " +
	"CAST(NULL AS TEXT), CAST(NULL AS BIGINT), CAST(NULL AS INTEGER), CAST(NULL AS TEXT), CAST(NULL AS TEXT), " +
	"CAST(NULL AS TEXT), CAST(NULL AS DATE), CAST(NULL AS TEXT)"

// facetColumns are the columns of the index each facet counts.
var facetColumns = map[string]string{
	FacetEntity: "entity", FacetKind: "kind", FacetIssuer: "issuer", FacetUnit: "unit_id", FacetYear: "year", FacetStatus: "status",
}

// find runs one reading of a query as one statement: the newest visible
// matches under the filters are gathered once with what ranks them (m: one
// more than MaxCounted, taken in index order so that a common word stops
// early; c: the MaxCounted newest of them), then counted by each facet and
// in all, and the best of them read for the page — one round trip, one plan.
func (ix *Index) find(ctx context.Context, m matcher, terms []term, v Viewer, readable []string, f filters, q Query, args *db.Args) (found, error) {
	var b strings.Builder
	b.WriteString(`WITH m AS MATERIALIZED (SELECT s.id, s.entity, s.kind, s.issuer, COALESCE(s.unit_id, 0) AS unit_id, s.year,
		s.status, s.day, length(s.title) AS tlen, ` + m.titled + ` AS titled, ` + symbolHit(terms, args) + ` AS hit
		FROM ` + m.from + ` WHERE ` + m.cond + ` AND ` + visible(v, readable, args) + f.sql("s", args) + `
		ORDER BY ` + m.newest + ` LIMIT ` + args.Add(MaxCounted+1) + `),
	c AS MATERIALIZED (SELECT * FROM m ORDER BY m.id DESC LIMIT ` + args.Add(MaxCounted) + `)`)
	for i, name := range facetNames {
		col := "c." + facetColumns[name]
		value, present := col, col+" <> ''"
		if name == FacetUnit || name == FacetYear {
			value, present = "CAST("+col+" AS TEXT)", col+" <> 0"
		}
		if i > 0 {
			b.WriteString(" UNION ALL")
		}
		fmt.Fprintf(&b, "\n\tSELECT '%s', %s, count(*), 0, %s FROM c WHERE %s GROUP BY %s", name, value, hitNulls, present, col)
	}
	fmt.Fprintf(&b, "\n\tUNION ALL SELECT 'total', '', count(*), 0, %s FROM c", hitNulls)
	fmt.Fprintf(&b, "\n\tUNION ALL SELECT 'more', '', count(*), 0, %s FROM m", hitNulls)
	// Best first: exact symbol matches, newest first (a plan and its
	// replacement share a number); then matches in the title before
	// matches in the body; then recent years first (records without a
	// year, people and units, count as this year's); then shorter titles
	// (the closer match); then the newest.
	order := "c.hit DESC, CASE WHEN c.hit = 1 THEN c.day END DESC NULLS LAST, c.titled DESC, " +
		"CASE WHEN c.year = 0 THEN " + args.Add(ix.thisYear()) + " ELSE c.year END DESC, c.tlen, c.day DESC NULLS LAST, c.id DESC"
	fmt.Fprintf(&b, `
	UNION ALL SELECT 'hit', '', h.hit, h.ord, s.entity, s.kind, s.issuer, COALESCE(s.unit_id, 0), s.year, s.status,
		s.entity_id, s.class, s.title, s.body, s.symbol, s.day, s.url
		FROM (SELECT c.id, c.hit, row_number() OVER (ORDER BY %s) AS ord FROM c
			ORDER BY %s LIMIT %s OFFSET %s) AS h
		JOIN search_entries s ON s.id = h.id`, order, order, args.Add(q.Limit), args.Add(q.Offset))
	rows, err := ix.query(ctx, b.String(), ix.oneShot(*args))
	if err != nil {
		return found{}, fmt.Errorf("search: find: %w", err)
	}
	defer rows.Close()
	fd := found{counts: map[string]map[string]int{}}
	var ords []int64
	for rows.Next() {
		var tag, value string
		var n, ord int64
		var entity, kind, issuer, status, title, body, symbol, url sql.NullString
		var unitID, entityID sql.NullInt64
		var year, class sql.NullInt32
		var day date.Date
		if err := rows.Scan(&tag, &value, &n, &ord, &entity, &kind, &issuer, &unitID, &year, &status,
			&entityID, &class, &title, &body, &symbol, &day, &url); err != nil {
			return found{}, fmt.Errorf("search: find: %w", err)
		}
		switch tag {
		case "total":
			fd.total = int(n)
		case "more":
			fd.more = n > MaxCounted
		case "hit":
			fd.page = append(fd.page, Hit{Entity: entity.String, EntityID: entityID.Int64, Class: int(class.Int32),
				Title: Highlight{{Text: title.String}}, Snippet: Highlight{{Text: body.String}}, Symbol: symbol.String,
				Kind: kind.String, Issuer: issuer.String, UnitID: unitID.Int64, Year: int(year.Int32), Status: status.String,
				Date: day, URL: url.String, SymbolMatch: n == 1})
			ords = append(ords, ord)
		default:
			if fd.counts[tag] == nil {
				fd.counts[tag] = map[string]int{}
			}
			fd.counts[tag][value] = int(n)
		}
	}
	if err := rows.Err(); err != nil {
		return found{}, fmt.Errorf("search: find: %w", err)
	}
	// The page in its order (the statement's rows may come in any).
	idx := make([]int, len(fd.page))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(ords[a], ords[b]) })
	page := make([]Hit, len(idx))
	for i, k := range idx {
		page[i] = fd.page[k]
	}
	fd.page = page
	return fd, nil
}

// sql returns the conditions " AND alias.x = $n" of every filter set.
func (f filters) sql(alias string, args *db.Args) string {
	var b strings.Builder
	for _, name := range facetNames {
		var val any
		switch name {
		case FacetEntity, FacetKind, FacetIssuer, FacetStatus:
			if s := f.value(name); s != "" {
				val = s
			}
		case FacetUnit:
			if f.UnitID != 0 {
				val = f.UnitID
			}
		case FacetYear:
			if f.Year != 0 {
				val = f.Year
			}
		}
		if val != nil {
			b.WriteString(" AND " + alias + "." + facetColumns[name] + " = " + args.Add(val))
		}
	}
	return b.String()
}

// oneShot asks pgx to plan the statement for these arguments on every
// execution (an unnamed prepared statement). By default pgx caches prepared
// statements, and after five runs PostgreSQL may switch to a generic plan
// that cannot see the words searched for: it then reads every matching row
// of a common word (0.25 s, measured) where the plan for the actual words
// walks the newest rows and stops. SQLite plans every statement anew.
func (ix *Index) oneShot(args db.Args) []any {
	if ix.db.Dialect != db.Postgres {
		return args
	}
	return append([]any{pgx.QueryExecModeDescribeExec}, args...)
}

// thisYear is the year recency is counted from.
func (ix *Index) thisYear() int { return ix.clock.Today().Year }
