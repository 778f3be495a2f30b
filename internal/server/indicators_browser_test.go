package server_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"
)

// A unit member enters a value in the form and sees it judged; then
// downloads the unit's sheet, fills in a quarter, uploads it, and sees the
// import and the standing it changed.
func TestBrowserIndicatorEntryAndSheet(t *testing.T) {
	t.Parallel()
	e := newIndicatorEnv(t)
	ctx := e.Browser()
	e.SignInBrowser(ctx, "donvi")

	err := chromedp.Do(ctx,
		chromedp.Navigate(e.Server.URL+"/indicators/enter"),
		chromedp.WaitVisible(`#enter`),
		chromedp.SetValue(`#enter select[name=indicator_id]`, fmt.Sprint(e.public.ID)),
		chromedp.SendKeys(`#enter input[name=period]`, "quý I/2025"),
		chromedp.Click(`#enter input[name=status][value=final]`),
		chromedp.SendKeys(`#enter input[name=value]`, "21,5"),
		chromedp.Click(`#enter button.primary`),
		chromedp.WaitVisible(`#saved`),
	)
	if err != nil {
		t.Fatal(err)
	}
	saved, _ := chromedp.Run(ctx, chromedp.Text(`#saved`))
	// 21,5 against the year's 80 is not met: the indicator is not cumulative.
	if !strings.Contains(saved, "Đã ghi 21,5 cho kỳ quý I/2025") || !strings.Contains(saved, "Không đạt") {
		t.Fatalf("saved message: %q", saved)
	}

	// The sheet, as the member would download it.
	resp := e.Do(e.SignIn("donvi"), "GET", fmt.Sprintf("/indicators/sheet?unit=%d&year=2025", e.province), "")
	if resp.Status != 200 {
		t.Fatalf("download: %d", resp.Status)
	}
	x, err := excelize.OpenReader(strings.NewReader(resp.Body))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := x.GetRows("Chỉ tiêu")
	filled := false
	for i, r := range rows {
		if len(r) > 4 && r[0] == "CT01" && r[4] == "quý II/2025" {
			x.SetCellStr("Chỉ tiêu", fmt.Sprintf("G%d", i+1), "22,25")
			filled = true
		}
	}
	if !filled {
		t.Fatal("no row for quý II/2025 in the sheet")
	}
	var buf bytes.Buffer
	x.WriteTo(&buf)
	path := filepath.Join(t.TempDir(), "chi-tieu.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx,
		chromedp.Navigate(e.Server.URL+"/indicators/import"),
		chromedp.WaitVisible(`#upload`),
		chromedp.SetUploadFiles(`#upload input[type=file]`, []string{path}),
		chromedp.Click(`#upload button.primary`),
		chromedp.WaitVisible(`#import-result`),
	)
	if err != nil {
		t.Fatal(err)
	}
	result, _ := chromedp.Run(ctx, chromedp.Text(`#import-result`))
	if !strings.Contains(result, "Đã nhập") || !strings.Contains(result, "ghi 1 số liệu") {
		t.Fatalf("import result: %q", result)
	}
	// The same file again is recognised and refused.
	err = chromedp.Do(ctx,
		chromedp.Navigate(e.Server.URL+"/indicators/import"),
		chromedp.WaitVisible(`#upload`),
		chromedp.SetUploadFiles(`#upload input[type=file]`, []string{path}),
		chromedp.Click(`#upload button.primary`),
		chromedp.WaitVisible(`.alert`),
	)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := chromedp.Run(ctx, chromedp.Text(`.alert`))
	if !strings.Contains(again, "đã được nhập") {
		t.Fatalf("second upload: %q", again)
	}
	// The indicator's page shows the values with their evaluation.
	err = chromedp.Do(ctx,
		chromedp.Navigate(fmt.Sprintf("%s/indicators/%d", e.Server.URL, e.public.ID)),
		chromedp.WaitVisible(`#values`),
	)
	if err != nil {
		t.Fatal(err)
	}
	table, _ := chromedp.Run(ctx, chromedp.Text(`#values`))
	if !strings.Contains(table, "22,25") || !strings.Contains(table, "quý II/2025") || !strings.Contains(table, "Vượt") {
		t.Fatalf("values table:\n%s", table)
	}
}
