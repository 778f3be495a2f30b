package web

import (
	"net/http"

	"plenum/internal/auth"
	"plenum/internal/i18n"
	"plenum/internal/problem"
	"plenum/internal/router"
	"plenum/internal/search"
)

// searchData is what the search page shows.
type searchData struct {
	Query    search.Query
	Result   search.Result
	Hits     []hitView
	Facets   []facetView
	Searched bool   // there was something to search for
	Error    string // why the query was refused
	// From and To number the hits shown (1-based); Prev and Next are the
	// URLs of the neighbouring pages, "" at the ends.
	From, To   int
	Prev, Next string
	// Clear is the URL of the same text without filters, "" when none is set.
	Clear string
	// YearFromText is the year read from the text and applied as a filter.
	YearFromText int
}

// hitView is a hit with its labels in the page's language.
type hitView struct {
	search.Hit
	EntityLabel, KindLabel, StatusLabel string
	Clearance                           auth.Clearance // the hit's class, for its mark
}

// facetView is a facet with a link for each value: choosing it, or (when
// chosen) dropping it.
type facetView struct {
	Name, Label string
	Values      []facetValueView
}

type facetValueView struct {
	search.FacetValue
	URL string
}

func (h *Handler) search(w http.ResponseWriter, r *http.Request) error {
	lang := router.Lang(r)
	page := &Page{Title: router.LangT(r, "search.title")}
	q, err := search.QueryFromValues(r.URL.Query())
	data := searchData{Query: q}
	page.Data = &data
	if err == nil {
		err = h.runSearch(r, &data, page)
	}
	if err != nil {
		p, ok := problem.As(err)
		if !ok || p.Code != problem.Invalid {
			return err
		}
		data.Error = p.Message(lang)
		for _, f := range p.Fields {
			data.Error += " — " + p.FieldMessage(lang, f.Name)
		}
		return h.render(w, r, http.StatusUnprocessableEntity, "search", page)
	}
	return h.render(w, r, http.StatusOK, "search", page)
}

// runSearch runs the query for the signed-in user and fills the page.
func (h *Handler) runSearch(r *http.Request, data *searchData, page *Page) error {
	lang := router.Lang(r)
	p := router.Principal(r)
	v, err := h.app.Access.Viewer(r.Context(), p)
	if err != nil {
		return err
	}
	q := data.Query
	q.Readable, q.Lang = search.Readable(p), lang
	res, err := h.app.Search.Search(r.Context(), v, q)
	if err != nil {
		return err
	}
	data.Result = res
	data.Searched = !search.Parse(q.Text).Empty() || q.Filtered()
	if res.Year != q.Year {
		data.YearFromText = res.Year
	}
	for _, hit := range res.Hits {
		hv := hitView{Hit: hit, EntityLabel: i18n.T(lang, "search.entity."+hit.Entity), Clearance: auth.Clearance(hit.Class),
			KindLabel: search.KindLabel(hit.Kind, lang), StatusLabel: search.StatusLabel(hit.Status, lang)}
		data.Hits = append(data.Hits, hv)
		page.Class = max(page.Class, hv.Clearance)
	}
	link := func(q search.Query) string {
		q.Readable, q.Lang = nil, ""
		if q.Limit == search.DefaultLimit {
			q.Limit = 0
		}
		return "/search?" + q.Values().Encode()
	}
	for _, f := range res.Facets {
		fv := facetView{Name: f.Name, Label: i18n.T(lang, "search.facet."+f.Name)}
		for _, val := range f.Values {
			next := data.Query
			next.Offset = 0
			value := val.Value
			if val.Selected {
				value = ""
			}
			if err := setFacet(&next, f.Name, value); err != nil {
				continue
			}
			fv.Values = append(fv.Values, facetValueView{FacetValue: val, URL: link(next)})
		}
		data.Facets = append(data.Facets, fv)
	}
	if q.Filtered() {
		data.Clear = link(search.Query{Text: q.Text})
	}
	if len(res.Hits) > 0 {
		data.From, data.To = res.Offset+1, res.Offset+len(res.Hits)
		if res.Offset > 0 {
			prev := data.Query
			prev.Offset = max(0, res.Offset-res.Limit)
			data.Prev = link(prev)
		}
		if data.To < res.Total {
			next := data.Query
			next.Offset = data.To
			data.Next = link(next)
		}
	}
	return nil
}

// setFacet sets the filter of a facet to a value read from a facet ("" drops it).
func setFacet(q *search.Query, facet, value string) error {
	v := q.Values()
	if value == "" {
		v.Del(facet)
	} else {
		v.Set(facet, value)
	}
	next, err := search.QueryFromValues(v)
	if err != nil {
		return err
	}
	*q = next
	return nil
}
