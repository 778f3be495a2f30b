package api

import (
	"net/http"

	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/people"
	"plenum/internal/problem"
	"plenum/internal/router"
)

func (h *Handler) listPeople(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	var v problem.Validation
	lq := people.ListQuery{Search: q.Get("q"), UnitID: queryInt(&v, q.Get("unit_id"), "unit_id"), AsOf: queryAsOf(&v, r),
		Limit: int(queryInt(&v, q.Get("limit"), "limit")), Offset: int(queryInt(&v, q.Get("offset"), "offset"))}
	if err := v.Err(); err != nil {
		return err
	}
	page, err := h.app.People.List(r.Context(), lq)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, page)
}

// personDetail is a person with every post, in the official order of precedence.
type personDetail struct {
	people.Person
	Posts []people.Post `json:"posts"`
}

func (h *Handler) getPerson(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	var v problem.Validation
	d := queryAsOf(&v, r)
	if err := v.Err(); err != nil {
		return err
	}
	p, err := h.app.People.GetPerson(r.Context(), id)
	if err != nil {
		return err
	}
	posts, err := h.app.People.PostsOf(r.Context(), id, d)
	if err != nil {
		return err
	}
	if posts == nil {
		posts = []people.Post{}
	}
	return writeJSON(w, http.StatusOK, personDetail{p, posts})
}

func (h *Handler) savePerson(w http.ResponseWriter, r *http.Request) error {
	var in people.PersonInput
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if r.PathValue("id") == "" {
		p, err := h.app.People.CreatePerson(r.Context(), in)
		if err != nil {
			return err
		}
		return writeJSON(w, http.StatusCreated, p)
	}
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	p, err := h.app.People.UpdatePerson(r.Context(), id, in)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, p)
}

func (h *Handler) listPositions(w http.ResponseWriter, r *http.Request) error {
	ps, err := h.app.People.Positions(r.Context())
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, items(ps))
}

func (h *Handler) addPost(w http.ResponseWriter, r *http.Request) error {
	var in people.PostInput
	if err := decode(w, r, &in); err != nil {
		return err
	}
	p, err := h.app.People.AddPost(r.Context(), in)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, p)
}

func (h *Handler) correctPost(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	var in people.PostInput
	if err := decode(w, r, &in); err != nil {
		return err
	}
	p, err := h.app.People.CorrectPost(r.Context(), id, in)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, p)
}

func (h *Handler) endPost(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	var in struct {
		ValidTo date.Date `json:"valid_to"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	p, err := h.app.People.EndPost(r.Context(), people.EndPostInput{PostID: id, ValidTo: in.ValidTo})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, p)
}

func (h *Handler) removePost(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	if err := h.app.People.RemovePost(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (h *Handler) peopleRoutes(rt *router.Router) {
	rt.Handle("GET /api/v1/people", auth.PeopleRead, h.listPeople)
	rt.Handle("GET /api/v1/people/{id}", auth.PeopleRead, h.getPerson)
	rt.Handle("POST /api/v1/people", auth.PeopleWrite, h.savePerson)
	rt.Handle("PUT /api/v1/people/{id}", auth.PeopleWrite, h.savePerson)
	rt.Handle("GET /api/v1/positions", auth.PeopleRead, h.listPositions)
	rt.Handle("POST /api/v1/posts", auth.PeopleWrite, h.addPost)
	rt.Handle("PUT /api/v1/posts/{id}", auth.PeopleWrite, h.correctPost)
	rt.Handle("POST /api/v1/posts/{id}/end", auth.PeopleWrite, h.endPost)
	rt.Handle("DELETE /api/v1/posts/{id}", auth.PeopleWrite, h.removePost)
}
