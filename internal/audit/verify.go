package audit

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// Problem is the first place where the chain does not hold.
type Problem struct {
	Seq    int64  // the entry at fault (or the expected one, if missing)
	Reason string // what is wrong, in words an administrator can act on
}

func (p Problem) String() string { return fmt.Sprintf("entry %d: %s", p.Seq, p.Reason) }

// Report is the outcome of Verify.
type Report struct {
	Entries  int64    // entries checked
	LastSeq  int64    // sequence number of the last entry
	LastHash string   // its hash: record it outside the database to anchor later checks
	Problem  *Problem // nil when the chain is intact
}

// OK reports whether the chain is intact.
func (r Report) OK() bool { return r.Problem == nil }

// Anchor is a (sequence, hash) pair recorded earlier outside the database,
// for example printed by a previous verify. It catches even a rewrite of the
// whole chain by someone with write access to the database.
type Anchor struct {
	Seq  int64
	Hash string
}

// Verify recomputes the chain from the first entry and reports the first
// entry that was edited, deleted, inserted or moved, and whether the chain
// agrees with its head and with the given anchors.
func (l *Log) Verify(ctx context.Context, anchors ...Anchor) (Report, error) {
	var r Report
	want := map[int64]string{}
	for _, a := range anchors {
		want[a.Seq] = a.Hash
	}
	rows, err := l.db.R(ctx).QueryContext(ctx, `SELECT seq, at, actor_id, actor, ip, action, entity, entity_id, class,
		before_json, after_json, prev_hash, hash FROM audit_log ORDER BY seq`)
	if err != nil {
		return r, fmt.Errorf("audit: verify: %w", err)
	}
	defer rows.Close()
	prevHash := ""
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return r, fmt.Errorf("audit: verify: %w", err)
		}
		expected := r.LastSeq + 1
		switch {
		case e.Seq != expected:
			r.Problem = &Problem{expected, fmt.Sprintf("missing: the next entry found is %d (entries deleted, or renumbered)", e.Seq)}
		case e.PrevHash != prevHash:
			r.Problem = &Problem{e.Seq, "does not follow the entry before it (an entry was inserted, deleted or moved here)"}
		case e.computeHash() != e.Hash:
			r.Problem = &Problem{e.Seq, "its contents do not match its hash (the entry was edited)"}
		case want[e.Seq] != "" && want[e.Seq] != e.Hash:
			r.Problem = &Problem{e.Seq, "its hash differs from the anchor recorded earlier (the log was rewritten)"}
		}
		if r.Problem != nil {
			return r, nil
		}
		delete(want, e.Seq)
		r.Entries++
		r.LastSeq, r.LastHash, prevHash = e.Seq, e.Hash, e.Hash
	}
	if err := rows.Err(); err != nil {
		return r, fmt.Errorf("audit: verify: %w", err)
	}
	for seq := range want {
		r.Problem = &Problem{seq, "the anchor names an entry that is no longer in the log"}
		return r, nil
	}
	var headSeq int64
	var headHash string
	if err := l.db.R(ctx).QueryRowContext(ctx, `SELECT seq, hash FROM audit_head WHERE id = 1`).Scan(&headSeq, &headHash); err != nil {
		return r, fmt.Errorf("audit: verify: read chain head: %w", err)
	}
	if headSeq != r.LastSeq || headHash != r.LastHash {
		r.Problem = &Problem{r.LastSeq + 1, fmt.Sprintf("the log ends at entry %d but its head records entry %d (entries deleted from the end)", r.LastSeq, headSeq)}
	}
	return r, nil
}

type scanner interface{ Scan(dest ...any) error }

func scanEntry(s scanner) (Entry, error) {
	var e Entry
	var at string
	var actorID sql.NullInt64
	var before, after sql.NullString
	if err := s.Scan(&e.Seq, &at, &actorID, &e.Actor, &e.IP, &e.Action, &e.Entity, &e.EntityID, &e.Class,
		&before, &after, &e.PrevHash, &e.Hash); err != nil {
		return e, err
	}
	t, err := time.Parse(TimeLayout, at)
	if err != nil {
		// An edited time that no longer parses still must not verify: keep the
		// zero time, whose formatted form cannot equal the stored text.
		t = time.Time{}
	}
	e.At = t
	e.ActorID = actorID.Int64
	if before.Valid {
		e.Before = json.RawMessage(before.String)
	}
	if after.Valid {
		e.After = json.RawMessage(after.String)
	}
	return e, nil
}
