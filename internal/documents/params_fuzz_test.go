package documents_test

import (
	"net/url"
	"testing"

	"plenum/internal/documents"
)

// FuzzParseListQuery: any query string is read or refused with a problem,
// never a panic, and what is read is within its bounds.
func FuzzParseListQuery(f *testing.F) {
	for _, s := range []string{"kind=plan&year=2024", "class=toi-mat&in_force_on=01/07/2025", "page=-1", "status=lost", "size=999999&q=%C4%91",
		"protection_due_on=2025-02-30", "issuer=u12&capacity=T/M"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		values, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		q, err := documents.ParseListQuery(values)
		if err != nil {
			return
		}
		if q.Page < 0 || q.Size < 0 || q.Year < 0 || (q.Kind != "" && !q.Kind.Valid()) || (q.Status != "" && !q.Status.Valid()) {
			t.Fatalf("%q read as %+v", raw, q)
		}
		if q.Class != nil && !q.Class.Valid() {
			t.Fatalf("%q: class %d", raw, *q.Class)
		}
	})
}

// FuzzParseCapacity: a capacity read back from its label is itself.
func FuzzParseCapacity(f *testing.F) {
	for _, s := range []string{"T/M", "k/t", "TUQ.", "Q.", "", "xx"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, ok := documents.ParseCapacity(s)
		if !ok {
			return
		}
		if back, ok := documents.ParseCapacity(c.Label()); !ok || back != c {
			t.Fatalf("%q → %q → %q", s, c, back)
		}
	})
}
