package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"plenum/internal/date"
	"plenum/internal/org"
	"plenum/internal/people"
	"plenum/internal/problem"
	"plenum/internal/router"
)

// asOf reads the "as of" date of a view from ?as_of=; today in Vietnam when absent.
func (h *Handler) asOf(r *http.Request, v *problem.Validation) date.Date {
	return h.dayOr(parseDateField(v, "as_of", r.URL.Query().Get("as_of")))
}

// today is the current date in Vietnam, by the application's clock.
func (h *Handler) today() date.Date { return h.app.Clock.Today() }

// dayOr is d, or today when d is zero.
func (h *Handler) dayOr(d date.Date) date.Date {
	if d.IsZero() {
		return h.today()
	}
	return d
}

type orgTreeData struct {
	AsOf    date.Date
	Roots   []*org.Node
	Query   string
	Found   []org.Unit
	Kinds   []org.Kind
	Count   int
	AllTime bool
}

func (h *Handler) orgTree(w http.ResponseWriter, r *http.Request) error {
	var v problem.Validation
	d := h.asOf(r, &v)
	form := &Form{Values: r.URL.Query()}
	if err := v.Err(); err != nil {
		form.Err, _ = problem.As(err)
		return h.render(w, r, http.StatusUnprocessableEntity, "org_tree", &Page{Title: router.LangT(r, "org.title"), Form: form, Data: orgTreeData{AsOf: d}})
	}
	data := orgTreeData{AsOf: d, Query: strings.TrimSpace(r.URL.Query().Get("q")), AllTime: r.URL.Query().Get("all_time") != ""}
	if data.Query != "" {
		found, err := h.app.Org.Search(r.Context(), org.SearchQuery{Text: data.Query, AsOf: d, AllTime: data.AllTime, Limit: 200})
		if err != nil {
			return h.formRetry(w, r, err, func(f *Form) error {
				return h.render(w, r, http.StatusUnprocessableEntity, "org_tree", &Page{Title: router.LangT(r, "org.title"), Form: f, Data: data})
			})
		}
		data.Found = found
	} else {
		roots, err := h.app.Org.Tree(r.Context(), org.TreeQuery{AsOf: d})
		if err != nil {
			return err
		}
		data.Roots = roots
		for _, n := range roots {
			n.Walk(func(*org.Node, int) { data.Count++ })
		}
	}
	consumeFlash(w, r)
	return h.render(w, r, http.StatusOK, "org_tree", &Page{Title: router.LangT(r, "org.title"), Form: form, Data: data})
}

type unitData struct {
	AsOf         date.Date
	Unit         org.Unit
	Path         []org.Unit
	Children     []org.Unit
	Leadership   []people.Post
	Predecessors []org.Succession
	Successors   []org.Succession
	History      org.History
	// LineagePeople are the people who held posts in the unit or in a unit
	// it succeeded: the records of merged units, reached from here.
	LineagePeople people.Page
	Positions     []people.Position
	Holders       []people.Post
	HolderAsOf    date.Date
	HolderCode    string
}

func (h *Handler) unitPage(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	var v problem.Validation
	d := h.asOf(r, &v)
	if err := v.Err(); err != nil {
		return err
	}
	ctx := r.Context()
	data := unitData{AsOf: d}
	if data.Unit, err = h.app.Org.Get(ctx, id, d); err != nil {
		return err
	}
	if data.Path, err = h.app.Org.Path(ctx, id, data.Unit.AsOf); err != nil {
		return err
	}
	if data.Children, err = h.app.Org.Children(ctx, id, data.Unit.AsOf); err != nil {
		return err
	}
	if data.Leadership, err = h.app.People.Leadership(ctx, id, data.Unit.AsOf); err != nil {
		return err
	}
	if data.Predecessors, err = h.app.Org.Predecessors(ctx, id); err != nil {
		return err
	}
	if data.Successors, err = h.app.Org.Successors(ctx, id); err != nil {
		return err
	}
	if data.History, err = h.app.Org.History(ctx, id); err != nil {
		return err
	}
	if data.LineagePeople, err = h.app.People.List(ctx, people.ListQuery{UnitID: id, Limit: 200}); err != nil {
		return err
	}
	if data.Positions, err = h.app.People.Positions(ctx); err != nil {
		return err
	}
	// "Who held position X here on day Y?"
	if code := r.URL.Query().Get("position"); code != "" {
		var hv problem.Validation
		data.HolderCode = code
		data.HolderAsOf = parseDateField(&hv, "holder_date", r.URL.Query().Get("holder_date"))
		if data.HolderAsOf.IsZero() {
			data.HolderAsOf = d
		}
		if err := hv.Err(); err != nil {
			return err
		}
		if data.Holders, err = h.app.People.Holders(ctx, id, code, data.HolderAsOf); err != nil {
			return err
		}
	}
	consumeFlash(w, r)
	return h.render(w, r, http.StatusOK, "unit", &Page{Title: data.Unit.Name, Data: data})
}

// resolveUnit reads a unit typed into a form: its number, its code, or a name
// that matches exactly one unit alive on asOf. Problems are recorded on field.
func (h *Handler) resolveUnit(ctx context.Context, v *problem.Validation, field, text string, asOf date.Date, required bool) int64 {
	text = strings.TrimSpace(text)
	if text == "" {
		if required {
			v.Add(field, "error.required")
		}
		return 0
	}
	if id, err := strconv.ParseInt(text, 10, 64); err == nil && id > 0 {
		return id
	}
	if u, err := h.app.Org.ByCode(ctx, text, asOf); err == nil {
		return u.ID
	}
	found, err := h.app.Org.Search(ctx, org.SearchQuery{Text: text, AsOf: asOf, Limit: 5})
	if err != nil || len(found) == 0 {
		v.Add(field, "org.unit_not_found")
		return 0
	}
	for _, u := range found {
		if strings.EqualFold(u.Name, text) || strings.EqualFold(u.ShortName, text) {
			return u.ID
		}
	}
	if len(found) > 1 {
		v.Add(field, "org.unit_ambiguous", len(found))
		return 0
	}
	return found[0].ID
}
