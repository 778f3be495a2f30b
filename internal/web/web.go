// Package web serves Plenum's pages: server-rendered HTML from embedded
// templates, with every asset embedded too. Handlers are thin: they read the
// request, call a store, and render; permissions are declared in routes.go
// and checked by the router, never here.
package web

import (
	"html/template"
	"log/slog"
	"math"
	"net/http"

	"plenum/internal/app"
	"plenum/internal/auth"
	"plenum/internal/org"
	"plenum/internal/problem"
	"plenum/internal/router"
	"plenum/internal/vn"
)

// Options configure the pages.
type Options struct {
	Cookies    router.Cookies
	TrustProxy bool
}

// Handler serves the pages.
type Handler struct {
	app    *app.App
	opt    Options
	tpl    templates
	assets assets
	log    *slog.Logger
}

// New parses the templates (panicking on a broken one: a start-up failure,
// not a runtime one) and returns the page handler.
func New(a *app.App, opt Options) *Handler {
	h := &Handler{app: a, opt: opt, assets: loadAssets(), log: a.Log}
	h.tpl = parseTemplates(template.FuncMap{
		"seq": func(n int) []int {
			s := make([]int, n)
			for i := range s {
				s[i] = i
			}
			return s
		},
		"inc":  func(i int) int { return i + 1 },
		"list": func(xs ...string) []string { return xs },
		// orgNode carries the page down the recursive tree template.
		"orgNode": func(p *Page, n *org.Node, depth int) orgNodeData { return orgNodeData{p, n, depth} },
		// fieldset names the fields of a unit to create inside a larger form.
		"fieldset":  func(p *Page, prefix, parent string) unitFieldset { return unitFieldset{p, prefix, parent} },
		"fieldName": formToStoreField,
		"clearance": func(c int) auth.Clearance { return auth.Clearance(c) },
		"offsets":   offsetsText,
		// decimal writes an exact number the Vietnamese way: 1.600, 3,42.
		"decimal": vn.FormatDecimal,
		// float writes a computed number with at most two decimals: 12,5.
		"float": func(x float64) string { return vn.FormatDecimal(vn.NewDecimal(int64(math.Round(x*100)), -2)) },
		// ingestCard carries the page down the review form's card template.
		"ingestCard": func(p *Page, c card) ingestCardData { return ingestCardData{p, c} },
	})
	return h
}

// Register adds the pages to mux and returns the router, whose route list the
// tests walk.
func (h *Handler) Register(mux *http.ServeMux) *router.Router {
	rt := router.New(mux, h.renderError)
	h.routes(rt)
	return rt
}

// renderError shows an error as a page. Someone who is not signed in is sent
// to the sign-in page and brought back afterwards.
func (h *Handler) renderError(w http.ResponseWriter, r *http.Request, err error) {
	if problem.Is(err, problem.Unauthorized) && r.Method == http.MethodGet {
		flash := ""
		if p, _ := problem.As(err); p != nil && p.Key != "" {
			flash = p.Key
		}
		redirect(w, r, "/signin?next="+urlQueryEscape(r.URL.RequestURI()), flash)
		return
	}
	status, _ := router.Status(err)
	p := router.Safe(r, h.log, err)
	page := &Page{Title: p.Message(router.Lang(r)), Data: p}
	if rerr := h.render(w, r, status, "error", page); rerr != nil {
		h.log.Error("render error page", "err", rerr)
		http.Error(w, p.Message(router.Lang(r)), status)
	}
}

// requireSelfOr checks that the principal is id, or holds perm.
func requireSelfOr(r *http.Request, id int64, perm auth.Permission) error {
	p := router.Principal(r)
	if p.User.ID == id || p.Can(perm) {
		return nil
	}
	return problem.ErrNotFound
}
