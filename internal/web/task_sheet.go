package web

import (
	"net/http"

	"plenum/internal/router"
	"plenum/internal/sheet"
	"plenum/internal/tasks"
)

// exportTasks downloads the list on screen as a task sheet.
func (h *Handler) exportTasks(w http.ResponseWriter, r *http.Request) error {
	q, err := tasks.ParseListQuery(r.URL.Query())
	if err != nil {
		return err
	}
	if q.UnitID == 0 && q.PersonID == 0 {
		q.UnitID = router.Principal(r).User.UnitID
	}
	v, err := h.app.Access.Viewer(r.Context(), router.Principal(r))
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

// taskImportData is the import page and the outcome of an upload.
type taskImportData struct {
	Result *sheet.Import
}

func (h *Handler) taskImportForm(w http.ResponseWriter, r *http.Request) error {
	return h.render(w, r, http.StatusOK, "task_import", &Page{Title: router.LangT(r, "tasks.import"), Data: taskImportData{}})
}

func (h *Handler) importTasks(w http.ResponseWriter, r *http.Request) error {
	name, data, err := h.app.Files.ReadUpload(w, r, "file")
	show := func(status int, im *sheet.Import, err error) error {
		return h.formRetry(w, r, err, func(f *Form) error {
			return h.render(w, r, status, "task_import", &Page{Title: router.LangT(r, "tasks.import"), Form: f, Data: taskImportData{Result: im}})
		})
	}
	if err != nil {
		return show(http.StatusUnprocessableEntity, nil, err)
	}
	im, err := h.app.Tasks.Import(r.Context(), h.app.Imports, router.Principal(r), sheet.Upload{Filename: name, Data: data})
	if err != nil {
		return show(http.StatusConflict, nil, err)
	}
	status := http.StatusOK
	if im.Result == sheet.Refused {
		status = http.StatusUnprocessableEntity
	}
	return h.render(w, r, status, "task_import", &Page{Title: router.LangT(r, "tasks.import"), Data: taskImportData{Result: &im}})
}
