package db

import (
	"strconv"
	"strings"
)

// Args collects the arguments of a query built piece by piece and hands out
// their $n placeholders, so that optional filters never get the numbering wrong.
type Args []any

// Add appends v and returns its placeholder.
func (a *Args) Add(v any) string {
	*a = append(*a, v)
	return "$" + strconv.Itoa(len(*a))
}

// In appends each value and returns "($3, $4, $5)" for an IN list. An empty
// list gives "(NULL)", which matches nothing on both engines.
func In[T any](a *Args, vs []T) string {
	if len(vs) == 0 {
		return "(NULL)"
	}
	ps := make([]string, len(vs))
	for i, v := range vs {
		ps[i] = a.Add(v)
	}
	return "(" + strings.Join(ps, ", ") + ")"
}
