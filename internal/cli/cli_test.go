package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"plenum/internal/clock/clocktest"
	"plenum/internal/db"
	"plenum/internal/db/dbtest"
)

// runCLI runs the command line with a fake environment.
func runCLI(t *testing.T, stdin string, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, Getenv: func(k string) string { return env[k] }, Clock: clocktest.New(t)}
	code := Main(args, e)
	return code, out.String(), errOut.String()
}

func TestHelpForEveryCommand(t *testing.T) {
	root := &command{name: "plenum", children: commands()}
	var walk func(c *command, path []string)
	walk = func(c *command, path []string) {
		for _, child := range c.children {
			p := append(append([]string{}, path...), child.name)
			code, out, errOut := runCLI(t, "", nil, append(p, "--help")...)
			if code != 0 || !strings.Contains(out, "Usage: plenum "+strings.Join(p, " ")) && !strings.Contains(out, "Commands:") {
				t.Errorf("plenum %s --help: exit %d\n%s%s", strings.Join(p, " "), code, out, errOut)
			}
			if child.run != nil && strings.Contains(out, "--db") && !strings.Contains(out, "PLENUM_DB") {
				t.Errorf("plenum %s --help does not name PLENUM_DB", strings.Join(p, " "))
			}
			walk(child, p)
		}
	}
	walk(root, nil)
	if code, _, errOut := runCLI(t, "", nil, "frobnicate"); code != 2 || !strings.Contains(errOut, "unknown subcommand") {
		t.Errorf("unknown command: %d %s", code, errOut)
	}
	if code, _, errOut := runCLI(t, "", nil, "user", "list", "--no-such-flag"); code != 2 || !strings.Contains(errOut, "no-such-flag") {
		t.Errorf("unknown flag: %d %s", code, errOut)
	}
}

func TestEnvironmentSetsFlags(t *testing.T) {
	dsn := dbtest.Migrated(t)
	code, out, errOut := runCLI(t, "", map[string]string{"PLENUM_DB": dsn}, "migrate")
	if code != 0 || !(strings.Contains(out, "applied 00001") || strings.Contains(out, "up to date")) {
		t.Fatalf("migrate with PLENUM_DB: %d %s %s", code, out, errOut)
	}
	code, out, _ = runCLI(t, "", map[string]string{"PLENUM_DB": "/nonexistent/ignored.db"}, "migrate", "--status", "--db", dsn)
	if code != 0 || !regexp.MustCompile(`schema version: (\d+) of (\d+)\n`).MatchString(out) || strings.Contains(out, "pending") {
		t.Fatalf("a flag must win over the environment: %d %s", code, out)
	}
	if code, _, errOut := runCLI(t, "", map[string]string{"PLENUM_LOG_FORMAT": "xml", "PLENUM_DB": dsn}, "serve"); code != 2 || !strings.Contains(errOut, "--log-format") {
		t.Fatalf("bad PLENUM_LOG_FORMAT: %d %s", code, errOut)
	}
}

