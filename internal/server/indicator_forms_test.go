package server_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/documents"
	"plenum/internal/indicators"
	"plenum/internal/server/servertest"
	"plenum/internal/vn"
)

// definition is a complete definition form, which a case changes.
func definition(code string, edit func(url.Values)) string {
	v := url.Values{"code": {code}, "name": {"Tỷ lệ che phủ rừng thử"}, "measure": {"%"}, "value_kind": {"percent"},
		"direction": {"higher"}, "aggregation": {"none"}, "periodicity": {"year"}, "term_rule": {"last"},
		"tolerance": {"0,5"}, "term_first": {"2021"}, "term_last": {"2025"}, "class": {"0"}, "main": {"on"}, "position": {"7"}}
	if edit != nil {
		edit(v)
	}
	return v.Encode()
}

// formDocuments registers a public resolution, and a Mật one that only
// the office needs to know.
func formDocuments(t *testing.T, e *servertest.Env) (public, secret documents.Document) {
	t.Helper()
	office := auth.Principal{User: e.Users["office"]}
	mk := func(symbol, title string, class auth.Clearance) documents.Document {
		d, err := e.App.Documents.Create(e.Ctx, office, documents.Input{Kind: "resolution", Symbol: symbol, IssuerName: "Tỉnh ủy Sông Xanh",
			IssuedOn: date.MustParse("2021-03-01"), Title: title, Class: class, ClassReason: "thử nghiệm",
			Grants: []access.Grant{{Role: auth.RoleOffice}}})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	return mk("05-NQ/TU", "về các chỉ tiêu chủ yếu nhiệm kỳ 2020 - 2025 (thử)", 0), mk("06-NQ/TU", "nghị quyết mật thử", auth.ClassMat)
}

func TestIndicatorDefinitionForms(t *testing.T) {
	t.Parallel()
	e := newIndicatorEnv(t)
	public, secret := formDocuments(t, e.Env)
	pub, sec := fmt.Sprint(e.public.ID), fmt.Sprint(e.secret.ID)
	set := func(k, v string) func(url.Values) { return func(x url.Values) { x.Set(k, v) } }
	run(t, e.Env, []scenario{
		{name: "the office may add an indicator", as: "office", method: "GET", path: "/indicators", status: 200,
			contains: []string{`href="/indicators/new"`, "Thêm chỉ tiêu"}},
		{name: "a reader may not", as: "reader", method: "GET", path: "/indicators", status: 200, absent: []string{`href="/indicators/new"`}},
		{name: "nor a unit member", as: "donvi", method: "GET", path: "/indicators/" + pub, status: 200,
			absent: []string{`/indicators/` + pub + `/edit`, `/indicators/` + pub + `/targets`}},
		{name: "the office edits and sets targets", as: "office", method: "GET", path: "/indicators/" + pub, status: 200,
			contains: []string{`href="/indicators/` + pub + `/edit"`, `href="/indicators/` + pub + `/targets"`, "Chỉ tiêu kế hoạch"}},
		{name: "reader: no form", as: "reader", method: "GET", path: "/indicators/new", status: 403},
		{name: "reader: no create", as: "reader", method: "POST", path: "/indicators/new", body: definition("CT50", nil), status: 403},
		{name: "leader: no edit", as: "leader", method: "GET", path: "/indicators/" + pub + "/edit", status: 403},
		{name: "unit member: no targets", as: "donvi", method: "POST", path: "/indicators/" + pub + "/targets",
			body: "targets%5B2024%5D.value=1", status: 403},
		{name: "new form", as: "office", method: "GET", path: "/indicators/new?document=05-NQ%2FTU", status: 200,
			contains: []string{`id="indicator-form"`, `value="05-NQ/TU"`, "Bình quân gia quyền", "CT01 — Thu ngân sách"}},
		{name: "edit form in the indicator's values", as: "office", method: "GET", path: "/indicators/" + pub + "/edit", status: 200,
			contains: []string{`value="CT01"`, `value="tỷ đồng"`, `value="2021"`, "Thu ngân sách nhà nước trên địa bàn"}},
		{name: "edit form of a classified one is marked", as: "office", method: "GET", path: "/indicators/" + sec + "/edit", status: 200,
			contains: []string{"Chỉ tiêu mật về quốc phòng", `class="classbanner class-1"`}},
		{name: "classified: not found to one without need to know", as: "admin", method: "GET", path: "/indicators/" + sec + "/edit", status: 404,
			absent: []string{"Chỉ tiêu mật về quốc phòng"}},
		{name: "classified: no edit without need to know", as: "admin", method: "POST", path: "/indicators/" + sec + "/edit",
			body: definition("CT02", nil), status: 404},
		{name: "classified: no targets without need to know", as: "admin", method: "GET", path: "/indicators/" + sec + "/targets", status: 404},
		{name: "classified: no weight choice without need to know", as: "admin", method: "GET", path: "/indicators/new", status: 200,
			contains: []string{"CT01 — "}, absent: []string{"Chỉ tiêu mật về quốc phòng"}},
	})

	// Refused definitions name the field and save nothing.
	bad := []struct {
		name, as, body, want string
	}{
		{"empty name", "office", definition("CT50", set("name", "  ")), "name: Chưa nhập"},
		{"unknown direction", "office", definition("CT50", set("direction", "sideways")), "direction: Giá trị không nằm trong danh sách"},
		{"tolerance in English notation", "office", definition("CT50", set("tolerance", "0.5")), "tolerance: Không phải là số hợp lệ"},
		{"weighted average without its weight", "office", definition("CT50", set("aggregation", "weighted_avg")), "weight_indicator_id: Bình quân gia quyền cần"},
		{"term upside down", "office", definition("CT50", set("term_last", "2019")), "term_last: Nhiệm kỳ không hợp lệ"},
		{"document that does not exist", "office", definition("CT50", set("document_id", "99-NQ/TU")), "document_id: Không có văn bản này"},
		{"document number that does not exist", "office", definition("CT50", set("document_id", "987654")), "document_id: Không tìm thấy văn bản"},
		{"document the user may not see", "admin", definition("CT50", set("document_id", fmt.Sprint(secret.ID))), "document_id: Không tìm thấy văn bản"},
		{"document symbol the user may not see", "admin", definition("CT50", set("document_id", "06-NQ/TU")), "document_id: Không có văn bản này"},
		{"class above one's clearance", "office", definition("CT50", set("class", "3")), "class: "},
		{"classified without a reason", "office", definition("CT50", set("class", "1")), "class_reason: Chưa nhập"},
		{"duplicate code", "office", definition("ct01", nil), "code: Đã tồn tại"},
		{"unknown scope unit", "office", definition("CT50", set("scope_unit_id", "Tỉnh ủy Không Có")), "scope_unit_id: "},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			before := count(t, e, "indicators")
			r := e.Do(e.SignIn(c.as), "POST", "/indicators/new", c.body)
			if r.Status != 422 || !strings.Contains(r.Body, c.want) || !strings.Contains(r.Body, `class="field-error"`) {
				t.Fatalf("status %d, want 422 with %q:\n%s", r.Status, c.want, r.Body)
			}
			if after := count(t, e, "indicators"); after != before {
				t.Errorf("%d indicators saved by a refused form", after-before)
			}
		})
	}

	office := e.SignIn("office")
	// A new indicator set by a document found by its symbol.
	r := e.Do(office, "POST", "/indicators/new", definition("ct50", set("document_id", "05-NQ/TU")))
	if r.Status != 303 || !strings.HasPrefix(r.Header.Get("Location"), "/indicators/") {
		t.Fatalf("create: %d %s", r.Status, r.Body)
	}
	page := e.Do(office, "GET", r.Header.Get("Location"), "")
	for _, want := range []string{"Đã tạo chỉ tiêu", "CT50", "Tỷ lệ che phủ rừng thử", "05-NQ/TU — về các chỉ tiêu chủ yếu", "±0,5", "2021–2025"} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("new indicator's page lacks %q", want)
		}
	}
	created, err := e.App.Indicators.ByCode(e.Ctx, access.System, "CT50")
	if err != nil || created.DocumentID != public.ID || !created.Main || created.Position != 7 {
		t.Fatalf("created: %+v %v", created, err)
	}
	// Its edit form shows the document by its symbol; a redefinition with a
	// bad field changes nothing, a good one is saved.
	edit := "/indicators/" + fmt.Sprint(created.ID) + "/edit"
	if f := e.Do(office, "GET", edit, ""); !strings.Contains(f.Body, `value="05-NQ/TU"`) {
		t.Errorf("edit form lacks the document's symbol")
	}
	if r := e.Do(office, "POST", edit, definition("CT50", set("name", ""))); r.Status != 422 {
		t.Fatalf("empty name: %d", r.Status)
	}
	if r := e.Do(office, "POST", edit, definition("CT50", func(v url.Values) {
		v.Set("name", "Tỷ lệ che phủ rừng (đã sửa)")
		v.Set("document_id", fmt.Sprint(public.ID))
		v.Del("main")
	})); r.Status != 303 {
		t.Fatalf("edit: %d %s", r.Status, r.Body)
	}
	got, err := e.App.Indicators.ByCode(e.Ctx, access.System, "CT50")
	if err != nil || got.Name != "Tỷ lệ che phủ rừng (đã sửa)" || got.Main || got.DocumentID != public.ID {
		t.Fatalf("after edit: %+v %v", got, err)
	}
	// The office may classify one under its own clearance and set it by the
	// classified resolution, which it needs to know.
	if r := e.Do(office, "POST", "/indicators/new", definition("CT51", set("document_id", "06-NQ/TU"))); r.Status != 303 {
		t.Fatalf("create by a classified resolution: %d %s", r.Status, r.Body)
	}
	if x, err := e.App.Indicators.ByCode(e.Ctx, access.System, "CT51"); err != nil || x.Class != int(auth.ClassMat) {
		t.Fatalf("an indicator set by a Mật resolution: %+v %v", x, err)
	}
}

