package web

import (
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/problem"
	"plenum/internal/router"
	"plenum/internal/tasks"
)

// taskFormData is the create form: alone or from a source.
type taskFormData struct {
	Source      *tasks.Source
	Kinds       []tasks.Kind
	Priorities  []tasks.Priority
	Recurrences []tasks.Recurrence
}

func (h *Handler) taskForm(w http.ResponseWriter, r *http.Request, status int, f *Form) error {
	if f == nil {
		f = &Form{Values: r.URL.Query()}
		if f.Values.Get("start_on") == "" {
			f.Values.Set("start_on", h.app.Tasks.Today().String())
		}
	}
	data := taskFormData{Kinds: tasks.Kinds, Priorities: tasks.Priorities, Recurrences: tasks.Recurrences}
	class := auth.Clearance(0)
	if k, id := tasks.SourceKind(f.Values.Get("source_kind")), f.Values.Get("source_id"); k != "" && id != "" {
		n, _ := strconv.ParseInt(id, 10, 64)
		v, err := h.app.Access.Viewer(r.Context(), router.Principal(r))
		if err != nil {
			return err
		}
		if src, err := h.app.Tasks.LookupSource(r.Context(), v, k, n); err == nil {
			data.Source = &src
			class = auth.Clearance(src.Class)
		}
	}
	return h.render(w, r, status, "task_form", &Page{Title: router.LangT(r, "tasks.new"), Form: f, Data: data, Class: class})
}

func (h *Handler) newTaskForm(w http.ResponseWriter, r *http.Request) error {
	return h.taskForm(w, r, http.StatusOK, nil)
}

// createTask creates one task, or one per line of "titles".
func (h *Handler) createTask(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := r.PostForm
	var v problem.Validation
	start := parseDateField(&v, "start_on", f.Get("start_on"))
	in := tasks.Input{Kind: tasks.Kind(f.Get("kind")), SourceKind: tasks.SourceKind(f.Get("source_kind")),
		Title: f.Get("title"), Content: f.Get("content"), Product: f.Get("product"), Priority: tasks.Priority(f.Get("priority")),
		StartOn: start, DueOn: parseDateField(&v, "due_on", f.Get("due_on")), Recurrence: tasks.Recurrence(f.Get("recurrence")),
		RecurUntil: parseDateField(&v, "recur_until", f.Get("recur_until"))}
	in.SourceID, _ = strconv.ParseInt(f.Get("source_id"), 10, 64)
	in.DueDay = formInt(&v, r, "due_day")
	in.Class = formInt(&v, r, "class")
	in.ResponsiblePersonID = int64(formInt(&v, r, "responsible_person_id"))
	day := start
	if day.IsZero() {
		day = h.today()
	}
	in.LeadUnitID = h.resolveUnit(r.Context(), &v, "lead_unit_id", f.Get("lead_unit_id"), day, true)
	in.CoordinatorIDs = h.unitLines(r, &v, "coordinating_unit_ids", day)
	retry := func(err error) error {
		return h.formRetry(w, r, err, func(f *Form) error { return h.taskForm(w, r, http.StatusUnprocessableEntity, f) })
	}
	if err := v.Err(); err != nil {
		return retry(err)
	}
	p := router.Principal(r)
	if titles := tasks.Lines(f.Get("titles")); len(titles) > 0 {
		ts, err := h.app.Tasks.CreateMany(r.Context(), p, in, titles)
		if err != nil {
			return retry(err)
		}
		return redirect(w, r, "/tasks?unit_id="+strconv.FormatInt(ts[0].LeadUnit.ID, 10), "tasks.created_many")
	}
	t, err := h.app.Tasks.Create(r.Context(), p, in)
	if err != nil {
		return retry(err)
	}
	return redirect(w, r, taskURL(t.ID), "tasks.created")
}

// taskEditData is the edit form of a task.
type taskEditData struct {
	Task       tasks.Task
	Priorities []tasks.Priority
}

func (h *Handler) editTaskForm(w http.ResponseWriter, r *http.Request) error {
	return h.showTaskEdit(w, r, http.StatusOK, nil)
}

