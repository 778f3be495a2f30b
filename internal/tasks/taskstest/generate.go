// Package taskstest generates deployments of tasks at the scales of the
// benchmarks (a province, the nation) and measures operations over
// concurrent sessions; internal/tasks and internal/dashboard benchmark on it.
//
// "Today" is 2025-11-15. Each measurement reports its median and 95th
// percentile latency and the memory the Go runtime holds from the OS.
package taskstest

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"plenum/internal/access"
	"plenum/internal/app"
	"plenum/internal/auth"
	"plenum/internal/clock"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/db/dbtest"
	"plenum/internal/tasks"
)

// World is a generated deployment.
type World struct {
	App      *app.App
	Units    []int64       // every lead unit
	Province [][]int64     // units by province
	Viewer   access.Viewer // an office user cleared for Tối mật, with a unit
	Today    date.Date
}

// Scale describes what to generate.
type Scale struct {
	provinces, unitsPer, tasksPerYear, years, reportsPerTask int
	updates                                                  int // extra task_reports rows generated in SQL (PostgreSQL)
}

var (
	worldMu  sync.Mutex
	worldMem = map[string]*World{}
)

// Generate fills a fresh database (or opens the one kept from an earlier
// run: see benchDB). Rows are written directly (the stores
// would audit and index each one, which is not what is measured): units
// with names and parents, tasks with one deadline (a twentieth quarterly,
// four), milestones drawn to give every status, a fiftieth of them Mật with
// grants, and reports.
func Generate(b testing.TB, sc Scale) *World {
	b.Helper()
	key := fmt.Sprint(sc)
	worldMu.Lock()
	defer worldMu.Unlock()
	if w := worldMem[key]; w != nil {
		return w
	}
	d, fresh := benchDB(b, key)
	now := time.Date(2025, 11, 15, 10, 0, 0, 0, clock.Vietnam)
	a := app.New(d, nil, app.Config{Clock: clock.At(now)})
	w := &World{App: a, Today: date.Of(now)}
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(1, 2))
	began := time.Now() // wall clock: how long generating took
	q := d.Primary()
	if fresh {
		w.generateRows(b, d, sc, rng, now)
	}
	rows, err := q.QueryContext(ctx, `SELECT id FROM units ORDER BY id`)
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		if len(w.Province) == 0 || len(w.Province[len(w.Province)-1]) == sc.unitsPer {
			w.Province = append(w.Province, nil)
		}
		w.Province[len(w.Province)-1] = append(w.Province[len(w.Province)-1], id)
		w.Units = append(w.Units, id)
	}
	rows.Close()
	var occs, reps int
	q.QueryRowContext(ctx, `SELECT count(*) FROM task_occurrences`).Scan(&occs)
	q.QueryRowContext(ctx, `SELECT count(*) FROM task_reports`).Scan(&reps)
	b.Logf("%d units, %d deadlines, %d task updates on %s (ready in %s)", len(w.Units), occs, reps, d.Dialect, time.Since(began).Round(time.Second)) // wall clock
	// The office viewer: cleared, with a unit, so that the access rule
	// takes its costly branch for classified rows.
	w.Viewer = access.Viewer{UserID: 1, Role: auth.RoleOffice, Clearance: auth.ClassToiMat, UnitIDs: []int64{w.Units[0]}}
	worldMem[key] = w
	return w
}

