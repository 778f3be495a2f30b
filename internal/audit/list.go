package audit

import (
	"context"
	"fmt"
	"strings"
	"time"

	"plenum/internal/date"
	"plenum/internal/db"
)

// Filter selects entries for the audit page and API. Zero fields do not filter.
type Filter struct {
	ActorID   int64
	Actor     string // username, exact
	Entity    string
	EntityID  string
	Action    string
	From, To  date.Date // inclusive days, in UTC
	BeforeSeq int64     // for paging backwards: entries with seq < BeforeSeq
	Limit     int       // default 50, at most 500
	Clearance int       // entries about records classified above this are left out
	// Visible, when set, adds the condition that leaves out entries about
	// classified records the reader has no need to know (access.Viewer's
	// VisibleRows over the columns a.entity, a.class and a.entity_id: the
	// log is aliased a).
	Visible func(args *db.Args) string
}

// List returns entries newest first.
func (l *Log) List(ctx context.Context, f Filter) ([]Entry, error) {
	var where []string
	var args db.Args
	add := func(cond string, v any) { where = append(where, cond+" "+args.Add(v)) }
	add("class <=", f.Clearance)
	if f.Visible != nil {
		where = append(where, f.Visible(&args))
	}
	if f.ActorID != 0 {
		add("actor_id =", f.ActorID)
	}
	if f.Actor != "" {
		add("actor =", f.Actor)
	}
	if f.Entity != "" {
		add("entity =", f.Entity)
	}
	if f.EntityID != "" {
		add("entity_id =", f.EntityID)
	}
	if f.Action != "" {
		add("action =", f.Action)
	}
	if !f.From.IsZero() {
		add("at >=", f.From.Time(time.UTC).Format(TimeLayout))
	}
	if !f.To.IsZero() {
		add("at <", f.To.AddDays(1).Time(time.UTC).Format(TimeLayout))
	}
	if f.BeforeSeq > 0 {
		add("seq <", f.BeforeSeq)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	limit = min(limit, 500)
	q := `SELECT seq, at, actor_id, actor, ip, action, entity, entity_id, class, before_json, after_json, prev_hash, hash
		FROM audit_log a WHERE ` + strings.Join(where, " AND ") + fmt.Sprintf(" ORDER BY seq DESC LIMIT %d", limit)
	rows, err := l.db.R(ctx).QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("audit: list: %w", err)
	}
	defer rows.Close()
	var out []Entry
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return nil, fmt.Errorf("audit: list: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Entities returns the distinct entity names in the log, for the filter menu.
func (l *Log) Entities(ctx context.Context) ([]string, error) {
	out, err := db.Column[string](ctx, l.db.R(ctx), `SELECT DISTINCT entity FROM audit_log ORDER BY entity`)
	if err != nil {
		return nil, fmt.Errorf("audit: entities: %w", err)
	}
	return out, nil
}
