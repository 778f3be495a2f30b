package documents_test

import (
	"strings"
	"testing"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/documents"
	"plenum/internal/problem"
)

// family is a conclusion of the Politburo, the province's plan carrying it
// out, a guideline and a secret report under that plan, and a commune plan
// under the secret report.
type family struct {
	kl, plan, guide, secret, commune documents.Document
}

func (e *env) family() family {
	e.T.Helper()
	var f family
	f.kl = e.create(central("21-KL/TW", "conclusion", "về tiếp tục đẩy mạnh việc thử nghiệm", "2021-10-25"))
	f.plan = e.create(documents.Input{Kind: "plan", Symbol: "147-KH/TU", IssuerUnitID: e.Units["tu"], IssuedOn: day("2022-01-14"),
		Title: "thực hiện Kết luận số 21-KL/TW"})
	f.guide = e.create(documents.Input{Kind: "guideline", Symbol: "05-HD/BTGTU", IssuerUnitID: e.Units["btg"], IssuedOn: day("2022-03-01"),
		Title: "hướng dẫn tuyên truyền kế hoạch 147"})
	f.secret = e.create(documents.Input{Kind: "report", Symbol: "300-BC/TU", IssuerUnitID: e.Units["tu"], IssuedOn: day("2023-01-10"),
		Title: "đánh giá nhân sự nhạy cảm thử", Class: auth.ClassMat, ClassReason: "có nội dung nhân sự"})
	f.commune = e.create(documents.Input{Kind: "plan", Symbol: "12-KH/ĐU", IssuerName: "Đảng ủy xã Thử", IssuedOn: day("2023-02-01"),
		Title: "kế hoạch của xã"})
	e.link(f.plan, documents.Implements, f.kl)
	e.link(f.guide, documents.Guides, f.plan)
	e.link(f.secret, documents.Reviews, f.plan)
	e.link(f.commune, documents.Implements, f.secret)
	return f
}

func (e *env) link(from documents.Document, kind documents.LinkKind, to documents.Document) documents.Link {
	e.T.Helper()
	l, err := e.s.Link(e.As("office"), e.Users["office"], documents.LinkInput{FromID: from.ID, ToID: to.ID, Kind: kind})
	if err != nil {
		e.T.Fatalf("link %s %s %s: %v", from.Symbol, kind, to.Symbol, err)
	}
	return l
}

// render writes a tree as "symbol(link)[children]" for comparison.
func render(n *documents.Node) string {
	var b strings.Builder
	b.WriteString(n.Symbol)
	if n.Link != "" {
		b.WriteString("(" + string(n.Link) + ")")
	}
	if len(n.Children) > 0 {
		b.WriteString("[")
		for i, c := range n.Children {
			if i > 0 {
				b.WriteString(" ")
			}
			b.WriteString(render(c))
		}
		b.WriteString("]")
	}
	return b.String()
}

