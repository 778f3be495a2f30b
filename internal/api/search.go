package api

import (
	"net/http"

	"plenum/internal/router"
	"plenum/internal/search"
)

// search answers GET /api/v1/search: the hits the caller may see, of the
// kinds of record the caller (or the token's scopes) may read.
func (h *Handler) search(w http.ResponseWriter, r *http.Request) error {
	q, err := search.QueryFromValues(r.URL.Query())
	if err != nil {
		return err
	}
	p := router.Principal(r)
	v, err := h.app.Access.Viewer(r.Context(), p)
	if err != nil {
		return err
	}
	q.Readable, q.Lang = search.Readable(p), router.Lang(r)
	res, err := h.app.Search.Search(r.Context(), v, q)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, res)
}
