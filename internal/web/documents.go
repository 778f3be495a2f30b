package web

import (
	"net/http"
	"slices"
	"strconv"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/documents"
	"plenum/internal/files"
	"plenum/internal/org"
	"plenum/internal/problem"
	"plenum/internal/router"
	"plenum/internal/vn"
)

type documentsData struct {
	Page     documents.ListPage
	Query    documents.ListQuery
	Kinds    []documents.Kind
	Statuses []documents.Status
	Classes  []auth.Clearance
	Years    []int
	Issuers  []documents.Issuer
	Today    string
	Export   string // URL of the XLSX export of this list
	Prev     string
	Next     string
}

func (h *Handler) viewer(r *http.Request) (access.Viewer, error) {
	return h.app.Access.Viewer(r.Context(), router.Principal(r))
}

// pathDocument returns the document {id} of the request, if the viewer may
// see it, and the viewer.
func (h *Handler) pathDocument(r *http.Request) (documents.Document, access.Viewer, error) {
	id, err := router.PathID(r, "id")
	if err != nil {
		return documents.Document{}, access.Viewer{}, err
	}
	v, err := h.viewer(r)
	if err != nil {
		return documents.Document{}, v, err
	}
	d, err := h.app.Documents.Get(r.Context(), v, id)
	return d, v, err
}

func (h *Handler) documentList(w http.ResponseWriter, r *http.Request) error {
	values := r.URL.Query()
	form := &Form{Values: values}
	q, qerr := documents.ParseListQuery(values)
	v, err := h.viewer(r)
	if err != nil {
		return err
	}
	data := documentsData{Today: h.today().String(), Query: q, Kinds: documents.Kinds(), Statuses: documents.Statuses, Classes: clearances()}
	status := http.StatusOK
	if qerr != nil {
		form.Err, _ = problem.As(qerr)
		if form.Err == nil {
			return qerr
		}
		status = http.StatusUnprocessableEntity
	} else if data.Page, err = h.app.Documents.List(r.Context(), v, q); err != nil {
		return err
	}
	if data.Years, err = h.app.Documents.Years(r.Context(), v); err != nil {
		return err
	}
	if data.Issuers, err = h.app.Documents.Issuers(r.Context(), v); err != nil {
		return err
	}
	export := r.URL.Query()
	export.Del("page")
	data.Export = "/documents/export.xlsx?" + export.Encode()
	if data.Page.Page > 1 {
		values.Set("page", strconv.Itoa(data.Page.Page-1))
		data.Prev = "/documents?" + values.Encode()
	}
	if data.Page.Page*data.Page.Size < data.Page.Total {
		values.Set("page", strconv.Itoa(data.Page.Page+1))
		data.Next = "/documents?" + values.Encode()
	}
	var top auth.Clearance
	for _, d := range data.Page.Items {
		top = max(top, d.Class)
	}
	consumeFlash(w, r)
	return h.render(w, r, status, "documents", &Page{Title: router.LangT(r, "documents.title"), Data: data, Form: form, Class: top})
}

func (h *Handler) documentExport(w http.ResponseWriter, r *http.Request) error {
	v, err := h.viewer(r)
	if err != nil {
		return err
	}
	return h.app.Documents.ServeExport(w, r, v, router.Lang(r))
}

// documentData is everything the document page shows.
type documentData struct {
	Doc             documents.Document
	Links           []documents.Link
	Family          *documents.Node
	AsOf            date.Date
	Chain           []documents.Ref
	Classifications []documents.Classification
	Files           []files.File
	Copies          []documents.Copy
	Grants          []grantView
	Units           []org.Unit  // for the grants form
	Users           []auth.User // for the grants form
	Roles           []auth.Role // for the grants form
	History         []audit.Entry
	Next            []documents.Status
	LinkKinds       []documents.LinkKind
	Classes         []auth.Clearance
	Accept          string // file types the upload accepts
	MaxUploadMiB    int64
}