func TestFamilyTree(t *testing.T) {
	e := newEnv(t)
	f := e.family()
	for _, tt := range []struct {
		user, asOf, want string
	}{
		{"office", "2024-01-01", "21-KL/TW[147-KH/TU(implements)[05-HD/BTGTU(guides) 300-BC/TU(reviews)[12-KH/ĐU(implements)]]]"},
		{"office", "2022-02-01", "21-KL/TW[147-KH/TU(implements)]"},
		{"office", "2021-12-31", "21-KL/TW"},
		// The secret report is absent, and so is what lies under it.
		{"reader", "2024-01-01", "21-KL/TW[147-KH/TU(implements)[05-HD/BTGTU(guides)]]"},
		{"cleared", "2024-01-01", "21-KL/TW[147-KH/TU(implements)[05-HD/BTGTU(guides)]]"},
	} {
		tree, err := e.s.Family(e.Ctx, e.Viewer(tt.user), f.kl.ID, day(tt.asOf))
		if err != nil {
			t.Fatal(err)
		}
		if got := render(tree); got != tt.want {
			t.Errorf("%s as of %s:\n got %s\nwant %s", tt.user, tt.asOf, got, tt.want)
		}
	}
	if _, err := e.s.Family(e.Ctx, e.Viewer("reader"), f.secret.ID, day("2024-01-01")); err != problem.ErrNotFound {
		t.Errorf("family of a hidden document: %v", err)
	}
	// Links of the plan, as each sees them.
	links, err := e.s.Links(e.Ctx, e.Viewer("reader"), f.plan.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range links {
		if l.Other.ID == f.secret.ID {
			t.Errorf("reader sees the link to the secret report")
		}
	}
	if len(links) != 2 {
		t.Errorf("reader sees %d links of the plan, want 2", len(links))
	}
}

func TestLinkRefusals(t *testing.T) {
	e := newEnv(t)
	f := e.family()
	hidden := e.createAs("secret_office", documents.Input{Kind: "directive", Symbol: "09-CT/TU", IssuerUnitID: e.Units["tu"],
		IssuedOn: day("2022-06-01"), Title: "chỉ thị tuyệt mật thử", Class: auth.ClassTuyetMat, ClassReason: "bí mật"})
	tests := []struct {
		name     string
		from, to int64
		kind     documents.LinkKind
		code     problem.Code
		field    string
	}{
		{"self", f.plan.ID, f.plan.ID, documents.Implements, problem.Invalid, "to_id"},
		{"twice", f.plan.ID, f.kl.ID, documents.Implements, problem.Conflict, "to_id"},
		{"cycle", f.kl.ID, f.commune.ID, documents.Implements, problem.Conflict, "to_id"},
		{"to a later document", f.plan.ID, f.guide.ID, documents.Cites, problem.Invalid, "to_id"},
		{"bad kind", f.guide.ID, f.kl.ID, "copies", problem.Invalid, "kind"},
		{"to a document the user may not see", f.guide.ID, hidden.ID, documents.Cites, problem.Invalid, "to_id"},
		{"from a document the user may not see", hidden.ID, f.kl.ID, documents.Cites, problem.NotFound, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := e.counts()
			_, err := e.s.Link(e.As("office"), e.Users["office"], documents.LinkInput{FromID: tt.from, ToID: tt.to, Kind: tt.kind})
			e.Refused(t, err, before, tt.code, tt.field)
		})
	}
	// Citing back and forth is fine.
	e.link(f.guide, documents.Cites, f.plan)
}

