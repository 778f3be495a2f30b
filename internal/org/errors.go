package org

import (
	"strings"

	"plenum/internal/problem"
)

// invalid is a refusal of a value the caller gave: 422, naming the field.
func invalid(field, key string, args ...any) error {
	return problem.InvalidField(field, key, args...)
}

// unknownUnit is the answer for a subject unit that does not exist.
func unknownUnit(field string) error {
	return &problem.Error{Code: problem.NotFound, Fields: []problem.Field{{Name: field, Key: "org.error.unit_unknown"}}}
}

// nameList joins up to five names for a message, with "…" after them.
func nameList(names []string) string {
	if len(names) > 5 {
		return strings.Join(names[:5], "; ") + "; …"
	}
	return strings.Join(names, "; ")
}
