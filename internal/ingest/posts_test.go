package ingest

import (
	"testing"

	"plenum/internal/org"
)

func TestReadPost(t *testing.T) {
	r := newResolver(nil, "Bắc Kạn")
	for _, c := range []struct {
		text    string
		code    string
		unit    unitSpec
		hasUnit bool
	}{
		{"Bí thư Tỉnh ủy", "secretary", unitSpec{Kind: org.PartyCommittee, Level: org.Province}, true},
		{"Phó Bí thư Thường trực Tỉnh ủy", "standing_deputy_secretary", unitSpec{Kind: org.PartyCommittee, Level: org.Province}, true},
		{"Phó Bí thư Tỉnh uỷ", "deputy_secretary", unitSpec{Kind: org.PartyCommittee, Level: org.Province}, true},
		{"Chủ tịch UBND tỉnh", "committee_chair", unitSpec{Kind: org.PeoplesCommittee, Level: org.Province}, true},
		{"Chủ tịch HĐND tỉnh Lào Cai", "council_chair", unitSpec{Kind: org.PeoplesCouncil, Level: org.Province, Place: "Lào Cai"}, true},
		{"Phó Chủ tịch Thường trực UBND tỉnh", "committee_vice_chair", unitSpec{Kind: org.PeoplesCommittee, Level: org.Province}, true},
		{"Ủy viên Ban Chấp hành Trung ương Đảng", "central_committee_member", unitSpec{Kind: org.PartyCommittee, Level: org.Central}, true},
		{"Ủy viên BTV Tỉnh ủy", "standing_board_member", unitSpec{Kind: org.StandingBoard, Level: org.Province}, true},
		{"Ủy viên Ban Chấp hành Đảng bộ tỉnh", "executive_committee_member", unitSpec{Kind: org.PartyCommittee, Level: org.Province}, true},
		{"Trưởng Đoàn ĐBQH tỉnh", "na_delegation_head", unitSpec{Kind: org.NADelegation, Level: org.Province}, true},
		{"Trưởng Ban Tổ chức Tỉnh ủy", "board_head", unitSpec{Kind: org.PartyAgency, Level: org.Province, Name: "Ban Tổ chức"}, true},
		{"Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy", "inspection_chair", unitSpec{Kind: org.PartyAgency, Level: org.Province, Name: "Ủy ban Kiểm tra"}, true},
		{"Chánh Văn phòng Tỉnh ủy", "office_chief", unitSpec{Kind: org.PartyAgency, Level: org.Province, Name: "Văn phòng"}, true},
		{"Giám đốc Sở Tài chính", "department_director", unitSpec{Kind: org.Department, Level: org.Province, Name: "Sở Tài chính"}, true},
		{"Chủ tịch Hội Nông dân tỉnh", "mass_org_head", unitSpec{Kind: org.MassOrganisation, Level: org.Province, Name: "Hội Nông dân"}, true},
		{"Bí thư Tỉnh đoàn", "mass_org_head", unitSpec{Kind: org.MassOrganisation, Level: org.Province, Name: "Tỉnh đoàn"}, true},
		{"Bí thư Huyện ủy Chiêm Hóa", "secretary", unitSpec{Kind: org.PartyCommittee, Level: org.District, Place: "Chiêm Hóa"}, true},
		{"Bí thư Huyện ủy", "secretary", unitSpec{Kind: org.PartyCommittee, Level: org.District}, false},
		{"Bí thư Chi bộ", "secretary", unitSpec{Kind: org.PartyCommittee}, false},
		{"Giáo sư", "", unitSpec{}, false},
	} {
		sp := r.readPost(c.text)
		if sp.code != c.code || sp.unit != c.unit || sp.hasUnit != c.hasUnit {
			t.Errorf("%q: %+v, want %s %+v %v", c.text, sp, c.code, c.unit, c.hasUnit)
		}
	}
}

func TestReadBody(t *testing.T) {
	r := newResolver(nil, "Tuyên Quang")
	for _, c := range []struct {
		text string
		unit unitSpec
		ok   bool
	}{
		{"Ban Chấp hành Đảng bộ tỉnh", unitSpec{Kind: org.PartyCommittee, Level: org.Province}, true},
		{"Ban Thường vụ Tỉnh ủy", unitSpec{Kind: org.StandingBoard, Level: org.Province}, true},
		{"HĐND tỉnh", unitSpec{Kind: org.PeoplesCouncil, Level: org.Province}, true},
		{"Ban Thường vụ Huyện ủy Chiêm Hóa", unitSpec{Kind: org.StandingBoard, Level: org.District, Place: "Chiêm Hóa"}, true},
		{"Ban Tuyên giáo Tỉnh ủy", unitSpec{Kind: org.PartyAgency, Level: org.Province, Name: "Ban Tuyên giáo"}, true},
		{"Sở Y tế", unitSpec{Kind: org.Department, Level: org.Province, Name: "Sở Y tế"}, true},
		{"UBND tỉnh", unitSpec{Kind: org.PeoplesCommittee, Level: org.Province}, true},
		{"Tỉnh ủy", unitSpec{Kind: org.PartyCommittee, Level: org.Province}, true},
		{"Đảng ủy xã Nam Mẫu", unitSpec{Kind: org.PartyCommittee, Level: org.Commune, Place: "Nam Mẫu"}, true},
		{"các cấp ủy", unitSpec{}, false},
		{"Ban Chấp hành Trung ương", unitSpec{Kind: org.PartyCommittee, Level: org.Central}, true},
	} {
		u, ok := r.readBody(c.text)
		if u != c.unit || ok != c.ok {
			t.Errorf("%q: %+v %v, want %+v %v", c.text, u, ok, c.unit, c.ok)
		}
	}
}
