package api

import (
	"net/http"
	"strings"

	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/ingest"
	"plenum/internal/problem"
	"plenum/internal/router"
)

func (h *Handler) ingestRoutes(rt *router.Router) {
	rt.Handle("GET /api/v1/ingest", auth.Ingest, h.listIngest)
	rt.Handle("POST /api/v1/ingest", auth.Ingest, h.submitIngest)
	rt.Handle("GET /api/v1/ingest/{id}", auth.Ingest, h.getIngest)
	rt.Handle("POST /api/v1/ingest/{id}/confirm", auth.Ingest, h.confirmIngest)
	rt.Handle("POST /api/v1/ingest/{id}/reject", auth.Ingest, h.rejectIngest)
}

func (h *Handler) listIngest(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	var v problem.Validation
	lq := ingest.ListQuery{Status: ingest.Status(q.Get("status")), Text: q.Get("q"),
		Page: int(queryInt(&v, q.Get("page"), "page")), Size: int(queryInt(&v, q.Get("size"), "size"))}
	if err := v.Err(); err != nil {
		return err
	}
	viewer, err := h.viewer(r)
	if err != nil {
		return err
	}
	page, err := h.app.Ingest.List(r.Context(), viewer, lq)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, page)
}

// submitBody queues pasted text, or a file's bytes in base64.
type submitBody struct {
	Name      string    `json:"name"`
	Text      string    `json:"text"`
	Data      []byte    `json:"data"`
	Class     int       `json:"class"`
	Reference date.Date `json:"reference"`
}

// outcome is one file of a multipart submission.
type outcome struct {
	Name  string       `json:"name"`
	Item  *ingest.Item `json:"item,omitempty"`
	Known bool         `json:"known"`
	Error *errorDetail `json:"error,omitempty"`
}

// submitIngest queues one article sent as JSON (answering 201, or 200 with
// "known" when the queue has it already), or the files of a multipart form
// (field "file", any number, and "class"), each on its own: the answer
// lists what became of each, refusals included.
func (h *Handler) submitIngest(w http.ResponseWriter, r *http.Request) error {
	p := router.Principal(r)
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		ups, err := h.app.Ingest.ReadUploads(w, r, "file")
		if err != nil {
			return err
		}
		if len(ups) == 0 {
			return problem.InvalidField("file", "error.required")
		}
		var v problem.Validation
		class := int(queryInt(&v, r.FormValue("class"), "class"))
		if err := v.Err(); err != nil {
			return err
		}
		var out []outcome
		for _, o := range h.app.Ingest.SubmitAll(r.Context(), p, ingest.ViaAPI, ups, class) {
			x := outcome{Name: o.Name, Item: o.Item, Known: o.Known}
			if o.Err != nil {
				d := h.errorDetail(r, o.Err)
				x.Error = &d
			}
			out = append(out, x)
		}
		return writeJSON(w, http.StatusOK, items(out))
	}
	var in submitBody
	if err := decode(w, r, &in); err != nil {
		return err
	}
	si := ingest.SubmitInput{Name: in.Name, Text: in.Text, Class: in.Class, Reference: in.Reference}
	if in.Data != nil {
		si.Data = in.Data
	}
	sub, err := h.app.Ingest.Submit(r.Context(), p, ingest.ViaAPI, si)
	if err != nil {
		return err
	}
	status := http.StatusCreated
	if sub.Known {
		status = http.StatusOK
	}
	return writeJSON(w, status, sub)
}

// ingestDetail is an item with its text, extraction and lines, and its
// proposals while pending, or what its confirmation wrote.
type ingestDetail struct {
	ingest.Item
	Lines     []ingest.Line     `json:"lines"`
	Proposals *ingest.Proposals `json:"proposals,omitempty"`
	Records   []ingest.Record   `json:"records"`
}

func (h *Handler) getIngest(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	viewer, err := h.viewer(r)
	if err != nil {
		return err
	}
	it, err := h.app.Ingest.Get(r.Context(), viewer, id)
	if err != nil {
		return err
	}
	d := ingestDetail{Item: it, Lines: it.Lines()}
	if it.Status == ingest.Pending {
		p, err := h.app.Ingest.Build(r.Context(), viewer, it)
		if err != nil {
			return err
		}
		d.Proposals = &p
	}
	if d.Records, err = h.app.Ingest.Records(r.Context(), viewer, it.ID); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, d)
}

// confirmed is the answer to a confirmation.
type confirmed struct {
	Item    ingest.Item     `json:"item"`
	Records []ingest.Record `json:"records"`
}

func (h *Handler) confirmIngest(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	var d ingest.Decisions
	if err := decode(w, r, &d); err != nil {
		return err
	}
	it, recs, err := h.app.Ingest.Confirm(r.Context(), router.Principal(r), id, d)
	if err != nil {
		return err
	}
	if recs == nil {
		recs = []ingest.Record{}
	}
	return writeJSON(w, http.StatusOK, confirmed{it, recs})
}

func (h *Handler) rejectIngest(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	var in struct {
		Reason string `json:"reason"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	it, err := h.app.Ingest.Reject(r.Context(), router.Principal(r), id, in.Reason)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, it)
}
