package api

import (
	"context"
	"io"
	"net/http"
	"strconv"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/indicators"
	"plenum/internal/problem"
	"plenum/internal/router"
	"plenum/internal/sheet"
)

func (h *Handler) indicatorRoutes(rt *router.Router) {
	rt.Handle("GET /api/v1/indicators", auth.IndicatorsRead, h.listIndicators)
	ind := h.app.Indicators
	rt.Handle("POST /api/v1/indicators", auth.IndicatorsWrite, change(http.StatusCreated,
		func(ctx context.Context, p auth.Principal, _ int64, in indicators.Input) (indicators.Indicator, error) {
			return ind.Create(ctx, p, in)
		}))
	rt.Handle("GET /api/v1/indicators/{id}", auth.IndicatorsRead, h.getIndicator)
	rt.Handle("PUT /api/v1/indicators/{id}", auth.IndicatorsWrite, change(http.StatusOK, ind.Update))
	rt.Handle("POST /api/v1/indicators/{id}/targets", auth.IndicatorsWrite, change(http.StatusOK, ind.SetTarget))
	rt.Handle("PUT /api/v1/indicators/{id}/targets", auth.IndicatorsWrite, change(http.StatusOK,
		func(ctx context.Context, p auth.Principal, id int64, in []indicators.TargetInput) (list[indicators.Target], error) {
			out, err := ind.SetTargets(ctx, p, id, in)
			return items(out), err
		}))
	rt.Handle("DELETE /api/v1/indicators/{id}/targets", auth.IndicatorsWrite, h.removeTarget)
	rt.Handle("GET /api/v1/indicators/{id}/values", auth.IndicatorsRead, h.indicatorValues)
	rt.Handle("GET /api/v1/indicators/{id}/history", auth.IndicatorsRead, h.valueHistory)
	rt.Handle("GET /api/v1/indicators/{id}/total", auth.IndicatorsRead, h.indicatorTotal)
	rt.Handle("GET /api/v1/indicators/{id}/trend", auth.IndicatorsRead, h.indicatorTrend)
	rt.Handle("POST /api/v1/indicators/values", auth.IndicatorsEnter, change(http.StatusCreated,
		func(ctx context.Context, p auth.Principal, _ int64, in indicators.ValueInput) (indicators.Value, error) {
			return ind.Enter(ctx, p, in)
		}))
	rt.Handle("GET /api/v1/indicators/standing", auth.IndicatorsRead, h.standing)
	rt.Handle("GET /api/v1/indicators/term-standing", auth.IndicatorsRead, h.termStanding)
	rt.Handle("GET /api/v1/indicators/sheet", auth.IndicatorsRead, h.exportSheet)
	rt.Handle("POST /api/v1/indicators/import", auth.IndicatorsEnter, h.importSheet)
	rt.Handle("GET /api/v1/imports/{id}", auth.SignedIn, h.getImport)
}

func (h *Handler) listIndicators(w http.ResponseWriter, r *http.Request) error {
	v, err := h.viewer(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	var val problem.Validation
	lq := indicators.ListQuery{Text: q.Get("q"), MainOnly: q.Get("main") == "true", DocumentID: queryInt(&val, q.Get("document_id"), "document_id")}
	if err := val.Err(); err != nil {
		return err
	}
	list, err := h.app.Indicators.List(r.Context(), v, lq)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, items(list))
}

// indicatorRequest reads the viewer and the {id} of an indicator route.
func (h *Handler) indicatorRequest(r *http.Request) (access.Viewer, int64, error) {
	id, err := router.PathID(r, "id")
	if err != nil {
		return access.Viewer{}, 0, err
	}
	v, err := h.viewer(r)
	return v, id, err
}

func (h *Handler) getIndicator(w http.ResponseWriter, r *http.Request) error {
	v, id, err := h.indicatorRequest(r)
	if err != nil {
		return err
	}
	x, err := h.app.Indicators.Get(r.Context(), v, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, x)
}

// queryPeriod reads a period parameter (code or Vietnamese name).
func queryPeriod(v *problem.Validation, s, field string, required bool) indicators.Period {
	if s == "" {
		if required {
			v.Add(field, "error.required")
		}
		return indicators.Period{}
	}
	p, err := indicators.ParsePeriod(s)
	if err != nil {
		v.Add(field, "indicators.error.period")
	}
	return p
}