// documentPage shows document id; a refused action form comes back in f
// with the given status.
func (h *Handler) documentPage(w http.ResponseWriter, r *http.Request, status int, f *Form) error {
	d, v, err := h.pathDocument(r)
	if err != nil {
		return err
	}
	ctx, s, id := r.Context(), h.app.Documents, d.ID
	var val problem.Validation
	asOf := parseDateField(&val, "as_of", r.URL.Query().Get("as_of"))
	if asOf.IsZero() {
		asOf = h.today()
	}
	data := documentData{Doc: d, AsOf: asOf, Next: d.Status.Next(), LinkKinds: documents.LinkKinds, Classes: clearances(),
		MaxUploadMiB: h.app.Files.MaxSize() >> 20}
	for _, ext := range files.Extensions() {
		if data.Accept != "" {
			data.Accept += ","
		}
		data.Accept += ext
	}
	if data.Links, err = s.Links(ctx, v, id); err != nil {
		return err
	}
	if data.Family, err = s.Family(ctx, v, id, asOf); err != nil {
		return err
	}
	if data.Chain, err = s.Chain(ctx, v, id); err != nil {
		return err
	}
	if data.Classifications, err = s.Classifications(ctx, v, id); err != nil {
		return err
	}
	if data.Files, err = s.Attachments(ctx, v, id); err != nil {
		return err
	}
	if data.Copies, err = s.Copies(ctx, v, id); err != nil {
		return err
	}
	grants, err := s.Grants(ctx, v, id)
	if err != nil {
		return err
	}
	if data.Grants, err = h.grantViews(r, grants); err != nil {
		return err
	}
	if router.Principal(r).Can(auth.DocumentsWrite) {
		if data.Units, err = h.app.Org.Search(ctx, org.SearchQuery{Limit: 500}); err != nil {
			return err
		}
		if data.Users, err = h.app.Auth.Users(ctx); err != nil {
			return err
		}
		data.Roles = auth.Roles
	}
	if data.History, err = s.History(ctx, v, id); err != nil {
		return err
	}
	// The page is marked with the highest class of anything on it: the
	// linked documents and the family the viewer may see count too.
	top := d.Class
	for _, l := range data.Links {
		top = max(top, l.Other.Class)
	}
	for _, c := range data.Chain {
		top = max(top, c.Class)
	}
	top = max(top, treeClass(data.Family))
	if f == nil {
		f = &Form{Values: r.URL.Query()}
	}
	consumeFlash(w, r)
	return h.render(w, r, status, "document", &Page{Title: d.Label(router.Lang(r)), Data: data, Form: f, Class: top})
}

func treeClass(n *documents.Node) auth.Clearance {
	c := n.Class
	for _, ch := range n.Children {
		c = max(c, treeClass(ch))
	}
	return c
}

func (h *Handler) document(w http.ResponseWriter, r *http.Request) error {
	return h.documentPage(w, r, http.StatusOK, nil)
}

func (h *Handler) documentFile(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	fileID, err := router.PathID(r, "file")
	if err != nil {
		return err
	}
	v, err := h.viewer(r)
	if err != nil {
		return err
	}
	return h.app.Documents.ServeAttachment(w, r, v, id, fileID, router.Lang(r))
}

// treeNode is what the recursive "docnode" template receives.
type treeNode struct {
	Page *Page
	Node *documents.Node
}

// NodeOf pairs a family tree node with the page, for the recursive template.
func (p *Page) NodeOf(n *documents.Node) treeNode { return treeNode{Page: p, Node: n} }

// LongDate writes a date as Vietnamese documents do, "ngày 14 tháng 01 năm
// 2022" (01/14/2022 style in English).
func (p *Page) LongDate(d date.Date) string {
	if p.Lang == "en" {
		return p.Date(d)
	}
	return vn.FormatLongDate(d)
}

// grantView is a grant as the page names it.
type grantView struct {
	access.Grant
	Label string
}

func (h *Handler) grantViews(r *http.Request, gs []access.Grant) ([]grantView, error) {
	out := make([]grantView, 0, len(gs))
	for _, g := range gs {
		gv := grantView{Grant: g}
		switch {
		case g.UnitID != 0:
			u, err := h.app.Org.Get(r.Context(), g.UnitID, date.Date{})
			if err != nil {
				return nil, err
			}
			gv.Label = u.Name
		case g.Role != "":
			gv.Label = router.LangT(r, "role."+string(g.Role))
		default:
			u, err := h.app.Auth.User(r.Context(), g.UserID)
			if err != nil {
				return nil, err
			}
			gv.Label = u.DisplayName + " (" + u.Username + ")"
		}
		out = append(out, gv)
	}
	return out, nil
}

// HasRole reports whether the document's grants name role r.
func (d documentData) HasRole(r auth.Role) bool {
	for _, g := range d.Grants {
		if g.Role == r {
			return true
		}
	}
	return false
}

// HasUnit reports whether the document's grants name unit id.
func (d documentData) HasUnit(id int64) bool {
	for _, g := range d.Grants {
		if g.UnitID == id {
			return true
		}
	}
	return false
}

// HasUser reports whether the document's grants name user id.
func (d documentData) HasUser(id int64) bool {
	for _, g := range d.Grants {
		if g.UserID == id {
			return true
		}
	}
	return false
}

// Selected reports whether the form's field name holds id among its values
// (a multiple select shown again).
func (p *Page) Selected(name string, id int64) bool {
	return slices.Contains(p.Form.Values[name], strconv.FormatInt(id, 10))
}
