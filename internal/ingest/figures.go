package ingest

import (
	"context"
	"encoding/json"
	"math/big"
	"sort"
	"strings"
	"unicode"

	"plenum/internal/indicators"
	"plenum/internal/org"
	"plenum/internal/vn"
)

// figures proposes the figures as indicator values.
func (b *builder) figures(ctx context.Context) error {
	var inds []indicators.Indicator
	if b.s.reg.Indicators != nil && len(b.a.Figures) > 0 {
		var err error
		if inds, err = b.s.reg.Indicators.List(ctx, b.v, indicators.ListQuery{}); err != nil {
			return err
		}
	}
	for _, f := range b.a.Figures {
		fp := FigureProposal{Span: f.Span, Text: b.text(f.Span), Kind: f.Kind, Value: f.Value, Of: f.Of, Unit: f.Unit, Label: f.Label}
		clause := clauseBefore(b.a.Text, f.Span.Start)
		fp.Context = strings.TrimSpace(clause)
		b.matchIndicator(&fp, clause, inds)
		if p, ok := b.period(f.Span); ok {
			fp.Period = p.String()
			u, _, err := b.r.pick(ctx, unitSpec{Kind: org.PartyCommittee, Level: org.Province}, p.Last())
			if err != nil {
				return err
			}
			fp.UnitID, fp.UnitName = u.ID, u.Name
			fp.Status = indicators.Final
			if estimated(clause) || !p.Last().Before(b.day) {
				fp.Status = indicators.Estimate
			}
		}
		cls := 0
		for _, ind := range inds {
			if ind.ID == fp.IndicatorID {
				cls = ind.Class
				fp.Amount = amountIn(fp, clause, ind)
			}
		}
		fp.Decision = accept(fp.IndicatorID != 0 && fp.Period != "" && fp.UnitID != 0 && fp.Amount != nil && cls >= int(b.it.Class))
		b.out.Figures = append(b.out.Figures, fp)
	}
	return nil
}

// clauseBefore is the text of the clause that ends where a figure starts:
// back to the previous comma, semicolon, colon, full stop or line break.
func clauseBefore(text string, start int) string {
	if start > len(text) || start < 0 {
		return ""
	}
	before := text[:start]
	if i := strings.LastIndexAny(before, ",;:.\n"); i >= 0 {
		before = before[i+1:]
	}
	return before
}

// estimated reports whether a clause gives its figure as an estimate:
// "ước đạt", "ước tính", "dự kiến".
func estimated(clause string) bool {
	s := " " + strings.Join(foldWords(clause), " ") + " "
	return strings.Contains(s, " uoc ") || strings.Contains(s, " du kien ") || strings.Contains(s, " du bao ")
}

// stopWords carry no meaning of their own in what a figure measures.
var stopWords = map[string]bool{
	"cua": true, "tinh": true, "va": true, "cac": true, "nam": true, "thang": true, "uoc": true, "dat": true,
	"trong": true, "tren": true, "voi": true, "la": true, "duoc": true, "theo": true, "so": true, "cung": true,
	"ky": true, "dau": true, "quy": true, "muc": true, "co": true, "khoang": true, "hon": true, "gan": true,
	"ca": true, "bao": true, "gom": true,
}

// weights gives each meaningful word of a text its weight: 3 for an
// acronym ("GRDP", "CPI"), 1 for any other word that is not a stop word.
func weights(text string) map[string]int {
	out := map[string]int{}
	for _, w := range splitWords(text) {
		switch {
		case isAcronym(w.text):
			out[w.fold] = 3
		case !stopWords[w.fold] && len(w.fold) > 1 && !unicode.IsDigit(rune(w.fold[0])):
			out[w.fold] = max(out[w.fold], 1)
		}
	}
	return out
}

func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// Thresholds for selecting an indicator: the words it shares with the
// figure's clause weigh at least minScore and make at least minShare of
// the indicator's name.
const (
	minScore     = 3
	minShare     = 0.4
	minCandidate = 2
)

