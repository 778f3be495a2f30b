package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"plenum/internal/auth"
	"plenum/internal/indicators"
	"plenum/internal/ingest"
	"plenum/internal/problem"
	"plenum/internal/router"
	"plenum/internal/vn"
)

// ingestQueueData is the queue page: the form to read articles, what
// became of the files just sent, and the queue.
type ingestQueueData struct {
	Page     ingest.ListPage
	Query    ingest.ListQuery
	Statuses []ingest.Status
	Classes  []auth.Clearance
	Outcomes []ingestOutcome
	MaxBytes string
	MaxFiles int
	Prev     string
	Next     string
}

// ingestOutcome is one file of an upload as the page shows it.
type ingestOutcome struct {
	Name  string
	Item  *ingest.Item
	Known bool
	Error string
	err   error
}

func (h *Handler) ingestQueue(w http.ResponseWriter, r *http.Request) error {
	return h.showQueue(w, r, http.StatusOK, &Form{Values: r.URL.Query()}, nil)
}

// showQueue renders the queue page with a form to show again and the
// outcomes of an upload.
func (h *Handler) showQueue(w http.ResponseWriter, r *http.Request, status int, form *Form, outcomes []ingestOutcome) error {
	values := r.URL.Query()
	var v problem.Validation
	q := ingest.ListQuery{Status: ingest.Status(values.Get("status")), Text: values.Get("q"),
		Page: int(parseIDField(&v, "page", values.Get("page")))}
	if err := v.Err(); err != nil {
		return err
	}
	viewer, err := h.viewer(r)
	if err != nil {
		return err
	}
	page, err := h.app.Ingest.List(r.Context(), viewer, q)
	if err != nil {
		return err
	}
	p := router.Principal(r)
	data := ingestQueueData{Page: page, Query: q, Statuses: ingest.Statuses, Classes: clearancesUpTo(p.Clearance()),
		Outcomes: outcomes, MaxBytes: vn.FormatNumber(h.app.Ingest.MaxBytes()), MaxFiles: ingest.MaxFiles}
	if page.Page > 1 {
		values.Set("page", strconv.Itoa(page.Page-1))
		data.Prev = "/ingest?" + values.Encode()
	}
	if page.Page*page.Size < page.Total {
		values.Set("page", strconv.Itoa(page.Page+1))
		data.Next = "/ingest?" + values.Encode()
	}
	var top auth.Clearance
	for _, it := range page.Items {
		top = max(top, it.Class)
	}
	consumeFlash(w, r)
	return h.render(w, r, status, "ingest", &Page{Title: router.LangT(r, "ingest.title"), Data: data, Form: form, Class: top})
}

// submitIngest reads what was pasted and the files chosen. One article
// read goes to its page; several show what became of each on the queue
// page, refusals included, while the others are queued.
func (h *Handler) submitIngest(w http.ResponseWriter, r *http.Request) error {
	ups, err := h.app.Ingest.ReadUploads(w, r, "files")
	if err != nil {
		return h.formRetry(w, r, err, func(f *Form) error { return h.showQueue(w, r, http.StatusUnprocessableEntity, f, nil) })
	}
	var v problem.Validation
	class := int(parseIDField(&v, "class", r.FormValue("class")))
	if err := v.Err(); err != nil {
		return h.formRetry(w, r, err, func(f *Form) error { return h.showQueue(w, r, http.StatusUnprocessableEntity, f, nil) })
	}
	p := router.Principal(r)
	text := r.FormValue("text")
	if strings.TrimSpace(text) == "" && len(ups) == 0 {
		err := problem.InvalidField("text", "ingest.nothing_sent")
		return h.formRetry(w, r, err, func(f *Form) error { return h.showQueue(w, r, http.StatusUnprocessableEntity, f, nil) })
	}
	var outcomes []ingestOutcome
	if strings.TrimSpace(text) != "" {
		sub, err := h.app.Ingest.Submit(r.Context(), p, ingest.ViaWeb, ingest.SubmitInput{Name: r.FormValue("name"), Text: text, Class: class})
		if err != nil && len(ups) == 0 {
			return h.formRetry(w, r, err, func(f *Form) error {
				f.Values = r.MultipartForm.Value
				return h.showQueue(w, r, h.errorStatus(err), f, nil)
			})
		}
		outcomes = append(outcomes, h.outcome(r, r.FormValue("name"), &sub, err))
	}
	for _, o := range h.app.Ingest.SubmitAll(r.Context(), p, ingest.ViaWeb, ups, class) {
		var sub *ingest.Submitted
		if o.Item != nil {
			sub = &ingest.Submitted{Item: *o.Item, Known: o.Known}
		}
		outcomes = append(outcomes, h.outcome(r, o.Name, sub, o.Err))
	}
	if len(outcomes) == 1 && outcomes[0].Item != nil {
		flash := "ingest.queued"
		if outcomes[0].Known {
			flash = "ingest.known"
		}
		return redirect(w, r, fmt.Sprintf("/ingest/%d", outcomes[0].Item.ID), flash)
	}
	status := http.StatusOK
	if len(outcomes) == 1 {
		status = h.errorStatus(outcomes[0].err)
	}
	return h.showQueue(w, r, status, &Form{Values: url.Values{}}, outcomes)
}

