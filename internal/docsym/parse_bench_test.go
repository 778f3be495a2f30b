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
