package api

import (
	"context"
	"net/http"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/documents"
	"plenum/internal/problem"
	"plenum/internal/router"
)

// documentRoutes are the registry's routes.
func (h *Handler) documentRoutes(rt *router.Router) {
	rt.Handle("GET /api/v1/documents", auth.DocumentsRead, h.listDocuments)
	rt.Handle("POST /api/v1/documents", auth.DocumentsWrite, h.createDocument)
	rt.Handle("GET /api/v1/documents/export", auth.DocumentsRead, h.exportDocuments)
	rt.Handle("GET /api/v1/documents/{id}", auth.DocumentsRead, h.getDocument)
	rt.Handle("PUT /api/v1/documents/{id}", auth.DocumentsWrite, change(http.StatusOK, h.app.Documents.Update))
	rt.Handle("POST /api/v1/documents/{id}/issue", auth.DocumentsWrite, h.issueDocument)
	rt.Handle("POST /api/v1/documents/{id}/status", auth.DocumentsWrite, h.documentStatus)
	rt.Handle("POST /api/v1/documents/{id}/classify", auth.DocumentsWrite, h.classifyDocument)
	rt.Handle("POST /api/v1/documents/{id}/publish", auth.DocumentsWrite, h.publishDocument)
	rt.Handle("GET /api/v1/documents/{id}/grants", auth.DocumentsRead, docItems(h, h.app.Documents.Grants))
	rt.Handle("PUT /api/v1/documents/{id}/grants", auth.DocumentsWrite, h.setDocumentGrants)
	rt.Handle("GET /api/v1/documents/{id}/classifications", auth.DocumentsRead, docItems(h, h.app.Documents.Classifications))
	rt.Handle("GET /api/v1/documents/{id}/links", auth.DocumentsRead, docItems(h, h.app.Documents.Links))
	rt.Handle("POST /api/v1/documents/{id}/links", auth.DocumentsWrite, h.linkDocument)
	rt.Handle("DELETE /api/v1/documents/{id}/links/{link}", auth.DocumentsWrite, h.unlinkDocument)
	rt.Handle("GET /api/v1/documents/{id}/family", auth.DocumentsRead, h.documentFamily)
	rt.Handle("GET /api/v1/documents/{id}/chain", auth.DocumentsRead, docItems(h, h.app.Documents.Chain))
	rt.Handle("GET /api/v1/documents/{id}/copies", auth.DocumentsRead, docItems(h, h.app.Documents.Copies))
	rt.Handle("POST /api/v1/documents/{id}/copies", auth.DocumentsWrite, h.registerCopy)
	rt.Handle("POST /api/v1/documents/{id}/copies/{copy}/return", auth.DocumentsWrite, h.returnCopy)
	rt.Handle("GET /api/v1/documents/{id}/files", auth.DocumentsRead, docItems(h, h.app.Documents.Attachments))
	rt.Handle("POST /api/v1/documents/{id}/files", auth.DocumentsWrite, h.attachFile)
	rt.Handle("GET /api/v1/documents/{id}/files/{file}", auth.DocumentsRead, h.downloadFile)
	rt.Handle("DELETE /api/v1/documents/{id}/files/{file}", auth.DocumentsWrite, h.detachFile)
}

func (h *Handler) viewer(r *http.Request) (access.Viewer, error) {
	return h.app.Access.Viewer(r.Context(), router.Principal(r))
}

// docRequest reads the viewer and the {id} of a document route.
func (h *Handler) docRequest(r *http.Request) (access.Viewer, int64, error) {
	id, err := router.PathID(r, "id")
	if err != nil {
		return access.Viewer{}, 0, err
	}
	v, err := h.viewer(r)
	return v, id, err
}

func (h *Handler) listDocuments(w http.ResponseWriter, r *http.Request) error {
	q, err := documents.ParseListQuery(r.URL.Query())
	if err != nil {
		return err
	}
	v, err := h.viewer(r)
	if err != nil {
		return err
	}
	page, err := h.app.Documents.List(r.Context(), v, q)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, page)
}

func (h *Handler) exportDocuments(w http.ResponseWriter, r *http.Request) error {
	v, err := h.viewer(r)
	if err != nil {
		return err
	}
	return h.app.Documents.ServeExport(w, r, v, router.Lang(r))
}

func (h *Handler) getDocument(w http.ResponseWriter, r *http.Request) error {
	v, id, err := h.docRequest(r)
	if err != nil {
		return err
	}
	d, err := h.app.Documents.Get(r.Context(), v, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, d)
}

func (h *Handler) createDocument(w http.ResponseWriter, r *http.Request) error {
	var in documents.Input
	if err := decode(w, r, &in); err != nil {
		return err
	}
	d, err := h.app.Documents.Create(r.Context(), router.Principal(r), in)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, d)
}

// docChange decodes a JSON body into a T and applies a change to document {id}.
func docChange[T any](h *Handler, w http.ResponseWriter, r *http.Request, status int,
	apply func(r *http.Request, p auth.Principal, id int64, in T) (any, error)) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	var in T
	if err := decode(w, r, &in); err != nil {
		return err
	}
	out, err := apply(r, router.Principal(r), id, in)
	if err != nil {
		return err
	}
	if out == nil {
		w.WriteHeader(http.StatusNoContent)
		return nil
	}
	return writeJSON(w, status, out)
}

