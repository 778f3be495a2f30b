package cli

import (
	"context"
	"crypto/rand"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"plenum/internal/app"
	"plenum/internal/auth"
	"plenum/internal/demo"
	"plenum/internal/extract"
	"plenum/internal/files"
	"plenum/internal/ingest"
	"plenum/internal/jobs"
	"plenum/internal/notify"
	"plenum/internal/server"
)

func serveCommand() *command {
	return &command{name: "serve", summary: "run the web server (pages, JSON API)", run: runServe}
}

func runServe(ctx context.Context, env *Env, args []string) error {
	fs := flagSet(env, "plenum serve", "[flags]",
		"Serve Plenum. The database is created and migrated on first start.\n"+
			"With --demo, a throw-away database with a demo province is created and the demo accounts are printed.")
	var f dbFlags
	f.register(fs)
	var cfg server.Config
	fs.StringVar(&cfg.Addr, "addr", "localhost:8080", "address to listen on (use :8080 to accept other machines)")
	fs.StringVar(&cfg.BaseURL, "base-url", "", "public URL of the site, e.g. https://plenum.tinhuy.vn (for links and cross-site checks)")
	fs.StringVar(&cfg.TLSCert, "tls-cert", "", "serve HTTPS with this certificate file")
	fs.StringVar(&cfg.TLSKey, "tls-key", "", "private key of --tls-cert")
	fs.BoolVar(&cfg.TrustProxy, "trust-proxy", false, "take the client address from X-Forwarded-For (behind a reverse proxy only)")
	var ac auth.Config
	var fc files.Config
	fs.StringVar(&fc.Dir, "files-dir", "", "keep attached files in this directory (content-addressed) instead of the database")
	fs.Int64Var(&fc.MaxSize, "max-upload", files.DefaultMaxSize, "largest attached file accepted, in bytes")
	var ic ingest.Options
	fs.Int64Var(&ic.MaxBytes, "ingest-max-bytes", extract.DefaultMaxBytes, "largest article (pasted or uploaded) the ingest queue reads, in bytes")
	fs.DurationVar(&ac.SessionIdle, "session-idle", 4*time.Hour, "a session unused this long ends")
	fs.DurationVar(&ac.SessionMax, "session-max", 12*time.Hour, "a session ends this long after sign-in")
	logFormat := fs.String("log-format", "text", "log format: text or json")
	logLevel := fs.String("log-level", "info", "log level: debug, info, warn, error")
	var smtpCfg notify.SMTP
	fs.StringVar(&smtpCfg.Addr, "smtp-addr", "", "send reminders by e-mail through this SMTP server (host:port; STARTTLS when offered)")
	fs.StringVar(&smtpCfg.From, "smtp-from", "", "sender address of e-mail")
	fs.StringVar(&smtpCfg.User, "smtp-user", "", "SMTP user name (AUTH PLAIN, only over TLS)")
	smtpPasswordFile := fs.String("smtp-password-file", "", "file holding the SMTP password")
	demoMode := fs.Bool("demo", false, "start with a fresh demo database (in a temporary directory unless --db is given)")
	if err := parse(fs, env, args); err != nil {
		return err
	}
	if (cfg.TLSCert == "") != (cfg.TLSKey == "") {
		return usageError{"--tls-cert and --tls-key go together"}
	}
	if smtpCfg.Addr != "" && smtpCfg.From == "" {
		return usageError{"--smtp-addr needs --smtp-from"}
	}
	if *smtpPasswordFile != "" {
		pw, err := os.ReadFile(*smtpPasswordFile)
		if err != nil {
			return fmt.Errorf("smtp password: %w", err)
		}
		smtpCfg.Password = strings.TrimSpace(string(pw))
	}
	log, err := newLogger(env.Stderr, *logFormat, *logLevel)
	if err != nil {
		return err
	}
	if *demoMode && !flagGiven(fs, env, "db") {
		dir, err := os.MkdirTemp("", "plenum-demo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		f.dsn = filepath.Join(dir, "plenum-demo.db")
	}
	d, err := f.open(ctx, log, true)
	if err != nil {
		return err
	}
	defer d.Close()
	a := app.New(d, log, app.Config{Auth: ac, Files: fc, Ingest: ic, Clock: env.Clock})
	var accounts []demo.Account
	if *demoMode {
		if accounts, err = demo.Load(cliContext(ctx), a); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
	}
	startJobs(ctx, a, log, smtpCfg)
	log.Info("starting", "db", d.String(), "addr", cfg.Addr)
	return server.Run(ctx, a, cfg, func(addr string) {
		url := cfg.BaseURL
		if url == "" {
			scheme := "http"
			if cfg.TLSCert != "" {
				scheme = "https"
			}
			url = scheme + "://" + addr
		}
		fmt.Fprintf(env.Stdout, "Plenum is listening on %s\n", url)
		if *demoMode {
			printAccounts(env, accounts, d.String())
		}
	})
}

func printAccounts(env *Env, accounts []demo.Account, db string) {
	fmt.Fprintf(env.Stdout, "\nDemo database: %s (thrown away when the server stops)\nDemo accounts:\n", db)
	tw := tabwriter.NewWriter(env.Stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  USERNAME\tPASSWORD\tROLE\tCLEARANCE\t")
	for _, a := range accounts {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%d\t%s\n", a.Username, a.Password, a.Role, a.Clearance, a.What)
	}
	tw.Flush()
}

// flagGiven reports whether a flag was set on the command line or through
// its PLENUM_* variable.
func flagGiven(fs *flag.FlagSet, env *Env, name string) bool {
	given := env.Getenv(envName(name)) != ""
	fs.Visit(func(f *flag.Flag) {
		if f.Name == name {
			given = true
		}
	})
	return given
}

// startJobs runs the periodic work of this instance: each job runs on one
// instance at a time, under its lease.
func startJobs(ctx context.Context, a *app.App, log *slog.Logger, smtpCfg notify.SMTP) {
	host, _ := os.Hostname()
	b := make([]byte, 4)
	rand.Read(b)
	holder := fmt.Sprintf("%s/%d/%x", host, os.Getpid(), b)
	js := []jobs.Job{
		{Name: "tasks.status", Every: 5 * time.Minute, Run: func(ctx context.Context) (string, error) {
			n, err := a.Tasks.RefreshStatuses(ctx)
			if err == nil {
				err = a.Tasks.CompactCounts(ctx)
			}
			return fmt.Sprintf("%d overdue", n), err
		}},
		{Name: "tasks.reminders", Every: 5 * time.Minute, Run: func(ctx context.Context) (string, error) {
			run, err := a.Tasks.SendReminders(ctx, a.Notify)
			return run.String(), err
		}},
	}
	if smtpCfg.Addr != "" {
		a.Notify.MailEnabled = true
		js = append(js, jobs.Job{Name: "mail", Every: time.Minute, Run: func(ctx context.Context) (string, error) {
			n, err := a.Notify.Drain(ctx, smtpCfg.Send, 100)
			return fmt.Sprintf("%d sent", n), err
		}})
	}
	jobs.New(a.DB, holder, log, a.Clock).Start(ctx, js...)
}
