package servertest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
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

// chromium is the headless browser the tests of one test binary share:
// started by the first browser test, stopped by CloseBrowser. Each test
// gets a browser context of its own (cookies, storage, cache), as a fresh
// incognito window would, which costs a tab instead of a browser start.
var chromium struct {
	once   sync.Once
	ctx    context.Context
	cancel func()
	dir    string
	err    error
}

func startChromium(path string) {
	chromium.dir, chromium.err = os.MkdirTemp("", "plenum-chromium-")
	if chromium.err != nil {
		return
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox, // CI runs as root
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(chromium.dir),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	browserCtx, cancelCtx := chromedp.NewContext(allocCtx)
	chromium.ctx, chromium.cancel = browserCtx, func() { cancelCtx(); cancelAlloc() }
	// The first action starts the browser, which lives as long as the
	// context of that call: started without a deadline.
	chromium.err = chromedp.Do(browserCtx)
}

// CloseBrowser stops the shared browser, if a test started it. A package
// with browser tests calls it from TestMain once its tests have run.
func CloseBrowser() {
	if chromium.cancel != nil {
		chromium.cancel()
	}
	if chromium.dir != "" {
		os.RemoveAll(chromium.dir)
	}
}

// Browser returns a context to drive headless Chromium with chromedp, in a
// browser context of the test's own. Without Chromium the test is skipped —
// unless PLENUM_REQUIRE_BROWSER or CI is set, where a missing browser is a
// failure. When the test fails, a screenshot of the page is saved and its
// path logged.
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
	chromium.once.Do(func() { startChromium(path) })
	if chromium.err != nil {
		t.Fatalf("start chromium: %v", chromium.err)
	}
	tabCtx, cancelTab := chromedp.NewContext(chromium.ctx, chromedp.WithNewBrowserContext())
	if err := chromedp.Do(tabCtx); err != nil {
		cancelTab()
		t.Fatalf("open a browser context: %v", err)
	}
	ctx, cancelTimeout := context.WithTimeout(tabCtx, 90*time.Second)
	t.Cleanup(func() {
		if t.Failed() {
			shotCtx, cancel := context.WithTimeout(tabCtx, 5*time.Second)
			if png, err := chromedp.Run(shotCtx, chromedp.FullScreenshot(100)); err == nil {
				f := filepath.Join(os.TempDir(), "plenum-"+filepath.Base(t.Name())+".png")
				if os.WriteFile(f, png, 0o644) == nil {
					t.Logf("screenshot of the failing page: %s", f)
				}
			}
			cancel()
		}
		cancelTimeout()
		cancelTab()
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
