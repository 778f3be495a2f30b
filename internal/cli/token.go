package cli

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"plenum/internal/auth"
)

func tokenCommand() *command {
	return &command{name: "token", summary: "create, list and revoke API tokens", children: []*command{
		{name: "create", summary: "issue a token for a user", run: runTokenCreate},
		{name: "list", summary: "list tokens", run: runTokenList},
		{name: "revoke", summary: "revoke a token: ID", run: runTokenRevoke},
	}}
}

func runTokenCreate(ctx context.Context, env *Env, args []string) error {
	fs := flagSet(env, "plenum token create", "--user USER --name NAME [--scopes read,write] [--days 90]",
		"Issue an API bearer token. It is printed once; only its hash is stored.")
	var f dbFlags
	f.register(fs)
	userName := fs.String("user", "", "username or id of the token's owner")
	name := fs.String("name", "", "what the token is for, e.g. the integrating system")
	scopes := fs.String("scopes", "read", "comma-separated: read, write, or permissions such as org.read")
	days := fs.Int("days", 90, "lifetime in days (at most 366)")
	if err := parse(fs, env, args); err != nil {
		return err
	}
	if *userName == "" {
		return usageError{"plenum token create: --user is required"}
	}
	a, err := openApp(ctx, env, &f)
	if err != nil {
		return err
	}
	defer a.DB.Close()
	u, err := findUser(ctx, a, *userName)
	if err != nil {
		return err
	}
	plain, t, err := a.Auth.CreateToken(cliContext(ctx), u.ID, *name, splitList(*scopes), time.Duration(*days)*24*time.Hour)
	if err != nil {
		return cliProblem(err)
	}
	fmt.Fprintf(env.Stdout, "token %d for %s, scopes %s, expires %s\n%s\n", t.ID, u.Username,
		strings.Join(t.Scopes, ","), t.ExpiresAt.Format(time.DateOnly), plain)
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func runTokenList(ctx context.Context, env *Env, args []string) error {
	fs := flagSet(env, "plenum token list", "[--user USER]", "List API tokens (without their secrets).")
	var f dbFlags
	f.register(fs)
	userName := fs.String("user", "", "only the tokens of this user")
	if err := parse(fs, env, args); err != nil {
		return err
	}
	a, err := openApp(ctx, env, &f)
	if err != nil {
		return err
	}
	defer a.DB.Close()
	var uid int64
	if *userName != "" {
		u, err := findUser(ctx, a, *userName)
		if err != nil {
			return err
		}
		uid = u.ID
	}
	tokens, err := a.Auth.Tokens(ctx, uid)
	if err != nil {
		return err
	}
	now := env.Clock.Now()
	tw := tabwriter.NewWriter(env.Stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tUSER\tNAME\tPREFIX\tSCOPES\tEXPIRES\tSTATE")
	for _, t := range tokens {
		state := "active"
		switch {
		case t.RevokedAt != nil:
			state = "revoked"
		case !t.Active(now):
			state = "expired"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s…\t%s\t%s\t%s\n", t.ID, t.Username, t.Name, t.Prefix, strings.Join(t.Scopes, ","),
			t.ExpiresAt.Format(time.DateOnly), state)
	}
	return tw.Flush()
}

func runTokenRevoke(ctx context.Context, env *Env, args []string) error {
	fs := flagSet(env, "plenum token revoke", "ID", "Revoke a token at once.")
	var f dbFlags
	f.register(fs)
	if err := parse(fs, env, args); err != nil {
		return err
	}
	var id int64
	if fs.NArg() != 1 {
		return usageError{"plenum token revoke: expected the token ID (see plenum token list)"}
	}
	if _, err := fmt.Sscan(fs.Arg(0), &id); err != nil {
		return usageError{fmt.Sprintf("plenum token revoke: %q is not a token ID", fs.Arg(0))}
	}
	a, err := openApp(ctx, env, &f)
	if err != nil {
		return err
	}
	defer a.DB.Close()
	if err := a.Auth.RevokeToken(cliContext(ctx), auth.Anonymous, id); err != nil {
		return cliProblem(err)
	}
	fmt.Fprintf(env.Stdout, "token %d revoked\n", id)
	return nil
}
