package api

import (
	"net/http"
	"strconv"

	"plenum/internal/audit"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/problem"
	"plenum/internal/router"
)

func (h *Handler) listAudit(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	var v problem.Validation
	f := audit.Filter{Actor: q.Get("actor"), Entity: q.Get("entity"), EntityID: q.Get("entity_id"), Action: q.Get("action"),
		Clearance: int(router.Principal(r).Clearance())}
	f.From = queryDate(&v, q.Get("from"), "from")
	f.To = queryDate(&v, q.Get("to"), "to")
	f.BeforeSeq = queryInt(&v, q.Get("before"), "before")
	f.Limit = int(queryInt(&v, q.Get("limit"), "limit"))
	if err := v.Err(); err != nil {
		return err
	}
	viewer, err := h.app.Access.Viewer(r.Context(), router.Principal(r))
	if err != nil {
		return err
	}
	f.Visible = func(args *db.Args) string { return viewer.VisibleRows("a.entity", "a.class", "a.entity_id", args) }
	entries, err := h.app.Audit.List(r.Context(), f)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, items(entries))
}

func (h *Handler) verifyAudit(w http.ResponseWriter, r *http.Request) error {
	rep, err := h.app.Audit.Verify(r.Context())
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, rep)
}

// queryDate reads an ISO date query parameter; empty is the zero date.
func queryDate(v *problem.Validation, s, name string) date.Date {
	if s == "" {
		return date.Date{}
	}
	d, err := date.Parse(s)
	v.Check(err == nil, name, "api.iso_date")
	return d
}

// queryInt reads a non-negative integer query parameter; empty is 0.
func queryInt(v *problem.Validation, s, name string) int64 {
	if s == "" {
		return 0
	}
	n, err := strconv.ParseInt(s, 10, 64)
	v.Check(err == nil && n >= 0, name, "error.invalid_number")
	return n
}
