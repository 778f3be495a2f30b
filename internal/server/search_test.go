package server_test

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/search"
	"plenum/internal/server/servertest"
)

// indexForSearch puts a few records in the index of e: two plans, a
// classified plan granted to leaders, a unit.
func indexForSearch(t *testing.T, e *servertest.Env) {
	t.Helper()
	entries := []search.Entry{
		{Entity: "document", EntityID: 1, Title: "Kế hoạch số 147-KH/TU thực hiện chương trình phát triển Hà Nội",
			Symbol: "147-KH/TU", Kind: "plan", Issuer: "Tỉnh ủy Lào Cai", Year: 2022, Status: "issued", URL: "/documents/1",
			Body: "Giao các sở phối hợp với thành phố Hà Nội."},
		{Entity: "document", EntityID: 2, Title: "Kế hoạch số 148-KH/TU về chuyển đổi số", Symbol: "148-KH/TU", Kind: "plan",
			Issuer: "Tỉnh ủy Lào Cai", Year: 2023, Status: "issued", URL: "/documents/2"},
		{Entity: "document", EntityID: 3, Class: 2, Title: "Kế hoạch số 9-KH/TU phương án Sông Hồng", Symbol: "9-KH/TU",
			Kind: "plan", Issuer: "Ban Nội chính Tỉnh ủy", Year: 2023, Status: "issued", URL: "/documents/3"},
		{Entity: "unit", EntityID: 1, Title: "Thành ủy Hà Nội", Kind: "party_committee", URL: "/org/1"},
	}
	err := e.App.DB.Tx(e.Ctx, func(ctx context.Context) error {
		for _, en := range entries {
			if err := e.App.Search.Put(ctx, en); err != nil {
				return err
			}
		}
		return e.App.Access.SetGrants(ctx, "document", 3, 2, []access.Grant{{Role: auth.RoleLeader}})
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestSearchPageAndAPI(t *testing.T) {
	t.Parallel()
	e := servertest.New(t)
	indexForSearch(t, e)
	secret := "Sông Hồng"
	run(t, e, []scenario{
		{name: "needs sign-in", method: "GET", path: "/search?q=ha+noi", status: 303},
		{name: "the box is in every page's header", as: "reader", method: "GET", path: "/", status: 200,
			contains: []string{`action="/search"`, `name="q"`}},
		{name: "results with highlights", as: "reader", method: "GET", path: "/search?q=ha+noi", status: 200,
			contains: []string{"<mark>Hà Nội</mark>", `href="/documents/1"`, `href="/org/1"`, "Kết quả 1–2 trên 2", `value="ha noi"`}},
		{name: "facets with counts and links", as: "reader", method: "GET", path: "/search?q=ke+hoach", status: 200,
			contains: []string{"Văn bản", "Kế hoạch", "Tỉnh ủy Lào Cai", "/search?kind=plan&amp;q=ke&#43;hoach", "2022", "2023"},
			absent:   []string{secret, "Ban Nội chính", "Tối mật"}},
		{name: "a chosen facet can be dropped", as: "reader", method: "GET", path: "/search?q=ke+hoach&year=2023", status: 200,
			contains: []string{"148-KH/TU", "✓ 2023", "Bỏ lọc"}, absent: []string{"Kế hoạch số 147"}},
		{name: "symbol search", as: "reader", method: "GET", path: "/search?q=147%2FKH", status: 200,
			contains: []string{"<mark>147-KH</mark>", "Đúng số ký hiệu"}, absent: []string{"148-KH/TU"}},
		{name: "classified hidden from the uncleared", as: "reader", method: "GET", path: "/search?q=song+hong", status: 200,
			contains: []string{"Không tìm thấy kết quả nào"}, absent: []string{secret}},
		{name: "classified hidden from the cleared without need to know", as: "admin", method: "GET", path: "/search?q=song+hong",
			status: 200, absent: []string{secret}},
		{name: "classified shown to the cleared with need to know, page marked", as: "leader", method: "GET",
			path: "/search?q=song+hong", status: 200, contains: []string{"<mark>Sông Hồng</mark>", `class="classbanner class-2"`}},
		{name: "too long", as: "reader", method: "GET", path: "/search?q=" + strings.Repeat("a", 201), status: 422,
			contains: []string{"dài quá 200 ký tự"}},
		{name: "bad year", as: "reader", method: "GET", path: "/search?q=x&year=abc", status: 422, contains: []string{"Không phải là số"}},
		{name: "empty", as: "reader", method: "GET", path: "/search?q=", status: 200, contains: []string{"có dấu hay không dấu"}},

		{name: "API", as: "token:reader:read", method: "GET", path: "/api/v1/search?q=ha%20noi", status: 200,
			contains: []string{`"total":2`, `{"text":"Hà Nội","match":true}`, `"url":"/documents/1"`}},
		{name: "API, token scoped to units", as: "token:reader:org.read", method: "GET", path: "/api/v1/search?q=ha%20noi",
			status: 200, contains: []string{`"total":1`, `"entity":"unit"`}, absent: []string{`"document"`}},
		{name: "API, classified not counted", as: "token:reader:read", method: "GET", path: "/api/v1/search?q=ke%20hoach",
			status: 200, contains: []string{`"total":2`}, absent: []string{secret, "Ban Nội chính"}},
		{name: "API, classified with need to know", as: "token:leader:read", method: "GET", path: "/api/v1/search?q=ke%20hoach",
			status: 200, contains: []string{`"total":3`, secret}},
		{name: "API, labels in English", as: "token:reader:read", method: "GET", path: "/api/v1/search?q=ke%20hoach",
			headers: []string{"Accept-Language: en"}, status: 200, contains: []string{`"label":"Documents"`, `"label":"Plan"`}},
		{name: "API, bad limit", as: "token:reader:read", method: "GET", path: "/api/v1/search?q=x&limit=1000", status: 422,
			contains: []string{`"name":"limit"`}},
		{name: "API, unknown entity", as: "token:reader:read", method: "GET", path: "/api/v1/search?q=x&entity=meeting_room", status: 422,
			contains: []string{`"name":"entity"`}},
		{name: "API, anonymous", method: "GET", path: "/api/v1/search?q=x", status: 401},
	})
	// Nothing typed reaches an engine as syntax: no 500, on the page or the API.
	for _, q := range []string{`"`, "*", "-", "NEAR", "'", `"ha noi`, "ha:*", "NEAR(ha noi)", "a OR b", "%_", `\`, "(", ")", "^", "{f_title}:x", "1' OR '1'='1"} {
		for _, path := range []string{"/search?q=", "/api/v1/search?q="} {
			as := "reader"
			headers := []string{}
			var c = e.SignIn(as)
			if strings.HasPrefix(path, "/api") {
				c = nil
				headers = append(headers, "Authorization: Bearer "+e.Token("reader", "read"))
			}
			if r := e.Do(c, "GET", path+url.QueryEscape(q), "", headers...); r.Status != 200 {
				t.Errorf("%s%q: status %d\n%s", path, q, r.Status, r.Body)
			}
		}
	}
	// The API answer is the documented shape.
	r := e.Do(nil, "GET", "/api/v1/search?q=147-KH%2FTU", "", "Authorization: Bearer "+e.Token("reader", "read"))
	var res search.Result
	if err := json.Unmarshal([]byte(r.Body), &res); err != nil || len(res.Hits) == 0 || !res.Hits[0].SymbolMatch || res.Hits[0].EntityID != 1 {
		t.Errorf("API answer: %v\n%s", err, r.Body)
	}
}

func TestBrowserSearchFromTheHeader(t *testing.T) {
	t.Parallel()
	e := servertest.New(t)
	indexForSearch(t, e)
	ctx := e.Browser()
	e.SignInBrowser(ctx, "reader")
	err := chromedp.Do(ctx,
		chromedp.SendKeys(`header .search-box input[name=q]`, "HA NOI\n"),
		chromedp.WaitVisible(`ol.hits`),
	)
	if err != nil {
		t.Fatal(err)
	}
	marks, err := chromedp.Run(ctx, chromedp.Text(`ol.hits`))
	if err != nil || !strings.Contains(marks, "Thành ủy Hà Nội") {
		t.Fatalf("results: %q %v", marks, err)
	}
	if v, _ := chromedp.Run(ctx, chromedp.Value(`form.search-page input[name=q]`)); v != "HA NOI" {
		t.Errorf("the search page's box should hold the text: %q", v)
	}
	// Choosing a facet narrows the results.
	err = chromedp.Do(ctx,
		chromedp.Click(`.facet a[href*="entity=unit"]`),
		chromedp.WaitVisible(`.facet li.selected`),
	)
	if err != nil {
		t.Fatal(err)
	}
	if hits, _ := chromedp.Run(ctx, chromedp.Text(`ol.hits`)); strings.Contains(hits, "147-KH/TU") {
		t.Errorf("entity=unit still lists documents: %q", hits)
	}
}
