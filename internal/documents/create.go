package documents

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/docsym"
	"plenum/internal/numbering"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// Input registers or drafts a document.
//
// A registered document (Origin external, the default) is issued already:
// its Symbol is typed in and parsed, and its number is observed so that the
// sequence never issues it again. A draft (Origin internal) has no symbol
// yet: SymbolIssuer, SymbolUnit and Legal say how Issue will write the number
// it takes from the sequence.
type Input struct {
	Origin Origin `json:"origin,omitempty"`
	Kind   Kind   `json:"kind"`
	// System is needed for drafts; a registered document takes it from its symbol.
	System       System `json:"system,omitempty"`
	Symbol       string `json:"symbol,omitempty"`
	SymbolIssuer string `json:"symbol_issuer,omitempty"`
	SymbolUnit   string `json:"symbol_unit,omitempty"`
	Legal        bool   `json:"legal,omitempty"`

	IssuerUnitID   int64     `json:"issuer_unit_id,omitempty"`
	IssuerName     string    `json:"issuer_name,omitempty"`
	SignerPersonID int64     `json:"signer_person_id,omitempty"`
	SignerName     string    `json:"signer_name,omitempty"`
	SignerTitle    string    `json:"signer_title,omitempty"`
	Capacity       Capacity  `json:"capacity,omitempty"`
	Place          string    `json:"place,omitempty"`
	IssuedOn       date.Date `json:"issued_on"`
	EffectiveFrom  date.Date `json:"effective_from"`
	EffectiveTo    date.Date `json:"effective_to"`
	Title          string    `json:"title"`
	Body           string    `json:"body,omitempty"`
	// Status of a registered document: issued unless given (a registered
	// document may already be amended, replaced…). Drafts start as draft.
	Status Status `json:"status,omitempty"`

	Class        auth.Clearance `json:"class"`
	ClassReason  string         `json:"class_reason,omitempty"`
	ProtectUntil date.Date      `json:"protect_until"`
	DeclassifyOn date.Date      `json:"declassify_on"`
	Recipients   []Recipient    `json:"recipients,omitempty"`
	// Grants name who, besides the creator and the recipient units, needs
	// to know a classified document.
	Grants []access.Grant `json:"grants,omitempty"`
}

func (in *Input) normalize() {
	if in.Origin == "" {
		in.Origin = External
	}
	in.Symbol = strings.TrimSpace(in.Symbol)
	in.SymbolIssuer = strings.TrimSpace(in.SymbolIssuer)
	in.SymbolUnit = strings.TrimSpace(in.SymbolUnit)
	in.IssuerName = vn.Clean(in.IssuerName)
	in.SignerName = vn.Clean(in.SignerName)
	in.SignerTitle = vn.Clean(in.SignerTitle)
	in.Place = vn.Clean(in.Place)
	in.Title = vn.Clean(in.Title)
	in.Body = vn.CleanText(in.Body)
	in.ClassReason = vn.Clean(in.ClassReason)
	for i := range in.Recipients {
		in.Recipients[i].Name = vn.Clean(in.Recipients[i].Name)
	}
}

// validateClass checks the class a document is created with: nobody
// classifies above their own clearance, and classifying needs a reason.
func (in *Input) validateClass(v *problem.Validation, p auth.Principal) {
	if err := access.CheckClassify(p, int(in.Class), "class"); err != nil {
		f := err.(*problem.Error).Fields[0]
		v.Add(f.Name, f.Key, f.Args...)
	}
	if in.Class > 0 {
		if v.Required("class_reason", in.ClassReason) {
			v.MaxLen("class_reason", in.ClassReason, maxReason)
		}
	}
	checkProtection(v, in.Class, in.IssuedOn, in.ProtectUntil, in.DeclassifyOn)
}

