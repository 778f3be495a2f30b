// Package ingesttest gives tests of the ingest queue — the store's, the
// pages', the API's and the browser's — one small organisation to match
// articles against, and articles written for them in the style of the
// provincial portals (headline, date line, lead, body, caption, byline,
// chrome). The names, figures and documents are invented.
package ingesttest

import (
	"context"
	"testing"

	"plenum/internal/access"
	"plenum/internal/app"
	"plenum/internal/auth"
	"plenum/internal/conferences"
	"plenum/internal/date"
	"plenum/internal/documents"
	"plenum/internal/indicators"
	"plenum/internal/org"
	"plenum/internal/people"
)

// World is what Build made: Bắc Kạn, merged into Thái Nguyên on
// 2025-07-01, with their committees, standing boards, propaganda boards,
// councils, people's committees, National Assembly delegations and finance
// departments; a few people with posts (two of them namesakes); Bắc Kạn's
// committee's term XII and its fifth conference; a registered resolution;
// two indicators.
type World struct {
	Units   map[string]int64 // "bk.tu", "tn.hdnd", "bk.btg", …
	Persons map[string]int64 // by name; the namesake in Thái Nguyên is "Triệu Văn Hai (TN)"
	Term    conferences.Term
	Conf5   conferences.Conference
	Doc     documents.Document
	GRDP    indicators.Indicator
	Budget  indicators.Indicator
}

// Dates of the world.
var (
	Start    = date.MustParse("2016-01-01")
	Congress = date.MustParse("2020-10-15")
	Merger   = date.MustParse("2025-07-01")
)

// Build creates the world in a's database, as office (who needs
// documents.write and indicators.write).
func Build(t testing.TB, ctx context.Context, a *app.App, office auth.Principal) *World {
	t.Helper()
	w := &World{Units: map[string]int64{}, Persons: map[string]int64{}}
	unit := func(code string, kind org.Kind, level org.Level, name, parent string) {
		u, err := a.Org.Create(ctx, org.CreateInput{
			NewUnit: org.NewUnit{Kind: kind, Level: level, Name: name, ParentID: w.Units[parent]},
			Act:     org.Act{Effective: Start},
		})
		if err != nil {
			t.Fatalf("unit %s: %v", code, err)
		}
		w.Units[code] = u.ID
	}
	unit("tw", org.PartyCommittee, org.Central, "Ban Chấp hành Trung ương Đảng", "")
	for _, p := range []struct{ key, name string }{{"bk", "Bắc Kạn"}, {"tn", "Thái Nguyên"}} {
		unit(p.key+".tu", org.PartyCommittee, org.Province, "Tỉnh ủy "+p.name, "tw")
		unit(p.key+".btv", org.StandingBoard, org.Province, "Ban Thường vụ Tỉnh ủy "+p.name, p.key+".tu")
		unit(p.key+".btg", org.PartyAgency, org.Province, "Ban Tuyên giáo Tỉnh ủy "+p.name, p.key+".tu")
		unit(p.key+".hdnd", org.PeoplesCouncil, org.Province, "Hội đồng nhân dân tỉnh "+p.name, p.key+".tu")
		unit(p.key+".ubnd", org.PeoplesCommittee, org.Province, "Ủy ban nhân dân tỉnh "+p.name, p.key+".tu")
		unit(p.key+".doan", org.NADelegation, org.Province, "Đoàn đại biểu Quốc hội tỉnh "+p.name, p.key+".tu")
		unit(p.key+".stc", org.Department, org.Province, "Sở Tài chính tỉnh "+p.name, p.key+".ubnd")
	}
	type post struct {
		position, unit string
		from           date.Date
	}
	person := func(key, name string, posts ...post) {
		p, err := a.People.CreatePerson(ctx, people.PersonInput{FullName: name})
		if err != nil {
			t.Fatal(err)
		}
		w.Persons[key] = p.ID
		for _, po := range posts {
			in := people.PostInput{PersonID: p.ID, PositionCode: po.position, UnitID: w.Units[po.unit], ValidFrom: po.from}
			if _, err := a.People.AddPost(ctx, in); err != nil {
				t.Fatalf("post %s of %s: %v", po.position, name, err)
			}
		}
	}
	person("Lục Văn Thử", "Lục Văn Thử", post{"secretary", "bk.tu", Congress}, post{"na_delegation_head", "bk.doan", date.MustParse("2021-07-20")})
	person("Đinh Thị Mẫu", "Đinh Thị Mẫu", post{"standing_deputy_secretary", "bk.tu", Congress})
	person("Triệu Văn Hai", "Triệu Văn Hai", post{"deputy_secretary", "bk.tu", Congress}, post{"committee_chair", "bk.ubnd", date.MustParse("2021-06-28")})
	// A namesake with another post, in the other province.
	person("Triệu Văn Hai (TN)", "Triệu Văn Hai", post{"department_director", "tn.stc", Start})
	// Only a namesake: the articles' Hà Văn Khác is someone else.
	person("Hà Văn Khác", "Hà Văn Khác", post{"committee_vice_chair", "tn.ubnd", Start})

	var err error
	if w.Term, err = a.Conferences.CreateTerm(ctx, conferences.TermInput{BodyID: w.Units["bk.tu"], Numeral: "XII",
		YearFrom: 2020, YearTo: 2025, ValidFrom: Congress}); err != nil {
		t.Fatal(err)
	}
	if w.Conf5, err = a.Conferences.Create(ctx, access.System, conferences.Input{TermID: w.Term.ID, Ordinal: 5,
		Kind: conferences.Regular, HeldOn: date.MustParse("2021-07-16")}); err != nil {
		t.Fatal(err)
	}
	if w.Doc, err = a.Documents.Create(ctx, office, documents.Input{Kind: "resolution", Symbol: "05-NQ/TU",
		IssuerUnitID: w.Units["bk.tu"], IssuedOn: date.MustParse("2021-03-10"), Title: "Về phát triển kinh tế nông thôn"}); err != nil {
		t.Fatal(err)
	}
	if w.GRDP, err = a.Indicators.Create(ctx, office, indicators.Input{Code: "GRDP", Name: "Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)",
		Measure: "%", ValueKind: indicators.Change, Direction: indicators.Higher, Aggregation: indicators.NotAdditive, Periodicity: indicators.Quarter}); err != nil {
		t.Fatal(err)
	}
	if w.Budget, err = a.Indicators.Create(ctx, office, indicators.Input{Code: "THU", Name: "Thu ngân sách nhà nước trên địa bàn",
		Measure: "tỷ đồng", ValueKind: indicators.Amount, Direction: indicators.Higher, Aggregation: indicators.Sum, Periodicity: indicators.Quarter, Cumulative: true}); err != nil {
		t.Fatal(err)
	}
	// On 2025-07-01 Bắc Kạn's units merge into Thái Nguyên's, the committee last.
	for _, k := range []string{"stc", "btv", "btg", "hdnd", "doan", "ubnd", "tu"} {
		in := org.MergeInput{SourceIDs: []int64{w.Units["bk."+k]}, TargetID: w.Units["tn."+k], AdoptChildren: true,
			Act: org.Act{Effective: Merger}}
		if _, err := a.Org.Merge(ctx, in); err != nil {
			t.Fatalf("merge %s: %v", k, err)
		}
	}
	return w
}

