package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/indicators"
	"plenum/internal/problem"
	"plenum/internal/router"
	"plenum/internal/vn"
)

// indicatorFormData is the form that defines an indicator or redefines one.
type indicatorFormData struct {
	Indicator    indicators.Indicator // the one edited; zero when new
	Kinds        []indicators.ValueKind
	Directions   []indicators.Direction
	Aggregations []indicators.Aggregation
	Periods      []indicators.PeriodKind
	TermRules    []indicators.TermRule
	Clearances   []auth.Clearance
	Weights      []indicators.Indicator // what a weighted average may weigh by
}

func (h *Handler) indicatorForm(w http.ResponseWriter, r *http.Request, status int, ind indicators.Indicator, f *Form) error {
	v, err := h.viewer(r)
	if err != nil {
		return err
	}
	all, err := h.app.Indicators.List(r.Context(), v, indicators.ListQuery{})
	if err != nil {
		return err
	}
	data := indicatorFormData{Indicator: ind, Kinds: indicators.ValueKinds, Directions: indicators.Directions,
		Aggregations: indicators.Aggregations, TermRules: indicators.TermRules,
		Clearances: clearancesUpTo(router.Principal(r).Clearance())}
	for _, k := range indicators.PeriodKinds {
		if k != indicators.Nine { // nine months is a report, never a periodicity
			data.Periods = append(data.Periods, k)
		}
	}
	for _, x := range all {
		if x.ID != ind.ID {
			data.Weights = append(data.Weights, x)
		}
	}
	if f == nil {
		f = &Form{Values: h.indicatorValues(r, v, ind)}
	}
	title := router.LangT(r, "indicators.new")
	if ind.ID != 0 {
		title = ind.Name
	}
	// A form shown again holds what was typed: mark it with the class chosen.
	class := auth.Clearance(ind.Class)
	if c, ok := auth.ParseClearance(f.Values.Get("class")); ok {
		class = max(class, c)
	}
	return h.render(w, r, status, "indicator_form", &Page{Title: title, Form: f, Data: data, Class: class})
}

// indicatorValues fills the form from an indicator, or with the defaults of
// a new one.
func (h *Handler) indicatorValues(r *http.Request, v access.Viewer, x indicators.Indicator) url.Values {
	if x.ID == 0 {
		return url.Values{"value_kind": {string(indicators.Number)}, "direction": {string(indicators.Higher)},
			"aggregation": {string(indicators.Sum)}, "periodicity": {string(indicators.Year)},
			"term_rule": {string(indicators.TermLast)}, "class": {"0"}, "document_id": {r.URL.Query().Get("document")}}
	}
	vals := url.Values{"code": {x.Code}, "name": {x.Name}, "measure": {x.Measure}, "value_kind": {string(x.ValueKind)},
		"direction": {string(x.Direction)}, "aggregation": {string(x.Aggregation)}, "weight_indicator_id": {idString(x.WeightID)},
		"periodicity": {string(x.Periodicity)}, "term_rule": {string(x.TermRule)}, "position": {strconv.Itoa(x.Position)},
		"scope_unit_id": {h.unitName(r, x.ScopeUnitID)}, "class": {strconv.Itoa(x.Class)}, "description": {x.Description},
		"document_id": {idString(x.DocumentID)}}
	if !x.Tolerance.IsZero() {
		vals.Set("tolerance", vn.FormatDecimal(x.Tolerance))
	}
	if x.TermFirst != 0 {
		vals.Set("term_first", strconv.Itoa(x.TermFirst))
		vals.Set("term_last", strconv.Itoa(x.TermLast))
	}
	if x.Cumulative {
		vals.Set("cumulative", "on")
	}
	if x.Main {
		vals.Set("main", "on")
	}
	// The document by its symbol, as it would be typed.
	if x.DocumentID != 0 {
		if d, err := h.app.Documents.Get(r.Context(), v, x.DocumentID); err == nil && d.Symbol != "" {
			vals.Set("document_id", d.Symbol)
		}
	}
	return vals
}

func (h *Handler) newIndicatorForm(w http.ResponseWriter, r *http.Request) error {
	return h.indicatorForm(w, r, http.StatusOK, indicators.Indicator{}, nil)
}

func (h *Handler) editIndicatorForm(w http.ResponseWriter, r *http.Request) error {
	ind, _, err := h.pathIndicator(r)
	if err != nil {
		return err
	}
	return h.indicatorForm(w, r, http.StatusOK, ind, nil)
}

// pathIndicator returns the indicator {id} of the request, if the viewer
// may see it, and the viewer.
func (h *Handler) pathIndicator(r *http.Request) (indicators.Indicator, access.Viewer, error) {
	id, v, err := h.pathViewer(r)
	if err != nil {
		return indicators.Indicator{}, v, err
	}
	ind, err := h.app.Indicators.Get(r.Context(), v, id)
	return ind, v, err
}

