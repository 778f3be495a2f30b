package documents_test

import (
	"strings"
	"testing"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/docsym"
	"plenum/internal/documents"
	"plenum/internal/numbering"
	"plenum/internal/problem"
)

func TestRegisterExternalDocument(t *testing.T) {
	e := newEnv(t)
	d := e.create(documents.Input{Kind: "conclusion", Symbol: "21 - kl / tw", IssuerName: "Bộ Chính trị",
		SignerName: "Người Ký Thử", SignerTitle: "Thường trực Ban Bí thư", Capacity: documents.OnBehalf,
		Place: "Hà Nội", IssuedOn: day("2021-10-25"), Title: "về  tăng cường xây dựng, chỉnh đốn Đảng (văn bản thử)",
		Recipients: []documents.Recipient{{UnitID: e.Units["tu"]}, {Name: "Lưu Văn phòng Trung ương"}}})
	if d.Symbol != "21-KL/TW" || d.System != documents.Party || d.Number != 21 || d.Status != documents.Issued {
		t.Fatalf("registered %+v", d)
	}
	if d.Title != "về tăng cường xây dựng, chỉnh đốn Đảng (văn bản thử)" {
		t.Errorf("title not cleaned: %q", d.Title)
	}
	if len(d.Recipients) != 2 || d.Recipients[0].Name != "Tỉnh ủy Hòa Bình Thử" {
		t.Errorf("recipients %+v", d.Recipients)
	}
	got, err := e.s.Get(e.Ctx, e.Viewer("reader"), d.ID)
	if err != nil || got.Symbol != d.Symbol || got.Label("vi") != "Kết luận số 21-KL/TW" {
		t.Fatalf("get: %+v %v", got, err)
	}
	// A State legal document: its year is in the symbol.
	n := e.create(documents.Input{Kind: "resolution", Symbol: "12/2021/NQ-HDND", IssuerName: "Hội đồng nhân dân tỉnh Thử",
		IssuedOn: day("2021-07-14"), Title: "quy định mức chi thử nghiệm"})
	if n.Symbol != "12/2021/NQ-HĐND" || n.System != documents.State || !n.Legal {
		t.Fatalf("state symbol %+v", n)
	}
}

func TestRegisterRefusals(t *testing.T) {
	e := newEnv(t)
	e.create(central("21-KL/TW", "conclusion", "kết luận thử", "2021-10-25"))
	ok := func() documents.Input {
		return central("35-KL/TW", "conclusion", "kết luận thử khác", "2022-05-05")
	}
	tests := []struct {
		name  string
		user  string
		edit  func(*documents.Input)
		code  problem.Code
		field string
	}{
		{"symbol does not parse", "office", func(in *documents.Input) { in.Symbol = "35-XYZ" }, problem.Invalid, "symbol"},
		{"symbol in the other layout", "office", func(in *documents.Input) { in.Symbol = "35/KL-TW" }, problem.Invalid, "symbol"},
		{"no symbol", "office", func(in *documents.Input) { in.Symbol = "" }, problem.Invalid, "symbol"},
		{"duplicate symbol of the issuer in the term", "office", func(in *documents.Input) {
			in.Symbol, in.IssuedOn = "21-KL/TW", day("2022-01-10")
		}, problem.Conflict, "symbol"},
		{"kind does not match the symbol", "office", func(in *documents.Input) { in.Kind = "plan" }, problem.Invalid, "kind"},
		{"unknown kind", "office", func(in *documents.Input) { in.Kind = "poem" }, problem.Invalid, "kind"},
		{"no title", "office", func(in *documents.Input) { in.Title = " " }, problem.Invalid, "title"},
		{"no issuer", "office", func(in *documents.Input) { in.IssuerName = "" }, problem.Invalid, "issuer_name"},
		{"unknown issuer unit", "office", func(in *documents.Input) { in.IssuerUnitID = 999999 }, problem.Invalid, "issuer_unit_id"},
		{"no date of issue", "office", func(in *documents.Input) { in.IssuedOn = date.Date{} }, problem.Invalid, "issued_on"},
		{"effective before issue", "office", func(in *documents.Input) { in.EffectiveFrom = day("2022-01-01") }, problem.Invalid, "effective_from"},
		{"ends before it starts", "office", func(in *documents.Input) { in.EffectiveTo = day("2022-05-01") }, problem.Invalid, "effective_to"},
		{"year of a legal symbol", "office", func(in *documents.Input) {
			in.Kind, in.Symbol, in.IssuerName = "resolution", "12/2021/NQ-HĐND", "HĐND tỉnh Thử"
		}, problem.Invalid, "issued_on"},
		{"classify above own clearance", "office", func(in *documents.Input) {
			in.Class, in.ClassReason = auth.ClassTuyetMat, "lý do thử"
		}, problem.Invalid, "class"},
		{"classify without a reason", "office", func(in *documents.Input) { in.Class = auth.ClassMat }, problem.Invalid, "class_reason"},
		{"protection on an unclassified document", "office", func(in *documents.Input) { in.DeclassifyOn = day("2030-01-01") }, problem.Invalid, "declassify_on"},
		{"bad capacity", "office", func(in *documents.Input) { in.Capacity = "XX" }, problem.Invalid, "capacity"},
		{"ended without an end", "office", func(in *documents.Input) { in.Status = documents.Repealed }, problem.Invalid, "effective_to"},
		{"registered as a draft", "office", func(in *documents.Input) { in.Status = documents.Draft }, problem.Invalid, "status"},
		{"recipient without a name", "office", func(in *documents.Input) {
			in.Recipients = []documents.Recipient{{Name: ""}}
		}, problem.Invalid, "recipients[0].name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := ok()
			tt.edit(&in)
			before := e.counts()
			_, err := e.s.Create(e.As(tt.user), e.Users[tt.user], in)
			e.Refused(t, err, before, tt.code, tt.field)
		})
	}
	// The same symbol is fine for another issuer, and in another term.
	e.create(documents.Input{Kind: "conclusion", Symbol: "21-KL/TU", IssuerUnitID: e.Units["tu"], Title: "kết luận tỉnh", IssuedOn: day("2021-11-01")})
	dup := documents.Input{Kind: "conclusion", Symbol: "21-KL/TU", IssuerName: "Tỉnh ủy khác", Title: "kết luận tỉnh khác", IssuedOn: day("2021-11-01")}
	e.create(dup)
	dup.IssuerName, dup.IssuedOn = "Tỉnh ủy Hòa Bình Thử", day("2016-03-01")
	dup.IssuerUnitID = e.Units["tu"]
	e.create(dup)
}

