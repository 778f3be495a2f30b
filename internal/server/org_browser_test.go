package server_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"plenum/internal/demo"
	"plenum/internal/server/servertest"
)

// The foundation's acceptance walk: sign in, open the organisation tree as of
// the day before and the day after the 2025 reorganisation, and reach Bắc
// Kạn's records from Thái Nguyên, which it was merged into.
func TestBrowserOrganisationThroughTheReform(t *testing.T) {
	t.Parallel()
	e := servertest.New(t)
	if err := demo.LoadStores(e.Ctx, e.App.DB, e.App.Org, e.App.People); err != nil {
		t.Fatal(err)
	}
	ctx := e.Browser()
	e.SignInBrowser(ctx, "reader")

	treeText := func(asOf string) string {
		t.Helper()
		err := chromedp.Do(ctx,
			chromedp.Navigate(e.Server.URL+"/org"),
			chromedp.WaitVisible(`input[name=as_of]`),
			chromedp.SetValue(`input[name=as_of]`, asOf),
			chromedp.Submit(`input[name=as_of]`),
			chromedp.WaitVisible(`ul.tree`),
		)
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := chromedp.Run(ctx, chromedp.AttributeValue(`input[name=as_of]`, "value")); got.Value != asOf {
			t.Fatalf("the tree is not shown as of %s: %q", asOf, got.Value)
		}
		text, err := chromedp.Run(ctx, chromedp.Text(`ul.tree`))
		if err != nil {
			t.Fatal(err)
		}
		return text
	}

	before := treeText("2025-06-30")
	for _, want := range []string{"Tỉnh ủy Bắc Kạn", "Tỉnh ủy Thái Nguyên", "Huyện ủy Ba Bể", "Tỉnh ủy Hà Giang", "Tỉnh ủy Long An"} {
		if !strings.Contains(before, want) {
			t.Errorf("the tree of 2025-06-30 lacks %q", want)
		}
	}
	after := treeText("2025-07-02")
	for _, gone := range []string{"Bắc Kạn", "Huyện ủy", "Hà Giang", "Long An"} {
		if strings.Contains(after, gone) {
			t.Errorf("the tree of 2025-07-02 still shows %q", gone)
		}
	}
	if !strings.Contains(after, "Tỉnh ủy Thái Nguyên") {
		t.Error("the tree of 2025-07-02 lacks Tỉnh ủy Thái Nguyên")
	}

	// From Thái Nguyên's committee to Bắc Kạn's, through the merge.
	err := chromedp.Do(ctx,
		chromedp.Click(`//ul[contains(@class,"tree")]//a[normalize-space(.)="Tỉnh ủy Thái Nguyên"]`),
		chromedp.WaitVisible(`#predecessors`),
		chromedp.Click(`//ul[@id="predecessors"]//a[contains(., "Bắc Kạn")]`),
		chromedp.WaitVisible(`#successors`),
	)
	if err != nil {
		t.Fatal(err)
	}
	heading, _ := chromedp.Run(ctx, chromedp.Text(`h1`))
	leaders, _ := chromedp.Run(ctx, chromedp.Text(`main`))
	if heading != "Tỉnh ủy Bắc Kạn" || !strings.Contains(leaders, "Bí thư Tỉnh ủy Bắc Kạn") {
		t.Fatalf("did not reach Bắc Kạn's committee and its leaders: %q", heading)
	}
	// And Bắc Kạn's people are listed on Thái Nguyên's page through lineage.
	err = chromedp.Do(ctx,
		chromedp.Click(`//ul[@id="successors"]//a[contains(., "Thái Nguyên")]`),
		chromedp.WaitVisible(`#lineage-people`),
	)
	if err != nil {
		t.Fatal(err)
	}
	bk := e.App.People
	secretaries, err := bk.List(e.Ctx, peopleQuery(t, e, "bac-kan.tu"))
	if err != nil || len(secretaries.People) == 0 {
		t.Fatalf("no people of Bắc Kạn's committee: %v", err)
	}
	lineage, _ := chromedp.Run(ctx, chromedp.Text(`#lineage-people`))
	if !strings.Contains(lineage, secretaries.People[0].FullName) {
		t.Fatalf("Thái Nguyên's page does not list %s of Bắc Kạn:\n%s", secretaries.People[0].FullName, lineage)
	}
}