// readIndicatorInput reads the definition form. Numbers are typed the
// Vietnamese way; the document is its number or its symbol.
func (h *Handler) readIndicatorInput(r *http.Request, v access.Viewer) (indicators.Input, error) {
	pf := r.PostForm
	var val problem.Validation
	in := indicators.Input{Code: pf.Get("code"), Name: pf.Get("name"), Measure: pf.Get("measure"),
		ValueKind: indicators.ValueKind(pf.Get("value_kind")), Direction: indicators.Direction(pf.Get("direction")),
		Aggregation: indicators.Aggregation(pf.Get("aggregation")), Periodicity: indicators.PeriodKind(pf.Get("periodicity")),
		TermRule: indicators.TermRule(pf.Get("term_rule")), Cumulative: pf.Get("cumulative") != "", Main: pf.Get("main") != "",
		Description: pf.Get("description"), WeightID: parseIDField(&val, "weight_indicator_id", pf.Get("weight_indicator_id")),
		Position: formInt(&val, r, "position"), TermFirst: formInt(&val, r, "term_first"), TermLast: formInt(&val, r, "term_last"),
		Class: int(formClass(&val, r)), ClassReason: pf.Get("class_reason")}
	if s := strings.TrimSpace(pf.Get("tolerance")); s != "" {
		n, err := vn.ParseNumber(s)
		val.Check(err == nil, "tolerance", "error.invalid_number")
		in.Tolerance = n
	}
	if s := strings.TrimSpace(pf.Get("document_id")); s != "" {
		in.DocumentID = h.resolveDocument(r, v, &val, "document_id", s)
	}
	in.ScopeUnitID = h.resolveUnit(r.Context(), &val, "scope_unit_id", pf.Get("scope_unit_id"), h.today(), false)
	return in, val.Err()
}

// saveIndicator creates an indicator (id 0) or redefines one, and goes to
// its page; or shows the form again naming what is wrong.
func (h *Handler) saveIndicator(w http.ResponseWriter, r *http.Request, ind indicators.Indicator, v access.Viewer) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	retry := func(err error) error {
		return h.formRetry(w, r, err, func(f *Form) error { return h.indicatorForm(w, r, http.StatusUnprocessableEntity, ind, f) })
	}
	in, err := h.readIndicatorInput(r, v)
	if err != nil {
		return retry(err)
	}
	p, flash := router.Principal(r), "indicators.created"
	var saved indicators.Indicator
	if ind.ID == 0 {
		saved, err = h.app.Indicators.Create(r.Context(), p, in)
	} else {
		saved, err = h.app.Indicators.Update(r.Context(), p, ind.ID, in)
		flash = "indicators.updated"
	}
	if err != nil {
		return retry(err)
	}
	return redirect(w, r, fmt.Sprintf("/indicators/%d", saved.ID), flash)
}

func (h *Handler) createIndicator(w http.ResponseWriter, r *http.Request) error {
	v, err := h.viewer(r)
	if err != nil {
		return err
	}
	return h.saveIndicator(w, r, indicators.Indicator{}, v)
}

func (h *Handler) updateIndicator(w http.ResponseWriter, r *http.Request) error {
	// The indicator first: one the viewer may not see is not found, whatever
	// the form holds.
	ind, v, err := h.pathIndicator(r)
	if err != nil {
		return err
	}
	return h.saveIndicator(w, r, ind, v)
}

// targetRow is one line of the targets form: a year or the term.
type targetRow struct {
	Field   string // "targets[2024]", the prefix of its inputs and problems
	Year    int
	Term    bool
	Current *indicators.Target
}

type targetsData struct {
	Indicator indicators.Indicator
	UnitName  string // whose targets
	Rows      []targetRow
}

// targetUnit reads the unit whose targets the form sets: 0 for the
// indicator's own, its scope unit's.
func (h *Handler) targetUnit(r *http.Request, v *problem.Validation, ind indicators.Indicator, unit string) int64 {
	id := h.resolveUnit(r.Context(), v, "unit", unit, h.today(), false)
	if id == ind.ScopeUnitID {
		return 0
	}
	return id
}

// targetRows are the lines of the targets form for a unit: the years of the
// indicator's term and the term, or, without a term, the years around this
// one and those that already have a target.
func targetRows(ind indicators.Indicator, unitID int64, thisYear int) []targetRow {
	first, last := ind.TermFirst, ind.TermLast
	if first == 0 {
		first, last = thisYear-1, thisYear+2
		for _, t := range ind.Targets {
			if !t.Term && t.UnitID == unitID {
				first, last = min(first, t.FirstYear), max(last, t.FirstYear)
			}
		}
	}
	var rows []targetRow
	for y := first; y <= last; y++ {
		rows = append(rows, targetRow{Year: y})
	}
	if ind.TermFirst != 0 {
		rows = append(rows, targetRow{Term: true})
	}
	for i := range rows {
		rows[i].Field = indicators.TargetField(indicators.TargetInput{Year: rows[i].Year, Term: rows[i].Term})
		for j, t := range ind.Targets {
			if t.UnitID == unitID && t.Term == rows[i].Term && (t.Term || t.FirstYear == rows[i].Year) {
				rows[i].Current = &ind.Targets[j]
			}
		}
	}
	return rows
}

