package documents

import (
	"context"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/docsym"
	"plenum/internal/numbering"
	"plenum/internal/problem"
)

// Update corrects a document's particulars as principal p: kind, symbol (of
// a registered document; a draft's issuer code and unit), issuer, signer,
// place and dates, title, body and recipients. Its origin, status, class and
// grants change only through their own operations, so in.Origin, in.Status,
// in.Class and in.Grants are ignored.
func (s *Store) Update(ctx context.Context, p auth.Principal, id int64, in Input) (Document, error) {
	var out Document
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		before, _, err := s.writable(ctx, p, id)
		if err != nil {
			return err
		}
		in.Origin, in.Status = before.Origin, before.Status
		if before.Origin == Internal && before.Status != Draft {
			// An issued draft keeps the number it was given.
			in.Origin, in.Symbol = External, before.Symbol
		}
		in.normalize()
		var v problem.Validation
		in.validate(&v)
		if before.Class > 0 {
			checkProtection(&v, before.Class, in.IssuedOn, before.ProtectUntil, before.DeclassifyOn)
		}
		if err := v.Err(); err != nil {
			return err
		}
		d := before
		d.Kind, d.Title, d.Body, d.Place, d.IssuedOn = in.Kind, in.Title, in.Body, in.Place, in.IssuedOn
		d.EffectiveFrom, d.EffectiveTo, d.SignerTitle, d.Capacity = in.EffectiveFrom, in.EffectiveTo, in.SignerTitle, in.Capacity
		if err := s.resolveParties(ctx, &d, in.IssuerUnitID, in.IssuerName, in.SignerPersonID, in.SignerName); err != nil {
			return err
		}
		if d.Recipients, err = s.resolveRecipients(ctx, in.Recipients, d.IssuedOn); err != nil {
			return err
		}
		symKey, scope := "", ""
		if d.Status == Draft {
			sym, err := draftSymbol(in.System, in.Kind, in.SymbolIssuer, in.SymbolUnit, in.Legal, s.today().Year)
			if err != nil {
				return err
			}
			d.System, d.SymbolIssuer, d.SymbolUnit, d.Legal = in.System, sym.Issuer, sym.Unit, in.Legal
		} else {
			sym, err := docsym.Parse(in.Symbol)
			if err != nil {
				return symbolError("symbol", err)
			}
			if !kindMatches(sym, in.Kind) {
				return problem.InvalidField("kind", "documents.error.kind_mismatch", sym.Kind.Name("vi"))
			}
			var period string
			if scope, period, err = s.numberingOf(ctx, sym, d.IssuedOn, d.IssuerUnitID, d.IssuerName); err != nil {
				return err
			}
			if err := numbering.Observe(ctx, s.db, scope, int64(sym.Number)); err != nil {
				return err
			}
			d.System, d.Symbol, d.Number = systemOf(sym.System), sym.String(), sym.Number
			d.SymbolIssuer, d.SymbolUnit, d.Legal = sym.Issuer, sym.Unit, sym.Year != 0
			symKey = issuerKey(d.IssuerUnitID, d.IssuerName) + " " + d.Symbol + " " + period
		}
		if err := s.update(ctx, d, symKey, scope); err != nil {
			return err
		}
		if err := s.writeRecipients(ctx, id, d.Recipients); err != nil {
			return err
		}
		// New recipient units need to know; grants already given stay.
		grants, err := s.access.Grants(ctx, Entity, id)
		if err != nil {
			return err
		}
		if err := s.setGrants(ctx, id, d.Class, d.CreatedBy, grants, d.Recipients); err != nil {
			return err
		}
		if out, err = s.load(ctx, id); err != nil {
			return err
		}
		if err := s.index(ctx, out); err != nil {
			return err
		}
		return s.record(ctx, "update", id, out.Class, before, out)
	})
	return out, err
}

// Grants returns the need-to-know grants of a document the viewer may see.
func (s *Store) Grants(ctx context.Context, v access.Viewer, id int64) ([]access.Grant, error) {
	if _, err := s.visible(ctx, v, id); err != nil {
		return nil, err
	}
	return s.access.Grants(ctx, Entity, id)
}

// SetGrants replaces who needs to know document id. Its creator and its
// recipient units keep their grants.
func (s *Store) SetGrants(ctx context.Context, p auth.Principal, id int64, grants []access.Grant) error {
	return s.db.Tx(ctx, func(ctx context.Context) error {
		d, _, err := s.writable(ctx, p, id)
		if err != nil {
			return err
		}
		if err := s.setGrants(ctx, id, d.Class, d.CreatedBy, grants, d.Recipients); err != nil {
			return err
		}
		return s.classChanged(ctx, id, d.Class) // derived records follow the new need to know
	})
}

// Publish puts a document on the public portal, or takes it off. A
// classified document, or a draft, is never published.
func (s *Store) Publish(ctx context.Context, p auth.Principal, id int64, publish bool) (Document, error) {
	var out Document
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		d, _, err := s.writable(ctx, p, id)
		if err != nil {
			return err
		}
		if publish && d.Class > 0 {
			return problem.ConflictField("published", "documents.error.classified_not_public")
		}
		if publish && d.Status == Draft {
			return problem.ConflictField("published", "documents.error.draft_not_public")
		}
		if _, err := s.db.W(ctx).ExecContext(ctx, `UPDATE documents SET published = $1, updated_at = $2 WHERE id = $3`,
			publish, s.clock.Now().UTC(), id); err != nil {
			return err
		}
		if out, err = s.load(ctx, id); err != nil {
			return err
		}
		action := "publish"
		if !publish {
			action = "unpublish"
		}
		return s.record(ctx, action, id, d.Class, map[string]any{"published": d.Published}, map[string]any{"published": publish})
	})
	return out, err
}
