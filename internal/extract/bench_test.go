package extract

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

// benchArticles loads the seed articles (or, without the corpus, the
// held-out test articles) once.
func benchArticles(b *testing.B) [][]byte {
	b.Helper()
	dir := filepath.Join("testdata", "heldout")
	if d := findCorpus("seeds"); d != "" {
		dir = d
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var out [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, data)
	}
	if len(out) == 0 {
		b.Skip("no articles")
	}
	return out
}

// findCorpus is corpusDir without a testing.T: "" when absent.
func findCorpus(sub string) string {
	wd, _ := os.Getwd()
	for dir := wd; ; dir = filepath.Dir(dir) {
		cand := filepath.Join(dir, "shared", "corpus", sub)
		if fi, err := os.Stat(cand); err == nil && fi.IsDir() {
			return cand
		}
		if filepath.Dir(dir) == dir {
			return ""
		}
	}
}

func reportArticles(b *testing.B, n int) {
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkExtract decodes and extracts the articles, one per iteration.
func BenchmarkExtract(b *testing.B) {
	arts := benchArticles(b)
	var size int64
	for _, a := range arts {
		size += int64(len(a))
	}
	b.SetBytes(size / int64(len(arts)))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := Bytes("bench", arts[i%len(arts)], Options{}); err != nil {
			b.Fatal(err)
		}
	}
	reportArticles(b, b.N)
}

// BenchmarkBaseline is the floor the extractor is compared with: reading the
// same articles into strings and normalising them to NFC.
func BenchmarkBaseline(b *testing.B) {
	arts := benchArticles(b)
	var size int64
	for _, a := range arts {
		size += int64(len(a))
	}
	b.SetBytes(size / int64(len(arts)))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_ = norm.NFC.String(string(arts[i%len(arts)]))
	}
	reportArticles(b, b.N)
}

// BenchmarkExtractVsBaseline alternates the baseline and the extractor on
// each article and reports both times and their ratio: on a shared machine
// whose load drifts, the ratio of two measurements taken side by side is
// steadier than either.
func BenchmarkExtractVsBaseline(b *testing.B) {
	arts := benchArticles(b)
	var base, ext time.Duration
	for i := 0; b.Loop(); i++ {
		a := arts[i%len(arts)]
		t0 := time.Now()
		_ = norm.NFC.String(string(a))
		t1 := time.Now()
		if _, err := Bytes("bench", a, Options{}); err != nil {
			b.Fatal(err)
		}
		base, ext = base+t1.Sub(t0), ext+time.Since(t1)
	}
	n := float64(b.N)
	b.ReportMetric(float64(base.Nanoseconds())/n, "ns-baseline/op")
	b.ReportMetric(float64(ext.Nanoseconds())/n, "ns-extract/op")
	b.ReportMetric(float64(ext)/float64(base), "ratio")
	b.ReportMetric(n/ext.Seconds(), "articles/s")
}

// BenchmarkExtractMemory extracts 100,000 articles and reports the heap in
// use after the first 10,000 and after all of them: the extractor keeps no
// state between articles, so the two stay level.
func BenchmarkExtractMemory(b *testing.B) {
	arts := benchArticles(b)
	const total, warm = 100_000, 10_000
	heap := func() float64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return float64(m.HeapInuse) / (1 << 20)
	}
	for b.Loop() {
		var atWarm float64
		for i := range total {
			if i == warm {
				atWarm = heap()
			}
			if _, err := Bytes("bench", arts[i%len(arts)], Options{}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(atWarm, "MiB-heap-after-10k")
		b.ReportMetric(heap(), "MiB-heap-after-100k")
	}
}
