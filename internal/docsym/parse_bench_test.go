package docsym

import (
	"strings"
	"testing"
)

// benchSymbols mixes the layouts a registry and the citation finder meet.
var benchSymbols = []string{
	"147-KH/TU", "13-NQ/TW", "01-HD/BTGTU", "12/2021/NQ-HĐND", "123/QĐ-UBND",
	"30/2020/NĐ-CP", "7328/UBND-TH", "05/2019/TT-BGDĐT",
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := Parse(benchSymbols[i%len(benchSymbols)]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSplitBaseline is the yardstick BENCHMARKS.md compares Parse with:
// cutting the same symbols at their separators with strings.Split, which
// checks nothing.
func BenchmarkSplitBaseline(b *testing.B) {
	b.ReportAllocs()
	n := 0
	for i := 0; b.Loop(); i++ {
		n += len(strings.Split(benchSymbols[i%len(benchSymbols)], "/"))
	}
	if n == 0 {
		b.Fatal("no parts")
	}
}

func BenchmarkString(b *testing.B) {
	syms := make([]Symbol, len(benchSymbols))
	for i, s := range benchSymbols {
		syms[i], _ = Parse(s)
	}
	b.ReportAllocs()
	var buf []byte
	for i := 0; b.Loop(); i++ {
		buf = syms[i%len(syms)].appendTo(buf[:0])
	}
}

// benchArticle is a paragraph written for the benchmark, citing documents in
// the ways articles do, repeated to the length of a news article.
var benchArticle = strings.Repeat("Hội nghị quán triệt Nghị quyết số 26-NQ/TW ngày 05/8/2024 của Bộ Chính trị khóa XIII, "+
	"Kết luận số 14-KL/TW và các Nghị quyết số 10, 11 và 12-NQ/TU của Ban Chấp hành Đảng bộ tỉnh; "+
	"triển khai Quyết định số 2345/QĐ-UBND của UBND tỉnh, Nghị định 45/2022/NĐ-CP và Nghị quyết số 57 của Chính phủ. "+
	"Tăng trưởng đạt 6,25%, thu ngân sách 2.150 tỷ đồng, có 14/22 chỉ tiêu đạt và vượt kế hoạch 5 năm. ", 8)

func BenchmarkFindCitations(b *testing.B) {
	b.SetBytes(int64(len(benchArticle)))
	b.ReportAllocs()
	for b.Loop() {
		if len(FindCitations(benchArticle)) == 0 {
			b.Fatal("no citations")
		}
	}
}
