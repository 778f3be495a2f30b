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

// countFast is count from the counts tables; key is "lead_unit_id" or "document_id".
func (s *Store) countFast(ctx context.Context, v access.Viewer, q CountQuery, key string, fn func(key int64, st Status, n, soon int)) error {
	table := "task_unit_counts"
	if key == "document_id" {
		table = "task_document_counts"
	}
	r := s.db.R(ctx)
	scan := func(query string, args db.Args, sign int, st Status) error {
		rows, err := r.QueryContext(ctx, query, args...)
		if err != nil {
			return fmt.Errorf("tasks: counts by %s: %w", key, err)
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
	units := func(col string, args *db.Args) string {
		if len(q.UnitIDs) == 0 {
			return ""
		}
		return " AND " + col + " IN " + db.In(args, q.UnitIDs)
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
	if key == "lead_unit_id" {
		where += units("c.lead_unit_id", &a)
	} else if len(q.UnitIDs) > 0 {
		// By document within some units: the counts do not split documents by unit.
		return s.countScan(ctx, v, q, "o.document_id", fn)
	}
	if err := scan(`SELECT c.`+key+`, c.status, sum(c.n) FROM `+table+` c WHERE `+where+
		` GROUP BY c.`+key+`, c.status HAVING sum(c.n) <> 0`, a, 1, ""); err != nil {
		return err
	}
	// Less the unclassified deadlines whose period begins after today:
	// they are stored as not started but do not count yet.
	var b db.Args
	where = "o.start_on > " + b.Add(q.AsOf) + " AND o.class = 0 AND o." + key + " IS NOT NULL"
	if !q.DueFrom.IsZero() {
		where += " AND o.due_on >= " + b.Add(q.DueFrom)
	}
	if !q.DueTo.IsZero() {
		where += " AND o.due_on <= " + b.Add(q.DueTo)
	}
	where += units("o.lead_unit_id", &b)
	if err := scan(`SELECT o.`+key+`, count(*) FROM task_occurrences o WHERE `+where+` GROUP BY o.`+key, b, -1, NotStarted); err != nil {
		return err
	}
	// Classified deadlines the viewer may see, live; and due soon, live
	// over a few days of deadlines.
	live := q
	live.classified = true
	if v.All || v.Clearance > 0 {
		if err := s.countScan(ctx, v, live, "o."+key, fn); err != nil {
			return err
		}
	}
	var c db.Args
	day := c.Add(q.AsOf)
	where = "o.due_on >= " + day + " AND o.due_on <= " + c.Add(q.AsOf.AddDays(q.SoonDays)) + " AND o.start_on <= " + day +
		" AND o.status IN ('not_started', 'in_progress') AND o." + key + " IS NOT NULL AND " +
		v.VisibleBy(Entity, "o.class", "o.task_id", &c) + units("o.lead_unit_id", &c)
	if !q.DueFrom.IsZero() {
		where += " AND o.due_on >= " + c.Add(q.DueFrom)
	}
	if !q.DueTo.IsZero() {
		where += " AND o.due_on <= " + c.Add(q.DueTo)
	}
	rows, err := r.QueryContext(ctx, `SELECT o.`+key+`, o.status, count(*) FROM task_occurrences o WHERE `+where+
		` GROUP BY o.`+key+`, o.status`, c...)
	if err != nil {
		return fmt.Errorf("tasks: due soon by %s: %w", key, err)
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