// matchIndicator ranks the indicators of the figure's kind of measure by the
// words their names share with the clause the figure ends, and selects the
// best when it is clear.
func (b *builder) matchIndicator(fp *FigureProposal, clause string, inds []indicators.Indicator) {
	words := weights(clause + " " + fp.Label)
	type scored struct {
		Candidate
		share float64
	}
	var found []scored
	for _, ind := range inds {
		if !measureFits(fp, ind) {
			continue
		}
		name := weights(ind.Name)
		total, score := 0, 0
		for w, wt := range name {
			total += wt
			if words[w] > 0 {
				score += wt
			}
		}
		if score < minCandidate || total == 0 {
			continue
		}
		found = append(found, scored{Candidate{ID: ind.ID, Label: ind.Name, Note: ind.Measure, Score: score}, float64(score) / float64(total)})
	}
	sort.SliceStable(found, func(i, j int) bool {
		if found[i].Score != found[j].Score {
			return found[i].Score > found[j].Score
		}
		return found[i].share > found[j].share
	})
	for _, f := range found {
		fp.Candidates = append(fp.Candidates, f.Candidate)
	}
	if len(found) > 0 && found[0].Score >= minScore && found[0].share >= minShare && (len(found) == 1 || found[0].Score > found[1].Score) {
		fp.IndicatorID, fp.Indicator = found[0].ID, found[0].Label
		for _, ind := range inds {
			if ind.ID == fp.IndicatorID {
				fp.Measure = ind.Measure
			}
		}
	}
}

// measureFits reports whether an indicator measures what a figure is: a
// percentage an indicator in "%", an amount of money one in that currency
// (per head when the figure is).
func measureFits(fp *FigureProposal, ind indicators.Indicator) bool {
	m := vn.Fold(ind.Measure)
	switch fp.Kind {
	case "percent":
		return strings.Contains(m, "%")
	case "money":
		currency := strings.Fields(vn.Fold(fp.Unit))
		if len(currency) == 0 {
			return false
		}
		cur, _, _ := strings.Cut(currency[0], "/")
		return strings.Contains(m, cur) && strings.Contains(m, "/") == strings.Contains(fp.Unit, "/")
	}
	return false
}

// moneyScales are the scale words units of measure start with.
var moneyScales = map[string]int64{"nghin": 1e3, "ngan": 1e3, "trieu": 1e6, "ty": 1e9}

// amountIn is a figure's value in an indicator's unit of measure: the
// number as printed for a percentage (negative after "giảm" for a rate of
// change), an amount of money divided by the measure's scale ("15.000 tỷ
// đồng" is 15000 in "tỷ đồng"); nil when it cannot be read.
func amountIn(fp FigureProposal, clause string, ind indicators.Indicator) *vn.Decimal {
	var val vn.Decimal
	found := false
	for _, f := range vn.FindFigures(fp.Text) {
		if f.Kind.String() == fp.Kind {
			val, found = f.Value, true
			break
		}
	}
	if !found {
		return nil
	}
	if fp.Kind == "money" {
		scale := int64(1)
		if ws := strings.Fields(vn.Fold(ind.Measure)); len(ws) > 0 {
			if s, ok := moneyScales[ws[0]]; ok {
				scale = s
			}
		}
		r, ok := new(big.Rat).SetString(val.String())
		if !ok {
			return nil
		}
		r.Quo(r, new(big.Rat).SetInt64(scale))
		s := strings.TrimRight(strings.TrimRight(r.FloatString(6), "0"), ".")
		if err := json.Unmarshal([]byte(s), &val); err != nil {
			return nil
		}
	}
	if ws := foldWords(clause); ind.ValueKind == indicators.Change && len(ws) > 0 && ws[len(ws)-1] == "giam" {
		val = val.Neg()
	}
	return &val
}

// period is the reporting period a figure is of: the one its sentence names
// nearest before it (else after it), else the headline's; reporting periods
// only (a month, a quarter, the first 6 or 9 months, a year).
func (b *builder) period(s Span) (indicators.Period, bool) {
	line := lineAround(b.a.Text, s)
	sentence := b.text(line)
	if s.Start < line.Start || s.Start-line.Start > len(sentence) {
		return indicators.Period{}, false
	}
	start := strings.LastIndex(sentence[:s.Start-line.Start], ". ") + 1
	if start > 0 {
		start++
	}
	var before, after *indicators.Period
	for _, m := range vn.FindPeriods(sentence[start:], b.day) {
		p, err := indicators.ParsePeriod(m.Label())
		if err != nil {
			continue
		}
		if line.Start+start+m.End <= s.Start {
			before = &p
		} else if after == nil && line.Start+start+m.Start >= s.End {
			after = &p
		}
	}
	if before == nil {
		before = after
	}
	if before == nil {
		for _, m := range vn.FindPeriods(b.a.Title, b.day) {
			if p, err := indicators.ParsePeriod(m.Label()); err == nil {
				before = &p
				break
			}
		}
	}
	if before == nil {
		return indicators.Period{}, false
	}
	return *before, true
}
