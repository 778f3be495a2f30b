package servertest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPath finds Debian's Chromium.
func chromiumPath() string {
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Browser starts headless Chromium for the test and returns a context to
// drive it with chromedp. Without Chromium the test is skipped — unless
// PLENUM_REQUIRE_BROWSER or CI is set, where a missing browser is a failure.
// When the test fails, a screenshot of the page is saved and its path logged.
func (e *Env) Browser() context.Context {
	t := e.T
	t.Helper()
	path := chromiumPath()
	if path == "" {
		if os.Getenv("PLENUM_REQUIRE_BROWSER") != "" || os.Getenv("CI") == "true" {
			t.Fatal("chromium is not installed (apt-get install chromium); browser tests are required here")
		}
		t.Skip("chromium is not installed; skipping the browser test")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox, // CI runs as root
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	browserCtx, cancelCtx := chromedp.NewContext(allocCtx)
	// The first action starts the browser, which lives as long as the context
	// of that call: start it without a deadline, then bound the test's steps.
	if err := chromedp.Do(browserCtx); err != nil {
		cancelCtx()
		cancelAlloc()
		t.Fatalf("start chromium: %v", err)
	}
	ctx, cancelTimeout := context.WithTimeout(browserCtx, 90*time.Second)
	t.Cleanup(func() {
		if t.Failed() {
			shotCtx, cancel := context.WithTimeout(browserCtx, 5*time.Second)
			if png, err := chromedp.Run(shotCtx, chromedp.FullScreenshot(100)); err == nil {
				f := filepath.Join(os.TempDir(), "plenum-"+filepath.Base(t.Name())+".png")
				if os.WriteFile(f, png, 0o644) == nil {
					t.Logf("screenshot of the failing page: %s", f)
				}
			}
			cancel()
		}
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
	})
	return ctx
}

// SignInBrowser signs in through the form as username.
func (e *Env) SignInBrowser(ctx context.Context, username string) {
	e.T.Helper()
	err := chromedp.Do(ctx,
		chromedp.Navigate(e.Server.URL+"/signin"),
		chromedp.WaitVisible(`input[name=username]`),
		chromedp.SendKeys(`input[name=username]`, username),
		chromedp.SendKeys(`input[name=password]`, Password),
		chromedp.Click(`form button.primary`),
		chromedp.WaitVisible(`a[href="/account"]`),
	)
	if err != nil {
		e.T.Fatalf("sign in as %s in the browser: %v", username, err)
	}
}
