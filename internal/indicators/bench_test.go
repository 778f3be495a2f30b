package indicators_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"plenum/internal/access"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/db/dbtest"
	"plenum/internal/fixture"
	"plenum/internal/indicators"
	"plenum/internal/indicators/indicatorstest"
)

// scale is the size of a generated data set.
type scale struct {
	provinces  int // province units, each merged with one predecessor on 2025-07-01
	communes   int // further units under each province
	indicators int // of which the first 25 are main
	periods    []indicatorstest.Period
	years      int // of values, from 2021
}

// The province scale of the brief: 100 units, 200 indicators, five years,
// quarters, 6 and 9 months and years (700,000 values). The national scale:
// 34 provinces and about 3,300 communes, 50 indicators, five years of 6
// months, 9 months and years (2.5 million values).
var (
	provinceScale = scale{provinces: 1, communes: 98, indicators: 200, years: 5,
		periods: append(slices.Clone(indicatorstest.Quarters), indicatorstest.Longer...)}
	nationalScale = scale{provinces: 34, communes: 97, indicators: 50, years: 5,
		periods: indicatorstest.Longer}
)

// seed fills a fresh database with generated units, indicators, targets
// and values by set-based SQL (the stores would take hours at national
// size) and returns the store and the province units.
func seed(b *testing.B, sc scale) (*indicators.Store, *db.DB, []int64) {
	b.Helper()
	a := fixture.New(b).App
	d, s := a.DB, a.Indicators
	ctx := context.Background()
	began := time.Now()
	q := d.Primary()
	exec := indicatorstest.Exec(b, d)
	series := func(name string, from, to int) string { return indicatorstest.Series(d, name, from, to) }
	merger := "'2025-07-01'"
	if d.Dialect == db.Postgres {
		merger = "DATE '2025-07-01'"
	}
	// Units: per province p, unit p*1000 (the province), p*1000+1 (its
	// predecessor, merged on 2025-07-01) and the communes p*1000+2….
	per := sc.communes + 2
	all := sc.provinces * per
	exec(`INSERT INTO units (id, kind, level, valid_from, valid_to, end_reason, created_at, updated_at)
		SELECT (u.n / `+fmt.Sprint(per)+` + 1) * 1000 + u.n % `+fmt.Sprint(per)+`, 'party_committee',
			CASE WHEN u.n % `+fmt.Sprint(per)+` < 2 THEN 'province' ELSE 'commune' END, '2016-01-01',
			CASE WHEN u.n % `+fmt.Sprint(per)+` = 1 THEN `+merger+` END,
			CASE WHEN u.n % `+fmt.Sprint(per)+` = 1 THEN 'merged' ELSE '' END, $1, $1
		FROM `+series("u", 0, all-1), time.Now().UTC())
	exec(`INSERT INTO unit_names (unit_id, name, valid_from, valid_to, sort_key, search_key)
		SELECT id, 'Đơn vị ' || id, valid_from, valid_to, 'k' || id, 'don vi ' || id FROM units`)
	exec(`INSERT INTO unit_parents (unit_id, parent_id, valid_from, valid_to)
		SELECT id, CASE WHEN id % 1000 >= 2 THEN id - id % 1000 END, valid_from, valid_to FROM units`)
	exec(`INSERT INTO unit_events (id, kind, unit_id, effective, created_at)
		SELECT id, 'merge', id, '2025-07-01', $1 FROM units WHERE id % 1000 = 0`, time.Now().UTC())
	exec(`INSERT INTO unit_successions (event_id, predecessor_id, successor_id)
		SELECT id, id + 1, id FROM units WHERE id % 1000 = 0`)
	indicatorstest.Seed(b, d, indicatorstest.Spec{Indicators: sc.indicators, Periods: sc.periods, Years: sc.years,
		Units: "u.valid_to IS NULL OR y.n < 2025"}) // predecessors report until the merger only
	var n int
	q.QueryRowContext(ctx, `SELECT count(*) FROM indicator_values`).Scan(&n)
	b.Logf("%s: %d units, %d indicators, %d values, seeded in %s", d.Dialect, all, sc.indicators, n, time.Since(began).Round(time.Second))
	var provinces []int64
	for p := 1; p <= sc.provinces; p++ {
		provinces = append(provinces, int64(p*1000))
	}
	return s, d, provinces
}

// timed runs op b.N times and reports the 95th percentile in ms.
func timed(b *testing.B, op func() error) {
	b.Helper()
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for range b.N {
		t := time.Now()
		if err := op(); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(t))
	}
	b.StopTimer()
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)*95/100].Microseconds())/1000, "p95-ms")
}

// benchDashboard measures the dashboard's queries at a scale, with a
// primary-key lookup of one value as the baseline of the same run.
func benchDashboard(b *testing.B, sc scale) {
	s, d, provinces := seed(b, sc)
	ctx := context.Background()
	v := access.System
	asOf := date.MustParse("2025-12-31")
	prov := provinces[len(provinces)-1]
	b.Run("baseline-primary-key", func(b *testing.B) {
		var id int64
		timed(b, func() error {
			return d.R(ctx).QueryRowContext(ctx, `SELECT id FROM indicator_values WHERE id = $1`, 12345).Scan(&id)
		})
	})
	b.Run("standing", func(b *testing.B) {
		timed(b, func() error {
			st, err := s.Standing(ctx, v, indicators.StandingQuery{UnitID: prov, Period: indicators.YearPeriod(2024), AsOf: asOf})
			if err == nil && st.Counts.Counted != 25 {
				err = fmt.Errorf("standing counted %d", st.Counts.Counted)
			}
			return err
		})
	})
	b.Run("term-standing", func(b *testing.B) {
		timed(b, func() error {
			_, err := s.TermStanding(ctx, v, indicators.StandingQuery{UnitID: prov, AsOf: asOf})
			return err
		})
	})
	b.Run("trend", func(b *testing.B) {
		timed(b, func() error {
			_, err := s.Trend(ctx, v, 3, prov, indicators.Year, 2021, 2025, asOf)
			return err
		})
	})
	b.Run("indicator-table", func(b *testing.B) {
		timed(b, func() error {
			_, err := s.Table(ctx, v, 3, 2025, 2025, 0)
			return err
		})
	})
	if len(provinces) > 1 {
		b.Run("standing-all-provinces", func(b *testing.B) {
			timed(b, func() error {
				for _, p := range provinces {
					if _, err := s.Standing(ctx, v, indicators.StandingQuery{UnitID: p, Period: indicators.YearPeriod(2024), AsOf: asOf}); err != nil {
						return err
					}
				}
				return nil
			})
		})
	}
}

// BenchmarkDashboardProvince is the province scale; it runs on the engine
// under test (SQLite by default).
func BenchmarkDashboardProvince(b *testing.B) { benchDashboard(b, provinceScale) }

// BenchmarkDashboardNational is the national scale, on PostgreSQL only.
func BenchmarkDashboardNational(b *testing.B) {
	if dbtest.Engine() != db.Postgres {
		b.Skip("national scale runs on PostgreSQL (set " + dbtest.EnvURL + ")")
	}
	benchDashboard(b, nationalScale)
}
