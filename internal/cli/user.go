package cli

import (
	"bufio"
	"context"
	"crypto/rand"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"plenum/internal/app"
	"plenum/internal/auth"
	"plenum/internal/problem"
)

func userCommand() *command {
	return &command{name: "user", summary: "create, list and change user accounts", children: []*command{
		{name: "create", summary: "create an account", run: runUserCreate},
		{name: "list", summary: "list accounts", run: runUserList},
		{name: "set-role", summary: "change the role of an account: USER ROLE", run: userSetter("set-role", "USER ROLE", setRole)},
		{name: "set-clearance", summary: "change the clearance of an account: USER CLASS", run: userSetter("set-clearance", "USER CLASS", setClearance)},
		{name: "set-password", summary: "set a new password (read from stdin, or generated): USER", run: runUserSetPassword},
		{name: "disable", summary: "disable an account, ending its sessions and tokens: USER", run: userSetter("disable", "USER", setDisabled(true))},
		{name: "enable", summary: "enable a disabled account: USER", run: userSetter("enable", "USER", setDisabled(false))},
	}}
}

func runUserCreate(ctx context.Context, env *Env, args []string) error {
	fs := flagSet(env, "plenum user create", "--username NAME --name \"Full Name\" --role ROLE [flags]",
		"Create an account. The password is read from standard input with --password-stdin, otherwise generated and printed once.")
	var f dbFlags
	f.register(fs)
	username := fs.String("username", "", "sign-in name: lower-case letters, digits, . _ -")
	name := fs.String("name", "", "full name as shown in the interface")
	email := fs.String("email", "", "e-mail address")
	role := fs.String("role", "reader", "one of "+oneOf(auth.Roles))
	clearance := fs.String("clearance", "0", "highest security class readable: 0 (thường), mat, toi-mat, tuyet-mat")
	unit := fs.Int64("unit", 0, "unit id, required for role unit")
	lang := fs.String("lang", "vi", "interface language: vi or en")
	fromStdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input")
	if err := parse(fs, env, args); err != nil {
		return err
	}
	c, ok := auth.ParseClearance(*clearance)
	if !ok {
		return usageError{fmt.Sprintf("--clearance %q: use 0, mat, toi-mat or tuyet-mat", *clearance)}
	}
	password, generated, err := readOrGeneratePassword(env, *fromStdin)
	if err != nil {
		return err
	}
	a, err := openApp(ctx, env, &f)
	if err != nil {
		return err
	}
	defer a.DB.Close()
	u, err := a.Auth.CreateUser(cliContext(ctx), auth.NewUser{Username: *username, DisplayName: *name, Email: *email,
		Password: password, Role: auth.Role(*role), Clearance: c, UnitID: *unit, Lang: *lang})
	if err != nil {
		return cliProblem(err)
	}
	fmt.Fprintf(env.Stdout, "created user %d %s (%s, clearance %d)\n", u.ID, u.Username, u.Role, u.Clearance)
	if generated {
		fmt.Fprintf(env.Stdout, "password: %s\n", password)
	}
	return nil
}

