package ingest

import (
	"context"
	"slices"
	"strings"

	"plenum/internal/date"
	"plenum/internal/gazetteer"
	"plenum/internal/org"
	"plenum/internal/vn"
)

// unitSpec describes a unit as an article names it: its kind, its level,
// the place it is of ("Bắc Kạn", "Chiêm Hóa"; "" at the centre or when the
// text does not say) and, for agencies, departments and mass
// organisations, the words that tell it from its siblings ("Ban Tổ chức",
// "Sở Tài chính", "Hội Nông dân").
type unitSpec struct {
	Kind  org.Kind
	Level org.Level
	Place string
	Name  string
}

// resolver finds the units of an article's province as of a date.
type resolver struct {
	units *org.Store
	// province is the article's province as the gazetteer names it, "" if
	// unknown; city reports a centrally governed city.
	province string
	city     bool
	cache    map[string][]ranked
}

func newResolver(units *org.Store, province string) *resolver {
	r := &resolver{units: units, cache: map[string][]ranked{}}
	if p, ok := gazetteer.LookupProvince(province); ok {
		r.province, r.city = p.Name, p.City
	}
	return r
}

// provinceOn is the province an article's province name means on day: from
// 2025-07-01, an old province is read as the one it was merged into.
func provinceOn(name string, day date.Date) string {
	if name == "" || day.Before(gazetteer.Reorganised) {
		return name
	}
	if succ, ok := gazetteer.Successor(name); ok {
		return succ
	}
	return name
}

// ranked is a unit found for a spec, with how many words of its name were
// not asked for.
type ranked struct {
	org.Unit
	extra int
}

// find returns the units that fit spec on day, the likeliest first: those
// whose names carry the fewest words beyond what was asked. A spec without
// a place at the province level takes the article's province.
func (r *resolver) find(ctx context.Context, spec unitSpec, day date.Date) ([]ranked, error) {
	if r.units == nil || !spec.Kind.Valid() || !spec.Level.Valid() || day.IsZero() {
		return nil, nil
	}
	place := spec.Place
	if spec.Level == org.Province {
		if place == "" {
			place = r.province
		}
		if place == "" {
			return nil, nil
		}
		place = provinceOn(place, day)
	} else if spec.Level != org.Central && place == "" {
		return nil, nil // a district or commune the text does not name
	}
	query := strings.TrimSpace(spec.Name + " " + place)
	key := string(spec.Kind) + "|" + string(spec.Level) + "|" + vn.Fold(query) + "|" + day.String()
	if rs, ok := r.cache[key]; ok {
		return rs, nil
	}
	us, err := r.units.Search(ctx, org.SearchQuery{Text: query, AsOf: day, Kind: spec.Kind, Level: spec.Level, Limit: 20})
	if err != nil {
		return nil, err
	}
	asked := map[string]bool{}
	for _, w := range foldWords(query) {
		asked[w] = true
	}
	rs := make([]ranked, len(us))
	for i, u := range us {
		rs[i].Unit = u
		for _, w := range foldWords(u.Name) {
			if !asked[w] && !levelWord[w] {
				rs[i].extra++
			}
		}
	}
	slices.SortStableFunc(rs, func(a, b ranked) int { return a.extra - b.extra })
	r.cache[key] = rs
	return rs, nil
}

// levelWord are words a unit's name carries besides what tells it apart:
// "Ủy ban nhân dân tỉnh Bắc Kạn" is still the UBND of Bắc Kạn.
var levelWord = map[string]bool{
	"tinh": true, "uy": true, "thanh": true, "pho": true, "huyen": true, "thi": true, "xa": true, "quan": true,
	"phuong": true, "tran": true, "ban": true, "nhan": true, "dan": true, "hoi": true, "dong": true,
	"thuong": true, "vu": true, "dang": true, "bo": true, "chap": true, "hanh": true, "trung": true, "uong": true,
	"mat": true, "to": true, "quoc": true, "viet": true, "nam": true, "doan": true, "dai": true, "bieu": true,
}

// pick is the unit to propose among those found — the only one, or the
// first when no other has as few extra words — and the candidates.
func (r *resolver) pick(ctx context.Context, spec unitSpec, day date.Date) (org.Unit, []Candidate, error) {
	rs, err := r.find(ctx, spec, day)
	if err != nil || len(rs) == 0 {
		return org.Unit{}, nil, err
	}
	cands := make([]Candidate, len(rs))
	for i, u := range rs {
		cands[i] = Candidate{ID: u.ID, Label: u.Name}
	}
	if len(rs) == 1 || rs[0].extra < rs[1].extra {
		return rs[0].Unit, cands, nil
	}
	return org.Unit{}, cands, nil
}

// levelOf reads the level a committee or level word names: "tỉnh",
// "Tỉnh ủy", "huyện", "Thành ủy", "xã" …; ok is false for none. A city
// ("thành phố", "Thành ủy") is a province when the article's province is a
// centrally governed city, else a district-level city.
func (r *resolver) levelOf(ts []term) (org.Level, int, bool) {
	if len(ts) == 0 {
		return "", 0, false
	}
	two := ""
	if len(ts) > 1 {
		two = ts[0].fold + " " + ts[1].fold
	}
	city := org.District
	if r.city {
		city = org.Province
	}
	switch two {
	case "tinh uy", "tinh doan":
		return org.Province, 2, true
	case "thanh uy", "thanh pho", "thanh doan":
		return city, 2, true
	case "huyen uy", "huyen doan", "thi uy", "quan uy", "thi xa":
		return org.District, 2, true
	case "thi tran", "dac khu":
		return org.Commune, 2, true
	case "trung uong":
		return org.Central, 2, true
	}
	switch ts[0].fold {
	case "tinh":
		return org.Province, 1, true
	case "huyen", "quan":
		return org.District, 1, true
	case "xa", "phuong":
		return org.Commune, 1, true
	}
	return "", 0, false
}

// placeAfter reads the place name written after a level word: the
// capitalised words that follow ("huyện Chiêm Hóa"), "" if none.
func placeAfter(ws []word, from int) string {
	var names []string
	for i := from; i < len(ws) && ws[i].upper; i++ {
		if i > from && ws[i].start-ws[i-1].end > 1 {
			break // punctuation between: another phrase
		}
		names = append(names, ws[i].text)
	}
	return strings.Join(names, " ")
}
