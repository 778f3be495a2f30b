package indicators

import (
	"math"

	"plenum/internal/vn"
)

// Outcome is the verdict of an evaluation.
type Outcome string

// The outcomes.
const (
	Exceeded Outcome = "exceeded" // vượt
	Met      Outcome = "met"      // đạt
	NotMet   Outcome = "not_met"  // không đạt
	NoData   Outcome = "no_data"  // no value yet
	NoTarget Outcome = "no_target"
)

// Good reports whether the outcome counts as "met or exceeded" ("đạt và vượt").
func (o Outcome) Good() bool { return o == Met || o == Exceeded }

// Figure is a value to evaluate: one unit's, or a total.
type Figure struct {
	Value    vn.Decimal `json:"value"`
	Estimate bool       `json:"estimate,omitempty"` // it is, or includes, an estimate
	Partial  bool       `json:"partial,omitempty"`  // a total missing some units' values
}

// Goal is a target as applied to one period: the year's target (pro rata
// for a cumulative indicator's shorter period) or the term's.
type Goal struct {
	Low  float64  `json:"low"`            // the target; the low bound of a range
	High *float64 `json:"high,omitempty"` // the high bound of a range
}

// Evaluation is a value judged against its goal.
type Evaluation struct {
	Outcome  Outcome  `json:"outcome"`
	Goal     *Goal    `json:"goal,omitempty"`
	Figure   *Figure  `json:"figure,omitempty"`
	Progress *float64 `json:"progress,omitempty"` // value as % of the goal (higher and lower only)
}

// goalFor applies target t to period p of indicator ind: a cumulative
// indicator's shorter period gets the share of the year's target its months
// make; any other period the target as it is.
func goalFor(ind Indicator, t *Target, p Period) *Goal {
	if t == nil {
		return nil
	}
	g := &Goal{Low: t.Value.Float64()}
	if t.High != nil {
		h := t.High.Float64()
		g.High = &h
	}
	if ind.Cumulative && !t.Term && p.Kind != Year && ind.Direction != Range {
		g.Low *= float64(p.Months()) / 12
	}
	return g
}

// Evaluate judges figure f (nil: no value) against goal g (nil: no target)
// by the indicator's direction and tolerance; see the package doc.
func Evaluate(ind Indicator, f *Figure, g *Goal) Evaluation {
	e := Evaluation{Goal: g, Figure: f}
	switch {
	case g == nil:
		e.Outcome = NoTarget
		return e
	case f == nil:
		e.Outcome = NoData
		return e
	}
	v, tol := f.Value.Float64(), math.Abs(ind.Tolerance.Float64())
	// Reported figures are decimals; keep float noise from deciding a tie.
	const eps = 1e-9
	switch ind.Direction {
	case Range:
		high := g.Low
		if g.High != nil {
			high = *g.High
		}
		if v >= g.Low-tol-eps && v <= high+tol+eps {
			e.Outcome = Met
		} else {
			e.Outcome = NotMet
		}
		return e
	case Lower:
		switch {
		case v < g.Low-tol-eps:
			e.Outcome = Exceeded
		case v <= g.Low+tol+eps:
			e.Outcome = Met
		default:
			e.Outcome = NotMet
		}
	default:
		switch {
		case v > g.Low+tol+eps:
			e.Outcome = Exceeded
		case v >= g.Low-tol-eps:
			e.Outcome = Met
		default:
			e.Outcome = NotMet
		}
	}
	if g.Low != 0 {
		p := round(v/g.Low*100, 1)
		e.Progress = &p
	}
	return e
}

// Growth is the change from the same period of the previous year.
type Growth struct {
	Value  float64 `json:"value"`
	Points bool    `json:"points,omitempty"` // percentage points, not percent
}

// GrowthOf returns the change from prev to cur for the indicator's kind of
// value, or nil when it means nothing or cannot be computed: see the
// package doc.
func GrowthOf(ind Indicator, cur, prev *Figure) *Growth {
	if cur == nil || prev == nil || ind.ValueKind == Change || cur.Partial || prev.Partial {
		return nil
	}
	c, p := cur.Value.Float64(), prev.Value.Float64()
	if ind.ValueKind == Percent {
		return &Growth{Value: round(c-p, 2), Points: true}
	}
	if p == 0 {
		return nil
	}
	return &Growth{Value: round((c/p-1)*100, 2)}
}

func round(x float64, digits int) float64 {
	m := math.Pow(10, float64(digits))
	return math.Round(x*m) / m
}
