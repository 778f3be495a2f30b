package documents

import (
	"slices"
	"strings"
	"time"

	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/docsym"
	"plenum/internal/vn"
)

// Entity is the name of documents in the audit log, grants and search index.
const Entity = "document"

// Kind is a document kind, named by a stable slug ("plan", "resolution",
// "joint_circular") made from docsym's table, so that the database does not
// depend on the order of docsym's constants.
type Kind string

var kindBySlug, slugByKind = kindTables()

func kindTables() (map[Kind]docsym.Kind, map[docsym.Kind]Kind) {
	bySlug, byKind := map[Kind]docsym.Kind{}, map[docsym.Kind]Kind{}
	for _, k := range docsym.Kinds() {
		s := Kind(strings.ReplaceAll(vn.Fold(k.Name("en")), " ", "_"))
		bySlug[s], byKind[k] = k, s
	}
	return bySlug, byKind
}

// KindOf returns the slug of a docsym kind ("" for docsym.Unknown).
func KindOf(k docsym.Kind) Kind { return slugByKind[k] }

// Sym returns the docsym kind of k.
func (k Kind) Sym() (docsym.Kind, bool) {
	s, ok := kindBySlug[k]
	return s, ok
}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool { _, ok := kindBySlug[k]; return ok }

// Name returns the kind's name in lang ("Kế hoạch", "Plan").
func (k Kind) Name(lang string) string { return kindBySlug[k].Name(lang) }

// Kinds returns every kind in docsym's table order.
func Kinds() []Kind {
	out := make([]Kind, 0, len(kindBySlug))
	for _, k := range docsym.Kinds() {
		out = append(out, slugByKind[k])
	}
	return out
}

// System is "party" or "state".
type System string

// The document systems.
const (
	Party System = "party"
	State System = "state"
)

func systemOf(s docsym.System) System {
	if s == docsym.Party {
		return Party
	}
	return State
}

func (s System) sym() docsym.System {
	if s == Party {
		return docsym.Party
	}
	return docsym.State
}

// Origin says where a document comes from.
type Origin string

// Origins.
const (
	External Origin = "external" // registered: issued elsewhere, or before Plenum, with its symbol typed in
	Internal Origin = "internal" // drafted in Plenum, numbered in sequence when issued
)

// Status is where a document stands.
type Status string

// Statuses.
const (
	Draft    Status = "draft"
	Issued   Status = "issued"
	Amended  Status = "amended"
	Replaced Status = "replaced"
	Expired  Status = "expired"
	Repealed Status = "repealed"
)

// Statuses lists every status in the order of a document's life.
var Statuses = []Status{Draft, Issued, Amended, Replaced, Expired, Repealed}

// transitions are the allowed status changes: a draft is issued (Issue does
// it, with a number); an issued document may be amended, replaced, expire or
// be repealed; an amended one may be amended again or end; an end is final.
var transitions = map[Status][]Status{
	Draft:   {Issued},
	Issued:  {Amended, Replaced, Expired, Repealed},
	Amended: {Amended, Replaced, Expired, Repealed},
}

// CanBecome reports whether a document in status s may move to t.
func (s Status) CanBecome(t Status) bool { return slices.Contains(transitions[s], t) }

// Next returns the statuses s may move to.
func (s Status) Next() []Status { return transitions[s] }

// Ends reports whether t ends a document's force.
func (s Status) Ends() bool { return s == Replaced || s == Expired || s == Repealed }

// Valid reports whether s is a known status.
func (s Status) Valid() bool { return slices.Contains(Statuses, s) }

// Capacity is the signing capacity written above a signature.
type Capacity string

// Signing capacities.
const (
	NoCapacity Capacity = ""
	OnBehalf   Capacity = "TM"  // T/M: thay mặt (on behalf of a collective body)
	Deputy     Capacity = "KT"  // K/T: ký thay (a deputy signing for the head)
	ByOrder    Capacity = "TL"  // T/L: thừa lệnh
	Authorised Capacity = "TUQ" // TUQ.: thừa ủy quyền
	Acting     Capacity = "Q"   // Q.: quyền (acting head)
)

// Capacities lists the signing capacities.
var Capacities = []Capacity{NoCapacity, OnBehalf, Deputy, ByOrder, Authorised, Acting}

// Label is how the capacity is written on a document: "T/M", "K/T", "TUQ.".
func (c Capacity) Label() string {
	switch c {
	case OnBehalf:
		return "T/M"
	case Deputy:
		return "K/T"
	case ByOrder:
		return "T/L"
	case Authorised:
		return "TUQ."
	case Acting:
		return "Q."
	}
	return ""
}

// ParseCapacity reads a capacity as written ("T/M", "k/t", "TUQ.", "TM").
func ParseCapacity(s string) (Capacity, bool) {
	k := strings.ToUpper(strings.NewReplacer("/", "", ".", "", " ", "").Replace(s))
	for _, c := range Capacities {
		if string(c) == k {
			return c, true
		}
	}
	return "", false
}

