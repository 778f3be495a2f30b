package demo

import (
	"context"
	"errors"
	"fmt"

	"plenum/internal/auth"
	"plenum/internal/org"
)

// Account is a demo sign-in, printed when the demo starts.
type Account struct {
	Username, Password string
	Role               auth.Role
	Clearance          auth.Clearance
	What               string
	name, unitCode     string
}

// accounts are the demo's users, one per role, with passwords that are
// printed on start: the demo database is throw-away.
var accounts = []Account{
	{"quantri", "demo-quantri-2026", auth.RoleAdmin, auth.ClassTuyetMat, "administrator: users, audit", "Quản trị hệ thống", ""},
	{"vanphong", "demo-vanphong-2026", auth.RoleOffice, auth.ClassToiMat, "committee office: records the organisation, people, conferences, documents", "Chuyên viên Văn phòng Tỉnh ủy", "thai-nguyen.vp"},
	{"lanhdao", "demo-lanhdao-2026", auth.RoleLeader, auth.ClassTuyetMat, "leader: reads everything, dashboards", "Lãnh đạo Tỉnh ủy", "thai-nguyen.tu"},
	{"donvi", "demo-donvi-2026", auth.RoleUnit, auth.ClassMat, "member of Sở Nội vụ Thái Nguyên: its tasks and figures", "Cán bộ Sở Nội vụ", "thai-nguyen.so-nv"},
	{"bientap", "demo-bientap-2026", auth.RoleEditor, auth.ClassNone, "portal editor", "Biên tập viên Cổng thông tin", ""},
	{"xem", "demo-xem-2026", auth.RoleReader, auth.ClassNone, "reader without clearance", "Người xem", ""},
}

// CreateAccounts adds the demo users, bound to demo units, and returns them for printing.
func CreateAccounts(ctx context.Context, store *auth.Store, units *org.Store) ([]Account, error) {
	for _, a := range accounts {
		var unitID int64
		if a.unitCode != "" {
			u, err := units.ByCode(ctx, a.unitCode, Reform)
			if err != nil {
				return nil, fmt.Errorf("demo: unit %s for %s: %w", a.unitCode, a.Username, err)
			}
			unitID = u.ID
		}
		if _, err := store.CreateUser(ctx, auth.NewUser{Username: a.Username, DisplayName: a.name,
			Password: a.Password, Role: a.Role, Clearance: a.Clearance, UnitID: unitID, Lang: "vi"}); err != nil {
			return nil, err
		}
	}
	return accounts, nil
}

// Office returns the demo's committee office account as a principal, the
// one the demo registry is written as.
func Office(ctx context.Context, store *auth.Store) (auth.Principal, error) {
	users, err := store.Users(ctx)
	if err != nil {
		return auth.Principal{}, err
	}
	for _, u := range users {
		if u.Username == "vanphong" {
			return auth.Principal{User: u}, nil
		}
	}
	return auth.Principal{}, errors.New("demo: the office account vanphong does not exist; create the accounts first")
}
