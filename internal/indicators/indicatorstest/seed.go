// Package indicatorstest seeds indicators, targets and values by set-based
// SQL (the stores would take hours at national size) for the benchmarks of
// internal/indicators and internal/dashboard.
package indicatorstest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"plenum/internal/db"
)

// Period is a kind of period to seed values for: its first month and length.
type Period struct {
	Kind          string
	Month, Months int
}

// The periods of a year.
var (
	Quarters = []Period{{"quarter", 1, 3}, {"quarter", 4, 3}, {"quarter", 7, 3}, {"quarter", 10, 3}}
	Longer   = []Period{{"half", 1, 6}, {"nine", 1, 9}, {"year", 1, 12}}
)

// Spec is what to seed.
type Spec struct {
	Indicators int   // ids 1…n; the first 25 are main
	Scope      int64 // the units whose targets they are (0: none)
	Periods    []Period
	Years      int // from 2021; the term is 2021–2025
	// Units selects the units that report, as a condition on u (units)
	// and y.n (the year); every unit when empty.
	Units string
}

// Series is a FROM item of the integers from–to, named name, column n.
func Series(d *db.DB, name string, from, to int) string {
	if d.Dialect == db.Postgres {
		return fmt.Sprintf("generate_series(%d, %d) AS %s(n)", from, to, name)
	}
	return fmt.Sprintf("(WITH RECURSIVE s(n) AS (SELECT %d UNION ALL SELECT n + 1 FROM s WHERE n < %d) SELECT n FROM s) AS %s", from, to, name)
}

// Exec runs statements on the primary, failing tb on an error.
func Exec(tb testing.TB, d *db.DB) func(query string, args ...any) {
	return func(query string, args ...any) {
		tb.Helper()
		if _, err := d.Primary().ExecContext(context.Background(), query, args...); err != nil {
			tb.Fatalf("%v\n%s", err, query)
		}
	}
}

// Seed writes the indicators of sp (amounts in tỷ đồng, higher is better,
// summed), a target of 500 for every year and for the term, and a final
// value for every reporting unit, indicator, period and year.
func Seed(tb testing.TB, d *db.DB, sp Spec) {
	tb.Helper()
	exec := Exec(tb, d)
	now := time.Date(2025, 11, 15, 3, 0, 0, 0, time.UTC) // the generated worlds' today (taskstest)
	var scope any
	if sp.Scope != 0 {
		scope = sp.Scope
	}
	exec(`INSERT INTO indicators (id, code, name, measure, value_kind, direction, aggregation, periodicity, cumulative,
			main, position, scope_unit_id, term_first, term_last, search_key, sort_key, created_at, updated_at)
		SELECT i.n, 'B' || i.n, 'Chỉ tiêu ' || i.n, 'tỷ đồng', 'amount', 'higher', 'sum', 'quarter', FALSE,
			i.n <= 25, i.n, $2, 2021, 2025, 'b' || i.n, 'k' || i.n, $1, $1
		FROM `+Series(d, "i", 1, sp.Indicators), now, scope)
	exec(`INSERT INTO indicator_targets (indicator_id, period, first_year, last_year, value, created_at)
		SELECT i.id, 'year', y.n, y.n, '500', $1 FROM indicators i, `+Series(d, "y", 2021, 2020+sp.Years), now)
	exec(`INSERT INTO indicator_targets (indicator_id, period, first_year, last_year, value, created_at)
		SELECT i.id, 'term', 2021, 2025, '500', $1 FROM indicators i`, now)
	where := ""
	if sp.Units != "" {
		where = " WHERE " + sp.Units
	}
	for _, p := range sp.Periods {
		var start, end string
		if d.Dialect == db.Postgres {
			start = fmt.Sprintf("make_date(y.n, %d, 1)", p.Month)
			end = fmt.Sprintf("(make_date(y.n, %d, 1) + interval '%d months' - interval '1 day')::date", p.Month, p.Months)
		} else {
			start = fmt.Sprintf("printf('%%04d-%02d-01', y.n)", p.Month)
			end = fmt.Sprintf("date(printf('%%04d-%02d-01', y.n), '+%d months', '-1 day')", p.Month, p.Months)
		}
		exec(`INSERT INTO indicator_values (indicator_id, unit_id, period_kind, period_start, period_end, status, value,
				is_current, class, entered_at)
			SELECT i.id, u.id, '`+p.Kind+`', `+start+`, `+end+`, 'final', CAST((i.id * 7 + u.id * 13 + y.n) % 1000 AS TEXT), TRUE, 0, $1
			FROM indicators i, units u, `+Series(d, "y", 2021, 2020+sp.Years)+where, now)
	}
	exec(`ANALYZE`)
}
