package server_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"plenum/internal/auth"
	"plenum/internal/dashboard/dashboardtest"
	"plenum/internal/fixture"
	"plenum/internal/server/servertest"
)

func init() {
	// A Mật task (late, so on the dashboard's list), its Mật plan and a Mật
	// main indicator: none may reach the leak walk's readers.
	classifiedFixtures["dashboard: task, plan and indicator"] = func(t *testing.T, e *servertest.Env) classified {
		// The walk looks for the secrets on every route. The records' ids are
		// not given: small ids of tasks and indicators are also ids of public
		// units and people of the other fixtures, whose pages rightly answer.
		// TestDashboardPageAndAPI asks for the records themselves.
		dashboardtest.Build(t, e.App, e.Ctx, auth.Principal{User: e.Users["office"]})
		return classified{secrets: []string{dashboardtest.SecretTask, dashboardtest.SecretIndicator, dashboardtest.SecretDocument}}
	}
}

// dashboardEnv is a server with the dashboard's province; "lanhdao_thu" is
// its uncleared leader.
func dashboardEnv(t *testing.T) (*servertest.Env, *dashboardtest.World) {
	e := servertest.NewWith(t, fixture.Options{Clock: dashboardtest.Clock(t)})
	w := dashboardtest.Build(t, e.App, e.Ctx, auth.Principal{User: e.Users["office"]})
	e.Users[w.Leader.Username] = w.Leader
	if err := e.App.Auth.SetPassword(e.Ctx, w.Leader.ID, servertest.Password); err != nil {
		t.Fatal(err)
	}
	return e, w
}

func TestDashboardPageAndAPI(t *testing.T) {
	t.Parallel()
	e, w := dashboardEnv(t)
	leader := e.SignIn(w.Leader.Username)
	page := e.Do(leader, "GET", "/dashboard", "")
	if page.Status != 200 {
		t.Fatalf("dashboard: %d %s", page.Status, page.Body)
	}
	for _, want := range []string{"Bảng điều hành", "Sở Tài chính Bảng Thử", "05-NQ/TU", `<svg xmlns="http://www.w3.org/2000/svg" class="chart bars"`,
		`role="img"`, "Tỷ lệ hồ sơ xử lý trực tuyến thử", "Chưa đạt", "0/1", "state=late", "Số hóa hồ sơ thuế thử"} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("the leader's dashboard lacks %q", want)
		}
	}
	for _, secret := range []string{dashboardtest.SecretTask, dashboardtest.SecretIndicator, dashboardtest.SecretDocument, "classbanner"} {
		if strings.Contains(page.Body, secret) {
			t.Errorf("the uncleared leader's dashboard shows %q", secret)
		}
	}
	fin := fmt.Sprint(w.Finance)
	run(t, e, []scenario{
		{name: "office sees the Mật task, marked", as: "office", method: "GET", path: "/dashboard", status: 200,
			contains: []string{dashboardtest.SecretTask, "classbanner"}},
		{name: "a unit by name", as: "office", method: "GET", path: "/dashboard?unit=" + url.QueryEscape("Huyện ủy Lục Thử"), status: 200,
			contains: []string{"<strong>Huyện ủy Lục Thử</strong>"}, absent: []string{"Số hóa hồ sơ thuế thử"}},
		{name: "the Mật task to the leader", as: w.Leader.Username, method: "GET", path: fmt.Sprintf("/tasks/%d", w.SecretTask.ID), status: 404},
		{name: "the Mật indicator to the leader", as: w.Leader.Username, method: "GET", path: fmt.Sprintf("/api/v1/indicators/%d", w.Hidden.ID), status: 404},
		{name: "the Mật plan as a filter", as: w.Leader.Username, method: "GET", path: fmt.Sprintf("/dashboard?document_id=%d", w.Secret.ID), status: 422,
			absent: []string{dashboardtest.SecretDocument}},
		{name: "readers have no dashboard", as: "reader", method: "GET", path: "/dashboard", status: 403},
		{name: "bad date", as: "office", method: "GET", path: "/dashboard?as_of=31/02/2025", status: 422, contains: []string{"field-error"}},
		{name: "unknown unit", as: "office", method: "GET", path: "/dashboard?unit=" + url.QueryEscape("Đơn vị không có"), status: 422,
			contains: []string{"field-error"}},
		{name: "bad period", as: "office", method: "GET", path: "/dashboard?period=qu%C3%BD+IX", status: 422},
		{name: "API", as: "token:office:read", method: "GET", path: "/api/v1/dashboard?unit_id=" + fin, status: 200,
			contains: []string{`"late":3`, `"by_unit"`, `"off_track"`, dashboardtest.SecretTask}},
		{name: "API bad as_of names the field", as: "token:office:read", method: "GET", path: "/api/v1/dashboard?as_of=hom-qua", status: 422,
			contains: []string{`"as_of"`}},
		{name: "API unknown unit names the field", as: "token:office:read", method: "GET", path: "/api/v1/dashboard?unit_id=99999999", status: 422,
			contains: []string{`"unit_id"`}},
		{name: "API for a reader", as: "token:reader:read", method: "GET", path: "/api/v1/dashboard", status: 403},
		{name: "nav and home tile", as: "office", method: "GET", path: "/", status: 200, contains: []string{`href="/dashboard"`}},
		{name: "no tile for readers", as: "reader", method: "GET", path: "/", status: 200, absent: []string{`href="/dashboard"`}},
	})
}

