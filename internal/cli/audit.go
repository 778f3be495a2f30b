package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"plenum/internal/audit"
)

func auditCommand() *command {
	return &command{name: "audit", summary: "check the audit log", children: []*command{
		{name: "verify", summary: "verify the hash chain of the audit log", run: runAuditVerify},
	}}
}

// anchors collects repeated --anchor SEQ:HASH flags.
type anchors []audit.Anchor

func (a *anchors) String() string { return fmt.Sprint(*a) }

func (a *anchors) Set(s string) error {
	seq, hash, ok := strings.Cut(s, ":")
	n, err := strconv.ParseInt(seq, 10, 64)
	if !ok || err != nil || n <= 0 || len(hash) != 64 {
		return fmt.Errorf("want SEQ:HASH as printed by an earlier verify, got %q", s)
	}
	*a = append(*a, audit.Anchor{Seq: n, Hash: hash})
	return nil
}

func runAuditVerify(ctx context.Context, env *Env, args []string) error {
	fs := flagSet(env, "plenum audit verify", "[--db FILE|URL] [--anchor SEQ:HASH]...",
		"Recompute the audit log's hash chain. Exits 0 if intact; otherwise names the first bad entry and exits 1.\n"+
			"Keep the printed anchor somewhere outside the database: checking against it later catches even a rewrite of the whole log.")
	var f dbFlags
	f.register(fs)
	var as anchors
	fs.Var(&as, "anchor", "SEQ:HASH printed by an earlier verify (repeatable)")
	if err := parse(fs, env, args); err != nil {
		return err
	}
	a, err := openApp(ctx, env, &f)
	if err != nil {
		return err
	}
	defer a.DB.Close()
	r, err := a.Audit.Verify(ctx, as...)
	if err != nil {
		return err
	}
	if !r.OK() {
		return fmt.Errorf("audit log is NOT intact: %s (%d entries before it verified)", r.Problem, r.Entries)
	}
	fmt.Fprintf(env.Stdout, "audit log intact: %d entries\n", r.Entries)
	if r.LastSeq > 0 {
		fmt.Fprintf(env.Stdout, "anchor: %d:%s\n", r.LastSeq, r.LastHash)
	}
	return nil
}
