package extract

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// The scorer implements "How an extractor is scored" of SCHEMA.md.

// Tally counts the outcome of one field over one or more articles. For a
// set, TP, FP and FN count items; for a scalar, a right value is a TP (or
// a TN when both sides are null), a wrong value is an FP and also an FN
// when the gold value was not null, and a missed value is an FN.
type Tally struct {
	TP, FP, FN, TN int
	Missed, Extra  []string // with details: gold items not found, proposed items not in gold
}

// Precision is TP / (TP + FP), 1 when nothing was proposed.
func (t Tally) Precision() float64 { return ratio(t.TP, t.TP+t.FP) }

// Recall is TP / (TP + FN), 1 when there was nothing to find.
func (t Tally) Recall() float64 { return ratio(t.TP, t.TP+t.FN) }

// F1 is the harmonic mean of precision and recall.
func (t Tally) F1() float64 {
	p, r := t.Precision(), t.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Accuracy is the share of right values, null matching null (for scalars).
func (t Tally) Accuracy() float64 {
	wrong := max(t.FP, t.FN)
	return ratio(t.TP+t.TN, t.TP+t.TN+wrong)
}

func (t *Tally) add(u Tally) {
	t.TP += u.TP
	t.FP += u.FP
	t.FN += u.FN
	t.TN += u.TN
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// ScalarFields and SetFields are the fields of a Score, in report order.
var (
	ScalarFields = []string{"title", "published", "event_date", "province", "author", "source",
		"meeting.body", "meeting.ordinal", "meeting.term", "meeting.term_years", "meeting.online", "meeting.delegates"}
	SetFields = []string{"people", "positions", "chairs", "documents", "figures"}
)

// Score is the comparison of proposed articles with gold annotations.
type Score struct {
	Fields map[string]*Tally
	// Removed counts gold boilerplate and caption lines that did not
	// survive into the body (TP) and those that did (FN).
	Removed Tally
	// Kept counts the body paragraphs (lines of the article that gold marks
	// neither boilerplate, caption, headline nor byline) kept in the body
	// (TP) and lost (FN).
	Kept Tally
}

func newScore() *Score {
	s := &Score{Fields: map[string]*Tally{}}
	for _, f := range append(slices.Clone(ScalarFields), SetFields...) {
		s.Fields[f] = &Tally{}
	}
	return s
}

// Add accumulates another score (micro-averaging).
func (s *Score) Add(o *Score) {
	for k, t := range o.Fields {
		s.Fields[k].add(*t)
	}
	s.Removed.add(o.Removed)
	s.Kept.add(o.Kept)
}

// ScalarAccuracy is the share of right scalar values over all scalar fields.
func (s *Score) ScalarAccuracy() float64 {
	var right, all int
	for _, f := range ScalarFields {
		t := s.Fields[f]
		right += t.TP + t.TN
		all += t.TP + t.TN + max(t.FP, t.FN)
	}
	return ratio(right, all)
}

// Compare scores a proposed article against its gold annotation.
func Compare(gold, got *Article) *Score {
	s := newScore()
	scalar := func(field, g, p string) {
		t := s.Fields[field]
		switch {
		case g == p && g == "":
			t.TN++
		case g == p:
			t.TP++
		case p == "":
			t.FN++
			t.Missed = append(t.Missed, g)
		default:
			t.FP++
			t.Extra = append(t.Extra, p)
			if g != "" {
				t.FN++
				t.Missed = append(t.Missed, g)
			}
		}
	}
	norm := NormalizeText
	scalar("title", norm(gold.Title), norm(got.Title))
	scalar("published", gold.Published.String(), got.Published.String())
	scalar("event_date", gold.EventDate.String(), got.EventDate.String())
	scalar("province", norm(gold.Province), norm(got.Province))
	scalar("author", norm(gold.Author), norm(got.Author))
	scalar("source", norm(gold.Source), norm(got.Source))
	gm, pm := meetingFields(gold.Meeting), meetingFields(got.Meeting)
	for i, f := range ScalarFields[6:] {
		scalar(f, gm[i], pm[i])
	}

	var gp, pp, gpos, ppos []string
	for _, p := range gold.People {
		gp = append(gp, norm(p.Name))
		for _, pos := range p.Positions {
			gpos = append(gpos, norm(p.Name)+" | "+NormalizePosition(pos))
		}
	}
	for _, p := range got.People {
		if len(p.Positions) == 0 {
			continue // not output: SCHEMA lists people with a position
		}
		pp = append(pp, norm(p.Name))
		for _, pos := range p.Positions {
			ppos = append(ppos, norm(p.Name)+" | "+NormalizePosition(pos))
		}
	}
	*s.Fields["people"] = matchSets(gp, pp, equalStrings)
	*s.Fields["positions"] = matchSets(gpos, ppos, equalStrings)
	*s.Fields["chairs"] = matchSets(mapStrings(gold.Chairs, norm), mapStrings(got.Chairs, norm), equalStrings)
	*s.Fields["documents"] = matchSets(docKeys(gold.Documents), docKeys(got.Documents), equalStrings)
	*s.Fields["figures"] = matchSets(figureKeys(gold.Figures), figureKeys(got.Figures), equalFigures)

	body := map[string]bool{}
	for l := range strings.SplitSeq(got.Body, "\n") {
		body[norm(l)] = true
	}
	notBody := map[string]bool{norm(gold.Title): true, norm(gold.Author): true}
	for _, l := range append(slices.Clone(gold.Boilerplate), gold.Captions...) {
		k := norm(l)
		notBody[k] = true
		if body[k] {
			s.Removed.FN++
			s.Removed.Missed = append(s.Removed.Missed, l)
		} else {
			s.Removed.TP++
		}
	}
	for _, ln := range got.Lines {
		text := got.Text[ln.Start:ln.End]
		k := norm(text)
		if notBody[k] || (gold.Source != "" && strings.Contains(k, norm(gold.Source))) {
			continue
		}
		if body[k] {
			s.Kept.TP++
		} else {
			s.Kept.FN++
			s.Kept.Missed = append(s.Kept.Missed, text)
		}
	}
	return s
}

func meetingFields(m *Meeting) [6]string {
	if m == nil {
		return [6]string{}
	}
	var f [6]string
	f[0] = NormalizeText(m.Body)
	if m.Ordinal != 0 {
		f[1] = strconv.Itoa(m.Ordinal)
	}
	f[2] = strings.ToUpper(m.Term)
	if m.TermYears != [2]int{} {
		f[3] = fmt.Sprintf("%d-%d", m.TermYears[0], m.TermYears[1])
	}
	f[4] = strconv.FormatBool(m.Online)
	if m.Delegates != 0 {
		f[5] = strconv.Itoa(m.Delegates)
	}
	return f
}

func docKeys(docs []Document) []string {
	var out []string
	for _, d := range docs {
		out = append(out, fmt.Sprintf("%s %d %s", d.Kind, d.Number, NormalizeText(d.Issuer)))
	}
	return out
}

func figureKeys(figs []Figure) []string {
	var out []string
	for _, f := range figs {
		k := fmt.Sprintf("%s %g", f.Kind, f.Value)
		if f.Kind == "ratio" {
			k += fmt.Sprintf("/%g", f.Of)
		}
		out = append(out, k)
	}
	return out
}

func equalStrings(a, b string) bool { return a == b }

// equalFigures compares figure keys; money within 0.5%.
func equalFigures(a, b string) bool {
	if a == b {
		return true
	}
	ka, va, oka := strings.Cut(a, " ")
	kb, vb, okb := strings.Cut(b, " ")
	if !oka || !okb || ka != kb || ka != "money" {
		return false
	}
	x, err1 := strconv.ParseFloat(va, 64)
	y, err2 := strconv.ParseFloat(vb, 64)
	return err1 == nil && err2 == nil && math.Abs(x-y) <= 0.005*math.Abs(x)
}

// matchSets pairs gold and proposed items one to one (as multisets).
func matchSets(gold, got []string, eq func(a, b string) bool) Tally {
	var t Tally
	gold, got = dedupe(gold), dedupe(got)
	used := make([]bool, len(got))
	for _, g := range gold {
		found := false
		for i, p := range got {
			if !used[i] && eq(g, p) {
				used[i], found = true, true
				break
			}
		}
		if found {
			t.TP++
		} else {
			t.FN++
			t.Missed = append(t.Missed, g)
		}
	}
	for i, p := range got {
		if !used[i] {
			t.FP++
			t.Extra = append(t.Extra, p)
		}
	}
	return t
}

func dedupe(s []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func mapStrings(s []string, f func(string) string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = f(x)
	}
	return out
}

// FileScore is the score of one article of an evaluation.
type FileScore struct {
	Name  string
	Score *Score
	Err   error
}

// Evaluate runs the extractor on every DIR/*.txt and DIR/*.html that has a
// DIR/NAME.gold.json beside it and scores it.
func Evaluate(dir string, opts Options) (total *Score, files []FileScore, err error) {
	var inputs []string
	for _, pattern := range []string{"*.txt", "*.html", "*.htm"} {
		m, err := filepath.Glob(filepath.Join(dir, pattern))
		if err != nil {
			return nil, nil, err
		}
		inputs = append(inputs, m...)
	}
	slices.Sort(inputs)
	total = newScore()
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))
		goldPath := filepath.Join(dir, name+".gold.json")
		b, err := os.ReadFile(goldPath)
		if os.IsNotExist(err) {
			continue
		}
		fs := FileScore{Name: filepath.Base(in)}
		var gold Article
		if err == nil {
			err = json.Unmarshal(b, &gold)
		}
		if err != nil {
			fs.Err = fmt.Errorf("%s: %w", goldPath, err)
			files = append(files, fs)
			continue
		}
		got, err := File(in, opts)
		if err != nil {
			fs.Err = err
			files = append(files, fs)
			continue
		}
		fs.Score = Compare(&gold, &got)
		total.Add(fs.Score)
		files = append(files, fs)
	}
	if len(files) == 0 {
		return nil, nil, fmt.Errorf("%s: no articles with gold annotations (NAME.txt or NAME.html beside NAME.gold.json)", dir)
	}
	return total, files, nil
}

