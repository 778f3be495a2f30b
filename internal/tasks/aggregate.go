package tasks

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"plenum/internal/access"
	"plenum/internal/date"
	"plenum/internal/db"
)

// CountQuery selects the deadlines a dashboard counts.
type CountQuery struct {
	// AsOf is the day the statuses are taken on (today when zero); only
	// deadlines started by then count.
	AsOf date.Date `json:"as_of"`
	// DueFrom and DueTo limit the deadlines counted (a year, a quarter);
	// zero bounds are open.
	DueFrom date.Date `json:"due_from"`
	DueTo   date.Date `json:"due_to"`
	// SoonDays is the horizon of "due soon": open, not overdue, due within
	// this many days of AsOf. 7 when zero.
	SoonDays int `json:"soon_days,omitempty"`
	// UnitIDs limits the count to deadlines led by these units (give the
	// units of a province and their predecessors); empty is every unit.
	UnitIDs []int64 `json:"unit_ids,omitempty"`
	// DocumentID limits the count to the deadlines of tasks drawn from
	// one document (a resolution); 0 is every source.
	DocumentID int64 `json:"document_id,omitempty"`
	// Limit bounds CountByDocument, the most late first (50 when zero).
	Limit int `json:"limit,omitempty"`

	classified  bool    // count classified deadlines only (the live part of the fast path)
	documentIDs []int64 // count the deadlines of these documents only
	lateOnly    bool    // leave out rows that cannot be late (to rank by lateness)
}

// Counts are the deadlines of one row of a dashboard by status, with those
// due soon among the open ones.
type Counts struct {
	ByStatus map[Status]int `json:"by_status"`
	Total    int            `json:"total"`
	Late     int            `json:"late"`     // overdue or done late
	DueSoon  int            `json:"due_soon"` // open, not overdue, due within SoonDays
}

// N is the number of deadlines of one status.
func (c Counts) N(st Status) int { return c.ByStatus[st] }

func (c *Counts) add(st Status, n, soon int) {
	if c.ByStatus == nil {
		c.ByStatus = map[Status]int{}
	}
	c.ByStatus[st] += n
	c.Total += n
	if st == Overdue || st == DoneLate {
		c.Late += n
	}
	if st == NotStarted || st == InProgress {
		c.DueSoon += soon
	}
}

// UnitCounts are the counts of one lead unit.
type UnitCounts struct {
	Unit UnitRef `json:"unit"`
	Counts
}

// DocumentCounts are the counts of the tasks drawn from one document.
type DocumentCounts struct {
	DocumentID int64  `json:"document_id"`
	Label      string `json:"label"`
	Counts
}

func (q *CountQuery) defaults(today date.Date) {
	if q.AsOf.IsZero() {
		q.AsOf = today
	}
	if q.SoonDays <= 0 {
		q.SoonDays = 7
	}
}

// grouping is what a count groups the deadlines by: an expression over
// task_occurrences o, and the same over the counts table that keeps it, c.
type grouping struct {
	occ, counts, table string
}

var (
	groupUnit     = grouping{"o.lead_unit_id", "c.lead_unit_id", "task_unit_counts"}
	groupDocument = grouping{"o.document_id", "c.document_id", "task_document_counts"}
)

// groupMonth groups by the day due, as days since 1970-01-01 (the first
// of the month for the counts tables), which CountByMonth folds into
// months: cheaper to compute for each deadline than the month itself.
func (s *Store) groupMonth() grouping {
	if s.db.Dialect == db.Postgres {
		return grouping{`(o.due_on - DATE '1970-01-01')`, `(CAST(c.month || '-01' AS DATE) - DATE '1970-01-01')`, "task_unit_counts"}
	}
	return grouping{`unixepoch(o.due_on) / 86400`, `unixepoch(c.month || '-01') / 86400`, "task_unit_counts"}
}