// targetValues fills the targets form with the current targets.
func targetValues(rows []targetRow, unit string) url.Values {
	vals := url.Values{"unit": {unit}}
	for _, row := range rows {
		if t := row.Current; t != nil {
			vals.Set(row.Field+".had", "1")
			vals.Set(row.Field+".value", vn.FormatDecimal(t.Value))
			if t.High != nil {
				vals.Set(row.Field+".value_high", vn.FormatDecimal(*t.High))
			}
			vals.Set(row.Field+".note", t.Note)
		}
	}
	return vals
}

// readTargets reads the lines of the targets form that were filled in. A
// line the form showed with a target (".had") and that was emptied removes
// that target; other blank lines are left as they are, so a target someone
// set after the form was shown is not removed by it. Numbers are typed the
// Vietnamese way.
func readTargets(vals url.Values, rows []targetRow, unitID int64) ([]indicators.TargetInput, error) {
	var v problem.Validation
	var out []indicators.TargetInput
	for _, row := range rows {
		low := strings.TrimSpace(vals.Get(row.Field + ".value"))
		high := strings.TrimSpace(vals.Get(row.Field + ".value_high"))
		note := vals.Get(row.Field + ".note")
		in := indicators.TargetInput{UnitID: unitID, Year: row.Year, Term: row.Term, Note: note}
		if low == "" && high == "" && strings.TrimSpace(note) == "" {
			if vals.Get(row.Field+".had") != "" && row.Current != nil {
				in.Remove = true
				out = append(out, in)
			}
			continue
		}
		if n, err := vn.ParseNumber(low); low == "" {
			v.Add(row.Field+".value", "error.required")
		} else if v.Check(err == nil, row.Field+".value", "error.invalid_number") {
			in.Value = n
		}
		if high != "" {
			n, err := vn.ParseNumber(high)
			if v.Check(err == nil, row.Field+".value_high", "error.invalid_number") {
				in.High = &n
			}
		}
		out = append(out, in)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, problem.InvalidField("targets", "indicators.error.no_targets")
	}
	return out, nil
}

// targetsForm shows the targets of an indicator for a unit (the
// indicator's scope unit when unit is empty), to set them.
func (h *Handler) targetsForm(w http.ResponseWriter, r *http.Request, status int, ind indicators.Indicator, unit string, f *Form) error {
	var val problem.Validation
	data := targetsData{Indicator: ind}
	unitID := h.targetUnit(r, &val, ind, unit)
	if err := val.Err(); err != nil {
		// No lines for a unit not found: the form names the unit field.
		f, _ = formError(r, err)
		f.Values = url.Values{"unit": {unit}}
		status = http.StatusUnprocessableEntity
	} else {
		data.Rows = targetRows(ind, unitID, h.today().Year)
		data.UnitName = h.unitName(r, ind.ScopeUnitID)
		if unitID != 0 {
			data.UnitName = h.unitName(r, unitID)
		}
	}
	if f == nil {
		f = &Form{Values: targetValues(data.Rows, unit)}
	}
	consumeFlash(w, r)
	return h.render(w, r, status, "indicator_targets", &Page{Title: router.LangT(r, "indicators.set_targets"), Form: f,
		Data: data, Class: auth.Clearance(ind.Class)})
}

func (h *Handler) indicatorTargets(w http.ResponseWriter, r *http.Request) error {
	ind, _, err := h.pathIndicator(r)
	if err != nil {
		return err
	}
	return h.targetsForm(w, r, http.StatusOK, ind, strings.TrimSpace(r.URL.Query().Get("unit")), nil)
}

// saveTargets sets the targets filled in, all or none.
func (h *Handler) saveTargets(w http.ResponseWriter, r *http.Request) error {
	ind, _, err := h.pathIndicator(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	unit := strings.TrimSpace(r.PostForm.Get("unit"))
	retry := func(err error) error {
		return h.formRetry(w, r, err, func(f *Form) error { return h.targetsForm(w, r, http.StatusUnprocessableEntity, ind, unit, f) })
	}
	var val problem.Validation
	unitID := h.targetUnit(r, &val, ind, unit)
	if err := val.Err(); err != nil {
		return retry(err)
	}
	in, err := readTargets(r.PostForm, targetRows(ind, unitID, h.today().Year), unitID)
	if err == nil {
		_, err = h.app.Indicators.SetTargets(r.Context(), router.Principal(r), ind.ID, in)
	}
	if err != nil {
		return retry(err)
	}
	return redirect(w, r, fmt.Sprintf("/indicators/%d", ind.ID), "indicators.targets_saved")
}