func TestStatusAndReplacement(t *testing.T) {
	e := newEnv(t)
	old := e.create(documents.Input{Kind: "regulation", Symbol: "10-QĐ/TU", IssuerUnitID: e.Units["tu"], IssuedOn: day("2016-05-01"),
		Title: "quy định cũ về chế độ thử"})
	mid := e.create(documents.Input{Kind: "regulation", Symbol: "20-QĐ/TU", IssuerUnitID: e.Units["tu"], IssuedOn: day("2019-05-01"),
		EffectiveFrom: day("2019-06-01"), Title: "quy định thay thế lần một"})
	amend := e.create(documents.Input{Kind: "decision", Symbol: "25-QĐ/TU", IssuerUnitID: e.Units["tu"], IssuedOn: day("2020-02-01"),
		Title: "sửa đổi quy định"})
	last := e.create(documents.Input{Kind: "regulation", Symbol: "30-QĐ/TU", IssuerUnitID: e.Units["tu"], IssuedOn: day("2023-05-01"),
		Title: "quy định thay thế lần hai"})
	e.link(mid, documents.Replaces, old)
	e.link(amend, documents.Amends, mid)
	e.link(last, documents.Replaces, mid)
	got, _ := e.s.Get(e.Ctx, e.Viewer("office"), old.ID)
	if got.Status != documents.Replaced || got.EffectiveTo != day("2019-06-01") {
		t.Errorf("replaced: %s until %s", got.Status, got.EffectiveTo)
	}
	got, _ = e.s.Get(e.Ctx, e.Viewer("office"), mid.ID)
	if got.Status != documents.Replaced || got.EffectiveTo != day("2023-05-01") {
		t.Errorf("amended then replaced: %s until %s", got.Status, got.EffectiveTo)
	}
	chain, err := e.s.Chain(e.Ctx, e.Viewer("reader"), mid.ID)
	if err != nil {
		t.Fatal(err)
	}
	var syms []string
	for _, r := range chain {
		syms = append(syms, r.Symbol)
	}
	if strings.Join(syms, " ") != "10-QĐ/TU 20-QĐ/TU 30-QĐ/TU" {
		t.Errorf("chain %v", syms)
	}
	// In force on a day.
	for on, want := range map[string]string{"2018-01-01": "10-QĐ/TU", "2021-01-01": "20-QĐ/TU 25-QĐ/TU", "2024-01-01": "25-QĐ/TU 30-QĐ/TU"} {
		page, err := e.s.List(e.Ctx, e.Viewer("reader"), documents.ListQuery{InForceOn: day(on)})
		if err != nil {
			t.Fatal(err)
		}
		var in []string
		for i := len(page.Items) - 1; i >= 0; i-- {
			in = append(in, page.Items[i].Symbol)
		}
		if strings.Join(in, " ") != want {
			t.Errorf("in force on %s: %v, want %s", on, in, want)
		}
	}
	// Transitions.
	for _, tt := range []struct {
		id   int64
		in   documents.StatusInput
		code problem.Code
	}{
		{old.ID, documents.StatusInput{Status: documents.Issued}, problem.Conflict},                          // an end is final
		{last.ID, documents.StatusInput{Status: documents.Expired}, problem.Invalid},                         // no day
		{last.ID, documents.StatusInput{Status: documents.Draft}, problem.Conflict},                          // back to draft
		{last.ID, documents.StatusInput{Status: documents.Repealed, On: day("2023-04-01")}, problem.Invalid}, // before it took effect
		{last.ID, documents.StatusInput{Status: "lost"}, problem.Invalid},
	} {
		before := e.counts()
		_, err := e.s.ChangeStatus(e.As("office"), e.Users["office"], tt.id, tt.in)
		e.Refused(t, err, before, tt.code, "")
	}
	d, err := e.s.ChangeStatus(e.As("office"), e.Users["office"], last.ID, documents.StatusInput{Status: documents.Repealed, On: day("2025-01-01")})
	if err != nil || d.Status != documents.Repealed || d.EffectiveTo != day("2025-01-01") {
		t.Fatalf("repeal: %+v %v", d, err)
	}
}

