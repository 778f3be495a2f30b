package documents

import (
	"context"
	"errors"
	"net/http"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/files"
	"plenum/internal/problem"
)

// errNoFiles is returned when the registry was built without a file store.
var errNoFiles = errors.New("documents: no file store configured")

// Attach stores a file with document id as principal p. The file takes the
// document's class.
func (s *Store) Attach(ctx context.Context, p auth.Principal, id int64, name string, data []byte) (files.File, error) {
	if s.opt.Files == nil {
		return files.File{}, errNoFiles
	}
	var out files.File
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		d, _, err := s.writable(ctx, p, id)
		if err != nil {
			return err
		}
		if out, err = s.opt.Files.Put(ctx, files.Upload{OwnerEntity: Entity, OwnerID: id, Class: d.Class, Name: name, Data: data}); err != nil {
			return err
		}
		return s.record(ctx, "attach", id, d.Class, nil, map[string]any{"file_id": out.ID, "name": out.Name, "sha256": out.SHA256, "size": out.Size})
	})
	return out, err
}

// Attachments lists the files of a document the viewer may see.
func (s *Store) Attachments(ctx context.Context, v access.Viewer, id int64) ([]files.File, error) {
	if s.opt.Files == nil {
		return []files.File{}, nil
	}
	if _, err := s.visible(ctx, v, id); err != nil {
		return nil, err
	}
	return s.opt.Files.List(ctx, Entity, id)
}

// Attachment returns a file of a document and its verified content, after
// the document's access check (audited for a classified document).
func (s *Store) Attachment(ctx context.Context, v access.Viewer, id, fileID int64) (files.File, []byte, error) {
	if s.opt.Files == nil {
		return files.File{}, nil, problem.ErrNotFound
	}
	d, err := s.visible(ctx, v, id)
	if err != nil {
		return files.File{}, nil, err
	}
	f, err := s.opt.Files.Get(ctx, Entity, id, fileID)
	if err != nil {
		return files.File{}, nil, err
	}
	data, err := s.opt.Files.Read(ctx, f)
	if err != nil || d.Class == 0 {
		return f, data, err
	}
	// Who read which classified file is kept, like reads of the document.
	return f, data, s.access.LogRead(ctx, Entity, id, int(d.Class), map[string]any{"file_id": f.ID, "name": f.Name})
}

// Detach removes a file from a document as principal p.
func (s *Store) Detach(ctx context.Context, p auth.Principal, id, fileID int64) error {
	if s.opt.Files == nil {
		return problem.ErrNotFound
	}
	return s.db.Tx(ctx, func(ctx context.Context) error {
		d, _, err := s.writable(ctx, p, id)
		if err != nil {
			return err
		}
		f, err := s.opt.Files.Get(ctx, Entity, id, fileID)
		if err != nil {
			return err
		}
		if err := s.opt.Files.Remove(ctx, f); err != nil {
			return err
		}
		return s.record(ctx, "detach", id, d.Class, map[string]any{"file_id": f.ID, "name": f.Name, "sha256": f.SHA256}, nil)
	})
}

// ServeAttachment sends file fileID of document id as a download, after the
// checks of Attachment.
func (s *Store) ServeAttachment(w http.ResponseWriter, r *http.Request, v access.Viewer, id, fileID int64, lang string) error {
	f, data, err := s.Attachment(r.Context(), v, id, fileID)
	if err != nil {
		return err
	}
	files.Serve(w, f, data, lang)
	return nil
}
