package server_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"plenum/internal/server/servertest"
)

func TestBrowserSignInAndLanguage(t *testing.T) {
	t.Parallel()
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

// TestBrowserMenuFits checks the header at the widths of a phone, a small
// tablet and a laptop: on a phone the menu hides behind its button; wider,
// every link of the administrator's (the longest) menu stays on one line.
func TestBrowserMenuFits(t *testing.T) {
	t.Parallel()
	e := servertest.New(t)
	ctx := e.Browser()
	e.SignInBrowser(ctx, "admin")
	// The links whose text takes more than one line.
	const broken = `[...document.querySelectorAll('header.top .menu > a, header.top .menu button')].filter(a => {
		const r = document.createRange(); r.selectNodeContents(a); return r.getClientRects().length > 1
	}).map(a => a.textContent.trim()).join(', ')`
	for _, c := range []struct {
		width int64
		phone bool
	}{{390, true}, {820, false}, {1024, false}, {1280, false}} {
		err := chromedp.Do(ctx, chromedp.EmulateViewport(c.width, 800), chromedp.Navigate(fmt.Sprintf("%s/documents?w=%d", e.Server.URL, c.width)), chromedp.WaitVisible(`#main`))
		if err != nil {
			t.Fatal(err)
		}
		shown, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`getComputedStyle(document.querySelector('header.top .menu')).display !== 'none'`))
		if err != nil {
			t.Fatal(err)
		}
		if shown == c.phone {
			t.Errorf("%d px wide: menu shown %v", c.width, shown)
		}
		if c.phone {
			continue
		}
		if links, err := chromedp.Run(ctx, chromedp.Evaluate[string](broken)); err != nil || links != "" {
			t.Errorf("%d px wide: links broken across lines: %q %v", c.width, links, err)
		}
	}
}
