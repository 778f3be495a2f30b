package demo

import (
	"context"
	"fmt"
	"strings"
	"time"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/conferences"
	"plenum/internal/date"
	"plenum/internal/documents"
	"plenum/internal/org"
	"plenum/internal/people"
	"plenum/internal/vn"
)

// The demo's conferences: for each of the six provinces, the terms of its
// Executive Committee (Ban Chấp hành) and Standing Board (Ban Thường vụ),
// a committee of realistic size (the leaders and members of the demo's
// posts, and invented members up to about 45), and a year of conferences,
// 2024: the committee's quarterly and thematic conferences, the Standing
// Board twice a month, with attendance, agendas attaching the demo
// registry's documents, votes, conclusions and minutes approved, the
// documents adopted. After the reform of 2025-07-01 the three merged
// committees hold theirs from the merger to the autumn of 2026, the last
// ones still to be held. A few items and one conference are classified.
// Everything is written through conferences.Store in one transaction.
//
// The khóa numbers of 2020–2025 are the provinces' real ones; the merged
// committees' term is given the successor's next number and begins, in the
// demo, on the day of the merger (the real committees were appointed then
// and elected at the congresses of autumn 2025). Titles, subjects and
// conclusions are invented.

// termNumerals are each province's khóa of 2020–2025 and, for a province
// that continues after the reform, of its merged committee.
var termNumerals = map[string][2]string{
	"bac-kan": {"XII", ""}, "thai-nguyen": {"XX", "XXI"}, "ha-giang": {"XVII", ""},
	"tuyen-quang": {"XVII", "XVIII"}, "long-an": {"X", ""}, "tay-ninh": {"XI", "XII"},
}

// The size of the invented part of each committee: extra members, of whom
// the first few also sit on the Standing Board and, for a province merged
// away, continue in the merged committee.
const (
	extraMembers     = 32
	extraBoard       = 4
	continuingExtras = 10
)

// absenceReasons are the reasons given for excused absences, in turn.
var absenceReasons = []string{"Đi công tác Trung ương", "Ốm, có đơn xin phép", "Đang học tập tại Học viện Chính trị quốc gia Hồ Chí Minh",
	"Dự hội nghị của Bộ, ngành Trung ương", "Việc gia đình, đã báo cáo Thường trực"}

// confLoader writes the demo's conferences, keeping the first error.
type confLoader struct {
	ctx    context.Context
	s      *conferences.Store
	docs   *documents.Store
	units  *org.Store
	people *people.Store
	names  *namer
	err    error
	step   string
	n      int // conferences written, to vary attendance and votes
	// today is the day the demo is loaded: a conference after it is only
	// planned, whatever its story says.
	today date.Date
}

func (l *confLoader) fail(step string, err error) {
	if l.err == nil && err != nil {
		l.err, l.step = err, step
	}
}

// LoadConferences writes the demo's conferences into a database holding the
// demo organisation (Load) and registry (LoadDocuments). It is
// deterministic and runs in one transaction.
func LoadConferences(ctx context.Context, confs *conferences.Store, docs *documents.Store, units *org.Store, ppl *people.Store,
	tx func(context.Context, func(context.Context) error) error) error {
	return tx(ctx, func(ctx context.Context) error {
		l := &confLoader{ctx: ctx, s: confs, docs: docs, units: units, people: ppl, today: confs.Today()}
		l.names = l.namer()
		for i, p := range provinces {
			l.province(i, p)
		}
		for i, p := range provinces {
			if p.into == "" {
				l.merged(i, p)
			}
		}
		if l.err != nil {
			return fmt.Errorf("demo conferences: %s: %w", l.step, l.err)
		}
		return nil
	})
}

// namer returns a namer that gives no name already used in the database.
func (l *confLoader) namer() *namer {
	n := newNamer()
	n.next = 50000 // another stretch of the same sequence
	for off := 0; l.err == nil; off += 500 {
		page, err := l.people.List(l.ctx, people.ListQuery{Limit: 500, Offset: off})
		l.fail("list people", err)
		for _, p := range page.People {
			n.used[p.FullName] = true
		}
		if len(page.People) < 500 {
			break
		}
	}
	return n
}

