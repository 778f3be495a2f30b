package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"

	"plenum/internal/auth"
	"plenum/internal/problem"
)

// MaxFiles bounds the files of one upload.
const MaxFiles = 50

// Upload is one file sent in a form.
type Upload struct {
	Name string
	Data []byte
}

// ReadUploads reads the files sent in the multipart form field named field
// (none is not an error). Each file is read up to one byte past MaxBytes,
// so that a file too large is refused by Submit, naming it, while the
// others go on; the request as a whole is bounded by MaxFiles such files.
func (s *Store) ReadUploads(w http.ResponseWriter, r *http.Request, field string) ([]Upload, error) {
	const slack = 1 << 20 // the other fields and the multipart framing
	r.Body = http.MaxBytesReader(w, r.Body, MaxFiles*(s.MaxBytes()+1)+slack)
	if err := r.ParseMultipartForm(32 << 20); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, &problem.Error{Code: problem.TooLarge, Fields: []problem.Field{{Name: field, Key: "ingest.error.upload_too_large", Args: []any{MaxFiles}}}}
		}
		return nil, problem.InvalidField(field, "ingest.error.not_multipart")
	}
	hs := r.MultipartForm.File[field]
	if len(hs) > MaxFiles {
		return nil, problem.InvalidField(field, "ingest.error.too_many_files", MaxFiles)
	}
	var out []Upload
	for _, h := range hs {
		f, err := h.Open()
		if err != nil {
			return nil, fmt.Errorf("ingest: open upload %s: %w", h.Filename, err)
		}
		data, err := io.ReadAll(io.LimitReader(f, s.MaxBytes()+1))
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("ingest: read upload %s: %w", h.Filename, err)
		}
		out = append(out, Upload{Name: h.Filename, Data: data})
	}
	return out, nil
}

// Outcome is what became of one file of an upload: queued (Item), already
// known (Item, Known), or refused (Err, which names the file).
type Outcome struct {
	Name  string `json:"name"`
	Item  *Item  `json:"item,omitempty"`
	Known bool   `json:"known,omitempty"`
	Err   error  `json:"-"`
}

// SubmitAll submits each upload in its own transaction: a file refused
// does not stop the others.
func (s *Store) SubmitAll(ctx context.Context, p auth.Principal, via Via, ups []Upload, class int) []Outcome {
	out := make([]Outcome, len(ups))
	for i, u := range ups {
		out[i].Name = u.Name
		sub, err := s.Submit(ctx, p, via, SubmitInput{Name: u.Name, Data: u.Data, Class: class})
		if err != nil {
			out[i].Err = err
			continue
		}
		out[i].Item, out[i].Known = &sub.Item, sub.Known
	}
	return out
}