func TestIndicatorTargetForms(t *testing.T) {
	t.Parallel()
	e := newIndicatorEnv(t)
	office := auth.Principal{User: e.Users["office"]}
	band, err := e.App.Indicators.Create(e.Ctx, office, indicators.Input{Code: "CT60", Name: "Chỉ số giá tiêu dùng thử", Measure: "%",
		ValueKind: indicators.Change, Direction: indicators.Range, Aggregation: indicators.NotAdditive, Periodicity: indicators.Year,
		ScopeUnitID: e.province, TermFirst: 2021, TermLast: 2025})
	if err != nil {
		t.Fatal(err)
	}
	loose, err := e.App.Indicators.Create(e.Ctx, office, indicators.Input{Code: "CT61", Name: "Số xã đạt chuẩn thử", Measure: "xã",
		ValueKind: indicators.Count, Direction: indicators.Higher, Aggregation: indicators.Sum, Periodicity: indicators.Year})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.App.Indicators.SetTarget(e.Ctx, office, loose.ID, indicators.TargetInput{Year: 2019, Value: vn.NewDecimal(12, 0)}); err != nil {
		t.Fatal(err)
	}
	pub, rng, sec := fmt.Sprint(e.public.ID), fmt.Sprint(band.ID), fmt.Sprint(e.secret.ID)
	year := e.App.Clock.Today().Year
	targets := func(kv ...string) string {
		v := url.Values{}
		for i := 0; i < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		return v.Encode()
	}
	run(t, e.Env, []scenario{
		{name: "the grid: the term's years and the term, with the targets set", as: "office", method: "GET", path: "/indicators/" + pub + "/targets",
			status: 200, contains: []string{`name="targets[2021].value"`, `name="targets[2025].value" value="80"`, `name="targets[term].value"`,
				"Kế hoạch của Tỉnh ủy Sông Xanh"}, absent: []string{`targets[2020]`, `targets[2026]`, "value_high"}},
		{name: "without a term: the years around this one and those with a target", as: "office", method: "GET",
			path: fmt.Sprintf("/indicators/%d/targets", loose.ID), status: 200,
			contains: []string{`name="targets[2019].value" value="12"`, fmt.Sprintf(`name="targets[%d].value"`, year+2)},
			absent:   []string{"targets[term]", "targets[2018]"}},
		{name: "a range has bounds", as: "office", method: "GET", path: "/indicators/" + rng + "/targets", status: 200,
			contains: []string{`name="targets[2024].value_high"`, "Cận dưới", "Cận trên"}},
		{name: "range upside down", as: "office", method: "POST", path: "/indicators/" + rng + "/targets",
			body:   targets("targets[2023].value", "2", "targets[2023].value_high", "4", "targets[2024].value", "4,5", "targets[2024].value_high", "3"),
			status: 422, contains: []string{"targets[2024].value_high: Cận trên phải không nhỏ hơn cận dưới", `value="4,5"`}},
		{name: "range without its high bound", as: "office", method: "POST", path: "/indicators/" + rng + "/targets",
			body: targets("targets[term].value", "2"), status: 422, contains: []string{"targets[term].value_high: Chỉ tiêu trong khoảng cần cận trên"}},
		{name: "a number in English notation", as: "office", method: "POST", path: "/indicators/" + pub + "/targets",
			body: targets("targets[2024].value", "1.5"), status: 422, contains: []string{"targets[2024].value: Không phải là số hợp lệ"}},
		{name: "a high bound only", as: "office", method: "POST", path: "/indicators/" + rng + "/targets",
			body: targets("targets[2024].value_high", "3"), status: 422, contains: []string{"targets[2024].value: Chưa nhập"}},
		{name: "a share above 100", as: "office", method: "POST", path: "/indicators/" + sec + "/targets",
			body: targets("targets[2024].value", "101"), status: 422, contains: []string{"targets[2024].value: Tỷ lệ phải từ 0 đến 100"}},
		{name: "a year outside the term is no line of the form", as: "office", method: "POST", path: "/indicators/" + pub + "/targets",
			body: targets("targets[2030].value", "5"), status: 422, contains: []string{"targets: Chưa nhập kế hoạch nào"}},
		{name: "nothing filled in", as: "office", method: "POST", path: "/indicators/" + pub + "/targets", body: "unit=", status: 422,
			contains: []string{"Chưa nhập kế hoạch nào"}},
		{name: "an unknown unit", as: "office", method: "POST", path: "/indicators/" + pub + "/targets",
			body: targets("unit", "Sở Không Có", "targets[2024].value", "5"), status: 422, contains: []string{"unit: "}},
		{name: "classified: not found to the cleared administrator", as: "admin", method: "POST", path: "/indicators/" + sec + "/targets",
			body: targets("targets[2024].value", "50"), status: 404, absent: []string{"Chỉ tiêu mật về quốc phòng"}},
	})
	if n := count(t, e, "indicator_targets"); n != 3 {
		t.Fatalf("%d targets after refused forms, want the 3 set before", n)
	}

	c := e.SignIn("office")
	// Years and the term for the province, in Vietnamese notation, in one go.
	r := e.Do(c, "POST", "/indicators/"+pub+"/targets", targets("targets[2024].value", "1.600", "targets[2024].note", "theo Nghị quyết 05",
		"targets[2025].value", "1.750,5", "targets[term].value", "7.000"))
	if r.Status != 303 {
		t.Fatalf("set targets: %d %s", r.Status, r.Body)
	}
	page := e.Do(c, "GET", "/indicators/"+pub, "")
	for _, want := range []string{"Đã lưu kế hoạch", "1.600 tỷ đồng", "1.750,5 tỷ đồng", "Nhiệm kỳ 2021–2025", "7.000 tỷ đồng", "theo Nghị quyết 05"} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("indicator page lacks %q", want)
		}
	}
	// A unit's own targets, chosen by its name.
	r = e.Do(c, "POST", "/indicators/"+pub+"/targets", targets("unit", "Sở Tài chính Sông Xanh", "targets[2025].value", "300"))
	if r.Status != 303 {
		t.Fatalf("unit target: %d %s", r.Status, r.Body)
	}
	grid := e.Do(c, "GET", "/indicators/"+pub+"/targets?unit="+url.QueryEscape("Sở Tài chính Sông Xanh"), "")
	if !strings.Contains(grid.Body, `name="targets[2025].value" value="300"`) || strings.Contains(grid.Body, `value="1.600"`) {
		t.Errorf("the unit's grid shows other targets:\n%s", grid.Body)
	}
	ind, err := e.App.Indicators.Get(e.Ctx, access.System, e.public.ID)
	if err != nil {
		t.Fatal(err)
	}
	var unitTargets int
	for _, x := range ind.Targets {
		if x.UnitID == e.dept {
			unitTargets++
		}
	}
	if len(ind.Targets) != 4 || unitTargets != 1 {
		t.Errorf("targets: %+v", ind.Targets)
	}
	// A range indicator takes both bounds.
	if r := e.Do(c, "POST", "/indicators/"+rng+"/targets", targets("targets[2024].value", "3,5", "targets[2024].value_high", "4")); r.Status != 303 {
		t.Fatalf("range target: %d %s", r.Status, r.Body)
	}
	if p := e.Do(c, "GET", "/indicators/"+rng, ""); !strings.Contains(p.Body, "3,5 – 4 %") {
		t.Errorf("range target not shown")
	}
	// Emptying a line the form showed with a target removes that target; a
	// blank line the form showed blank leaves a target set since alone.
	grid = e.Do(c, "GET", "/indicators/"+pub+"/targets", "")
	if !strings.Contains(grid.Body, `name="targets[2025].had" value="1"`) || strings.Contains(grid.Body, `name="targets[2023].had"`) {
		t.Errorf("the grid does not mark the lines that have a target:\n%s", grid.Body)
	}
	r = e.Do(c, "POST", "/indicators/"+pub+"/targets", targets("targets[2024].had", "1", "targets[2024].value", "1.600",
		"targets[2025].had", "1", "targets[2025].value", "", "targets[term].value", ""))
	if r.Status != 303 {
		t.Fatalf("remove a target: %d %s", r.Status, r.Body)
	}
	if ind, err = e.App.Indicators.Get(e.Ctx, access.System, e.public.ID); err != nil {
		t.Fatal(err)
	}
	var years []string
	for _, x := range ind.Targets {
		years = append(years, fmt.Sprintf("%d/%d/%v", x.UnitID, x.FirstYear, x.Term))
	}
	if want := fmt.Sprintf("[0/2024/false %d/2025/false 0/2021/true]", e.dept); fmt.Sprint(years) != want {
		t.Errorf("targets after emptying 2025: %s, want %s", years, want)
	}
}