// validate checks what can be checked without the database.
func (in *Input) validate(v *problem.Validation) {
	v.Check(in.Origin == External || in.Origin == Internal, "origin", "error.invalid_choice")
	v.Check(in.Kind.Valid(), "kind", "error.invalid_choice")
	if v.Required("title", in.Title) {
		v.MaxLen("title", in.Title, maxTitle)
	}
	v.MaxLen("body", in.Body, maxBody)
	v.MaxLen("issuer_name", in.IssuerName, maxName)
	v.MaxLen("signer_name", in.SignerName, maxName)
	v.MaxLen("signer_title", in.SignerTitle, maxName)
	v.MaxLen("place", in.Place, maxPlace)
	v.Check(in.IssuerUnitID != 0 || in.IssuerName != "", "issuer_name", "error.required")
	v.Check(in.Capacity == NoCapacity || Capacity(in.Capacity).Label() != "", "capacity", "error.invalid_choice")
	checkDates(v, in.IssuedOn, in.EffectiveFrom, in.EffectiveTo)
	v.Check(len(in.Recipients) <= maxRecipient, "recipients", "documents.error.too_many", maxRecipient)
	for i, r := range in.Recipients {
		if r.UnitID == 0 {
			v.Check(r.Name != "", fmt.Sprintf("recipients[%d].name", i), "error.required")
		}
		v.MaxLen(fmt.Sprintf("recipients[%d].name", i), r.Name, maxName)
	}
	switch in.Origin {
	case External:
		v.Required("symbol", in.Symbol)
		v.Check(!in.IssuedOn.IsZero(), "issued_on", "error.required")
		if in.Status == "" {
			in.Status = Issued
		}
		v.Check(in.Status.Valid() && in.Status != Draft, "status", "error.invalid_choice")
		if in.Status.Ends() {
			v.Check(!in.EffectiveTo.IsZero(), "effective_to", "documents.error.end_required")
		}
	case Internal:
		v.Check(in.Symbol == "", "symbol", "documents.error.draft_symbol")
		v.Check(in.System == Party || in.System == State, "system", "error.invalid_choice")
		v.Required("symbol_issuer", in.SymbolIssuer)
		v.Check(in.Status == "" || in.Status == Draft, "status", "error.invalid_choice")
		in.Status = Draft
	}
}

// checkDates checks that a document takes effect on or after its issue and
// ends after it takes effect.
func checkDates(v *problem.Validation, issued, from, to date.Date) {
	if !issued.IsZero() && !from.IsZero() {
		v.Check(!from.Before(issued), "effective_from", "documents.error.effective_before_issue")
	}
	start := from
	if start.IsZero() {
		start = issued
	}
	if !to.IsZero() && !start.IsZero() {
		v.Check(to.After(start), "effective_to", "error.end_before_start")
	}
}

// checkProtection checks the protection period and declassification date.
func checkProtection(v *problem.Validation, class auth.Clearance, issued, protect, declassify date.Date) {
	if class == 0 {
		v.Check(protect.IsZero(), "protect_until", "documents.error.unclassified_protection")
		v.Check(declassify.IsZero(), "declassify_on", "documents.error.unclassified_protection")
		return
	}
	if !issued.IsZero() {
		v.Check(protect.IsZero() || protect.After(issued), "protect_until", "documents.error.protection_before_issue")
		v.Check(declassify.IsZero() || declassify.After(issued), "declassify_on", "documents.error.protection_before_issue")
	}
}

// symbolError turns a docsym refusal into a field problem.
func symbolError(field string, err error) error {
	var se *docsym.SyntaxError
	if errors.As(err, &se) {
		if se.Suggest != "" {
			return problem.InvalidField(field, "documents.error.symbol_layout", se.Suggest)
		}
		return problem.InvalidField(field, "documents.error.symbol", se.Offset+1, se.Found)
	}
	return problem.InvalidField(field, "documents.error.symbol_parts", strings.TrimPrefix(err.Error(), "docsym: "))
}

// issuerKey identifies an issuer for uniqueness and numbering: a unit by
// id, an outside issuer by its folded name.
func issuerKey(unitID int64, name string) string {
	if unitID != 0 {
		return "u" + strconv.FormatInt(unitID, 10)
	}
	return "n" + vn.Fold(name)
}

