package api

import (
	"net/http"

	"plenum/internal/router"
	"plenum/internal/sheet"
	"plenum/internal/tasks"
)

func (h *Handler) exportTasks(w http.ResponseWriter, r *http.Request) error {
	q, err := tasks.ParseListQuery(r.URL.Query())
	if err != nil {
		return err
	}
	v, err := h.viewer(r)
	if err != nil {
		return err
	}
	rows, class, err := h.app.Tasks.Export(r.Context(), v, q, router.Lang(r))
	if err != nil {
		return err
	}
	return tasks.ServeSheet(w, r, rows, class, "nhiem-vu", router.Lang(r))
}

func (h *Handler) taskTemplate(w http.ResponseWriter, r *http.Request) error {
	return tasks.ServeSheet(w, r, nil, 0, "mau-nhiem-vu", router.Lang(r))
}

// importTasks takes a task list as multipart/form-data in "file". A file
// with row problems answers 422 with the import record (its errors name
// sheet, row and column); a file imported before answers 409.
func (h *Handler) importTasks(w http.ResponseWriter, r *http.Request) error {
	name, data, err := h.app.Files.ReadUpload(w, r, "file")
	if err != nil {
		return err
	}
	im, err := h.app.Tasks.Import(r.Context(), h.app.Imports, router.Principal(r), sheet.Upload{Filename: name, Data: data})
	if err != nil {
		return err
	}
	if im.Result == sheet.Refused {
		return writeJSON(w, http.StatusUnprocessableEntity, im)
	}
	return writeJSON(w, http.StatusCreated, im)
}
