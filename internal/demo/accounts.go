package demo

import (
	"context"

	"plenum/internal/auth"
)

// Account is a demo sign-in, printed when the demo starts.
type Account struct {
	Username, Password string
	Role               auth.Role
	Clearance          auth.Clearance
	What               string
}

// accounts are the demo's users, one per role, with passwords that are
// printed on start: the demo database is throw-away.
var accounts = []Account{
	{"quantri", "demo-quantri-2026", auth.RoleAdmin, auth.ClassTuyetMat, "administrator: users, audit"},
	{"vanphong", "demo-vanphong-2026", auth.RoleOffice, auth.ClassToiMat, "committee office: records the organisation, people, conferences"},
	{"lanhdao", "demo-lanhdao-2026", auth.RoleLeader, auth.ClassTuyetMat, "leader: reads everything"},
	{"bientap", "demo-bientap-2026", auth.RoleEditor, auth.ClassNone, "portal editor"},
	{"xem", "demo-xem-2026", auth.RoleReader, auth.ClassNone, "reader without clearance"},
}

var accountNames = map[string]string{
	"quantri":  "Quản trị hệ thống",
	"vanphong": "Chuyên viên Văn phòng Tỉnh ủy",
	"lanhdao":  "Lãnh đạo Tỉnh ủy",
	"bientap":  "Biên tập viên Cổng thông tin",
	"xem":      "Người xem",
}

// CreateAccounts adds the demo users and returns them for printing.
func CreateAccounts(ctx context.Context, store *auth.Store) ([]Account, error) {
	for _, a := range accounts {
		if _, err := store.CreateUser(ctx, auth.NewUser{Username: a.Username, DisplayName: accountNames[a.Username],
			Password: a.Password, Role: a.Role, Clearance: a.Clearance, Lang: "vi"}); err != nil {
			return nil, err
		}
	}
	return accounts, nil
}
