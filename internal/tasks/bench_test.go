package tasks_test

import (
	"context"
	"os"
	"testing"

	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/db/dbtest"
	"plenum/internal/tasks"
	"plenum/internal/tasks/taskstest"
)

// Benchmarks of the inbox and the dashboard's queries on generated data:
//
//	go test ./internal/tasks -run '^$' -bench . -benchtime 200x
//
// runs the province scale (100 units, 20,000 tasks a year for five years,
// 2021–2025, with reports) on the engine under test; PLENUM_BENCH_NATIONAL=1
// with PLENUM_TEST_DATABASE_URL adds the national scale on PostgreSQL (34
// provinces × 100 units; PLENUM_BENCH_UPDATES task updates, 10 million by
// default). "Today" is 2025-11-15. Each benchmark also reports its 95th
// percentile latency, and BenchmarkPrimaryKey is the baseline measured in
// the same run.

// benchScale runs every query at one scale.
func benchScale(b *testing.B, sc taskstest.Scale) {
	w := taskstest.Generate(b, sc)
	ctx := context.Background()
	s := w.App.Tasks
	year := tasks.CountQuery{DueFrom: date.MustParse("2025-01-01"), DueTo: date.MustParse("2025-12-31")}
	// A province's dashboard: at national scale limited to the province's
	// units; at province scale the whole deployment is the province.
	pick := func(i int) []int64 {
		if len(w.Province) == 1 {
			return nil
		}
		return w.Province[i%len(w.Province)]
	}
	var maxID int64
	w.App.DB.Primary().QueryRow(`SELECT max(id) FROM tasks`).Scan(&maxID)
	b.Run("PrimaryKey", func(b *testing.B) {
		taskstest.Measure(b, func(i int) error {
			var title string
			return w.App.DB.R(ctx).QueryRowContext(ctx, `SELECT title FROM tasks WHERE id = $1`, 1+int64(i*7919)%maxID).Scan(&title)
		})
	})
	b.Run("Inbox", func(b *testing.B) {
		taskstest.Measure(b, func(i int) error {
			_, err := s.List(ctx, w.Viewer, tasks.ListQuery{UnitID: w.Units[(i*31)%len(w.Units)]})
			return err
		})
	})
	b.Run("CountByUnitThisYear", func(b *testing.B) {
		taskstest.Measure(b, func(i int) error {
			q := year
			q.UnitIDs = pick(i)
			_, err := s.CountByUnit(ctx, w.Viewer, q)
			return err
		})
	})
	b.Run("CountByUnitAsOfPastDate", func(b *testing.B) {
		taskstest.Measure(b, func(i int) error {
			q := tasks.CountQuery{AsOf: date.MustParse("2024-06-30"), DueFrom: date.MustParse("2024-01-01"), DueTo: date.MustParse("2024-12-31"), UnitIDs: pick(i)}
			_, err := s.CountByUnit(ctx, w.Viewer, q)
			return err
		})
	})
	b.Run("CountByDocumentThisYear", func(b *testing.B) {
		taskstest.Measure(b, func(i int) error {
			q := year
			q.UnitIDs = pick(i)
			_, err := s.CountByDocument(ctx, w.Viewer, q)
			return err
		})
	})
	b.Run("LateAndDueSoon", func(b *testing.B) {
		taskstest.Measure(b, func(i int) error {
			q := tasks.CountQuery{UnitIDs: pick(i), DueFrom: date.MustParse("2025-01-01")}
			if _, err := s.Late(ctx, w.Viewer, q, 20); err != nil {
				return err
			}
			_, err := s.DueSoon(ctx, w.Viewer, q, 20)
			return err
		})
	})
	b.Run("Dashboard", func(b *testing.B) {
		// What a dashboard page asks at once: counts by unit and by
		// document for the year, the late list and the due-soon list.
		taskstest.Measure(b, func(i int) error {
			q := year
			q.UnitIDs = pick(i)
			if _, err := s.CountByUnit(ctx, w.Viewer, q); err != nil {
				return err
			}
			if _, err := s.CountByDocument(ctx, w.Viewer, q); err != nil {
				return err
			}
			if _, err := s.Late(ctx, w.Viewer, q, 20); err != nil {
				return err
			}
			_, err := s.DueSoon(ctx, w.Viewer, q, 20)
			return err
		})
	})
}

func BenchmarkProvince(b *testing.B) { benchScale(b, taskstest.Province) }

func BenchmarkNational(b *testing.B) {
	if os.Getenv("PLENUM_BENCH_NATIONAL") == "" || dbtest.Engine() != db.Postgres {
		b.Skip("set PLENUM_BENCH_NATIONAL=1 and PLENUM_TEST_DATABASE_URL for the national scale on PostgreSQL")
	}
	benchScale(b, taskstest.National())
}
