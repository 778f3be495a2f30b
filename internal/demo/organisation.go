package demo

import (
	"strings"

	"plenum/internal/date"
	"plenum/internal/org"
)

const noteStart = "Đơn vị đã tồn tại trước ngày bắt đầu của dữ liệu minh họa (01/01/2016); ngày thành lập thực tế không được ghi."

// provinceUnit is one of the units every province has; %s in the names is
// the province's name. Parent is the code suffix of the parent ("" for the
// Provincial Committee itself, whose parent is the Central Committee).
type provinceUnit struct {
	suffix, parent string
	kind           org.Kind
	name, short    string
}

// provinceUnits are created for every province on Start, parents first.
var provinceUnits = []provinceUnit{
	{"tu", "", org.PartyCommittee, "Tỉnh ủy %s", ""},
	{"btv", "tu", org.StandingBoard, "Ban Thường vụ Tỉnh ủy %s", "BTV Tỉnh ủy %s"},
	{"vp", "tu", org.PartyAgency, "Văn phòng Tỉnh ủy %s", ""},
	{"btc", "tu", org.PartyAgency, "Ban Tổ chức Tỉnh ủy %s", ""},
	{"ubkt", "tu", org.PartyAgency, "Ủy ban Kiểm tra Tỉnh ủy %s", "UBKT Tỉnh ủy %s"},
	{"btg", "tu", org.PartyAgency, "Ban Tuyên giáo Tỉnh ủy %s", ""},
	{"bdv", "tu", org.PartyAgency, "Ban Dân vận Tỉnh ủy %s", ""},
	{"hdnd", "tu", org.PeoplesCouncil, "Hội đồng nhân dân tỉnh %s", "HĐND tỉnh %s"},
	{"ubnd", "tu", org.PeoplesCommittee, "Ủy ban nhân dân tỉnh %s", "UBND tỉnh %s"},
	{"so-nv", "ubnd", org.Department, "Sở Nội vụ tỉnh %s", ""},
	{"so-tc", "ubnd", org.Department, "Sở Tài chính tỉnh %s", ""},
	{"so-khdt", "ubnd", org.Department, "Sở Kế hoạch và Đầu tư tỉnh %s", "Sở KH&ĐT tỉnh %s"},
	{"so-gddt", "ubnd", org.Department, "Sở Giáo dục và Đào tạo tỉnh %s", "Sở GD&ĐT tỉnh %s"},
	{"so-yt", "ubnd", org.Department, "Sở Y tế tỉnh %s", ""},
	{"mttq", "tu", org.FatherlandFront, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh %s", "UBMTTQ tỉnh %s"},
	{"tinh-doan", "tu", org.MassOrganisation, "Tỉnh đoàn %s", "Đoàn TNCS Hồ Chí Minh tỉnh %s"},
	{"hlhpn", "tu", org.MassOrganisation, "Hội Liên hiệp Phụ nữ tỉnh %s", "Hội LHPN tỉnh %s"},
	{"hnd", "tu", org.MassOrganisation, "Hội Nông dân tỉnh %s", ""},
	{"hccb", "tu", org.MassOrganisation, "Hội Cựu chiến binh tỉnh %s", "Hội CCB tỉnh %s"},
	{"ldld", "tu", org.MassOrganisation, "Liên đoàn Lao động tỉnh %s", "LĐLĐ tỉnh %s"},
	{"doan-dbqh", "tu", org.NADelegation, "Đoàn đại biểu Quốc hội tỉnh %s", "Đoàn ĐBQH tỉnh %s"},
}

func fill(tmpl, name string) string {
	if tmpl == "" {
		return ""
	}
	return strings.ReplaceAll(tmpl, "%s", name)
}

// Codes of the units of the demo.
func provinceCode(p province, suffix string) string { return p.key + "." + suffix }
func districtCode(p province, d district, suffix string) string {
	return p.key + "." + slug(d.name) + "." + suffix
}
func communeCode(p province, d district, c string, suffix string) string {
	return p.key + "." + slug(d.name) + "." + slug(c) + "." + suffix
}

// The Party committee of a district-level unit is a Thành ủy, Thị ủy or
// Huyện ủy according to its kind; its council and committee carry the kind.
func districtCommitteeName(kind, name string) string {
	switch kind {
	case "thành phố":
		return "Thành ủy " + name
	case "thị xã":
		return "Thị ủy " + name
	}
	return "Huyện ủy " + name
}

func councilName(kind, name string) (string, string) {
	return "Hội đồng nhân dân " + kind + " " + name, "HĐND " + kind + " " + name
}

func committeeName(kind, name string) (string, string) {
	return "Ủy ban nhân dân " + kind + " " + name, "UBND " + kind + " " + name
}

// organisation creates the units as they stood on Start.
func (l *loader) organisation() {
	l.create("tw", org.PartyCommittee, org.Central, "Ban Chấp hành Trung ương Đảng", "BCH Trung ương", "", Start, noteStart)
	l.create("tw.bct", org.StandingBoard, org.Central, "Bộ Chính trị", "", "tw", Start, noteStart)
	for _, p := range provinces {
		for _, u := range provinceUnits {
			parent := "tw"
			if u.parent != "" {
				parent = provinceCode(p, u.parent)
			}
			l.create(provinceCode(p, u.suffix), u.kind, org.Province, fill(u.name, p.name), fill(u.short, p.name), parent, Start, noteStart)
		}
		for _, d := range p.districts {
			hu := districtCode(p, d, "hu")
			l.create(hu, org.PartyCommittee, org.District, districtCommitteeName(d.kind, d.name), "", provinceCode(p, "tu"), Start, noteStart)
			name, short := councilName(d.kind, d.name)
			l.create(districtCode(p, d, "hdnd"), org.PeoplesCouncil, org.District, name, short, hu, Start, noteStart)
			name, short = committeeName(d.kind, d.name)
			l.create(districtCode(p, d, "ubnd"), org.PeoplesCommittee, org.District, name, short, hu, Start, noteStart)
			for _, c := range d.communes {
				du := communeCode(p, d, c.name, "du")
				l.create(du, org.PartyCommittee, org.Commune, "Đảng ủy "+c.kind+" "+c.name, "", hu, Start, noteStart)
				name, short := committeeName(c.kind, c.name)
				l.create(communeCode(p, d, c.name, "ubnd"), org.PeoplesCommittee, org.Commune, name, short, du, Start, noteStart)
			}
		}
	}
}

// history records the real changes between Start and the 2025 reform.
func (l *loader) history() {
	for _, p := range provinces {
		for _, d := range p.districts {
			for _, r := range d.renames {
				a := org.Act{Effective: date.MustParse(r.on), Basis: r.basis, Note: r.note}
				l.rename(districtCode(p, d, "hu"), districtCommitteeName(r.kind, d.name), "", a)
				name, short := councilName(r.kind, d.name)
				l.rename(districtCode(p, d, "hdnd"), name, short, a)
				name, short = committeeName(r.kind, d.name)
				l.rename(districtCode(p, d, "ubnd"), name, short, a)
			}
		}
	}
	// Early in 2025 every province merged its Propaganda and Mass
	// Mobilisation boards into one new board, and its Department of
	// Planning and Investment into its Department of Finance.
	// The provinces did so between early February and 1 March 2025, each
	// by its own decision; the demo uses 1 March for all.
	streamlineParty := org.Act{Effective: date.MustParse("2025-03-01"),
		Basis: "Kết luận số 121-KL/TW ngày 24/01/2025 của Ban Chấp hành Trung ương Đảng về tổng kết Nghị quyết số 18-NQ/TW; quyết định của Tỉnh ủy",
		Note:  noteApprox}
	streamlineState := org.Act{Effective: date.MustParse("2025-03-01"),
		Basis: "Sắp xếp, tinh gọn các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh năm 2025",
		Note:  noteApprox}
	for _, p := range provinces {
		l.mergeNew(provinceCode(p, "btgdv"), org.NewUnit{Kind: org.PartyAgency, Level: org.Province,
			Name: "Ban Tuyên giáo và Dân vận Tỉnh ủy " + p.name}, provinceCode(p, "tu"), streamlineParty,
			provinceCode(p, "btg"), provinceCode(p, "bdv"))
		l.merge(provinceCode(p, "so-tc"), streamlineState, provinceCode(p, "so-khdt"))
	}
}
