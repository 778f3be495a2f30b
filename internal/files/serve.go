package files

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"plenum/internal/auth"
	"plenum/internal/i18n"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// DownloadName is the name a file is handed out under: a classified file's
// name begins with its class in capitals, as the stamp on a paper copy
// ("MẬT - Kế hoạch.pdf"), so that the mark survives on the recipient's disk.
func DownloadName(f File, lang string) string {
	if f.Class <= 0 {
		return f.Name
	}
	return strings.ToUpper(i18n.T(lang, f.Class.Key())) + " - " + f.Name
}

// Serve writes a file the caller has checked the reader may see: always as
// an attachment (never rendered in the site's origin), not cached, with its
// class in the name and in an X-Security-Class header.
func Serve(w http.ResponseWriter, f File, data []byte, lang string) {
	name := DownloadName(f, lang)
	h := w.Header()
	h.Set("Content-Type", f.Type.MediaType())
	h.Set("Content-Length", strconv.Itoa(len(data)))
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Security-Class", ClassHeader(f.Class))
	w.WriteHeader(http.StatusOK)
	w.Write(data)
}

// ClassHeader is the X-Security-Class header of a download of class c:
// the number and the folded Vietnamese name ("1 mat").
func ClassHeader(c auth.Clearance) string {
	return strconv.Itoa(int(c)) + " " + strings.ReplaceAll(vn.Fold(i18n.T("vi", c.Key())), " ", "-")
}

// ReadUpload reads the file sent in the multipart form field named field,
// refusing a body larger than the store's limit with a problem naming the
// field rather than a bare 413, so that the form can say what went wrong.
func (s *Store) ReadUpload(w http.ResponseWriter, r *http.Request, field string) (string, []byte, error) {
	// Room for the other form fields and the multipart framing.
	const slack = 1 << 20
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxSize+slack)
	if err := r.ParseMultipartForm(32 << 20); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return "", nil, problem.InvalidField(field, "files.error.too_large", vn.FormatNumber(s.cfg.MaxSize>>20))
		}
		return "", nil, problem.InvalidField(field, "files.error.not_sent")
	}
	f, h, err := r.FormFile(field)
	if err != nil {
		return "", nil, problem.InvalidField(field, "files.error.not_sent")
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, s.cfg.MaxSize+1))
	if err != nil {
		return "", nil, fmt.Errorf("files: read upload: %w", err)
	}
	return h.Filename, data, nil
}
