package documents

import (
	"net/url"
	"strconv"
	"strings"

	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/problem"
)

// ParseListQuery reads registry filters from a URL query, as the registry
// page, the API and the export take them: q, kind, origin, issuer_unit_id,
// year, status, class, in_force_on, protection_due_on, page, size. Dates are
// written 2025-07-01 or 01/07/2025.
func ParseListQuery(values url.Values) (ListQuery, error) {
	var v problem.Validation
	q := ListQuery{Text: values.Get("q"), Issuer: values.Get("issuer"), Kind: Kind(values.Get("kind")), Origin: Origin(values.Get("origin")),
		Status: Status(values.Get("status"))}
	v.Check(q.Kind == "" || q.Kind.Valid(), "kind", "error.invalid_choice")
	v.Check(q.Origin == "" || q.Origin == External || q.Origin == Internal, "origin", "error.invalid_choice")
	v.Check(q.Status == "" || q.Status.Valid(), "status", "error.invalid_choice")
	q.IssuerUnitID = int64(intParam(&v, values, "issuer_unit_id"))
	q.Year = intParam(&v, values, "year")
	q.Page = intParam(&v, values, "page")
	q.Size = intParam(&v, values, "size")
	if s := values.Get("class"); s != "" {
		c, ok := auth.ParseClearance(s)
		v.Check(ok, "class", "error.invalid_choice")
		q.Class = &c
	}
	q.InForceOn = ParseDate(&v, "in_force_on", values.Get("in_force_on"))
	q.ProtectionDueOn = ParseDate(&v, "protection_due_on", values.Get("protection_due_on"))
	return q, v.Err()
}

func intParam(v *problem.Validation, values url.Values, name string) int {
	s := strings.TrimSpace(values.Get(name))
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		v.Add(name, "error.invalid_number")
		return 0
	}
	return n
}

// ParseDate reads a day typed as 01/07/2025 or 2025-07-01 (date.ParseInput);
// empty is the zero date, anything else a problem on field name.
func ParseDate(v *problem.Validation, name, s string) date.Date {
	if strings.TrimSpace(s) == "" {
		return date.Date{}
	}
	d, err := date.ParseInput(s)
	if err != nil {
		v.Add(name, "error.invalid_date")
	}
	return d
}
