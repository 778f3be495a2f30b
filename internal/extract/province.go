package extract

import (
	"fmt"

	"plenum/internal/gazetteer"
)

// The province of an article is read as a careful reader would: from the
// province it names ("tỉnh Bắc Kạn", "Tỉnh ủy Tuyên Quang"), or from a
// district, town or city named with its level word ("huyện Chiêm Hóa",
// "điểm cầu Chiêm Hóa") that belongs to one province only. Each naming is a
// vote; the province with most votes wins. A province named only in passing
// (once, without "tỉnh") does not decide alone.

var (
	provinceNames, provinceOf = provinceTable()
	districtNames, districtOf = districtTable()
	provinceLevels            = newPhrases([]string{"tỉnh", "Tỉnh ủy", "Thành ủy", "thành phố", "TP", "Đảng bộ tỉnh"})
	districtLevels            = newPhrases([]string{"huyện", "Huyện ủy", "thị xã", "Thị ủy", "quận", "Quận ủy", "thành phố", "Thành ủy", "TP", "điểm cầu"})
)

// provinceTable lists province names (old, new and common variants) and,
// by phrase id, the canonical name.
func provinceTable() (phrases, []string) {
	var names, canon []string
	add := func(name, c string) { names, canon = append(names, name), append(canon, c) }
	for _, p := range gazetteer.Before2025 {
		add(p.Name, p.Name)
	}
	for _, p := range gazetteer.After2025 {
		add(p.Name, p.Name)
	}
	add("Thừa Thiên - Huế", "Thừa Thiên Huế")
	add("Bà Rịa Vũng Tàu", "Bà Rịa - Vũng Tàu")
	add("Hồ Chí Minh", "Hồ Chí Minh")
	return newPhrases(names), canon
}

// districtTable lists district names and, by phrase id, the districts of
// that name (several provinces share names such as "Châu Thành").
func districtTable() (phrases, [][]gazetteer.District) {
	var names []string
	var of [][]gazetteer.District
	seen := map[string]int{}
	for _, d := range gazetteer.AllDistricts() {
		k := gazetteer.Key(d.Name)
		if i, ok := seen[k]; ok {
			of[i] = append(of[i], d)
			continue
		}
		seen[k] = len(names)
		names = append(names, d.Name)
		of = append(of, []gazetteer.District{d})
	}
	return newPhrases(names), of
}

// vote weights: a province named with its level word, a district of one
// province, a bare province name.
const (
	voteProvince = 3
	voteDistrict = 2
	voteBare     = 1
)

func (d *doc) province(a *Article) {
	votes := map[string]int{}
	first := map[string]int{} // order of first vote, for ties
	strong := false
	vote := func(p string, w int) {
		if _, ok := first[p]; !ok {
			first[p] = len(first)
		}
		votes[p] += w
		if w > voteBare {
			strong = true
		}
	}
	var reasons []string
	read := func(toks []token, names []bool) {
		for i := 0; i < len(toks); i++ {
			if !toks[i].word || names != nil && names[i] {
				continue
			}
			lv, _ := provinceLevels.match(toks, i)
			dv, _ := districtLevels.match(toks, i)
			if toks[i].key == "tp" && i+1 < len(toks) && toks[i+1].key == "." {
				lv, dv = i+2, i+2 // "TP. Hồ Chí Minh", "TP. Việt Trì"
			}
			at := max(lv, dv)
			if at > i && at < len(toks) && toks[at].upper {
				if lv > i {
					if e, id := provinceNames.match(toks, lv); e > lv {
						vote(provinceOf[id], voteProvince)
						i = e - 1
						continue
					}
				}
				if dv > i {
					if e, id := districtNames.match(toks, dv); e > dv {
						if ds := districtOf[id]; len(ds) == 1 {
							p := canonicalOld(ds[0].Province)
							vote(p, voteDistrict)
							reasons = append(reasons, fmt.Sprintf("%s %s is in %s", ds[0].Kind, ds[0].Name, p))
						}
						i = e - 1
						continue
					}
				}
			}
			if toks[i].upper {
				if e, id := provinceNames.match(toks, i); e > i && (e == len(toks) || !toks[e].upper) {
					vote(provinceOf[id], voteBare)
					i = e - 1
				}
			}
		}
	}
	for pi := range d.paras {
		read(d.paras[pi].toks, d.paras[pi].names)
	}
	if len(votes) == 0 {
		// Nothing in the article: the portal's chrome ("Cổng Thông tin điện
		// tử tỉnh Bình Định", "Cơ quan chủ quản: Tỉnh ủy Kon Tum") tells
		// whose news it is. Reading stops at a "Tin liên quan" list: other
		// articles' headlines name other places.
		for _, line := range a.Boilerplate {
			if isRelatedMarker(lower(line)) {
				break
			}
			read(tokenize(line), nil)
		}
		if len(votes) > 0 {
			a.note("province: from the portal's name or footer")
		}
	}
	best, bestVotes := "", 0
	for p, v := range votes {
		if v > bestVotes || (v == bestVotes && first[p] < first[best]) {
			best, bestVotes = p, v
		}
	}
	if best == "" || (!strong && bestVotes < 2) {
		return
	}
	if !d.namesProvince(best) {
		for _, r := range reasons {
			a.note("province: " + r)
		}
	}
	// After the 2025 reorganisation a place of an old province is in its
	// successor.
	if day := a.EventDate; !day.IsZero() || !a.Published.IsZero() {
		if day.IsZero() {
			day = a.Published
		}
		if !day.Before(gazetteer.Reorganised) {
			if s, ok := gazetteer.Successor(best); ok && s != best {
				a.note(fmt.Sprintf("province: %s is part of %s since %s", best, s, gazetteer.Reorganised))
				best = s
			}
		}
	}
	a.Province = best
}

// namesProvince reports whether the chosen province was also named directly.
func (d *doc) namesProvince(p string) bool {
	k := gazetteer.Key(p)
	for _, para := range d.paras {
		for i := range para.toks {
			if e, id := provinceNames.match(para.toks, i); e > i && gazetteer.Key(provinceOf[id]) == k {
				return true
			}
		}
	}
	return false
}

// canonicalOld is the spelling of an old province in gazetteer.Before2025.
func canonicalOld(name string) string {
	if p, ok := gazetteer.OldProvince(name); ok {
		return p.Name
	}
	return name
}
