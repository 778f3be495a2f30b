package server_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"plenum/internal/server/servertest"
)

// In Chromium: register a plan implementing a registered conclusion, link
// it, and open the conclusion's family tree.
func TestBrowserRegisterDocumentAndFamily(t *testing.T) {
	t.Parallel()
	e := servertest.New(t)
	r := newRegistry(t, e)
	ctx := e.Browser()
	e.SignInBrowser(ctx, "office")
	err := chromedp.Do(ctx,
		chromedp.Navigate(e.Server.URL+"/documents/new?origin=external"),
		chromedp.WaitVisible(`input[name=symbol]`),
		chromedp.SetValue(`select[name=kind]`, "plan"),
		chromedp.SendKeys(`input[name=symbol]`, "160-kh/tu"),
		chromedp.SendKeys(`input[name=issuer_name]`, "Tỉnh ủy Thử"),
		chromedp.SendKeys(`textarea[name=title]`, "thực hiện Kết luận 21 ở cấp tỉnh (trình duyệt)"),
		chromedp.SendKeys(`input[name=issued_on]`, "15/03/2022"),
		chromedp.Click(`form.document-form button.primary`),
		chromedp.WaitVisible(`strong.symbol`),
	)
	if err != nil {
		t.Fatal(err)
	}
	if sym, _ := chromedp.Run(ctx, chromedp.Text(`strong.symbol`)); sym != "160-KH/TU" {
		t.Fatalf("registered symbol %q", sym)
	}
	err = chromedp.Do(ctx,
		chromedp.SetValue(`form[action$="/links"] select[name=kind]`, "implements"),
		chromedp.SendKeys(`form[action$="/links"] input[name=to_id]`, itoa(r.kl.ID)),
		chromedp.Click(`form[action$="/links"] button`),
		// The page already shows the flash of the registration: wait for the
		// link itself, or the navigation below would abort the form's POST.
		chromedp.WaitVisible(`//table[contains(@class,"links")]//a[contains(., "21-KL/TW")]`),
		chromedp.Navigate(e.Server.URL+"/documents/"+itoa(r.kl.ID)+"?as_of=01/01/2023"),
		chromedp.WaitVisible(`ul.tree.family`),
	)
	if err != nil {
		t.Fatal(err)
	}
	tree, err := chromedp.Run(ctx, chromedp.Text(`ul.tree.family`))
	if err != nil || !strings.Contains(tree, "160-KH/TU") || !strings.Contains(tree, "147-KH/TU") || !strings.Contains(tree, secretSymbol) {
		t.Fatalf("family tree %q %v", tree, err)
	}
}
