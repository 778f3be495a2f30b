package demo

import (
	"strings"

	"plenum/internal/date"
	"plenum/internal/people"
)

// Dates of the terms: Party congresses of the provinces in autumn 2020, the
// first sessions of the People's Councils of the 2016–2021 and 2021–2026
// terms, the 15th National Assembly. The demo uses one date for all six
// provinces; the real days differed by a few weeks.
const (
	congress2020 = "2020-10-15"
	council2016  = "2016-06-28"
	council2021  = "2021-06-25"
	committee21  = "2021-06-28"
	assembly15   = "2021-07-20"
	centre13     = "2021-01-30"
	streamlined  = "2025-03-01"
	start        = "2016-01-01"
)

// role is one post of a slot. unit is a code suffix within the province,
// or an absolute code after "@". %s in title is the province's name; an
// empty title is composed from the position and the unit's name.
type role struct {
	unit, position, title, from, to string
}

// slot is a person's career in a province.
type slot struct {
	key    string
	gender people.Gender
	roles  []role
}

const (
	titleMember  = "Ủy viên Ban Chấp hành Đảng bộ tỉnh %s"
	titleStdDep  = "Phó Bí thư Thường trực Tỉnh ủy %s"
	titleDeputy  = "Phó Bí thư Tỉnh ủy %s"
	titleDeputyA = "Đại biểu Quốc hội khóa XV, Đoàn ĐBQH tỉnh %s"
)

var provinceSlots = []slot{
	{key: "bi-thu-2015", roles: []role{
		{"tu", "secretary", "", start, congress2020},
		{"hdnd", "council_chair", "", council2016, council2021}}},
	{key: "bi-thu-2020", roles: []role{
		{"tu", "standing_deputy_secretary", titleStdDep, start, congress2020},
		{"tu", "secretary", "", congress2020, ""},
		{"hdnd", "council_chair", "", council2021, ""},
		{"@tw", "central_committee_member", "", centre13, ""}}},
	{key: "chu-tich-ubnd", roles: []role{
		{"ubnd", "committee_vice_chair", "", start, "2019-03-15"},
		{"ubnd", "committee_chair", "", "2019-03-15", ""},
		{"tu", "deputy_secretary", titleDeputy, congress2020, ""}}},
	{key: "pho-bi-thu-tt", roles: []role{
		{"btv", "standing_board_member", "", start, congress2020},
		{"tu", "standing_deputy_secretary", titleStdDep, congress2020, ""}}},
	{key: "chu-tich-mttq", roles: []role{
		{"mttq", "front_chair", "", "2019-09-20", ""},
		{"btv", "standing_board_member", "", congress2020, ""}}},
	{key: "truong-ban-to-chuc", roles: []role{
		{"btc", "board_head", "", "2020-10-20", ""},
		{"btv", "standing_board_member", "", congress2020, ""}}},
	{key: "chu-nhiem-ubkt", roles: []role{
		{"ubkt", "inspection_chair", "", congress2020, ""},
		{"btv", "standing_board_member", "", congress2020, ""}}},
	{key: "truong-ban-tuyen-giao", roles: []role{
		{"btg", "board_head", "", "2020-10-20", streamlined},
		{"btgdv", "board_head", "", streamlined, ""},
		{"btv", "standing_board_member", "", congress2020, ""}}},
	{key: "truong-ban-dan-van", gender: people.Female, roles: []role{
		{"bdv", "board_head", "", "2020-10-20", streamlined},
		{"btgdv", "deputy_board_head", "", streamlined, ""},
		{"tu", "executive_committee_member", titleMember, congress2020, ""}}},
	{key: "chanh-van-phong", roles: []role{
		{"vp", "office_chief", "", "2021-03-01", ""},
		{"tu", "executive_committee_member", titleMember, congress2020, ""}}},
	{key: "pho-chu-tich-ubnd-tt", roles: []role{
		{"btv", "standing_board_member", "", congress2020, ""},
		{"ubnd", "committee_vice_chair", "", committee21, ""}}},
	{key: "pho-chu-tich-ubnd", gender: people.Female, roles: []role{
		{"ubnd", "committee_vice_chair", "", committee21, ""},
		{"tu", "executive_committee_member", titleMember, congress2020, ""}}},
	{key: "giam-doc-so-tai-chinh", roles: []role{
		{"so-tc", "department_director", "", "2018-04-01", ""},
		{"tu", "executive_committee_member", titleMember, congress2020, ""}}},
	{key: "giam-doc-so-noi-vu", roles: []role{
		{"so-nv", "department_director", "", "2019-07-01", ""}}},
	{key: "giam-doc-so-khdt", roles: []role{
		{"so-khdt", "department_director", "", "2017-05-01", streamlined},
		{"so-tc", "deputy_department_director", "", streamlined, ""}}},
	{key: "truong-doan-dbqh", roles: []role{
		{"doan-dbqh", "na_delegation_head", "", assembly15, ""},
		{"doan-dbqh", "na_deputy", titleDeputyA, assembly15, ""},
		{"tu", "executive_committee_member", titleMember, congress2020, ""}}},
	{key: "pho-chu-tich-hdnd", roles: []role{
		{"hdnd", "council_vice_chair", "", council2021, ""}}},
	{key: "bi-thu-tinh-doan", roles: []role{
		{"tinh-doan", "mass_org_head", "Bí thư Tỉnh đoàn %s", "2017-10-01", ""}}},
	{key: "chu-tich-hoi-phu-nu", gender: people.Female, roles: []role{
		{"hlhpn", "mass_org_head", "Chủ tịch Hội Liên hiệp Phụ nữ tỉnh %s", start, ""}}},
	{key: "giam-doc-so-gddt", gender: people.Female, roles: []role{
		{"so-gddt", "department_director", "", "2020-01-01", ""}}},
}

