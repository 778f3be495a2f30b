package web

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"strconv"
	"strings"

	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/indicators"
	"plenum/internal/problem"
	"plenum/internal/router"
	"plenum/internal/sheet"
	"plenum/internal/vn"
)

type indicatorListData struct {
	Query      string
	MainOnly   bool
	Indicators []indicators.Indicator
	Year       int
}

func (h *Handler) indicatorList(w http.ResponseWriter, r *http.Request) error {
	v, err := h.viewer(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	data := indicatorListData{Query: strings.TrimSpace(q.Get("q")), MainOnly: q.Get("main") != "", Year: h.today().Year}
	if data.Indicators, err = h.app.Indicators.List(r.Context(), v, indicators.ListQuery{Text: data.Query, MainOnly: data.MainOnly}); err != nil {
		return err
	}
	page := &Page{Title: router.LangT(r, "indicators.title"), Data: data, Form: &Form{Values: q}}
	for _, x := range data.Indicators {
		page.Class = max(page.Class, auth.Clearance(x.Class))
	}
	consumeFlash(w, r)
	return h.render(w, r, http.StatusOK, "indicators", page)
}

type indicatorData struct {
	Indicator indicators.Indicator
	UnitNames map[int64]string // of the units with their own targets
	Unit      string           // the values table's unit filter, as typed
	From, To  int
	Rows      []indicators.TableRow
	Trend     []indicators.Point
	TrendUnit string
	Chart     template.HTML
}

func (h *Handler) indicatorPage(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	v, err := h.viewer(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	ind, err := h.app.Indicators.Get(ctx, v, id)
	if err != nil {
		return err
	}
	data := indicatorData{Indicator: ind, To: h.today().Year, UnitNames: map[int64]string{}}
	for _, t := range ind.Targets {
		if _, ok := data.UnitNames[t.UnitID]; t.UnitID != 0 && !ok {
			if u, err := h.app.Org.Get(ctx, t.UnitID, date.Date{Year: t.LastYear, Month: 12, Day: 31}); err == nil {
				data.UnitNames[t.UnitID] = u.Name
			}
		}
	}
	data.From = data.To - 5
	if ind.TermFirst != 0 {
		data.From = ind.TermFirst
	}
	var val problem.Validation
	data.Unit = strings.TrimSpace(r.URL.Query().Get("unit"))
	unitID := h.resolveUnit(ctx, &val, "unit", data.Unit, h.today(), false)
	if err := val.Err(); err != nil {
		return err
	}
	if data.Rows, err = h.app.Indicators.Table(ctx, v, id, data.From, data.To, unitID); err != nil {
		return err
	}
	if ind.ScopeUnitID != 0 {
		if data.Trend, err = h.app.Indicators.Trend(ctx, v, id, ind.ScopeUnitID, indicators.Year, data.From, data.To, date.Date{}); err != nil {
			return err
		}
		if u, err := h.app.Org.Get(ctx, ind.ScopeUnitID, date.Date{}); err == nil {
			data.TrendUnit = u.Name
		}
		data.Chart = trendSVG(data.Trend, ind, router.Lang(r))
	}
	consumeFlash(w, r)
	return h.render(w, r, http.StatusOK, "indicator", &Page{Title: ind.Name, Data: data, Class: auth.Clearance(ind.Class)})
}

type standingData struct {
	Standing indicators.Standing
	Term     indicators.TermStanding
	UnitName string
	Unit     string
	Period   string
	AsOf     date.Date
}

// indicatorStanding shows where a unit stands for a period: "N/M chỉ tiêu
// chủ yếu đạt và vượt", each main indicator judged, and its term targets.
func (h *Handler) indicatorStanding(w http.ResponseWriter, r *http.Request) error {
	v, err := h.viewer(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	q := r.URL.Query()
	var val problem.Validation
	d := h.asOf(r, &val)
	data := standingData{Unit: q.Get("unit"), Period: strings.TrimSpace(q.Get("period")), AsOf: d}
	if data.Unit == "" {
		if u := router.Principal(r).User.UnitID; u != 0 {
			data.Unit = strconv.FormatInt(u, 10)
		}
	}
	if data.Period == "" {
		data.Period = strconv.Itoa(d.Year - 1)
	}
	unitID := h.resolveUnit(ctx, &val, "unit", data.Unit, d, true)
	p, perr := indicators.ParsePeriod(data.Period)
	if perr != nil {
		val.Add("period", "indicators.error.period")
	}
	page := &Page{Title: router.LangT(r, "indicators.standing"), Form: &Form{Values: q}, Data: data}
	if err := val.Err(); err != nil {
		page.Form.Err, _ = problem.As(err)
		return h.render(w, r, http.StatusOK, "indicator_standing", page)
	}
	if u, err := h.app.Org.Get(ctx, unitID, d); err == nil {
		data.UnitName = u.Name
		data.Unit = u.Name
	}
	if data.Standing, err = h.app.Indicators.Standing(ctx, v, indicators.StandingQuery{UnitID: unitID, Period: p, AsOf: d}); err != nil {
		return err
	}
	if data.Term, err = h.app.Indicators.TermStanding(ctx, v, indicators.StandingQuery{UnitID: unitID, AsOf: d}); err != nil {
		return err
	}
	page.Data = data
	page.Class = auth.Clearance(max(data.Standing.Class, data.Term.Class))
	return h.render(w, r, http.StatusOK, "indicator_standing", page)
}

type enterData struct {
	Indicators []indicators.Indicator
	Units      []unitChoice
	Saved      *indicators.Value
	Standing   *indicators.Standing
}

type unitChoice struct {
	ID   int64
	Name string
}

// enterUnits are the units the principal may enter for, for the form: a
// unit member's own unit and those merged into it.
func (h *Handler) enterUnits(r *http.Request) ([]unitChoice, error) {
	p := router.Principal(r)
	if p.User.UnitID == 0 {
		return nil, nil
	}
	ids, err := h.app.Org.Lineage(r.Context(), p.User.UnitID)
	if err != nil {
		return nil, err
	}
	var out []unitChoice
	for _, id := range ids {
		u, err := h.app.Org.Get(r.Context(), id, date.Date{})
		if err != nil {
			return nil, err
		}
		out = append(out, unitChoice{u.ID, u.Name})
	}
	return out, nil
}

func (h *Handler) enterForm(w http.ResponseWriter, r *http.Request, status int, f *Form, data enterData) error {
	v, err := h.viewer(r)
	if err != nil {
		return err
	}
	if data.Indicators, err = h.app.Indicators.List(r.Context(), v, indicators.ListQuery{}); err != nil {
		return err
	}
	if data.Units, err = h.enterUnits(r); err != nil {
		return err
	}
	if f == nil {
		f = &Form{Values: r.URL.Query()}
		if f.Values.Get("status") == "" {
			f.Values.Set("status", "estimate")
		}
		if f.Values.Get("unit_id") == "" && len(data.Units) > 0 {
			f.Values.Set("unit_id", strconv.FormatInt(data.Units[0].ID, 10))
		}
	}
	page := &Page{Title: router.LangT(r, "indicators.enter"), Form: f, Data: data}
	for _, x := range data.Indicators {
		page.Class = max(page.Class, auth.Clearance(x.Class))
	}
	consumeFlash(w, r)
	return h.render(w, r, status, "indicator_enter", page)
}

func (h *Handler) indicatorEnterForm(w http.ResponseWriter, r *http.Request) error {
	return h.enterForm(w, r, http.StatusOK, nil, enterData{})
}

// saveValue enters one value and shows the form again with the value's
// evaluation, or with what is wrong.
func (h *Handler) saveValue(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	ctx := r.Context()
	f := r.PostForm
	var val problem.Validation
	in := indicators.ValueInput{Status: indicators.Status(f.Get("status")), Source: f.Get("source"), Note: f.Get("note")}
	in.IndicatorID, _ = strconv.ParseInt(f.Get("indicator_id"), 10, 64)
	in.UnitID = h.resolveUnit(ctx, &val, "unit_id", f.Get("unit_id"), h.today(), true)
	if p, err := indicators.ParsePeriod(f.Get("period")); err != nil {
		val.Add("period", "indicators.error.period")
	} else {
		in.Period = p
	}
	if n, err := vn.ParseNumber(f.Get("value")); err != nil {
		val.Add("value", "error.invalid_number")
	} else {
		in.Value = n
	}
	err := val.Err()
	var saved indicators.Value
	if err == nil {
		saved, err = h.app.Indicators.Enter(ctx, router.Principal(r), in)
	}
	if err != nil {
		if p, ok := problem.As(err); ok && p.Code == problem.Forbidden {
			p.Code = problem.Invalid // show the form again, naming the unit
		}
		return h.formRetry(w, r, err, func(form *Form) error {
			return h.enterForm(w, r, http.StatusUnprocessableEntity, form, enterData{})
		})
	}
	v, err := h.viewer(r)
	if err != nil {
		return err
	}
	st, err := h.app.Indicators.Standing(ctx, v, indicators.StandingQuery{UnitID: saved.UnitID, Period: saved.Period, All: true})
	if err != nil {
		return err
	}
	var lines []indicators.Line
	for _, l := range st.Lines {
		if l.Indicator.ID == saved.IndicatorID {
			lines = append(lines, l)
		}
	}
	st.Lines = lines
	form := &Form{Values: r.PostForm}
	return h.enterForm(w, r, http.StatusOK, form, enterData{Saved: &saved, Standing: &st})
}

// sheetFormat reads ?format=, xlsx by default.
func sheetFormat(s string) (sheet.Format, error) {
	switch s {
	case "", "xlsx":
		return sheet.XLSX, nil
	case "csv":
		return sheet.CSV, nil
	}
	return "", problem.InvalidField("format", "error.invalid_choice")
}

// indicatorSheet downloads a unit's sheet for a year, to fill in and upload.
func (h *Handler) indicatorSheet(w http.ResponseWriter, r *http.Request) error {
	v, err := h.viewer(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	var val problem.Validation
	unit := q.Get("unit")
	if unit == "" {
		unit = strconv.FormatInt(router.Principal(r).User.UnitID, 10)
	}
	unitID := h.resolveUnit(r.Context(), &val, "unit", unit, h.today(), true)
	year, yerr := strconv.Atoi(q.Get("year"))
	if q.Get("year") == "" {
		year, yerr = h.today().Year, nil
	}
	val.Check(yerr == nil && year > 1945 && year < 2200, "year", "indicators.error.year")
	format, ferr := sheetFormat(q.Get("format"))
	if err := errors.Join(val.Err(), ferr); err != nil {
		return problem.Wrap(problem.Invalid, err, "error.invalid")
	}
	return h.app.Indicators.ServeSheet(r.Context(), w, format, v, indicators.SheetQuery{UnitID: unitID, Year: year}, router.Lang(r))
}

type importData struct {
	Units  []unitChoice
	Import *sheet.Import
}

func (h *Handler) importForm(w http.ResponseWriter, r *http.Request) error {
	units, err := h.enterUnits(r)
	if err != nil {
		return err
	}
	return h.render(w, r, http.StatusOK, "indicator_import", &Page{Title: router.LangT(r, "indicators.import"),
		Form: &Form{Values: r.URL.Query()}, Data: importData{Units: units}})
}

// maxUpload bounds an uploaded sheet (the sheet package refuses above 5 MiB
// with a clear message; this stops what is far larger before reading it).
const maxUpload = 8 << 20

// importSheet imports an uploaded sheet and shows the result.
func (h *Handler) importSheet(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	if err := r.ParseMultipartForm(maxUpload); err != nil {
		return problem.InvalidField("file", "sheet.too_large", maxUpload>>20)
	}
	ctx := r.Context()
	var val problem.Validation
	unit := r.FormValue("unit")
	if unit == "" {
		unit = strconv.FormatInt(router.Principal(r).User.UnitID, 10)
	}
	unitID := h.resolveUnit(ctx, &val, "unit", unit, h.today(), true)
	file, hdr, ferr := r.FormFile("file")
	if ferr != nil {
		val.Add("file", "error.required")
	}
	show := func(f *Form) error {
		units, err := h.enterUnits(r)
		if err != nil {
			return err
		}
		f.Values = r.MultipartForm.Value
		return h.render(w, r, http.StatusUnprocessableEntity, "indicator_import", &Page{Title: router.LangT(r, "indicators.import"), Form: f, Data: importData{Units: units}})
	}
	if err := val.Err(); err != nil {
		p, _ := problem.As(err)
		return show(&Form{Err: p})
	}
	defer file.Close()
	data, err := io.ReadAll(file)
	if err != nil {
		return err
	}
	im, err := h.app.Indicators.ImportSheet(ctx, h.app.Imports, router.Principal(r), unitID, sheet.Upload{Filename: hdr.Filename, Data: data})
	if p, ok := problem.As(err); ok && p.Key == "sheet.already_imported" {
		return show(&Form{Err: p})
	}
	if err != nil {
		return h.formRetry(w, r, err, show)
	}
	return redirect(w, r, fmt.Sprintf("/imports/%d", im.ID), "")
}

// importResult shows an import: what was written, or every row problem.
func (h *Handler) importResult(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	p := router.Principal(r)
	im, err := h.app.Imports.Get(r.Context(), id, p.User.ID, int(p.Clearance()), p.Can(auth.IndicatorsWrite))
	if err != nil {
		return err
	}
	units, err := h.enterUnits(r)
	if err != nil {
		return err
	}
	return h.render(w, r, http.StatusOK, "indicator_import", &Page{Title: router.LangT(r, "indicators.import_result"),
		Form: &Form{}, Data: importData{Units: units, Import: &im}, Class: auth.Clearance(im.Class)})
}
