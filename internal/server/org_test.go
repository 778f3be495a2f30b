package server_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"plenum/internal/demo"
	"plenum/internal/server/servertest"
	"plenum/internal/vn"
)

func demoEnv(t *testing.T) *servertest.Env {
	e := servertest.New(t)
	if err := demo.LoadStores(e.Ctx, e.App.DB, e.App.Org, e.App.People); err != nil {
		t.Fatal(err)
	}
	return e
}

func unitID(t *testing.T, e *servertest.Env, code string) string {
	t.Helper()
	u, err := e.App.Org.ByCode(e.Ctx, code, demo.Reform.AddDays(-1))
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprint(u.ID)
}

func TestOrganisationPagesAndAPI(t *testing.T) {
	t.Parallel()
	e := demoEnv(t)
	bk, tn := unitID(t, e, "bac-kan.tu"), unitID(t, e, "thai-nguyen.tu")
	bkVP := unitID(t, e, "bac-kan.vp")
	run(t, e, []scenario{
		{name: "tree before the reform", as: "reader", method: "GET", path: "/org?as_of=2025-06-30", status: 200,
			contains: []string{"Tỉnh ủy Bắc Kạn", "Huyện ủy Ba Bể"}},
		{name: "tree after the reform", as: "reader", method: "GET", path: "/org?as_of=2025-07-02", status: 200,
			contains: []string{"Tỉnh ủy Thái Nguyên"}, absent: []string{"Tỉnh ủy Bắc Kạn", "Huyện ủy"}},
		{name: "tree with a bad date", as: "reader", method: "GET", path: "/org?as_of=31/02/2025", status: 422, contains: []string{"Ngày không hợp lệ"}},
		{name: "search across time", as: "reader", method: "GET", path: "/org?q=bac+kan&all_time=1", status: 200, contains: []string{"Tỉnh ủy Bắc Kạn"}},
		{name: "unit page with predecessors", as: "reader", method: "GET", path: "/org/units/" + tn + "?as_of=2025-07-02", status: 200,
			contains: []string{"Tỉnh ủy Bắc Kạn", `id="predecessors"`, "Bí thư Tỉnh ủy Thái Nguyên"}},
		{name: "who was secretary of Bắc Kạn", as: "reader", method: "GET", path: "/org/units/" + bk + "?position=secretary&holder_date=2021-10-11", status: 200,
			contains: []string{`id="holders"`, "Bí thư Tỉnh ủy Bắc Kạn"}},
		{name: "reader cannot rename", as: "reader", method: "POST", path: "/org/units/" + tn + "/rename", body: "name=X&effective=2026-01-01", status: 403},
		{name: "rename to the same name is refused on the form", as: "office", method: "POST", path: "/org/units/" + tn + "/rename",
			body: url.Values{"name": {"Tỉnh ủy Thái Nguyên"}, "effective": {"2026-01-01"}}.Encode(), status: 422, contains: []string{"trùng với tên hiện tại"}},
		{name: "rename with a bad date", as: "office", method: "POST", path: "/org/units/" + tn + "/rename",
			body: url.Values{"name": {"Tên mới"}, "effective": {"30/02/2026"}}.Encode(), status: 422, contains: []string{"Ngày không hợp lệ"}},
		{name: "moving a unit under itself is refused", as: "office", method: "POST", path: "/org/units/" + tn + "/move",
			body: url.Values{"parent_id": {tn}, "effective": {"2026-01-01"}}.Encode(), status: 422},
		{name: "dissolving a unit with live children is refused and names them", as: "office", method: "POST", path: "/org/units/" + tn + "/dissolve",
			body: url.Values{"effective": {"2026-01-01"}}.Encode(), status: 422, contains: []string{"đơn vị trực thuộc"}},
		{name: "unknown operation", as: "office", method: "POST", path: "/org/units/" + tn + "/explode", body: "effective=2026-01-01", status: 404},
		{name: "rename works", as: "office", method: "POST", path: "/org/units/" + bkVP + "/rename",
			body: url.Values{"name": {"Văn phòng Tỉnh ủy Bắc Kạn (đổi tên)"}, "effective": {"2024-01-01"}, "basis": {"Quyết định thử nghiệm"}}.Encode(), status: 303},
		{name: "API tree", as: "token:reader:read", method: "GET", path: "/api/v1/units/tree?as_of=2025-06-30", status: 200, contains: []string{`"name":"Tỉnh ủy Bắc Kạn"`}},
		{name: "API search", as: "token:reader:read", method: "GET", path: "/api/v1/units?q=tinh+uy+thai&as_of=2025-07-02", status: 200, contains: []string{`"Tỉnh ủy Thái Nguyên"`}},
		{name: "API predecessors", as: "token:reader:read", method: "GET", path: "/api/v1/units/" + tn + "/predecessors", status: 200, contains: []string{`"kind":"merge"`, "Bắc Kạn"}},
		{name: "API holders", as: "token:reader:read", method: "GET", path: "/api/v1/units/" + bk + "/holders?position=secretary&as_of=2021-10-11", status: 200, contains: []string{`"title":"Bí thư Tỉnh ủy Bắc Kạn"`}},
		{name: "API unknown unit", as: "token:reader:read", method: "GET", path: "/api/v1/units/999999", status: 404},
		{name: "API bad as_of", as: "token:reader:read", method: "GET", path: "/api/v1/units/" + tn + "?as_of=2025-13-01", status: 422, contains: []string{`"name":"as_of"`}},
		{name: "API read token cannot merge", as: "token:office:read", method: "POST", path: "/api/v1/units/merge", body: `{"source_ids":[1],"target_id":2,"effective":"2026-01-01"}`, status: 403},
		{name: "API merge into itself refused", as: "token:office:write", method: "POST", path: "/api/v1/units/merge",
			body: `{"source_ids":[` + tn + `],"target_id":` + tn + `,"effective":"2026-01-01"}`, status: 422, contains: []string{`"code":"invalid"`}},
		{name: "API create with bad fields", as: "token:office:write", method: "POST", path: "/api/v1/units",
			body: `{"kind":"castle","level":"galaxy","name":"","effective":"2026-01-01"}`, status: 422,
			contains: []string{`"name":"kind"`, `"name":"level"`, `"name":"name"`}},
		{name: "API date in a wrong format", as: "token:office:write", method: "POST", path: "/api/v1/units",
			body: `{"kind":"department","level":"province","name":"Sở mới","effective":"01/01/2026"}`, status: 400},
	})
}