func init() {
	classifiedFixtures["indicator"] = func(t *testing.T, e *servertest.Env) classified {
		secret := "Chỉ tiêu tuyển quân thử ZQKV"
		office := auth.Principal{User: e.Users["office"]}
		ind, err := e.App.Indicators.Create(e.Ctx, office, indicators.Input{Code: "LK01", Name: secret, Measure: "%",
			ValueKind: indicators.Percent, Direction: indicators.Higher, Aggregation: indicators.NotAdditive,
			Periodicity: indicators.Year, TermFirst: 2021, TermLast: 2025, Class: 1, ClassReason: "thử nghiệm", Description: "Ghi chú mật ZQKV"})
		if err != nil {
			t.Fatal(err)
		}
		// An id no other record of the walk has: the walk puts it in every route.
		const id = 616161
		for _, q := range []string{`UPDATE indicators SET id = $1 WHERE id = $2`,
			`UPDATE record_access SET entity_id = $1 WHERE entity = 'indicator' AND entity_id = $2`,
			`UPDATE search_entries SET entity_id = $1 WHERE entity = 'indicator' AND entity_id = $2`} {
			if _, err := e.App.DB.Primary().ExecContext(e.Ctx, q, id, ind.ID); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := e.App.Indicators.SetTarget(e.Ctx, office, id, indicators.TargetInput{Year: 2024, Value: vn.NewDecimal(95, 0), Note: "ZQKV"}); err != nil {
			t.Fatal(err)
		}
		return classified{secrets: []string{secret, "ZQKV"}, ids: []int64{id}}
	}
}
