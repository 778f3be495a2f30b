package server_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"plenum/internal/ingest/ingesttest"
)

// In Chromium: paste an article, see where each proposal came from, accept
// the proposals (completing one), confirm, and find the records written.
func TestBrowserIngestAnArticle(t *testing.T) {
	t.Parallel()
	e, _ := ingestWorld(t)
	ctx := e.Browser()
	e.SignInBrowser(ctx, "office")
	err := chromedp.Do(ctx,
		chromedp.Navigate(e.Server.URL+"/ingest"),
		chromedp.WaitVisible(`textarea[name=text]`),
		chromedp.SetValue(`textarea[name=text]`, ingesttest.BacKan2021),
		chromedp.Click(`form.ingest-submit button.primary`),
		chromedp.WaitVisible(`.ingest-review`),
	)
	if err != nil {
		t.Fatal(err)
	}
	// Every kind of proposal is marked in the text.
	counts, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]int](`(function () {
		var out = {};
		["conference", "person", "post", "document", "figure", "task"].forEach(function (k) {
			out[k] = document.querySelectorAll(".article mark.k-" + k).length;
		});
		return out;
	})()`))
	if err != nil || counts["person"] < 3 || counts["post"] < 6 || counts["document"] != 2 || counts["figure"] != 2 || counts["task"] < 2 || counts["conference"] < 1 {
		t.Fatalf("marks %v %v", counts, err)
	}
	if name, _ := chromedp.Run(ctx, chromedp.Text(`mark#p0`)); name != "Lục Văn Thử" {
		t.Errorf("the first person's mark reads %q", name)
	}
	// "Show in the text" lights the document's span up.
	err = chromedp.Do(ctx, chromedp.Click(`a.show-span[data-span="d1"]`), chromedp.WaitVisible(`mark#d1.lit`))
	if err != nil {
		t.Fatal(err)
	}
	if cited, _ := chromedp.Run(ctx, chromedp.Text(`mark#d1`)); !strings.Contains(cited, "27-CT/TW") {
		t.Errorf("the directive's mark reads %q", cited)
	}
	// Complete the task given to a group and accept it; accept the rest as proposed.
	err = chromedp.Do(ctx,
		chromedp.SetValue(`select[name="tasks[0].decision"]`, "accept"),
		chromedp.SetValue(`input[name="tasks[0].lead_unit_id"]`, "Ban Tuyên giáo Tỉnh ủy Bắc Kạn"),
		chromedp.SetValue(`input[name="tasks[0].due_on"]`, "31/12/2021"),
		chromedp.Click(`form.review button.primary`),
		chromedp.WaitVisible(`ul.records`),
	)
	if err != nil {
		t.Fatal(err)
	}
	records, err := chromedp.Run(ctx, chromedp.Text(`ul.records`))
	if err != nil || !strings.Contains(records, "Hội nghị lần thứ 6, Tỉnh ủy Bắc Kạn khóa XII") ||
		!strings.Contains(records, "Chỉ thị số 27-CT/TW") || strings.Count(records, "tasks[") != 2 {
		t.Fatalf("records: %q %v", records, err)
	}
	// The conference written is there, chaired by the secretary; the task too.
	item, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ link, want string }{
		{`ul.records a[href^="/conferences/"]`, "Lục Văn Thử"},
		{`ul.records a[href^="/tasks/"]`, "Ban Tuyên giáo Tỉnh ủy Bắc Kạn"},
	} {
		href, err := chromedp.Run(ctx, chromedp.AttributeValue(c.link, "href"))
		if err != nil || !href.Exists {
			t.Fatalf("%s: %v", c.link, err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(e.Server.URL+href.Value), chromedp.WaitVisible(`h1`)); err != nil {
			t.Fatal(err)
		}
		if page, _ := chromedp.Run(ctx, chromedp.Text(`main`)); !strings.Contains(page, c.want) {
			t.Errorf("%s: %q", href.Value, page)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(item), chromedp.WaitVisible(`ul.records`)); err != nil {
			t.Fatal(err)
		}
	}
}
