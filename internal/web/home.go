package web

import (
	"net/http"

	"plenum/internal/router"
)

func (h *Handler) home(w http.ResponseWriter, r *http.Request) error {
	consumeFlash(w, r)
	return h.render(w, r, http.StatusOK, "home", &Page{Title: router.LangT(r, "home.title")})
}
