package ingest

import (
	"strings"

	"plenum/internal/org"
)

// unitRule says how the words after a title or at the head of a body's
// name give a unit.
type unitRule struct {
	kind org.Kind
	// central units are at the centre whatever follows.
	central bool
	// name is the agency's name words ("Ủy ban Kiểm tra", "Văn phòng"); with
	// prefix, the name is prefix and the words after it up to the committee
	// ("Trưởng Ban Tổ chức Tỉnh ủy" is of "Ban Tổ chức").
	name, prefix string
	// named units take their name from the words up to the committee or
	// level word ("Sở Tài chính", "Hội Nông dân tỉnh").
	named bool
}

// postRule maps the title a post starts with (folded, abbreviations spelt
// out) to a position of the catalogue (migration 00001) and the unit it is
// held in.
type postRule struct {
	title string
	code  string
	unitRule
	// needs is what the words after the title must start with for the rule
	// to apply ("Chủ tịch" heads a mass organisation only before "Hội …").
	needs []string
}

func pr(title, code string, kind org.Kind) postRule {
	return postRule{title: title, code: code, unitRule: unitRule{kind: kind}}
}

// postRules are tried in order; longer titles come before the titles they
// start with.
var postRules = []postRule{
	{title: "tong bi thu", code: "general_secretary", unitRule: unitRule{kind: org.PartyCommittee, central: true}},
	{title: "uy vien bo chinh tri", code: "politburo_member", unitRule: unitRule{kind: org.StandingBoard, central: true}},
	{title: "bi thu trung uong dang", code: "secretariat_member", unitRule: unitRule{kind: org.PartyCommittee, central: true}},
	{title: "uy vien du khuyet ban chap hanh trung uong", code: "central_committee_alternate", unitRule: unitRule{kind: org.PartyCommittee, central: true}},
	{title: "uy vien ban chap hanh trung uong", code: "central_committee_member", unitRule: unitRule{kind: org.PartyCommittee, central: true}},
	{title: "uy vien trung uong dang", code: "central_committee_member", unitRule: unitRule{kind: org.PartyCommittee, central: true}},
	{title: "pho bi thu", code: "mass_org_deputy_head", unitRule: unitRule{kind: org.MassOrganisation, named: true}, needs: youthUnions},
	{title: "bi thu", code: "mass_org_head", unitRule: unitRule{kind: org.MassOrganisation, named: true}, needs: youthUnions},
	pr("pho bi thu thuong truc", "standing_deputy_secretary", org.PartyCommittee),
	pr("pho bi thu", "deputy_secretary", org.PartyCommittee),
	pr("bi thu", "secretary", org.PartyCommittee),
	pr("uy vien ban thuong vu", "standing_board_member", org.StandingBoard),
	pr("uy vien ban chap hanh", "executive_committee_member", org.PartyCommittee),
	pr("tinh uy vien", "executive_committee_member", org.PartyCommittee),
	pr("thanh uy vien", "executive_committee_member", org.PartyCommittee),
	pr("huyen uy vien", "executive_committee_member", org.PartyCommittee),
	pr("pho chu tich thuong truc hoi dong nhan dan", "council_vice_chair", org.PeoplesCouncil),
	pr("pho chu tich hoi dong nhan dan", "council_vice_chair", org.PeoplesCouncil),
	pr("chu tich hoi dong nhan dan", "council_chair", org.PeoplesCouncil),
	pr("pho chu tich thuong truc uy ban nhan dan", "committee_vice_chair", org.PeoplesCommittee),
	pr("pho chu tich uy ban nhan dan", "committee_vice_chair", org.PeoplesCommittee),
	pr("chu tich uy ban nhan dan", "committee_chair", org.PeoplesCommittee),
	pr("pho chu tich uy ban mat tran to quoc", "front_vice_chair", org.FatherlandFront),
	pr("chu tich uy ban mat tran to quoc", "front_chair", org.FatherlandFront),
	pr("pho chu tich mat tran to quoc", "front_vice_chair", org.FatherlandFront),
	pr("chu tich mat tran to quoc", "front_chair", org.FatherlandFront),
	pr("pho truong doan dai bieu quoc hoi", "na_delegation_deputy_head", org.NADelegation),
	pr("truong doan dai bieu quoc hoi", "na_delegation_head", org.NADelegation),
	pr("dai bieu quoc hoi", "na_deputy", org.NADelegation),
	pr("dai bieu hoi dong nhan dan", "council_deputy", org.PeoplesCouncil),
	{title: "pho chu nhiem uy ban kiem tra", code: "inspection_vice_chair", unitRule: unitRule{kind: org.PartyAgency, name: "Ủy ban Kiểm tra"}},
	{title: "chu nhiem uy ban kiem tra", code: "inspection_chair", unitRule: unitRule{kind: org.PartyAgency, name: "Ủy ban Kiểm tra"}},
	{title: "pho truong ban", code: "deputy_board_head", unitRule: unitRule{kind: org.PartyAgency, prefix: "Ban"}},
	{title: "truong ban", code: "board_head", unitRule: unitRule{kind: org.PartyAgency, prefix: "Ban"}},
	{title: "pho chanh van phong", code: "deputy_office_chief", unitRule: unitRule{kind: org.PartyAgency, name: "Văn phòng"}},
	{title: "chanh van phong", code: "office_chief", unitRule: unitRule{kind: org.PartyAgency, name: "Văn phòng"}},
	{title: "pho giam doc", code: "deputy_department_director", unitRule: unitRule{kind: org.Department, named: true}, needs: []string{"so"}},
	{title: "giam doc", code: "department_director", unitRule: unitRule{kind: org.Department, named: true}, needs: []string{"so"}},
	{title: "pho chu tich", code: "mass_org_deputy_head", unitRule: unitRule{kind: org.MassOrganisation, named: true}, needs: massOrganisations},
	{title: "chu tich", code: "mass_org_head", unitRule: unitRule{kind: org.MassOrganisation, named: true}, needs: massOrganisations},
	{title: "pho truong phong", code: "deputy_division_head", unitRule: unitRule{kind: org.Department, named: true}},
	{title: "truong phong", code: "division_head", unitRule: unitRule{kind: org.Department, named: true}},
}

