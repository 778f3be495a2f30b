package api

import (
	"net/http"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/conferences"
	"plenum/internal/news"
	"plenum/internal/problem"
	"plenum/internal/router"
)

func (h *Handler) calendar(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	var v problem.Validation
	cq := conferences.CalendarQuery{
		BodyID: queryInt(&v, q.Get("body_id"), "body_id"), TermID: queryInt(&v, q.Get("term_id"), "term_id"),
		Year: int(queryInt(&v, q.Get("year"), "year")), Month: int(queryInt(&v, q.Get("month"), "month")),
		From: queryDate(&v, q.Get("from"), "from"), To: queryDate(&v, q.Get("to"), "to"),
		Status: conferences.Status(q.Get("status")), Lineage: q.Get("lineage") == "true",
		Limit: int(queryInt(&v, q.Get("limit"), "limit")), Offset: int(queryInt(&v, q.Get("offset"), "offset")),
	}
	if err := v.Err(); err != nil {
		return err
	}
	viewer, err := h.viewer(r)
	if err != nil {
		return err
	}
	cal, err := h.app.Conferences.Calendar(r.Context(), viewer, cq)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, cal)
}

// withConference runs fn with the viewer and the conference id of the path.
func (h *Handler) withConference(fn func(w http.ResponseWriter, r *http.Request, v access.Viewer, id int64) error) router.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := router.PathID(r, "id")
		if err != nil {
			return err
		}
		viewer, err := h.viewer(r)
		if err != nil {
			return err
		}
		return fn(w, r, viewer, id)
	}
}

func (h *Handler) getConference(w http.ResponseWriter, r *http.Request, v access.Viewer, id int64) error {
	rec, err := h.app.Conferences.Record(r.Context(), v, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, rec)
}

func (h *Handler) createConference(w http.ResponseWriter, r *http.Request) error {
	var in conferences.Input
	if err := decode(w, r, &in); err != nil {
		return err
	}
	viewer, err := h.viewer(r)
	if err != nil {
		return err
	}
	c, err := h.app.Conferences.Create(r.Context(), viewer, in)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, c)
}

func (h *Handler) updateConference(w http.ResponseWriter, r *http.Request, v access.Viewer, id int64) error {
	var in conferences.Input
	if err := decode(w, r, &in); err != nil {
		return err
	}
	c, err := h.app.Conferences.Update(r.Context(), v, id, in)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, c)
}

func (h *Handler) deleteConference(w http.ResponseWriter, r *http.Request, v access.Viewer, id int64) error {
	if err := h.app.Conferences.Delete(r.Context(), v, id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (h *Handler) setConferenceStatus(w http.ResponseWriter, r *http.Request, v access.Viewer, id int64) error {
	var in struct {
		Status conferences.Status `json:"status"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	c, err := h.app.Conferences.SetStatus(r.Context(), v, id, in.Status)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, c)
}

func (h *Handler) setAttendance(w http.ResponseWriter, r *http.Request, v access.Viewer, id int64) error {
	var in struct {
		Attendance []conferences.Attendance `json:"attendance"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	q, err := h.app.Conferences.SetAttendance(r.Context(), v, id, in.Attendance)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, q)
}

func (h *Handler) addItem(w http.ResponseWriter, r *http.Request, v access.Viewer, id int64) error {
	var in conferences.ItemInput
	if err := decode(w, r, &in); err != nil {
		return err
	}
	it, err := h.app.Conferences.AddItem(r.Context(), v, id, in)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, it)
}

func (h *Handler) getItem(w http.ResponseWriter, r *http.Request, v access.Viewer, id int64) error {
	it, err := h.app.Conferences.Item(r.Context(), v, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, it)
}

func (h *Handler) updateItem(w http.ResponseWriter, r *http.Request, v access.Viewer, id int64) error {
	var in conferences.ItemInput
	if err := decode(w, r, &in); err != nil {
		return err
	}
	it, err := h.app.Conferences.UpdateItem(r.Context(), v, id, in)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, it)
}