// TestBrowserDashboard signs in as a leader, opens the dashboard, narrows it
// to a unit, checks the charts are drawn, and follows a figure to the tasks
// behind it.
func TestBrowserDashboard(t *testing.T) {
	t.Parallel()
	e, w := dashboardEnv(t)
	ctx := e.Browser()
	e.SignInBrowser(ctx, w.Leader.Username)
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(sel))
		if err != nil {
			t.Fatalf("%s: %v", sel, err)
		}
		return s
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(e.Server.URL+"/dashboard"), chromedp.WaitVisible(`#dash-tiles`)); err != nil {
		t.Fatal(err)
	}
	bars, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#dash-units svg.chart rect.seg').length`))
	if err != nil {
		t.Fatal(err)
	}
	// The SVG renders: it has a size on the page.
	width, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.querySelector('#dash-units svg.chart').getBoundingClientRect().width`))
	if err != nil {
		t.Fatal(err)
	}
	if tile := text(`#dash-tiles .late strong`); bars == 0 || width < 100 || tile != "3" {
		t.Fatalf("%d bar segments %v wide, %q late (want 3: the Mật task is not counted)", bars, width, tile)
	}
	// Narrow to the district through the form.
	err = chromedp.Do(ctx,
		chromedp.SetValue(`#dash-filters input[name=unit]`, "Huyện ủy Lục Thử"),
		chromedp.Submit(`#dash-filters input[name=unit]`),
		chromedp.WaitVisible(`#dash-scope`),
	)
	if err != nil {
		t.Fatal(err)
	}
	if scope, tile := text(`#dash-scope`), text(`#dash-tiles .late strong`); !strings.Contains(scope, "Huyện ủy Lục Thử") || tile != "1" {
		t.Fatalf("after the filter: %q, %q late", scope, tile)
	}
	// Follow the late figure to the tasks behind it.
	if err := chromedp.Do(ctx, chromedp.Click(`#dash-tiles .late a`), chromedp.WaitVisible(`#task-count`)); err != nil {
		t.Fatal(err)
	}
	count, list := text(`#task-count`), text(`table.tasks tbody`)
	if !strings.Contains(count, "trễ hạn") || !strings.Contains(list, "Tổng kết mô hình thử") || strings.Contains(list, "Tuyên truyền thử") {
		t.Fatalf("the late figure leads to %q: %q", count, list)
	}
}
