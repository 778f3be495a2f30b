package web

import (
	"net/http"

	"plenum/internal/auth"
	"plenum/internal/router"
)

func (h *Handler) notifications(w http.ResponseWriter, r *http.Request) error {
	v, err := h.app.Access.Viewer(r.Context(), router.Principal(r))
	if err != nil {
		return err
	}
	ns, err := h.app.Notify.List(r.Context(), v, false, 100, 0)
	if err != nil {
		return err
	}
	page := &Page{Title: router.LangT(r, "tasks.notifications.title"), Data: ns}
	for _, n := range ns {
		page.Class = max(page.Class, auth.Clearance(n.Class)) // a reminder names its task
	}
	consumeFlash(w, r)
	return h.render(w, r, http.StatusOK, "notifications", page)
}

// readNotification marks one read and follows its link.
func (h *Handler) readNotification(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	v, err := h.viewer(r)
	if err != nil {
		return err
	}
	if err := h.app.Notify.MarkRead(r.Context(), v, id); err != nil {
		return err
	}
	ns, err := h.app.Notify.List(r.Context(), v, false, 100, 0)
	if err != nil {
		return err
	}
	to := "/notifications"
	for _, n := range ns {
		if n.ID == id && n.URL != "" {
			to = n.URL
		}
	}
	return redirect(w, r, to, "")
}

func (h *Handler) readAllNotifications(w http.ResponseWriter, r *http.Request) error {
	v, err := h.viewer(r)
	if err != nil {
		return err
	}
	if err := h.app.Notify.MarkRead(r.Context(), v, 0); err != nil {
		return err
	}
	return redirect(w, r, "/notifications", "tasks.notifications.all_read")
}