// showTaskEdit shows the edit form, filled with the task unless f is given.
func (h *Handler) showTaskEdit(w http.ResponseWriter, r *http.Request, status int, f *Form) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	v, err := h.app.Access.Viewer(r.Context(), router.Principal(r))
	if err != nil {
		return err
	}
	t, err := h.app.Tasks.Get(r.Context(), v, id)
	if err != nil {
		return err
	}
	if f == nil {
		var coords []string
		for _, c := range t.Coordinators {
			coords = append(coords, c.Name)
		}
		f = &Form{Values: url.Values{"title": {t.Title}, "content": {t.Content}, "product": {t.Product},
			"priority": {string(t.Priority)}, "coordinating_unit_ids": {strings.Join(coords, "\n")},
			"responsible_person_id": {idString(t.ResponsiblePersonID)}}}
	}
	consumeFlash(w, r)
	return h.render(w, r, status, "task_edit", &Page{Title: router.LangT(r, "tasks.edit"), Form: f,
		Data: taskEditData{Task: t, Priorities: tasks.Priorities}, Class: auth.Clearance(t.Class)})
}

// editTask saves the edit form.
func (h *Handler) editTask(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := r.PostForm
	var v problem.Validation
	in := tasks.EditInput{Title: f.Get("title"), Content: f.Get("content"), Product: f.Get("product"),
		Priority: tasks.Priority(f.Get("priority")), ResponsiblePersonID: int64(formInt(&v, r, "responsible_person_id"))}
	in.CoordinatorIDs = h.unitLines(r, &v, "coordinating_unit_ids", h.today())
	err = v.Err()
	if err == nil {
		_, err = h.app.Tasks.Edit(r.Context(), router.Principal(r), id, in)
	}
	if pe, ok := problem.As(err); ok {
		for i := range pe.Fields { // one box holds every coordinator
			if strings.HasPrefix(pe.Fields[i].Name, "coordinating_unit_ids[") {
				pe.Fields[i].Name = "coordinating_unit_ids"
			}
		}
	}
	if err != nil {
		return h.formRetry(w, r, err, func(f *Form) error { return h.showTaskEdit(w, r, http.StatusUnprocessableEntity, f) })
	}
	return redirect(w, r, taskURL(id), "tasks.edited")
}

// unitLines resolves the units a form's field names one a line, as they
// were on day.
func (h *Handler) unitLines(r *http.Request, v *problem.Validation, field string, day date.Date) []int64 {
	var ids []int64
	for _, line := range strings.Split(r.PostForm.Get(field), "\n") {
		if strings.TrimSpace(line) != "" {
			ids = append(ids, h.resolveUnit(r.Context(), v, field, line, day, true))
		}
	}
	return ids
}

// reportTask takes a progress report with evidence files (multipart).
func (h *Handler) reportTask(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, h.app.Files.MaxSize()*4+1<<20)
	if err := r.ParseMultipartForm(32 << 20); err != nil {
		return problem.Wrap(problem.BadRequest, err, "error.bad_request", "form")
	}
	r.PostForm = r.MultipartForm.Value
	retry := func(err error) error {
		return h.formRetry(w, r, err, func(f *Form) error { return h.showTask(w, r, http.StatusUnprocessableEntity, id, f) })
	}
	in, err := tasks.ParseReportForm(r.MultipartForm.Value)
	if err != nil {
		return retry(err)
	}
	for _, fh := range r.MultipartForm.File["files"] {
		f, err := fh.Open()
		if err != nil {
			return err
		}
		data, err := io.ReadAll(io.LimitReader(f, h.app.Files.MaxSize()+1))
		f.Close()
		if err != nil {
			return err
		}
		in.Files = append(in.Files, tasks.Evidence{Name: fh.Filename, Data: data})
	}
	if _, err := h.app.Tasks.Report(r.Context(), router.Principal(r), id, in); err != nil {
		return retry(err)
	}
	return redirect(w, r, taskURL(id), "tasks.reported")
}

func (h *Handler) completeTask(w http.ResponseWriter, r *http.Request) error {
	return h.taskAction(w, r, "tasks.completed", func(id int64, v *problem.Validation) error {
		occ, _ := strconv.ParseInt(r.PostForm.Get("occurrence_id"), 10, 64)
		in := tasks.CompleteInput{OccurrenceID: occ, DoneOn: parseDateField(v, "done_on", r.PostForm.Get("done_on")), Note: r.PostForm.Get("note")}
		if err := v.Err(); err != nil {
			return err
		}
		_, err := h.app.Tasks.Complete(r.Context(), router.Principal(r), id, in)
		return err
	})
}