func TestPeoplePagesAndAPI(t *testing.T) {
	t.Parallel()
	e := demoEnv(t)
	bk := unitID(t, e, "bac-kan.tu")
	holders, err := e.App.People.Holders(e.Ctx, mustInt(bk), "secretary", demo.Reform.AddDays(-1))
	if err != nil || len(holders) != 1 {
		t.Fatalf("holders: %v %v", holders, err)
	}
	secretary := fmt.Sprint(holders[0].PersonID)
	run(t, e, []scenario{
		{name: "list", as: "reader", method: "GET", path: "/people", status: 200, contains: []string{"153 người"}},
		{name: "list of a unit's lineage", as: "reader", method: "GET", path: "/people?unit=" + unitID(t, e, "thai-nguyen.tu"), status: 200, contains: []string{holders[0].PersonName}},
		{name: "search without accents", as: "reader", method: "GET", path: "/people?q=" + url.QueryEscape(foldedFirstWord(holders[0].PersonName)), status: 200, contains: []string{holders[0].PersonName}},
		{name: "person page", as: "reader", method: "GET", path: "/people/" + secretary, status: 200, contains: []string{"Bí thư Tỉnh ủy Bắc Kạn", `id="all-posts"`}},
		{name: "create person refuses a bad year", as: "office", method: "POST", path: "/people", body: url.Values{"full_name": {"Nguyễn Văn Thử"}, "birth_year": {"18"}}.Encode(),
			status: 422, contains: []string{"Năm sinh"}},
		{name: "create person refuses a word for a year", as: "office", method: "POST", path: "/people", body: url.Values{"full_name": {"Nguyễn Văn Thử"}, "birth_year": {"một"}}.Encode(),
			status: 422, contains: []string{"Không phải là số"}},
		{name: "create person", as: "office", method: "POST", path: "/people", body: url.Values{"full_name": {"Nguyễn Văn Thử"}, "birth_year": {"1980"}}.Encode(), status: 303},
		{name: "post in a unit that did not exist yet", as: "office", method: "POST", path: "/people/" + secretary + "/posts",
			body: url.Values{"position_code": {"secretary"}, "unit_id": {unitID(t, e, "thai-nguyen.tu")}, "valid_from": {"2010-01-01"}}.Encode(), status: 422},
		{name: "post in an unknown unit", as: "office", method: "POST", path: "/people/" + secretary + "/posts",
			body: url.Values{"position_code": {"secretary"}, "unit_id": {"không có đơn vị này"}, "valid_from": {"2024-01-01"}}.Encode(), status: 422, contains: []string{"Không tìm thấy đơn vị"}},
		{name: "API person with posts in order", as: "token:reader:read", method: "GET", path: "/api/v1/people/" + secretary, status: 200, contains: []string{`"posts":[`}},
		{name: "API positions", as: "token:reader:read", method: "GET", path: "/api/v1/positions", status: 200, contains: []string{`"code":"secretary"`}},
		{name: "API post with the end before the start", as: "token:office:write", method: "POST", path: "/api/v1/posts",
			body: `{"person_id":` + secretary + `,"position_code":"secretary","unit_id":` + bk + `,"valid_from":"2024-01-01","valid_to":"2023-01-01"}`, status: 422},
	})
	// The person list answers in Vietnamese order through the API too.
	r := e.Do(nil, "GET", "/api/v1/people?limit=500", "", "Authorization: Bearer "+e.Token("reader", "read"))
	var page struct {
		People []struct {
			FullName string `json:"full_name"`
		} `json:"people"`
	}
	if err := json.Unmarshal([]byte(r.Body), &page); err != nil || len(page.People) < 100 {
		t.Fatalf("people: %v %d", err, len(page.People))
	}
}

func mustInt(s string) int64 {
	var n int64
	fmt.Sscan(s, &n)
	return n
}

// foldedFirstWord returns the given name written without accents.
func foldedFirstWord(name string) string {
	f := strings.Fields(vn.Fold(name))
	return f[len(f)-1]
}
