package api

import (
	"bytes"
	"net/http"

	"plenum/internal/router"
	"plenum/internal/sheet"
	"plenum/internal/tasks"
)

// sheetFormat reads ?format=csv (XLSX otherwise).
func sheetFormat(r *http.Request) sheet.Format {
	if r.URL.Query().Get("format") == "csv" {
		return sheet.CSV
	}
	return sheet.XLSX
}

// writeSheet sends a task list, its class in a header as on downloads.
func writeSheet(w http.ResponseWriter, format sheet.Format, rows []sheet.Record, class int, name string) error {
	var b bytes.Buffer
	if err := tasks.WriteSheet(&b, format, rows); err != nil {
		return err
	}
	w.Header().Set("Content-Type", format.ContentType())
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.`+string(format)+`"`)
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Security-Class", string(rune('0'+class)))
	_, err := b.WriteTo(w)
	return err
}

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
	return writeSheet(w, sheetFormat(r), rows, class, "nhiem-vu")
}

func (h *Handler) taskTemplate(w http.ResponseWriter, r *http.Request) error {
	return writeSheet(w, sheetFormat(r), nil, 0, "mau-nhiem-vu")
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