// The heads of the names of mass organisations.
var (
	youthUnions       = []string{"tinh doan", "thanh doan", "huyen doan"}
	massOrganisations = []string{"hoi", "lien doan", "lien hiep"}
)

// postSpec is a post as an article writes it, read: the position's code
// and the unit it is held in. ok is false when the title is not one of the
// catalogue's; hasUnit when the text names the unit well enough to look it
// up.
type postSpec struct {
	code    string
	unit    unitSpec
	ok      bool
	hasUnit bool
}

// readPost maps a post as written ("Phó Bí thư Thường trực Tỉnh ủy",
// "Chủ tịch UBND tỉnh", "Giám đốc Sở Tài chính", "Ủy viên BTV Huyện ủy
// Chiêm Hóa") to a position and a unit.
func (r *resolver) readPost(text string) postSpec {
	ws := splitWords(strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(text), "nguyên "), "Quyền "))
	ts := expand(ws)
	for _, rule := range postRules {
		if !hasPrefix(ts, rule.title) {
			continue
		}
		rest := ts[len(strings.Fields(rule.title)):]
		if len(rule.needs) > 0 && !startsWithAny(rest, rule.needs) {
			continue
		}
		sp := postSpec{code: rule.code, ok: true}
		sp.unit, sp.hasUnit = r.readUnit(rule.unitRule, ws, rest)
		return sp
	}
	return postSpec{}
}

func startsWithAny(ts []term, phrases []string) bool {
	for _, p := range phrases {
		if hasPrefix(ts, p) {
			return true
		}
	}
	return false
}

// readUnit reads the unit a post is held in, or a body, from the words
// after its title or head: its name for named units, then the committee or
// level word, then the place. It reports whether the unit is named well
// enough to look up.
func (r *resolver) readUnit(rule unitRule, ws []word, rest []term) (unitSpec, bool) {
	u := unitSpec{Kind: rule.kind}
	if rule.central {
		u.Level = org.Central
		return u, true
	}
	// The words up to the committee or level word name an agency or a
	// department.
	cut := len(rest)
	for i := range rest {
		if _, _, ok := r.levelOf(rest[i:]); ok {
			cut = i
			break
		}
		// "Ban Chấp hành Đảng bộ tỉnh", "Đảng ủy xã": the committee itself.
		if hasPrefix(rest[i:], "dang bo") || hasPrefix(rest[i:], "dang uy") {
			cut = i
			break
		}
	}
	named := originalWords(ws, rest[:cut])
	switch {
	case rule.name != "":
		u.Name = rule.name
	case rule.prefix != "":
		if named == "" {
			return u, false
		}
		u.Name = rule.prefix + " " + named
	case rule.named && named == "" && rule.kind == org.MassOrganisation && len(rest) >= 2 && rest[1].fold == "doan":
		u.Name = originalWords(ws, rest[:2]) // "Tỉnh đoàn": the level word is the name
	case rule.named:
		if named == "" {
			return u, false
		}
		u.Name = named
	}
	tail := rest[cut:]
	for len(tail) > 0 && (tail[0].fold == "dang" || tail[0].fold == "bo" || tail[0].fold == "ban" ||
		tail[0].fold == "chap" || tail[0].fold == "hanh" || tail[0].fold == "uy") {
		tail = tail[1:] // "Ban Chấp hành Đảng bộ tỉnh" → "tỉnh", "Đảng ủy xã X" → "xã X"
	}
	level, n, ok := r.levelOf(tail)
	if !ok {
		// No level word: the province, for the State and Front bodies and
		// the departments that exist at that level ("Chủ tịch UBND",
		// "Giám đốc Sở Y tế"); a Party post must say which committee.
		if u.Kind == org.PartyCommittee || u.Kind == org.StandingBoard || u.Kind == org.PartyAgency && u.Name == "" {
			return u, false
		}
		u.Level = org.Province
		return u, len(rest) == cut
	}
	u.Level = level
	if level == org.Central {
		return u, true
	}
	if n < len(tail) {
		u.Place = placeAfter(ws, tail[n].at)
	}
	return u, u.Level == org.Province || u.Place != ""
}

