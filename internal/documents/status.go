package documents

import (
	"context"
	"fmt"

	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/numbering"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// IssueInput issues a draft: the day, and optionally the place, signer and
// day it takes effect (the day of issue when not given).
type IssueInput struct {
	IssuedOn       date.Date `json:"issued_on"`
	EffectiveFrom  date.Date `json:"effective_from"`
	EffectiveTo    date.Date `json:"effective_to"`
	Place          string    `json:"place,omitempty"`
	SignerPersonID int64     `json:"signer_person_id,omitempty"`
	SignerName     string    `json:"signer_name,omitempty"`
	SignerTitle    string    `json:"signer_title,omitempty"`
	Capacity       Capacity  `json:"capacity,omitempty"`
}

// Issue gives a draft the next number of its issuer's sequence, in the
// transaction that marks it issued: a failure leaves neither the number
// taken nor the draft changed.
func (s *Store) Issue(ctx context.Context, p auth.Principal, id int64, in IssueInput) (Document, error) {
	in.Place, in.SignerName, in.SignerTitle = vn.Clean(in.Place), vn.Clean(in.SignerName), vn.Clean(in.SignerTitle)
	var v problem.Validation
	v.Check(!in.IssuedOn.IsZero(), "issued_on", "error.required")
	checkDates(&v, in.IssuedOn, in.EffectiveFrom, in.EffectiveTo)
	v.MaxLen("place", in.Place, maxPlace)
	v.MaxLen("signer_name", in.SignerName, maxName)
	v.MaxLen("signer_title", in.SignerTitle, maxName)
	v.Check(in.Capacity == NoCapacity || in.Capacity.Label() != "", "capacity", "error.invalid_choice")
	if err := v.Err(); err != nil {
		return Document{}, err
	}
	var out Document
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		before, _, err := s.writable(ctx, p, id)
		if err != nil {
			return err
		}
		if before.Status != Draft {
			return problem.ConflictField("status", "documents.error.not_draft")
		}
		d := before
		d.IssuedOn, d.EffectiveFrom, d.EffectiveTo = in.IssuedOn, in.EffectiveFrom, in.EffectiveTo
		if d.EffectiveFrom.IsZero() {
			d.EffectiveFrom = d.IssuedOn
		}
		if in.Place != "" {
			d.Place = in.Place
		}
		if in.SignerPersonID != 0 || in.SignerName != "" {
			if err := s.resolveParties(ctx, &d, d.IssuerUnitID, d.IssuerName, in.SignerPersonID, in.SignerName); err != nil {
				return err
			}
			d.SignerTitle, d.Capacity = in.SignerTitle, in.Capacity
		}
		if !d.ProtectUntil.IsZero() || !d.DeclassifyOn.IsZero() {
			checkProtection(&v, d.Class, d.IssuedOn, d.ProtectUntil, d.DeclassifyOn)
			if err := v.Err(); err != nil {
				return err
			}
		}
		sym, err := draftSymbol(d.System, d.Kind, d.SymbolIssuer, d.SymbolUnit, d.Legal, d.IssuedOn.Year)
		if err != nil {
			return err
		}
		scope, period, err := s.numberingOf(ctx, sym, d.IssuedOn, d.IssuerUnitID, d.IssuerName)
		if err != nil {
			return err
		}
		n, err := numbering.Next(ctx, s.db, scope)
		if err != nil {
			return err
		}
		sym.Number = int(n)
		if err := sym.Validate(); err != nil {
			return symbolError("symbol_issuer", err)
		}
		d.Symbol, d.Number, d.Status = sym.String(), sym.Number, Issued
		symKey := issuerKey(d.IssuerUnitID, d.IssuerName) + " " + d.Symbol + " " + period
		if err := s.update(ctx, d, symKey, scope); err != nil {
			return err
		}
		if out, err = s.load(ctx, id); err != nil {
			return err
		}
		if err := s.index(ctx, out); err != nil {
			return err
		}
		return s.record(ctx, "issue", id, out.Class, before, out)
	})
	return out, err
}

