package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"plenum/internal/date"
	"plenum/internal/extract"
)

func extractCommand() *command {
	return &command{
		name:    "extract",
		summary: "read news articles (text or HTML) and propose the records they describe",
		run:     runExtract,
	}
}

// fileResult is one element of the JSON array written for several files.
type fileResult struct {
	File  string `json:"file"`
	Error string `json:"error"`
}

func runExtract(ctx context.Context, env *Env, args []string) error {
	const path = "plenum extract"
	fs := flagSet(env, path, "[--out DIR] FILE... | --eval DIR [--verbose]",
		"Read news articles — plain text or HTML, UTF-8, UTF-16 or Windows-1258 — and write, for each, a JSON object\n"+
			"in the format of corpus/SCHEMA.md plus \"body\", the article text kept, one paragraph a line.\n"+
			"With --eval, score the extractor on DIR/*.txt and *.html against DIR/*.gold.json.")
	out := fs.String("out", "", "write DIR/NAME.json for each input instead of standard output")
	eval := fs.String("eval", "", "score against the gold annotations in `DIR`")
	verbose := fs.Bool("verbose", false, "with --eval, print the score of every file")
	maxBytes := fs.Int64("max-bytes", extract.DefaultMaxBytes, "largest input file accepted, in bytes")
	reference := fs.String("reference", "", "the date (YYYY-MM-DD) the articles are from, for days written without a year when an article has no date line")
	if err := parse(fs, env, args); err != nil {
		return err
	}
	opts := extract.Options{MaxBytes: *maxBytes}
	if *reference != "" {
		d, err := date.Parse(*reference)
		if err != nil {
			return usageError{"--reference: " + err.Error()}
		}
		opts.Reference = d
	}
	if *eval != "" {
		if fs.NArg() > 0 {
			return usageError{path + ": --eval takes a directory, not files"}
		}
		return runEval(ctx, env, *eval, opts, *verbose)
	}
	if fs.NArg() == 0 {
		return usageError{path + ": no input files (try --help)"}
	}
	if *out != "" {
		if err := os.MkdirAll(*out, 0o755); err != nil {
			return err
		}
	}
	var (
		results []any
		failed  int
	)
	for _, name := range fs.Args() {
		if err := ctx.Err(); err != nil {
			return err
		}
		a, err := extract.File(name, opts)
		if err != nil {
			failed++
			fmt.Fprintf(env.Stderr, "plenum extract: %v\n", fileError(name, err))
			results = append(results, fileResult{File: name, Error: fileError(name, err).Error()})
			continue
		}
		if *out != "" {
			if err := writeJSON(filepath.Join(*out, baseName(name)+".json"), a); err != nil {
				return err
			}
			continue
		}
		results = append(results, a)
	}
	if *out == "" {
		var v any = results
		if len(fs.Args()) == 1 {
			v = results[0]
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			return err
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files failed", failed, len(fs.Args()))
	}
	return nil
}

// fileError makes sure an error names its file (open errors already do).
func fileError(name string, err error) error {
	if strings.Contains(err.Error(), name) || strings.Contains(err.Error(), filepath.Base(name)) {
		return err
	}
	return fmt.Errorf("%s: %w", name, err)
}

// baseName is the file name without directory and extension.
func baseName(path string) string {
	b := filepath.Base(path)
	return strings.TrimSuffix(b, filepath.Ext(b))
}

func writeJSON(path string, v any) error {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// runEval scores the extractor against a directory of gold annotations.
func runEval(ctx context.Context, env *Env, dir string, opts extract.Options, verbose bool) error {
	total, files, err := extract.Evaluate(dir, opts)
	if err != nil {
		return err
	}
	failed := 0
	for _, f := range files {
		if f.Err != nil {
			failed++
			fmt.Fprintf(env.Stderr, "plenum extract: %v\n", f.Err)
			continue
		}
		if verbose {
			fmt.Fprintf(env.Stdout, "== %s\n", f.Name)
			f.Score.Report(env.Stdout, true)
			fmt.Fprintln(env.Stdout)
		}
	}
	fmt.Fprintf(env.Stdout, "== total: %d articles (micro-averaged)\n", len(files)-failed)
	total.Report(env.Stdout, false)
	return ctx.Err()
}
