package files

import (
	"mime"
	"net/http"
	"strconv"
	"strings"

	"plenum/internal/i18n"
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
	h.Set("X-Security-Class", strconv.Itoa(int(f.Class))+" "+strings.ReplaceAll(vn.Fold(i18n.T("vi", f.Class.Key())), " ", "-"))
	w.WriteHeader(http.StatusOK)
	w.Write(data)
}
