package server_test

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/url"
	"strings"
	"testing"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/clock/clocktest"
	"plenum/internal/date"
	"plenum/internal/fixture"
	"plenum/internal/indicators"
	"plenum/internal/org"
	"plenum/internal/server/servertest"
	"plenum/internal/vn"
)

// indicatorEnv has a province (Sông Xanh, invented) with a finance
// department, a unit member of the province ("donvi"), a public and a
// classified (Mật) main indicator with 2025 targets, and a few values: the
// final figures of 2023–2025, so it runs as of the suite's day once 2025
// is over, and as of 15/01/2026 before that.
type indicatorEnv struct {
	*servertest.Env
	province, dept int64
	public, secret indicators.Indicator
}

func newIndicatorEnv(t *testing.T) *indicatorEnv {
	day := clocktest.Today()
	if first := date.MustParse("2026-01-15"); day.Before(first) {
		day = first
	}
	e := &indicatorEnv{Env: servertest.NewWith(t, fixture.Options{Clock: clocktest.On(t, day)})}
	e.province = provinceUnit(t, e.Env, "Tỉnh ủy Sông Xanh", org.PartyCommittee, 0)
	e.dept = provinceUnit(t, e.Env, "Sở Tài chính Sông Xanh", org.Department, e.province)
	u, err := e.App.Auth.CreateUser(e.Ctx, auth.NewUser{Username: "donvi", DisplayName: "Cán bộ đơn vị", Password: servertest.Password,
		Role: auth.RoleUnit, UnitID: e.province})
	if err != nil {
		t.Fatal(err)
	}
	e.Users["donvi"] = u
	office := auth.Principal{User: e.Users["office"]}
	def := func(code, name, measure string, kind indicators.ValueKind, class int) indicators.Indicator {
		x, err := e.App.Indicators.Create(e.Ctx, office, indicators.Input{Code: code, Name: name, Measure: measure, ValueKind: kind,
			Direction: indicators.Higher, Aggregation: indicators.Sum, Periodicity: indicators.Quarter, Main: true,
			ScopeUnitID: e.province, TermFirst: 2021, TermLast: 2025, Class: class, ClassReason: "thử nghiệm"})
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	e.public = def("CT01", "Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", indicators.Amount, 0)
	e.secret = def("CT02", "Chỉ tiêu mật về quốc phòng thử", "%", indicators.Percent, 1)
	// Leaders need to know it (as they would through its resolution's grants).
	if err := e.App.DB.Tx(e.Ctx, func(ctx context.Context) error {
		return e.App.Access.SetGrants(ctx, indicators.Entity, e.secret.ID, 1, []access.Grant{{Role: auth.RoleLeader}, {Role: auth.RoleOffice}})
	}); err != nil {
		t.Fatal(err)
	}
	for _, x := range []indicators.Indicator{e.public, e.secret} {
		if _, err := e.App.Indicators.SetTarget(e.Ctx, office, x.ID, indicators.TargetInput{Year: 2025, Value: vn.NewDecimal(80, 0)}); err != nil {
			t.Fatal(err)
		}
		for y, v := range map[int]int64{2023: 60, 2024: 70, 2025: 90} {
			p := indicators.YearPeriod(y)
			if _, err := e.App.Indicators.Enter(e.Ctx, office, indicators.ValueInput{IndicatorID: x.ID, UnitID: e.province, Period: p,
				Status: indicators.Final, Value: vn.NewDecimal(v, 0)}); err != nil {
				t.Fatal(err)
			}
		}
	}
	return e
}

func TestIndicatorPagesAndAPI(t *testing.T) {
	t.Parallel()
	e := newIndicatorEnv(t)
	pub, sec, prov, dept := fmt.Sprint(e.public.ID), fmt.Sprint(e.secret.ID), fmt.Sprint(e.province), fmt.Sprint(e.dept)
	csv := "Mã chỉ tiêu,Đơn vị,Kỳ,Loại số liệu,Giá trị\r\n" +
		"CT01,#" + prov + ",quý I/2025,Chính thức,\"20,5\"\r\n" +
		"CT01,#" + prov + ",quý II/2025,Chính thức,-3\r\n" +
		"CT01,#" + dept + ",quý III/2025,Chính thức,7\r\n"
	run(t, e.Env, []scenario{
		{name: "catalogue", as: "leader", method: "GET", path: "/indicators", status: 200,
			contains: []string{"Thu ngân sách nhà nước", "Chỉ tiêu mật", `class="classbanner class-1"`}},
		{name: "catalogue without clearance", as: "donvi", method: "GET", path: "/indicators", status: 200,
			contains: []string{"Thu ngân sách nhà nước"}, absent: []string{"Chỉ tiêu mật", "classbanner"}},
		{name: "indicator page with chart and evaluation", as: "donvi", method: "GET", path: "/indicators/" + pub, status: 200,
			contains: []string{"<svg", `class="trend"`, "Tỉnh ủy Sông Xanh", "Vượt", "+28,57%"}},
		{name: "classified indicator page not found", as: "donvi", method: "GET", path: "/indicators/" + sec, status: 404, absent: []string{"Chỉ tiêu mật"}},
		{name: "standing counts only what one may see", as: "donvi", method: "GET", path: "/indicators/standing?unit=" + prov + "&period=2025", status: 200,
			contains: []string{"1/1 chỉ tiêu đạt và vượt"}, absent: []string{"Chỉ tiêu mật"}},
		{name: "standing for a cleared leader", as: "leader", method: "GET", path: "/indicators/standing?unit=" + prov + "&period=năm+2025", status: 200,
			contains: []string{"2/2 chỉ tiêu đạt và vượt"}},
		{name: "standing with a bad period", as: "leader", method: "GET", path: "/indicators/standing?unit=" + prov + "&period=quý+V", status: 200,
			contains: []string{"Không phải là kỳ báo cáo"}},
		{name: "entry form", as: "donvi", method: "GET", path: "/indicators/enter", status: 200, contains: []string{"Tỉnh ủy Sông Xanh", `name="value"`}},
		{name: "reader may not enter", as: "reader", method: "GET", path: "/indicators/enter", status: 403},
		{name: "a member enters a value and sees it judged", as: "donvi", method: "POST", path: "/indicators/values",
			body:   url.Values{"indicator_id": {pub}, "unit_id": {prov}, "period": {"9 tháng năm 2025"}, "status": {"final"}, "value": {"65,5"}}.Encode(),
			status: 200, contains: []string{`id="saved"`, "Đã ghi 65,5", "Không đạt", "Kế hoạch: 80"}},
		{name: "a member may not enter for another unit", as: "donvi", method: "POST", path: "/indicators/values",
			body:   url.Values{"indicator_id": {pub}, "unit_id": {dept}, "period": {"2025"}, "status": {"final"}, "value": {"1"}}.Encode(),
			status: 422, contains: []string{"chỉ được nhập số liệu cho đơn vị của mình"}},
		{name: "a value in English notation is refused on its field", as: "donvi", method: "POST", path: "/indicators/values",
			body:   url.Values{"indicator_id": {pub}, "unit_id": {prov}, "period": {"2025"}, "status": {"final"}, "value": {"1.5"}}.Encode(),
			status: 422, contains: []string{"Không phải là số hợp lệ"}},
		{name: "sheet download (CSV)", as: "donvi", method: "GET", path: "/indicators/sheet?unit=" + prov + "&year=2025&format=csv", status: 200,
			contains: []string{"\xEF\xBB\xBFMã chỉ tiêu / Indicator code", "CT01", "quý IV/2025"}, absent: []string{"CT02"}},
		{name: "import page", as: "donvi", method: "GET", path: "/indicators/import", status: 200, contains: []string{`enctype="multipart/form-data"`}},
		{name: "API list hides the classified", as: "token:donvi:read", method: "GET", path: "/api/v1/indicators", status: 200,
			contains: []string{`"code":"CT01"`}, absent: []string{"CT02"}},
		{name: "API classified indicator is not found", as: "token:donvi:read", method: "GET", path: "/api/v1/indicators/" + sec, status: 404},
		{name: "API standing", as: "token:leader:read", method: "GET", path: "/api/v1/indicators/standing?unit_id=" + prov + "&period=2025", status: 200,
			contains: []string{`"good":2`, `"counted":2`}},
		{name: "API total", as: "token:donvi:read", method: "GET", path: "/api/v1/indicators/" + pub + "/total?unit_id=" + prov + "&period=2024", status: 200,
			contains: []string{`"value":70`}},
		{name: "API total of a classified one", as: "token:donvi:read", method: "GET", path: "/api/v1/indicators/" + sec + "/total?unit_id=" + prov + "&period=2024", status: 404},
		{name: "API enter names the field", as: "token:donvi:write", method: "POST", path: "/api/v1/indicators/values",
			body: `{"indicator_id":` + pub + `,"unit_id":` + prov + `,"period":"2025-Q4","status":"final","value":-5}`, status: 422,
			contains: []string{`"name":"value"`}},
		{name: "API import refuses a file with errors and names each cell", as: "token:donvi:write", method: "POST",
			path: "/api/v1/indicators/import?unit_id=" + prov + "&filename=q.csv", body: csv, status: 422,
			contains: []string{`"name":"Chỉ tiêu!E3"`, `"name":"Chỉ tiêu!B4"`}},
		{name: "API sheet marks its class", as: "token:leader:read", method: "GET", path: "/api/v1/indicators/sheet?unit_id=" + prov + "&year=2025&format=csv",
			status: 200, contains: []string{"CT02"}},
		{name: "API definition needs indicators.write", as: "token:donvi:write", method: "POST", path: "/api/v1/indicators", body: `{"code":"X"}`, status: 403},
		{name: "API targets: one bad entry refuses all", as: "token:office:write", method: "PUT", path: "/api/v1/indicators/" + pub + "/targets",
			body: `[{"year":2025,"remove":true},{"year":2024,"value":-1}]`, status: 422, contains: []string{`"name":"targets[2024].value"`}},
		{name: "API targets: set one, remove one", as: "token:office:write", method: "PUT", path: "/api/v1/indicators/" + pub + "/targets",
			body: `[{"year":2025,"remove":true},{"year":2024,"value":75}]`, status: 200, contains: []string{`{"items":[{"id":`, `"first_year":2024`},
			absent: []string{`"first_year":2025`}},
		{name: "API remove a target that is not there", as: "token:office:write", method: "DELETE", path: "/api/v1/indicators/" + pub + "/targets?year=2025",
			status: 422, contains: []string{`"name":"year"`}},
		{name: "API remove names the year it needs", as: "token:office:write", method: "DELETE", path: "/api/v1/indicators/" + pub + "/targets",
			status: 422, contains: []string{`"name":"year"`}},
		{name: "API remove a target", as: "token:office:write", method: "DELETE", path: "/api/v1/indicators/" + pub + "/targets?year=2024", status: 204},
		{name: "API remove needs indicators.write", as: "token:donvi:write", method: "DELETE", path: "/api/v1/indicators/" + sec + "/targets?year=2025", status: 403},
		{name: "API classified targets not found without need to know", as: "token:admin:write", method: "DELETE",
			path: "/api/v1/indicators/" + sec + "/targets?year=2025", status: 404, absent: []string{"Chỉ tiêu mật"}},
	})
	for _, c := range []struct {
		ind     indicators.Indicator
		targets int
	}{{e.public, 0}, {e.secret, 1}} {
		if ind, err := e.App.Indicators.Get(e.Ctx, access.System, c.ind.ID); err != nil || len(ind.Targets) != c.targets {
			t.Errorf("%s: targets %+v %v, want %d", c.ind.Code, ind.Targets, err, c.targets)
		}
	}
}

// An upload with problems in several rows shows each, by sheet, row and
// column, on the result page, and saves nothing.
func TestIndicatorImportResultPage(t *testing.T) {
	t.Parallel()
	e := newIndicatorEnv(t)
	prov := fmt.Sprint(e.province)
	csv := "Mã chỉ tiêu / Indicator code;Đơn vị / Unit;Kỳ / Period;Loại số liệu / Status;Giá trị / Value\r\n" +
		"CT01;#" + prov + ";quý I/2025;Chính thức;20,5\r\n" +
		"CT01;#" + prov + ";quý II/2025;Chính thức;-3\r\n" +
		"CT01;#" + prov + ";quý V/2025;Chính thức;4\r\n"
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("unit", prov)
	fw, _ := mw.CreateFormFile("file", "sai.csv")
	fw.Write([]byte(csv))
	mw.Close()
	c := e.SignIn("donvi")
	before := count(t, e, "indicator_values")
	r := e.Do(c, "POST", "/indicators/import", body.String(), "Content-Type: "+mw.FormDataContentType())
	if r.Status != 303 {
		t.Fatalf("upload: %d %s", r.Status, r.Body)
	}
	page := e.Do(c, "GET", r.Header.Get("Location"), "")
	for _, want := range []string{"Bị từ chối", `Trang &#34;Chỉ tiêu&#34;, dòng 3, cột E (Giá trị / Value)`, `dòng 4, cột C (Kỳ / Period)`, "Tệp có 2 lỗi"} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("result page lacks %q", want)
		}
	}
	if after := count(t, e, "indicator_values"); after != before {
		t.Errorf("%d values saved by a refused import", after-before)
	}
	// Another user cannot read the result.
	if other := e.Do(e.SignIn("office"), "GET", r.Header.Get("Location"), ""); other.Status != 200 {
		t.Errorf("the office reads imports: %d", other.Status)
	}
	if other := e.Do(e.SignIn("leader"), "GET", r.Header.Get("Location"), ""); other.Status != 403 && other.Status != 404 {
		t.Errorf("a leader read someone's import: %d", other.Status)
	}
}

func count(t *testing.T, e *indicatorEnv, table string) int {
	t.Helper()
	var n int
	if err := e.App.DB.Primary().QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