func TestClassifyDowngradeDeclassify(t *testing.T) {
	e := newEnv(t)
	d := e.create(documents.Input{Kind: "report", Symbol: "40-BC/TU", IssuerUnitID: e.Units["tu"], IssuedOn: day("2022-01-10"),
		Title: "báo cáo tình hình thử", Grants: []access.Grant{{UnitID: e.Units["ubnd"]}}})
	if _, err := e.s.Attach(e.As("office"), e.Users["office"], d.ID, "báo cáo.pdf", pdf("nội dung báo cáo")); err != nil {
		t.Fatal(err)
	}
	before := e.counts()
	_, err := e.s.Classify(e.As("office"), e.Users["office"], d.ID, documents.ClassifyInput{Class: auth.ClassTuyetMat, Reason: "cao hơn độ mật của người xếp"})
	e.Refused(t, err, before, problem.Invalid, "class")
	_, err = e.s.Classify(e.As("office"), e.Users["office"], d.ID, documents.ClassifyInput{Class: auth.ClassToiMat})
	e.Refused(t, err, before, problem.Invalid, "reason")
	_, err = e.s.Classify(e.As("office"), e.Users["office"], d.ID, documents.ClassifyInput{Class: auth.ClassToiMat, Reason: "có số liệu mật",
		DeclassifyOn: day("2021-01-01")})
	e.Refused(t, err, before, problem.Invalid, "declassify_on")

	if _, err := e.s.Publish(e.As("office"), e.Users["office"], d.ID, true); err != nil {
		t.Fatal(err)
	}
	c, err := e.s.Classify(e.As("office"), e.Users["office"], d.ID, documents.ClassifyInput{Class: auth.ClassToiMat, Reason: "có số liệu mật",
		ProtectUntil: day("2032-01-10"), DeclassifyOn: day("2032-01-10")})
	if err != nil {
		t.Fatal(err)
	}
	if c.Class != auth.ClassToiMat || c.Published || documents.Public(c) {
		t.Errorf("classified %+v", c)
	}
	files, _ := e.s.Attachments(e.Ctx, e.Viewer("office"), d.ID)
	if len(files) != 1 || files[0].Class != auth.ClassToiMat {
		t.Errorf("attachment class after classifying: %+v", files)
	}
	if _, err := e.s.Publish(e.As("office"), e.Users["office"], d.ID, true); !problem.Is(err, problem.Conflict) {
		t.Errorf("publishing a classified document: %v", err)
	}
	// The unit granted before classification has need to know; a reader does not.
	if _, err := e.s.Get(e.Ctx, e.Viewer("cleared"), d.ID); err != nil {
		t.Errorf("granted unit: %v", err)
	}
	if _, _, err := e.s.Attachment(e.Ctx, e.Viewer("reader"), d.ID, files[0].ID); err != problem.ErrNotFound {
		t.Errorf("reader downloads the classified attachment: %v", err)
	}
	// Protection runs out: the document shows in the review view.
	due, _ := e.s.List(e.Ctx, e.Viewer("office"), documents.ListQuery{ProtectionDueOn: day("2032-02-01")})
	if due.Total != 1 {
		t.Errorf("protection due: %d", due.Total)
	}
	if _, err := e.s.Classify(e.As("office"), e.Users["office"], d.ID, documents.ClassifyInput{Class: auth.ClassMat, Reason: "giảm mật theo rà soát"}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.Classify(e.As("office"), e.Users["office"], d.ID, documents.ClassifyInput{Class: 0, Reason: "giải mật"}); err != nil {
		t.Fatal(err)
	}
	hist, err := e.s.Classifications(e.Ctx, e.Viewer("reader"), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, h := range hist {
		actions = append(actions, h.Action+":"+h.Reason)
	}
	if strings.Join(actions, "|") != "classify:có số liệu mật|downgrade:giảm mật theo rà soát|declassify:giải mật" {
		t.Errorf("history %v", actions)
	}
	entries, _ := e.App.Audit.List(e.Ctx, auditFilter(d.ID))
	seen := map[string]int{}
	for _, en := range entries {
		seen[en.Action] = en.Class
	}
	if seen["classify"] != 2 || seen["downgrade"] != 2 || seen["declassify"] != 1 {
		t.Errorf("audit classes %v", seen)
	}
}

func TestCopiesAndAttachments(t *testing.T) {
	e := newEnv(t)
	d := e.create(documents.Input{Kind: "directive", Symbol: "15-CT/TU", IssuerUnitID: e.Units["tu"], IssuedOn: day("2022-01-10"),
		Title: "chỉ thị mật thử", Class: auth.ClassMat, ClassReason: "mật"})
	c1, err := e.s.RegisterCopy(e.As("office"), e.Users["office"], d.ID, documents.CopyInput{UnitID: e.Units["ubnd"], HandedOn: day("2022-01-11")})
	if err != nil || c1.Number != 1 || c1.Recipient != "Ủy ban nhân dân tỉnh Hòa Bình Thử" {
		t.Fatalf("copy 1: %+v %v", c1, err)
	}
	c2, err := e.s.RegisterCopy(e.As("office"), e.Users["office"], d.ID, documents.CopyInput{Recipient: "Đồng chí Trưởng ban thử", HandedOn: day("2022-01-12")})
	if err != nil || c2.Number != 2 {
		t.Fatalf("copy 2: %+v %v", c2, err)
	}
	before := e.counts()
	_, err = e.s.RegisterCopy(e.As("office"), e.Users["office"], d.ID, documents.CopyInput{Recipient: "ai đó", HandedOn: day("2021-01-01")})
	e.Refused(t, err, before, problem.Invalid, "handed_on")
	_, err = e.s.ReturnCopy(e.As("office"), e.Users["office"], d.ID, c1.ID, day("2022-01-01"))
	e.Refused(t, err, before, problem.Invalid, "returned_on")
	if r, err := e.s.ReturnCopy(e.As("office"), e.Users["office"], d.ID, c1.ID, day("2022-02-01")); err != nil || r.ReturnedOn != day("2022-02-01") {
		t.Fatalf("return: %+v %v", r, err)
	}
	_, err = e.s.RegisterCopy(e.As("reader"), e.Users["reader"], d.ID, documents.CopyInput{Recipient: "x", HandedOn: day("2022-03-01")})
	if err != problem.ErrNotFound {
		t.Errorf("uncleared user registers a copy: %v", err)
	}
	// Attachments: a mismatch or an oversize file is refused and writes nothing.
	before = e.counts()
	_, err = e.s.Attach(e.As("office"), e.Users["office"], d.ID, "giả.docx", pdf("không phải docx"))
	e.Refused(t, err, before, problem.Invalid, "file")
	f, err := e.s.Attach(e.As("office"), e.Users["office"], d.ID, "chỉ thị.pdf", pdf("nội dung chỉ thị mật"))
	if err != nil || f.Class != auth.ClassMat {
		t.Fatalf("attach: %+v %v", f, err)
	}
	_, data, err := e.s.Attachment(e.Ctx, e.Viewer("office"), d.ID, f.ID)
	if err != nil || !strings.Contains(string(data), "nội dung chỉ thị mật") {
		t.Fatalf("download: %v", err)
	}
	if err := e.s.Detach(e.As("office"), e.Users["office"], d.ID, f.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := e.s.Attachments(e.Ctx, e.Viewer("office"), d.ID); len(list) != 0 {
		t.Errorf("after detach: %v", list)
	}
}

func TestSearchIndexFollowsTheRegistry(t *testing.T) {
	e := newEnv(t)
	f := e.family()
	var n, class int
	var status string
	if err := e.App.DB.Primary().QueryRow(`SELECT count(*) FROM search_entries WHERE entity = 'document'`).Scan(&n); err != nil || n != 5 {
		t.Fatalf("%d index entries, %v", n, err)
	}
	if _, err := e.s.Classify(e.As("office"), e.Users["office"], f.plan.ID, documents.ClassifyInput{Class: auth.ClassToiMat, Reason: "rà soát"}); err != nil {
		t.Fatal(err)
	}
	later := e.create(documents.Input{Kind: "plan", Symbol: "200-KH/TU", IssuerUnitID: e.Units["tu"], IssuedOn: day("2024-01-14"),
		Title: "kế hoạch thay thế"})
	e.link(later, documents.Replaces, f.guide)
	if err := e.App.DB.Primary().QueryRow(`SELECT class FROM search_entries WHERE entity = 'document' AND entity_id = $1`, f.plan.ID).Scan(&class); err != nil || class != 2 {
		t.Errorf("index class after classifying: %d %v", class, err)
	}
	if err := e.App.DB.Primary().QueryRow(`SELECT status FROM search_entries WHERE entity = 'document' AND entity_id = $1`, f.guide.ID).Scan(&status); err != nil || status != "replaced" {
		t.Errorf("index status after replacement: %q %v", status, err)
	}
}

// A replacement records the status change of the document it replaces.
func TestReplacementIsAudited(t *testing.T) {
	e := newEnv(t)
	old := e.create(documents.Input{Kind: "regulation", Symbol: "10-QĐ/TU", IssuerUnitID: e.Units["tu"], IssuedOn: day("2016-05-01"), Title: "cũ"})
	repl := e.create(documents.Input{Kind: "regulation", Symbol: "20-QĐ/TU", IssuerUnitID: e.Units["tu"], IssuedOn: day("2019-05-01"), Title: "mới"})
	e.link(repl, documents.Replaces, old)
	entries, _ := e.App.Audit.List(e.Ctx, auditFilter(old.ID))
	if len(entries) == 0 || entries[0].Action != "status" || !strings.Contains(string(entries[0].After), `"replaced"`) {
		t.Fatalf("newest entry of the replaced document: %+v", entries)
	}
}
