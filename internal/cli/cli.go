// Package cli implements the plenum command line: one subcommand per file,
// flags that can also be set through PLENUM_* environment variables.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"plenum/internal/clock"
)

// Env is what a command may touch of the outside world; tests substitute it.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	// Clock is the time the commands act at: the wall clock, or a test's.
	Clock clock.Clock
}

// StdEnv returns the process environment.
func StdEnv() *Env {
	return &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Clock: clock.Wall}
}

// command is one subcommand. Commands with children dispatch on their first argument.
type command struct {
	name     string
	summary  string
	run      func(ctx context.Context, env *Env, args []string) error
	children []*command
	parent   *command
}

// path is the full name of the command, "plenum user create".
func (c *command) path() string {
	if c.parent == nil {
		return c.name
	}
	return c.parent.path() + " " + c.name
}

// usageError makes Main exit with status 2 instead of 1.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func commands() []*command {
	return []*command{
		serveCommand(),
		migrateCommand(),
		userCommand(),
		tokenCommand(),
		auditCommand(),
		backupCommand(),
		extractCommand(),
		ingestCommand(),
		reindexCommand(),
		foldCommand(),
		symbolCommand(),
	}
}

// Main runs the command line and returns the process exit status.
func Main(args []string, env *Env) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	root := &command{name: "plenum", summary: "Plenum: the work of a Party committee, from the conference to the commune", children: commands()}
	err := dispatch(ctx, env, root, args)
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, new(usageError)):
		fmt.Fprintf(env.Stderr, "plenum: %v\n", err)
		return 2
	default:
		fmt.Fprintf(env.Stderr, "plenum: %v\n", err)
		return 1
	}
}

func dispatch(ctx context.Context, env *Env, c *command, args []string) error {
	if c.run != nil {
		return c.run(ctx, env, args)
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printChildren(env.Stdout, c)
		if len(args) == 0 {
			return usageError{c.path() + ": a subcommand is required"}
		}
		return nil
	}
	for _, child := range c.children {
		if child.name == args[0] {
			child.parent = c
			return dispatch(ctx, env, child, args[1:])
		}
	}
	return usageError{fmt.Sprintf("%s: unknown subcommand %q (try %s --help)", c.path(), args[0], c.path())}
}

func printChildren(w io.Writer, c *command) {
	fmt.Fprintf(w, "%s\n\nUsage: %s <command> [flags]\n\nCommands:\n", c.summary, c.path())
	names := make([]*command, len(c.children))
	copy(names, c.children)
	sort.Slice(names, func(i, j int) bool { return names[i].name < names[j].name })
	for _, child := range names {
		fmt.Fprintf(w, "  %-10s %s\n", child.name, child.summary)
	}
	fmt.Fprintf(w, "\nRun '%s <command> --help' for the flags of a command.\n", c.path())
}

// flagSet returns a flag set for a command; its usage text names the command and
// the PLENUM_* variable behind every flag.
func flagSet(env *Env, path, synopsis, summary string) *flag.FlagSet {
	fs := flag.NewFlagSet(path, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		out := env.Stdout
		fmt.Fprintf(out, "%s\n\nUsage: %s %s\n", summary, path, synopsis)
		has := false
		fs.VisitAll(func(*flag.Flag) { has = true })
		if !has {
			return
		}
		fmt.Fprintf(out, "\nFlags (each also read from the environment variable shown):\n")
		fs.VisitAll(func(f *flag.Flag) {
			def := ""
			if f.DefValue != "" && f.DefValue != "false" {
				def = fmt.Sprintf(" (default %q)", f.DefValue)
			}
			fmt.Fprintf(out, "  --%s  [%s]\n      %s%s\n", f.Name, envName(f.Name), f.Usage, def)
		})
	}
	return fs
}

// envName is the environment variable that sets a flag: --db-replica is PLENUM_DB_REPLICA.
func envName(flagName string) string {
	return "PLENUM_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// parse applies PLENUM_* variables first and then the command line, so flags win.
func parse(fs *flag.FlagSet, env *Env, args []string) error {
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		if err != nil {
			return
		}
		if v := env.Getenv(envName(f.Name)); v != "" {
			if e := fs.Set(f.Name, v); e != nil {
				err = usageError{fmt.Sprintf("%s=%q: %v", envName(f.Name), v, e)}
			}
		}
	})
	if err != nil {
		return err
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	return nil
}