// update writes the fields a change may touch.
func (s *Store) update(ctx context.Context, d Document, symKey, scope string) error {
	var year any
	if !d.IssuedOn.IsZero() {
		year = d.IssuedOn.Year
	}
	_, err := s.db.W(ctx).ExecContext(ctx, `UPDATE documents SET number = $1, symbol = $2, symbol_key = $3, scope = $4,
		issuer_unit_id = $5, issuer_name = $6, issuer_key = $7, signer_person_id = $8, signer_name = $9, signer_title = $10,
		capacity = $11, place = $12, issued_on = $13, year = $14, effective_from = $15, effective_to = $16, title = $17,
		body = $18, status = $19, search_key = $20, updated_at = $21 WHERE id = $22`,
		nullNumber(d.Number), d.Symbol, nullText(symKey), scope, db.Null(d.IssuerUnitID), d.IssuerName, issuerKey(d.IssuerUnitID, d.IssuerName),
		db.Null(d.SignerPersonID), d.SignerName, d.SignerTitle, string(d.Capacity), d.Place, db.Null(d.IssuedOn), year,
		db.Null(d.EffectiveFrom), db.Null(d.EffectiveTo), d.Title, d.Body, string(d.Status), searchKey(d), s.clock.Now().UTC(), d.ID)
	if err != nil {
		if db.IsUniqueViolation(err) {
			return problem.ConflictField("symbol", "documents.error.symbol_taken")
		}
		return fmt.Errorf("documents: update %d: %w", d.ID, err)
	}
	return nil
}

// StatusInput moves a document to another status. Ending its force
// (replaced, expired, repealed) needs the day it ended.
type StatusInput struct {
	Status Status    `json:"status"`
	On     date.Date `json:"on"`
	Note   string    `json:"note,omitempty"`
}

// ChangeStatus moves an issued document along its allowed transitions.
// Drafts are issued with Issue, which numbers them.
func (s *Store) ChangeStatus(ctx context.Context, p auth.Principal, id int64, in StatusInput) (Document, error) {
	in.Note = vn.Clean(in.Note)
	var v problem.Validation
	v.Check(in.Status.Valid(), "status", "error.invalid_choice")
	v.MaxLen("note", in.Note, maxNote)
	if in.Status.Ends() {
		v.Check(!in.On.IsZero(), "on", "documents.error.end_required")
	}
	if err := v.Err(); err != nil {
		return Document{}, err
	}
	var out Document
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		before, _, err := s.writable(ctx, p, id)
		if err != nil {
			return err
		}
		if err := s.setStatus(ctx, before, in.Status, in.On); err != nil {
			return err
		}
		if out, err = s.load(ctx, id); err != nil {
			return err
		}
		if err := s.index(ctx, out); err != nil {
			return err
		}
		return s.record(ctx, "status", id, out.Class, map[string]any{"status": before.Status, "effective_to": before.EffectiveTo},
			map[string]any{"status": out.Status, "effective_to": out.EffectiveTo, "note": in.Note})
	})
	return out, err
}

// setStatus moves d to status to, ending its force on day on when to ends it.
func (s *Store) setStatus(ctx context.Context, d Document, to Status, on date.Date) error {
	if d.Status == Draft && to == Issued {
		return problem.ConflictField("status", "documents.error.issue_with_number")
	}
	if !d.Status.CanBecome(to) {
		return problem.ConflictField("status", "documents.error.transition", string(d.Status), string(to))
	}
	end := d.EffectiveTo
	if to.Ends() {
		if !on.After(d.InForceFrom()) {
			return problem.InvalidField("on", "documents.error.end_before_effect")
		}
		end = on
	}
	if _, err := s.db.W(ctx).ExecContext(ctx, `UPDATE documents SET status = $1, effective_to = $2, updated_at = $3 WHERE id = $4`,
		string(to), db.Null(end), s.clock.Now().UTC(), d.ID); err != nil {
		return fmt.Errorf("documents: status of %d: %w", d.ID, err)
	}
	return nil
}
