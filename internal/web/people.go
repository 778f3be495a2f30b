package web

import (
	"net/http"
	"net/url"
	"strconv"

	"plenum/internal/date"
	"plenum/internal/people"
	"plenum/internal/problem"
	"plenum/internal/router"
)

const peoplePerPage = 50

type peopleData struct {
	Page      people.Page
	Unit      string // name of the unit filtered by, if any
	Offset    int
	Prev      string
	Next      string
	CurrentOf map[int64][]people.Post // posts held today, by person
}

func (h *Handler) peopleList(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	var v problem.Validation
	lq := people.ListQuery{Search: q.Get("q"), Limit: peoplePerPage}
	lq.AsOf = parseDateField(&v, "as_of", q.Get("as_of"))
	if s := q.Get("unit"); s != "" {
		lq.UnitID = h.resolveUnit(r.Context(), &v, "unit", s, h.today(), false)
	}
	lq.Offset, _ = strconv.Atoi(q.Get("offset"))
	lq.Offset = max(lq.Offset, 0)
	form := &Form{Values: q}
	data := peopleData{Offset: lq.Offset, CurrentOf: map[int64][]people.Post{}}
	if err := v.Err(); err != nil {
		form.Err, _ = problem.As(err)
		return h.render(w, r, http.StatusUnprocessableEntity, "people", &Page{Title: router.LangT(r, "people.title"), Form: form, Data: data})
	}
	page, err := h.app.People.List(r.Context(), lq)
	if err != nil {
		return h.formRetry(w, r, err, func(f *Form) error {
			return h.render(w, r, http.StatusUnprocessableEntity, "people", &Page{Title: router.LangT(r, "people.title"), Form: f, Data: data})
		})
	}
	data.Page = page
	if lq.UnitID != 0 {
		if u, err := h.app.Org.Get(r.Context(), lq.UnitID, h.today()); err == nil {
			data.Unit = u.Name
		}
	}
	ids := make([]int64, len(page.People))
	for i, p := range page.People {
		ids[i] = p.ID
	}
	if data.CurrentOf, err = h.app.People.PostsOfEach(r.Context(), ids, h.today()); err != nil {
		return err
	}
	pageURL := func(offset int) string {
		u := url.Values{}
		for k, vs := range q {
			u[k] = vs
		}
		u.Set("offset", strconv.Itoa(offset))
		return "/people?" + u.Encode()
	}
	if lq.Offset > 0 {
		data.Prev = pageURL(max(lq.Offset-peoplePerPage, 0))
	}
	if lq.Offset+len(page.People) < page.Total {
		data.Next = pageURL(lq.Offset + peoplePerPage)
	}
	consumeFlash(w, r)
	return h.render(w, r, http.StatusOK, "people", &Page{Title: router.LangT(r, "people.title"), Form: form, Data: data})
}

type personData struct {
	Person    people.Person
	Current   []people.Post
	All       []people.Post
	Positions []people.Position
	Today     date.Date
}

func (h *Handler) personPage(w http.ResponseWriter, r *http.Request) error {
	return h.personPageWith(w, r, http.StatusOK, nil)
}

func (h *Handler) personPageWith(w http.ResponseWriter, r *http.Request, status int, f *Form) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	ctx := r.Context()
	data := personData{Today: h.today()}
	if data.Person, err = h.app.People.GetPerson(ctx, id); err != nil {
		return err
	}
	if data.Current, err = h.app.People.PostsOf(ctx, id, data.Today); err != nil {
		return err
	}
	if data.All, err = h.app.People.PostsOf(ctx, id, date.Date{}); err != nil {
		return err
	}
	if data.Positions, err = h.app.People.Positions(ctx); err != nil {
		return err
	}
	consumeFlash(w, r)
	return h.render(w, r, status, "person", &Page{Title: data.Person.FullName, Form: f, Data: data})
}