func (h *Handler) removeItem(w http.ResponseWriter, r *http.Request, v access.Viewer, id int64) error {
	if err := h.app.Conferences.RemoveItem(r.Context(), v, id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (h *Handler) moveItem(w http.ResponseWriter, r *http.Request, v access.Viewer, id int64) error {
	var in struct {
		Direction string `json:"direction"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	delta := map[string]int{"up": -1, "down": 1}[in.Direction]
	if err := h.app.Conferences.MoveItem(r.Context(), v, id, delta); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (h *Handler) recordVote(w http.ResponseWriter, r *http.Request, v access.Viewer, id int64) error {
	var in conferences.VoteInput
	if err := decode(w, r, &in); err != nil {
		return err
	}
	it, err := h.app.Conferences.RecordVote(r.Context(), v, id, in)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, it)
}

func (h *Handler) clearVote(w http.ResponseWriter, r *http.Request, v access.Viewer, id int64) error {
	if err := h.app.Conferences.ClearVote(r.Context(), v, id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func textKind(r *http.Request) (conferences.TextKind, error) {
	k := conferences.TextKind(r.PathValue("kind"))
	if !k.Valid() {
		return k, problem.ErrNotFound
	}
	return k, nil
}

func (h *Handler) textHistory(w http.ResponseWriter, r *http.Request, v access.Viewer, id int64) error {
	k, err := textKind(r)
	if err != nil {
		return err
	}
	ts, err := h.app.Conferences.History(r.Context(), v, id, k)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, items(ts))
}

// textChange answers the three changes of a text: write the draft, approve
// it, correct the approved version.
func (h *Handler) textChange(status int, change func(h *Handler, r *http.Request, v access.Viewer, id int64, k conferences.TextKind, in conferences.TextInput) (conferences.Text, error), body bool) func(http.ResponseWriter, *http.Request, access.Viewer, int64) error {
	return func(w http.ResponseWriter, r *http.Request, v access.Viewer, id int64) error {
		k, err := textKind(r)
		if err != nil {
			return err
		}
		var in conferences.TextInput
		if body {
			if err := decode(w, r, &in); err != nil {
				return err
			}
		}
		t, err := change(h, r, v, id, k, in)
		if err != nil {
			return err
		}
		return writeJSON(w, status, t)
	}
}

func writeDraft(h *Handler, r *http.Request, v access.Viewer, id int64, k conferences.TextKind, in conferences.TextInput) (conferences.Text, error) {
	return h.app.Conferences.WriteDraft(r.Context(), v, id, k, in)
}

func approveText(h *Handler, r *http.Request, v access.Viewer, id int64, k conferences.TextKind, _ conferences.TextInput) (conferences.Text, error) {
	return h.app.Conferences.Approve(r.Context(), v, id, k)
}

func correctText(h *Handler, r *http.Request, v access.Viewer, id int64, k conferences.TextKind, in conferences.TextInput) (conferences.Text, error) {
	return h.app.Conferences.Correct(r.Context(), v, id, k, in)
}

func (h *Handler) adopt(w http.ResponseWriter, r *http.Request, v access.Viewer, id int64) error {
	var in struct {
		DocumentID int64 `json:"document_id"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if err := h.app.Conferences.Adopt(r.Context(), v, id, in.DocumentID); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (h *Handler) unadopt(w http.ResponseWriter, r *http.Request, v access.Viewer, id int64) error {
	doc, err := router.PathID(r, "document_id")
	if err != nil {
		return err
	}
	if err := h.app.Conferences.Unadopt(r.Context(), v, id, doc); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (h *Handler) generateArticle(w http.ResponseWriter, r *http.Request, v access.Viewer, id int64) error {
	a, err := h.app.Conferences.GenerateArticle(r.Context(), v, id, router.Principal(r).User.DisplayName)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, a)
}

func (h *Handler) listTerms(w http.ResponseWriter, r *http.Request) error {
	var v problem.Validation
	body := queryInt(&v, r.URL.Query().Get("body_id"), "body_id")
	if err := v.Err(); err != nil {
		return err
	}
	ts, err := h.app.Conferences.Terms(r.Context(), body)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, items(ts))
}

func (h *Handler) getTerm(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	t, err := h.app.Conferences.Term(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, t)
}

func (h *Handler) saveTerm(w http.ResponseWriter, r *http.Request) error {
	var in conferences.TermInput
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if r.PathValue("id") == "" {
		t, err := h.app.Conferences.CreateTerm(r.Context(), in)
		if err != nil {
			return err
		}
		return writeJSON(w, http.StatusCreated, t)
	}
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	t, err := h.app.Conferences.UpdateTerm(r.Context(), id, in)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, t)
}

func (h *Handler) listDrafts(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	var v problem.Validation
	lq := news.ListQuery{Status: news.Status(q.Get("status")), ConferenceID: queryInt(&v, q.Get("conference_id"), "conference_id"),
		Limit: int(queryInt(&v, q.Get("limit"), "limit")), Offset: int(queryInt(&v, q.Get("offset"), "offset"))}
	if err := v.Err(); err != nil {
		return err
	}
	page, err := h.app.News.List(r.Context(), lq)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, page)
}

func (h *Handler) getDraft(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	a, err := h.app.News.Get(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, a)
}

func (h *Handler) saveDraft(w http.ResponseWriter, r *http.Request) error {
	var in news.Input
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if r.PathValue("id") == "" {
		a, err := h.app.News.Create(r.Context(), in, 0)
		if err != nil {
			return err
		}
		return writeJSON(w, http.StatusCreated, a)
	}
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	a, err := h.app.News.Update(r.Context(), id, in)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, a)
}

