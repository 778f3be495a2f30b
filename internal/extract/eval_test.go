package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusDir finds shared/corpus/DIR beside the repository (in the checkout
// or any folder above it), or skips the test: the corpus is other people's
// writing and is never copied into the project.
func corpusDir(t *testing.T, sub string) string {
	t.Helper()
	if dir := os.Getenv("PLENUM_CORPUS"); dir != "" {
		return filepath.Join(dir, sub)
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		cand := filepath.Join(dir, "shared", "corpus", sub)
		if fi, err := os.Stat(cand); err == nil && fi.IsDir() {
			return cand
		}
		if filepath.Dir(dir) == dir {
			t.Skipf("shared/corpus/%s not found above %s", sub, wd)
		}
	}
}

// minimum scores asserted on an article set.
type minimum struct {
	f1      map[string]float64 // set fields
	scalars float64            // share of scalar values right
	removed float64            // boilerplate and captions removed
	kept    float64            // body paragraphs kept
}

func checkScores(t *testing.T, dir string, want minimum) {
	t.Helper()
	total, files, err := Evaluate(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.Err != nil {
			t.Errorf("%s: %v", f.Name, f.Err)
		}
	}
	for field, min := range want.f1 {
		if got := total.Fields[field].F1(); got < min {
			t.Errorf("%s F1 = %.3f, want at least %.2f", field, got, min)
		}
	}
	if got := total.ScalarAccuracy(); got < want.scalars {
		t.Errorf("scalars right = %.3f, want at least %.2f", got, want.scalars)
	}
	if got := total.Removed.Recall(); got < want.removed {
		t.Errorf("boilerplate removed = %.3f, want at least %.2f", got, want.removed)
	}
	if got := total.Kept.Recall(); got < want.kept {
		t.Errorf("body kept = %.3f, want at least %.2f", got, want.kept)
	}
	if t.Failed() {
		for _, f := range files {
			if f.Score != nil {
				t.Logf("== %s", f.Name)
				var b strings.Builder
				f.Score.Report(&b, true)
				t.Log(b.String())
			}
		}
	}
}

func TestSeeds(t *testing.T) {
	checkScores(t, corpusDir(t, "seeds"), minimum{
		f1:      map[string]float64{"people": 0.95, "positions": 0.90, "chairs": 0.90, "documents": 0.95, "figures": 0.95},
		scalars: 0.90,
		removed: 0.95,
		kept:    0.98,
	})
}

// TestHeldOut scores the articles of testdata/heldout, written for this
// project in the manner of the held-out sets: other provinces, a People's
// Council session, a congress, an HTML page, a speech cut mid-sentence,
// Windows-1258 and UTF-16 files.
func TestHeldOut(t *testing.T) {
	checkScores(t, filepath.Join("testdata", "heldout"), minimum{
		f1:      map[string]float64{"people": 0.95, "positions": 0.90, "chairs": 0.90, "documents": 0.95, "figures": 0.95},
		scalars: 0.90,
		removed: 0.95,
		kept:    0.98,
	})
}