// monthOf is the month (202503) of a key of groupMonth.
func monthOf(day int64) int64 {
	y, m, _ := time.Unix(day*86400, 0).UTC().Date()
	return int64(y*100 + int(m))
}

// count runs the grouped count: fn is called once for each key and status.
func (s *Store) count(ctx context.Context, v access.Viewer, q CountQuery, g grouping, fn func(key int64, st Status, n, soon int)) error {
	var args db.Args
	return s.sum(ctx, g, s.deadlines(v, q, g, &args), args, fn)
}

// sum adds up the rows of deadlines (src, args) by key and status.
func (s *Store) sum(ctx context.Context, g grouping, src string, args db.Args, fn func(key int64, st Status, n, soon int)) error {
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT k, st, sum(n), sum(soon) FROM (`+src+`) x GROUP BY k, st`, args...)
	if err != nil {
		return fmt.Errorf("tasks: count by %s: %w", g.occ, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var st Status
		var n, soon int
		if err := rows.Scan(&id, &st, &n, &soon); err != nil {
			return err
		}
		fn(id, st, n, soon)
	}
	return rows.Err()
}

// deadlines returns the SQL of rows (k, st, n, soon) whose sums by key k
// and status st are the counts of q: n deadlines, soon of them due soon.
// From the counts tables when they can answer (see fast), else a scan.
func (s *Store) deadlines(v access.Viewer, q CountQuery, g grouping, args *db.Args) string {
	fast := q.fast(s.Today()) && q.DocumentID == 0
	if g == groupDocument {
		fast = fast && len(q.UnitIDs) == 0 // the counts do not split documents by unit
	} else {
		fast = fast && len(q.documentIDs) == 0
	}
	if fast {
		return s.fastDeadlines(v, q, g, args)
	}
	return s.scanDeadlines(v, q, g, args)
}

// scanDeadlines is deadlines by a scan: one row a deadline, its status by
// StatusSQL.
func (s *Store) scanDeadlines(v access.Viewer, q CountQuery, g grouping, args *db.Args) string {
	day := args.Add(q.AsOf)
	soon := args.Add(q.AsOf.AddDays(q.SoonDays))
	where := "o.start_on <= " + day + " AND " + v.VisibleBy(Entity, "o.class", "o.task_id", args) + q.window(g, args)
	if q.DocumentID != 0 {
		where += " AND o.document_id = " + args.Add(q.DocumentID)
	}
	if q.classified {
		where += " AND o.class > 0"
	}
	if q.lateOnly {
		where += " AND o.due_on < " + day // late is overdue or done after the deadline, both past it
	}
	return `SELECT ` + g.occ + ` AS k, ` + StatusSQL("o", day) + ` AS st, 1 AS n,
		CASE WHEN o.due_on <= ` + soon + ` THEN 1 ELSE 0 END AS soon FROM ` + s.scanFrom(q, g) + ` WHERE ` + where
}

// scanFrom is the FROM of a scan of q's deadlines, task_occurrences o.
// Once ANALYZE has run, SQLite prefers for a window of every unit a skip
// scan of task_occurrences_unit, which reads each row from the table: two
// to three times slower than the covering task_occurrences_due (and, for
// a list, no longer in the order of the deadlines). So on SQLite a scan of
// every unit and source, by unit or month, names that index; a narrower
// one is left to the planner, as is PostgreSQL.
func (s *Store) scanFrom(q CountQuery, g grouping) string {
	if s.db.Dialect == db.SQLite && g != groupDocument && !q.classified &&
		len(q.UnitIDs) == 0 && q.DocumentID == 0 && len(q.documentIDs) == 0 {
		return "task_occurrences o INDEXED BY task_occurrences_due"
	}
	return "task_occurrences o"
}

// window is the condition, over task_occurrences o, on the deadlines of q
// by their due day, lead unit and (by document) document.
func (q CountQuery) window(g grouping, args *db.Args) string {
	where := ""
	if !q.DueFrom.IsZero() {
		where += " AND o.due_on >= " + args.Add(q.DueFrom)
	}
	if !q.DueTo.IsZero() {
		where += " AND o.due_on <= " + args.Add(q.DueTo)
	}
	if len(q.UnitIDs) > 0 {
		where += " AND o.lead_unit_id IN " + db.In(args, q.UnitIDs)
	}
	if g == groupDocument {
		where += " AND o.document_id IS NOT NULL"
	}
	if len(q.documentIDs) > 0 {
		where += " AND o.document_id IN " + db.In(args, q.documentIDs)
	}
	return where
}

// CountByUnit counts deadlines by lead unit and status as of q.AsOf. A unit
// merged into another by then is counted under its successor (transitively);
// on a day before the merge, the units are counted as they were. Units are
// named as of q.AsOf (or their last name if they ended) and listed in
// Vietnamese order.
func (s *Store) CountByUnit(ctx context.Context, v access.Viewer, q CountQuery) ([]UnitCounts, error) {
	q.defaults(s.Today())
	succ, err := s.successors(ctx, q.AsOf)
	if err != nil {
		return nil, err
	}
	byUnit := map[int64]*UnitCounts{}
	err = s.count(ctx, v, q, groupUnit, func(id int64, st Status, n, soon int) {
		for i := 0; i < 64 && succ[id] != 0; i++ {
			id = succ[id]
		}
		c := byUnit[id]
		if c == nil {
			c = &UnitCounts{Unit: UnitRef{ID: id}}
			byUnit[id] = c
		}
		c.add(st, n, soon)
	})
	if err != nil {
		return nil, err
	}
	ids := make([]int64, 0, len(byUnit))
	for id := range byUnit {
		ids = append(ids, id)
	}
	names, err := s.unitNames(ctx, ids, q.AsOf)
	if err != nil {
		return nil, err
	}
	out := make([]UnitCounts, 0, len(byUnit))
	for id, c := range byUnit {
		if c.Total == 0 && c.DueSoon == 0 {
			continue
		}
		c.Unit.Name = names[id].name
		out = append(out, *c)
	}
	// By the names' stored sort keys: a country has thousands of units, and
	// computing keys at each comparison took longer than the count.
	sort.Slice(out, func(i, j int) bool {
		if a, b := names[out[i].Unit.ID].key, names[out[j].Unit.ID].key; a != b {
			return a < b
		}
		return out[i].Unit.ID < out[j].Unit.ID
	})
	return out, nil
}

// successors maps each unit merged into exactly one other by day to it.
// A unit split into several is not rolled up: its deadlines stay its own.
func (s *Store) successors(ctx context.Context, day date.Date) (map[int64]int64, error) {
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT s.predecessor_id, min(s.successor_id), count(*)
		FROM unit_successions s JOIN unit_events e ON e.id = s.event_id
		WHERE e.effective <= $1 GROUP BY s.predecessor_id`, day)
	if err != nil {
		return nil, fmt.Errorf("tasks: successions: %w", err)
	}
	defer rows.Close()
	out := map[int64]int64{}
	for rows.Next() {
		var p, s2 int64
		var n int
		if err := rows.Scan(&p, &s2, &n); err != nil {
			return nil, err
		}
		if n == 1 {
			out[p] = s2
		}
	}
	return out, rows.Err()
}

