package server_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"plenum/internal/server/servertest"
)

func TestBrowserSignInAndLanguage(t *testing.T) {
	e := servertest.New(t)
	ctx := e.Browser()
	err := chromedp.Do(ctx,
		chromedp.Navigate(e.Server.URL+"/"),
		chromedp.WaitVisible(`input[name=username]`), // sent to the sign-in page
		chromedp.SendKeys(`input[name=username]`, "admin"),
		chromedp.SendKeys(`input[name=password]`, "wrong password"),
		chromedp.Click(`form button.primary`),
		chromedp.WaitVisible(`.alert`),
	)
	if err != nil {
		t.Fatal(err)
	}
	if msg, _ := chromedp.Run(ctx, chromedp.Text(`.alert`)); !strings.Contains(msg, "không đúng") {
		t.Fatalf("wrong password message: %q", msg)
	}
	e.SignInBrowser(ctx, "admin")
	if h, _ := chromedp.Run(ctx, chromedp.Text(`h1`)); !strings.Contains(h, "Xin chào") {
		t.Fatalf("home heading %q", h)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(`footer button[name=lang]`),
		chromedp.WaitVisible(`footer button[value=vi]`), // the page came back in English
		chromedp.Navigate(e.Server.URL+"/admin/users"),
		chromedp.WaitVisible(`table.list`),
	)
	if err != nil {
		t.Fatal(err)
	}
	if lang, _ := chromedp.Run(ctx, chromedp.AttributeValue(`html`, "lang")); lang.Value != "en" {
		t.Fatalf("lang after switch %q", lang.Value)
	}
	users, err := chromedp.Run(ctx, chromedp.Text(`table.list`))
	if err != nil || !strings.Contains(users, "office") || !strings.Contains(users, "Committee office") {
		t.Fatalf("user list in English: %q %v", users, err)
	}
}