// generateRows writes the generated deployment into d.
func (w *World) generateRows(b testing.TB, d *db.DB, sc Scale, rng *rand.Rand, now time.Time) {
	ctx := context.Background()
	q := d.Primary()
	exec := func(query string, args ...any) {
		if _, err := q.ExecContext(ctx, query, args...); err != nil {
			b.Fatalf("%v: %.200s", err, query)
		}
	}
	from := date.MustParse("2016-01-01")
	ts := now.UTC()
	id := int64(1_000_000)
	var unitRows, nameRows, parentRows [][]any
	var prov [][]int64
	for p := range sc.provinces {
		var us []int64
		for u := range sc.unitsPer {
			id++
			kind, level := "department", "province"
			if u == 0 {
				kind = "party_committee"
			}
			unitRows = append(unitRows, []any{id, kind, level, from, ts, ts})
			nameRows = append(nameRows, []any{id, fmt.Sprintf("Đơn vị %d tỉnh %d", u, p), from, vnKey(u, p), fmt.Sprintf("don vi %d tinh %d", u, p)})
			var parent any
			if u > 0 {
				parent = us[0]
			}
			parentRows = append(parentRows, []any{id, parent, from})
			us = append(us, id)
		}
		prov = append(prov, us)
	}
	today := date.Of(now)
	// modernc's SQLite slows down on statements with thousands of
	// parameters; PostgreSQL wants few round trips.
	batch := 50
	if d.Dialect == db.Postgres {
		batch = 1000
	}
	err := d.Tx(ctx, func(ctx context.Context) error {
		q := d.W(ctx)
		put := func(head string, rows [][]any) {
			for len(rows) > 0 {
				k := min(len(rows), batch)
				var ph []string
				var args []any
				for _, r := range rows[:k] {
					var p []string
					for _, v := range r {
						args = append(args, v)
						p = append(p, "$"+strconv.Itoa(len(args)))
					}
					ph = append(ph, "("+strings.Join(p, ", ")+")")
				}
				if _, err := q.ExecContext(ctx, head+" VALUES "+strings.Join(ph, ", "), args...); err != nil {
					b.Fatalf("%v: %.200s", err, head)
				}
				rows = rows[k:]
			}
		}
		put(`INSERT INTO units (id, kind, level, valid_from, created_at, updated_at)`, unitRows)
		put(`INSERT INTO unit_names (unit_id, name, valid_from, sort_key, search_key)`, nameRows)
		put(`INSERT INTO unit_parents (unit_id, parent_id, valid_from)`, parentRows)
		// In every province, units 90–99 merge pairwise into 80–84 on 2025-07-01.
		ev := int64(0)
		for _, us := range prov {
			if len(us) < 100 {
				continue
			}
			for i := 90; i < 100; i++ {
				ev++
				if _, err := q.ExecContext(ctx, `INSERT INTO unit_events (id, kind, unit_id, effective, created_at) VALUES ($1, 'merge', $2, '2025-07-01', $3)`,
					ev+5_000_000, us[80+(i-90)/2], ts); err != nil {
					return err
				}
				if _, err := q.ExecContext(ctx, `INSERT INTO unit_successions (event_id, predecessor_id, successor_id) VALUES ($1, $2, $3)`,
					ev+5_000_000, us[i], us[80+(i-90)/2]); err != nil {
					return err
				}
			}
		}
		var taskRows, occRows, grantRows [][]any
		tid := int64(0)
		for y := 2021; y < 2021+sc.years; y++ {
			for range sc.tasksPerYear * sc.provinces {
				tid++
				us := prov[rng.IntN(len(prov))]
				unit := us[rng.IntN(len(us))]
				if y >= 2025 && slices.Index(us, unit) >= 90 {
					unit = us[rng.IntN(90)] // merged units get no new tasks after 2024
				}
				start := date.MustNew(y, 1, 1).AddDays(rng.IntN(330))
				class := 0
				if rng.IntN(50) == 0 {
					class = 1
					grantRows = append(grantRows, []any{"task", tid, unit})
				}
				doc := int64(rng.IntN(2000*sc.provinces) + 1)
				periods := []tasks.Period{{Start: start, Due: start.AddDays(15 + rng.IntN(105))}}
				rec, until := "", any(nil)
				var due any = periods[0].Due
				if rng.IntN(20) == 0 {
					rec, due = "quarterly", nil
					u := date.MustNew(y, 12, 31)
					until = u
					periods, _ = tasks.Periods(tasks.Quarterly, start, u, 20)
				}
				taskRows = append(taskRows, []any{tid, "task", fmt.Sprintf("Nhiệm vụ số %d năm %d", tid, y), "normal", unit, start, due, rec, until, 20, 0, class,
					fmt.Sprintf("nhiem vu so %d nam %d", tid, y), ts, ts})
				for i, p := range periods {
					m := tasks.Milestones{Start: p.Start, Due: p.Due}
					if r := rng.IntN(100); r < 85 {
						m.FirstReport = p.Start.AddDays(rng.IntN(max(p.Start.DaysUntil(p.Due), 1)))
						if x := rng.IntN(100); x < 70 {
							m.Done = p.Due.AddDays(rng.IntN(21) - 14)
						} else if x < 72 {
							m.Cancelled = p.Due.AddDays(-rng.IntN(10))
						}
					}
					for _, x := range []*date.Date{&m.FirstReport, &m.Done, &m.Cancelled} {
						if !x.IsZero() && x.Before(p.Start) {
							*x = p.Start
						}
						if !x.IsZero() && x.After(today) {
							*x = date.Date{}
						}
					}
					if m.FirstReport.IsZero() && !m.Done.IsZero() {
						m.FirstReport = m.Done
					}
					pct := 0
					switch {
					case !m.Done.IsZero():
						pct = 100
					case !m.FirstReport.IsZero():
						pct = 10 + rng.IntN(80)
					}
					occRows = append(occRows, []any{tid, i + 1, p.Label, p.Start, p.Due, unit, doc, "task", class, pct,
						nullD(m.FirstReport), nullD(m.FirstReport), nullD(m.Done), nullD(m.Cancelled), string(tasks.StatusOn(m, today))})
				}
				if len(taskRows) >= 2000 {
					flushNoReps(put, &taskRows, &occRows, &grantRows)
				}
			}
		}
		flushNoReps(put, &taskRows, &occRows, &grantRows)
		// Reports: reportsPerTask for every deadline that was reported on.
		for k := range sc.reportsPerTask {
			if _, err := q.ExecContext(ctx, `INSERT INTO task_reports (task_id, occurrence_id, author, reported_on, percent, created_at)
				SELECT o.task_id, o.id, 'bench', o.first_report_on, o.percent, $1 FROM task_occurrences o
				WHERE o.first_report_on IS NOT NULL AND $2 >= 0`, ts, k); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if err := w.App.Tasks.CompactCounts(ctx); err != nil {
		b.Fatal(err)
	}
	if sc.updates > 0 && d.Dialect == db.Postgres {
		exec(`INSERT INTO task_reports (task_id, occurrence_id, author, reported_on, percent, created_at)
			SELECT o.task_id, o.id, 'bench', o.start_on, 50, now()
			FROM generate_series(1, $1) g JOIN task_occurrences o ON o.id = 1 + (g::bigint * 7919) % (SELECT max(id) FROM task_occurrences)`, sc.updates)
	}
	if d.Dialect == db.Postgres {
		exec(`VACUUM ANALYZE`)
	} else {
		exec(`ANALYZE`)
	}
}

func nullD(d date.Date) any {
	if d.IsZero() {
		return nil
	}
	return d
}

func vnKey(u, p int) string { return fmt.Sprintf("don vi %04d tinh %04d", u, p) }

// flushNoReps writes tasks, deadlines and grants.
func flushNoReps(put func(string, [][]any), taskRows, occRows, grantRows *[][]any) {
	put(`INSERT INTO tasks (id, kind, title, priority, lead_unit_id, start_on, due_on, recurrence, recur_until, due_day, own_class, class, search_key, created_at, updated_at)`, *taskRows)
	put(`INSERT INTO task_occurrences (task_id, seq, period, start_on, due_on, lead_unit_id, document_id, kind, class, percent, first_report_on, last_report_on, done_on, cancelled_on, status)`, *occRows)
	put(`INSERT INTO record_access (entity, entity_id, unit_id)`, *grantRows)
	*taskRows, *occRows, *grantRows = nil, nil, nil
}

var Province = Scale{provinces: 1, unitsPer: 100, tasksPerYear: 20_000, years: 5, reportsPerTask: 3}

// National is 34 provinces of 100 units each; its updates come from
// PLENUM_BENCH_UPDATES (10 million by default), generated in SQL.
func National() Scale {
	n := 10_000_000
	if s := os.Getenv("PLENUM_BENCH_UPDATES"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	return Scale{provinces: 34, unitsPer: 100, tasksPerYear: 6_000, years: 5, reportsPerTask: 0, updates: n}
}

// Sessions is how many sessions measure runs at once: 50 as the target
// says, or PLENUM_BENCH_SESSIONS.
func Sessions() int {
	if n, err := strconv.Atoi(os.Getenv("PLENUM_BENCH_SESSIONS")); err == nil && n > 0 {
		return n
	}
	return 50
}

// Think is how long a session pauses after each operation, on average
// (uniformly up to twice it): PLENUM_BENCH_THINK ("1s"), none by default,
// when sessions fire without pause.
func Think() time.Duration {
	d, _ := time.ParseDuration(os.Getenv("PLENUM_BENCH_THINK"))
	return d
}

// Measure runs op b.N times over Sessions() concurrent sessions, each
// pausing Think() between operations, and reports the median and 95th
// percentile latency and the memory in use afterwards (Go's heap, what Go
// obtained from the system, and the whole process's resident memory).
func Measure(b *testing.B, op func(i int) error) {
	b.Helper()
	think := Think()
	lat := make([]time.Duration, b.N)
	var next int64
	var mu sync.Mutex
	b.ResetTimer()
	var wg sync.WaitGroup
	for range Sessions() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= int64(b.N) {
					return
				}
				t0 := time.Now() // wall clock: latency
				if err := op(int(i)); err != nil {
					b.Error(err)
					return
				}
				lat[i] = time.Since(t0) // wall clock: latency
				if think > 0 {
					time.Sleep(rand.N(2 * think))
				}
			}
		}()
	}
	wg.Wait()
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-MB")
	b.ReportMetric(float64(ms.Sys)/(1<<20), "sys-MB")
	if rss := residentMB(); rss > 0 {
		b.ReportMetric(rss, "rss-MB")
	}
}

// residentMB is the memory of the process in RAM (Linux's VmRSS), SQLite's
// page caches and heap included, which the Go runtime does not count; 0
// where it cannot be read.
func residentMB() float64 {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(status)) {
		if kb, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(kb), " kB"))
			return float64(n) / 1024
		}
	}
	return 0
}

