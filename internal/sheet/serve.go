package sheet

import (
	"bytes"
	"mime"
	"net/http"
	"strconv"

	"plenum/internal/files"
)

// Serve writes t with rows in format and sends it as a download named name
// (without extension), marked with t.Class as every download is: in its
// name, its X-Security-Class header and the file itself (see Mark).
func Serve(w http.ResponseWriter, format Format, t *Template, rows []Record, name, lang string) error {
	var b bytes.Buffer
	if err := Write(&b, format, t, rows); err != nil {
		return err
	}
	name = files.DownloadName(files.File{Name: name + "." + string(format), Class: t.Class}, lang)
	h := w.Header()
	h.Set("Content-Type", format.ContentType())
	h.Set("Content-Length", strconv.Itoa(b.Len()))
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	h.Set("Cache-Control", "no-store")
	h.Set("X-Security-Class", files.ClassHeader(t.Class))
	_, err := b.WriteTo(w)
	return err
}
