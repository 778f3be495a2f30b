package tasks

import (
	"context"
	"fmt"
	"strings"

	"plenum/internal/access"
	"plenum/internal/date"
	"plenum/internal/db"
)

// The dashboard as of today reads task_unit_counts and
// task_document_counts (kept by triggers from the stored statuses) for
// unclassified deadlines, takes away deadlines whose period has not begun,
// and counts classified deadlines live, since grants decide who sees each.
// Other dates, and bounds that do not follow whole months, scan the
// deadlines with StatusSQL instead. Both give the same numbers; a test
// holds them together.

// fast reports whether q can be answered from the counts tables.
func (q CountQuery) fast(today date.Date) bool {
	if q.AsOf != today {
		return false
	}
	if !q.DueFrom.IsZero() && q.DueFrom.Day != 1 {
		return false
	}
	return q.DueTo.IsZero() || q.DueTo.Day == date.DaysIn(q.DueTo.Year, q.DueTo.Month)
}

// month is the 'YYYY-MM' key of a day.
func month(d date.Date) string { return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month)) }

// fastDeadlines is deadlines from the counts tables. Its rows are the
// unclassified deadlines by the counts; less those whose period begins
// after the date (stored as not started, they do not count yet); the
// classified ones the viewer may see, live; and which unclassified open
// deadlines are due soon, live over a few days of deadlines.
func (s *Store) fastDeadlines(v access.Viewer, q CountQuery, g grouping, args *db.Args) string {
	where := "c.class = 0"
	if !q.DueFrom.IsZero() {
		where += " AND c.month >= " + args.Add(month(q.DueFrom))
	}
	if !q.DueTo.IsZero() {
		where += " AND c.month <= " + args.Add(month(q.DueTo))
	}
	if len(q.UnitIDs) > 0 {
		where += " AND c.lead_unit_id IN " + db.In(args, q.UnitIDs)
	}
	if len(q.documentIDs) > 0 {
		where += " AND c.document_id IN " + db.In(args, q.documentIDs)
	}
	if q.lateOnly {
		where += " AND c.status IN ('overdue', 'done_late')"
	}
	parts := []string{`SELECT ` + g.counts + ` AS k, c.status AS st, c.n AS n, 0 AS soon FROM ` + g.table + ` c WHERE ` + where}
	if !q.lateOnly { // neither is ever late
		day := args.Add(q.AsOf)
		parts = append(parts, `SELECT `+g.occ+` AS k, 'not_started' AS st, -1 AS n, 0 AS soon FROM task_occurrences o
		WHERE o.start_on > `+day+` AND o.class = 0`+q.window(g, args))
		parts = append(parts, `SELECT `+g.occ+` AS k, o.status AS st, 0 AS n, 1 AS soon FROM task_occurrences o
		WHERE o.due_on >= `+day+` AND o.due_on <= `+args.Add(q.AsOf.AddDays(q.SoonDays))+` AND o.start_on <= `+day+`
		AND o.status IN ('not_started', 'in_progress') AND o.class = 0`+q.window(g, args))
	}
	if v.All || v.Clearance > 0 {
		live := q
		live.classified = true
		parts = append(parts, s.scanDeadlines(v, live, g, args))
	}
	return strings.Join(parts, "\n\t\tUNION ALL ")
}

// CompactCounts folds the rows the triggers appended to the counts tables
// into one per key. The status job runs it; readers see the same sums
// before and after. On PostgreSQL one statement deletes and re-inserts, so
// rows appended meanwhile by other transactions are left alone; SQLite has
// one writer.
func (s *Store) CompactCounts(ctx context.Context) error {
	return s.db.Tx(ctx, func(ctx context.Context) error {
		for _, t := range []struct{ table, key string }{{"task_unit_counts", "lead_unit_id"}, {"task_document_counts", "document_id"}} {
			cols := t.key + ", month, class, status"
			var stmts []string
			if s.db.Dialect == db.Postgres {
				stmts = []string{`WITH d AS (DELETE FROM ` + t.table + ` RETURNING ` + cols + `, n)
					INSERT INTO ` + t.table + ` SELECT ` + cols + `, sum(n) FROM d GROUP BY ` + cols + ` HAVING sum(n) <> 0`}
			} else {
				stmts = []string{
					`CREATE TEMP TABLE IF NOT EXISTS compact_counts (k BIGINT, month TEXT, class INTEGER, status TEXT, n BIGINT)`,
					`DELETE FROM temp.compact_counts`,
					`INSERT INTO temp.compact_counts SELECT ` + cols + `, sum(n) FROM ` + t.table + ` GROUP BY ` + cols + ` HAVING sum(n) <> 0`,
					`DELETE FROM ` + t.table,
					`INSERT INTO ` + t.table + ` SELECT k, month, class, status, n FROM temp.compact_counts`,
				}
			}
			for _, q := range stmts {
				if _, err := s.db.W(ctx).ExecContext(ctx, q); err != nil {
					return fmt.Errorf("tasks: compact %s: %w", t.table, err)
				}
			}
		}
		return nil
	})
}
