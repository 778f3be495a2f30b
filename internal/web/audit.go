package web

import (
	"net/http"
	"strconv"

	"plenum/internal/audit"
	"plenum/internal/db"
	"plenum/internal/problem"
	"plenum/internal/router"
)

type auditData struct {
	Entries  []audit.Entry
	Entities []string
	Next     string // URL of the next (older) page, or ""
}

func (h *Handler) auditLog(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	var v problem.Validation
	f := audit.Filter{
		Actor:     q.Get("actor"),
		Entity:    q.Get("entity"),
		EntityID:  q.Get("entity_id"),
		Action:    q.Get("action"),
		From:      parseDateField(&v, "from", q.Get("from")),
		To:        parseDateField(&v, "to", q.Get("to")),
		Limit:     100,
		Clearance: int(router.Principal(r).Clearance()),
	}
	viewer, err := h.app.Access.Viewer(r.Context(), router.Principal(r))
	if err != nil {
		return err
	}
	f.Visible = func(args *db.Args) string { return viewer.VisibleRows("a.entity", "a.class", "a.entity_id", args) }
	if b := q.Get("before"); b != "" {
		f.BeforeSeq, _ = strconv.ParseInt(b, 10, 64)
	}
	form := &Form{Values: q}
	if err := v.Err(); err != nil {
		form.Err, _ = problem.As(err)
	} else {
		var err error
		entries, err := h.app.Audit.List(r.Context(), f)
		if err != nil {
			return err
		}
		entities, err := h.app.Audit.Entities(r.Context())
		if err != nil {
			return err
		}
		data := auditData{Entries: entries, Entities: entities}
		if len(entries) == f.Limit {
			q.Set("before", strconv.FormatInt(entries[len(entries)-1].Seq, 10))
			data.Next = "/admin/audit?" + q.Encode()
		}
		return h.render(w, r, http.StatusOK, "audit", &Page{Title: router.LangT(r, "audit.title"), Form: form, Data: data})
	}
	return h.render(w, r, http.StatusUnprocessableEntity, "audit", &Page{Title: router.LangT(r, "audit.title"), Form: form, Data: auditData{}})
}
