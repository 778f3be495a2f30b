package tasks

import (
	"bytes"
	"net/http"
	"strconv"

	"plenum/internal/sheet"
)

// SheetFormat reads the format a download asks for: ?format=csv, else XLSX.
func SheetFormat(r *http.Request) sheet.Format {
	if r.URL.Query().Get("format") == "csv" {
		return sheet.CSV
	}
	return sheet.XLSX
}

// ServeSheet sends rows as a task sheet download named name, its highest
// class in the X-Security-Class header as on every download.
func ServeSheet(w http.ResponseWriter, format sheet.Format, rows []sheet.Record, class int, name string) error {
	var b bytes.Buffer
	if err := WriteSheet(&b, format, rows); err != nil {
		return err
	}
	w.Header().Set("Content-Type", format.ContentType())
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.`+string(format)+`"`)
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Security-Class", strconv.Itoa(class))
	_, err := b.WriteTo(w)
	return err
}