func (h *Handler) deleteDraft(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	if err := h.app.News.Delete(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// conferenceRoutes are the routes of conferences, their terms and agenda,
// and the news drafts written from them.
func (h *Handler) conferenceRoutes(rt *router.Router) {
	c := h.withConference
	rt.Handle("GET /api/v1/conferences", auth.ConferencesRead, h.calendar)
	rt.Handle("POST /api/v1/conferences", auth.ConferencesWrite, h.createConference)
	rt.Handle("GET /api/v1/conferences/{id}", auth.ConferencesRead, c(h.getConference))
	rt.Handle("PUT /api/v1/conferences/{id}", auth.ConferencesWrite, c(h.updateConference))
	rt.Handle("DELETE /api/v1/conferences/{id}", auth.ConferencesWrite, c(h.deleteConference))
	rt.Handle("POST /api/v1/conferences/{id}/status", auth.ConferencesWrite, c(h.setConferenceStatus))
	rt.Handle("PUT /api/v1/conferences/{id}/attendance", auth.ConferencesWrite, c(h.setAttendance))
	rt.Handle("POST /api/v1/conferences/{id}/items", auth.ConferencesWrite, c(h.addItem))
	rt.Handle("GET /api/v1/conferences/{id}/texts/{kind}", auth.ConferencesRead, c(h.textHistory))
	rt.Handle("PUT /api/v1/conferences/{id}/texts/{kind}", auth.ConferencesWrite, c(h.textChange(http.StatusOK, writeDraft, true)))
	rt.Handle("POST /api/v1/conferences/{id}/texts/{kind}/approve", auth.ConferencesWrite, c(h.textChange(http.StatusOK, approveText, false)))
	rt.Handle("POST /api/v1/conferences/{id}/texts/{kind}/corrections", auth.ConferencesWrite, c(h.textChange(http.StatusCreated, correctText, true)))
	rt.Handle("POST /api/v1/conferences/{id}/adopted", auth.ConferencesWrite, c(h.adopt))
	rt.Handle("DELETE /api/v1/conferences/{id}/adopted/{document_id}", auth.ConferencesWrite, c(h.unadopt))
	rt.Handle("POST /api/v1/conferences/{id}/article", auth.NewsEdit, c(h.generateArticle))
	rt.Handle("GET /api/v1/agenda-items/{id}", auth.ConferencesRead, c(h.getItem))
	rt.Handle("PUT /api/v1/agenda-items/{id}", auth.ConferencesWrite, c(h.updateItem))
	rt.Handle("DELETE /api/v1/agenda-items/{id}", auth.ConferencesWrite, c(h.removeItem))
	rt.Handle("POST /api/v1/agenda-items/{id}/move", auth.ConferencesWrite, c(h.moveItem))
	rt.Handle("PUT /api/v1/agenda-items/{id}/vote", auth.ConferencesWrite, c(h.recordVote))
	rt.Handle("DELETE /api/v1/agenda-items/{id}/vote", auth.ConferencesWrite, c(h.clearVote))
	rt.Handle("GET /api/v1/conference-terms", auth.ConferencesRead, h.listTerms)
	rt.Handle("POST /api/v1/conference-terms", auth.ConferencesWrite, h.saveTerm)
	rt.Handle("GET /api/v1/conference-terms/{id}", auth.ConferencesRead, h.getTerm)
	rt.Handle("PUT /api/v1/conference-terms/{id}", auth.ConferencesWrite, h.saveTerm)
	rt.Handle("GET /api/v1/news/drafts", auth.NewsEdit, h.listDrafts)
	rt.Handle("POST /api/v1/news/drafts", auth.NewsEdit, h.saveDraft)
	rt.Handle("GET /api/v1/news/drafts/{id}", auth.NewsEdit, h.getDraft)
	rt.Handle("PUT /api/v1/news/drafts/{id}", auth.NewsEdit, h.saveDraft)
	rt.Handle("DELETE /api/v1/news/drafts/{id}", auth.NewsEdit, h.deleteDraft)
}
