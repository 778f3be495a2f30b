package demo

import (
	"context"
	"fmt"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/documents"
	"plenum/internal/org"
)

// The demo registry: a year of documents (2024 to mid-2025) for each demo
// province, written through documents.Store. The symbols and kinds are
// realistic; the titles and texts are invented. A few central documents
// (a Kết luận and a Nghị quyết of the Politburo, a Chỉ thị, a Government
// decree) are carried out by each province's plans and programmes, which
// districts and communes carry out in turn; Ban Tuyên giáo guidelines guide
// the plans, interim reviews review them, the People's Committee and Council
// issue decisions and resolutions, and each province has monthly reports, a
// Mật report and a Tối mật plan with need-to-know grants.

// docLoader writes the demo registry, keeping the first error.
type docLoader struct {
	ctx   context.Context
	as    auth.Principal
	docs  *documents.Store
	units *org.Store
	err   error
	step  string
}

func (l *docLoader) add(in documents.Input) documents.Document {
	if l.err != nil {
		return documents.Document{}
	}
	d, err := l.docs.Create(l.ctx, l.as, in)
	if err != nil {
		l.err, l.step = err, "register "+in.Symbol+" "+in.Title
	}
	return d
}

func (l *docLoader) link(from documents.Document, kind documents.LinkKind, to documents.Document) {
	if l.err != nil {
		return
	}
	if _, err := l.docs.Link(l.ctx, l.as, documents.LinkInput{FromID: from.ID, ToID: to.ID, Kind: kind}); err != nil {
		l.err, l.step = err, fmt.Sprintf("link %s %s %s", from.Symbol, kind, to.Symbol)
	}
}

// unit returns the id of the demo unit with code, or 0 (and the error) if
// there is none.
func (l *docLoader) unit(code string) int64 {
	if l.err != nil {
		return 0
	}
	u, err := l.units.ByCode(l.ctx, code, date.Date{})
	if err != nil {
		l.err, l.step = err, "unit "+code
	}
	return u.ID
}

// LoadDocuments fills the registry of a database holding the demo
// organisation (Load), as the user as (the committee office, cleared for
// Tối mật: nobody classifies above their own clearance). It is
// deterministic and runs in one transaction.
func LoadDocuments(ctx context.Context, docs *documents.Store, units *org.Store, as auth.Principal,
	tx func(context.Context, func(context.Context) error) error) error {
	return tx(ctx, func(ctx context.Context) error {
		l := &docLoader{ctx: ctx, as: as, docs: docs, units: units}
		tw := l.central()
		for i, p := range provinces {
			l.province(i, p, tw)
		}
		if l.err != nil {
			return fmt.Errorf("demo documents: %s: %w", l.step, l.err)
		}
		return nil
	})
}

// centralDocs are the documents of the level above that the provinces carry out.
type centralDocs struct {
	kl, nq, ct, decree documents.Document
}

func (l *docLoader) central() centralDocs {
	d := func(s string) date.Date { return date.MustParse(s) }
	var c centralDocs
	c.kl = l.add(documents.Input{Kind: "conclusion", Symbol: "21-KL/TW", IssuerName: "Ban Chấp hành Trung ương Đảng", Place: "Hà Nội",
		IssuedOn: d("2021-10-25"), Capacity: documents.OnBehalf, SignerTitle: "Tổng Bí thư",
		Title: "về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị (nội dung minh họa)",
		Body:  "Văn bản minh họa. Yêu cầu các cấp ủy, tổ chức đảng xây dựng kế hoạch thực hiện, rõ người, rõ việc, rõ thời gian, rõ sản phẩm."})
	c.nq = l.add(documents.Input{Kind: "resolution", Symbol: "57-NQ/TW", IssuerName: "Bộ Chính trị", Place: "Hà Nội",
		IssuedOn: d("2024-12-22"), Capacity: documents.OnBehalf, SignerTitle: "Tổng Bí thư",
		Title: "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số (nội dung minh họa)"})
	c.ct = l.add(documents.Input{Kind: "directive", Symbol: "35-CT/TW", IssuerName: "Bộ Chính trị", Place: "Hà Nội",
		IssuedOn: d("2024-06-14"), Title: "về đại hội đảng bộ các cấp tiến tới Đại hội toàn quốc lần thứ XIV (nội dung minh họa)"})
	c.decree = l.add(documents.Input{Kind: "decree", Symbol: "30/2020/NĐ-CP", IssuerName: "Chính phủ", Place: "Hà Nội",
		IssuedOn: d("2020-03-05"), Capacity: documents.OnBehalf, SignerTitle: "Thủ tướng",
		Title: "về công tác văn thư (nội dung minh họa)"})
	return c
}