func TestRefusesForeignDatabase(t *testing.T) {
	if dbtest.Engine() != db.SQLite {
		t.Skip("the PostgreSQL case is covered in internal/db")
	}
	path := filepath.Join(t.TempDir(), "other.db")
	d, err := db.Open(context.Background(), path, db.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d.Primary().Exec(`CREATE TABLE invoices (id INTEGER)`)
	d.Close()
	code, _, errOut := runCLI(t, "", nil, "serve", "--db", path)
	if code != 1 || !strings.Contains(errOut, "not a Plenum database") {
		t.Fatalf("serve on a foreign database: %d %s", code, errOut)
	}
}

func TestUserAndTokenCommands(t *testing.T) {
	dsn := dbtest.Migrated(t)
	env := map[string]string{"PLENUM_DB": dsn}
	code, out, errOut := runCLI(t, "", env, "user", "create", "--username", "quantri", "--name", "Quản trị", "--role", "admin", "--clearance", "tuyet-mat")
	if code != 0 || !regexp.MustCompile(`password: [A-Z2-7]{26}`).MatchString(out) {
		t.Fatalf("create with generated password: %d %s %s", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "mot-mat-khau-dai\n", env, "user", "create", "--username", "vanphong", "--name", "Văn phòng", "--role", "office", "--password-stdin")
	if code != 0 || strings.Contains(out, "password:") {
		t.Fatalf("create with password from stdin: %d %s %s", code, out, errOut)
	}
	code, _, errOut = runCLI(t, "ngan\n", env, "user", "create", "--username", "Bad Name", "--role", "unit", "--password-stdin")
	for _, want := range []string{"username:", "display_name:", "password:", "unit_id:"} {
		if code != 1 || !strings.Contains(errOut, want) {
			t.Errorf("bad user: exit %d, %q not in\n%s", code, want, errOut)
		}
	}
	if code, _, errOut = runCLI(t, "", env, "user", "create", "--username", "x1", "--name", "X", "--clearance", "very"); code != 2 || !strings.Contains(errOut, "--clearance") {
		t.Errorf("bad clearance: %d %s", code, errOut)
	}
	steps := [][]string{
		{"user", "set-role", "vanphong", "leader"},
		{"user", "set-clearance", "vanphong", "mat"},
		{"user", "disable", "vanphong"},
		{"user", "enable", "vanphong"},
	}
	for _, s := range steps {
		if code, out, errOut := runCLI(t, "", env, s...); code != 0 {
			t.Fatalf("%v: %d %s %s", s, code, out, errOut)
		}
	}
	if code, _, errOut := runCLI(t, "", env, "user", "set-role", "vanphong", "boss"); code != 2 || !strings.Contains(errOut, "unknown role") {
		t.Errorf("unknown role: %d %s", code, errOut)
	}
	if code, _, errOut := runCLI(t, "", env, "user", "disable", "nobody"); code != 1 || !strings.Contains(errOut, `no user "nobody"`) {
		t.Errorf("unknown user: %d %s", code, errOut)
	}
	code, out, _ = runCLI(t, "", env, "user", "list")
	if code != 0 || !strings.Contains(out, "vanphong") || !strings.Contains(out, "leader") || !strings.Contains(out, "Quản trị") {
		t.Errorf("list: %s", out)
	}

	code, out, errOut = runCLI(t, "", env, "token", "create", "--user", "vanphong", "--name", "báo cáo", "--scopes", "read", "--days", "30")
	if code != 0 || !strings.Contains(out, "plenum_") {
		t.Fatalf("token create: %d %s %s", code, out, errOut)
	}
	if code, _, errOut := runCLI(t, "", env, "token", "create", "--user", "vanphong", "--name", "x", "--scopes", "all"); code != 1 || !strings.Contains(errOut, "Unknown scope") {
		t.Errorf("bad scope: %d %s", code, errOut)
	}
	code, out, _ = runCLI(t, "", env, "token", "list")
	if code != 0 || !strings.Contains(out, "báo cáo") || !strings.Contains(out, "active") {
		t.Errorf("token list: %s", out)
	}
	if code, out, errOut := runCLI(t, "", env, "token", "revoke", "1"); code != 0 {
		t.Fatalf("revoke: %d %s %s", code, out, errOut)
	}
	if _, out, _ = runCLI(t, "", env, "token", "list", "--user", "vanphong"); !strings.Contains(out, "revoked") {
		t.Errorf("token list after revoke: %s", out)
	}
	if code, _, errOut := runCLI(t, "", env, "token", "revoke", "abc"); code != 2 {
		t.Errorf("revoke abc: %d %s", code, errOut)
	}

	// Every change above is in the audit log, and the chain holds.
	code, out, errOut = runCLI(t, "", env, "audit", "verify")
	if code != 0 || !strings.Contains(out, "audit log intact: 8 entries") {
		t.Fatalf("audit verify: %d %s %s", code, out, errOut)
	}
}

// The acceptance test: alter, delete and reorder audit rows directly
// in the database, and plenum audit verify catches each (on SQLite, and on
// PostgreSQL in the suite's second pass).
func TestAuditVerifyCatchesTampering(t *testing.T) {
	tamper := []struct {
		name  string
		sql   []string
		entry string
	}{
		{"altered", []string{`UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2`}, "entry 2"},
		{"deleted", []string{`DELETE FROM audit_log WHERE seq = 3`}, "entry 3"},
		{"reordered", []string{`UPDATE audit_log SET seq = 99 WHERE seq = 2`, `UPDATE audit_log SET seq = 2 WHERE seq = 4`, `UPDATE audit_log SET seq = 4 WHERE seq = 99`}, "entry 2"},
	}
	for _, tt := range tamper {
		t.Run(tt.name, func(t *testing.T) {
			d, dsn := dbtest.NewWithDSN(t)
			env := map[string]string{"PLENUM_DB": dsn}
			for _, u := range []string{"an", "binh", "chi", "dung"} {
				if code, _, errOut := runCLI(t, "", env, "user", "create", "--username", u, "--name", u); code != 0 {
					t.Fatal(errOut)
				}
			}
			code, out, _ := runCLI(t, "", env, "audit", "verify")
			anchor := strings.TrimSpace(strings.TrimPrefix(out[strings.Index(out, "anchor: "):], "anchor: "))
			if code != 0 {
				t.Fatalf("before tampering: %s", out)
			}
			for _, q := range tt.sql {
				if _, err := d.Primary().Exec(q); err != nil {
					t.Fatal(err)
				}
			}
			code, _, errOut := runCLI(t, "", env, "audit", "verify", "--anchor", anchor)
			if code != 1 || !strings.Contains(errOut, "NOT intact") || !strings.Contains(errOut, tt.entry) {
				t.Fatalf("after %s: exit %d\n%s", tt.name, code, errOut)
			}
		})
	}
}

func TestBackup(t *testing.T) {
	_, dsn := dbtest.NewWithDSN(t)
	env := map[string]string{"PLENUM_DB": dsn}
	runCLI(t, "", env, "user", "create", "--username", "an", "--name", "An")
	out := filepath.Join(t.TempDir(), "copy.db")
	if dbtest.Engine() == db.Postgres {
		out = filepath.Join(t.TempDir(), "copy.dump")
	}
	code, stdout, errOut := runCLI(t, "", env, "backup", "--out", out)
	if code != 0 {
		t.Fatalf("backup: %d %s %s", code, stdout, errOut)
	}
	if st, err := os.Stat(out); err != nil || st.Size() == 0 || st.Mode().Perm() != 0o600 {
		t.Fatalf("backup file: %v %v", st, err)
	}
	if dbtest.Engine() == db.SQLite && !strings.Contains(stdout, "backup checked: integrity ok, 1 audit entries") {
		t.Errorf("backup check not reported: %s", stdout)
	}
	if code, _, errOut := runCLI(t, "", env, "backup", "--out", out); code != 1 || !strings.Contains(errOut, "already exists") {
		t.Errorf("backup over an existing file: %d %s", code, errOut)
	}
}
