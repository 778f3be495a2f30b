package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"plenum/internal/app"
	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/extract"
	"plenum/internal/ingest"
	"plenum/internal/problem"
)

func ingestCommand() *command {
	return &command{
		name:    "ingest",
		summary: "queue news articles (a whole archive) for their records to be confirmed in the web app",
		run:     runIngest,
	}
}

// ingestExts are the files read from a directory; files named on the
// command line are read whatever their names.
var ingestExts = []string{".txt", ".html", ".htm"}

func runIngest(ctx context.Context, env *Env, args []string) error {
	const path = "plenum ingest"
	fs := flagSet(env, path, "[--max-bytes N] [--reference DATE] [--db FILE|URL] DIR|FILE...",
		"Read news articles and conference conclusions — plain text or HTML, UTF-8, UTF-16 or Windows-1258 —\n"+
			"from the files named and from every .txt, .html and .htm file below the directories named, and put each\n"+
			"in the ingest queue as a pending item with the records the extractor proposes. Nothing else is written:\n"+
			"confirming the records (the conference, people and posts, documents, figures, tasks) stays a person's\n"+
			"step, on the item's page in the web app (/ingest).\n\n"+
			"Each file is queued in its own transaction and an article already queued is recognised by the checksum\n"+
			"of its text, whatever its file name or encoding: an interrupted run is resumed by running it again,\n"+
			"without duplicates. A file that cannot be read (binary, empty, over --max-bytes, unknown encoding) is\n"+
			"reported by name and the others go on. Progress goes to standard error, the summary to standard output;\n"+
			"the exit status is 1 if any file failed.")
	var f dbFlags
	f.register(fs)
	maxBytes := fs.Int64("max-bytes", extract.DefaultMaxBytes, "largest file accepted, in bytes")
	reference := fs.String("reference", "", "the date (YYYY-MM-DD) the articles are from, for days written without a year when an article has no date line")
	if err := parse(fs, env, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{path + ": no directory or file to read (try --help)"}
	}
	if *maxBytes <= 0 {
		return usageError{"--max-bytes: give a positive number of bytes"}
	}
	var ref date.Date
	if *reference != "" {
		d, err := date.Parse(*reference)
		if err != nil {
			return usageError{"--reference: " + err.Error()}
		}
		ref = d
	}
	files, err := ingestFiles(fs.Args())
	if err != nil {
		return err
	}
	a, err := openAppWith(ctx, env, &f, app.Config{Ingest: ingest.Options{MaxBytes: *maxBytes}})
	if err != nil {
		return err
	}
	defer a.DB.Close()
	run := &ingestRun{env: env, store: a.Ingest, max: *maxBytes, ref: ref, total: len(files), start: time.Now()} // wall clock: progress rate
	for _, name := range files {
		if ctx.Err() != nil {
			break
		}
		run.one(cliContext(ctx), name)
	}
	return run.summary(ctx.Err() != nil)
}

// ingestFiles lists the files to read: those named, and the articles below
// the directories named, each directory's in name order.
func ingestFiles(args []string) ([]string, error) {
	var out []string
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			out = append(out, arg)
			continue
		}
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && slices.Contains(ingestExts, strings.ToLower(filepath.Ext(p))) {
				out = append(out, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ingestRun counts what became of the files of one run.
type ingestRun struct {
	env    *Env
	store  *ingest.Store
	max    int64
	ref    date.Date
	total  int
	start  time.Time
	done   int
	queued int
	known  int
	failed []string
}

// one queues one file and reports it.
func (r *ingestRun) one(ctx context.Context, name string) {
	r.done++
	outcome, err := r.submit(ctx, name)
	if err != nil {
		r.failed = append(r.failed, ingestError(name, err))
		outcome = "failed: " + ingestError(name, err)
	}
	rate := float64(r.done) / max(time.Since(r.start).Seconds(), 1e-3) // wall clock: progress rate
	fmt.Fprintf(r.env.Stderr, "[%d/%d] %s: %s (%.1f files/s)\n", r.done, r.total, name, outcome, rate)
}

func (r *ingestRun) submit(ctx context.Context, name string) (string, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	data, err := io.ReadAll(io.LimitReader(f, r.max+1))
	f.Close()
	if err != nil {
		return "", err
	}
	sub, err := r.store.Submit(ctx, auth.Principal{}, ingest.ViaCLI, ingest.SubmitInput{Name: name, Data: data, Reference: r.ref})
	if err != nil {
		return "", err
	}
	if sub.Known {
		r.known++
		return fmt.Sprintf("already known (item %d, %s)", sub.Item.ID, sub.Item.Status), nil
	}
	r.queued++
	return fmt.Sprintf("queued (item %d)", sub.Item.ID), nil
}

// ingestError is a file's failure as one line that names the file: the
// field's message of a refusal, else the error itself.
func ingestError(name string, err error) string {
	if pe, ok := problem.As(err); ok && len(pe.Fields) > 0 {
		return pe.FieldMessage("en", pe.Fields[0].Name)
	}
	return fileError(name, err).Error()
}

// summary prints what the run did and fails it if any file failed or it
// was interrupted.
func (r *ingestRun) summary(interrupted bool) error {
	out := r.env.Stdout
	fmt.Fprintf(out, "queued: %d\nalready known: %d\nfailed: %d\n", r.queued, r.known, len(r.failed))
	for _, f := range r.failed {
		fmt.Fprintf(out, "  %s\n", f)
	}
	if interrupted {
		fmt.Fprintf(out, "interrupted after %d of %d files; run the same command again to go on\n", r.done, r.total)
		return errors.New("interrupted")
	}
	if len(r.failed) > 0 {
		return fmt.Errorf("%d of %d files failed", len(r.failed), r.total)
	}
	fmt.Fprintln(out, "Confirm the records of each article in the web app: /ingest")
	return nil
}