// BacKan2021 reports the sixth conference of Bắc Kạn's Executive Committee,
// term XII, before the 2025 merger.
const BacKan2021 = `Trang chủ | Tin tức - Sự kiện
Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ sáu, khóa XII
Cập nhật: 12/10/2021
Sáng 12/10, Ban Chấp hành Đảng bộ tỉnh Bắc Kạn khóa XII, nhiệm kỳ 2020 - 2025 tổ chức Hội nghị lần thứ sáu để đánh giá kết quả 9 tháng và bàn nhiệm vụ những tháng cuối năm. Đồng chí Lục Văn Thử, Bí thư Tỉnh ủy, Trưởng Đoàn ĐBQH tỉnh chủ trì hội nghị. Cùng dự có đồng chí Đinh Thị Mẫu, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh và đồng chí Triệu Văn Hai, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh.
Theo báo cáo, tốc độ tăng trưởng kinh tế (GRDP) 9 tháng ước đạt 4,15%; thu ngân sách trên địa bàn đạt 520 tỷ đồng. Việc thực hiện Nghị quyết số 05-NQ/TU ngày 10/3/2021 của Tỉnh ủy và Chỉ thị số 27-CT/TW ngày 02/8/2021 của Ban Bí thư về tăng cường công tác dân vận có nhiều chuyển biến.
Kết luận hội nghị, đồng chí Bí thư Tỉnh ủy đề nghị các cấp ủy, tổ chức đảng tập trung lãnh đạo hoàn thành các chỉ tiêu năm 2021. Hội nghị giao Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan xây dựng kế hoạch tuyên truyền kết quả hội nghị, hoàn thành trước ngày 30/11/2021.
Quang cảnh hội nghị
Ngọc Anh
Tin cùng chuyên mục`

// ThaiNguyen2025 reports a conference of the merged Thái Nguyên's
// Executive Committee, a term no one has recorded yet, held online.
const ThaiNguyen2025 = `Hội nghị lần thứ hai Ban Chấp hành Đảng bộ tỉnh khóa XXI
Ngày đăng: 20/11/2025
Chiều 19/11, Ban Chấp hành Đảng bộ tỉnh Thái Nguyên khóa XXI, nhiệm kỳ 2025 - 2030 tổ chức Hội nghị lần thứ hai theo hình thức trực tuyến đến các điểm cầu xã, phường với trên 1.200 đại biểu dự. Đồng chí Lục Văn Thử, Phó Bí thư Tỉnh ủy chủ trì hội nghị.
Hội nghị thống nhất thông qua Chương trình làm việc toàn khóa của Ban Chấp hành Đảng bộ tỉnh.
Hải Yến`

// Council2022 reports a session of Bắc Kạn's People's Council; its chair
// and a guest have posts nobody recorded.
const Council2022 = `Khai mạc Kỳ họp thứ mười, HĐND tỉnh khóa X
Thứ Năm, 08/12/2022
Sáng 08/12, HĐND tỉnh Bắc Kạn khóa X, nhiệm kỳ 2021 - 2026 khai mạc Kỳ họp thứ mười. Đồng chí Đinh Thị Mẫu, Chủ tịch HĐND tỉnh chủ trì kỳ họp. Tham dự có đồng chí Hà Văn Khác, Giám đốc Sở Tài chính.
Tại kỳ họp, các đại biểu xem xét dự thảo Nghị quyết về dự toán ngân sách năm 2023. Năm 2022, thu ngân sách trên địa bàn ước đạt 610 tỷ đồng.
Thu Hà`
