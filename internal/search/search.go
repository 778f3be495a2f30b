package search

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/problem"
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
	// at most MaxLimit; Offset is at most MaxOffset.
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
	MaxOffset    = 10_000
)

// Result is what a search found.
type Result struct {
	// Total counts every visible hit under the filters (not only this page).
	Total int   `json:"total"`
	Hits  []Hit `json:"hits"`
	// Facets count the visible hits by each filter, each with the other
	// filters applied, so that choosing a value shows how many it gives.
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
		tries = append(tries, func(a *db.Args) (matcher, int) { return substring(p.Substring, a), 0 })
		if ix.db.Dialect == db.Postgres && !strings.ContainsAny(p.Substring, "0123456789") {
			tries = append(tries, func(a *db.Args) (matcher, int) { return similar(p.Substring, a), 0 })
		}
	}
	var terms []term
	for i, try := range tries {
		f := q.filters()
		var args db.Args
		m, year := try(&args)
		if f.Year == 0 && year != 0 {
			f.Year = year
		}
		groups, err := ix.groups(ctx, m, v, readable, &args)
		if err != nil {
			return res, err
		}
		total, facets := tally(groups, f)
		if total == 0 && i < len(tries)-1 {
			continue
		}
		res.Total, res.Year, res.Loose = total, f.Year, i > 0 && total > 0
		if res.Facets, err = ix.label(ctx, facets, f, q.Lang); err != nil {
			return res, err
		}
		if total == 0 || q.Offset >= total {
			return res, nil
		}
		if i < len(plans) {
			terms = plans[i].Terms
		}
		args = nil
		m, _ = try(&args)
		if res.Hits, err = ix.page(ctx, m, terms, v, readable, f, q, &args); err != nil {
			return res, err
		}
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
	v.Check(q.Offset >= 0 && q.Offset <= MaxOffset, "offset", "search.error.offset", MaxOffset)
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
	return filters{Entity: q.Entity, Kind: q.Kind, Issuer: oneLine(q.Issuer), Status: q.Status, UnitID: q.UnitID, Year: q.Year}
}

// visible is the condition admitting the rows the viewer may see: the
// access rule of each kind of record, applied to the row's own kind.
func visible(v Viewer, readable []string, args *db.Args) string {
	var probe db.Args
	switch v.VisibleBy("", "s.class", "s.entity_id", &probe) {
	case "1 = 1":
		return "1 = 1"
	case "s.class = 0":
		return "s.class = 0"
	}
	parts := []string{"s.class = 0"}
	for _, e := range readable {
		parts = append(parts, "(s.entity = "+args.Add(e)+" AND "+v.VisibleBy(e, "s.class", "s.entity_id", args)+")")
	}
	return "(" + strings.Join(parts, " OR ") + ")"
}

// group is the number of visible hits with one combination of facet values.
type group struct {
	f filters
	n int
}

// groups counts the visible hits of a matcher by every facet at once.
func (ix *Index) groups(ctx context.Context, m matcher, v Viewer, readable []string, args *db.Args) ([]group, error) {
	query := `SELECT s.entity, s.kind, s.issuer, COALESCE(s.unit_id, 0), s.year, s.status, count(*)
		FROM ` + m.from + ` WHERE ` + m.cond + ` AND s.entity IN ` + db.In(args, readable) + ` AND ` + visible(v, readable, args) + `
		GROUP BY s.entity, s.kind, s.issuer, COALESCE(s.unit_id, 0), s.year, s.status`
	rows, err := ix.db.R(ctx).QueryContext(ctx, query, *args...)
	if err != nil {
		return nil, fmt.Errorf("search: count: %w", err)
	}
	defer rows.Close()
	var out []group
	for rows.Next() {
		var g group
		if err := rows.Scan(&g.f.Entity, &g.f.Kind, &g.f.Issuer, &g.f.UnitID, &g.f.Year, &g.f.Status, &g.n); err != nil {
			return nil, fmt.Errorf("search: count: %w", err)
		}
		out = append(out, g)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search: count: %w", err)
	}
	return out, nil
}

// page reads one page of hits, best first: exact symbol matches, newest
// first (a plan and its replacement share a number); then the engine's rank
// (title above body) scaled up for recent years; then the newest.
func (ix *Index) page(ctx context.Context, m matcher, terms []term, v Viewer, readable []string, f filters, q Query, args *db.Args) ([]Hit, error) {
	hit := symbolHit(terms, args)
	where := []string{m.cond, "s.entity IN " + db.In(args, readable), visible(v, readable, args)}
	if f.Entity != "" {
		where = append(where, "s.entity = "+args.Add(f.Entity))
	}
	if f.Kind != "" {
		where = append(where, "s.kind = "+args.Add(f.Kind))
	}
	if f.Issuer != "" {
		where = append(where, "s.issuer = "+args.Add(f.Issuer))
	}
	if f.Status != "" {
		where = append(where, "s.status = "+args.Add(f.Status))
	}
	if f.UnitID != 0 {
		where = append(where, "s.unit_id = "+args.Add(f.UnitID))
	}
	if f.Year != 0 {
		where = append(where, "s.year = "+args.Add(f.Year))
	}
	// Recency multiplies a (negative, lower is better) rank by up to 2: this
	// year's records ×2, last year's ×1.5, ten years ago ×1.09.
	recency := "(CASE WHEN s.year = 0 THEN 1.0 ELSE 1.0 + 1.0 / (1.0 + ABS(" + args.Add(ix.thisYear()) + " - s.year)) END)"
	query := `SELECT s.entity, s.entity_id, s.class, s.title, s.body, s.symbol, s.kind, s.issuer, COALESCE(s.unit_id, 0),
		s.year, s.status, s.day, s.url, ` + hit + ` AS hit
		FROM ` + m.from + ` WHERE ` + strings.Join(where, " AND ") + `
		ORDER BY hit DESC, CASE WHEN ` + hit + ` = 1 THEN s.day END DESC, ` + m.rank + ` * ` + recency + `, s.day DESC, s.id DESC
		LIMIT ` + args.Add(q.Limit) + ` OFFSET ` + args.Add(q.Offset)
	rows, err := ix.db.R(ctx).QueryContext(ctx, query, *args...)
	if err != nil {
		return nil, fmt.Errorf("search: page: %w", err)
	}
	defer rows.Close()
	out := []Hit{}
	for rows.Next() {
		var h Hit
		var title, body string
		var symHit int
		if err := rows.Scan(&h.Entity, &h.EntityID, &h.Class, &title, &body, &h.Symbol, &h.Kind, &h.Issuer, &h.UnitID,
			&h.Year, &h.Status, &h.Date, &h.URL, &symHit); err != nil {
			return nil, fmt.Errorf("search: page: %w", err)
		}
		h.SymbolMatch = symHit == 1
		h.Title, h.Snippet = Highlight{{Text: title}}, Highlight{{Text: body}}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search: page: %w", err)
	}
	return out, nil
}

// thisYear is the year recency is counted from.
func (ix *Index) thisYear() int { return ix.now().Year() }
