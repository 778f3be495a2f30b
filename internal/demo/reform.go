package demo

import "plenum/internal/org"

// The reform effective 2025-07-01. Provinces: Nghị quyết số 202/2025/QH15 of
// the National Assembly (12 June 2025) merged Bắc Kạn into Thái Nguyên, Hà
// Giang into Tuyên Quang and Long An into Tây Ninh; the merged Party
// organisations were set up by decisions of the Politburo. Districts: the
// Law on the Organisation of Local Government of 2025 ended the
// district-level administrative units, and the district Party committees
// ended with them; communes now answer to the province.
//
// Communes were also merged that day, into new, larger communes, most with
// new names. The demo keeps that part small and simplified: a few communes
// merge into a neighbour that continues under its old name. That is
// plausible but not the real composition, and each such merge says so.

var (
	actProvince = org.Act{Effective: Reform,
		Basis: "Nghị quyết số 202/2025/QH15 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh"}
	actProvinceParty = org.Act{Effective: Reform,
		Basis: "Quyết định của Bộ Chính trị về việc hợp nhất đảng bộ tỉnh"}
	actDistrict = org.Act{Effective: Reform,
		Basis: "Luật Tổ chức chính quyền địa phương năm 2025: kết thúc hoạt động của đơn vị hành chính cấp huyện"}
	actCommune = org.Act{Effective: Reform,
		Basis: "Nghị quyết của Ủy ban Thường vụ Quốc hội về việc sắp xếp các đơn vị hành chính cấp xã năm 2025",
		Note:  "Dữ liệu minh họa: thành phần sáp nhập cấp xã được giản lược, không phải phương án thực tế."}
	actCommuneMove = org.Act{Effective: Reform,
		Basis: "Kết thúc tổ chức đảng bộ cấp huyện; đảng bộ cấp xã trực thuộc tỉnh ủy"}
)

// mergedUnits are the province units that merge into their counterparts,
// children before parents, so that no unit is orphaned.
var mergedUnits = []string{
	"btv", "vp", "btc", "ubkt", "btgdv",
	"so-nv", "so-tc", "so-gddt", "so-yt", "ubnd", "hdnd",
	"mttq", "tinh-doan", "hlhpn", "hnd", "hccb", "ldld", "doan-dbqh",
}

func provinceByKey(key string) province {
	for _, p := range provinces {
		if p.key == key {
			return p
		}
	}
	panic("demo: no province " + key)
}

func (l *loader) reform() {
	// Communes first: merges within each district, then every commune goes
	// under the Provincial Committee it answers to from now on, then the
	// district-level units end.
	for _, p := range provinces {
		newProvince := p
		if p.into != "" {
			newProvince = provinceByKey(p.into)
		}
		for _, d := range p.districts {
			for _, c := range d.communes {
				if c.into == "" {
					continue
				}
				l.merge(communeCode(p, d, c.into, "ubnd"), actCommune, communeCode(p, d, c.name, "ubnd"))
				l.merge(communeCode(p, d, c.into, "du"), actCommune, communeCode(p, d, c.name, "du"))
			}
			for _, c := range d.communes {
				if c.into == "" {
					l.move(communeCode(p, d, c.name, "du"), provinceCode(newProvince, "tu"), actCommuneMove)
				}
			}
			l.dissolve(districtCode(p, d, "ubnd"), actDistrict)
			l.dissolve(districtCode(p, d, "hdnd"), actDistrict)
			l.dissolve(districtCode(p, d, "hu"), actDistrict)
		}
	}
	// Then the provinces: each unit into its counterpart, the Provincial
	// Committee last.
	for _, p := range provinces {
		if p.into == "" {
			continue
		}
		q := provinceByKey(p.into)
		for _, suffix := range mergedUnits {
			a := actProvince
			switch suffix {
			case "btv", "vp", "btc", "ubkt", "btgdv":
				a = actProvinceParty
			}
			l.merge(provinceCode(q, suffix), a, provinceCode(p, suffix))
		}
		l.merge(provinceCode(q, "tu"), actProvinceParty, provinceCode(p, "tu"))
	}
}