func (h *Handler) issueDocument(w http.ResponseWriter, r *http.Request) error {
	return docChange(h, w, r, http.StatusOK, func(r *http.Request, p auth.Principal, id int64, in documents.IssueInput) (any, error) {
		return h.app.Documents.Issue(r.Context(), p, id, in)
	})
}

func (h *Handler) documentStatus(w http.ResponseWriter, r *http.Request) error {
	return docChange(h, w, r, http.StatusOK, func(r *http.Request, p auth.Principal, id int64, in documents.StatusInput) (any, error) {
		return h.app.Documents.ChangeStatus(r.Context(), p, id, in)
	})
}

func (h *Handler) classifyDocument(w http.ResponseWriter, r *http.Request) error {
	return docChange(h, w, r, http.StatusOK, func(r *http.Request, p auth.Principal, id int64, in documents.ClassifyInput) (any, error) {
		return h.app.Documents.Classify(r.Context(), p, id, in)
	})
}

type publishInput struct {
	Published bool `json:"published"`
}

func (h *Handler) publishDocument(w http.ResponseWriter, r *http.Request) error {
	return docChange(h, w, r, http.StatusOK, func(r *http.Request, p auth.Principal, id int64, in publishInput) (any, error) {
		return h.app.Documents.Publish(r.Context(), p, id, in.Published)
	})
}

func (h *Handler) setDocumentGrants(w http.ResponseWriter, r *http.Request) error {
	return docChange(h, w, r, http.StatusOK, func(r *http.Request, p auth.Principal, id int64, in list[access.Grant]) (any, error) {
		return nil, h.app.Documents.SetGrants(r.Context(), p, id, in.Items)
	})
}

func (h *Handler) linkDocument(w http.ResponseWriter, r *http.Request) error {
	return docChange(h, w, r, http.StatusCreated, func(r *http.Request, p auth.Principal, id int64, in documents.LinkInput) (any, error) {
		if in.FromID != 0 && in.FromID != id {
			return nil, problem.InvalidField("from_id", "error.invalid_choice")
		}
		in.FromID = id
		return h.app.Documents.Link(r.Context(), p, in)
	})
}

func (h *Handler) registerCopy(w http.ResponseWriter, r *http.Request) error {
	return docChange(h, w, r, http.StatusCreated, func(r *http.Request, p auth.Principal, id int64, in documents.CopyInput) (any, error) {
		return h.app.Documents.RegisterCopy(r.Context(), p, id, in)
	})
}

type returnInput struct {
	ReturnedOn date.Date `json:"returned_on"`
}

func (h *Handler) returnCopy(w http.ResponseWriter, r *http.Request) error {
	copyID, err := router.PathID(r, "copy")
	if err != nil {
		return err
	}
	return docChange(h, w, r, http.StatusOK, func(r *http.Request, p auth.Principal, id int64, in returnInput) (any, error) {
		return h.app.Documents.ReturnCopy(r.Context(), p, id, copyID, in.ReturnedOn)
	})
}

// docRead answers a read of document {id} for the viewer.
func (h *Handler) docRead(w http.ResponseWriter, r *http.Request, read func(v access.Viewer, id int64) (any, error)) error {
	v, id, err := h.docRequest(r)
	if err != nil {
		return err
	}
	out, err := read(v, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *Handler) documentFamily(w http.ResponseWriter, r *http.Request) error {
	var val problem.Validation
	asOf := val.Date("as_of", r.URL.Query().Get("as_of"))
	if err := val.Err(); err != nil {
		return err
	}
	return h.docRead(w, r, func(v access.Viewer, id int64) (any, error) {
		return h.app.Documents.Family(r.Context(), v, id, asOf)
	})
}

// docItems answers a read of the list read gives for document {id}, as the viewer sees it.
func docItems[T any](h *Handler, read func(context.Context, access.Viewer, int64) ([]T, error)) router.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		return h.docRead(w, r, func(v access.Viewer, id int64) (any, error) {
			xs, err := read(r.Context(), v, id)
			return items(xs), err
		})
	}
}

func (h *Handler) unlinkDocument(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	link, err := router.PathID(r, "link")
	if err != nil {
		return err
	}
	if err := h.app.Documents.Unlink(r.Context(), router.Principal(r), id, link); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (h *Handler) attachFile(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	name, data, err := h.app.Files.ReadUpload(w, r, "file")
	if err != nil {
		return err
	}
	f, err := h.app.Documents.Attach(r.Context(), router.Principal(r), id, name, data)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, f)
}

func (h *Handler) downloadFile(w http.ResponseWriter, r *http.Request) error {
	v, id, err := h.docRequest(r)
	if err != nil {
		return err
	}
	fileID, err := router.PathID(r, "file")
	if err != nil {
		return err
	}
	return h.app.Documents.ServeAttachment(w, r, v, id, fileID, router.Lang(r))
}

func (h *Handler) detachFile(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	fileID, err := router.PathID(r, "file")
	if err != nil {
		return err
	}
	if err := h.app.Documents.Detach(r.Context(), router.Principal(r), id, fileID); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
