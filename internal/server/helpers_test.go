package server_test

import (
	"testing"

	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/demo"
	"plenum/internal/documents"
	"plenum/internal/org"
	"plenum/internal/people"
	"plenum/internal/server/servertest"
)

// peopleQuery lists the people who held posts in the demo unit with code.
func peopleQuery(t *testing.T, e *servertest.Env, code string) people.ListQuery {
	t.Helper()
	u, err := e.App.Org.ByCode(e.Ctx, code, demo.Reform.AddDays(-1))
	if err != nil {
		t.Fatal(err)
	}
	return people.ListQuery{UnitID: u.ID}
}

// provinceUnit creates a province-level unit in force since 2015.
func provinceUnit(t *testing.T, e *servertest.Env, name string, kind org.Kind, parent int64) int64 {
	t.Helper()
	u, err := e.App.Org.Create(e.Ctx, org.CreateInput{NewUnit: org.NewUnit{Kind: kind, Level: org.Province, Name: name, ParentID: parent},
		Act: org.Act{Effective: date.MustParse("2015-01-01")}})
	if err != nil {
		t.Fatal(err)
	}
	return u.ID
}

// provincePlan registers, as the office, a plan the unit issuer issued in
// place on 01/02/2025; a classified one with its reason.
func provincePlan(t *testing.T, e *servertest.Env, issuer int64, place, symbol, title, body string, class auth.Clearance) documents.Document {
	t.Helper()
	in := documents.Input{Kind: "plan", Symbol: symbol, IssuerUnitID: issuer, Title: title, Body: body,
		IssuedOn: date.MustParse("2025-02-01"), Place: place, Class: class}
	if class > 0 {
		in.ClassReason = "Danh mục bí mật nhà nước"
	}
	d, err := e.App.Documents.Create(e.Ctx, auth.Principal{User: e.Users["office"]}, in)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// addClerk adds "clerk", an office clerk cleared for every class whom no
// record's grant names: allowed to write, without a need to know.
func addClerk(t *testing.T, e *servertest.Env) {
	t.Helper()
	clerk, err := e.App.Auth.CreateUser(e.Ctx, auth.NewUser{Username: "clerk", DisplayName: "Chuyên viên khác", Password: servertest.Password,
		Role: auth.RoleOffice, Clearance: auth.ClassTuyetMat})
	if err != nil {
		t.Fatal(err)
	}
	e.Users["clerk"] = clerk
}