// namedUnit is a unit's name and its sort key (Vietnamese order as byte order).
type namedUnit struct{ name, key string }

// unitNames names units as of day, or by their last name before it (or
// their first, for a unit created later).
func (s *Store) unitNames(ctx context.Context, ids []int64, day date.Date) (map[int64]namedUnit, error) {
	out := map[int64]namedUnit{}
	if len(ids) == 0 {
		return out, nil
	}
	var args db.Args
	d := args.Add(day)
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT unit_id, name, sort_key, valid_from <= `+d+` FROM unit_names
		WHERE unit_id IN `+db.In(&args, ids)+` ORDER BY unit_id, valid_from`, args...)
	if err != nil {
		return nil, fmt.Errorf("tasks: unit names: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var n namedUnit
		var started bool
		if err := rows.Scan(&id, &n.name, &n.key, &started); err != nil {
			return nil, err
		}
		if _, ok := out[id]; !ok || started {
			out[id] = n
		}
	}
	return out, rows.Err()
}

// CountByDocument counts deadlines by the document they were drawn from
// and status as of q.AsOf, the most late first.
func (s *Store) CountByDocument(ctx context.Context, v access.Viewer, q CountQuery) ([]DocumentCounts, error) {
	q.defaults(s.Today())
	if q.Limit <= 0 {
		q.Limit = 50
	}
	// Ranked in the database: a country has tens of thousands of documents
	// with deadlines in a year, and only the first few are shown. Those
	// with late deadlines first, reading the late ones only; all of them
	// when too few are late.
	late := q
	late.lateOnly = true
	ids, err := s.rankDocuments(ctx, v, late)
	if err == nil && len(ids) < q.Limit {
		ids, err = s.rankDocuments(ctx, v, q)
	}
	if err != nil || len(ids) == 0 {
		return []DocumentCounts{}, err
	}
	q.documentIDs = ids
	byDoc := map[int64]*DocumentCounts{}
	err = s.count(ctx, v, q, groupDocument, func(id int64, st Status, n, soon int) {
		c := byDoc[id]
		if c == nil {
			c = &DocumentCounts{DocumentID: id}
			byDoc[id] = c
		}
		c.add(st, n, soon)
	})
	if err != nil {
		return nil, err
	}
	out := make([]DocumentCounts, 0, len(ids))
	for _, id := range ids {
		if c := byDoc[id]; c != nil {
			out = append(out, *c)
		}
	}
	// The label as the tasks recorded it: a reader who sees a task sees
	// its source's label on the task's page too.
	var args db.Args
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT document_id, max(source_label) FROM tasks
		WHERE source_kind = 'document' AND document_id IN `+db.In(&args, ids)+` GROUP BY document_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("tasks: document labels: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var label string
		if err := rows.Scan(&id, &label); err != nil {
			return nil, err
		}
		for i := range out {
			if out[i].DocumentID == id {
				out[i].Label = label
			}
		}
	}
	return out, rows.Err()
}

// rankDocuments returns the ids of the documents with deadlines counted
// by q, the most late first, at most q.Limit; with q.lateOnly, only those
// with late deadlines.
func (s *Store) rankDocuments(ctx context.Context, v access.Viewer, q CountQuery) ([]int64, error) {
	var args db.Args
	src := s.deadlines(v, q, groupDocument, &args)
	late := "sum(CASE WHEN st IN ('overdue', 'done_late') THEN n ELSE 0 END)"
	having := "sum(n) > 0"
	if q.lateOnly {
		having = late + " > 0"
	}
	ids, err := db.Column[int64](ctx, s.db.R(ctx), `SELECT k FROM (`+src+`) x GROUP BY k HAVING `+having+`
		ORDER BY `+late+` DESC, k LIMIT `+args.Add(q.Limit), args...)
	if err != nil {
		return nil, fmt.Errorf("tasks: documents most late: %w", err)
	}
	return ids, nil
}

// Late returns the deadlines overdue on q.AsOf, the longest overdue first,
// at most limit.
func (s *Store) Late(ctx context.Context, v access.Viewer, q CountQuery, limit int) ([]Item, error) {
	q.defaults(s.Today())
	return s.window(ctx, v, q, "o.due_on < "+"$DAY", "o.due_on, o.id", limit)
}

// DueSoon returns the open deadlines due from q.AsOf to q.SoonDays after,
// the earliest first, at most limit.
func (s *Store) DueSoon(ctx context.Context, v access.Viewer, q CountQuery, limit int) ([]Item, error) {
	q.defaults(s.Today())
	return s.window(ctx, v, q, "o.due_on >= $DAY AND o.due_on <= $SOON", "o.due_on, o.id", limit)
}

// window lists the deadlines open on q.AsOf (started, neither done nor
// cancelled by then) that match cond, where $DAY and $SOON stand for q.AsOf
// and its horizon.
func (s *Store) window(ctx context.Context, v access.Viewer, q CountQuery, cond, order string, limit int) ([]Item, error) {
	if limit <= 0 || limit > MaxLimit {
		limit = DefaultLimit
	}
	var args db.Args
	day := args.Add(q.AsOf)
	if strings.Contains(cond, "$SOON") {
		cond = strings.ReplaceAll(cond, "$SOON", args.Add(q.AsOf.AddDays(q.SoonDays)))
	}
	cond = strings.ReplaceAll(cond, "$DAY", day)
	where := []string{"o.start_on <= " + day, cond,
		"(o.done_on IS NULL OR o.done_on > " + day + ")", "(o.cancelled_on IS NULL OR o.cancelled_on > " + day + ")",
		v.VisibleBy(Entity, "o.class", "o.task_id", &args)}
	if len(q.UnitIDs) > 0 {
		where = append(where, "o.lead_unit_id IN "+db.In(&args, q.UnitIDs))
	}
	if q.DocumentID != 0 {
		where = append(where, "o.document_id = "+args.Add(q.DocumentID))
	}
	if !q.DueFrom.IsZero() {
		where = append(where, "o.due_on >= "+args.Add(q.DueFrom))
	}
	if !q.DueTo.IsZero() {
		where = append(where, "o.due_on <= "+args.Add(q.DueTo))
	}
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT `+occColumns+`, `+itemColumns+`
		FROM `+s.scanFrom(q, groupUnit)+` JOIN tasks t ON t.id = o.task_id WHERE `+strings.Join(where, " AND ")+
		` ORDER BY `+order+` LIMIT `+args.Add(limit), args...)
	if err != nil {
		return nil, fmt.Errorf("tasks: deadlines on %s: %w", q.AsOf, err)
	}
	return scanItems(rows, q.AsOf)
}