func TestDraftIsNumberedOnIssue(t *testing.T) {
	e := newEnv(t)
	// 146-KH/TU was typed in: the sequence continues after it.
	e.create(documents.Input{Kind: "plan", Symbol: "146-KH/TU", IssuerUnitID: e.Units["tu"], Title: "kế hoạch đã có",
		IssuedOn: day("2022-02-01")})
	draft := e.create(documents.Input{Origin: documents.Internal, System: documents.Party, Kind: "plan", SymbolIssuer: "tu",
		IssuerUnitID: e.Units["tu"], Title: "kế hoạch thực hiện kết luận thử"})
	if draft.Status != documents.Draft || draft.Symbol != "" || draft.SymbolIssuer != "TU" {
		t.Fatalf("draft %+v", draft)
	}
	issued, err := e.s.Issue(e.As("office"), e.Users["office"], draft.ID, documents.IssueInput{IssuedOn: day("2022-03-15"), Place: "Hòa Bình"})
	if err != nil {
		t.Fatal(err)
	}
	if issued.Symbol != "147-KH/TU" || issued.Status != documents.Issued || !issued.EffectiveFrom.IsZero() && issued.EffectiveFrom != issued.IssuedOn {
		t.Fatalf("issued %+v", issued)
	}
	if _, err := e.s.Issue(e.As("office"), e.Users["office"], draft.ID, documents.IssueInput{IssuedOn: day("2022-03-16")}); !problem.Is(err, problem.Conflict) {
		t.Fatalf("issuing twice: %v", err)
	}
	// A draft whose symbol cannot be written is refused when drafted.
	before := e.counts()
	_, err = e.s.Create(e.As("office"), e.Users["office"], documents.Input{Origin: documents.Internal, System: documents.Party,
		Kind: "decree", SymbolIssuer: "TU", IssuerUnitID: e.Units["tu"], Title: "nghị định của tỉnh ủy?"})
	e.Refused(t, err, before, problem.Invalid, "symbol_issuer")
}