// numberingOf returns the numbering scope of a document like sym issued on
// day by an issuer (a unit of the organisation, or an outside issuer by
// name), and the period its number belongs to ("2020-2025" for a Party
// term, "2022" for a State year). A unit's scope follows the rule set for it
// (numbering.Scope); a Party issuer outside every known term numbers by year.
func (s *Store) numberingOf(ctx context.Context, sym docsym.Symbol, day date.Date, unitID int64, issuerName string) (scope, period string, err error) {
	if sym.Year != 0 && sym.Year != day.Year {
		return "", "", problem.InvalidField("issued_on", "documents.error.year_mismatch", sym.Year)
	}
	terms := s.opt.Terms(sym.Issuer)
	if unitID != 0 {
		scope, err = numbering.Scope(ctx, s.db, unitID, sym, day, terms)
	} else {
		var key string
		key, err = docsym.DefaultRule(sym).Key(sym, day, terms)
		scope = issuerKey(0, issuerName) + ":" + key
	}
	if err != nil && sym.System == docsym.Party {
		key, yerr := docsym.ScopeRule{Period: docsym.PerYear, PerKind: true}.Key(sym, day, nil)
		scope, err = issuerKey(unitID, issuerName)+":"+key, yerr
	}
	if err != nil {
		return "", "", symbolError("symbol", err)
	}
	return scope, scope[strings.LastIndexByte(scope, ':')+1:], nil
}

// draftSymbol is the symbol a draft will carry, numbered 1, to check that
// its issuer code, unit and kind make a valid symbol before it is issued.
func draftSymbol(system System, kind Kind, issuer, unit string, legal bool, year int) (docsym.Symbol, error) {
	k, _ := kind.Sym()
	sym := docsym.Symbol{Number: 1, Kind: k, System: system.sym(), Unit: unit, Issuer: issuer}
	if legal {
		if system == Party {
			return sym, problem.InvalidField("legal", "documents.error.party_legal")
		}
		sym.Year = year
	}
	// Let the parser put codes in their canonical case ("ubnd" → "UBND").
	if back, err := docsym.Parse(sym.String()); err == nil && back.Kind == sym.Kind {
		sym = back
	}
	if err := sym.Validate(); err != nil {
		return sym, symbolError("symbol_issuer", err)
	}
	return sym, nil
}

