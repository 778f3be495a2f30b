package numbering

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"plenum/internal/audit"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/docsym"
	"plenum/internal/problem"
)

// Issuer names who issues a document: the organisation unit (a province's
// Tỉnh ủy, its UBND…) and the symbol's issuer code with its sub-unit. "TU"
// alone is not enough: every province has one, and a national deployment
// holds them all.
func Issuer(unitID int64, s docsym.Symbol) string {
	if s.System == docsym.State {
		return fmt.Sprintf("u%d:%s", unitID, s.Issuer) // a State body numbers across its sub-units
	}
	return fmt.Sprintf("u%d:%s%s", unitID, s.Unit, s.Issuer)
}

// Rule returns how an issuer (see Issuer) numbers documents like s: the rule
// set for it if any, otherwise the one the regulations set (docsym.DefaultRule).
func Rule(ctx context.Context, d *db.DB, issuer string, s docsym.Symbol) (docsym.ScopeRule, error) {
	var period string
	var perKind bool
	err := d.R(ctx).QueryRowContext(ctx, `SELECT period, per_kind FROM numbering_rules WHERE issuer = $1`, issuer).Scan(&period, &perKind)
	if errors.Is(err, sql.ErrNoRows) {
		return docsym.DefaultRule(s), nil
	}
	if err != nil {
		return docsym.ScopeRule{}, fmt.Errorf("numbering: rule of %s: %w", issuer, err)
	}
	r := docsym.ScopeRule{Period: docsym.PerYear, PerKind: perKind}
	if period == "term" {
		r.Period = docsym.PerTerm
	}
	return r, nil
}

// SetRule records how an issuer (see Issuer) numbers its documents; the
// change is audited.
func SetRule(ctx context.Context, d *db.DB, log *audit.Log, issuer string, r docsym.ScopeRule) error {
	issuer = strings.TrimSpace(issuer)
	var v problem.Validation
	v.Required("issuer", issuer)
	v.Check(r.Period == docsym.PerTerm || r.Period == docsym.PerYear, "period", "error.invalid_choice")
	if err := v.Err(); err != nil {
		return err
	}
	period := "year"
	if r.Period == docsym.PerTerm {
		period = "term"
	}
	return d.Tx(ctx, func(ctx context.Context) error {
		if _, err := d.W(ctx).ExecContext(ctx, `INSERT INTO numbering_rules (issuer, period, per_kind) VALUES ($1, $2, $3)
			ON CONFLICT (issuer) DO UPDATE SET period = excluded.period, per_kind = excluded.per_kind`, issuer, period, r.PerKind); err != nil {
			return fmt.Errorf("numbering: set rule of %s: %w", issuer, err)
		}
		return log.Record(ctx, audit.Change{Action: "update", Entity: "numbering_rule", EntityID: issuer,
			After: map[string]any{"period": period, "per_kind": r.PerKind}})
	})
}

// Scope returns the numbering scope of a document like s issued on day by
// the organisation unit unitID: the issuer's rule applied to the symbol, the
// day and the issuer's terms of office (needed when it numbers per term).
func Scope(ctx context.Context, d *db.DB, unitID int64, s docsym.Symbol, day date.Date, terms []docsym.Term) (string, error) {
	issuer := Issuer(unitID, s)
	r, err := Rule(ctx, d, issuer, s)
	if err != nil {
		return "", err
	}
	key, err := r.Key(s, day, terms)
	if err != nil {
		return "", problem.Wrap(problem.Invalid, err, "numbering.no_scope", err.Error())
	}
	return fmt.Sprintf("u%d:%s", unitID, key), nil
}