// queryYear reads a year parameter, def when absent.
func queryYear(v *problem.Validation, s, field string, def int) int {
	if s == "" {
		return def
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 1945 || y > 2200 {
		v.Add(field, "indicators.error.year")
	}
	return y
}

func (h *Handler) thisYear() int { return h.app.Clock.Today().Year }

// removeTarget removes the target of ?year= (or ?term=true) for ?unit_id=
// (none: the indicator's scope unit).
func (h *Handler) removeTarget(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	q := r.URL.Query()
	var val problem.Validation
	in := indicators.TargetInput{UnitID: queryInt(&val, q.Get("unit_id"), "unit_id"), Term: q.Get("term") == "true", Remove: true}
	if !in.Term {
		val.Check(q.Get("year") != "", "year", "error.required")
		in.Year = queryYear(&val, q.Get("year"), "year", 0)
	}
	if err := val.Err(); err != nil {
		return err
	}
	if _, err := h.app.Indicators.SetTarget(r.Context(), router.Principal(r), id, in); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (h *Handler) indicatorValues(w http.ResponseWriter, r *http.Request) error {
	v, id, err := h.indicatorRequest(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	var val problem.Validation
	to := queryYear(&val, q.Get("to"), "to", h.thisYear())
	from := queryYear(&val, q.Get("from"), "from", to-4)
	val.Check(from <= to && to-from <= 30, "from", "indicators.error.year")
	unit := queryInt(&val, q.Get("unit_id"), "unit_id")
	if err := val.Err(); err != nil {
		return err
	}
	rows, err := h.app.Indicators.Table(r.Context(), v, id, from, to, unit)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, items(rows))
}

func (h *Handler) valueHistory(w http.ResponseWriter, r *http.Request) error {
	v, id, err := h.indicatorRequest(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	var val problem.Validation
	unit := queryInt(&val, q.Get("unit_id"), "unit_id")
	p := queryPeriod(&val, q.Get("period"), "period", true)
	val.Check(unit > 0, "unit_id", "error.required")
	if err := val.Err(); err != nil {
		return err
	}
	hist, err := h.app.Indicators.History(r.Context(), v, id, unit, p)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, items(hist))
}

func (h *Handler) indicatorTotal(w http.ResponseWriter, r *http.Request) error {
	v, id, err := h.indicatorRequest(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	var val problem.Validation
	unit := queryInt(&val, q.Get("unit_id"), "unit_id")
	p := queryPeriod(&val, q.Get("period"), "period", true)
	asOf := queryAsOf(&val, r)
	val.Check(unit > 0, "unit_id", "error.required")
	if err := val.Err(); err != nil {
		return err
	}
	t, err := h.app.Indicators.TotalOf(r.Context(), v, id, unit, p, asOf)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, t)
}

func (h *Handler) indicatorTrend(w http.ResponseWriter, r *http.Request) error {
	v, id, err := h.indicatorRequest(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	var val problem.Validation
	unit := queryInt(&val, q.Get("unit_id"), "unit_id")
	kind := indicators.PeriodKind(q.Get("kind"))
	if kind == "" {
		kind = indicators.Year
	}
	val.Check(kind.Valid(), "kind", "error.invalid_choice")
	to := queryYear(&val, q.Get("to"), "to", h.thisYear())
	from := queryYear(&val, q.Get("from"), "from", to-4)
	val.Check(from <= to && to-from <= 30, "from", "indicators.error.year")
	asOf := queryAsOf(&val, r)
	val.Check(unit > 0, "unit_id", "error.required")
	if err := val.Err(); err != nil {
		return err
	}
	pts, err := h.app.Indicators.Trend(r.Context(), v, id, unit, kind, from, to, asOf)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, items(pts))
}

// standingQuery reads unit_id, period and as_of.
func standingQuery(r *http.Request, needPeriod bool) (indicators.StandingQuery, error) {
	q := r.URL.Query()
	var val problem.Validation
	sq := indicators.StandingQuery{UnitID: queryInt(&val, q.Get("unit_id"), "unit_id"), AsOf: queryAsOf(&val, r),
		All: q.Get("all") == "true"}
	sq.Period = queryPeriod(&val, q.Get("period"), "period", needPeriod)
	val.Check(sq.UnitID > 0, "unit_id", "error.required")
	return sq, val.Err()
}

func (h *Handler) standing(w http.ResponseWriter, r *http.Request) error {
	sq, err := standingQuery(r, true)
	if err != nil {
		return err
	}
	v, err := h.viewer(r)
	if err != nil {
		return err
	}
	st, err := h.app.Indicators.Standing(r.Context(), v, sq)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, st)
}

func (h *Handler) termStanding(w http.ResponseWriter, r *http.Request) error {
	sq, err := standingQuery(r, false)
	if err != nil {
		return err
	}
	v, err := h.viewer(r)
	if err != nil {
		return err
	}
	ts, err := h.app.Indicators.TermStanding(r.Context(), v, sq)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, ts)
}

func (h *Handler) exportSheet(w http.ResponseWriter, r *http.Request) error {
	v, err := h.viewer(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	var val problem.Validation
	sq := indicators.SheetQuery{UnitID: queryInt(&val, q.Get("unit_id"), "unit_id"), Year: queryYear(&val, q.Get("year"), "year", h.thisYear())}
	val.Check(sq.UnitID > 0, "unit_id", "error.required")
	format := sheet.XLSX
	switch q.Get("format") {
	case "", "xlsx":
	case "csv":
		format = sheet.CSV
	default:
		val.Add("format", "error.invalid_choice")
	}
	if err := val.Err(); err != nil {
		return err
	}
	return h.app.Indicators.ServeSheet(r.Context(), w, format, v, sq, router.Lang(r))
}

// maxSheet bounds an uploaded sheet; the sheet package refuses above its
// own, smaller limit with a clearer message.
const maxSheet = 8 << 20

// importSheet takes the file as the request body (any content type: the
// bytes decide between XLSX and CSV). A file with row problems is answered
// 422 with one field per cell ("Chỉ tiêu!E5"); the import is recorded.
func (h *Handler) importSheet(w http.ResponseWriter, r *http.Request) error {
	var val problem.Validation
	unit := queryInt(&val, r.URL.Query().Get("unit_id"), "unit_id")
	val.Check(unit > 0, "unit_id", "error.required")
	if err := val.Err(); err != nil {
		return err
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxSheet))
	if err != nil {
		return problem.New(problem.TooLarge, "")
	}
	im, err := h.app.Indicators.ImportSheet(r.Context(), h.app.Imports, router.Principal(r), unit,
		sheet.Upload{Filename: r.URL.Query().Get("filename"), Data: data})
	if err != nil {
		return err
	}
	if err := im.Err(); err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, im)
}

func (h *Handler) getImport(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	p := router.Principal(r)
	im, err := h.app.Imports.Get(r.Context(), id, p.User.ID, int(p.Clearance()), p.Can(auth.IndicatorsWrite))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, im)
}