// Create registers a document (or starts a draft) as principal p.
func (s *Store) Create(ctx context.Context, p auth.Principal, in Input) (Document, error) {
	in.normalize()
	var v problem.Validation
	in.validate(&v)
	in.validateClass(&v, p)
	if err := v.Err(); err != nil {
		return Document{}, err
	}
	var out Document
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		d := Document{Origin: in.Origin, Kind: in.Kind, System: in.System, Title: in.Title, Body: in.Body,
			SignerTitle: in.SignerTitle, Capacity: in.Capacity, Place: in.Place, IssuedOn: in.IssuedOn,
			EffectiveFrom: in.EffectiveFrom, EffectiveTo: in.EffectiveTo, Status: in.Status, Class: in.Class,
			ProtectUntil: in.ProtectUntil, DeclassifyOn: in.DeclassifyOn, CreatedBy: p.User.ID}
		if err := s.resolveParties(ctx, &d, in.IssuerUnitID, in.IssuerName, in.SignerPersonID, in.SignerName); err != nil {
			return err
		}
		recipients, err := s.resolveRecipients(ctx, in.Recipients, in.IssuedOn)
		if err != nil {
			return err
		}
		d.Recipients = recipients
		var symKey, scope string
		switch in.Origin {
		case External:
			sym, err := docsym.Parse(in.Symbol)
			if err != nil {
				return symbolError("symbol", err)
			}
			if !kindMatches(sym, in.Kind) {
				return problem.InvalidField("kind", "documents.error.kind_mismatch", sym.Kind.Name("vi"))
			}
			sc, period, err := s.numberingOf(ctx, sym, in.IssuedOn, d.IssuerUnitID, d.IssuerName)
			if err != nil {
				return err
			}
			if err := numbering.Observe(ctx, s.db, sc, int64(sym.Number)); err != nil {
				return err
			}
			d.System, d.Symbol, d.Number = systemOf(sym.System), sym.String(), sym.Number
			d.SymbolIssuer, d.SymbolUnit, d.Legal = sym.Issuer, sym.Unit, sym.Year != 0
			symKey, scope = issuerKey(d.IssuerUnitID, d.IssuerName)+" "+d.Symbol+" "+period, sc
		case Internal:
			year := s.today().Year
			if !in.IssuedOn.IsZero() {
				year = in.IssuedOn.Year
			}
			sym, err := draftSymbol(in.System, in.Kind, in.SymbolIssuer, in.SymbolUnit, in.Legal, year)
			if err != nil {
				return err
			}
			d.SymbolIssuer, d.SymbolUnit, d.Legal = sym.Issuer, sym.Unit, in.Legal
		}
		id, err := s.insert(ctx, d, symKey, scope)
		if err != nil {
			return err
		}
		if err := s.writeRecipients(ctx, id, d.Recipients); err != nil {
			return err
		}
		if err := s.setGrants(ctx, id, d.Class, p.User.ID, in.Grants, d.Recipients); err != nil {
			return err
		}
		if d.Class > 0 {
			if err := s.insertClassification(ctx, id, 0, d.Class, in.ClassReason, d.ProtectUntil, d.DeclassifyOn); err != nil {
				return err
			}
		}
		if out, err = s.load(ctx, id); err != nil {
			return err
		}
		if err := s.index(ctx, out); err != nil {
			return err
		}
		return s.record(ctx, "create", id, out.Class, nil, out)
	})
	return out, err
}

// kindMatches reports whether the kind chosen agrees with the symbol's code.
// A symbol without a kind code (a State letter, a National Assembly law)
// takes the kind chosen.
func kindMatches(sym docsym.Symbol, k Kind) bool {
	if sym.Kind == docsym.Unknown {
		return true
	}
	if sym.System == docsym.State && sym.Kind == docsym.Letter {
		return true
	}
	for _, sk := range sym.Kinds() {
		if KindOf(sk) == k {
			return true
		}
	}
	return false
}

// resolveParties fills the issuer and signer from the organisation and
// people when they are given by id, naming them as they were on the day of
// issue.
func (s *Store) resolveParties(ctx context.Context, d *Document, issuerUnit int64, issuerName string, signerID int64, signerName string) error {
	d.IssuerUnitID, d.IssuerName = issuerUnit, issuerName
	if issuerUnit != 0 {
		u, err := s.units.Get(ctx, issuerUnit, d.IssuedOn)
		if err != nil {
			return problem.InvalidField("issuer_unit_id", "documents.error.unit_unknown")
		}
		if issuerName == "" {
			d.IssuerName = u.Name
		}
	}
	d.SignerPersonID, d.SignerName = signerID, signerName
	if signerID != 0 {
		person, err := s.people.GetPerson(ctx, signerID)
		if err != nil {
			return problem.InvalidField("signer_person_id", "documents.error.person_unknown")
		}
		if signerName == "" {
			d.SignerName = person.FullName
		}
	}
	return nil
}

// resolveRecipients names the recipient units as they were on day.
func (s *Store) resolveRecipients(ctx context.Context, rs []Recipient, day date.Date) ([]Recipient, error) {
	out := make([]Recipient, 0, len(rs))
	for i, r := range rs {
		if r.UnitID != 0 {
			u, err := s.units.Get(ctx, r.UnitID, day)
			if err != nil {
				return nil, problem.InvalidField(fmt.Sprintf("recipients[%d].unit_id", i), "documents.error.unit_unknown")
			}
			if r.Name == "" {
				r.Name = u.Name
			}
		}
		out = append(out, r)
	}
	return out, nil
}

