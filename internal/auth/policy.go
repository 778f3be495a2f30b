// Package auth holds accounts, sign-in, sessions, API tokens and the policy
// that decides what a signed-in principal may do. The policy lives here and
// only here: the web and API routers ask Principal.Can for the permission each
// route declares, and the data layer asks Principal.Clearance for the records
// a query may return.
package auth

import (
	"slices"
	"strings"
)

// Role is what a user does in the committee's work.
type Role string

// The roles.
const (
	RoleAdmin  Role = "admin"  // administrator: users, backups, audit
	RoleOffice Role = "office" // committee office: records conferences, documents, tasks
	RoleLeader Role = "leader" // Secretary, deputies, Standing Board: reads everything, dashboards
	RoleUnit   Role = "unit"   // member of a unit: the unit's tasks, reports, indicator values
	RoleEditor Role = "editor" // portal editor
	RoleReader Role = "reader" // reads what their clearance allows
)

// Roles lists every role, most powerful first.
var Roles = []Role{RoleAdmin, RoleOffice, RoleLeader, RoleUnit, RoleEditor, RoleReader}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return slices.Contains(Roles, r) }

// Clearance is the highest security class a user may read.
type Clearance int

// Security classes, as Vietnamese records management names them.
const (
	ClassNone     Clearance = 0 // Thường
	ClassMat      Clearance = 1 // Mật (Confidential)
	ClassToiMat   Clearance = 2 // Tối mật (Secret)
	ClassTuyetMat Clearance = 3 // Tuyệt mật (Top secret)
	MaxClearance            = ClassTuyetMat
)

// Valid reports whether c is a known class.
func (c Clearance) Valid() bool { return c >= ClassNone && c <= MaxClearance }

// Key is the i18n key of the class name ("class.1" is "Mật").
func (c Clearance) Key() string { return "class." + string(rune('0'+c)) }

// ParseClearance reads a class from its number, English name or Vietnamese
// name with or without diacritics ("2", "secret", "Tối mật", "toi-mat").
func ParseClearance(s string) (Clearance, bool) {
	k := strings.ToLower(strings.NewReplacer("-", "", "_", "", " ", "").Replace(strings.TrimSpace(s)))
	switch k {
	case "0", "none", "thường", "thuong":
		return ClassNone, true
	case "1", "confidential", "mật", "mat":
		return ClassMat, true
	case "2", "secret", "tốimật", "toimat":
		return ClassToiMat, true
	case "3", "topsecret", "tuyệtmật", "tuyetmat":
		return ClassTuyetMat, true
	}
	return 0, false
}

// Permission is something a route or an operation requires.
type Permission string

// Permissions. Domain packages add theirs here so that the policy stays in one place.
const (
	// Public marks routes open to everyone (sign-in page, health, static files, portal).
	Public Permission = "public"
	// SignedIn marks routes open to any signed-in user (home, own profile, own tokens).
	SignedIn Permission = "signed_in"

	OrgRead          Permission = "org.read"
	OrgWrite         Permission = "org.write"
	PeopleRead       Permission = "people.read"
	PeopleWrite      Permission = "people.write"
	UsersManage      Permission = "users.manage"
	AuditRead        Permission = "audit.read"
	DocumentsRead    Permission = "documents.read"
	DocumentsWrite   Permission = "documents.write"
	ConferencesRead  Permission = "conferences.read"
	ConferencesWrite Permission = "conferences.write"
	NewsEdit         Permission = "news.edit"    // draft and edit portal articles
	TasksRead        Permission = "tasks.read"   // tasks the reader may see
	TasksWrite       Permission = "tasks.write"  // assign, change, cancel tasks
	TasksReport      Permission = "tasks.report" // report progress on one's unit's tasks
	IndicatorsRead   Permission = "indicators.read"
	IndicatorsWrite  Permission = "indicators.write" // define indicators and targets
	IndicatorsEnter  Permission = "indicators.enter" // enter values for one's unit
	DashboardRead    Permission = "dashboard.read"
	Ingest           Permission = "ingest" // read articles into proposed records and confirm them
	// TokensManage is creating API tokens for oneself: every role may, but
	// never with a token — a token cannot mint a longer-lived or wider one.
	TokensManage Permission = "tokens.manage"
)