// originalWords is the original text of the words behind terms, each word
// once.
func originalWords(ws []word, ts []term) string {
	var out []string
	last := -1
	for _, t := range ts {
		if t.at != last {
			out = append(out, ws[t.at].text)
			last = t.at
		}
	}
	return strings.Join(out, " ")
}

// bodyRule maps the head of an organisation's name (folded, abbreviations
// spelt out) to the unit it names. keep says the head is part of the
// name's words ("Sở Y tế", "Hội Nông dân").
type bodyRule struct {
	head string
	unitRule
	keep bool
}

// bodyRules are tried in order; longer heads first.
var bodyRules = []bodyRule{
	{head: "ban chap hanh trung uong", unitRule: unitRule{kind: org.PartyCommittee, central: true}},
	{head: "bo chinh tri", unitRule: unitRule{kind: org.StandingBoard, central: true}},
	{head: "ban chap hanh dang bo", unitRule: unitRule{kind: org.PartyCommittee}},
	{head: "ban chap hanh", unitRule: unitRule{kind: org.PartyCommittee}},
	{head: "dang bo", unitRule: unitRule{kind: org.PartyCommittee}},
	{head: "ban thuong vu", unitRule: unitRule{kind: org.StandingBoard}},
	{head: "thuong truc", unitRule: unitRule{kind: org.StandingBoard}},
	{head: "hoi dong nhan dan", unitRule: unitRule{kind: org.PeoplesCouncil}},
	{head: "uy ban nhan dan", unitRule: unitRule{kind: org.PeoplesCommittee}},
	{head: "uy ban mat tran to quoc", unitRule: unitRule{kind: org.FatherlandFront}},
	{head: "mat tran to quoc", unitRule: unitRule{kind: org.FatherlandFront}},
	{head: "doan dai bieu quoc hoi", unitRule: unitRule{kind: org.NADelegation}},
	{head: "uy ban kiem tra", unitRule: unitRule{kind: org.PartyAgency, name: "Ủy ban Kiểm tra"}},
	{head: "van phong", unitRule: unitRule{kind: org.PartyAgency, name: "Văn phòng"}},
	{head: "ban", unitRule: unitRule{kind: org.PartyAgency, prefix: "Ban"}},
	{head: "so", unitRule: unitRule{kind: org.Department, named: true}, keep: true},
	{head: "hoi", unitRule: unitRule{kind: org.MassOrganisation, named: true}, keep: true},
	{head: "lien doan", unitRule: unitRule{kind: org.MassOrganisation, named: true}, keep: true},
	{head: "tinh doan", unitRule: unitRule{kind: org.MassOrganisation, named: true}, keep: true},
}

// readBody reads the name of an organisation as a text writes it — a
// meeting's body ("Ban Chấp hành Đảng bộ tỉnh", "HĐND tỉnh Lào Cai"), a
// task's lead ("Ban Tuyên giáo Tỉnh ủy", "UBND tỉnh", "Sở Y tế", "Huyện ủy
// Chiêm Hóa") — as a unit to look up; ok is false for what names no one
// unit ("các cấp ủy", "các sở, ngành").
func (r *resolver) readBody(text string) (unitSpec, bool) {
	ws := splitWords(text)
	ts := expand(ws)
	if len(ts) == 0 || ts[0].fold == "cac" || ts[0].fold == "nhung" {
		return unitSpec{}, false
	}
	for _, rule := range bodyRules {
		if !hasPrefix(ts, rule.head) {
			continue
		}
		rest := ts
		if !rule.keep {
			rest = ts[len(strings.Fields(rule.head)):]
		}
		return r.readUnit(rule.unitRule, ws, rest)
	}
	// A committee named by its level: "Tỉnh ủy", "Huyện ủy Chiêm Hóa", "Đảng ủy xã …".
	if len(ts) > 1 && ts[1].fold == "uy" && (ts[0].fold != "dang" || len(ts) > 2) {
		return r.readUnit(unitRule{kind: org.PartyCommittee}, ws, ts)
	}
	return unitSpec{}, false
}