func (l *confLoader) unit(code string) int64 {
	if l.err != nil {
		return 0
	}
	u, err := l.units.ByCode(l.ctx, code, date.Date{})
	l.fail("unit "+code, err)
	return u.ID
}

func (l *confLoader) term(body int64, numeral string, from, to, note string) conferences.Term {
	if l.err != nil {
		return conferences.Term{}
	}
	in := conferences.TermInput{BodyID: body, Numeral: numeral, YearFrom: 2020, YearTo: 2025, ValidFrom: date.MustParse(from), Note: note}
	if from >= Reform.String() {
		in.YearFrom, in.YearTo = 2025, 2030
	}
	if to != "" {
		in.ValidTo = date.MustParse(to)
	}
	t, err := l.s.CreateTerm(l.ctx, in)
	l.fail("term "+numeral, err)
	return t
}

// post adds a post to an invented member; to may be "".
func (l *confLoader) post(person, unit int64, position, title, from, to string) {
	if l.err != nil {
		return
	}
	in := people.PostInput{PersonID: person, PositionCode: position, UnitID: unit, Title: title, ValidFrom: date.MustParse(from)}
	if to != "" {
		in.ValidTo = date.MustParse(to)
	}
	_, err := l.people.AddPost(l.ctx, in)
	l.fail("post "+position, err)
}

// doc finds a document of the demo registry by its symbol and issuer.
func (l *confLoader) doc(symbol string, issuer int64) int64 {
	if l.err != nil {
		return 0
	}
	page, err := l.docs.List(l.ctx, access.System, documents.ListQuery{Text: symbol, IssuerUnitID: issuer})
	if err != nil {
		l.fail("find "+symbol, err)
		return 0
	}
	for _, d := range page.Items {
		if d.Symbol == symbol {
			return d.ID
		}
	}
	l.fail("find "+symbol, fmt.Errorf("no document %s of unit %d in the demo registry", symbol, issuer))
	return 0
}

// body is a province's committee or board with its term.
type body struct {
	id    int64
	term  conferences.Term
	board bool
	place string // the province's name
	tu    int64  // the province's committee, issuer of its documents
	// bridges are the district-level units of the province, for online
	// conferences.
	bridges []string
}

// itemSpec is an agenda item of the demo.
type itemSpec struct {
	kind      conferences.ItemKind
	title     string
	presenter int // index into the body's members on the day; -1 for none
	text      string
	docs      []string // symbols of the province's documents
	vote      bool
	secret    bool // by secret ballot
	class     auth.Clearance
}

// confSpec is a conference of the demo.
type confSpec struct {
	on         string
	part       conferences.Part
	kind       conferences.Kind
	ordinal    int
	expanded   bool
	online     bool
	subject    string
	invited    string
	items      []itemSpec
	adopt      []string
	class      auth.Clearance
	conclusion string
	status     conferences.Status // closed when empty
	article    bool
}

// vnDate writes a day as minutes do: ngày 14 tháng 01 năm 2022 without "ngày".
func vnDate(d date.Date) string { return strings.TrimPrefix(vn.FormatLongDate(d), "ngày ") }

// weekday moves a day off the weekend to the Monday after.
func weekday(s string) string {
	d := date.MustParse(s)
	switch d.Weekday() {
	case time.Saturday:
		d = d.AddDays(2)
	case time.Sunday:
		d = d.AddDays(1)
	}
	return d.String()
}

// demoGrants are the need-to-know of the demo's classified records: the
// committee office and the leaders.
var demoGrants = []access.Grant{{Role: auth.RoleOffice}, {Role: auth.RoleLeader}}

