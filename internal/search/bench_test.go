package search_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/clock/clocktest"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/db/dbtest"
	"plenum/internal/search"
)

// A province-sized index, as the issue sets it: 2,000 documents a year for
// ten years and 300 conferences, with the province's units and people; one
// document in twenty classified, with grants to a unit. The text is
// generated from the phrases below (written for the benchmark).
const (
	benchYears     = 10
	benchDocsYear  = 2000
	benchConfs     = 300
	benchUnits     = 600
	benchPersons   = 3000
	benchFirstYear = 2016
)

var (
	benchKinds = []struct {
		name, code, schema string
		state              bool
		weight             int
	}{
		{"Công văn", "CV", "letter", false, 30}, {"Báo cáo", "BC", "report", false, 15}, {"Kế hoạch", "KH", "plan", false, 12},
		{"Thông báo", "TB", "notice", false, 10}, {"Quyết định", "QĐ", "decision", true, 10}, {"Nghị quyết", "NQ", "resolution", false, 5},
		{"Chỉ thị", "CT", "directive", false, 3}, {"Kết luận", "KL", "conclusion", false, 5}, {"Hướng dẫn", "HD", "guideline", false, 4},
		{"Chương trình", "CTr", "programme", false, 3}, {"Tờ trình", "TTr", "submission", false, 3},
	}
	benchTopics = []string{
		"phát triển kinh tế - xã hội", "xây dựng nông thôn mới", "chuyển đổi số", "cải cách hành chính",
		"bảo vệ môi trường", "phòng, chống tham nhũng, tiêu cực", "công tác cán bộ", "thu hút đầu tư",
		"phát triển du lịch", "bảo đảm quốc phòng, an ninh", "giáo dục và đào tạo", "chăm sóc sức khỏe nhân dân",
		"giảm nghèo bền vững", "công trình thủy lợi", "giao thông nông thôn", "chỉnh trang đô thị",
		"bảo tồn văn hóa dân tộc", "công tác dân vận", "công tác tôn giáo", "kiểm tra, giám sát",
		"xây dựng Đảng về đạo đức", "học tập và làm theo tư tưởng Hồ Chí Minh", "phát triển kinh tế tập thể",
		"trồng rừng và bảo vệ rừng", "phòng, chống thiên tai", "an toàn giao thông", "phát triển công nghiệp",
		"thương mại điện tử", "hỗ trợ doanh nghiệp nhỏ và vừa", "sắp xếp đơn vị hành chính cấp xã",
		"tinh giản biên chế", "thực hành tiết kiệm", "cải thiện chỉ số năng lực cạnh tranh", "phát triển thanh niên",
		"bình đẳng giới", "khuyến học, khuyến tài", "phòng, chống ma túy", "xuất khẩu lao động",
		"bảo hiểm xã hội toàn dân", "ứng dụng khoa học công nghệ", "phát triển cây chè", "chăn nuôi an toàn sinh học",
	}
	benchActions = []string{"thực hiện", "triển khai", "tổng kết", "sơ kết", "về việc", "về tăng cường", "về đẩy mạnh", "lãnh đạo"}
	benchPlaces  = []string{"Đại Từ", "Định Hóa", "Phú Lương", "Võ Nhai", "Đồng Hỷ", "Phú Bình", "Phổ Yên", "Sông Công",
		"Ba Bể", "Chợ Đồn", "Ngân Sơn", "Bạch Thông", "Pác Nặm", "Na Rì", "Chợ Mới", "Hà Quảng", "Trùng Khánh", "Hòa An"}
	benchIssuers = []string{"Tỉnh ủy", "Ban Thường vụ Tỉnh ủy", "Văn phòng Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy",
		"Ủy ban Kiểm tra Tỉnh ủy", "Ủy ban nhân dân tỉnh", "Hội đồng nhân dân tỉnh", "Ban Dân vận Tỉnh ủy", "Ban Nội chính Tỉnh ủy"}
	benchStatuses = []string{"issued", "issued", "issued", "issued", "amended", "replaced", "expired"}
	benchFamily   = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Ma", "Nông", "Hà"}
	benchMiddle   = []string{"Văn", "Thị", "Đức", "Minh", "Thanh", "Quang", "Hữu", "Ngọc", "Xuân", "Thu"}
	benchGiven    = []string{"An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hòa", "Hùng", "Hương", "Khánh", "Lan", "Linh",
		"Long", "Mai", "Nam", "Nga", "Phong", "Phương", "Quân", "Sơn", "Tâm", "Thắng", "Thủy", "Trang", "Tuấn", "Vân", "Yến"}
	benchPosts = []string{"Bí thư Huyện ủy", "Phó Bí thư Huyện ủy", "Chủ tịch Ủy ban nhân dân huyện", "Trưởng ban Tuyên giáo Huyện ủy",
		"Giám đốc Sở Nông nghiệp", "Phó Giám đốc Sở Tài chính", "Chánh Văn phòng Tỉnh ủy", "Ủy viên Ban Thường vụ Tỉnh ủy"}
)