// MonthCounts are the counts of the deadlines due in one month.
type MonthCounts struct {
	Month string `json:"month"` // "2025-03"
	Counts
}

// CountByMonth counts deadlines by the month they are due in and status
// as of q.AsOf, every month from q.DueFrom to q.DueTo (both needed) listed
// in order, empty ones too: how the work of a year went.
func (s *Store) CountByMonth(ctx context.Context, v access.Viewer, q CountQuery) ([]MonthCounts, error) {
	q.defaults(s.Today())
	if q.DueFrom.IsZero() || q.DueTo.IsZero() || q.DueTo.Before(q.DueFrom) {
		return nil, fmt.Errorf("tasks: count by month needs a window, got %s–%s", q.DueFrom, q.DueTo)
	}
	byMonth := map[int64]*Counts{}
	err := s.count(ctx, v, q, s.groupMonth(), func(day int64, st Status, n, soon int) {
		ym := monthOf(day)
		c := byMonth[ym]
		if c == nil {
			c = &Counts{}
			byMonth[ym] = c
		}
		c.add(st, n, soon)
	})
	if err != nil {
		return nil, err
	}
	var out []MonthCounts
	for y, m := q.DueFrom.Year, int(q.DueFrom.Month); y*100+m <= q.DueTo.Year*100+int(q.DueTo.Month); {
		mc := MonthCounts{Month: fmt.Sprintf("%04d-%02d", y, m), Counts: Counts{ByStatus: map[Status]int{}}}
		if c := byMonth[int64(y*100+m)]; c != nil {
			mc.Counts = *c
		}
		out = append(out, mc)
		if m++; m > 12 {
			y, m = y+1, 1
		}
	}
	return out, nil
}