// Report writes a score as a table; with details, the missed and extra items.
func (s *Score) Report(w io.Writer, details bool) {
	fmt.Fprintf(w, "%-20s %6s %6s %6s %6s %5s %5s %5s\n", "field", "P", "R", "F1", "acc", "tp", "fp", "fn")
	line := func(name string, t *Tally, acc bool) {
		a := "-"
		if acc {
			a = fmt.Sprintf("%.3f", t.Accuracy())
		}
		fmt.Fprintf(w, "%-20s %6.3f %6.3f %6.3f %6s %5d %5d %5d\n", name, t.Precision(), t.Recall(), t.F1(), a, t.TP, t.FP, t.FN)
		if details {
			for _, m := range t.Missed {
				fmt.Fprintf(w, "    - missed: %s\n", m)
			}
			for _, e := range t.Extra {
				fmt.Fprintf(w, "    + extra:  %s\n", e)
			}
		}
	}
	for _, f := range ScalarFields {
		line(f, s.Fields[f], true)
	}
	for _, f := range SetFields {
		line(f, s.Fields[f], false)
	}
	fmt.Fprintf(w, "%-20s %.3f\n", "scalars right", s.ScalarAccuracy())
	fmt.Fprintf(w, "%-20s %.3f (%d of %d boilerplate and caption lines)\n", "boilerplate removed", s.Removed.Recall(), s.Removed.TP, s.Removed.TP+s.Removed.FN)
	fmt.Fprintf(w, "%-20s %.3f (%d of %d body paragraphs)\n", "body kept", s.Kept.Recall(), s.Kept.TP, s.Kept.TP+s.Kept.FN)
	if details {
		for _, m := range s.Removed.Missed {
			fmt.Fprintf(w, "    - left in body: %s\n", m)
		}
		for _, m := range s.Kept.Missed {
			fmt.Fprintf(w, "    - lost from body: %.100s\n", m)
		}
	}
}
