package web

import (
	"html/template"

	"plenum/internal/chart"
	"plenum/internal/indicators"
	"plenum/internal/vn"
)

// trendSVG draws the figures of a trend as a line with dots (estimates
// hollow, each coloured by its outcome) and the year targets as a dashed
// line; empty when there is nothing to draw.
func trendSVG(points []indicators.Point, ind indicators.Indicator, lang string) template.HTML {
	c := chart.Line{Title: ind.Name + " (" + ind.Measure + ")", Measure: ind.Measure, FromZero: ind.ValueKind != indicators.Change}
	fig := chart.Series{Name: ind.Name, Class: "trend", Dots: true}
	goal := chart.Series{Class: "goal"}
	for _, p := range points {
		c.Labels = append(c.Labels, p.Period.String())
		pt := chart.Point{Empty: p.Figure == nil, Class: string(p.Evaluation.Outcome)}
		if f := p.Figure; f != nil {
			pt.Value = f.Value.Float64()
			pt.Title = p.Period.LabelIn(lang) + ": " + vn.FormatDecimal(f.Value) + " " + ind.Measure
			if f.Estimate {
				pt.Class += " estimate"
			}
		}
		fig.Points = append(fig.Points, pt)
		g := chart.Point{Empty: p.Evaluation.Goal == nil}
		if !g.Empty {
			g.Value = p.Evaluation.Goal.Low
		}
		goal.Points = append(goal.Points, g)
	}
	c.Series = []chart.Series{goal, fig}
	return c.SVG()
}
