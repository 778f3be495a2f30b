package dashboard_test

import (
	"context"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"plenum/internal/audit"
	"plenum/internal/dashboard"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/db/dbtest"
	"plenum/internal/indicators"
	"plenum/internal/indicators/indicatorstest"
	"plenum/internal/tasks/taskstest"
)

// Benchmarks of the whole dashboard (Service.Build) on generated data:
//
//	PLENUM_BENCH_SESSIONS=1 go test ./internal/dashboard -run '^$' -bench Province -benchtime 200x
//	go test ./internal/dashboard -run '^$' -bench Province -benchtime 200x   # 50 sessions
//
// The province of internal/tasks/taskstest (100 units, 20,000 tasks a year
// for 2021–2025, "today" 2025-11-15) with 200 indicators (25 main, the
// province's targets for every year and the term) and their values for
// every unit, quarter, 6 and 9 months and year of 2021–2025. A primary-key
// lookup is the baseline of the same run. Each dashboard is measured as
// kept (built once, then shown again while no change is recorded) and cold
// (built every time: a first view, or the first after a change that may
// not be shown late); DashboardChanging and DashboardMixChanging mix them
// with changes (someone else's, unclassified) recorded as leaders look.
// PLENUM_BENCH_NATIONAL=1 with PLENUM_TEST_DATABASE_URL runs the national
// scale of taskstest on PostgreSQL (50 indicators there).

// seedIndicators adds the indicators, targets and values to a generated
// world, unless an earlier run kept them.
func seedIndicators(b *testing.B, d *db.DB, scope int64, n int) {
	ctx := context.Background()
	q := d.Primary()
	var have int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM indicators`).Scan(&have); err != nil {
		b.Fatal(err)
	}
	if have > 0 {
		return
	}
	began := time.Now()
	indicatorstest.Seed(b, d, indicatorstest.Spec{Indicators: n, Scope: scope, Years: 5,
		Periods: append(slices.Clone(indicatorstest.Quarters), indicatorstest.Longer...)})
	var values int
	q.QueryRowContext(ctx, `SELECT count(*) FROM indicator_values`).Scan(&values)
	b.Logf("%d indicators, %d values seeded in %s", n, values, time.Since(began).Round(time.Second))
}

func benchScale(b *testing.B, sc taskstest.Scale, nIndicators int) {
	w := taskstest.Generate(b, sc)
	ctx := context.Background()
	seedIndicators(b, w.App.DB, w.Units[0], nIndicators)
	s := w.App.Dashboard
	var maxID int64
	w.App.DB.Primary().QueryRow(`SELECT max(id) FROM tasks`).Scan(&maxID)
	b.Run("PrimaryKey", func(b *testing.B) {
		taskstest.Measure(b, func(i int) error {
			var title string
			return w.App.DB.R(ctx).QueryRowContext(ctx, `SELECT title FROM tasks WHERE id = $1`, 1+int64(i*7919)%maxID).Scan(&title)
		})
	})
	// cold keeps no dashboard: what each one costs to build, as after a change.
	cold := &dashboard.Service{Tasks: s.Tasks, Indicators: s.Indicators, Org: s.Org, Documents: s.Documents, Access: s.Access}
	build := func(s *dashboard.Service, q func(i int) dashboard.Query) func(b *testing.B) {
		return func(b *testing.B) {
			taskstest.Measure(b, func(i int) error {
				_, err := s.Build(ctx, w.Viewer, q(i))
				return err
			})
		}
	}
	queries := []struct {
		name string
		q    func(i int) dashboard.Query
	}{
		{"Dashboard", func(i int) dashboard.Query { return dashboard.Query{} }},
		{"DashboardUnit", func(i int) dashboard.Query { return dashboard.Query{UnitID: w.Units[(i*31)%len(w.Units)]} }},
		{"DashboardPastDate", func(i int) dashboard.Query {
			return dashboard.Query{AsOf: date.MustParse("2024-06-30"), Period: indicators.YearPeriod(2024)}
		}},
	}
	for _, c := range queries {
		b.Run(c.name, build(s, c.q))
		b.Run(c.name+"Cold", build(cold, c.q))
	}
	// Dashboards while the data changes: an audited change every
	// PLENUM_BENCH_CHANGE_EVERY (1s), as units enter reports. Run them with
	// think time (PLENUM_BENCH_THINK) and enough views to span many changes.
	// DashboardChanging is the province's (country's) dashboard;
	// DashboardMixChanging a mix of views: six in ten the province's, three
	// a unit's, one a past date's.
	every, err := time.ParseDuration(os.Getenv("PLENUM_BENCH_CHANGE_EVERY"))
	if err != nil || every <= 0 {
		every = time.Second
	}
	changing := func(q func(i int) dashboard.Query) func(b *testing.B) {
		return func(b *testing.B) {
			stop := make(chan struct{})
			var changes sync.WaitGroup
			changes.Go(func() {
				tick := time.NewTicker(every)
				defer tick.Stop()
				for n := 0; ; n++ {
					select {
					case <-stop:
						return
					case <-tick.C:
					}
					err := w.App.DB.Tx(ctx, func(ctx context.Context) error {
						return w.App.Audit.Record(ctx, audit.Change{Action: "update", Entity: "bench", EntityID: n})
					})
					if err != nil {
						b.Error(err)
					}
				}
			})
			version := func() int64 {
				v, err := w.App.Audit.DataVersion(ctx)
				if err != nil {
					b.Fatal(err)
				}
				return v
			}
			v0 := version()
			build(s, q)(b)
			close(stop)
			changes.Wait()
			b.ReportMetric(float64(version()-v0), "changes")
		}
	}
	b.Run("DashboardChanging", changing(queries[0].q))
	b.Run("DashboardMixChanging", changing(func(i int) dashboard.Query {
		switch i % 10 {
		case 0:
			return queries[2].q(i)
		case 1, 2, 3:
			return queries[1].q(i)
		}
		return queries[0].q(i)
	}))
}

func BenchmarkProvince(b *testing.B) { benchScale(b, taskstest.Province, 200) }

func BenchmarkNational(b *testing.B) {
	if os.Getenv("PLENUM_BENCH_NATIONAL") == "" || dbtest.Engine() != db.Postgres {
		b.Skip("set PLENUM_BENCH_NATIONAL=1 and PLENUM_TEST_DATABASE_URL for the national scale on PostgreSQL")
	}
	benchScale(b, taskstest.National(), 50)
}