// afterReform are the posts that people of a merged-away province take in
// the province it merged into, from 2025-07-01.
var afterReform = map[string][]role{
	"bi-thu-2020":           {{"tu", "deputy_secretary", titleDeputy, "", ""}},
	"chu-tich-ubnd":         {{"ubnd", "committee_vice_chair", "", "", ""}, {"btv", "standing_board_member", "", "", ""}},
	"pho-bi-thu-tt":         {{"hdnd", "council_vice_chair", "", "", ""}, {"btv", "standing_board_member", "", "", ""}},
	"chu-tich-mttq":         {{"mttq", "front_vice_chair", "", "", ""}},
	"truong-ban-to-chuc":    {{"btc", "deputy_board_head", "", "", ""}},
	"giam-doc-so-tai-chinh": {{"so-tc", "deputy_department_director", "", "", ""}},
}

// person creates an invented person and returns its id.
func (l *loader) person(g people.Gender) int64 {
	if l.err != nil {
		return 0
	}
	p, err := l.people.CreatePerson(l.ctx, l.names.personOf(g))
	l.fail("create person", err)
	return p.ID
}

// post adds a post; to may be "" (still held).
func (l *loader) post(person int64, code, position, title, from, to string) {
	if l.err != nil {
		return
	}
	in := people.PostInput{PersonID: person, PositionCode: position, UnitID: l.id(code), Title: title,
		ValidFrom: date.MustParse(from)}
	if to != "" {
		in.ValidTo = date.MustParse(to)
	}
	_, err := l.people.AddPost(l.ctx, in)
	l.fail("post "+position+" in "+code, err)
}

func (l *loader) roleCode(p province, r role) string {
	if strings.HasPrefix(r.unit, "@") {
		return r.unit[1:]
	}
	return provinceCode(p, r.unit)
}

// posts records the careers up to the reform. Posts still open then end
// with their unit if it is merged away or dissolved on 2025-07-01.
func (l *loader) posts() {
	l.holders = map[string]int64{}
	for _, p := range provinces {
		for _, s := range provinceSlots {
			id := l.person(s.gender)
			l.holders[p.key+"/"+s.key] = id
			for _, r := range s.roles {
				l.post(id, l.roleCode(p, r), r.position, fill(r.title, p.name), r.from, r.to)
			}
		}
		for _, d := range p.districts {
			if len(d.communes) == 0 {
				continue
			}
			secretary, chair := l.person(""), l.person("")
			l.holders[districtCode(p, d, "bi-thu")] = secretary
			l.holders[districtCode(p, d, "chu-tich")] = chair
			l.post(secretary, districtCode(p, d, "hu"), "secretary", "", "2020-08-01", "")
			l.post(chair, districtCode(p, d, "hu"), "deputy_secretary", "", "2020-08-01", "")
			l.post(chair, districtCode(p, d, "ubnd"), "committee_chair", "", "2021-06-30", "")
			// The secretary of the district's first commune hands over to
			// the district's secretary when the district level ends.
			c := d.communes[0]
			l.post(l.person(""), communeCode(p, d, c.name, "du"), "secretary", "", "2020-06-15", Reform.String())
		}
	}
}

// postsAfterReform records the posts taken from 2025-07-01.
func (l *loader) postsAfterReform() {
	from := Reform.String()
	for _, p := range provinces {
		if p.into != "" {
			q := provinceByKey(p.into)
			for _, s := range provinceSlots {
				for _, r := range afterReform[s.key] {
					l.post(l.holders[p.key+"/"+s.key], l.roleCode(q, r), r.position, fill(r.title, q.name), from, "")
				}
			}
		}
		for _, d := range p.districts {
			if len(d.communes) == 0 {
				continue
			}
			c := d.communes[0]
			secretary, chair := l.holders[districtCode(p, d, "bi-thu")], l.holders[districtCode(p, d, "chu-tich")]
			l.post(secretary, communeCode(p, d, c.name, "du"), "secretary", "", from, "")
			l.post(chair, communeCode(p, d, c.name, "du"), "deputy_secretary", "", from, "")
			l.post(chair, communeCode(p, d, c.name, "ubnd"), "committee_chair", "", from, "")
		}
	}
}
