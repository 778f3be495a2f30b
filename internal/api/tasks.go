package api

import (
	"context"
	"io"
	"net/http"
	"strings"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/dashboard"
	"plenum/internal/files"
	"plenum/internal/problem"
	"plenum/internal/router"
	"plenum/internal/tasks"
)

// taskRoutes are the routes of tasks, their dashboard queries and notifications.
func (h *Handler) taskRoutes(rt *router.Router) {
	rt.Handle("GET /api/v1/tasks", auth.TasksRead, h.listTasks)
	rt.Handle("POST /api/v1/tasks", auth.TasksWrite, h.createTasks)
	rt.Handle("GET /api/v1/tasks/export", auth.TasksRead, h.exportTasks)
	rt.Handle("GET /api/v1/tasks/template", auth.TasksRead, h.taskTemplate)
	rt.Handle("POST /api/v1/tasks/import", auth.TasksReport, h.importTasks)
	rt.Handle("GET /api/v1/tasks/counts/units", auth.TasksRead, countRoute(h, h.app.Tasks.CountByUnit))
	rt.Handle("GET /api/v1/tasks/counts/documents", auth.TasksRead, countRoute(h, h.app.Tasks.CountByDocument))
	rt.Handle("GET /api/v1/tasks/late", auth.TasksRead, countRoute(h, window(h.app.Tasks.Late)))
	rt.Handle("GET /api/v1/tasks/due-soon", auth.TasksRead, countRoute(h, window(h.app.Tasks.DueSoon)))
	rt.Handle("GET /api/v1/tasks/reminder-rules", auth.TasksRead, h.reminderRules)
	rt.Handle("GET /api/v1/dashboard", auth.DashboardRead, h.dashboard)
	rt.Handle("PUT /api/v1/tasks/reminder-rules/{kind}", auth.TasksWrite, h.setReminderRules)
	rt.Handle("GET /api/v1/tasks/{id}", auth.TasksRead, h.getTask)
	rt.Handle("PUT /api/v1/tasks/{id}", auth.TasksWrite, change(http.StatusOK, h.app.Tasks.Edit))
	rt.Handle("POST /api/v1/tasks/{id}/reports", auth.TasksReport, h.reportTask)
	rt.Handle("POST /api/v1/tasks/{id}/complete", auth.TasksReport, change(http.StatusOK, h.app.Tasks.Complete))
	rt.Handle("POST /api/v1/tasks/{id}/cancel", auth.TasksWrite, change(http.StatusOK, h.app.Tasks.Cancel))
	rt.Handle("POST /api/v1/tasks/{id}/extend", auth.TasksWrite, change(http.StatusOK, h.app.Tasks.Extend))
	rt.Handle("POST /api/v1/tasks/{id}/hand-on", auth.TasksReport, h.handOnTask)
	rt.Handle("GET /api/v1/tasks/{id}/files/{file}", auth.TasksRead, h.taskFile)
	rt.Handle("GET /api/v1/notifications", auth.SignedIn, h.listNotifications)
	rt.Handle("POST /api/v1/notifications/read", auth.SignedIn, h.readAllNotifications)
	rt.Handle("POST /api/v1/notifications/{id}/read", auth.SignedIn, h.readNotification)
}

func (h *Handler) listTasks(w http.ResponseWriter, r *http.Request) error {
	q, err := tasks.ParseListQuery(r.URL.Query())
	if err != nil {
		return err
	}
	if r.URL.Query().Get("mine") == "1" {
		q.PersonID = router.Principal(r).User.PersonID
		if q.PersonID == 0 {
			return writeJSON(w, http.StatusOK, tasks.Page{Items: []tasks.Item{}})
		}
	}
	v, err := h.viewer(r)
	if err != nil {
		return err
	}
	page, err := h.app.Tasks.List(r.Context(), v, q)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, page)
}

// createRequest is a task, or several alike when Titles is given.
type createRequest struct {
	tasks.Input
	Titles []string `json:"titles,omitempty"`
}

func (h *Handler) createTasks(w http.ResponseWriter, r *http.Request) error {
	var in createRequest
	if err := decode(w, r, &in); err != nil {
		return err
	}
	p := router.Principal(r)
	if len(in.Titles) > 0 {
		ts, err := h.app.Tasks.CreateMany(r.Context(), p, in.Input, in.Titles)
		if err != nil {
			return err
		}
		return writeJSON(w, http.StatusCreated, items(ts))
	}
	t, err := h.app.Tasks.Create(r.Context(), p, in.Input)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, t)
}

func (h *Handler) getTask(w http.ResponseWriter, r *http.Request) error {
	v, id, err := h.docRequest(r)
	if err != nil {
		return err
	}
	d, err := h.app.Tasks.Detail(r.Context(), v, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, d)
}