// benchEntries generates the index of a province.
func benchEntries() []search.Entry {
	r := rand.New(rand.NewPCG(1, 2))
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	total := 0
	for _, k := range benchKinds {
		total += k.weight
	}
	var out []search.Entry
	for u := 1; u <= benchUnits; u++ {
		name := fmt.Sprintf("%s %s", pick([]string{"Huyện ủy", "Đảng ủy xã", "Ủy ban nhân dân huyện", "Hội đồng nhân dân huyện",
			"Đảng ủy phường", "Phòng Nội vụ huyện"}), pick(benchPlaces))
		if u > len(benchPlaces) {
			name += fmt.Sprintf(" %d", u)
		}
		out = append(out, search.Entry{Entity: "unit", EntityID: int64(u), Title: name, Kind: "party_committee",
			Body: name + " (2016–)", Status: "active", UnitID: int64(1 + r.IntN(20)), URL: fmt.Sprintf("/org/units/%d", u)})
	}
	for p := 1; p <= benchPersons; p++ {
		name := pick(benchFamily) + " " + pick(benchMiddle) + " " + pick(benchGiven)
		out = append(out, search.Entry{Entity: "person", EntityID: int64(p), Title: name,
			Body: pick(benchPosts) + " " + pick(benchPlaces), UnitID: int64(1 + r.IntN(benchUnits)), URL: fmt.Sprintf("/people/%d", p)})
	}
	id := 0
	for y := benchFirstYear; y < benchFirstYear+benchYears; y++ {
		numbers := map[string]int{}
		for range benchDocsYear {
			id++
			w := r.IntN(total)
			k := benchKinds[0]
			for _, kk := range benchKinds {
				if w < kk.weight {
					k = kk
					break
				}
				w -= kk.weight
			}
			numbers[k.code]++
			n := numbers[k.code]
			symbol := fmt.Sprintf("%02d-%s/TU", n, k.code)
			issuer := pick(benchIssuers)
			if k.state {
				symbol = fmt.Sprintf("%d/%s-UBND", n, k.code)
				issuer = "Ủy ban nhân dân tỉnh"
			}
			topic := pick(benchTopics)
			day := date.MustNew(y, time.Month(1+r.IntN(12)), 1+r.IntN(28))
			e := search.Entry{Entity: "document", EntityID: int64(id), Symbol: symbol, Kind: k.schema, Issuer: issuer,
				UnitID: int64(1 + r.IntN(40)), Year: y, Status: pick(benchStatuses), Date: day, URL: fmt.Sprintf("/documents/%d", id),
				Title: fmt.Sprintf("%s số %s %s %s tại huyện %s giai đoạn %d–%d", k.name, symbol, pick(benchActions), topic,
					pick(benchPlaces), y, y+5),
				Body: fmt.Sprintf("Nhằm %s, %s yêu cầu các cấp ủy, chính quyền tập trung %s; phấn đấu đến năm %d hoàn thành các chỉ tiêu về %s.",
					topic, issuer, pick(benchTopics), y+5, pick(benchTopics))}
			if r.IntN(20) == 0 {
				e.Class = 1 + r.IntN(3)
			}
			out = append(out, e)
		}
	}
	for c := 1; c <= benchConfs; c++ {
		y := benchFirstYear + r.IntN(benchYears)
		out = append(out, search.Entry{Entity: "conference", EntityID: int64(c), Year: y, UnitID: int64(1 + r.IntN(40)),
			Kind: "regular", Date: date.MustNew(y, time.Month(1+r.IntN(12)), 1+r.IntN(28)), URL: fmt.Sprintf("/conferences/%d", c),
			Title: fmt.Sprintf("Hội nghị lần thứ %d Ban Chấp hành Đảng bộ tỉnh", 1+c%30),
			Body: fmt.Sprintf("Hội nghị thảo luận về %s và %s; thông qua Kế hoạch số %02d-KH/TU.", pick(benchTopics), pick(benchTopics),
				1+r.IntN(200))})
	}
	return out
}

