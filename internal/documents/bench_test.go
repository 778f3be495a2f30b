package documents_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"plenum/internal/access"
	"plenum/internal/app"
	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/documents"
	"plenum/internal/fixture"
)

// benchRegistry is a province-sized registry: 2,000 documents a year for
// ten years (20,000), one in fifty classified. The family of the root, a
// central conclusion, holds 30 provincial plans, each carried out by 10
// district documents, each by 3 commune documents: 1,231 documents, the
// largest family a province has. It is written with plain INSERTs: the
// benchmark measures reading.
func benchRegistry(b *testing.B) (*app.App, int64) {
	b.Helper()
	a := fixture.New(b).App
	ctx := context.Background()
	var root int64
	err := a.DB.Tx(ctx, func(ctx context.Context) error {
		q := a.DB.W(ctx)
		now := time.Now().UTC()
		ids := make([]int64, 0, 20_000)
		for i := range 20_000 {
			year := 2016 + i/2000
			day := date.MustNew(year, time.Month(1+i%12), 1+i%28)
			class := 0
			if i%50 == 49 {
				class = 1 + i%3
			}
			sym := fmt.Sprintf("%d-KH/TU", i+1)
			var id int64
			if err := q.QueryRowContext(ctx, `INSERT INTO documents (system, kind, origin, number, symbol, symbol_key, issuer_name, issuer_key,
				issued_on, year, title, status, class, search_key, created_at, updated_at)
				VALUES ('party', 'plan', 'external', $1, $2, $3, 'Tỉnh ủy Thử', 'nTinh uy Thu', $4, $5, $6, 'issued', $7, $8, $9, $9) RETURNING id`,
				i+1, sym, "x "+sym, day, year, fmt.Sprintf("kế hoạch thử số %d", i+1), class, fmt.Sprintf("ke hoach thu so %d", i+1), now).Scan(&id); err != nil {
				return err
			}
			if class > 0 {
				if _, err := q.ExecContext(ctx, `INSERT INTO record_access (entity, entity_id, role) VALUES ('document', $1, 'office')`, id); err != nil {
					return err
				}
			}
			ids = append(ids, id)
		}
		root = ids[0]
		link := func(from, to int64) error {
			_, err := q.ExecContext(ctx, `INSERT INTO document_links (from_id, to_id, kind, created_at) VALUES ($1, $2, 'implements', $3)`, from, to, now)
			return err
		}
		next := 2000 // children come from later years, issued after their parents
		for range 30 {
			plan := ids[next]
			next++
			if err := link(plan, root); err != nil {
				return err
			}
			for range 10 {
				dist := ids[next]
				next++
				if err := link(dist, plan); err != nil {
					return err
				}
				for range 3 {
					if err := link(ids[next], dist); err != nil {
						return err
					}
					next++
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	// Statistics, as a database that has been running has them (autovacuum,
	// SQLite's optimize).
	if _, err := a.DB.Primary().ExecContext(ctx, `ANALYZE`); err != nil {
		b.Fatal(err)
	}
	return a, root
}

// BenchmarkFamilyTree builds the family tree of the root as a cleared office
// clerk (every visibility check runs), against the baseline of a bare
// primary-key lookup in the same registry.
func BenchmarkFamilyTree(b *testing.B) {
	a, root := benchRegistry(b)
	ctx := context.Background()
	v := access.Viewer{UserID: 1, Role: auth.RoleOffice, Clearance: auth.ClassToiMat}
	asOf := date.MustParse("2026-01-01")
	b.Run("baseline_primary_key", func(b *testing.B) {
		for b.Loop() {
			var title string
			if err := a.DB.Primary().QueryRowContext(ctx, `SELECT title FROM documents WHERE id = $1`, root).Scan(&title); err != nil && err != sql.ErrNoRows {
				b.Fatal(err)
			}
		}
	})
	b.Run("family_tree", func(b *testing.B) {
		var n int
		for b.Loop() {
			tree, err := a.Documents.Family(ctx, v, root, asOf)
			if err != nil {
				b.Fatal(err)
			}
			n = tree.Count()
		}
		b.ReportMetric(float64(n), "nodes")
	})
	b.Run("registry_page", func(b *testing.B) {
		for b.Loop() {
			if _, err := a.Documents.List(ctx, v, documents.ListQuery{Year: 2020, Kind: "plan"}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
