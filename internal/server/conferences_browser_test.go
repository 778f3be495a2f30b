package server_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"plenum/internal/server/servertest"
)

// The committee office convenes a conference, marks it held, records that
// everyone came, adds a draft resolution and records the vote: the page
// says it passed.
func TestBrowserConveneAndVote(t *testing.T) {
	t.Parallel()
	e := servertest.New(t)
	newConfWorld(t, e)
	ctx := e.Browser()
	e.SignInBrowser(ctx, "office")
	err := chromedp.Do(ctx,
		chromedp.Navigate(e.Server.URL+"/conferences/new"),
		chromedp.WaitVisible(`#conference-form`),
		chromedp.SetValue(`#conference-form input[name=held_on]`, "2024-12-20"),
		chromedp.SetValue(`#conference-form select[name=part_of_day]`, "morning"),
		chromedp.SendKeys(`#conference-form input[name=subject]`, "tổng kết công tác năm 2024"),
		chromedp.Click(`#conference-form input[name=chair]`),
		chromedp.Click(`#conference-form button.primary`),
		chromedp.WaitVisible(`#status`),
	)
	if err != nil {
		t.Fatal(err)
	}
	if h, _ := chromedp.Run(ctx, chromedp.Text(`h1`)); !strings.Contains(h, "Hội nghị lần thứ 3") {
		t.Fatalf("heading %q", h)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(`form[action$="/status"] button.primary`),
		chromedp.WaitVisible(`a[href$="/attendance"]`),
		chromedp.Click(`a[href$="/attendance"]`),
		chromedp.WaitVisible(`#attendance-form`),
		chromedp.Click(`#attendance-form button[name=fill]`),
		chromedp.WaitVisible(`#quorum`),
	)
	if err != nil {
		t.Fatal(err)
	}
	if q, _ := chromedp.Run(ctx, chromedp.Text(`#quorum`)); !strings.Contains(q, "Có mặt 9/9") || !strings.Contains(q, "Đủ điều kiện") {
		t.Fatalf("quorum %q", q)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(`#agenda details summary`),
		chromedp.SetValue(`#add-item select[name=kind]`, "draft_resolution"),
		chromedp.SendKeys(`#add-item input[name=title]`, "Dự thảo Nghị quyết về nhiệm vụ năm 2025"),
		chromedp.Click(`#add-item button.primary`),
		chromedp.WaitVisible(`form.vote`),
		chromedp.SendKeys(`form.vote input[name=for]`, "7"),
		chromedp.SendKeys(`form.vote input[name=against]`, "1"),
		chromedp.SendKeys(`form.vote input[name=abstain]`, "1"),
		chromedp.Click(`form.vote button`),
		chromedp.WaitVisible(`.tally`),
	)
	if err != nil {
		t.Fatal(err)
	}
	tally, err := chromedp.Run(ctx, chromedp.Text(`.tally`))
	if err != nil || !strings.Contains(tally, "Thông qua") || !strings.Contains(tally, "7/9") {
		t.Fatalf("tally %q %v", tally, err)
	}
	// More votes than members present are refused, naming what is wrong.
	err = chromedp.Do(ctx,
		chromedp.SetValue(`form.vote input[name=for]`, "12"),
		chromedp.Click(`form.vote button`),
		chromedp.WaitVisible(`.alert`),
	)
	if err != nil {
		t.Fatal(err)
	}
	if msg, _ := chromedp.Run(ctx, chromedp.Text(`.alert`)); !strings.Contains(msg, "vượt quá số ủy viên có mặt (9)") {
		t.Fatalf("refusal %q", msg)
	}
}