func TestClassifiedDocumentAccess(t *testing.T) {
	e := newEnv(t)
	open := e.create(central("01-CT/TU", "directive", "chỉ thị công khai", "2022-01-10"))
	secret := e.create(documents.Input{Kind: "plan", Symbol: "02-KH/TU", IssuerUnitID: e.Units["tu"],
		Title: "kế hoạch tuyệt đối bí mật thử", IssuedOn: day("2022-01-12"), Class: auth.ClassToiMat, ClassReason: "quy định bảo vệ bí mật",
		Recipients: []documents.Recipient{{UnitID: e.Units["btg"]}}, Grants: []access.Grant{{Role: auth.RoleLeader}}})
	for _, tt := range []struct {
		user string
		sees bool
	}{
		{"office", true},         // the creator
		{"reader", false},        // no clearance
		{"cleared", false},       // clearance without need to know
		{"btg_member", false},    // recipient unit, but Mật is below Tối mật
		{"secret_office", false}, // cleared, in the creator's unit, but not named
	} {
		v := e.Viewer(tt.user)
		_, err := e.s.Get(e.Ctx, v, secret.ID)
		if tt.sees != (err == nil) {
			t.Errorf("%s sees the secret plan: %v", tt.user, err)
		}
		if err != nil && err != problem.ErrNotFound {
			t.Errorf("%s: refusal must be not found, got %v", tt.user, err)
		}
		page, err := e.s.List(e.Ctx, v, documents.ListQuery{})
		if err != nil {
			t.Fatal(err)
		}
		want := 1
		if tt.sees {
			want = 2
		}
		if page.Total != want || len(page.Items) != want {
			t.Errorf("%s lists %d of %d, want %d", tt.user, len(page.Items), page.Total, want)
		}
	}
	if _, err := e.s.Get(e.Ctx, e.Viewer("reader"), 424242); err != problem.ErrNotFound {
		t.Errorf("missing document: %v", err)
	}
	if _, err := e.s.Get(e.Ctx, e.Viewer("reader"), open.ID); err != nil {
		t.Errorf("open document: %v", err)
	}
	// Reading a classified document is audited.
	entries, err := e.App.Audit.List(e.Ctx, auditFilter(secret.ID))
	if err != nil {
		t.Fatal(err)
	}
	var reads int
	for _, en := range entries {
		if en.Action == "read" {
			reads++
		}
		if en.Class != int(auth.ClassToiMat) {
			t.Errorf("audit entry %s carries class %d", en.Action, en.Class)
		}
	}
	if reads != 1 {
		t.Errorf("%d reads audited, want 1 (the creator's)", reads)
	}
}

func TestUpdateUnlinkPublishGrants(t *testing.T) {
	e := newEnv(t)
	kl := e.create(central("21-KL/TW", "conclusion", "kết luận thử", "2021-10-25"))
	plan := e.create(documents.Input{Kind: "plan", Symbol: "147-KH/TU", IssuerUnitID: e.Units["tu"], Title: "kế hoạch", IssuedOn: day("2022-01-14")})
	in := documents.Input{Kind: "plan", Symbol: "148-KH/TU", IssuerUnitID: e.Units["tu"], Title: "kế hoạch đã sửa", IssuedOn: day("2022-01-15"),
		Place: "Hòa Bình", Recipients: []documents.Recipient{{UnitID: e.Units["ubnd"]}}}
	d, err := e.s.Update(e.As("office"), e.Users["office"], plan.ID, in)
	if err != nil || d.Symbol != "148-KH/TU" || d.Title != "kế hoạch đã sửa" || len(d.Recipients) != 1 {
		t.Fatalf("update: %+v %v", d, err)
	}
	// A correction to a symbol another document holds is refused, and nothing changes.
	before := e.counts()
	in.Symbol, in.Kind, in.IssuerUnitID, in.IssuerName = "21-KL/TW", "conclusion", 0, "Bộ Chính trị"
	in.IssuedOn = day("2021-10-25")
	_, err = e.s.Update(e.As("office"), e.Users["office"], plan.ID, in)
	e.Refused(t, err, before, problem.Conflict, "symbol")
	if got, _ := e.s.Get(e.Ctx, e.Viewer("office"), plan.ID); got.Symbol != "148-KH/TU" {
		t.Errorf("after a refused update: %s", got.Symbol)
	}
	l := e.link(plan, documents.Implements, kl)
	if err := e.s.Unlink(e.As("office"), e.Users["office"], plan.ID, l.ID); err != nil {
		t.Fatal(err)
	}
	if links, _ := e.s.Links(e.Ctx, e.Viewer("office"), plan.ID); len(links) != 0 {
		t.Errorf("links after unlink: %v", links)
	}
	if p, err := e.s.Publish(e.As("office"), e.Users["office"], plan.ID, true); err != nil || !documents.Public(p) {
		t.Fatalf("publish: %+v %v", p, err)
	}
	draft := e.create(documents.Input{Origin: documents.Internal, System: documents.State, Kind: "decision", SymbolIssuer: "UBND",
		IssuerUnitID: e.Units["ubnd"], Title: "dự thảo quyết định"})
	if _, err := e.s.Publish(e.As("office"), e.Users["office"], draft.ID, true); !problem.Is(err, problem.Conflict) {
		t.Errorf("publishing a draft: %v", err)
	}
	// Grants: a unit named later gets need to know; the creator keeps it.
	secret := e.create(documents.Input{Kind: "report", Symbol: "50-BC/TU", IssuerUnitID: e.Units["tu"], Title: "báo cáo mật",
		IssuedOn: day("2022-02-01"), Class: auth.ClassMat, ClassReason: "mật"})
	if _, err := e.s.Get(e.Ctx, e.Viewer("btg_member"), secret.ID); err == nil {
		t.Fatal("btg sees the report before its grant")
	}
	if err := e.s.SetGrants(e.As("office"), e.Users["office"], secret.ID, []access.Grant{{UnitID: e.Units["btg"]}}); err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{"btg_member", "office"} {
		if _, err := e.s.Get(e.Ctx, e.Viewer(u), secret.ID); err != nil {
			t.Errorf("%s after the grant: %v", u, err)
		}
	}
	if err := e.s.SetGrants(e.As("reader"), e.Users["reader"], secret.ID, nil); err != problem.ErrNotFound {
		t.Errorf("an uncleared user sets grants: %v", err)
	}
	// Every change left its entry.
	entries, _ := e.App.Audit.List(e.Ctx, auditFilter(plan.ID))
	var actions []string
	for i := len(entries) - 1; i >= 0; i-- {
		if entries[i].Action != "read" {
			actions = append(actions, entries[i].Action)
		}
	}
	if got := strings.Join(actions, " "); got != "set_access create set_access update link unlink publish" {
		t.Errorf("audit of the plan: %s", got)
	}
	hist, err := e.s.History(e.Ctx, e.Viewer("reader"), plan.ID)
	if err != nil || len(hist) != len(entries) {
		t.Errorf("history: %d entries, %v", len(hist), err)
	}
}

