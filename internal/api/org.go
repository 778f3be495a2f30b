package api

import (
	"net/http"

	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/org"
	"plenum/internal/problem"
	"plenum/internal/router"
)

// queryAsOf reads ?as_of= (zero, meaning today, when absent).
func queryAsOf(v *problem.Validation, r *http.Request) date.Date {
	return queryDate(v, r.URL.Query().Get("as_of"), "as_of")
}

func (h *Handler) listUnits(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	var v problem.Validation
	sq := org.SearchQuery{Text: q.Get("q"), AsOf: queryAsOf(&v, r), AllTime: q.Get("all_time") == "true",
		Kind: org.Kind(q.Get("kind")), Level: org.Level(q.Get("level")), Limit: int(queryInt(&v, q.Get("limit"), "limit"))}
	if err := v.Err(); err != nil {
		return err
	}
	units, err := h.app.Org.Search(r.Context(), sq)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, items(units))
}

func (h *Handler) unitTree(w http.ResponseWriter, r *http.Request) error {
	var v problem.Validation
	tq := org.TreeQuery{AsOf: queryAsOf(&v, r), RootID: queryInt(&v, r.URL.Query().Get("root_id"), "root_id")}
	if err := v.Err(); err != nil {
		return err
	}
	roots, err := h.app.Org.Tree(r.Context(), tq)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, items(roots))
}

// unitAt reads the unit of the path as of ?as_of=.
func (h *Handler) unitAt(r *http.Request) (org.Unit, error) {
	id, err := router.PathID(r, "id")
	if err != nil {
		return org.Unit{}, err
	}
	var v problem.Validation
	d := queryAsOf(&v, r)
	if err := v.Err(); err != nil {
		return org.Unit{}, err
	}
	return h.app.Org.Get(r.Context(), id, d)
}

func (h *Handler) getUnit(w http.ResponseWriter, r *http.Request) error {
	u, err := h.unitAt(r)
	if err != nil {
		return err
	}
	path, err := h.app.Org.Path(r.Context(), u.ID, u.AsOf)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, struct {
		org.Unit
		Path []org.Unit `json:"path"`
	}{u, path})
}

// unitList answers one of the lists about a unit as of a date.
func (h *Handler) unitList(list func(r *http.Request, u org.Unit) (any, error)) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		u, err := h.unitAt(r)
		if err != nil {
			return err
		}
		out, err := list(r, u)
		if err != nil {
			return err
		}
		return writeJSON(w, http.StatusOK, out)
	}
}

func (h *Handler) unitChildren(r *http.Request, u org.Unit) (any, error) {
	c, err := h.app.Org.Children(r.Context(), u.ID, u.AsOf)
	return items(c), err
}

func (h *Handler) unitHistory(r *http.Request, u org.Unit) (any, error) {
	return h.app.Org.History(r.Context(), u.ID)
}

func (h *Handler) unitPredecessors(r *http.Request, u org.Unit) (any, error) {
	s, err := h.app.Org.Predecessors(r.Context(), u.ID)
	return items(s), err
}

func (h *Handler) unitSuccessors(r *http.Request, u org.Unit) (any, error) {
	s, err := h.app.Org.Successors(r.Context(), u.ID)
	return items(s), err
}

func (h *Handler) unitLineage(r *http.Request, u org.Unit) (any, error) {
	ids, err := h.app.Org.Lineage(r.Context(), u.ID)
	return items(ids), err
}

func (h *Handler) unitLeadership(r *http.Request, u org.Unit) (any, error) {
	posts, err := h.app.People.Leadership(r.Context(), u.ID, u.AsOf)
	return items(posts), err
}

func (h *Handler) unitHolders(r *http.Request, u org.Unit) (any, error) {
	posts, err := h.app.People.Holders(r.Context(), u.ID, r.URL.Query().Get("position"), u.AsOf)
	return items(posts), err
}

func (h *Handler) createUnit(w http.ResponseWriter, r *http.Request) error {
	var in org.CreateInput
	if err := decode(w, r, &in); err != nil {
		return err
	}
	u, err := h.app.Org.Create(r.Context(), in)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, u)
}

// unitOp decodes an operation on the unit of the path and runs it.
func unitOp[T any](h *Handler, setID func(*T, int64), run func(*http.Request, T) (any, error)) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		var in T
		if err := decode(w, r, &in); err != nil {
			return err
		}
		if r.PathValue("id") != "" {
			id, err := router.PathID(r, "id")
			if err != nil {
				return err
			}
			setID(&in, id) // the path wins over a unit_id in the body
		}
		out, err := run(r, in)
		if err != nil {
			return err
		}
		return writeJSON(w, http.StatusOK, out)
	}
}

func (h *Handler) orgRoutes(rt *router.Router) {
	rt.Handle("GET /api/v1/units", auth.OrgRead, h.listUnits)
	rt.Handle("GET /api/v1/units/tree", auth.OrgRead, h.unitTree)
	rt.Handle("GET /api/v1/units/{id}", auth.OrgRead, h.getUnit)
	rt.Handle("GET /api/v1/units/{id}/children", auth.OrgRead, h.unitList(h.unitChildren))
	rt.Handle("GET /api/v1/units/{id}/history", auth.OrgRead, h.unitList(h.unitHistory))
	rt.Handle("GET /api/v1/units/{id}/predecessors", auth.OrgRead, h.unitList(h.unitPredecessors))
	rt.Handle("GET /api/v1/units/{id}/successors", auth.OrgRead, h.unitList(h.unitSuccessors))
	rt.Handle("GET /api/v1/units/{id}/lineage", auth.OrgRead, h.unitList(h.unitLineage))
	rt.Handle("GET /api/v1/units/{id}/leadership", auth.PeopleRead, h.unitList(h.unitLeadership))
	rt.Handle("GET /api/v1/units/{id}/holders", auth.PeopleRead, h.unitList(h.unitHolders))
	rt.Handle("POST /api/v1/units", auth.OrgWrite, h.createUnit)
	rt.Handle("POST /api/v1/units/{id}/rename", auth.OrgWrite, unitOp(h, func(in *org.RenameInput, id int64) { in.UnitID = id },
		func(r *http.Request, in org.RenameInput) (any, error) { return h.app.Org.Rename(r.Context(), in) }))
	rt.Handle("POST /api/v1/units/{id}/move", auth.OrgWrite, unitOp(h, func(in *org.MoveInput, id int64) { in.UnitID = id },
		func(r *http.Request, in org.MoveInput) (any, error) { return h.app.Org.Move(r.Context(), in) }))
	rt.Handle("POST /api/v1/units/{id}/dissolve", auth.OrgWrite, unitOp(h, func(in *org.DissolveInput, id int64) { in.UnitID = id },
		func(r *http.Request, in org.DissolveInput) (any, error) { return h.app.Org.Dissolve(r.Context(), in) }))
	rt.Handle("POST /api/v1/units/{id}/split", auth.OrgWrite, unitOp(h, func(in *org.SplitInput, id int64) { in.SourceID = id },
		func(r *http.Request, in org.SplitInput) (any, error) {
			parts, err := h.app.Org.Split(r.Context(), in)
			return items(parts), err
		}))
	rt.Handle("POST /api/v1/units/merge", auth.OrgWrite, unitOp(h, func(*org.MergeInput, int64) {},
		func(r *http.Request, in org.MergeInput) (any, error) { return h.app.Org.Merge(r.Context(), in) }))
}