// reportTask takes a report as JSON, or as multipart/form-data with the
// fields of tasks.ReportInput and evidence files in "files".
func (h *Handler) reportTask(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	var in tasks.ReportInput
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		if in, err = h.readReportForm(w, r); err != nil {
			return err
		}
	} else if err := decode(w, r, &in); err != nil {
		return err
	}
	rep, err := h.app.Tasks.Report(r.Context(), router.Principal(r), id, in)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, rep)
}

// readReportForm reads a multipart report.
func (h *Handler) readReportForm(w http.ResponseWriter, r *http.Request) (tasks.ReportInput, error) {
	r.Body = http.MaxBytesReader(w, r.Body, h.app.Files.MaxSize()*4+1<<20)
	if err := r.ParseMultipartForm(32 << 20); err != nil {
		return tasks.ReportInput{}, problem.Wrap(problem.BadRequest, err, "api.bad_form")
	}
	in, err := tasks.ParseReportForm(r.MultipartForm.Value)
	if err != nil {
		return in, err
	}
	for _, fh := range r.MultipartForm.File["files"] {
		f, err := fh.Open()
		if err != nil {
			return in, err
		}
		data, err := io.ReadAll(io.LimitReader(f, h.app.Files.MaxSize()+1))
		f.Close()
		if err != nil {
			return in, err
		}
		in.Files = append(in.Files, tasks.Evidence{Name: fh.Filename, Data: data})
	}
	return in, nil
}

func (h *Handler) handOnTask(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	var in struct {
		Parts []tasks.Part `json:"parts"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	ts, err := h.app.Tasks.HandOn(r.Context(), router.Principal(r), id, in.Parts)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, items(ts))
}

func (h *Handler) taskFile(w http.ResponseWriter, r *http.Request) error {
	v, id, err := h.docRequest(r)
	if err != nil {
		return err
	}
	fileID, err := router.PathID(r, "file")
	if err != nil {
		return err
	}
	f, data, err := h.app.Tasks.EvidenceFile(r.Context(), v, id, fileID)
	if err != nil {
		return err
	}
	files.Serve(w, f, data, router.Lang(r))
	return nil
}

// countRoute answers a dashboard query: fn reads the counts or the list
// the query selects, as the viewer may see them.
func countRoute[T any](h *Handler, fn func(context.Context, access.Viewer, tasks.CountQuery) ([]T, error)) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		q, err := tasks.ParseCountQuery(r.URL.Query())
		if err != nil {
			return err
		}
		v, err := h.viewer(r)
		if err != nil {
			return err
		}
		xs, err := fn(r.Context(), v, q)
		if err != nil {
			return err
		}
		return writeJSON(w, http.StatusOK, items(xs))
	}
}

// window adapts Late and DueSoon to countRoute, at most a page of each.
func window(fn func(context.Context, access.Viewer, tasks.CountQuery, int) ([]tasks.Item, error)) func(context.Context, access.Viewer, tasks.CountQuery) ([]tasks.Item, error) {
	return func(ctx context.Context, v access.Viewer, q tasks.CountQuery) ([]tasks.Item, error) {
		return fn(ctx, v, q, tasks.MaxLimit)
	}
}

// dashboard answers the leaders' dashboard: the same figures as the page.
func (h *Handler) dashboard(w http.ResponseWriter, r *http.Request) error {
	q, err := dashboard.ParseQuery(r.URL.Query())
	if err != nil {
		return err
	}
	v, err := h.viewer(r)
	if err != nil {
		return err
	}
	d, err := h.app.Dashboard.Build(r.Context(), v, q)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, d)
}

func (h *Handler) reminderRules(w http.ResponseWriter, r *http.Request) error {
	rules, err := h.app.Tasks.Rules(r.Context())
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, rules)
}

func (h *Handler) setReminderRules(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		Offsets []int `json:"offsets"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if err := h.app.Tasks.SetRules(r.Context(), tasks.Kind(r.PathValue("kind")), in.Offsets); err != nil {
		return err
	}
	return h.reminderRules(w, r)
}

func (h *Handler) listNotifications(w http.ResponseWriter, r *http.Request) error {
	v, err := h.viewer(r)
	if err != nil {
		return err
	}
	ns, err := h.app.Notify.List(r.Context(), v, r.URL.Query().Get("unread") == "1", 50, 0)
	if err != nil {
		return err
	}
	unread, err := h.app.Notify.Unread(r.Context(), v)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, struct {
		Items  any `json:"items"`
		Unread int `json:"unread"`
	}{ns, unread})
}

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
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (h *Handler) readAllNotifications(w http.ResponseWriter, r *http.Request) error {
	v, err := h.viewer(r)
	if err != nil {
		return err
	}
	if err := h.app.Notify.MarkRead(r.Context(), v, 0); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
