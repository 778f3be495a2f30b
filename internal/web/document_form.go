package web

import (
	"net/http"
	"strconv"
	"strings"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/documents"
	"plenum/internal/org"
	"plenum/internal/problem"
	"plenum/internal/router"
)

type documentFormData struct {
	Doc        documents.Document // the document edited; zero when new
	Origin     documents.Origin
	Kinds      []documents.Kind
	Capacities []documents.Capacity
	Statuses   []documents.Status
	Classes    []auth.Clearance
	Units      []org.Unit
}

func (h *Handler) documentForm(w http.ResponseWriter, r *http.Request, status int, d documents.Document, origin documents.Origin, f *Form) error {
	units, err := h.app.Org.Search(r.Context(), org.SearchQuery{Limit: 500})
	if err != nil {
		return err
	}
	title := router.LangT(r, "documents.new_"+string(origin))
	if d.ID != 0 {
		title = d.Label(router.Lang(r))
	}
	if f == nil {
		f = &Form{Values: documentValues(d, origin)}
	}
	return h.render(w, r, status, "document_form", &Page{Title: title, Form: f, Class: d.Class,
		Data: documentFormData{Doc: d, Origin: origin, Kinds: documents.Kinds(), Capacities: documents.Capacities,
			Statuses: []documents.Status{documents.Issued, documents.Amended, documents.Replaced, documents.Expired, documents.Repealed},
			Classes:  clearances(), Units: units}})
}

// documentValues fills the form from a document.
func documentValues(d documents.Document, origin documents.Origin) map[string][]string {
	day := func(x interface{ String() string }) []string { return []string{x.String()} }
	vals := map[string][]string{
		"origin": {string(origin)}, "kind": {string(d.Kind)}, "system": {string(d.System)}, "symbol": {d.Symbol},
		"symbol_issuer": {d.SymbolIssuer}, "symbol_unit": {d.SymbolUnit}, "issuer_unit_id": {idString(d.IssuerUnitID)},
		"issuer_name": {d.IssuerName}, "signer_name": {d.SignerName}, "signer_title": {d.SignerTitle},
		"capacity": {string(d.Capacity)}, "place": {d.Place}, "issued_on": day(d.IssuedOn), "effective_from": day(d.EffectiveFrom),
		"effective_to": day(d.EffectiveTo), "title": {d.Title}, "body": {d.Body}, "status": {string(d.Status)},
		"class": {strconv.Itoa(int(d.Class))},
	}
	if d.Legal {
		vals["legal"] = []string{"on"}
	}
	var names []string
	for _, rc := range d.Recipients {
		if rc.UnitID != 0 {
			vals["recipient_unit_id"] = append(vals["recipient_unit_id"], idString(rc.UnitID))
		} else {
			names = append(names, rc.Name)
		}
	}
	vals["recipients"] = []string{strings.Join(names, "\n")}
	if d.ID == 0 && origin == documents.External {
		vals["status"] = []string{string(documents.Issued)}
	}
	return vals
}

func (h *Handler) newDocumentForm(w http.ResponseWriter, r *http.Request) error {
	origin := documents.Origin(r.URL.Query().Get("origin"))
	if origin != documents.Internal {
		origin = documents.External
	}
	return h.documentForm(w, r, http.StatusOK, documents.Document{System: documents.Party}, origin, nil)
}

// readDocumentInput reads the document form.
func readDocumentInput(r *http.Request) (documents.Input, error) {
	pf := r.PostForm
	var v problem.Validation
	in := documents.Input{
		Origin: documents.Origin(pf.Get("origin")), Kind: documents.Kind(pf.Get("kind")), System: documents.System(pf.Get("system")),
		Symbol: pf.Get("symbol"), SymbolIssuer: pf.Get("symbol_issuer"), SymbolUnit: pf.Get("symbol_unit"), Legal: pf.Get("legal") != "",
		IssuerUnitID: parseIDField(&v, "issuer_unit_id", pf.Get("issuer_unit_id")), IssuerName: pf.Get("issuer_name"),
		SignerName: pf.Get("signer_name"), SignerTitle: pf.Get("signer_title"), Place: pf.Get("place"),
		IssuedOn: parseDateField(&v, "issued_on", pf.Get("issued_on")), EffectiveFrom: parseDateField(&v, "effective_from", pf.Get("effective_from")),
		EffectiveTo: parseDateField(&v, "effective_to", pf.Get("effective_to")), Title: pf.Get("title"), Body: pf.Get("body"),
		Status: documents.Status(pf.Get("status")), ClassReason: pf.Get("class_reason"),
		ProtectUntil: parseDateField(&v, "protect_until", pf.Get("protect_until")),
		DeclassifyOn: parseDateField(&v, "declassify_on", pf.Get("declassify_on")),
	}
	if c, ok := documents.ParseCapacity(pf.Get("capacity")); ok {
		in.Capacity = c
	} else {
		v.Add("capacity", "error.invalid_choice")
	}
	if s := pf.Get("class"); s != "" {
		c, ok := auth.ParseClearance(s)
		v.Check(ok, "class", "error.invalid_choice")
		in.Class = c
	}
	for _, s := range pf["recipient_unit_id"] {
		if id := parseIDField(&v, "recipient_unit_id", s); id != 0 {
			in.Recipients = append(in.Recipients, documents.Recipient{UnitID: id})
		}
	}
	for _, line := range strings.Split(pf.Get("recipients"), "\n") {
		if line = strings.TrimSpace(strings.TrimLeft(line, "-–•")); line != "" {
			in.Recipients = append(in.Recipients, documents.Recipient{Name: line})
		}
	}
	for _, s := range pf["grant_role"] {
		in.Grants = append(in.Grants, access.Grant{Role: auth.Role(s)})
	}
	return in, v.Err()
}

func (h *Handler) createDocument(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	origin := documents.Origin(r.PostForm.Get("origin"))
	retry := func(f *Form) error {
		return h.documentForm(w, r, http.StatusUnprocessableEntity, documents.Document{}, origin, f)
	}
	in, err := readDocumentInput(r)
	if err != nil {
		return h.formRetry(w, r, err, retry)
	}
	d, err := h.app.Documents.Create(r.Context(), router.Principal(r), in)
	if err != nil {
		return h.formRetry(w, r, err, retry)
	}
	return redirect(w, r, "/documents/"+strconv.FormatInt(d.ID, 10), "documents.created")
}

func (h *Handler) editDocumentForm(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	v, err := h.viewer(r)
	if err != nil {
		return err
	}
	d, err := h.app.Documents.Get(r.Context(), v, id)
	if err != nil {
		return err
	}
	return h.documentForm(w, r, http.StatusOK, d, d.Origin, nil)
}

func (h *Handler) updateDocument(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	v, err := h.viewer(r)
	if err != nil {
		return err
	}
	d, err := h.app.Documents.Get(r.Context(), v, id)
	if err != nil {
		return err
	}
	retry := func(f *Form) error { return h.documentForm(w, r, http.StatusUnprocessableEntity, d, d.Origin, f) }
	in, err := readDocumentInput(r)
	if err != nil {
		return h.formRetry(w, r, err, retry)
	}
	if _, err := h.app.Documents.Update(r.Context(), router.Principal(r), id, in); err != nil {
		return h.formRetry(w, r, err, retry)
	}
	return redirect(w, r, "/documents/"+strconv.FormatInt(id, 10), "documents.saved")
}