// errorStatus is the status of a refusal shown in a page.
func (h *Handler) errorStatus(err error) int {
	if s, ok := router.Status(err); ok && s >= 400 && s != http.StatusInternalServerError {
		return s
	}
	return http.StatusUnprocessableEntity
}

// outcome is one submission as the page shows it: its item, or its
// refusal in words that name the file.
func (h *Handler) outcome(r *http.Request, name string, sub *ingest.Submitted, err error) ingestOutcome {
	o := ingestOutcome{Name: name, err: err}
	if err != nil {
		pe := router.Safe(r, h.log, err)
		o.Error = pe.Message(router.Lang(r))
		if len(pe.Fields) > 0 {
			o.Error = pe.FieldMessage(router.Lang(r), pe.Fields[0].Name)
		}
		return o
	}
	o.Item, o.Known = &sub.Item, sub.Known
	return o
}

// ingestItemData is the review page: the article with its marks, the
// proposals as a form while pending, what was written once confirmed.
type ingestItemData struct {
	Item    ingest.Item
	Lines   []textLine
	Cards   []card
	Records []ingest.Record
	Kinds   []string
	AsOf    string
}

// ingestKinds are the kinds of marks, in the legend's order.
var ingestKinds = []string{"conference", "person", "post", "document", "figure", "task"}

func (h *Handler) ingestItem(w http.ResponseWriter, r *http.Request) error {
	return h.showItem(w, r, http.StatusOK, nil)
}

// showItem renders an item's page, with a form to show again.
func (h *Handler) showItem(w http.ResponseWriter, r *http.Request, status int, form *Form) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	viewer, err := h.viewer(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	it, err := h.app.Ingest.Get(ctx, viewer, id)
	if err != nil {
		return err
	}
	page := &Page{Title: it.Title, Form: form, Class: it.Class}
	if page.Title == "" {
		page.Title = router.LangT(r, "ingest.untitled")
	}
	data := ingestItemData{Item: it, Kinds: ingestKinds}
	var props ingest.Proposals
	if it.Status == ingest.Pending {
		if props, err = h.app.Ingest.Build(ctx, viewer, it); err != nil {
			return err
		}
		data.AsOf = props.AsOf.String()
		page.fill(h, r)
		f := &reviewForm{p: page, submitted: form != nil}
		if f.positions, err = h.app.People.Positions(ctx); err != nil {
			return err
		}
		if f.inds, err = h.app.Indicators.List(ctx, viewer, indicators.ListQuery{}); err != nil {
			return err
		}
		for _, ind := range f.inds {
			page.Class = max(page.Class, auth.Clearance(ind.Class))
		}
		data.Cards = f.cards(props)
	} else if data.Records, err = h.app.Ingest.Records(ctx, viewer, it.ID); err != nil {
		return err
	}
	for _, rec := range data.Records {
		page.Class = max(page.Class, auth.Clearance(rec.Class))
	}
	data.Lines = highlight(it, marksOf(props))
	page.Data = data
	consumeFlash(w, r)
	return h.render(w, r, status, "ingest_item", page)
}

// confirmIngest applies the review form.
func (h *Handler) confirmIngest(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	viewer, err := h.viewer(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	it, err := h.app.Ingest.Get(ctx, viewer, id)
	if err != nil {
		return err
	}
	if it.Status != ingest.Pending {
		return problem.New(problem.Conflict, "ingest.error.already_"+string(it.Status))
	}
	props, err := h.app.Ingest.Build(ctx, viewer, it)
	if err != nil {
		return err
	}
	d, err := h.decisionsFrom(ctx, r.PostForm, props)
	if err == nil {
		_, _, err = h.app.Ingest.Confirm(ctx, router.Principal(r), id, d)
	}
	if err != nil {
		if pe, ok := problem.As(err); ok && len(pe.Fields) > 0 {
			return h.showItem(w, r, pe.Code.Status(), &Form{Values: r.PostForm, Err: pe})
		}
		return err
	}
	return redirect(w, r, fmt.Sprintf("/ingest/%d", id), "ingest.confirmed")
}

// rejectIngest rejects an item with the reason given.
func (h *Handler) rejectIngest(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	if _, err := h.app.Ingest.Reject(r.Context(), router.Principal(r), id, r.PostForm.Get("reason")); err != nil {
		return h.formRetry(w, r, err, func(f *Form) error { return h.showItem(w, r, http.StatusUnprocessableEntity, f) })
	}
	return redirect(w, r, fmt.Sprintf("/ingest/%d", id), "ingest.rejected")
}
