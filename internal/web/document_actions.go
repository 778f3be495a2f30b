package web

import (
	"net/http"
	"strconv"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/documents"
	"plenum/internal/problem"
	"plenum/internal/router"
)

// documentAction handles a form posted from the document page: it reads the
// form, applies the change, and goes back to the page with a message, or
// shows the page again with the form's problems.
func (h *Handler) documentAction(w http.ResponseWriter, r *http.Request, flash string,
	apply func(p auth.Principal, id int64, v *problem.Validation) error) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	if r.PostForm == nil {
		if err := parseForm(w, r); err != nil {
			return err
		}
	}
	var v problem.Validation
	err = apply(router.Principal(r), id, &v)
	if err == nil {
		err = v.Err()
	}
	if err != nil {
		return h.formRetry(w, r, err, func(f *Form) error {
			return h.documentPage(w, r, http.StatusUnprocessableEntity, f)
		})
	}
	return redirect(w, r, "/documents/"+strconv.FormatInt(id, 10), flash)
}

func (h *Handler) issueDocument(w http.ResponseWriter, r *http.Request) error {
	return h.documentAction(w, r, "documents.issued", func(p auth.Principal, id int64, v *problem.Validation) error {
		in := documents.IssueInput{IssuedOn: parseDateField(v, "issued_on", r.PostForm.Get("issued_on")),
			EffectiveFrom: parseDateField(v, "effective_from", r.PostForm.Get("effective_from")), Place: r.PostForm.Get("place")}
		if err := v.Err(); err != nil {
			return err
		}
		_, err := h.app.Documents.Issue(r.Context(), p, id, in)
		return err
	})
}

func (h *Handler) documentStatus(w http.ResponseWriter, r *http.Request) error {
	return h.documentAction(w, r, "documents.saved", func(p auth.Principal, id int64, v *problem.Validation) error {
		in := documents.StatusInput{Status: documents.Status(r.PostForm.Get("status")), On: parseDateField(v, "on", r.PostForm.Get("on")),
			Note: r.PostForm.Get("note")}
		if err := v.Err(); err != nil {
			return err
		}
		_, err := h.app.Documents.ChangeStatus(r.Context(), p, id, in)
		return err
	})
}

func (h *Handler) classifyDocument(w http.ResponseWriter, r *http.Request) error {
	return h.documentAction(w, r, "documents.classified", func(p auth.Principal, id int64, v *problem.Validation) error {
		c, ok := auth.ParseClearance(r.PostForm.Get("class"))
		v.Check(ok, "class", "error.invalid_choice")
		in := documents.ClassifyInput{Class: c, Reason: r.PostForm.Get("reason"),
			ProtectUntil: parseDateField(v, "protect_until", r.PostForm.Get("protect_until")),
			DeclassifyOn: parseDateField(v, "declassify_on", r.PostForm.Get("declassify_on"))}
		if err := v.Err(); err != nil {
			return err
		}
		_, err := h.app.Documents.Classify(r.Context(), p, id, in)
		return err
	})
}

func (h *Handler) publishDocument(w http.ResponseWriter, r *http.Request) error {
	return h.documentAction(w, r, "documents.saved", func(p auth.Principal, id int64, v *problem.Validation) error {
		_, err := h.app.Documents.Publish(r.Context(), p, id, r.PostForm.Get("published") == "true")
		return err
	})
}

func (h *Handler) linkDocument(w http.ResponseWriter, r *http.Request) error {
	return h.documentAction(w, r, "documents.linked", func(p auth.Principal, id int64, v *problem.Validation) error {
		to := parseIDField(v, "to_id", r.PostForm.Get("to_id"))
		if err := v.Err(); err != nil {
			return err
		}
		_, err := h.app.Documents.Link(r.Context(), p, documents.LinkInput{FromID: id, ToID: to,
			Kind: documents.LinkKind(r.PostForm.Get("kind")), Note: r.PostForm.Get("note")})
		return err
	})
}

func (h *Handler) unlinkDocument(w http.ResponseWriter, r *http.Request) error {
	link, err := router.PathID(r, "link")
	if err != nil {
		return err
	}
	return h.documentAction(w, r, "documents.unlinked", func(p auth.Principal, id int64, v *problem.Validation) error {
		return h.app.Documents.Unlink(r.Context(), p, id, link)
	})
}

func (h *Handler) registerCopy(w http.ResponseWriter, r *http.Request) error {
	return h.documentAction(w, r, "documents.copy_registered", func(p auth.Principal, id int64, v *problem.Validation) error {
		in := documents.CopyInput{Recipient: r.PostForm.Get("recipient"), UnitID: parseIDField(v, "unit_id", r.PostForm.Get("unit_id")),
			HandedOn: parseDateField(v, "handed_on", r.PostForm.Get("handed_on")), Note: r.PostForm.Get("note")}
		if err := v.Err(); err != nil {
			return err
		}
		_, err := h.app.Documents.RegisterCopy(r.Context(), p, id, in)
		return err
	})
}

func (h *Handler) returnCopy(w http.ResponseWriter, r *http.Request) error {
	copyID, err := router.PathID(r, "copy")
	if err != nil {
		return err
	}
	return h.documentAction(w, r, "documents.copy_return_recorded", func(p auth.Principal, id int64, v *problem.Validation) error {
		on := parseDateField(v, "returned_on", r.PostForm.Get("returned_on"))
		if err := v.Err(); err != nil {
			return err
		}
		_, err := h.app.Documents.ReturnCopy(r.Context(), p, id, copyID, on)
		return err
	})
}

func (h *Handler) attachDocumentFile(w http.ResponseWriter, r *http.Request) error {
	name, data, readErr := h.app.Files.ReadUpload(w, r, "file")
	return h.documentAction(w, r, "documents.attached", func(p auth.Principal, id int64, v *problem.Validation) error {
		if readErr != nil {
			return readErr
		}
		_, err := h.app.Documents.Attach(r.Context(), p, id, name, data)
		return err
	})
}

func (h *Handler) detachDocumentFile(w http.ResponseWriter, r *http.Request) error {
	fileID, err := router.PathID(r, "file")
	if err != nil {
		return err
	}
	return h.documentAction(w, r, "documents.detached", func(p auth.Principal, id int64, v *problem.Validation) error {
		return h.app.Documents.Detach(r.Context(), p, id, fileID)
	})
}

func (h *Handler) setDocumentGrants(w http.ResponseWriter, r *http.Request) error {
	return h.documentAction(w, r, "documents.grants_saved", func(p auth.Principal, id int64, v *problem.Validation) error {
		var gs []access.Grant
		for _, role := range r.PostForm["role"] {
			gs = append(gs, access.Grant{Role: auth.Role(role)})
		}
		for _, s := range r.PostForm["unit_id"] {
			if id := parseIDField(v, "unit_id", s); id != 0 {
				gs = append(gs, access.Grant{UnitID: id})
			}
		}
		for _, s := range r.PostForm["user_id"] {
			if id := parseIDField(v, "user_id", s); id != 0 {
				gs = append(gs, access.Grant{UserID: id})
			}
		}
		if err := v.Err(); err != nil {
			return err
		}
		return h.app.Documents.SetGrants(r.Context(), p, id, gs)
	})
}
