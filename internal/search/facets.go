package search

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"

	"plenum/internal/auth"
	"plenum/internal/db"
	"plenum/internal/docsym"
	"plenum/internal/i18n"
)

// The facets, by the name of the query parameter that filters by them.
const (
	FacetEntity = "entity"
	FacetKind   = "kind"
	FacetIssuer = "issuer"
	FacetUnit   = "unit_id"
	FacetYear   = "year"
	FacetStatus = "status"
)

// facetNames is the order facets are shown in.
var facetNames = []string{FacetEntity, FacetKind, FacetIssuer, FacetUnit, FacetYear, FacetStatus}

// maxFacetValues bounds the values listed per facet (the most frequent; a
// chosen value is always listed).
const maxFacetValues = 15

// Facet counts the hits by one filter.
type Facet struct {
	// Name is the filter's query parameter: entity, kind, issuer, unit_id, year, status.
	Name   string       `json:"name"`
	Values []FacetValue `json:"values"`
}

// FacetValue is one value of a facet and how many visible hits have it.
type FacetValue struct {
	Value    string `json:"value"`
	Label    string `json:"label"`
	Count    int    `json:"count"`
	Selected bool   `json:"selected,omitempty"`
}

// value returns a group's value for the facet.
func (f filters) value(facet string) string {
	switch facet {
	case FacetEntity:
		return f.Entity
	case FacetKind:
		return f.Kind
	case FacetIssuer:
		return f.Issuer
	case FacetUnit:
		if f.UnitID == 0 {
			return ""
		}
		return strconv.FormatInt(f.UnitID, 10)
	case FacetYear:
		if f.Year == 0 {
			return ""
		}
		return strconv.Itoa(f.Year)
	case FacetStatus:
		return f.Status
	}
	return ""
}

// label orders each facet's values, keeps the most frequent, and names them
// in lang. Facets with no value are left out.
func (ix *Index) label(ctx context.Context, counts map[string]map[string]int, f filters, lang string) ([]Facet, error) {
	units, err := ix.unitNames(ctx, counts[FacetUnit])
	if err != nil {
		return nil, err
	}
	var out []Facet
	for _, name := range facetNames {
		selected := f.value(name)
		var vs []FacetValue
		for v, n := range counts[name] {
			vs = append(vs, FacetValue{Value: v, Count: n, Selected: v == selected})
		}
		if len(vs) == 0 {
			continue
		}
		switch name {
		case FacetEntity:
			slices.SortFunc(vs, func(a, b FacetValue) int { return slices.Index(Entities, a.Value) - slices.Index(Entities, b.Value) })
		case FacetYear:
			slices.SortFunc(vs, func(a, b FacetValue) int { return cmp.Compare(b.Value, a.Value) })
		default:
			slices.SortFunc(vs, func(a, b FacetValue) int { return cmp.Or(b.Count-a.Count, cmp.Compare(a.Value, b.Value)) })
		}
		if len(vs) > maxFacetValues {
			kept := vs[:maxFacetValues:maxFacetValues]
			if i := slices.IndexFunc(vs, func(v FacetValue) bool { return v.Selected }); i >= maxFacetValues {
				kept = append(kept, vs[i])
			}
			vs = kept
		}
		for i := range vs {
			vs[i].Label = facetLabel(name, vs[i].Value, lang, units)
		}
		out = append(out, Facet{Name: name, Values: vs})
	}
	return out, nil
}

// facetLabel names a facet value in lang.
func facetLabel(facet, value, lang string, units map[string]string) string {
	switch facet {
	case FacetEntity:
		return i18n.T(lang, "search.entity."+value)
	case FacetKind:
		return KindLabel(value, lang)
	case FacetStatus:
		return StatusLabel(value, lang)
	case FacetUnit:
		if n, ok := units[value]; ok {
			return n
		}
	}
	return value
}

// KindLabel names a record's kind in lang: a document kind (docsym's
// schema name), a unit kind, or a kind with a search.kind.* message.
func KindLabel(kind, lang string) string {
	if key := "search.kind." + kind; i18n.Has(key) {
		return i18n.T(lang, key)
	}
	if k, ok := docsym.KindBySchema(kind); ok {
		return k.Name(lang)
	}
	if key := "org.kind." + kind; i18n.Has(key) {
		return i18n.T(lang, key)
	}
	return kind
}

// StatusLabel names a record's status in lang, when search.status.* has it.
func StatusLabel(status, lang string) string {
	if key := "search.status." + status; status != "" && i18n.Has(key) {
		return i18n.T(lang, key)
	}
	return status
}

// unitNames returns the latest name of each unit counted in the unit facet.
func (ix *Index) unitNames(ctx context.Context, counts map[string]int) (map[string]string, error) {
	out := map[string]string{}
	if len(counts) == 0 {
		return out, nil
	}
	var ids []int64
	for v := range counts {
		id, err := strconv.ParseInt(v, 10, 64)
		if err == nil {
			ids = append(ids, id)
		}
	}
	var args db.Args
	rows, err := ix.query(ctx, `SELECT unit_id, name FROM unit_names
		WHERE unit_id IN `+db.In(&args, ids)+` ORDER BY unit_id, valid_from`, args)
	if err != nil {
		return nil, fmt.Errorf("search: unit names: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, fmt.Errorf("search: unit names: %w", err)
		}
		out[strconv.FormatInt(id, 10)] = name // the latest name wins
	}
	return out, rows.Err()
}

// Readable returns the kinds of record a principal may read, for
// Query.Readable: a search never returns a kind of record its reader could
// not open (an API token scoped to org.read finds units only).
func Readable(p auth.Principal) []string {
	out := []string{}
	for _, k := range kinds {
		if p.Can(k.read) {
			out = append(out, k.entity)
		}
	}
	return out
}
