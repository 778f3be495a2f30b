package web

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"plenum/internal/auth"
	"plenum/internal/chart"
	"plenum/internal/dashboard"
	"plenum/internal/indicators"
	"plenum/internal/problem"
	"plenum/internal/router"
	"plenum/internal/tasks"
)

// dashboardData is the leaders' dashboard and its charts.
type dashboardData struct {
	D      dashboard.Dashboard
	Unit   string // the unit as typed, or its name
	Period string
	Shown  bool // the figures were assembled (the filters were valid)

	UnitsChart, DocsChart, MonthsChart, StandingChart template.HTML
	Trends                                            []template.HTML
}

// Charts show the units and resolutions with the most to see.
const (
	chartUnits = 12
	chartDocs  = 10
)

// dashboardPage shows the dashboard: the filter form (unit, resolution,
// period, as-of date), the charts, and the tables they are drawn from; every
// figure links to the task list behind it.
func (h *Handler) dashboardPage(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	values := r.URL.Query()
	var val problem.Validation
	// The unit is typed (its name, code or number): resolve it to unit_id.
	data := dashboardData{Unit: strings.TrimSpace(values.Get("unit")), Period: strings.TrimSpace(values.Get("period"))}
	parsed := values
	if data.Unit != "" {
		parsed = cloneValues(values)
		d := h.asOf(r, &val)
		parsed.Set("unit_id", strconv.FormatInt(h.resolveUnit(ctx, &val, "unit", data.Unit, d, false), 10))
	}
	q, err := dashboard.ParseQuery(parsed)
	if p, ok := problem.As(err); ok {
		for _, f := range p.Fields {
			if !val.Has(f.Name) {
				val.Add(f.Name, f.Key, f.Args...)
			}
		}
	} else if err != nil {
		return err
	}
	page := &Page{Title: router.LangT(r, "dashboard.title"), Form: &Form{Values: values}, Data: data}
	if err := val.Err(); err != nil {
		page.Form.Err, _ = problem.As(err)
		return h.render(w, r, http.StatusUnprocessableEntity, "dashboard", page)
	}
	v, err := h.viewer(r)
	if err != nil {
		return err
	}
	d, err := h.app.Dashboard.Build(ctx, v, q)
	if p, ok := problem.As(err); ok && p.Code == problem.Invalid {
		if len(p.Fields) == 1 && p.Fields[0].Name == "unit_id" && data.Unit != "" {
			p.Fields[0].Name = "unit" // the page's field
		}
		page.Form.Err = p
		return h.render(w, r, http.StatusUnprocessableEntity, "dashboard", page)
	} else if err != nil {
		return err
	}
	data.D, data.Shown = d, true
	if data.Unit == "" {
		data.Unit = d.UnitName
	}
	if data.Period == "" {
		data.Period = d.Query.Period.String()
	}
	lang := router.Lang(r)
	t := func(key string, args ...any) string { return router.LangT(r, key, args...) }
	data.UnitsChart = chart.Bars{Title: t("dashboard.chart.units"), Bars: unitBars(d, t)}.SVG()
	data.DocsChart = chart.Bars{Title: t("dashboard.chart.documents"), Bars: documentBars(d, t)}.SVG()
	data.MonthsChart = monthsChart(d, t)
	data.StandingChart = standingChart(d, lang, t)
	for _, tr := range d.Indicators.Trends {
		data.Trends = append(data.Trends, trendSVG(tr.Points, tr.Indicator, lang))
	}
	page.Data = data
	page.Class = auth.Clearance(d.Class)
	return h.render(w, r, http.StatusOK, "dashboard", page)
}

func cloneValues(v map[string][]string) map[string][]string {
	out := make(map[string][]string, len(v))
	for k, x := range v {
		out[k] = append([]string(nil), x...)
	}
	return out
}

