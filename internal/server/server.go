// Package server assembles Plenum's HTTP handler — pages, JSON API, health
// checks, and the middleware every request passes — and runs it.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"time"

	"plenum/internal/api"
	"plenum/internal/app"
	"plenum/internal/router"
	"plenum/internal/web"
)

// Config is how the server is reached.
type Config struct {
	Addr       string // listen address, e.g. "localhost:8080"
	BaseURL    string // public address, e.g. "https://plenum.tinhuy.vn"; trusted origin for forms
	TLSCert    string // serve HTTPS with this certificate and key
	TLSKey     string
	TrustProxy bool // read the client address from X-Forwarded-For
}

// Secure reports whether browsers reach the server over HTTPS.
func (c Config) Secure() bool {
	if c.TLSCert != "" {
		return true
	}
	u, err := url.Parse(c.BaseURL)
	return err == nil && u.Scheme == "https"
}

// register adds pages and API to mux and returns their route tables.
func register(a *app.App, cfg Config, mux *http.ServeMux) []router.Route {
	cookies := router.Cookies{Secure: cfg.Secure()}
	pages := web.New(a, web.Options{Cookies: cookies, TrustProxy: cfg.TrustProxy}).Register(mux)
	json := api.New(a).Register(mux)
	return append(pages.Routes(), json.Routes()...)
}

// Routes lists every page and API route with its permission, for tests that
// must walk all of them.
func Routes(a *app.App) []router.Route { return register(a, Config{}, http.NewServeMux()) }

// Handler returns the whole HTTP handler.
func Handler(a *app.App, cfg Config) (http.Handler, error) {
	cookies := router.Cookies{Secure: cfg.Secure()}
	mux := http.NewServeMux()
	register(a, cfg, mux)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
		defer cancel()
		if err := a.DB.Ping(ctx); err != nil {
			a.Log.Warn("not ready", "err", err)
			http.Error(w, "database unreachable", http.StatusServiceUnavailable)
			return
		}
		if err := a.DB.CheckSchema(ctx); err != nil {
			a.Log.Warn("not ready", "err", err)
			http.Error(w, "database schema not current", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ready\n"))
	})

	// Every state-changing request from a browser must come from our own
	// pages: Go's CrossOriginProtection checks Sec-Fetch-Site (or Origin
	// against Host). API clients with bearer tokens send neither header and
	// pass; a cookie cannot be ridden cross-site.
	cop := http.NewCrossOriginProtection()
	if cfg.BaseURL != "" {
		u, err := url.Parse(cfg.BaseURL)
		if err != nil || u.Scheme == "" || u.Host == "" {
			return nil, fmt.Errorf("server: base URL %q is not an absolute URL", cfg.BaseURL)
		}
		if err := cop.AddTrustedOrigin(u.Scheme + "://" + u.Host); err != nil {
			return nil, fmt.Errorf("server: base URL: %w", err)
		}
	}
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a.Log.Warn("cross-origin request refused", "method", r.Method, "path", r.URL.Path, "origin", r.Header.Get("Origin"))
		http.Error(w, "cross-origin request refused / yêu cầu từ trang khác bị từ chối", http.StatusForbidden)
	}))

	var h http.Handler = mux
	h = router.Authenticate(a.Auth, cookies, cfg.TrustProxy, h)
	h = cop.Handler(h)
	h = router.SecurityHeaders(h)
	h = router.Logging(a.Log, h)
	return h, nil
}

// Run serves until ctx is cancelled, then drains requests for up to 15 s.
// ready, if not nil, receives the address once the server listens.
func Run(ctx context.Context, a *app.App, cfg Config, ready func(addr string)) error {
	h, err := Handler(a, cfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("server: listen on %s: %w", cfg.Addr, err)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      5 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(a.Log.Handler(), slog.LevelWarn),
	}
	go housekeeping(ctx, a)
	errc := make(chan error, 1)
	go func() {
		if cfg.TLSCert != "" {
			errc <- srv.ServeTLS(ln, cfg.TLSCert, cfg.TLSKey)
		} else {
			errc <- srv.Serve(ln)
		}
	}()
	if ready != nil {
		ready(ln.Addr().String())
	}
	select {
	case err := <-errc:
		return fmt.Errorf("server: %w", err)
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("server: shutdown: %w", err)
	}
	return nil
}

// housekeeping removes expired sessions every ten minutes. Deleting what is
// already expired is idempotent, so several instances may all do it.
func housekeeping(ctx context.Context, a *app.App) {
	t := time.NewTicker(10 * time.Minute)
	defer t.Stop()
	for {
		if err := a.Auth.PurgeExpired(ctx); err != nil && ctx.Err() == nil {
			a.Log.Warn("purge expired sessions", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