// Clerks issuing drafts at once get consecutive numbers, and a draft
// issued twice at once is issued once.
func TestConcurrentIssue(t *testing.T) {
	e := newEnv(t)
	draft := func() documents.Document {
		return e.create(documents.Input{Origin: documents.Internal, System: documents.Party, Kind: "notice", SymbolIssuer: "TU",
			IssuerUnitID: e.Units["tu"], Title: "thông báo dự thảo"})
	}
	drafts := []documents.Document{draft(), draft(), draft(), draft()}
	type result struct {
		d   documents.Document
		err error
	}
	results := make(chan result, 8)
	for _, d := range append(drafts, drafts[0], drafts[1]) {
		go func() {
			got, err := e.s.Issue(e.As("office"), e.Users["office"], d.ID, documents.IssueInput{IssuedOn: day("2023-05-05")})
			results <- result{got, err}
		}()
	}
	numbers := map[int]bool{}
	var conflicts int
	for range 6 {
		r := <-results
		switch {
		case problem.Is(r.err, problem.Conflict):
			conflicts++
		case r.err != nil:
			t.Fatal(r.err)
		default:
			numbers[r.d.Number] = true
		}
	}
	if conflicts != 2 || len(numbers) != 4 || !numbers[1] || !numbers[4] {
		t.Fatalf("numbers %v, %d conflicts", numbers, conflicts)
	}
}

// A unit whose numbering rule is yearly starts again at 1 each year.
func TestIssueFollowsTheIssuersRule(t *testing.T) {
	e := newEnv(t)
	sym, _ := docsym.Parse("01-TB/TU")
	if err := numbering.SetRule(e.Ctx, e.App.DB, e.App.Audit, numbering.Issuer(e.Units["tu"], sym),
		docsym.ScopeRule{Period: docsym.PerYear, PerKind: true}); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, on := range []string{"2023-12-30", "2023-12-31", "2024-01-02"} {
		d := e.create(documents.Input{Origin: documents.Internal, System: documents.Party, Kind: "notice", SymbolIssuer: "TU",
			IssuerUnitID: e.Units["tu"], Title: "thông báo"})
		d, err := e.s.Issue(e.As("office"), e.Users["office"], d.ID, documents.IssueInput{IssuedOn: day(on)})
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, d.Symbol)
	}
	if strings.Join(got, " ") != "01-TB/TU 02-TB/TU 01-TB/TU" {
		t.Fatalf("numbers %v", got)
	}
}
