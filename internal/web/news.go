package web

import (
	"net/http"
	"strconv"

	"plenum/internal/news"
	"plenum/internal/problem"
	"plenum/internal/router"
)

type draftsData struct {
	Page     news.Page
	Statuses []news.Status
}

func (h *Handler) newsDrafts(w http.ResponseWriter, r *http.Request) error {
	q := news.ListQuery{Status: news.Status(r.URL.Query().Get("status")), Limit: 200}
	form := &Form{Values: r.URL.Query()}
	page, err := h.app.News.List(r.Context(), q)
	if p, ok := problem.As(err); ok && p.Code == problem.Invalid {
		form.Err = p
	} else if err != nil {
		return err
	}
	consumeFlash(w, r)
	return h.render(w, r, http.StatusOK, "news_drafts", &Page{Title: router.LangT(r, "news.drafts"), Form: form,
		Data: draftsData{Page: page, Statuses: news.Statuses()}})
}

type draftData struct {
	Article  news.Article
	Statuses []news.Status
}

func (h *Handler) newsDraft(w http.ResponseWriter, r *http.Request) error {
	return h.showDraft(w, r, http.StatusOK, nil)
}

func (h *Handler) showDraft(w http.ResponseWriter, r *http.Request, status int, f *Form) error {
	var a news.Article
	if r.PathValue("id") != "" {
		id, err := router.PathID(r, "id")
		if err != nil {
			return err
		}
		if a, err = h.app.News.Get(r.Context(), id); err != nil {
			return err
		}
	}
	if f == nil {
		f = &Form{Values: map[string][]string{"title": {a.Title}, "lead": {a.Lead}, "body": {a.Body}, "author": {a.Author},
			"status": {string(a.Status)}}}
		consumeFlash(w, r)
	}
	title := a.Title
	if a.ID == 0 {
		title = router.LangT(r, "news.new")
	}
	return h.render(w, r, status, "news_draft", &Page{Title: title, Form: f, Data: draftData{Article: a, Statuses: news.Statuses()}})
}

func (h *Handler) saveDraft(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	var id int64
	if r.PathValue("id") != "" {
		var err error
		if id, err = router.PathID(r, "id"); err != nil {
			return err
		}
		if _, err := h.app.News.Get(r.Context(), id); err != nil {
			return err
		}
	}
	f := r.PostForm
	in := news.Input{Title: f.Get("title"), Lead: f.Get("lead"), Body: f.Get("body"), Author: f.Get("author"), Status: news.Status(f.Get("status"))}
	var a news.Article
	var err error
	if id == 0 {
		a, err = h.app.News.Create(r.Context(), in, 0)
	} else {
		a, err = h.app.News.Update(r.Context(), id, in)
	}
	if err != nil {
		return h.formRetry(w, r, err, func(f *Form) error { return h.showDraft(w, r, http.StatusUnprocessableEntity, f) })
	}
	return redirect(w, r, "/news/drafts/"+strconv.FormatInt(a.ID, 10), "news.saved")
}

func (h *Handler) deleteDraft(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	if err := h.app.News.Delete(r.Context(), id); err != nil {
		return err
	}
	return redirect(w, r, "/news/drafts", "news.deleted")
}