func runUserList(ctx context.Context, env *Env, args []string) error {
	fs := flagSet(env, "plenum user list", "[--db FILE|URL]", "List every account.")
	var f dbFlags
	f.register(fs)
	if err := parse(fs, env, args); err != nil {
		return err
	}
	a, err := openApp(ctx, env, &f)
	if err != nil {
		return err
	}
	defer a.DB.Close()
	users, err := a.Auth.Users(ctx)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(env.Stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tUSERNAME\tNAME\tROLE\tCLEARANCE\tUNIT\tSTATUS")
	for _, u := range users {
		status := "active"
		if u.Disabled {
			status = "disabled"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%s\t%s\n", u.ID, u.Username, u.DisplayName, u.Role, u.Clearance, idOrDash(u.UnitID), status)
	}
	return tw.Flush()
}

func idOrDash(id int64) string {
	if id == 0 {
		return "-"
	}
	return strconv.FormatInt(id, 10)
}

// userSetter builds a command that changes one thing of one account.
func userSetter(name, synopsis string, change func(args []string) (auth.UserChange, error)) func(context.Context, *Env, []string) error {
	return func(ctx context.Context, env *Env, args []string) error {
		fs := flagSet(env, "plenum user "+name, "[--db FILE|URL] "+synopsis, "Change an account; the change is audited.")
		var f dbFlags
		f.register(fs)
		if err := parse(fs, env, args); err != nil {
			return err
		}
		want := len(strings.Fields(synopsis))
		if fs.NArg() != want {
			return usageError{fmt.Sprintf("plenum user %s: expected %s", name, synopsis)}
		}
		c, err := change(fs.Args()[1:])
		if err != nil {
			return err
		}
		a, err := openApp(ctx, env, &f)
		if err != nil {
			return err
		}
		defer a.DB.Close()
		u, err := findUser(ctx, a, fs.Arg(0))
		if err != nil {
			return err
		}
		if u, err = a.Auth.UpdateUser(cliContext(ctx), auth.Anonymous, u.ID, c); err != nil {
			return cliProblem(err)
		}
		fmt.Fprintf(env.Stdout, "%s: role %s, clearance %d, disabled %v\n", u.Username, u.Role, u.Clearance, u.Disabled)
		return nil
	}
}

func setRole(args []string) (auth.UserChange, error) {
	r := auth.Role(args[0])
	if !r.Valid() {
		return auth.UserChange{}, usageError{fmt.Sprintf("unknown role %q: use one of %s", args[0], oneOf(auth.Roles))}
	}
	return auth.UserChange{Role: &r}, nil
}

func setClearance(args []string) (auth.UserChange, error) {
	c, ok := auth.ParseClearance(args[0])
	if !ok {
		return auth.UserChange{}, usageError{fmt.Sprintf("unknown class %q: use 0, mat, toi-mat or tuyet-mat", args[0])}
	}
	return auth.UserChange{Clearance: &c}, nil
}

func setDisabled(v bool) func([]string) (auth.UserChange, error) {
	return func([]string) (auth.UserChange, error) { return auth.UserChange{Disabled: &v}, nil }
}

func runUserSetPassword(ctx context.Context, env *Env, args []string) error {
	fs := flagSet(env, "plenum user set-password", "[--db FILE|URL] [--password-stdin] USER",
		"Set a new password and end the user's sessions. Without --password-stdin a password is generated and printed.")
	var f dbFlags
	f.register(fs)
	fromStdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input")
	if err := parse(fs, env, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"plenum user set-password: expected USER"}
	}
	password, generated, err := readOrGeneratePassword(env, *fromStdin)
	if err != nil {
		return err
	}
	a, err := openApp(ctx, env, &f)
	if err != nil {
		return err
	}
	defer a.DB.Close()
	u, err := findUser(ctx, a, fs.Arg(0))
	if err != nil {
		return err
	}
	if err := a.Auth.SetPassword(cliContext(ctx), u.ID, password); err != nil {
		return cliProblem(err)
	}
	fmt.Fprintf(env.Stdout, "password of %s changed\n", u.Username)
	if generated {
		fmt.Fprintf(env.Stdout, "password: %s\n", password)
	}
	return nil
}

// findUser takes a username or a numeric id.
func findUser(ctx context.Context, a *app.App, s string) (auth.User, error) {
	u, err := a.Auth.UserByUsername(ctx, s)
	if problem.Is(err, problem.NotFound) {
		if id, perr := strconv.ParseInt(s, 10, 64); perr == nil {
			u, err = a.Auth.User(ctx, id)
		}
	}
	if problem.Is(err, problem.NotFound) {
		return u, fmt.Errorf("no user %q", s)
	}
	return u, err
}

func readOrGeneratePassword(env *Env, fromStdin bool) (string, bool, error) {
	if fromStdin {
		line, err := bufio.NewReader(env.Stdin).ReadString('\n')
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			return "", false, usageError{fmt.Sprintf("--password-stdin: no password on standard input (%v)", err)}
		}
		return line, false, nil
	}
	return generatePassword(), true, nil
}

// generatePassword returns 26 random base32 characters (128 bits).
func generatePassword() string { return rand.Text() }

// cliProblem prints validation problems field by field.
func cliProblem(err error) error {
	p, ok := problem.As(err)
	if !ok || len(p.Fields) == 0 {
		return err
	}
	var b strings.Builder
	b.WriteString(problem.New(p.Code, p.Key, p.Args...).Message("en"))
	for _, f := range p.Fields {
		fmt.Fprintf(&b, "\n  %s: %s", f.Name, p.FieldMessage("en", f.Name))
	}
	return fmt.Errorf("%s", b.String())
}