// grants is the policy: what each role may do.
var grants = map[Role][]Permission{
	RoleAdmin: {OrgRead, OrgWrite, PeopleRead, PeopleWrite, UsersManage, AuditRead,
		DocumentsRead, DocumentsWrite, ConferencesRead, ConferencesWrite, NewsEdit,
		TasksRead, TasksWrite, TasksReport, IndicatorsRead, IndicatorsWrite, IndicatorsEnter, DashboardRead, Ingest},
	RoleOffice: {OrgRead, OrgWrite, PeopleRead, PeopleWrite,
		DocumentsRead, DocumentsWrite, ConferencesRead, ConferencesWrite, NewsEdit,
		TasksRead, TasksWrite, TasksReport, IndicatorsRead, IndicatorsWrite, IndicatorsEnter, DashboardRead, Ingest},
	RoleLeader: {OrgRead, PeopleRead, DocumentsRead, ConferencesRead, TasksRead, IndicatorsRead, DashboardRead},
	RoleUnit:   {OrgRead, PeopleRead, DocumentsRead, ConferencesRead, TasksRead, TasksReport, IndicatorsRead, IndicatorsEnter},
	RoleEditor: {OrgRead, PeopleRead, DocumentsRead, ConferencesRead, NewsEdit, IndicatorsRead},
	RoleReader: {OrgRead, PeopleRead, DocumentsRead, ConferencesRead, IndicatorsRead},
}

// RoleCan reports whether role r is granted p.
func RoleCan(r Role, p Permission) bool {
	switch p {
	case Public, SignedIn, TokensManage:
		return r.Valid()
	}
	return slices.Contains(grants[r], p)
}

// Scopes of API tokens: "read" allows every *.read permission of the owner,
// "write" every permission of the owner; a permission name allows just that.
const (
	ScopeRead  = "read"
	ScopeWrite = "write"
)

// ValidScope reports whether s may be given to a token.
func ValidScope(s string) bool {
	if s == ScopeRead || s == ScopeWrite {
		return true
	}
	for _, ps := range grants {
		if slices.Contains(ps, Permission(s)) {
			return true
		}
	}
	return false
}

func scopeAllows(scopes []string, p Permission) bool {
	for _, s := range scopes {
		switch {
		case s == ScopeWrite, s == string(p):
			return true
		case s == ScopeRead && strings.HasSuffix(string(p), ".read"):
			return true
		}
	}
	return false
}

// Principal is who is making a request: a user through a session or a token.
type Principal struct {
	User    User
	TokenID int64    // 0 for a browser session
	Scopes  []string // the token's scopes; nil for a session
}

// Anonymous is the principal of a request that is not signed in.
var Anonymous = Principal{}

// SignedIn reports whether there is a user behind the request.
func (p Principal) SignedIn() bool { return p.User.ID != 0 }

// Can reports whether the principal may do what p names. This is the one
// place where roles, disabled accounts and token scopes are consulted.
func (p Principal) Can(perm Permission) bool {
	if perm == Public {
		return true
	}
	if !p.SignedIn() || p.User.Disabled {
		return false
	}
	if !RoleCan(p.User.Role, perm) {
		return false
	}
	if p.TokenID != 0 {
		switch perm {
		case SignedIn:
			return true
		case TokensManage:
			return false
		}
		return scopeAllows(p.Scopes, perm)
	}
	return true
}

// Clearance is the highest class of record the principal may read.
func (p Principal) Clearance() Clearance {
	if !p.SignedIn() || p.User.Disabled {
		return ClassNone
	}
	return p.User.Clearance
}
