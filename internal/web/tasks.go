package web

import (
	"net/http"
	"strconv"
	"strings"

	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/files"
	"plenum/internal/router"
	"plenum/internal/tasks"
)

// taskListData is a unit's inbox or "my tasks".
type taskListData struct {
	Mine     bool
	UnitID   int64
	UnitName string
	Query    tasks.ListQuery
	Page     tasks.Page
	Statuses []tasks.Status
	Prev     int
	Next     int
}

// maxClass is the highest class among list items: the page is marked with it.
func maxClass(items []tasks.Item) auth.Clearance {
	c := 0
	for _, it := range items {
		c = max(c, it.Class)
	}
	return auth.Clearance(c)
}

// taskInbox lists a unit's tasks: the unit in ?unit_id=, else the user's.
func (h *Handler) taskInbox(w http.ResponseWriter, r *http.Request) error {
	return h.taskList(w, r, false)
}

// myTasks lists the deadlines the user's person is responsible for.
func (h *Handler) myTasks(w http.ResponseWriter, r *http.Request) error {
	return h.taskList(w, r, true)
}

func (h *Handler) taskList(w http.ResponseWriter, r *http.Request, mine bool) error {
	q, err := tasks.ParseListQuery(r.URL.Query())
	if err != nil {
		return err
	}
	p := router.Principal(r)
	data := taskListData{Mine: mine, Statuses: tasks.Statuses}
	title := router.LangT(r, "tasks.title.mine")
	if mine {
		q.PersonID = p.User.PersonID
	} else {
		// The user's unit unless the link asks for another or for all
		// ("unit_id=", as the dashboard's figures do).
		if q.UnitID == 0 && !r.URL.Query().Has("unit_id") {
			q.UnitID = p.User.UnitID
		}
		data.UnitID, data.UnitName = q.UnitID, h.unitName(r, q.UnitID)
		title = router.LangT(r, "tasks.title.inbox")
		if data.UnitName != "" {
			title += ": " + data.UnitName
		}
	}
	data.Query = q
	if !mine || q.PersonID != 0 {
		v, err := h.app.Access.Viewer(r.Context(), p)
		if err != nil {
			return err
		}
		if data.Page, err = h.app.Tasks.List(r.Context(), v, q); err != nil {
			return err
		}
	}
	data.Prev, data.Next = -1, -1
	if q.Offset > 0 {
		data.Prev = max(q.Offset-data.Page.Limit, 0)
	}
	if q.Offset+len(data.Page.Items) < data.Page.Total {
		data.Next = q.Offset + len(data.Page.Items)
	}
	consumeFlash(w, r)
	return h.render(w, r, http.StatusOK, "tasks", &Page{Title: title, Data: data, Class: maxClass(data.Page.Items),
		Form: &Form{Values: r.URL.Query()}})
}

// taskData is what the task page shows.
type taskData struct {
	tasks.Detail
	Current tasks.Occurrence
	Today   string
}

func (h *Handler) taskPage(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	return h.showTask(w, r, http.StatusOK, id, nil)
}

// showTask renders a task's page, with the form f shown again if set.
func (h *Handler) showTask(w http.ResponseWriter, r *http.Request, status int, id int64, f *Form) error {
	ctx := r.Context()
	v, err := h.app.Access.Viewer(ctx, router.Principal(r))
	if err != nil {
		return err
	}
	d, err := h.app.Tasks.Detail(ctx, v, id)
	if err != nil {
		return err
	}
	consumeFlash(w, r)
	return h.render(w, r, status, "task", &Page{Title: d.Title, Data: taskData{Detail: d, Current: d.Current(), Today: h.app.Tasks.Today().String()},
		Class: auth.Clearance(d.Class), Form: f})
}

func (h *Handler) taskFile(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	fileID, err := router.PathID(r, "file")
	if err != nil {
		return err
	}
	v, err := h.app.Access.Viewer(r.Context(), router.Principal(r))
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

func taskURL(id int64) string { return "/tasks/" + strconv.FormatInt(id, 10) }

// TaskEvent words the detail of a line of a task's history, which the
// store keeps in a form that does not depend on the language: a
// completion's "done_late 2026-03-16 note" reads "Hoàn thành quá hạn,
// 16/03/2026: note", a moved deadline's "2026-03-31 2026-05-15 reason"
// "31/03/2026 → 15/05/2026: reason", a reclassification's "0 → 1"
// "Thường → Mật".
func (p *Page) TaskEvent(e tasks.Event) string {
	// Completions and moves store two words, then the note or reason.
	f := append(strings.SplitN(e.Detail, " ", 3), "", "")
	withNote := func(s string) string {
		if note := strings.TrimSpace(f[2]); note != "" {
			s += ": " + note
		}
		return s
	}
	switch e.Action {
	case "complete": // "done_late 2026-03-16 note"
		if d, err := date.Parse(f[1]); err == nil {
			return withNote(p.T("tasks.status."+f[0]) + ", " + p.Date(d))
		}
	case "extend": // "2026-03-31 2026-05-15 reason"
		from, errFrom := date.Parse(f[0])
		if to, errTo := date.Parse(f[1]); errFrom == nil && errTo == nil {
			return withNote(p.Date(from) + " → " + p.Date(to))
		}
	case "reclassify": // "0 → 1"
		from, to, ok := strings.Cut(e.Detail, " → ")
		a, errA := strconv.Atoi(from)
		b, errB := strconv.Atoi(to)
		if ok && errA == nil && errB == nil {
			return p.ClassName(auth.Clearance(a)) + " → " + p.ClassName(auth.Clearance(b))
		}
	}
	return e.Detail
}