// lateSegments are a row's late and due-soon deadlines, each to its list.
func lateSegments(d dashboard.Dashboard, c tasks.Counts, unitID, docID int64, t func(string, ...any) string) []chart.Segment {
	return []chart.Segment{
		{Class: "overdue", Name: t("tasks.status.overdue"), Value: float64(c.ByStatus[tasks.Overdue]), Href: d.TasksHref(unitID, docID, "", tasks.Overdue)},
		{Class: "done_late", Name: t("tasks.status.done_late"), Value: float64(c.ByStatus[tasks.DoneLate]), Href: d.TasksHref(unitID, docID, "", tasks.DoneLate)},
		{Class: "due_soon", Name: t("dashboard.due_soon"), Value: float64(c.DueSoon), Href: d.TasksHref(unitID, docID, tasks.StateDueSoon, "")},
	}
}

func unitBars(d dashboard.Dashboard, t func(string, ...any) string) []chart.Bar {
	var out []chart.Bar
	for _, u := range d.Tasks.ByUnit {
		if len(out) == chartUnits || u.Late+u.DueSoon == 0 {
			break // the rows are the most late first
		}
		out = append(out, chart.Bar{Label: u.Unit.Name, Href: d.TasksHref(u.Unit.ID, 0, "", ""), Segments: lateSegments(d, u.Counts, u.Unit.ID, 0, t)})
	}
	return out
}

func documentBars(d dashboard.Dashboard, t func(string, ...any) string) []chart.Bar {
	var out []chart.Bar
	for _, c := range d.Tasks.ByDocument {
		if len(out) == chartDocs {
			break
		}
		if d.Query.DocumentID != 0 && c.DocumentID != d.Query.DocumentID || c.Late+c.DueSoon == 0 {
			continue
		}
		out = append(out, chart.Bar{Label: c.Label, Href: d.TasksHref(0, c.DocumentID, "", ""), Segments: lateSegments(d, c.Counts, 0, c.DocumentID, t)})
	}
	return out
}

// monthsChart draws how the deadlines of each month ended: on time, late,
// still overdue; each dot links to that month's list.
func monthsChart(d dashboard.Dashboard, t func(string, ...any) string) template.HTML {
	c := chart.Line{Title: t("dashboard.chart.months"), FromZero: true}
	series := []struct {
		st  tasks.Status
		cls string
	}{{tasks.DoneOnTime, "done"}, {tasks.DoneLate, "goal"}, {tasks.Overdue, "late"}}
	for _, s := range series {
		c.Series = append(c.Series, chart.Series{Name: t("tasks.status." + string(s.st)), Class: s.cls, Dots: true})
	}
	for _, m := range d.Tasks.ByMonth {
		c.Labels = append(c.Labels, monthLabel(m.Month))
		for i, s := range series {
			n := m.ByStatus[s.st]
			c.Series[i].Points = append(c.Series[i].Points, chart.Point{Value: float64(n), Class: s.cls, Href: d.MonthHref(m.Month, s.st),
				Title: monthLabel(m.Month) + " — " + t("tasks.status."+string(s.st)) + ": " + chart.Number(float64(n), 0)})
		}
	}
	return c.SVG()
}

// monthLabel writes "2025-03" as "3/2025".
func monthLabel(ym string) string {
	y, m, ok := strings.Cut(ym, "-")
	if !ok {
		return ym
	}
	return strings.TrimPrefix(m, "0") + "/" + y
}

// standingChart draws the period's and the term's "met or exceeded" against
// the number of indicators counted.
func standingChart(d dashboard.Dashboard, lang string, t func(string, ...any) string) template.HTML {
	ind := d.Indicators
	var bs []chart.Bullet
	add := func(label string, c indicators.Counts, href string) {
		if c.Counted > 0 {
			bs = append(bs, chart.Bullet{Label: label, Value: float64(c.Good), Target: float64(c.Counted), Max: float64(c.Counted),
				Class: "good", Text: strconv.Itoa(c.Good) + "/" + strconv.Itoa(c.Counted), Href: href})
		}
	}
	href := "/indicators/standing?unit=" + strconv.FormatInt(ind.UnitID, 10) + "&period=" + ind.Standing.Period.String() + "&as_of=" + d.Query.AsOf.String()
	add(t("dashboard.standing_period", ind.Standing.Period.LabelIn(lang)), ind.Standing.Counts, href+"#standing")
	add(t("dashboard.standing_term"), ind.Term.Counts, href+"#term")
	return chart.Bullets{Title: t("dashboard.chart.standing"), Bullets: bs}.SVG()
}