// conference writes one conference and everything recorded at it.
func (l *confLoader) conference(b body, c confSpec) {
	if l.err != nil {
		return
	}
	l.n++
	on := date.MustParse(weekday(c.on))
	if on.After(l.today) {
		c.status = conferences.Planned
	}
	members, err := l.s.Members(l.ctx, b.id, on)
	if err != nil || len(members) < 4 {
		l.fail("members on "+on.String(), fmt.Errorf("%d members: %v", len(members), err))
		return
	}
	chairs := 3
	if b.board {
		chairs = 1
	}
	in := conferences.Input{TermID: b.term.ID, Ordinal: c.ordinal, Kind: c.kind, Expanded: c.expanded, Subject: c.subject,
		HeldOn: on, Part: c.part, Online: c.online, InvitedText: c.invited, Class: c.class}
	for _, m := range members[:chairs] {
		in.ChairIDs = append(in.ChairIDs, m.PersonID)
	}
	in.Venue = "Hội trường Tỉnh ủy " + b.place
	if b.board {
		in.Venue = "Phòng họp Ban Thường vụ Tỉnh ủy"
	}
	if c.online {
		in.Bridges = []conferences.Bridge{{Name: "Điểm cầu Hội trường Tỉnh ủy", Delegates: 150}}
		for i, d := range b.bridges {
			in.Bridges = append(in.Bridges, conferences.Bridge{Name: "Điểm cầu " + d, Delegates: 60 + (l.n*7+i*13)%90})
		}
	}
	if c.class > 0 {
		in.Grants = demoGrants
	}
	conf, err := l.s.Create(l.ctx, access.System, in)
	if err != nil {
		l.fail("convene "+on.String(), err)
		return
	}
	for _, it := range c.items {
		item := conferences.ItemInput{Kind: it.kind, Title: it.title, PresenterText: it.text, Class: it.class}
		if it.presenter >= 0 && it.presenter < len(members) {
			item.PresenterID = members[it.presenter].PersonID
		}
		if it.class > 0 {
			item.Grants = demoGrants
		}
		for _, s := range it.docs {
			item.DocumentIDs = append(item.DocumentIDs, l.doc(s, b.tu))
		}
		_, err := l.s.AddItem(l.ctx, access.System, conf.ID, item)
		l.fail("item "+it.title, err)
	}
	if c.status == conferences.Planned || l.err != nil {
		return
	}
	_, err = l.s.SetStatus(l.ctx, access.System, conf.ID, conferences.Held)
	l.fail("held", err)
	present := l.attendance(conf.ID, members, chairs)
	rec, err := l.s.Record(l.ctx, access.System, conf.ID)
	l.fail("record", err)
	for i, it := range c.items {
		if !it.vote || i >= len(rec.Items) {
			continue
		}
		// A few members vote otherwise, never so many that the motion fails.
		k := min(l.n%3, present-len(members)/2-1)
		v := conferences.VoteInput{Method: conferences.ShowOfHands, For: present - k, Against: k / 2, Abstain: k - k/2}
		if it.secret {
			v.Method = conferences.SecretBallot
		}
		_, err := l.s.RecordVote(l.ctx, access.System, rec.Items[i].ID, v)
		l.fail("vote on "+it.title, err)
	}
	for _, s := range c.adopt {
		l.fail("adopt "+s, l.s.Adopt(l.ctx, access.System, conf.ID, l.doc(s, b.tu)))
	}
	if l.err != nil {
		return
	}
	opening := "7 giờ 30"
	if c.part == conferences.Afternoon {
		opening = "14 giờ 00"
	}
	minutes := fmt.Sprintf("Hội nghị khai mạc lúc %s ngày %s. Có %d/%d đồng chí ủy viên dự, vắng %d đồng chí.\n\n"+
		"Hội nghị đã nghe, thảo luận và thống nhất các nội dung theo chương trình. Biên bản được thông qua tại hội nghị.",
		opening, vnDate(on), present, len(members), len(members)-present)
	for _, t := range []struct {
		kind conferences.TextKind
		body string
	}{{conferences.Minutes, minutes}, {conferences.Conclusion, c.conclusion}} {
		_, err := l.s.WriteDraft(l.ctx, access.System, conf.ID, t.kind, conferences.TextInput{Body: t.body})
		l.fail("draft "+string(t.kind), err)
		if c.status != conferences.Held {
			_, err = l.s.Approve(l.ctx, access.System, conf.ID, t.kind)
			l.fail("approve "+string(t.kind), err)
		}
	}
	if c.status == conferences.Held || l.err != nil {
		return
	}
	_, err = l.s.SetStatus(l.ctx, access.System, conf.ID, conferences.Closed)
	l.fail("close", err)
	if c.article {
		_, err := l.s.GenerateArticle(l.ctx, access.System, conf.ID, "Văn phòng Tỉnh ủy "+b.place)
		l.fail("article", err)
	}
}

