package org_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"plenum/internal/audit"
	"plenum/internal/clock/clocktest"
	"plenum/internal/date"
	"plenum/internal/db/dbtest"
	"plenum/internal/org"
)

// syllables make plausible, distinct commune names for generated data.
var syllables = []string{"An", "Bình", "Cao", "Đông", "Đức", "Gia", "Hà", "Hòa", "Hưng", "Khánh", "Kim", "Lâm", "Long",
	"Minh", "Nam", "Ngọc", "Phú", "Phúc", "Quang", "Sơn", "Tân", "Thạnh", "Thanh", "Thịnh", "Thuận", "Tiến", "Trung",
	"Vĩnh", "Xuân", "Yên", "Ân", "Bắc", "Cẩm", "Đại", "Hợp", "Lạc", "Mỹ", "Nghĩa", "Ninh", "Thượng"}

func placeName(i int) string {
	n := len(syllables)
	return syllables[i%n] + " " + syllables[(i/n+i*7)%n]
}

// national builds an organisation of national size through the store: the
// Central Committee; 34 provinces with their committee and 20 province-level
// units; 20 districts per province (committee, council, people's committee)
// until 2025-07-01; 100 communes per province (Party committee, council,
// people's committee), under their district until 2025-07-01 and under the
// province after it. About 13,000 units, 3,400 moves and 2,000 dissolutions.
func national(b *testing.B) (*org.Store, []int64) {
	b.Helper()
	d := dbtest.New(b)
	c := clocktest.New(b)
	s := org.New(d, audit.New(d, c), c)
	ctx := context.Background()
	start, reform := date.MustParse("2016-01-01"), date.MustParse("2025-07-01")
	var provinces []int64
	began := time.Now()
	err := d.Tx(ctx, func(ctx context.Context) error {
		mk := func(name string, kind org.Kind, level org.Level, parent int64) int64 {
			u, err := s.Create(ctx, org.CreateInput{NewUnit: org.NewUnit{Kind: kind, Level: level, Name: name, ParentID: parent},
				Act: org.Act{Effective: start}})
			if err != nil {
				b.Fatal(err)
			}
			return u.ID
		}
		root := mk("Ban Chấp hành Trung ương Đảng", org.PartyCommittee, org.Central, 0)
		for p := range 34 {
			pname := placeName(p * 13)
			tu := mk("Tỉnh ủy "+pname, org.PartyCommittee, org.Province, root)
			provinces = append(provinces, tu)
			ubnd := mk("Ủy ban nhân dân tỉnh "+pname, org.PeoplesCommittee, org.Province, tu)
			for i := range 10 {
				mk(fmt.Sprintf("Ban %s Tỉnh ủy %s", syllables[i], pname), org.PartyAgency, org.Province, tu)
				mk(fmt.Sprintf("Sở %s tỉnh %s", syllables[i+10], pname), org.Department, org.Province, ubnd)
			}
			for dn := range 20 {
				dname := placeName(p*1000 + dn*17)
				hu := mk("Huyện ủy "+dname, org.PartyCommittee, org.District, tu)
				hdnd := mk("Hội đồng nhân dân huyện "+dname, org.PeoplesCouncil, org.District, hu)
				ub := mk("Ủy ban nhân dân huyện "+dname, org.PeoplesCommittee, org.District, hu)
				for c := range 5 {
					cname := placeName(p*10000 + dn*50 + c)
					du := mk("Đảng ủy xã "+cname, org.PartyCommittee, org.Commune, hu)
					mk("Hội đồng nhân dân xã "+cname, org.PeoplesCouncil, org.Commune, du)
					mk("Ủy ban nhân dân xã "+cname, org.PeoplesCommittee, org.Commune, du)
					if _, err := s.Move(ctx, org.MoveInput{UnitID: du, ParentID: tu, Act: org.Act{Effective: reform}}); err != nil {
						b.Fatal(err)
					}
				}
				for _, id := range []int64{ub, hdnd, hu} {
					if _, err := s.Dissolve(ctx, org.DissolveInput{UnitID: id, Act: org.Act{Effective: reform}}); err != nil {
						b.Fatal(err)
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("generated the national organisation on %s in %v", d.Dialect, time.Since(began))
	// Statistics, as autovacuum (PostgreSQL) or the nightly maintenance
	// (SQLite) would have them; without them PostgreSQL guesses a few rows
	// per table and may pick nested loops for the full tree.
	if _, err := d.Primary().ExecContext(ctx, `ANALYZE`); err != nil {
		b.Fatal(err)
	}
	return s, provinces
}

func BenchmarkNational(b *testing.B) {
	s, provinces := national(b)
	ctx := context.Background()
	before, after := date.MustParse("2025-06-30"), date.MustParse("2025-07-02")
	count := func(trees []*org.Node) int {
		n := 0
		for _, t := range trees {
			t.Walk(func(*org.Node, int) { n++ })
		}
		return n
	}
	for _, on := range []date.Date{before, after} {
		b.Run("Tree/"+on.String(), func(b *testing.B) {
			var n int
			for b.Loop() {
				trees, err := s.Tree(ctx, org.TreeQuery{AsOf: on})
				if err != nil {
					b.Fatal(err)
				}
				n = count(trees)
			}
			b.ReportMetric(float64(n), "units")
		})
	}
	b.Run("Tree/province/"+after.String(), func(b *testing.B) {
		var n int
		for b.Loop() {
			trees, err := s.Tree(ctx, org.TreeQuery{AsOf: after, RootID: provinces[17]})
			if err != nil {
				b.Fatal(err)
			}
			n = count(trees)
		}
		b.ReportMetric(float64(n), "units")
	})
	b.Run("Children/province", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Children(ctx, provinces[17], after); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Search", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Search(ctx, org.SearchQuery{Text: "dang uy xa tan", AsOf: after}); err != nil {
				b.Fatal(err)
			}
		}
	})
	trees, _ := s.Tree(ctx, org.TreeQuery{AsOf: after, RootID: provinces[5]})
	leaf := trees[0].Children[len(trees[0].Children)-1].ID
	b.Run("Path", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Path(ctx, leaf, after); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Get", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Get(ctx, leaf, before); err != nil {
				b.Fatal(err)
			}
		}
	})
}
