package tasks

import (
	"net/http"

	"plenum/internal/auth"
	"plenum/internal/sheet"
)

// SheetFormat reads the format a download asks for: ?format=csv, else XLSX.
func SheetFormat(r *http.Request) sheet.Format {
	if r.URL.Query().Get("format") == "csv" {
		return sheet.CSV
	}
	return sheet.XLSX
}

// ServeSheet sends rows as a task sheet download named name, marked with
// their highest class as every download is (sheet.Serve).
func ServeSheet(w http.ResponseWriter, r *http.Request, rows []sheet.Record, class int, name, lang string) error {
	t := Template()
	t.Class = auth.Clearance(class)
	return sheet.Serve(w, SheetFormat(r), t, rows, name, lang)
}