// attendance records everyone present but one to three excused members
// (and now and then one absent without a reason), never a chair, and
// returns how many were present.
func (l *confLoader) attendance(confID int64, members []conferences.Member, chairs int) int {
	away := map[int]conferences.Presence{}
	rest := len(members) - chairs
	for j := 0; j < 1+l.n%3; j++ {
		away[chairs+(l.n*7+j*5)%rest] = conferences.Excused
	}
	if l.n%7 == 0 {
		away[chairs+(l.n*3+1)%rest] = conferences.Absent
	}
	var list []conferences.Attendance
	present := 0
	for i, m := range members {
		a := conferences.Attendance{PersonID: m.PersonID, Status: conferences.Present}
		if st, ok := away[i]; ok {
			a.Status = st
			if st == conferences.Excused {
				a.Reason = absenceReasons[(l.n+i)%len(absenceReasons)]
			}
		} else {
			present++
		}
		list = append(list, a)
	}
	_, err := l.s.SetAttendance(l.ctx, access.System, confID, list)
	l.fail("attendance", err)
	return present
}

// province writes a province's terms, its committee's invented members and
// its conferences of 2024.
func (l *confLoader) province(n int, p province) {
	tu, btv := l.unit(provinceCode(p, "tu")), l.unit(provinceCode(p, "btv"))
	numerals := termNumerals[p.key]
	note := "Dữ liệu minh họa."
	bch := body{id: tu, tu: tu, place: p.name, term: l.term(tu, numerals[0], congress2020, Reform.String(), note)}
	board := body{id: btv, tu: tu, place: p.name, board: true, term: l.term(btv, numerals[0], congress2020, Reform.String(), note)}
	for _, d := range p.districts {
		bch.bridges = append(bch.bridges, districtCommitteeName(d.kind, d.name))
	}
	board.bridges = bch.bridges

	// The committee's invented members, elected at the congress of 2020;
	// those of a province merged away sit on the merged committee after.
	to := ""
	if p.into != "" {
		to = Reform.String()
	}
	for i := range extraMembers {
		if l.err != nil {
			return
		}
		pe, err := l.people.CreatePerson(l.ctx, l.names.person())
		l.fail("create member", err)
		l.post(pe.ID, tu, "executive_committee_member", fill(titleMember, p.name), congress2020, to)
		if i < extraBoard {
			l.post(pe.ID, btv, "standing_board_member", "", congress2020, to)
		}
		if p.into != "" && i < continuingExtras {
			q := provinceByKey(p.into)
			l.post(pe.ID, l.unit(provinceCode(q, "tu")), "executive_committee_member", fill(titleMember, q.name), Reform.String(), "")
		}
	}

	base := 100 + 20*n
	sym := func(num int, suffix string) string { return fmt.Sprintf("%02d-%s/TU", num, suffix) }
	review, topic, ctPlan, secret, top := sym(base+90, "BC"), sym(20+n, "NQ"), sym(base+150, "KH"), sym(base+400, "BC"), sym(base+160, "KH")
	notice, directive := sym(base+300, "TB"), sym(30+n, "CT")
	invited := "lãnh đạo các sở, ban, ngành, đoàn thể tỉnh; bí thư các huyện ủy, thành ủy"

	// The committee: the year's programme, the quarters, a thematic
	// resolution, a personnel conference before the congresses, the year's end.
	l.conference(bch, confSpec{on: "2024-01-22", part: conferences.Morning, kind: conferences.Regular, ordinal: 17, invited: invited,
		subject: "quán triệt Nghị quyết Hội nghị Trung ương, triển khai nhiệm vụ trọng tâm năm 2024",
		items: []itemSpec{
			{kind: conferences.Report, title: "Báo cáo kết quả thực hiện nhiệm vụ năm 2023, phương hướng năm 2024", presenter: 1},
			{kind: conferences.Submission, title: "Tờ trình về Chương trình làm việc năm 2024 của Ban Chấp hành Đảng bộ tỉnh", presenter: -1,
				text: "Văn phòng Tỉnh ủy", vote: true},
		},
		conclusion: "Ban Chấp hành Đảng bộ tỉnh thống nhất thông qua Chương trình làm việc năm 2024.\n\n" +
			"Giao Ban Thường vụ Tỉnh ủy chỉ đạo cụ thể hóa các nhiệm vụ trọng tâm, phân công rõ người, rõ việc, rõ thời gian, rõ sản phẩm."})
	l.conference(bch, confSpec{on: "2024-04-18", part: conferences.Morning, kind: conferences.Regular,
		subject: "đánh giá kết quả quý I, sơ kết 2 năm thực hiện Kết luận số 21-KL/TW",
		items: []itemSpec{
			{kind: conferences.Report, title: "Báo cáo kết quả lãnh đạo thực hiện nhiệm vụ quý I năm 2024", presenter: 2},
			{kind: conferences.Review, title: "Báo cáo sơ kết 2 năm thực hiện Kết luận số 21-KL/TW", presenter: 1, docs: []string{review}},
		},
		conclusion: "Hội nghị đánh giá cao kết quả quý I; tăng trưởng kinh tế đạt khá so với cùng kỳ.\n\n" +
			"Các cấp ủy tiếp tục thực hiện nghiêm Kết luận số 21-KL/TW gắn với công tác xây dựng, chỉnh đốn Đảng."})
	l.conference(bch, confSpec{on: "2024-05-14", part: conferences.Morning, kind: conferences.Thematic, expanded: true,
		subject: "thông qua Nghị quyết chuyên đề về phát triển kinh tế nông nghiệp hàng hóa giai đoạn 2024–2030",
		items: []itemSpec{
			{kind: conferences.DraftResolution, title: "Dự thảo Nghị quyết chuyên đề về phát triển kinh tế nông nghiệp hàng hóa giai đoạn 2024–2030",
				presenter: -1, text: "Ban Cán sự đảng UBND tỉnh", vote: true},
		},
		adopt: []string{topic}, invited: invited,
		conclusion: "Ban Chấp hành Đảng bộ tỉnh biểu quyết thông qua Nghị quyết chuyên đề về phát triển kinh tế nông nghiệp hàng hóa.\n\n" +
			"Giao Ban Cán sự đảng UBND tỉnh lãnh đạo xây dựng kế hoạch thực hiện, trình Hội đồng nhân dân tỉnh các chính sách hỗ trợ."})
	l.conference(bch, confSpec{on: "2024-07-03", part: conferences.Morning, kind: conferences.Regular,
		subject: "đánh giá kết quả 6 tháng đầu năm, nhiệm vụ 6 tháng cuối năm 2024",
		items: []itemSpec{
			{kind: conferences.Report, title: "Báo cáo kết quả lãnh đạo thực hiện nhiệm vụ 6 tháng đầu năm 2024", presenter: 1},
			{kind: conferences.DraftResolution, title: "Dự thảo Kế hoạch thực hiện Chỉ thị số 35-CT/TW về đại hội đảng bộ các cấp", presenter: -1,
				text: "Ban Tổ chức Tỉnh ủy", vote: true},
		},
		adopt: []string{ctPlan},
		conclusion: "Hội nghị thống nhất ban hành Kế hoạch thực hiện Chỉ thị số 35-CT/TW.\n\n" +
			"Yêu cầu các cấp ủy chuẩn bị chu đáo đại hội đảng bộ các cấp nhiệm kỳ 2025–2030."})
	l.conference(bch, confSpec{on: "2024-10-14", part: conferences.Morning, kind: conferences.Regular, online: true, invited: invited,
		subject: "đánh giá kết quả công tác 9 tháng, triển khai nhiệm vụ 3 tháng cuối năm 2024",
		items: []itemSpec{
			{kind: conferences.Report, title: "Báo cáo kết quả công tác 9 tháng, nhiệm vụ trọng tâm 3 tháng cuối năm 2024", presenter: 2},
			{kind: conferences.Report, title: "Báo cáo công tác của Ban Thường vụ Tỉnh ủy giữa hai kỳ hội nghị", presenter: 1},
			{kind: conferences.Submission, title: "Tờ trình về việc ban hành Chỉ thị tăng cường phòng, chống thiên tai", presenter: -1,
				text: "Văn phòng Tỉnh ủy", docs: []string{directive}, vote: true},
		},
		conclusion: "Ban Chấp hành Đảng bộ tỉnh thống nhất đánh giá kết quả 9 tháng đạt nhiều chỉ tiêu quan trọng.\n\n" +
			"Tập trung chỉ đạo hoàn thành các chỉ tiêu năm 2024; chủ động phòng, chống thiên tai; đẩy nhanh giải ngân vốn đầu tư công.",
		article: true})
	l.conference(bch, confSpec{on: "2024-11-25", part: conferences.Afternoon, kind: conferences.Extraordinary,
		subject: "cho ý kiến về công tác chuẩn bị nhân sự cấp ủy nhiệm kỳ 2025–2030",
		items: []itemSpec{
			{kind: conferences.Submission, title: "Tờ trình đánh giá, dự kiến nhân sự cấp ủy nhiệm kỳ 2025–2030", presenter: -1,
				text: "Ban Tổ chức Tỉnh ủy", docs: []string{secret}, vote: true, secret: true, class: auth.ClassMat},
		},
		conclusion: "Ban Chấp hành Đảng bộ tỉnh đã cho ý kiến bằng phiếu kín về nội dung được trình.\n\n" +
			"Giao Ban Thường vụ Tỉnh ủy hoàn thiện hồ sơ theo quy định."})
	l.conference(bch, confSpec{on: "2024-12-17", part: conferences.Morning, kind: conferences.Regular, invited: invited,
		subject: "tổng kết công tác năm 2024, quyết định phương hướng, nhiệm vụ năm 2025",
		items: []itemSpec{
			{kind: conferences.Report, title: "Báo cáo kết quả thực hiện nhiệm vụ năm 2024", presenter: 2},
			{kind: conferences.DraftResolution, title: "Dự thảo Nghị quyết về phương hướng, nhiệm vụ năm 2025", presenter: 1, vote: true},
			{kind: conferences.Report, title: "Báo cáo kiểm điểm tập thể Ban Thường vụ Tỉnh ủy năm 2024", presenter: 0},
		},
		conclusion: "Ban Chấp hành Đảng bộ tỉnh thống nhất ban hành Nghị quyết về phương hướng, nhiệm vụ năm 2025.\n\n" +
			"Năm 2025 là năm tổ chức đại hội đảng bộ các cấp; yêu cầu tập trung cao độ cho công tác chuẩn bị."})

	// The Standing Board: twice a month, the month's report at the first.
	for m := 1; m <= 12; m++ {
		month := fmt.Sprintf("tháng %d năm 2024", m-1)
		if m == 1 {
			month = "tháng 12 năm 2023"
		}
		first := confSpec{on: fmt.Sprintf("2024-%02d-05", m), part: conferences.Afternoon, kind: conferences.Regular,
			subject: "cho ý kiến về tình hình, kết quả công tác " + month,
			items: []itemSpec{{kind: conferences.Report, title: "Báo cáo tình hình, kết quả công tác " + month,
				presenter: -1, text: "Văn phòng Tỉnh ủy"}},
			conclusion: "Ban Thường vụ Tỉnh ủy cơ bản thống nhất với báo cáo.\n\nGiao Văn phòng Tỉnh ủy tổng hợp ý kiến, hoàn thiện và phát hành."}
		if m > 1 {
			first.items[0].docs = []string{sym(base+200+m-1, "BC")}
		}
		if m == 1 {
			first.ordinal = 79
		}
		second := confSpec{on: fmt.Sprintf("2024-%02d-20", m), part: conferences.Morning, kind: conferences.Regular,
			subject: "cho ý kiến các đề án, tờ trình của các cơ quan",
			items: []itemSpec{
				{kind: conferences.Submission, title: boardTopics[(m+n)%len(boardTopics)], presenter: -1, text: "Ban Cán sự đảng UBND tỉnh", vote: true},
				{kind: conferences.Review, title: "Cho ý kiến về chương trình kiểm tra, giám sát của Ủy ban Kiểm tra Tỉnh ủy", presenter: 3},
			},
			conclusion: "Ban Thường vụ Tỉnh ủy đồng ý về chủ trương đối với tờ trình.\n\nCác cơ quan tiếp thu ý kiến, hoàn thiện trước khi ban hành."}
		switch m {
		case 3: // an interim review online, with the districts
			second = confSpec{on: "2024-03-20", part: conferences.Afternoon, kind: conferences.InterimReview, online: true, expanded: true,
				subject:    "sơ kết 2 năm thực hiện Kết luận số 21-KL/TW của Ban Chấp hành Trung ương Đảng khóa XIII",
				items:      []itemSpec{{kind: conferences.Review, title: "Báo cáo sơ kết 2 năm thực hiện Kết luận số 21-KL/TW", presenter: 1, docs: []string{review}}},
				conclusion: "Các cấp ủy kiên quyết ngăn chặn, đẩy lùi suy thoái; gắn việc thực hiện Kết luận với nhiệm vụ chính trị của địa phương.",
				invited:    "bí thư các huyện ủy, thành ủy, đảng ủy trực thuộc"}
		case 8: // a classified conference on personnel
			second = confSpec{on: "2024-08-20", part: conferences.Morning, kind: conferences.Extraordinary, class: auth.ClassMat,
				subject: "cho ý kiến về công tác cán bộ",
				items: []itemSpec{{kind: conferences.Submission, title: "Tờ trình về công tác cán bộ thuộc diện Ban Thường vụ quản lý",
					presenter: -1, text: "Ban Tổ chức Tỉnh ủy", vote: true, secret: true}},
				conclusion: "Ban Thường vụ Tỉnh ủy đã bỏ phiếu kín; kết quả được thông báo theo quy định."}
		case 10: // the conclusion on disasters, issued as a notice
			second.items = append(second.items, itemSpec{kind: conferences.OtherItem, title: "Tình hình phòng, chống thiên tai", presenter: 2})
			second.adopt = []string{notice}
			second.on = "2024-10-08"
		case 12: // a Tối mật plan before the congresses
			second.items = append(second.items, itemSpec{kind: conferences.Submission,
				title: "Kế hoạch bảo vệ an ninh chính trị nội bộ trong dịp đại hội", presenter: -1, text: "Ban Nội chính Tỉnh ủy",
				docs: []string{top}, class: auth.ClassToiMat})
			second.on = "2024-12-03"
		}
		l.conference(board, first)
		l.conference(board, second)
	}
}