func (h *Handler) cancelTask(w http.ResponseWriter, r *http.Request) error {
	return h.taskAction(w, r, "tasks.cancelled", func(id int64, v *problem.Validation) error {
		occ, _ := strconv.ParseInt(r.PostForm.Get("occurrence_id"), 10, 64)
		_, err := h.app.Tasks.Cancel(r.Context(), router.Principal(r), id, tasks.CancelInput{OccurrenceID: occ, Reason: r.PostForm.Get("reason")})
		return err
	})
}

// extendTask moves the deadline shown. Its fields have names of their own
// on the page, which has other dates and reasons.
func (h *Handler) extendTask(w http.ResponseWriter, r *http.Request) error {
	return h.taskAction(w, r, "tasks.extended", func(id int64, v *problem.Validation) error {
		occ, _ := strconv.ParseInt(r.PostForm.Get("occurrence_id"), 10, 64)
		in := tasks.ExtendInput{OccurrenceID: occ, DueOn: parseDateField(v, "new_due", r.PostForm.Get("new_due")),
			Reason: r.PostForm.Get("extend_reason")}
		if err := v.Err(); err != nil {
			return err
		}
		_, err := h.app.Tasks.Extend(r.Context(), router.Principal(r), id, in)
		if pe, ok := problem.As(err); ok {
			for i, f := range pe.Fields {
				switch f.Name {
				case "due_on":
					pe.Fields[i].Name = "new_due"
				case "reason":
					pe.Fields[i].Name = "extend_reason"
				}
			}
		}
		return err
	})
}

// handOnTask hands a task on to the lower units named one a line.
func (h *Handler) handOnTask(w http.ResponseWriter, r *http.Request) error {
	return h.taskAction(w, r, "tasks.handed_on", func(id int64, v *problem.Validation) error {
		due := parseDateField(v, "due_on", r.PostForm.Get("due_on"))
		var parts []tasks.Part
		for _, u := range h.unitLines(r, v, "units", h.today()) {
			parts = append(parts, tasks.Part{LeadUnitID: u, DueOn: due})
		}
		if len(parts) == 0 {
			v.Add("units", "error.required")
		}
		if err := v.Err(); err != nil {
			return err
		}
		_, err := h.app.Tasks.HandOn(r.Context(), router.Principal(r), id, parts)
		if pe, ok := problem.As(err); ok {
			for i := range pe.Fields {
				if strings.HasSuffix(pe.Fields[i].Name, "lead_unit_id") {
					pe.Fields[i].Name = "units"
				} else if strings.HasSuffix(pe.Fields[i].Name, "due_on") {
					pe.Fields[i].Name = "due_on"
				}
			}
		}
		return err
	})
}

// taskAction runs a form action on the task of the path and returns to
// its page, or shows the page again with the form's problems.
func (h *Handler) taskAction(w http.ResponseWriter, r *http.Request, flash string, fn func(id int64, v *problem.Validation) error) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	var v problem.Validation
	if err := fn(id, &v); err != nil {
		return h.formRetry(w, r, err, func(f *Form) error { return h.showTask(w, r, http.StatusUnprocessableEntity, id, f) })
	}
	return redirect(w, r, taskURL(id), flash)
}

// reminderRulesData is the settings page of reminders.
type reminderRulesData struct {
	Kinds []tasks.Kind
	Rules map[tasks.Kind][]int
}

func (h *Handler) reminderRules(w http.ResponseWriter, r *http.Request) error {
	return h.showRules(w, r, http.StatusOK, nil)
}

func (h *Handler) showRules(w http.ResponseWriter, r *http.Request, status int, f *Form) error {
	rules, err := h.app.Tasks.Rules(r.Context())
	if err != nil {
		return err
	}
	consumeFlash(w, r)
	return h.render(w, r, status, "reminder_rules", &Page{Title: router.LangT(r, "tasks.reminders.title"), Form: f,
		Data: reminderRulesData{Kinds: tasks.Kinds, Rules: rules}})
}

func (h *Handler) saveReminderRules(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	kind := tasks.Kind(r.PostForm.Get("kind"))
	offsets, err := tasks.ParseOffsets(r.PostForm.Get("offsets"))
	if err == nil {
		err = h.app.Tasks.SetRules(r.Context(), kind, offsets)
	}
	if err != nil {
		return h.formRetry(w, r, err, func(f *Form) error { return h.showRules(w, r, http.StatusUnprocessableEntity, f) })
	}
	return redirect(w, r, "/tasks/reminders", "tasks.reminders.saved")
}

// offsetsText writes offsets as the settings form reads them.
func offsetsText(xs []int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.Itoa(x)
	}
	return strings.Join(parts, ", ")
}
