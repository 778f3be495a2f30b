package documents

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/clock"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/docsym"
	"plenum/internal/files"
	"plenum/internal/org"
	"plenum/internal/people"
	"plenum/internal/problem"
	"plenum/internal/search"
)

// Store reads and changes the registry.
type Store struct {
	db      *db.DB
	log     *audit.Log
	access  *access.Store
	units   *org.Store
	people  *people.Store
	opt     Options
	derived []Derived
	clock   clock.Clock
}

// Options are the registry's optional collaborators.
type Options struct {
	// Terms returns the terms of office by which a Party issuer numbers its
	// documents; nil uses DefaultTerms.
	Terms func(issuerCode string) []docsym.Term
	// Files keeps attachments; nil refuses them.
	Files *files.Store
	// Index is the search index kept in step with the registry; nil keeps none.
	Index *search.Index
}

// Derived is called, in the transaction that reclassifies a document, for
// each store whose records take their class from documents (agenda items,
// tasks, indicators): those records must carry at least the document's
// class, and keep it in step.
type Derived func(ctx context.Context, documentID int64) error

// OnReclassify registers a store whose records derive from documents.
func (s *Store) OnReclassify(fn Derived) { s.derived = append(s.derived, fn) }

// New returns the registry over d. It reads units and people to name
// issuers, recipients and signers, and asks acc who may see what.
func New(d *db.DB, log *audit.Log, c clock.Clock, acc *access.Store, units *org.Store, ppl *people.Store, opt Options) *Store {
	if opt.Terms == nil {
		opt.Terms = DefaultTerms
	}
	return &Store{db: d, log: log, access: acc, units: units, people: ppl, opt: opt, clock: c}
}

// Viewer returns the access viewer of a principal, for callers that hold one.
func (s *Store) Viewer(ctx context.Context, p auth.Principal) (access.Viewer, error) {
	return s.access.Viewer(ctx, p)
}

// Limits on text fields, in characters.
const (
	maxTitle     = 1000
	maxBody      = 1 << 20
	maxName      = 300
	maxPlace     = 100
	maxReason    = 2000
	maxNote      = 2000
	maxRecipient = 100
)

// today is the default "as of" date, in Vietnam.
func (s *Store) today() date.Date { return s.clock.Today() }

// docColumns are read by scanDoc from a documents table aliased d.
const docColumns = `d.id, d.system, d.kind, d.origin, COALESCE(d.number, 0), d.symbol, d.symbol_issuer, d.symbol_unit, d.symbol_legal,
	COALESCE(d.issuer_unit_id, 0), d.issuer_name, COALESCE(d.signer_person_id, 0), d.signer_name, d.signer_title, d.capacity,
	d.place, d.issued_on, d.effective_from, d.effective_to, d.title, d.body, d.status, d.class, d.protect_until,
	d.declassify_on, d.published, COALESCE(d.created_by, 0), d.created_at, d.updated_at`

// listColumns are docColumns without the body, for lists.
var listColumns = strings.Replace(docColumns, "d.body", "''", 1)

type scanner interface{ Scan(dest ...any) error }

func scanDoc(r scanner) (Document, error) {
	var d Document
	err := r.Scan(&d.ID, &d.System, &d.Kind, &d.Origin, &d.Number, &d.Symbol, &d.SymbolIssuer, &d.SymbolUnit, &d.Legal,
		&d.IssuerUnitID, &d.IssuerName, &d.SignerPersonID, &d.SignerName, &d.SignerTitle, &d.Capacity,
		&d.Place, &d.IssuedOn, &d.EffectiveFrom, &d.EffectiveTo, &d.Title, &d.Body, &d.Status, &d.Class, &d.ProtectUntil,
		&d.DeclassifyOn, &d.Published, &d.CreatedBy, &d.CreatedAt, &d.UpdatedAt)
	d.CreatedAt, d.UpdatedAt = d.CreatedAt.UTC(), d.UpdatedAt.UTC()
	return d, err
}

func scanDocs(rows *sql.Rows) ([]Document, error) {
	defer rows.Close()
	var out []Document
	for rows.Next() {
		d, err := scanDoc(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// load reads a document without looking at who asks; problem.ErrNotFound if
// there is none. Callers check access before showing or changing it.
func (s *Store) load(ctx context.Context, id int64) (Document, error) {
	d, err := scanDoc(s.db.R(ctx).QueryRowContext(ctx, `SELECT `+docColumns+` FROM documents d WHERE d.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Document{}, problem.ErrNotFound
	}
	if err != nil {
		return Document{}, fmt.Errorf("documents: load %d: %w", id, err)
	}
	if d.Recipients, err = s.recipients(ctx, id); err != nil {
		return Document{}, err
	}
	return d, nil
}

// Get returns a document the viewer may see. A document that does not exist
// and one the viewer may not see give the same problem.ErrNotFound; reading
// a classified one is audited.
func (s *Store) Get(ctx context.Context, v access.Viewer, id int64) (Document, error) {
	d, err := s.load(ctx, id)
	if err != nil {
		return Document{}, err
	}
	if err := s.access.Check(ctx, v, Entity, id, int(d.Class)); err != nil {
		return Document{}, err
	}
	return d, nil
}

// visible returns document id if the viewer may see it, without auditing
// a read: for validating references (a link target, say).
func (s *Store) visible(ctx context.Context, v access.Viewer, id int64) (Document, error) {
	d, err := s.load(ctx, id)
	if err != nil {
		return Document{}, err
	}
	var args db.Args
	cond := v.Visible(Entity, "d", &args)
	var n int
	if err := s.db.R(ctx).QueryRowContext(ctx, `SELECT count(*) FROM documents d WHERE d.id = `+args.Add(id)+` AND `+cond, args...).Scan(&n); err != nil {
		return Document{}, fmt.Errorf("documents: check access to %d: %w", id, err)
	}
	if n == 0 {
		return Document{}, problem.ErrNotFound
	}
	return d, nil
}

func (s *Store) recipients(ctx context.Context, id int64) ([]Recipient, error) {
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT COALESCE(unit_id, 0), name FROM document_recipients
		WHERE document_id = $1 ORDER BY ordinal`, id)
	if err != nil {
		return nil, fmt.Errorf("documents: recipients of %d: %w", id, err)
	}
	defer rows.Close()
	out := []Recipient{}
	for rows.Next() {
		var r Recipient
		if err := rows.Scan(&r.UnitID, &r.Name); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// record writes the audit entry of a change to a document, with its class.
func (s *Store) record(ctx context.Context, action string, id int64, class auth.Clearance, before, after any) error {
	return s.log.Record(ctx, audit.Change{Action: action, Entity: Entity, EntityID: id, Class: int(class), Before: before, After: after})
}

// writable returns the document for a change by p: it must exist and be
// visible to p, else problem.ErrNotFound.
//
// On PostgreSQL it locks the document's row until the transaction ends, so
// that two changes of one document (two clerks issuing the same draft) run
// one after the other and the second sees the first; SQLite has one writer.
func (s *Store) writable(ctx context.Context, p auth.Principal, id int64) (Document, access.Viewer, error) {
	v, err := s.access.Viewer(ctx, p)
	if err != nil {
		return Document{}, v, err
	}
	if s.db.Dialect == db.Postgres && db.InTx(ctx) {
		if _, err := s.db.W(ctx).ExecContext(ctx, `SELECT id FROM documents WHERE id = $1 FOR UPDATE`, id); err != nil {
			return Document{}, v, fmt.Errorf("documents: lock %d: %w", id, err)
		}
	}
	d, err := s.visible(ctx, v, id)
	return d, v, err
}
