package web

import (
	"net/http"
	"strconv"
	"strings"

	"plenum/internal/org"
	"plenum/internal/problem"
	"plenum/internal/router"
)

type unitFormData struct {
	Unit   org.Unit // the unit changed; zero when creating
	Kinds  []org.Kind
	Levels []org.Level
}

// unitForm shows the form for operation op ("new", "rename", "move",
// "dissolve", "merge", "split") again or for the first time.
func (h *Handler) unitForm(w http.ResponseWriter, r *http.Request, status int, op string, u org.Unit, f *Form) error {
	if f == nil {
		f = &Form{Values: r.URL.Query()}
	}
	f.Values.Set("op", op)
	title := router.LangT(r, "org.op."+op)
	if u.ID != 0 {
		title += ": " + u.Name
	}
	return h.render(w, r, status, "unit_form", &Page{Title: title, Form: f,
		Data: unitFormData{Unit: u, Kinds: org.Kinds(), Levels: org.Levels()}})
}

// readAct reads the effective date, basis and note every operation carries.
func readAct(v *problem.Validation, r *http.Request) org.Act {
	return org.Act{
		Effective: parseDateField(v, "effective", r.PostForm.Get("effective")),
		Basis:     r.PostForm.Get("basis"),
		Note:      r.PostForm.Get("note"),
	}
}

func (h *Handler) newUnitForm(w http.ResponseWriter, r *http.Request) error {
	return h.unitForm(w, r, http.StatusOK, "new", org.Unit{}, nil)
}

// unitOp loads the unit of the path and shows the form of an operation on it.
func (h *Handler) unitOpForm(op string) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := router.PathID(r, "id")
		if err != nil {
			return err
		}
		u, err := h.app.Org.Get(r.Context(), id, h.today())
		if err != nil {
			return err
		}
		return h.unitForm(w, r, http.StatusOK, op, u, nil)
	}
}

// saveUnitOp runs an operation from its form and goes to the unit's page,
// or shows the form again with what is wrong.
func (h *Handler) saveUnitOp(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	op := r.PathValue("op")
	onUnit := r.PathValue("id") != ""
	if onUnit != (op == "rename" || op == "move" || op == "dissolve" || op == "split") || (!onUnit && op != "new" && op != "merge") {
		return problem.ErrNotFound
	}
	var u org.Unit
	if onUnit {
		id, err := router.PathID(r, "id")
		if err != nil {
			return err
		}
		if u, err = h.app.Org.Get(r.Context(), id, h.today()); err != nil {
			return err
		}
	}
	ctx := r.Context()
	var v problem.Validation
	act := readAct(&v, r)
	on := act.Effective
	if on.IsZero() {
		on = h.today()
	}
	var (
		result org.Unit
		err    error
	)
	switch op {
	case "new":
		parent := h.resolveUnit(ctx, &v, "parent_id", r.PostForm.Get("parent_id"), on, false)
		if err = v.Err(); err == nil {
			result, err = h.app.Org.Create(ctx, org.CreateInput{Act: act, NewUnit: readNewUnit(r, "", parent)})
		}
	case "rename":
		if err = v.Err(); err == nil {
			result, err = h.app.Org.Rename(ctx, org.RenameInput{UnitID: u.ID, Name: r.PostForm.Get("name"), ShortName: r.PostForm.Get("short_name"), Act: act})
		}
	case "move":
		parent := h.resolveUnit(ctx, &v, "parent_id", r.PostForm.Get("parent_id"), on, true)
		if err = v.Err(); err == nil {
			result, err = h.app.Org.Move(ctx, org.MoveInput{UnitID: u.ID, ParentID: parent, Act: act})
		}
	case "dissolve":
		if err = v.Err(); err == nil {
			result, err = h.app.Org.Dissolve(ctx, org.DissolveInput{UnitID: u.ID, Act: act})
		}
	case "merge":
		in := org.MergeInput{Act: act, AdoptChildren: r.PostForm.Get("adopt_children") != ""}
		for _, s := range r.PostForm["source"] {
			if s != "" {
				in.SourceIDs = append(in.SourceIDs, h.resolveUnit(ctx, &v, "source_ids", s, on.AddDays(-1), true))
			}
		}
		if r.PostForm.Get("target_kind") == "new" {
			parent := h.resolveUnit(ctx, &v, "new_target.parent_id", r.PostForm.Get("new_parent_id"), on, false)
			n := readNewUnit(r, "new_", parent)
			in.NewTarget = &n
		} else {
			in.TargetID = h.resolveUnit(ctx, &v, "target_id", r.PostForm.Get("target_id"), on, true)
		}
		if err = v.Err(); err == nil {
			result, err = h.app.Org.Merge(ctx, in)
		}
	case "split":
		in := org.SplitInput{SourceID: u.ID, SourceContinues: r.PostForm.Get("source_continues") != "", Act: act}
		for i := range 4 {
			p := "part" + strconv.Itoa(i) + "_"
			switch {
			case r.PostForm.Get(p+"unit_id") != "":
				id := h.resolveUnit(ctx, &v, "into", r.PostForm.Get(p+"unit_id"), on, true)
				in.Into = append(in.Into, org.SplitPart{UnitID: id})
			case r.PostForm.Get(p+"name") != "":
				parent := h.resolveUnit(ctx, &v, "into", r.PostForm.Get(p+"parent_id"), on, false)
				n := readNewUnit(r, p, parent)
				in.Into = append(in.Into, org.SplitPart{New: &n})
			}
		}
		if err = v.Err(); err == nil {
			_, err = h.app.Org.Split(ctx, in)
		}
	}
	if err != nil {
		return h.formRetry(w, r, err, func(f *Form) error { return h.unitForm(w, r, http.StatusUnprocessableEntity, op, u, f) })
	}
	to := result.ID
	if to == 0 {
		to = u.ID
	}
	return redirect(w, r, "/org/units/"+strconv.FormatInt(to, 10)+"?as_of="+act.Effective.String(), "org.saved")
}

// readNewUnit reads the fields of a unit to create, named with prefix.
func readNewUnit(r *http.Request, prefix string, parent int64) org.NewUnit {
	return org.NewUnit{
		Kind:      org.Kind(r.PostForm.Get(prefix + "kind")),
		Level:     org.Level(r.PostForm.Get(prefix + "level")),
		Code:      r.PostForm.Get(prefix + "code"),
		Name:      r.PostForm.Get(prefix + "name"),
		ShortName: r.PostForm.Get(prefix + "short_name"),
		ParentID:  parent,
	}
}

type orgNodeData struct {
	Page  *Page
	Node  *org.Node
	Depth int
}

type unitFieldset struct {
	Page   *Page
	Prefix string // of the form fields: "", "new_", "part2_"
	Parent string // name of the parent field
}

// formToStoreField maps a form field prefix to the field names the org store
// reports problems with: new_ is new_target., partN_ is into[N].new.
func formToStoreField(formField string) string {
	switch {
	case strings.HasPrefix(formField, "new_parent_id"):
		return "new_target.parent_id"
	case strings.HasPrefix(formField, "new_"):
		return "new_target." + strings.TrimPrefix(formField, "new_")
	case strings.HasPrefix(formField, "part") && len(formField) > 5 && formField[5] == '_':
		return "into[" + formField[4:5] + "].new." + formField[6:]
	}
	return formField
}
