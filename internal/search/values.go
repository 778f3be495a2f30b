package search

import (
	"net/url"
	"strconv"
	"strings"

	"plenum/internal/problem"
)

// QueryFromValues reads a query from URL parameters, as the search page and
// GET /api/v1/search take them: q, entity, kind, issuer, unit_id, year,
// status, offset, limit. A number that does not read is a problem.Invalid
// naming the parameter; Search checks the rest.
func QueryFromValues(v url.Values) (Query, error) {
	q := Query{Text: v.Get("q"), Entity: strings.TrimSpace(v.Get("entity")), Kind: strings.TrimSpace(v.Get("kind")),
		Issuer: v.Get("issuer"), Status: strings.TrimSpace(v.Get("status"))}
	var bad problem.Validation
	num := func(name string) int64 {
		s := strings.TrimSpace(v.Get(name))
		if s == "" {
			return 0
		}
		n, err := strconv.ParseInt(s, 10, 64)
		bad.Check(err == nil, name, "error.invalid_number")
		return n
	}
	q.UnitID = num(FacetUnit)
	q.Year = int(num(FacetYear))
	q.Offset = int(num("offset"))
	q.Limit = int(num("limit"))
	return q, bad.Err()
}

// Values is the inverse of QueryFromValues: the URL parameters of q, with
// the zero values left out (for links to pages and facet values).
func (q Query) Values() url.Values {
	v := url.Values{}
	set := func(name, s string) {
		if s != "" {
			v.Set(name, s)
		}
	}
	num := func(name string, n int64) {
		if n != 0 {
			v.Set(name, strconv.FormatInt(n, 10))
		}
	}
	set("q", q.Text)
	set(FacetEntity, q.Entity)
	set(FacetKind, q.Kind)
	set(FacetIssuer, q.Issuer)
	num(FacetUnit, q.UnitID)
	num(FacetYear, int64(q.Year))
	set(FacetStatus, q.Status)
	num("offset", int64(q.Offset))
	num("limit", int64(q.Limit))
	return v
}