// boardTopics are the submissions the Standing Board hears in turn.
var boardTopics = []string{
	"Tờ trình về chủ trương đầu tư dự án đường giao thông liên vùng",
	"Tờ trình về điều chỉnh kế hoạch đầu tư công trung hạn giai đoạn 2021–2025",
	"Tờ trình về đề án phát triển du lịch cộng đồng",
	"Tờ trình về chủ trương sắp xếp các đơn vị sự nghiệp công lập",
	"Tờ trình về kế hoạch tổ chức các ngày lễ lớn năm 2024",
	"Tờ trình về chương trình chuyển đổi số của tỉnh",
	"Tờ trình về phương án giao dự toán ngân sách năm 2025",
}

// merged writes the conferences of a committee merged on 2025-07-01, from
// the merger to the autumn of 2026; the last are still to be held.
func (l *confLoader) merged(n int, p province) {
	tu, btv := l.unit(provinceCode(p, "tu")), l.unit(provinceCode(p, "btv"))
	numerals := termNumerals[p.key]
	note := "Ban Chấp hành, Ban Thường vụ sau hợp nhất. Dữ liệu minh họa: nhiệm kỳ tính từ ngày hợp nhất."
	bch := body{id: tu, tu: tu, place: p.name, term: l.term(tu, numerals[1], Reform.String(), "", note)}
	board := body{id: btv, tu: tu, place: p.name, board: true, term: l.term(btv, numerals[1], Reform.String(), "", note)}
	l.conference(bch, confSpec{on: "2025-07-01", part: conferences.Morning, kind: conferences.Extraordinary, expanded: true,
		subject: "công bố các quyết định của Bộ Chính trị về hợp nhất đảng bộ tỉnh và chỉ định Ban Chấp hành, Ban Thường vụ",
		items: []itemSpec{
			{kind: conferences.OtherItem, title: "Công bố các quyết định của Bộ Chính trị về hợp nhất đảng bộ tỉnh", presenter: -1, text: "Đại diện Ban Tổ chức Trung ương"},
			{kind: conferences.DraftResolution, title: "Dự thảo Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh sau hợp nhất", presenter: 1, vote: true},
		},
		conclusion: "Ban Chấp hành Đảng bộ tỉnh sau hợp nhất thống nhất thông qua Quy chế làm việc.\n\n" +
			"Yêu cầu bảo đảm bộ máy mới hoạt động ngay, thông suốt, không gián đoạn công việc."})
	quarters := []struct{ on, subject string }{
		{"2025-10-13", "đánh giá kết quả 9 tháng năm 2025, nhiệm vụ những tháng cuối năm"},
		{"2026-01-15", "tổng kết công tác năm 2025, nhiệm vụ năm 2026"},
		{"2026-04-16", "đánh giá kết quả quý I năm 2026"},
		{"2026-07-09", "đánh giá kết quả 6 tháng đầu năm 2026"},
		{"2026-10-15", "đánh giá kết quả 9 tháng năm 2026, nhiệm vụ quý IV"},
	}
	for i, q := range quarters {
		spec := confSpec{on: q.on, part: conferences.Morning, kind: conferences.Regular, subject: q.subject, online: i == 0,
			items: []itemSpec{
				{kind: conferences.Report, title: "Báo cáo kết quả lãnh đạo thực hiện nhiệm vụ: " + q.subject, presenter: 2},
				{kind: conferences.DraftResolution, title: "Dự thảo Kết luận của Ban Chấp hành Đảng bộ tỉnh về " + q.subject, presenter: 1, vote: true},
			},
			conclusion: "Ban Chấp hành Đảng bộ tỉnh thống nhất đánh giá kết quả và ban hành Kết luận.\n\n" +
				"Các cấp ủy tập trung chỉ đạo hoàn thành các chỉ tiêu, nhiệm vụ đã đề ra."}
		if i == len(quarters)-1 {
			spec.status = conferences.Held // its record is still being completed
		}
		l.conference(bch, spec)
	}
	l.conference(bch, confSpec{on: "2026-12-17", part: conferences.Morning, kind: conferences.Regular, status: conferences.Planned,
		subject: "tổng kết công tác năm 2026, nhiệm vụ năm 2027",
		items:   []itemSpec{{kind: conferences.Report, title: "Báo cáo kết quả thực hiện nhiệm vụ năm 2026", presenter: 2}}})
	for m := 0; m < 17; m++ {
		on := date.MustParse("2025-07-10").AddMonths(m)
		l.conference(board, confSpec{on: on.String(), part: conferences.Afternoon, kind: conferences.Regular,
			subject: "cho ý kiến về các đề án, tờ trình và tình hình công tác tháng",
			items: []itemSpec{
				{kind: conferences.Report, title: "Báo cáo tình hình, kết quả công tác tháng", presenter: -1, text: "Văn phòng Tỉnh ủy"},
				{kind: conferences.Submission, title: boardTopics[(m+n)%len(boardTopics)], presenter: -1, text: "Ban Cán sự đảng UBND tỉnh", vote: true},
			},
			conclusion: "Ban Thường vụ Tỉnh ủy thống nhất với các nội dung được trình.\n\nGiao các cơ quan tham mưu hoàn thiện, triển khai."})
	}
}