// LinkKind is how one document relates to another.
type LinkKind string

// Link kinds: From <kind> To.
const (
	Implements LinkKind = "implements"
	Guides     LinkKind = "guides"
	Amends     LinkKind = "amends"
	Replaces   LinkKind = "replaces"
	Reviews    LinkKind = "reviews"
	Cites      LinkKind = "cites"
)

// LinkKinds lists the link kinds.
var LinkKinds = []LinkKind{Implements, Guides, Amends, Replaces, Reviews, Cites}

// Valid reports whether k is a known link kind.
func (k LinkKind) Valid() bool { return slices.Contains(LinkKinds, k) }

// familyKinds are the links that make a document part of another's family.
var familyKinds = []LinkKind{Implements, Guides, Reviews}

// Recipient is one line of the nơi nhận: a unit, or a name.
type Recipient struct {
	UnitID int64  `json:"unit_id,omitempty"`
	Name   string `json:"name"`
}

// Document is a registered document.
type Document struct {
	ID     int64  `json:"id"`
	System System `json:"system"`
	Kind   Kind   `json:"kind"`
	Origin Origin `json:"origin"`
	// Symbol is the canonical symbol, "" for a draft not yet issued.
	Symbol string `json:"symbol"`
	Number int    `json:"number,omitempty"`
	// SymbolIssuer, SymbolUnit and Legal say how a draft's number will be
	// written: "TU" with unit "BTG" gives 01-HD/BTGTU; Legal puts the year in
	// a State symbol (12/2021/NQ-HĐND).
	SymbolIssuer string `json:"symbol_issuer,omitempty"`
	SymbolUnit   string `json:"symbol_unit,omitempty"`
	Legal        bool   `json:"legal,omitempty"`
	// IssuerUnitID is the issuing unit when it belongs to the organisation;
	// IssuerName is the issuer as written then ("Tỉnh ủy Bắc Kạn", "Bộ Chính trị").
	IssuerUnitID   int64     `json:"issuer_unit_id,omitempty"`
	IssuerName     string    `json:"issuer_name"`
	SignerPersonID int64     `json:"signer_person_id,omitempty"`
	SignerName     string    `json:"signer_name,omitempty"`
	SignerTitle    string    `json:"signer_title,omitempty"`
	Capacity       Capacity  `json:"capacity,omitempty"`
	Place          string    `json:"place,omitempty"`
	IssuedOn       date.Date `json:"issued_on"`
	EffectiveFrom  date.Date `json:"effective_from"`
	EffectiveTo    date.Date `json:"effective_to"`
	// Title is the trích yếu.
	Title        string         `json:"title"`
	Body         string         `json:"body,omitempty"`
	Status       Status         `json:"status"`
	Class        auth.Clearance `json:"class"`
	ProtectUntil date.Date      `json:"protect_until"`
	DeclassifyOn date.Date      `json:"declassify_on"`
	Published    bool           `json:"published"`
	Recipients   []Recipient    `json:"recipients"`
	CreatedBy    int64          `json:"created_by,omitempty"`
	CreatedAt    time.Time      `json:"created_at"`
	UpdatedAt    time.Time      `json:"updated_at"`
}

// Label is how a document is named in lists: "Kế hoạch số 147-KH/TU", or
// the kind and title of a draft.
func (d Document) Label(lang string) string {
	name := d.Kind.Name(lang)
	if d.Symbol == "" {
		return name + " — " + d.Title
	}
	if lang == "en" {
		return name + " No. " + d.Symbol
	}
	return name + " số " + d.Symbol
}

// InForceFrom is the day the document took effect: its effective date, or
// its date of issue when none was given.
func (d Document) InForceFrom() date.Date {
	if d.EffectiveFrom.IsZero() {
		return d.IssuedOn
	}
	return d.EffectiveFrom
}

// InForce reports whether the document is in force on day on: issued (not a
// draft), effective by then, and not yet ended.
func (d Document) InForce(on date.Date) bool {
	if d.Status == Draft || d.IssuedOn.IsZero() {
		return false
	}
	return !on.Before(d.InForceFrom()) && (d.EffectiveTo.IsZero() || on.Before(d.EffectiveTo))
}

// Public reports whether a document may appear on the public portal: it is
// of class thường, issued (not a draft), and was published. The portal uses
// PublicCondition to ask the database the same.
func Public(d Document) bool { return d.Class == 0 && d.Status != Draft && d.Published }

// PublicCondition is Public as an SQL condition on a documents table aliased alias.
func PublicCondition(alias string) string {
	return "(" + alias + ".class = 0 AND " + alias + ".status <> 'draft' AND " + alias + ".published)"
}