// benchDB opens the database of a generated world. On SQLite the file is
// kept in the temporary directory between runs (generating the province
// takes minutes), named by the scale; it is made again when missing or
// when its schema is not current. It reports whether the data must be
// generated.
func benchDB(b testing.TB, key string) (*db.DB, bool) {
	b.Helper()
	if dbtest.Engine() == db.Postgres {
		if os.Getenv("PLENUM_BENCH_KEEP") == "" {
			return dbtest.New(b), true
		}
		return keptPostgres(b, key)
	}
	ctx := context.Background()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("plenum-bench-%x.db", sha256.Sum256([]byte(key))))
	_, statErr := os.Stat(path)
	d, err := db.Open(ctx, path, db.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { d.Close() })
	if statErr == nil {
		if current(ctx, d) {
			return d, false
		}
		d.Close()
		os.Remove(path)
		if d, err = db.Open(ctx, path, db.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := d.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	return d, true
}

// current brings a kept database up to the schema, reporting whether it
// could: a later migration upgrades it as it would a province's data, and
// is then analysed as generated data is.
func current(ctx context.Context, d *db.DB) bool {
	err := d.CheckSchema(ctx)
	if errors.Is(err, db.ErrSchemaBehind) {
		if _, err = d.Migrate(ctx); err == nil {
			_, err = d.W(ctx).ExecContext(ctx, `ANALYZE`)
		}
	}
	return err == nil
}

// keptPostgres is benchDB on PostgreSQL with PLENUM_BENCH_KEEP set: a
// database named by the scale, kept between runs beside the test server's
// (national data takes many minutes to generate). Drop it by hand when done.
func keptPostgres(b testing.TB, key string) (*db.DB, bool) {
	ctx := context.Background()
	admin, err := sql.Open("pgx", os.Getenv(dbtest.EnvURL))
	if err != nil {
		b.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("plenum_bench_%x", sha256.Sum256([]byte(key)))[:30]
	u, err := url.Parse(os.Getenv(dbtest.EnvURL))
	if err != nil {
		b.Fatal(err)
	}
	u.Path = "/" + name
	for range 2 {
		_, err := admin.ExecContext(ctx, `CREATE DATABASE `+name)
		fresh := err == nil
		d, err := db.Open(ctx, u.String(), db.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if fresh {
			if _, err := d.Migrate(ctx); err != nil {
				b.Fatal(err)
			}
		} else if !current(ctx, d) {
			d.Close()
			if _, err := admin.ExecContext(ctx, `DROP DATABASE `+name); err != nil {
				b.Fatal(err)
			}
			continue
		}
		b.Cleanup(func() { d.Close() })
		return d, fresh
	}
	b.Fatal("bench: cannot make database " + name)
	return nil, false
}