// insert writes a new document; symKey is "" for a document without a symbol.
func (s *Store) insert(ctx context.Context, d Document, symKey, scope string) (int64, error) {
	now := s.clock.Now().UTC()
	var year any
	if !d.IssuedOn.IsZero() {
		year = d.IssuedOn.Year
	}
	var id int64
	err := s.db.W(ctx).QueryRowContext(ctx, `INSERT INTO documents (system, kind, origin, number, symbol, symbol_key,
		symbol_issuer, symbol_unit, symbol_legal, scope, issuer_unit_id, issuer_name, issuer_key, signer_person_id, signer_name,
		signer_title, capacity, place, issued_on, year, effective_from, effective_to, title, body, status, class,
		protect_until, declassify_on, search_key, created_by, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
		$23, $24, $25, $26, $27, $28, $29, $30, $31, $31) RETURNING id`,
		string(d.System), string(d.Kind), string(d.Origin), nullNumber(d.Number), d.Symbol, nullText(symKey),
		d.SymbolIssuer, d.SymbolUnit, d.Legal, scope, db.Null(d.IssuerUnitID), d.IssuerName, issuerKey(d.IssuerUnitID, d.IssuerName),
		db.Null(d.SignerPersonID), d.SignerName, d.SignerTitle, string(d.Capacity), d.Place, db.Null(d.IssuedOn), year,
		db.Null(d.EffectiveFrom), db.Null(d.EffectiveTo), d.Title, d.Body, string(d.Status), int(d.Class),
		db.Null(d.ProtectUntil), db.Null(d.DeclassifyOn), searchKey(d), db.Null(d.CreatedBy), now).Scan(&id)
	if db.IsUniqueViolation(err) {
		// Also when the holder of the number is a document the clerk may
		// not see: an issuer's numbers are one register, classified
		// documents included, and no two may share one. The refusal says
		// only that the number is taken, as for any document (see
		// TestDuplicateSymbolOfAHiddenDocument).
		return 0, problem.ConflictField("symbol", "documents.error.symbol_taken")
	}
	if err != nil {
		return 0, fmt.Errorf("documents: insert: %w", err)
	}
	return id, nil
}

func nullNumber(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

func nullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// searchKey is what the registry's own text filter matches: the folded
// symbol, title and issuer.
func searchKey(d Document) string {
	return vn.Fold(d.Symbol + " " + d.Title + " " + d.IssuerName + " " + d.Kind.Name("vi"))
}

func (s *Store) writeRecipients(ctx context.Context, id int64, rs []Recipient) error {
	q := s.db.W(ctx)
	if _, err := q.ExecContext(ctx, `DELETE FROM document_recipients WHERE document_id = $1`, id); err != nil {
		return fmt.Errorf("documents: clear recipients of %d: %w", id, err)
	}
	for i, r := range rs {
		if _, err := q.ExecContext(ctx, `INSERT INTO document_recipients (document_id, ordinal, unit_id, name) VALUES ($1, $2, $3, $4)`,
			id, i+1, db.Null(r.UnitID), r.Name); err != nil {
			return fmt.Errorf("documents: recipient of %d: %w", id, err)
		}
	}
	return nil
}

// setGrants gives need-to-know on the document to the explicit grants, its
// creator and its recipient units.
func (s *Store) setGrants(ctx context.Context, id int64, class auth.Clearance, creator int64, explicit []access.Grant, rs []Recipient) error {
	var gs []access.Grant
	seen := map[access.Grant]bool{}
	add := func(g access.Grant) {
		if !seen[g] {
			seen[g] = true
			gs = append(gs, g)
		}
	}
	for _, g := range explicit {
		add(g)
	}
	if creator != 0 {
		add(access.Grant{UserID: creator})
	}
	for _, r := range rs {
		if r.UnitID != 0 {
			add(access.Grant{UnitID: r.UnitID})
		}
	}
	return s.access.SetGrants(ctx, Entity, id, int(class), gs)
}