// benchQueries are what people type, from the precise to the broad: a
// fifth of them match more than MaxCounted records.
var benchQueries = []search.Query{
	{Text: "147-KH/TU"}, {Text: "35/QĐ-UBND"}, {Text: "số 12"}, {Text: "12/KH"},
	{Text: "chuyển đổi số"}, {Text: "xay dung nong thon moi"}, {Text: "phòng chống tham nhũng"}, {Text: "cong trinh thuy loi"},
	{Text: "nghi quyet 13"}, {Text: "ke hoach 147"}, {Text: "kế hoạch chuyển đổi số 2021"},
	{Text: "nguyen van hung"}, {Text: "Hoàng Thị Thủy"}, {Text: "huyen uy dai tu"}, {Text: "bí thư huyện ủy"},
	{Text: "chuyen do"}, {Text: "nong th"}, {Text: "du li"},
	{Text: "ke hoach"}, {Text: "nghi quyet"}, {Text: "bao cao"}, {Text: "tinh uy"},
	{Text: "thu hut dau tu", Kind: "plan"}, {Text: "giao thong", Year: 2022}, {Text: "du lich", Entity: "document", Status: "issued"},
	{Text: "thuy loii"}, {Text: "xyzzy"}, {Text: `"ha noi" NEAR *`},
}

// BenchmarkSearch measures searches of a province-sized index against a
// bare primary-key lookup in the same run, reporting the latency
// percentiles of each (see BENCHMARKS.md):
//
//	go test ./internal/search -run '^$' -bench Search -benchtime 600x -cpu 1
func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	d := dbtest.New(b)
	ix := search.New(d, clocktest.New(b))
	entries := benchEntries()
	start := time.Now()
	err := d.Tx(ctx, func(ctx context.Context) error {
		for _, e := range entries {
			if err := ix.Put(ctx, e); err != nil {
				return err
			}
		}
		// Half the classified documents are granted to leaders.
		_, err := d.W(ctx).ExecContext(ctx, `INSERT INTO record_access (entity, entity_id, role)
			SELECT entity, entity_id, 'leader' FROM search_entries WHERE class > 0 AND entity_id % 2 = 0`)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	if d.Dialect == db.Postgres {
		if _, err := d.Primary().ExecContext(ctx, `ANALYZE`); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("%s: indexed %d entries in %s", d.Dialect, len(entries), time.Since(start).Round(time.Millisecond))

	reader := access.Viewer{UserID: 1, Role: auth.RoleReader}
	cleared := access.Viewer{UserID: 2, Role: auth.RoleLeader, Clearance: auth.ClassTuyetMat, UnitIDs: []int64{7, 8}}
	b.Run("baseline=primary-key", func(b *testing.B) {
		var title string
		latency(b, func(i int) error {
			return d.R(ctx).QueryRowContext(ctx, `SELECT title FROM search_entries WHERE id = $1`, 1+i*7919%len(entries)).Scan(&title)
		})
	})
	for _, v := range []struct {
		name string
		v    access.Viewer
	}{{"uncleared", reader}, {"cleared", cleared}} {
		b.Run("mix/"+v.name, func(b *testing.B) {
			latency(b, func(i int) error {
				_, err := ix.Search(ctx, v.v, benchQueries[i%len(benchQueries)])
				return err
			})
		})
	}
	for _, q := range []search.Query{{Text: "147-KH/TU"}, {Text: "nguyen van hung"}, {Text: "ke hoach"}, {Text: "xyzzy"}} {
		b.Run("query="+strings.ReplaceAll(q.Text, "/", "∕"), func(b *testing.B) {
			latency(b, func(int) error {
				_, err := ix.Search(ctx, cleared, q)
				return err
			})
		})
	}
}

// latency runs op b.N times and reports the 50th, 95th and 99th
// percentiles of its wall-clock duration, and the CPU time this process
// spent per op (on PostgreSQL most of the work is the server's, not
// counted there).
func latency(b *testing.B, op func(i int) error) {
	b.Helper()
	ds := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	cpu := processCPU()
	for i := range b.N {
		t := time.Now()
		if err := op(i); err != nil {
			b.Fatal(err)
		}
		ds = append(ds, time.Since(t))
	}
	cpu = processCPU() - cpu
	b.StopTimer()
	slices.Sort(ds)
	at := func(p float64) float64 { return float64(ds[int(p*float64(len(ds)-1))].Microseconds()) / 1000 }
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.95), "p95-ms")
	b.ReportMetric(at(0.99), "p99-ms")
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
}
