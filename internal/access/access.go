// Package access is the one place where Plenum decides which classified
// records a reader may see. Every query that returns records of a kind that
// can be classified embeds the condition Viewer.Visible builds, so pages,
// search, API answers, exports and feeds cannot disagree; detail pages call
// Check, which answers "not found" exactly as for a record that does not exist.
//
// The rule: a record of class 0 (thường) is visible to anyone whose role may
// read that kind of record (the router's concern). A record of a higher class
// is visible only to a reader whose clearance is at least the class AND who
// has a need to know: one of the record's grants names the reader, the
// reader's role, or the reader's unit or a unit it succeeded.
package access

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/db"
	"plenum/internal/org"
	"plenum/internal/problem"
)

// Viewer is a reader as the data layer sees them.
type Viewer struct {
	UserID    int64
	Role      auth.Role
	Clearance auth.Clearance
	// UnitIDs are the reader's unit and the units it succeeded (merged or
	// split into it), whose records it inherits.
	UnitIDs []int64
	// All is set only for System.
	All bool
}

// System is the viewer of server work that must see every record (a
// reminder job, propagating a class to derived records); never a request's.
var System = Viewer{All: true, Clearance: auth.MaxClearance}

// Grant names who has a need to know a classified record: exactly one of a
// unit, a role or a user.
type Grant struct {
	UnitID int64     `json:"unit_id,omitempty"`
	Role   auth.Role `json:"role,omitempty"`
	UserID int64     `json:"user_id,omitempty"`
}

// Store reads and writes grants.
type Store struct {
	db    *db.DB
	audit *audit.Log
}

// New returns the access store.
func New(d *db.DB, log *audit.Log) *Store { return &Store{db: d, audit: log} }

// Viewer returns the viewer of a principal. An anonymous principal sees
// only unclassified records.
func (s *Store) Viewer(ctx context.Context, p auth.Principal) (Viewer, error) {
	v := Viewer{UserID: p.User.ID, Role: p.User.Role, Clearance: p.Clearance()}
	if !p.SignedIn() {
		return Viewer{}, nil
	}
	if p.User.UnitID != 0 && v.Clearance > 0 {
		ids, err := s.lineage(ctx, p.User.UnitID)
		if err != nil {
			return v, err
		}
		v.UnitIDs = ids
	}
	return v, nil
}

// lineage is the unit and every unit that merged or split into it, transitively.
func (s *Store) lineage(ctx context.Context, unitID int64) ([]int64, error) {
	ids, err := db.Column[int64](ctx, s.db.R(ctx), `SELECT id FROM `+org.LineageSubquery("$1")+` AS l`, unitID)
	if err != nil {
		return nil, fmt.Errorf("access: lineage of unit %d: %w", unitID, err)
	}
	return ids, nil
}

// Visible returns an SQL condition admitting the rows the viewer may see of
// a table aliased alias, holding records of kind entity, with columns
// "class" and "id". Its arguments are appended to args.
func (v Viewer) Visible(entity, alias string, args *db.Args) string {
	return v.VisibleBy(entity, alias+".class", alias+".id", args)
}

// VisibleBy is Visible for tables whose class and id columns are named
// otherwise (a search index row, say, that points at its record).
func (v Viewer) VisibleBy(entity, classCol, idCol string, args *db.Args) string {
	return v.visible(func() string { return args.Add(entity) }, classCol, "ra.entity_id = "+idCol, args)
}

// VisibleRows is Visible for tables whose rows point at records of several
// kinds: entityCol names the kind, idCol holds the record's id as text (the
// audit log, say).
func (v Viewer) VisibleRows(entityCol, classCol, idCol string, args *db.Args) string {
	return v.visible(func() string { return entityCol }, classCol, "CAST(ra.entity_id AS TEXT) = "+idCol, args)
}

// visible builds the rule; entity gives the SQL expression of the record kind
// (adding a placeholder only if the rule needs one: PostgreSQL refuses unused
// arguments) and sameID compares ra.entity_id with the row's record.
func (v Viewer) visible(entity func() string, classCol, sameID string, args *db.Args) string {
	if v.All {
		return "1 = 1"
	}
	if v.Clearance <= 0 {
		return classCol + " = 0"
	}
	var who []string
	if v.UserID != 0 {
		who = append(who, "ra.user_id = "+args.Add(v.UserID))
	}
	if v.Role != "" {
		who = append(who, "ra.role = "+args.Add(string(v.Role)))
	}
	if len(v.UnitIDs) > 0 {
		who = append(who, "ra.unit_id IN "+db.In(args, v.UnitIDs))
	}
	if len(who) == 0 {
		return classCol + " = 0"
	}
	return fmt.Sprintf(`(%s = 0 OR (%s <= %s AND EXISTS (SELECT 1 FROM record_access ra
		WHERE ra.entity = %s AND %s AND (%s))))`,
		classCol, classCol, args.Add(int(v.Clearance)), entity(), sameID, strings.Join(who, " OR "))
}

