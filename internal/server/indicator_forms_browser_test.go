package server_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The office defines an indicator in the form, sets its targets for a year
// and the term, enters the year's value, and sees it judged on the
// indicator's page — within the tolerance it typed, so met.
func TestBrowserIndicatorDefinitionTargetsAndValue(t *testing.T) {
	t.Parallel()
	e := newIndicatorEnv(t)
	ctx := e.Browser()
	e.SignInBrowser(ctx, "office")

	err := chromedp.Do(ctx,
		chromedp.Navigate(e.Server.URL+"/indicators"),
		chromedp.WaitVisible(`#new-indicator`),
		chromedp.Click(`#new-indicator`),
		chromedp.WaitVisible(`#indicator-form`),
		chromedp.SendKeys(`#indicator-form input[name=code]`, "ct70"),
		chromedp.SendKeys(`#indicator-form textarea[name=name]`, "Tỷ lệ xã đạt chuẩn nông thôn mới thử"),
		chromedp.SendKeys(`#indicator-form input[name=measure]`, "%"),
		chromedp.SetValue(`#indicator-form select[name=value_kind]`, "percent"),
		chromedp.SetValue(`#indicator-form select[name=direction]`, "higher"),
		chromedp.SetValue(`#indicator-form select[name=aggregation]`, "none"),
		chromedp.SendKeys(`#indicator-form input[name=tolerance]`, "0,5"),
		chromedp.SetValue(`#indicator-form input[name=scope_unit_id]`, "Tỉnh ủy Sông Xanh"),
		chromedp.SendKeys(`#indicator-form input[name=term_first]`, "2021"),
		chromedp.SendKeys(`#indicator-form input[name=term_last]`, "2025"),
		chromedp.Click(`#indicator-form button.primary`),
		chromedp.WaitVisible(`#set-targets`),
	)
	if err != nil {
		t.Fatal(err)
	}
	location, _ := chromedp.Run(ctx, chromedp.Location())
	flash, _ := chromedp.Run(ctx, chromedp.Text(`.flash`))
	if !strings.Contains(flash, "Đã tạo chỉ tiêu") {
		t.Fatalf("after create: %q at %s", flash, location)
	}

	err = chromedp.Do(ctx,
		chromedp.Click(`#set-targets`),
		chromedp.WaitVisible(`#targets-form`),
		chromedp.SendKeys(`#targets-form input[name="targets[2025].value"]`, "62,5"),
		chromedp.SendKeys(`#targets-form input[name="targets[term].value"]`, "70"),
		chromedp.Click(`#targets-form button.primary`),
		chromedp.WaitVisible(`#targets`),
	)
	if err != nil {
		t.Fatal(err)
	}
	targets, _ := chromedp.Run(ctx, chromedp.Text(`#targets`))
	if !strings.Contains(targets, "62,5 %") || !strings.Contains(targets, "Nhiệm kỳ 2021–2025") || !strings.Contains(targets, "70 %") {
		t.Fatalf("targets table:\n%s", targets)
	}

	id := location[strings.LastIndex(location, "/")+1:]
	err = chromedp.Do(ctx,
		chromedp.Navigate(e.Server.URL+"/indicators/enter?indicator_id="+id),
		chromedp.WaitVisible(`#enter`),
		chromedp.SetValue(`#enter input[name=unit_id]`, "Tỉnh ủy Sông Xanh"),
		chromedp.SendKeys(`#enter input[name=period]`, "năm 2025"),
		chromedp.Click(`#enter input[name=status][value=final]`),
		chromedp.SendKeys(`#enter input[name=value]`, "62,2"),
		chromedp.Click(`#enter button.primary`),
		chromedp.WaitVisible(`#saved`),
		chromedp.Navigate(location),
		chromedp.WaitVisible(`#values`),
	)
	if err != nil {
		t.Fatal(err)
	}
	values, _ := chromedp.Run(ctx, chromedp.Text(`#values`))
	if !strings.Contains(values, "62,2") || !strings.Contains(values, "năm 2025") || !strings.Contains(values, "Đạt") {
		t.Fatalf("values table:\n%s", values)
	}
}