// province writes one province's year. n varies the numbers between
// provinces so that each has its own sequence.
func (l *docLoader) province(n int, p province, c centralDocs) {
	d := func(s string) date.Date { return date.MustParse(s) }
	code := func(s string) string { return provinceCode(p, s) }
	tu, btg, btv, ubnd, hdnd := l.unit(code("tu")), l.unit(code("btg")), l.unit(code("btv")), l.unit(code("ubnd")), l.unit(code("hdnd"))
	base := 100 + 20*n
	place := p.name
	party := func(kind documents.Kind, num int, suffix, on, title string) documents.Input {
		return documents.Input{Kind: kind, Symbol: fmt.Sprintf("%02d-%s/TU", num, suffix), IssuerUnitID: tu, Place: place,
			IssuedOn: d(on), Capacity: documents.OnBehalf, SignerTitle: "Bí thư", Title: title,
			Recipients: []documents.Recipient{{Name: "Ban Bí thư Trung ương Đảng (để báo cáo)"}, {Name: "Các huyện ủy, thành ủy, đảng ủy trực thuộc"}, {Name: "Lưu Văn phòng Tỉnh ủy"}}}
	}
	plan := l.add(party("plan", base+7, "KH", "2022-01-14", "thực hiện Kết luận số 21-KL/TW của Ban Chấp hành Trung ương Đảng khóa XIII (minh họa)"))
	l.link(plan, documents.Implements, c.kl)
	guide := l.add(documents.Input{Kind: "guideline", Symbol: fmt.Sprintf("%02d-HD/BTGTU", 5+n), IssuerUnitID: btg, Place: place,
		IssuedOn: d("2022-02-20"), Capacity: documents.ByOrder, SignerTitle: "Phó Trưởng ban", Title: "tuyên truyền Kế hoạch thực hiện Kết luận số 21-KL/TW (minh họa)"})
	l.link(guide, documents.Guides, plan)
	review := l.add(party("report", base+90, "BC", "2024-03-20", "sơ kết 2 năm thực hiện Kết luận số 21-KL/TW (minh họa)"))
	l.link(review, documents.Reviews, plan)

	ctPlan := l.add(party("plan", base+150, "KH", "2024-07-05", "thực hiện Chỉ thị số 35-CT/TW về đại hội đảng bộ các cấp (minh họa)"))
	l.link(ctPlan, documents.Implements, c.ct)
	programme := l.add(party("programme", 10+n, "CTr", "2025-02-10", "hành động thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị (minh họa)"))
	l.link(programme, documents.Implements, c.nq)
	topic := l.add(party("resolution", 20+n, "NQ", "2024-05-15", "chuyên đề về phát triển kinh tế nông nghiệp hàng hóa giai đoạn 2024–2030 (minh họa)"))
	directive := l.add(party("directive", 30+n, "CT", "2024-09-02", "về tăng cường công tác phòng, chống thiên tai mùa mưa bão (minh họa)"))

	decision := l.add(documents.Input{Kind: "decision", Symbol: fmt.Sprintf("%d/QĐ-UBND", 1200+n*37), IssuerUnitID: ubnd, Place: place,
		IssuedOn: d("2024-06-03"), Capacity: documents.Deputy, SignerTitle: "Phó Chủ tịch",
		Title: "ban hành Kế hoạch triển khai Nghị quyết chuyên đề của Tỉnh ủy về phát triển nông nghiệp (minh họa)"})
	l.link(decision, documents.Implements, topic)
	council := l.add(documents.Input{Kind: "resolution", Symbol: fmt.Sprintf("%02d/2024/NQ-HĐND", 8+n), IssuerUnitID: hdnd, Place: place,
		IssuedOn: d("2024-07-12"), Capacity: documents.OnBehalf, SignerTitle: "Chủ tịch", EffectiveFrom: d("2024-08-01"),
		Title: "quy định một số chính sách hỗ trợ phát triển nông nghiệp hàng hóa (minh họa)"})
	l.link(council, documents.Implements, topic)
	admin := l.add(documents.Input{Kind: "letter", Symbol: fmt.Sprintf("%d/UBND-NNTNMT", 3300+n*11), IssuerUnitID: ubnd, Place: place,
		IssuedOn: d("2024-09-05"), Title: "về triển khai Chỉ thị phòng, chống thiên tai (minh họa)"})
	l.link(admin, documents.Implements, directive)

	if len(p.districts) > 0 {
		dist := p.districts[0]
		hu := l.unit(districtCode(p, dist, "hu"))
		dplan := l.add(documents.Input{Kind: "plan", Symbol: fmt.Sprintf("%02d-KH/HU", 40+n), IssuerUnitID: hu, IssuedOn: d("2022-03-01"),
			Place: dist.name, Capacity: documents.OnBehalf, SignerTitle: "Bí thư",
			Title: "thực hiện Kế hoạch của Tỉnh ủy về Kết luận số 21-KL/TW (minh họa)"})
		l.link(dplan, documents.Implements, plan)
		if len(dist.communes) > 0 {
			com := dist.communes[0]
			du := l.unit(communeCode(p, dist, com.name, "du"))
			cplan := l.add(documents.Input{Kind: "plan", Symbol: fmt.Sprintf("%02d-KH/ĐU", 7+n), IssuerUnitID: du, IssuedOn: d("2022-03-20"),
				Place: com.name, Title: "thực hiện Kế hoạch của cấp ủy cấp trên về Kết luận số 21-KL/TW (minh họa)"})
			l.link(cplan, documents.Implements, dplan)
		}
	}
	for m := 1; m <= 12; m++ {
		l.add(party("report", base+200+m, "BC", fmt.Sprintf("2024-%02d-25", m), fmt.Sprintf("tình hình, kết quả công tác tháng %d năm 2024 (minh họa)", m)))
	}
	notice := l.add(party("notice", base+300, "TB", "2024-10-10", "kết luận của Ban Thường vụ Tỉnh ủy về tình hình phòng, chống thiên tai (minh họa)"))
	l.link(notice, documents.Cites, directive)

	// Classified: a Mật personnel report the Standing Board needs to know,
	// and a Tối mật plan for leaders and the Standing Board only.
	secret := party("report", base+400, "BC", "2024-11-18", "đánh giá, dự kiến nhân sự cấp ủy nhiệm kỳ 2025–2030 (minh họa)")
	secret.Class, secret.ClassReason = auth.ClassMat, "Nội dung nhân sự trước đại hội"
	secret.ProtectUntil, secret.DeclassifyOn = d("2025-12-31"), d("2026-01-01")
	secret.Grants = []access.Grant{{UnitID: btv}, {Role: auth.RoleLeader}}
	s := l.add(secret)
	l.link(s, documents.Reviews, ctPlan)
	top := party("plan", base+160, "KH", "2024-12-02", "bảo vệ an ninh chính trị nội bộ trong dịp đại hội (minh họa)")
	top.Class, top.ClassReason = auth.ClassToiMat, "Bí mật nhà nước độ Tối mật theo danh mục"
	top.Grants = []access.Grant{{UnitID: btv}, {Role: auth.RoleLeader}}
	l.add(top)

	// A draft prepared in Plenum, numbered when issued.
	draft := l.add(documents.Input{Origin: documents.Internal, System: documents.Party, Kind: "plan", SymbolIssuer: "TU",
		IssuerUnitID: tu, Place: place, Title: "triển khai Chương trình hành động thực hiện Nghị quyết số 57-NQ/TW năm 2025 (dự thảo minh họa)"})
	if l.err == nil {
		if _, err := l.docs.Issue(l.ctx, l.as, draft.ID, documents.IssueInput{IssuedOn: d("2025-03-03")}); err != nil {
			l.err, l.step = err, "issue the draft"
		}
	}
	l.link(draft, documents.Implements, programme)
	l.add(documents.Input{Origin: documents.Internal, System: documents.Party, Kind: "report", SymbolIssuer: "TU",
		IssuerUnitID: tu, Place: place, Title: "tổng kết công tác năm 2025 (dự thảo minh họa)"})
}