// Key names what v may see: two viewers with the same key are given the
// same rows by every condition Visible builds, so figures built for one may
// be kept and shown to the other. Viewers without clearance share one key;
// cleared ones are known by their clearance, role and units, and by who
// they are only when a grant names them.
func (s *Store) Key(ctx context.Context, v Viewer) (string, error) {
	switch {
	case v.All:
		return "all", nil
	case v.Clearance <= 0:
		return "public", nil
	}
	var user int64
	if v.UserID != 0 {
		var named bool
		if err := s.db.R(ctx).QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM record_access WHERE user_id = $1)`, v.UserID).Scan(&named); err != nil {
			return "", fmt.Errorf("access: grants naming user %d: %w", v.UserID, err)
		}
		if named {
			user = v.UserID
		}
	}
	return fmt.Sprintf("user %d role %q clearance %d units %v", user, v.Role, v.Clearance, slices.Sorted(slices.Values(v.UnitIDs))), nil
}

// Check returns nil if the viewer may see the record (entity, id) of the
// given class, and problem.ErrNotFound otherwise — the same answer as for a
// record that does not exist, so that refusals reveal nothing. A classified
// record that is seen is recorded in the audit log (who read what), in its
// own transaction when the caller has none; System's reads are not.
func (s *Store) Check(ctx context.Context, v Viewer, entity string, id int64, class int) error {
	if class <= 0 || v.All {
		return nil // the system's own work is no reader's read
	}
	if !v.All && int(v.Clearance) < class {
		// Refused without a query: the condition would not use the id, and
		// PostgreSQL refuses an argument that no placeholder takes.
		return problem.ErrNotFound
	}
	var args db.Args
	cond := v.VisibleBy(entity, args.Add(class), args.Add(id), &args)
	var ok bool
	if err := s.db.R(ctx).QueryRowContext(ctx, `SELECT `+cond, args...).Scan(&ok); err != nil {
		return fmt.Errorf("access: check %s %d: %w", entity, id, err)
	}
	if !ok {
		return problem.ErrNotFound
	}
	return s.LogRead(ctx, entity, id, class, nil)
}

// LogRead records in the audit log that the request's reader read the
// classified record (entity, id), or what detail names of it (a file, an
// export), in its own transaction when the caller has none: who read what.
// Reading an unclassified record records nothing. Every store reads through
// Check or, for what Check does not see (a file, a row of an export), this.
func (s *Store) LogRead(ctx context.Context, entity string, id int64, class int, detail any) error {
	if class <= 0 {
		return nil
	}
	return s.db.Tx(ctx, func(ctx context.Context) error {
		return s.audit.Record(ctx, audit.Change{Action: "read", Entity: entity, EntityID: id, Class: class, After: detail})
	})
}

// LogExport records the classified records of kind entity that an export
// handed out (their classes by id), one read each, in one transaction.
func (s *Store) LogExport(ctx context.Context, entity string, classes map[int64]int) error {
	ids := slices.Sorted(maps.Keys(classes))
	return s.db.Tx(ctx, func(ctx context.Context) error {
		for _, id := range ids {
			if err := s.LogRead(ctx, entity, id, classes[id], map[string]bool{"export": true}); err != nil {
				return err
			}
		}
		return nil
	})
}

// Grants returns the grants of a record.
func (s *Store) Grants(ctx context.Context, entity string, id int64) ([]Grant, error) {
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT COALESCE(unit_id, 0), COALESCE(role, ''), COALESCE(user_id, 0)
		FROM record_access WHERE entity = $1 AND entity_id = $2 ORDER BY unit_id, role, user_id`, entity, id)
	if err != nil {
		return nil, fmt.Errorf("access: grants of %s %d: %w", entity, id, err)
	}
	defer rows.Close()
	var out []Grant
	for rows.Next() {
		var g Grant
		if err := rows.Scan(&g.UnitID, &g.Role, &g.UserID); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

// SetGrants replaces the grants of a record, in the caller's transaction,
// and records the change with the record's class.
func (s *Store) SetGrants(ctx context.Context, entity string, id int64, class int, grants []Grant) error {
	var v problem.Validation
	for _, g := range grants {
		n := 0
		for _, set := range []bool{g.UnitID != 0, g.Role != "", g.UserID != 0} {
			if set {
				n++
			}
		}
		if !v.Check(n == 1, "grants", "access.grant_one") || !v.Check(g.Role == "" || g.Role.Valid(), "grants", "error.invalid_choice") {
			break
		}
	}
	if err := v.Err(); err != nil {
		return err
	}
	before, err := s.Grants(ctx, entity, id)
	if err != nil {
		return err
	}
	q := s.db.W(ctx)
	if _, err := q.ExecContext(ctx, `DELETE FROM record_access WHERE entity = $1 AND entity_id = $2`, entity, id); err != nil {
		return fmt.Errorf("access: clear grants of %s %d: %w", entity, id, err)
	}
	for _, g := range grants {
		if _, err := q.ExecContext(ctx, `INSERT INTO record_access (entity, entity_id, unit_id, role, user_id) VALUES ($1, $2, $3, $4, $5)`,
			entity, id, db.Null(g.UnitID), db.Null(string(g.Role)), db.Null(g.UserID)); err != nil {
			return fmt.Errorf("access: grant on %s %d: %w", entity, id, err)
		}
	}
	return s.audit.Record(ctx, audit.Change{Action: "set_access", Entity: entity, EntityID: id, Class: class, Before: before, After: grants})
}

// CheckClassify refuses to let a principal give a record a class above their
// own clearance: nobody classifies what they could not read.
func CheckClassify(p auth.Principal, class int, field string) error {
	if class < 0 || class > int(auth.MaxClearance) {
		return problem.InvalidField(field, "error.invalid_choice")
	}
	if class > int(p.Clearance()) {
		return problem.InvalidField(field, "access.above_own_clearance")
	}
	return nil
}
