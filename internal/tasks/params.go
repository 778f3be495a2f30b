package tasks

import (
	"net/url"
	"strconv"
	"strings"

	"plenum/internal/date"
	"plenum/internal/problem"
)

// ParseListQuery reads a list's filters from a query string (pages and the
// API share it): unit_id, role, person_id, document_id, parent_id, status,
// all, due_from, due_to, as_of, state, soon_days, q, limit, offset.
func ParseListQuery(values url.Values) (ListQuery, error) {
	var v problem.Validation
	q := ListQuery{Role: values.Get("role"), Status: Status(values.Get("status")), Q: values.Get("q"),
		All: values.Get("all") == "1" || values.Get("all") == "true"}
	v.Check(q.Role == "" || q.Role == "lead" || q.Role == "coordinator", "role", "error.invalid_choice")
	v.Check(q.Status == "" || q.Status.Valid(), "status", "error.invalid_choice")
	q.UnitID = int64(intParam(&v, values, "unit_id"))
	q.PersonID = int64(intParam(&v, values, "person_id"))
	q.DocumentID = int64(intParam(&v, values, "document_id"))
	q.ParentID = int64(intParam(&v, values, "parent_id"))
	q.Limit = intParam(&v, values, "limit")
	q.Offset = intParam(&v, values, "offset")
	q.DueFrom = dateParam(&v, values, "due_from")
	q.DueTo = dateParam(&v, values, "due_to")
	q.AsOf = dateParam(&v, values, "as_of")
	q.State = values.Get("state")
	v.Check(q.State == "" || q.State == StateLate || q.State == StateDueSoon, "state", "error.invalid_choice")
	v.Check(q.State == "" || !q.AsOf.IsZero(), "as_of", "error.required")
	q.SoonDays = intParam(&v, values, "soon_days")
	return q, v.Err()
}

// ParseCountQuery reads a dashboard query: as_of, due_from, due_to,
// soon_days, document_id, unit_id (repeatable).
func ParseCountQuery(values url.Values) (CountQuery, error) {
	var v problem.Validation
	q := CountQuery{AsOf: dateParam(&v, values, "as_of"), DueFrom: dateParam(&v, values, "due_from"),
		DueTo: dateParam(&v, values, "due_to"), SoonDays: intParam(&v, values, "soon_days"),
		DocumentID: int64(intParam(&v, values, "document_id"))}
	for _, s := range values["unit_id"] {
		n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if !v.Check(err == nil && n > 0, "unit_id", "error.invalid_number") {
			break
		}
		q.UnitIDs = append(q.UnitIDs, n)
	}
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

func dateParam(v *problem.Validation, values url.Values, name string) date.Date {
	s := strings.TrimSpace(values.Get(name))
	if s == "" {
		return date.Date{}
	}
	d, err := date.ParseInput(s)
	if err != nil {
		v.Add(name, "error.invalid_date")
	}
	return d
}

// ParseReportForm reads a report's fields from a form: occurrence_id,
// percent, body, reported_on (the files are read by the caller).
func ParseReportForm(values url.Values) (ReportInput, error) {
	var v problem.Validation
	in := ReportInput{Body: first(values["body"]), OccurrenceID: int64(intParam(&v, values, "occurrence_id"))}
	p := strings.TrimSpace(first(values["percent"]))
	n, err := strconv.Atoi(strings.TrimSuffix(p, "%"))
	if v.Required("percent", p) && v.Check(err == nil, "percent", "tasks.percent_range") {
		in.Percent = n
	}
	in.ReportedOn = dateParam(&v, values, "reported_on")
	return in, v.Err()
}

func first(xs []string) string {
	if len(xs) == 0 {
		return ""
	}
	return xs[0]
}
