package tasks

import (
	"context"
	"fmt"

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

// countFast is count from the counts tables.
func (s *Store) countFast(ctx context.Context, v access.Viewer, q CountQuery, g grouping, fn func(key int64, st Status, n, soon int)) error {
	if g.table == groupDocument.table && len(q.UnitIDs) > 0 {
		// By document within some units: the counts do not split documents by unit.
		return s.countScan(ctx, v, q, g, fn)
	}
	r := s.db.R(ctx)
	scan := func(query string, args db.Args, sign int, st Status) error {
		rows, err := r.QueryContext(ctx, query, args...)
		if err != nil {
			return fmt.Errorf("tasks: counts by %s: %w", g.occ, err)
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var status Status
			var n int
			dest := []any{&id, &status, &n}
			if st != "" {
				dest = []any{&id, &n}
			}
			if err := rows.Scan(dest...); err != nil {
				return err
			}
			if st != "" {
				status = st
			}
			fn(id, status, sign*n, 0)
		}
		return rows.Err()
	}
	// The deadlines of the window, led by the units asked for, and (by
	// document) drawn from one; over o, with their arguments in args.
	window := func(args *db.Args) string {
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
		return where
	}
	// Unclassified, from the counts.
	var a db.Args
	where := "c.class = 0"
	if !q.DueFrom.IsZero() {
		where += " AND c.month >= " + a.Add(month(q.DueFrom))
	}
	if !q.DueTo.IsZero() {
		where += " AND c.month <= " + a.Add(month(q.DueTo))
	}
	if len(q.UnitIDs) > 0 {
		where += " AND c.lead_unit_id IN " + db.In(&a, q.UnitIDs)
	}
	if err := scan(`SELECT `+g.counts+` AS k, c.status, sum(c.n) FROM `+g.table+` c WHERE `+where+
		` GROUP BY k, c.status HAVING sum(c.n) <> 0`, a, 1, ""); err != nil {
		return err
	}
	// Less the unclassified deadlines whose period begins after today:
	// they are stored as not started but do not count yet.
	var b db.Args
	if err := scan(`SELECT `+g.occ+` AS k, count(*) FROM task_occurrences o WHERE o.start_on > `+b.Add(q.AsOf)+
		` AND o.class = 0`+window(&b)+` GROUP BY k`, b, -1, NotStarted); err != nil {
		return err
	}
	// Classified deadlines the viewer may see, live; and due soon, live
	// over a few days of deadlines.
	live := q
	live.classified = true
	if v.All || v.Clearance > 0 {
		if err := s.countScan(ctx, v, live, g, fn); err != nil {
			return err
		}
	}
	var c db.Args
	day := c.Add(q.AsOf)
	where = "o.due_on >= " + day + " AND o.due_on <= " + c.Add(q.AsOf.AddDays(q.SoonDays)) + " AND o.start_on <= " + day +
		" AND o.status IN ('not_started', 'in_progress') AND " + v.VisibleBy(Entity, "o.class", "o.task_id", &c) + window(&c)
	rows, err := r.QueryContext(ctx, `SELECT `+g.occ+` AS k, o.status, count(*) FROM task_occurrences o WHERE `+where+
		` GROUP BY k, o.status`, c...)
	if err != nil {
		return fmt.Errorf("tasks: due soon by %s: %w", g.occ, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var st Status
		var n int
		if err := rows.Scan(&id, &st, &n); err != nil {
			return err
		}
		fn(id, st, 0, n)
	}
	return rows.Err()
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
