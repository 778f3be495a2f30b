package org_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"plenum/internal/audit"
	"plenum/internal/clock"
	"plenum/internal/clock/clocktest"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/db/dbtest"
	"plenum/internal/org"
	"plenum/internal/problem"
)

// env is a fresh database with an organisation store.
type env struct {
	t   *testing.T
	ctx context.Context
	db  *db.DB
	log *audit.Log
	s   *org.Store
}

func newEnv(t *testing.T) *env {
	t.Helper()
	d := dbtest.New(t)
	log := audit.New(d, clocktest.New(t))
	return &env{t: t, ctx: context.Background(), db: d, log: log, s: org.New(d, log, clocktest.New(t))}
}

func day(s string) date.Date { return date.MustParse(s) }

func act(s string) org.Act { return org.Act{Effective: day(s)} }

// create makes a unit or fails the test.
func (e *env) create(name string, kind org.Kind, level org.Level, parent int64, from string) int64 {
	e.t.Helper()
	u, err := e.s.Create(e.ctx, org.CreateInput{
		NewUnit: org.NewUnit{Kind: kind, Level: level, Name: name, ParentID: parent},
		Act:     act(from),
	})
	if err != nil {
		e.t.Fatalf("create %s: %v", name, err)
	}
	return u.ID
}

func (e *env) get(id int64, asOf string) org.Unit {
	e.t.Helper()
	u, err := e.s.Get(e.ctx, id, day(asOf))
	if err != nil {
		e.t.Fatalf("get %d: %v", id, err)
	}
	return u
}

// counts returns the number of rows in every table a change may touch.
func (e *env) counts() map[string]int {
	e.t.Helper()
	out := map[string]int{}
	for _, table := range []string{"units", "unit_names", "unit_parents", "unit_events", "unit_successions", "posts", "audit_log"} {
		var n int
		if err := e.db.Primary().QueryRowContext(e.ctx, `SELECT count(*) FROM `+table).Scan(&n); err != nil {
			e.t.Fatal(err)
		}
		out[table] = n
	}
	// Open intervals too: a refused operation must not have closed one.
	for _, q := range []string{
		`SELECT count(*) FROM units WHERE valid_to IS NULL`,
		`SELECT count(*) FROM unit_names WHERE valid_to IS NULL`,
		`SELECT count(*) FROM unit_parents WHERE valid_to IS NULL`,
		`SELECT count(*) FROM posts WHERE valid_to IS NULL`,
	} {
		var n int
		if err := e.db.Primary().QueryRowContext(e.ctx, q).Scan(&n); err != nil {
			e.t.Fatal(err)
		}
		out[q] = n
	}
	return out
}

// wantProblem checks that err is a problem with code naming field.
func wantProblem(t *testing.T, err error, code problem.Code, field string) {
	t.Helper()
	p, ok := problem.As(err)
	if !ok {
		t.Fatalf("want a %s problem on %s, got %v", code, field, err)
	}
	if p.Code != code {
		t.Errorf("code = %s, want %s (%v)", p.Code, code, err)
	}
	for _, f := range p.Fields {
		if f.Name == field {
			for _, lang := range []string{"vi", "en"} {
				if msg := p.FieldMessage(lang, field); msg == "" || strings.HasPrefix(msg, "org.") || strings.HasPrefix(msg, "error.") {
					t.Errorf("%s message for %s is %q", lang, field, msg)
				}
			}
			return
		}
	}
	t.Errorf("problem does not name field %s: %v", field, err)
}

// fixture is a small organisation: the Central Committee, two provinces'
// committees, a district with two communes, a People's Committee.
type fixture struct {
	*env
	root, bk, tn, babe, namMau, khangNinh, ubnd int64
}

func newFixture(t *testing.T) *fixture {
	e := newEnv(t)
	f := &fixture{env: e}
	f.root = e.create("Ban Chấp hành Trung ương Đảng", org.PartyCommittee, org.Central, 0, "2000-01-01")
	f.bk = e.create("Tỉnh ủy Bắc Kạn", org.PartyCommittee, org.Province, f.root, "2000-01-01")
	f.tn = e.create("Tỉnh ủy Thái Nguyên", org.PartyCommittee, org.Province, f.root, "2000-01-01")
	f.babe = e.create("Huyện ủy Ba Bể", org.PartyCommittee, org.District, f.bk, "2000-01-01")
	f.namMau = e.create("Đảng ủy xã Nam Mẫu", org.PartyCommittee, org.Commune, f.babe, "2000-01-01")
	f.khangNinh = e.create("Đảng ủy xã Khang Ninh", org.PartyCommittee, org.Commune, f.babe, "2000-01-01")
	f.ubnd = e.create("Ủy ban nhân dân tỉnh Bắc Kạn", org.PeoplesCommittee, org.Province, f.bk, "2000-01-01")
	return f
}

func names(units []org.Unit) []string {
	out := make([]string, len(units))
	for i, u := range units {
		out[i] = u.Name
	}
	return out
}

func TestCreateAndGet(t *testing.T) {
	f := newFixture(t)
	u := f.get(f.namMau, "2010-01-01")
	if u.Name != "Đảng ủy xã Nam Mẫu" || u.ParentID != f.babe || u.Kind != org.PartyCommittee || u.Level != org.Commune || !u.Alive {
		t.Errorf("got %+v", u)
	}
	// Before its life: named as on its first day, not alive.
	u = f.get(f.namMau, "1999-01-01")
	if u.Alive || u.Name != "Đảng ủy xã Nam Mẫu" {
		t.Errorf("before life: %+v", u)
	}
	// Names are stored normalised: NFD input, old tone placement, extra spaces.
	nfd := "Ban  Tuyên giáo Tỉnh u\u0309y   Bắc Kạn "
	id := f.create(nfd, org.PartyAgency, org.Province, f.bk, "2001-01-01")
	if got := f.get(id, "2002-01-01").Name; got != "Ban Tuyên giáo Tỉnh ủy Bắc Kạn" {
		t.Errorf("normalised name = %q", got)
	}
	if _, err := f.s.Get(f.ctx, 9999, day("2010-01-01")); !problem.Is(err, problem.NotFound) {
		t.Errorf("unknown unit: %v", err)
	}
	// A code is unique and found again.
	c, err := f.s.Create(f.ctx, org.CreateInput{
		NewUnit: org.NewUnit{Kind: org.Department, Level: org.Province, Code: "bk.so-tc", Name: "Sở Tài chính tỉnh Bắc Kạn", ParentID: f.ubnd},
		Act:     act("2005-01-01")})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := f.s.ByCode(f.ctx, "bk.so-tc", day("2006-01-01")); err != nil || got.ID != c.ID {
		t.Errorf("ByCode = %+v, %v", got, err)
	}
}

func TestCreateRefusals(t *testing.T) {
	f := newFixture(t)
	// The district ends on 2025-07-01.
	f.create("Đảng ủy xã Cao Thượng", org.PartyCommittee, org.Commune, f.babe, "2000-01-01")
	tests := []struct {
		name  string
		in    org.CreateInput
		code  problem.Code
		field string
	}{
		{"empty name", org.CreateInput{NewUnit: org.NewUnit{Kind: org.Department, Level: org.Province, Name: "  ", ParentID: f.ubnd}, Act: act("2010-01-01")}, problem.Invalid, "name"},
		{"bad kind", org.CreateInput{NewUnit: org.NewUnit{Kind: "ministry", Level: org.Province, Name: "Bộ", ParentID: f.root}, Act: act("2010-01-01")}, problem.Invalid, "kind"},
		{"bad level", org.CreateInput{NewUnit: org.NewUnit{Kind: org.Department, Level: "region", Name: "Sở", ParentID: f.ubnd}, Act: act("2010-01-01")}, problem.Invalid, "level"},
		{"no date", org.CreateInput{NewUnit: org.NewUnit{Kind: org.Department, Level: org.Province, Name: "Sở", ParentID: f.ubnd}}, problem.Invalid, "effective"},
		{"name too long", org.CreateInput{NewUnit: org.NewUnit{Kind: org.Department, Level: org.Province, Name: strings.Repeat("Sở ", 200), ParentID: f.ubnd}, Act: act("2010-01-01")}, problem.Invalid, "name"},
		{"unknown parent", org.CreateInput{NewUnit: org.NewUnit{Kind: org.Department, Level: org.Province, Name: "Sở Y tế", ParentID: 9999}, Act: act("2010-01-01")}, problem.Invalid, "parent_id"},
		{"parent not yet", org.CreateInput{NewUnit: org.NewUnit{Kind: org.Department, Level: org.Province, Name: "Sở Y tế", ParentID: f.ubnd}, Act: act("1999-01-01")}, problem.Invalid, "parent_id"},
		{"parent at lower level", org.CreateInput{NewUnit: org.NewUnit{Kind: org.Department, Level: org.Province, Name: "Sở Y tế", ParentID: f.namMau}, Act: act("2010-01-01")}, problem.Invalid, "parent_id"},
		{"basis too long", org.CreateInput{NewUnit: org.NewUnit{Kind: org.Department, Level: org.Province, Name: "Sở Y tế", ParentID: f.ubnd}, Act: org.Act{Effective: day("2010-01-01"), Basis: strings.Repeat("x", 501)}}, problem.Invalid, "basis"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := f.counts()
			_, err := f.s.Create(f.ctx, tt.in)
			wantProblem(t, err, tt.code, tt.field)
			if after := f.counts(); !mapsEqual(before, after) {
				t.Errorf("partial write: %v → %v", before, after)
			}
		})
	}
	// A parent that ends: create the unit under the district after it is
	// dissolved is refused; before, the open-ended child outlives it.
	if _, err := f.s.Dissolve(f.ctx, org.DissolveInput{UnitID: f.babe, Act: act("2025-07-01")}); err == nil {
		t.Fatal("dissolving a district with communes must be refused")
	}
	ended := f.create("Huyện ủy Pác Nặm", org.PartyCommittee, org.District, f.bk, "2003-01-01")
	if _, err := f.s.Dissolve(f.ctx, org.DissolveInput{UnitID: ended, Act: act("2025-07-01")}); err != nil {
		t.Fatal(err)
	}
	_, err := f.s.Create(f.ctx, org.CreateInput{NewUnit: org.NewUnit{Kind: org.PartyCommittee, Level: org.Commune, Name: "Đảng ủy xã Bộc Bố", ParentID: ended}, Act: act("2020-01-01")})
	wantProblem(t, err, problem.Conflict, "parent_id")
	_, err = f.s.Create(f.ctx, org.CreateInput{NewUnit: org.NewUnit{Kind: org.PartyCommittee, Level: org.Commune, Name: "Đảng ủy xã Bộc Bố", ParentID: ended}, Act: act("2026-01-01")})
	wantProblem(t, err, problem.Invalid, "parent_id")
	// Duplicate code.
	in := org.CreateInput{NewUnit: org.NewUnit{Kind: org.Department, Level: org.Province, Code: "X1", Name: "Sở Y tế", ParentID: f.ubnd}, Act: act("2010-01-01")}
	if _, err := f.s.Create(f.ctx, in); err != nil {
		t.Fatal(err)
	}
	_, err = f.s.Create(f.ctx, in)
	wantProblem(t, err, problem.Conflict, "code")
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestRename(t *testing.T) {
	f := newFixture(t)
	// Record a later rename first, then one before it: the new name lasts
	// until the later one.
	if _, err := f.s.Rename(f.ctx, org.RenameInput{UnitID: f.babe, Name: "Huyện ủy Ba Bể (2020)", Act: act("2020-01-01")}); err != nil {
		t.Fatal(err)
	}
	u, err := f.s.Rename(f.ctx, org.RenameInput{UnitID: f.babe, Name: "Huyện ủy Ba Bể (2010)", ShortName: "HU Ba Bể", Act: org.Act{Effective: day("2010-01-01"), Basis: "Quyết định số 1"}})
	if err != nil {
		t.Fatal(err)
	}
	if u.Name != "Huyện ủy Ba Bể (2010)" || u.ShortName != "HU Ba Bể" {
		t.Errorf("Rename returned %+v", u)
	}
	for _, c := range []struct{ on, want string }{
		{"2009-12-31", "Huyện ủy Ba Bể"},
		{"2010-01-01", "Huyện ủy Ba Bể (2010)"},
		{"2019-12-31", "Huyện ủy Ba Bể (2010)"},
		{"2020-01-01", "Huyện ủy Ba Bể (2020)"},
		{"2030-01-01", "Huyện ủy Ba Bể (2020)"},
	} {
		if got := f.get(f.babe, c.on).Name; got != c.want {
			t.Errorf("name on %s = %q, want %q", c.on, got, c.want)
		}
	}
	h, err := f.s.History(f.ctx, f.babe)
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Names) != 3 || h.Names[0].ValidTo != day("2010-01-01") || h.Names[1].ValidTo != day("2020-01-01") || !h.Names[2].ValidTo.IsZero() {
		t.Errorf("name history %+v", h.Names)
	}
	if len(h.Events) != 3 || h.Events[1].Kind != org.EventRename || h.Events[1].Basis != "Quyết định số 1" {
		t.Errorf("events %+v", h.Events)
	}

	tests := []struct {
		name  string
		in    org.RenameInput
		code  problem.Code
		field string
	}{
		{"same name", org.RenameInput{UnitID: f.bk, Name: "Tỉnh ủy  Bắc Kạn", Act: act("2010-01-01")}, problem.Invalid, "name"},
		{"empty name", org.RenameInput{UnitID: f.bk, Name: "", Act: act("2010-01-01")}, problem.Invalid, "name"},
		{"no unit", org.RenameInput{Name: "X", Act: act("2010-01-01")}, problem.Invalid, "unit_id"},
		{"unknown unit", org.RenameInput{UnitID: 9999, Name: "X", Act: act("2010-01-01")}, problem.NotFound, "unit_id"},
		{"before life", org.RenameInput{UnitID: f.bk, Name: "X", Act: act("1990-01-01")}, problem.Invalid, "effective"},
		{"on first day", org.RenameInput{UnitID: f.bk, Name: "X", Act: act("2000-01-01")}, problem.Invalid, "effective"},
		{"same day as another rename", org.RenameInput{UnitID: f.babe, Name: "X", Act: act("2020-01-01")}, problem.Conflict, "effective"},
		{"no date", org.RenameInput{UnitID: f.bk, Name: "X"}, problem.Invalid, "effective"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := f.counts()
			_, err := f.s.Rename(f.ctx, tt.in)
			wantProblem(t, err, tt.code, tt.field)
			if after := f.counts(); !mapsEqual(before, after) {
				t.Errorf("partial write: %v → %v", before, after)
			}
		})
	}
	// After the unit ended.
	if _, err := f.s.Dissolve(f.ctx, org.DissolveInput{UnitID: f.ubnd, Act: act("2025-07-01")}); err != nil {
		t.Fatal(err)
	}
	_, err = f.s.Rename(f.ctx, org.RenameInput{UnitID: f.ubnd, Name: "X", Act: act("2025-07-01")})
	wantProblem(t, err, problem.Conflict, "effective")
}

func TestMove(t *testing.T) {
	f := newFixture(t)
	u, err := f.s.Move(f.ctx, org.MoveInput{UnitID: f.namMau, ParentID: f.tn, Act: act("2025-07-01")})
	if err != nil {
		t.Fatal(err)
	}
	if u.ParentID != f.tn {
		t.Errorf("moved %+v", u)
	}
	if p := f.get(f.namMau, "2025-06-30").ParentID; p != f.babe {
		t.Errorf("parent before = %d", p)
	}
	path, err := f.s.Path(f.ctx, f.namMau, day("2025-07-01"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(names(path), " › "); got != "Ban Chấp hành Trung ương Đảng › Tỉnh ủy Thái Nguyên › Đảng ủy xã Nam Mẫu" {
		t.Errorf("path after = %s", got)
	}
	path, _ = f.s.Path(f.ctx, f.namMau, day("2020-01-01"))
	if got := strings.Join(names(path), " › "); got != "Ban Chấp hành Trung ương Đảng › Tỉnh ủy Bắc Kạn › Huyện ủy Ba Bể › Đảng ủy xã Nam Mẫu" {
		t.Errorf("path before = %s", got)
	}

	// Cycles: A under BK, B under A; A under B is a cycle now, and also when
	// B leaves A only later.
	a := f.create("Ban A", org.PartyAgency, org.Province, f.bk, "2000-01-01")
	b := f.create("Ban B", org.PartyAgency, org.Province, a, "2000-01-01")
	if _, err := f.s.Move(f.ctx, org.MoveInput{UnitID: b, ParentID: f.bk, Act: act("2030-01-01")}); err != nil {
		t.Fatal(err)
	}
	ended := f.create("Ban C", org.PartyAgency, org.Province, f.bk, "2000-01-01")
	if _, err := f.s.Dissolve(f.ctx, org.DissolveInput{UnitID: ended, Act: act("2010-01-01")}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		in    org.MoveInput
		code  problem.Code
		field string
	}{
		{"cycle", org.MoveInput{UnitID: a, ParentID: b, Act: act("2020-01-01")}, problem.Conflict, "parent_id"},
		{"cycle through the past", org.MoveInput{UnitID: a, ParentID: b, Act: act("2001-01-01")}, problem.Conflict, "parent_id"},
		{"under itself", org.MoveInput{UnitID: a, ParentID: a, Act: act("2020-01-01")}, problem.Conflict, "parent_id"},
		{"under its grandchild", org.MoveInput{UnitID: f.babe, ParentID: f.khangNinh, Act: act("2020-01-01")}, problem.Invalid, "parent_id"},
		{"same parent", org.MoveInput{UnitID: a, ParentID: f.bk, Act: act("2020-01-01")}, problem.Invalid, "parent_id"},
		{"unknown parent", org.MoveInput{UnitID: a, ParentID: 9999, Act: act("2020-01-01")}, problem.Invalid, "parent_id"},
		{"no parent", org.MoveInput{UnitID: a, Act: act("2020-01-01")}, problem.Invalid, "parent_id"},
		{"parent ended", org.MoveInput{UnitID: a, ParentID: ended, Act: act("2005-01-01")}, problem.Conflict, "parent_id"},
		{"parent gone", org.MoveInput{UnitID: a, ParentID: ended, Act: act("2020-01-01")}, problem.Invalid, "parent_id"},
		{"lower level", org.MoveInput{UnitID: f.ubnd, ParentID: f.babe, Act: act("2020-01-01")}, problem.Invalid, "parent_id"},
		{"unknown unit", org.MoveInput{UnitID: 9999, ParentID: f.bk, Act: act("2020-01-01")}, problem.NotFound, "unit_id"},
		{"same day as another move", org.MoveInput{UnitID: f.namMau, ParentID: f.bk, Act: act("2025-07-01")}, problem.Conflict, "effective"},
		{"before life", org.MoveInput{UnitID: a, ParentID: f.tn, Act: act("1999-01-01")}, problem.Invalid, "effective"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := f.counts()
			_, err := f.s.Move(f.ctx, tt.in)
			wantProblem(t, err, tt.code, tt.field)
			if after := f.counts(); !mapsEqual(before, after) {
				t.Errorf("partial write: %v → %v", before, after)
			}
		})
	}
	// After B has left A, A may go under B.
	if _, err := f.s.Move(f.ctx, org.MoveInput{UnitID: a, ParentID: b, Act: act("2031-01-01")}); err != nil {
		t.Errorf("move after the cycle is gone: %v", err)
	}
	// The cycle check catches a window: B under A until 2030; moving A under
	// B from 2029 would cycle in 2029, even though A's parent interval
	// starting 2031 is already recorded.
	_, err = f.s.Move(f.ctx, org.MoveInput{UnitID: a, ParentID: b, Act: act("2029-01-01")})
	wantProblem(t, err, problem.Conflict, "parent_id")
}

func TestDissolve(t *testing.T) {
	f := newFixture(t)
	// Children in the way: named in the refusal.
	before := f.counts()
	_, err := f.s.Dissolve(f.ctx, org.DissolveInput{UnitID: f.babe, Act: act("2025-07-01")})
	wantProblem(t, err, problem.Conflict, "unit_id")
	if p, _ := problem.As(err); !strings.Contains(p.Message("vi"), "Đảng ủy xã Nam Mẫu") || !strings.Contains(p.Message("en"), "Đảng ủy xã Khang Ninh") {
		t.Errorf("refusal does not name the children: %s", p.Message("vi"))
	}
	if after := f.counts(); !mapsEqual(before, after) {
		t.Errorf("partial write: %v → %v", before, after)
	}
	// Move and dissolve the children first, then the district goes.
	if _, err := f.s.Move(f.ctx, org.MoveInput{UnitID: f.namMau, ParentID: f.bk, Act: act("2025-07-01")}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Dissolve(f.ctx, org.DissolveInput{UnitID: f.khangNinh, Act: act("2025-07-01")}); err != nil {
		t.Fatal(err)
	}
	u, err := f.s.Dissolve(f.ctx, org.DissolveInput{UnitID: f.babe, Act: org.Act{Effective: day("2025-07-01"), Basis: "Luật Tổ chức chính quyền địa phương năm 2025"}})
	if err != nil {
		t.Fatal(err)
	}
	if u.ValidTo != day("2025-07-01") || u.EndReason != org.Dissolved || u.Alive {
		t.Errorf("dissolved: %+v", u)
	}
	if !f.get(f.babe, "2025-06-30").Alive || f.get(f.babe, "2025-07-01").Alive {
		t.Error("life does not end on the effective date")
	}
	tests := []struct {
		name  string
		in    org.DissolveInput
		code  problem.Code
		field string
	}{
		{"already dissolved", org.DissolveInput{UnitID: f.babe, Act: act("2026-01-01")}, problem.Conflict, "unit_id"},
		{"before life", org.DissolveInput{UnitID: f.tn, Act: act("1999-01-01")}, problem.Invalid, "effective"},
		{"unknown", org.DissolveInput{UnitID: 9999, Act: act("2026-01-01")}, problem.NotFound, "unit_id"},
		{"no date", org.DissolveInput{UnitID: f.tn}, problem.Invalid, "effective"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := f.counts()
			_, err := f.s.Dissolve(f.ctx, tt.in)
			wantProblem(t, err, tt.code, tt.field)
			if after := f.counts(); !mapsEqual(before, after) {
				t.Errorf("partial write: %v → %v", before, after)
			}
		})
	}
	// Changes recorded after the date stand in the way.
	x := f.create("Ban X", org.PartyAgency, org.Province, f.tn, "2000-01-01")
	if _, err := f.s.Rename(f.ctx, org.RenameInput{UnitID: x, Name: "Ban Y", Act: act("2020-01-01")}); err != nil {
		t.Fatal(err)
	}
	_, err = f.s.Dissolve(f.ctx, org.DissolveInput{UnitID: x, Act: act("2015-01-01")})
	wantProblem(t, err, problem.Conflict, "effective")
	// So does a merge into it recorded for a later date.
	y := f.create("Ban Z", org.PartyAgency, org.Province, f.tn, "2000-01-01")
	if _, err := f.s.Merge(f.ctx, org.MergeInput{SourceIDs: []int64{y}, TargetID: x, Act: act("2026-01-01")}); err != nil {
		t.Fatal(err)
	}
	before = f.counts()
	_, err = f.s.Dissolve(f.ctx, org.DissolveInput{UnitID: x, Act: act("2025-07-01")})
	wantProblem(t, err, problem.Conflict, "effective")
	if after := f.counts(); !mapsEqual(before, after) {
		t.Errorf("partial write: %v → %v", before, after)
	}
}

func TestDissolveEndsPosts(t *testing.T) {
	f := newFixture(t)
	var person int64
	if err := f.db.Primary().QueryRowContext(f.ctx, `INSERT INTO persons (full_name, sort_key, search_key, created_at, updated_at)
		VALUES ('Nguyễn Văn An', 'an', 'nguyen van an', $1, $1) RETURNING id`, day("2020-01-01").Time(clock.Vietnam)).Scan(&person); err != nil {
		t.Fatal(err)
	}
	insertPost := func(from string) {
		if _, err := f.db.Primary().ExecContext(f.ctx, `INSERT INTO posts (person_id, position_code, unit_id, title, valid_from, created_at, updated_at)
			VALUES ($1, 'committee_chair', $2, 'Chủ tịch UBND tỉnh Bắc Kạn', $3, $4, $4)`, person, f.ubnd, day(from), day("2020-01-01").Time(clock.Vietnam)); err != nil {
			t.Fatal(err)
		}
	}
	insertPost("2021-06-28")
	insertPost("2025-08-01")
	_, err := f.s.Dissolve(f.ctx, org.DissolveInput{UnitID: f.ubnd, Act: act("2025-07-01")})
	wantProblem(t, err, problem.Conflict, "effective")
	if _, err := f.db.Primary().ExecContext(f.ctx, `DELETE FROM posts WHERE valid_from = $1`, day("2025-08-01")); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Dissolve(f.ctx, org.DissolveInput{UnitID: f.ubnd, Act: act("2025-07-01")}); err != nil {
		t.Fatal(err)
	}
	var to date.Date
	if err := f.db.Primary().QueryRowContext(f.ctx, `SELECT valid_to FROM posts`).Scan(&to); err != nil || to != day("2025-07-01") {
		t.Errorf("post end = %v, %v", to, err)
	}
	entries, err := f.log.List(f.ctx, audit.Filter{Entity: "post"})
	if err != nil || len(entries) != 1 || entries[0].Action != "end" {
		t.Errorf("post audit = %+v, %v", entries, err)
	}
}

func TestMergeIntoExisting(t *testing.T) {
	f := newFixture(t)
	tnUbnd := f.create("Ủy ban nhân dân tỉnh Thái Nguyên", org.PeoplesCommittee, org.Province, f.tn, "2000-01-01")
	// Bắc Kạn still has units under it: refused, naming them.
	before := f.counts()
	_, err := f.s.Merge(f.ctx, org.MergeInput{SourceIDs: []int64{f.bk}, TargetID: f.tn, Act: act("2025-07-01")})
	wantProblem(t, err, problem.Conflict, "source_ids[0]")
	if after := f.counts(); !mapsEqual(before, after) {
		t.Errorf("partial write: %v → %v", before, after)
	}
	// Merge the People's Committee into its counterpart, then the committee
	// with its remaining children adopted.
	if _, err := f.s.Merge(f.ctx, org.MergeInput{SourceIDs: []int64{f.ubnd}, TargetID: tnUbnd, Act: act("2025-07-01")}); err != nil {
		t.Fatal(err)
	}
	u, err := f.s.Merge(f.ctx, org.MergeInput{SourceIDs: []int64{f.bk}, TargetID: f.tn, AdoptChildren: true,
		Act: org.Act{Effective: day("2025-07-01"), Basis: "Nghị quyết số 202/2025/QH15"}})
	if err != nil {
		t.Fatal(err)
	}
	if u.ID != f.tn || !u.Alive {
		t.Errorf("target %+v", u)
	}
	bk := f.get(f.bk, "2025-07-01")
	if bk.Alive || bk.EndReason != org.Merged || bk.Name != "Tỉnh ủy Bắc Kạn" {
		t.Errorf("source after %+v", bk)
	}
	if p := f.get(f.babe, "2025-07-01").ParentID; p != f.tn {
		t.Errorf("adopted child's parent = %d", p)
	}
	lin, err := f.s.Lineage(f.ctx, f.tn)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(lin, []int64{f.tn, f.bk}) {
		t.Errorf("lineage of TN = %v", lin)
	}
	pred, err := f.s.Predecessors(f.ctx, f.tn)
	if err != nil || len(pred) != 1 || pred[0].Unit.ID != f.bk || pred[0].Unit.Name != "Tỉnh ủy Bắc Kạn" || pred[0].Kind != org.EventMerge || pred[0].Basis != "Nghị quyết số 202/2025/QH15" {
		t.Errorf("predecessors %+v, %v", pred, err)
	}
	succ, err := f.s.Successors(f.ctx, f.bk)
	if err != nil || len(succ) != 1 || succ[0].Unit.ID != f.tn || succ[0].Effective != day("2025-07-01") {
		t.Errorf("successors %+v, %v", succ, err)
	}
	h, err := f.s.History(f.ctx, f.bk)
	if err != nil {
		t.Fatal(err)
	}
	last := h.Events[len(h.Events)-1]
	if last.Kind != org.EventMerge || last.UnitID != f.tn || len(last.Predecessors) != 1 || last.Successors[0].Name != "Tỉnh ủy Thái Nguyên" {
		t.Errorf("merge event in source history %+v", last)
	}
	// Children of a merged unit are not in the tree under it after the date.
	kids, _ := f.s.Children(f.ctx, f.bk, day("2025-07-01"))
	if len(kids) != 0 {
		t.Errorf("merged unit still has children %v", names(kids))
	}
}

func TestMergeIntoNew(t *testing.T) {
	f := newFixture(t)
	u, err := f.s.Merge(f.ctx, org.MergeInput{
		SourceIDs: []int64{f.namMau, f.khangNinh},
		NewTarget: &org.NewUnit{Kind: org.PartyCommittee, Level: org.Commune, Name: "Đảng ủy xã Ba Bể", ParentID: f.babe},
		Act:       act("2025-07-01"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if u.ValidFrom != day("2025-07-01") || u.Name != "Đảng ủy xã Ba Bể" || u.ParentID != f.babe {
		t.Errorf("new target %+v", u)
	}
	lin, _ := f.s.Lineage(f.ctx, u.ID)
	if !slices.Equal(lin, []int64{u.ID, f.namMau, f.khangNinh}) {
		t.Errorf("lineage %v", lin)
	}
	kids, _ := f.s.Children(f.ctx, f.babe, day("2025-07-01"))
	if got := names(kids); !slices.Equal(got, []string{"Đảng ủy xã Ba Bể"}) {
		t.Errorf("children after merge %v", got)
	}
	// Transitive lineage: merge the new commune into another.
	other := f.create("Đảng ủy xã Chợ Rã", org.PartyCommittee, org.Commune, f.babe, "2000-01-01")
	if _, err := f.s.Merge(f.ctx, org.MergeInput{SourceIDs: []int64{u.ID}, TargetID: other, Act: act("2026-01-01")}); err != nil {
		t.Fatal(err)
	}
	lin, _ = f.s.Lineage(f.ctx, other)
	if !slices.Equal(lin, []int64{other, f.namMau, f.khangNinh, u.ID}) {
		t.Errorf("transitive lineage %v", lin)
	}
}

func TestMergeRefusals(t *testing.T) {
	f := newFixture(t)
	gone := f.create("Ban Cũ", org.PartyAgency, org.Province, f.bk, "2000-01-01")
	if _, err := f.s.Dissolve(f.ctx, org.DissolveInput{UnitID: gone, Act: act("2010-01-01")}); err != nil {
		t.Fatal(err)
	}
	late := f.create("Đảng ủy xã Mới", org.PartyCommittee, org.Commune, f.babe, "2030-01-01")
	// A commune with a recorded future move away from the district: a merge
	// that adopts children moves Nam Mẫu first, then is refused because of
	// Khang Ninh — the adoption must be rolled back too.
	if _, err := f.s.Move(f.ctx, org.MoveInput{UnitID: f.khangNinh, ParentID: f.bk, Act: act("2030-01-01")}); err != nil {
		t.Fatal(err)
	}
	f.create("Đảng ủy xã Sau", org.PartyCommittee, org.Commune, f.babe, "2027-01-01")
	newUnit := func(name string, parent int64) *org.NewUnit {
		return &org.NewUnit{Kind: org.PartyCommittee, Level: org.Commune, Name: name, ParentID: parent}
	}
	tests := []struct {
		name  string
		in    org.MergeInput
		code  problem.Code
		field string
	}{
		{"into itself", org.MergeInput{SourceIDs: []int64{f.namMau}, TargetID: f.namMau, Act: act("2025-07-01")}, problem.Invalid, "target_id"},
		{"into a dissolved unit", org.MergeInput{SourceIDs: []int64{f.namMau}, TargetID: gone, Act: act("2025-07-01")}, problem.Conflict, "target_id"},
		{"into a unit not yet created", org.MergeInput{SourceIDs: []int64{f.namMau}, TargetID: late, Act: act("2025-07-01")}, problem.Invalid, "target_id"},
		{"unknown target", org.MergeInput{SourceIDs: []int64{f.namMau}, TargetID: 9999, Act: act("2025-07-01")}, problem.Invalid, "target_id"},
		{"no sources", org.MergeInput{TargetID: f.namMau, Act: act("2025-07-01")}, problem.Invalid, "source_ids"},
		{"twice the same source", org.MergeInput{SourceIDs: []int64{f.namMau, f.namMau}, TargetID: f.tn, Act: act("2025-07-01")}, problem.Invalid, "source_ids[1]"},
		{"unknown source", org.MergeInput{SourceIDs: []int64{f.namMau, 9999}, TargetID: f.tn, Act: act("2025-07-01")}, problem.Invalid, "source_ids[1]"},
		{"dissolved source", org.MergeInput{SourceIDs: []int64{gone}, TargetID: f.tn, Act: act("2025-07-01")}, problem.Conflict, "source_ids[0]"},
		{"neither target", org.MergeInput{SourceIDs: []int64{f.namMau}, Act: act("2025-07-01")}, problem.Invalid, "target_id"},
		{"both targets", org.MergeInput{SourceIDs: []int64{f.namMau}, TargetID: f.tn, NewTarget: newUnit("X", f.babe), Act: act("2025-07-01")}, problem.Invalid, "target_id"},
		{"target under a source", org.MergeInput{SourceIDs: []int64{f.babe}, TargetID: f.namMau, Act: act("2025-07-01")}, problem.Conflict, "target_id"},
		{"new target under a source", org.MergeInput{SourceIDs: []int64{f.babe}, NewTarget: newUnit("X", f.babe), Act: act("2025-07-01")}, problem.Conflict, "new_target.parent_id"},
		{"new target without name", org.MergeInput{SourceIDs: []int64{f.namMau}, NewTarget: newUnit(" ", f.babe), Act: act("2025-07-01")}, problem.Invalid, "new_target.name"},
		{"new target at a wrong level", org.MergeInput{SourceIDs: []int64{f.namMau}, NewTarget: &org.NewUnit{Kind: org.PartyCommittee, Level: org.Province, Name: "X", ParentID: f.babe}, Act: act("2025-07-01")}, problem.Invalid, "new_target.parent_id"},
		{"effective before the source", org.MergeInput{SourceIDs: []int64{f.namMau}, TargetID: f.khangNinh, Act: act("1999-01-01")}, problem.Invalid, "effective"},
		{"orphans", org.MergeInput{SourceIDs: []int64{f.babe}, TargetID: f.bk, Act: act("2025-07-01")}, problem.Conflict, "source_ids[0]"},
		{"orphans after adopting some", org.MergeInput{SourceIDs: []int64{f.babe}, TargetID: f.tn, AdoptChildren: true, Act: act("2025-07-01")}, problem.Conflict, "source_ids[0]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := f.counts()
			_, err := f.s.Merge(f.ctx, tt.in)
			wantProblem(t, err, tt.code, tt.field)
			if after := f.counts(); !mapsEqual(before, after) {
				t.Errorf("partial write: %v → %v", before, after)
			}
		})
	}
	if p := f.get(f.namMau, "2025-07-02").ParentID; p != f.babe {
		t.Errorf("a refused merge left Nam Mẫu under %d", p)
	}
}

func TestSplit(t *testing.T) {
	f := newFixture(t)
	parts, err := f.s.Split(f.ctx, org.SplitInput{
		SourceID: f.babe,
		Into: []org.SplitPart{
			{New: &org.NewUnit{Kind: org.PartyCommittee, Level: org.District, Name: "Huyện ủy Ba Bể Bắc", ParentID: f.bk}, Children: []int64{f.namMau}},
			{New: &org.NewUnit{Kind: org.PartyCommittee, Level: org.District, Name: "Huyện ủy Ba Bể Nam", ParentID: f.bk}, Children: []int64{f.khangNinh}},
		},
		Act: act("2012-01-01"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(parts) != 2 || parts[0].Name != "Huyện ủy Ba Bể Bắc" || parts[1].ValidFrom != day("2012-01-01") {
		t.Fatalf("parts %+v", parts)
	}
	if p := f.get(f.namMau, "2012-01-01").ParentID; p != parts[0].ID {
		t.Errorf("child moved to %d", p)
	}
	old := f.get(f.babe, "2012-01-01")
	if old.Alive || old.EndReason != org.SplitUp {
		t.Errorf("source %+v", old)
	}
	succ, _ := f.s.Successors(f.ctx, f.babe)
	if len(succ) != 2 || succ[0].Kind != org.EventSplit {
		t.Errorf("successors %+v", succ)
	}
	lin, _ := f.s.Lineage(f.ctx, parts[1].ID)
	if !slices.Equal(lin, []int64{parts[1].ID, f.babe}) {
		t.Errorf("lineage %v", lin)
	}
	// A split in which the source continues and gives part to an existing unit.
	if _, err := f.s.Split(f.ctx, org.SplitInput{SourceID: f.bk, SourceContinues: true,
		Into: []org.SplitPart{{UnitID: f.tn, Children: []int64{parts[1].ID}}}, Act: act("2013-01-01")}); err != nil {
		t.Fatal(err)
	}
	if !f.get(f.bk, "2014-01-01").Alive || f.get(parts[1].ID, "2014-01-01").ParentID != f.tn {
		t.Error("continuing split")
	}
	lin, _ = f.s.Lineage(f.ctx, f.tn)
	if !slices.Equal(lin, []int64{f.tn, f.bk}) {
		t.Errorf("lineage of the receiving unit %v", lin)
	}

	nu := func(name string, parent int64) *org.NewUnit {
		return &org.NewUnit{Kind: org.PartyCommittee, Level: org.District, Name: name, ParentID: parent}
	}
	tests := []struct {
		name  string
		in    org.SplitInput
		code  problem.Code
		field string
	}{
		{"one part", org.SplitInput{SourceID: parts[0].ID, Into: []org.SplitPart{{New: nu("X", f.bk)}}, Act: act("2020-01-01")}, problem.Invalid, "into"},
		{"part with both", org.SplitInput{SourceID: parts[0].ID, Into: []org.SplitPart{{UnitID: f.tn, New: nu("X", f.bk)}, {New: nu("Y", f.bk)}}, Act: act("2020-01-01")}, problem.Invalid, "into[0]"},
		{"part with neither", org.SplitInput{SourceID: parts[0].ID, Into: []org.SplitPart{{}, {New: nu("Y", f.bk)}}, Act: act("2020-01-01")}, problem.Invalid, "into[0]"},
		{"into itself", org.SplitInput{SourceID: parts[0].ID, Into: []org.SplitPart{{UnitID: parts[0].ID}, {New: nu("Y", f.bk)}}, Act: act("2020-01-01")}, problem.Invalid, "into[0].unit_id"},
		{"new part without name", org.SplitInput{SourceID: parts[0].ID, Into: []org.SplitPart{{New: nu("", f.bk)}, {New: nu("Y", f.bk)}}, Act: act("2020-01-01")}, problem.Invalid, "into[0].new.name"},
		{"not a child", org.SplitInput{SourceID: parts[0].ID, Into: []org.SplitPart{{New: nu("X", f.bk), Children: []int64{f.khangNinh}}, {New: nu("Y", f.bk)}}, Act: act("2020-01-01")}, problem.Invalid, "into[0].children[0]"},
		{"children left behind", org.SplitInput{SourceID: parts[0].ID, Into: []org.SplitPart{{New: nu("X", f.bk)}, {New: nu("Y", f.bk)}}, Act: act("2020-01-01")}, problem.Conflict, "source_id"},
		{"new part under the source", org.SplitInput{SourceID: parts[0].ID, Into: []org.SplitPart{{New: nu("X", parts[0].ID)}, {New: nu("Y", f.bk)}}, Act: act("2020-01-01")}, problem.Conflict, "into[0].new.parent_id"},
		{"unknown source", org.SplitInput{SourceID: 9999, Into: []org.SplitPart{{New: nu("X", f.bk)}, {New: nu("Y", f.bk)}}, Act: act("2020-01-01")}, problem.NotFound, "source_id"},
		{"ended source", org.SplitInput{SourceID: f.babe, Into: []org.SplitPart{{New: nu("X", f.bk)}, {New: nu("Y", f.bk)}}, Act: act("2020-01-01")}, problem.Conflict, "source_id"},
		{"into an ended unit", org.SplitInput{SourceID: parts[0].ID, SourceContinues: true, Into: []org.SplitPart{{UnitID: f.babe}}, Act: act("2020-01-01")}, problem.Conflict, "into[0].unit_id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := f.counts()
			_, err := f.s.Split(f.ctx, tt.in)
			wantProblem(t, err, tt.code, tt.field)
			if after := f.counts(); !mapsEqual(before, after) {
				t.Errorf("partial write: %v → %v", before, after)
			}
		})
	}
}

func TestTreeAndSearch(t *testing.T) {
	f := newFixture(t)
	// Siblings in Vietnamese order: Ân < Bành < Dương < Đồng, which byte
	// order gets wrong (Â and Đ sort after the ASCII letters).
	for _, n := range []string{"Đảng ủy xã Đồng Phúc", "Đảng ủy xã Dương Quang", "Đảng ủy xã Ân Tình", "Đảng ủy xã Bành Trạch"} {
		f.create(n, org.PartyCommittee, org.Commune, f.babe, "2005-01-01")
	}
	kids, err := f.s.Children(f.ctx, f.babe, day("2010-01-01"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Đảng ủy xã Ân Tình", "Đảng ủy xã Bành Trạch", "Đảng ủy xã Dương Quang", "Đảng ủy xã Đồng Phúc",
		"Đảng ủy xã Khang Ninh", "Đảng ủy xã Nam Mẫu"}
	if got := names(kids); !slices.Equal(got, want) {
		t.Errorf("children = %v", got)
	}
	trees, err := f.s.Tree(f.ctx, org.TreeQuery{AsOf: day("2010-01-01")})
	if err != nil {
		t.Fatal(err)
	}
	if len(trees) != 1 || trees[0].ID != f.root || len(trees[0].Children) != 2 || trees[0].Children[0].Name != "Tỉnh ủy Bắc Kạn" {
		t.Fatalf("forest %+v", trees)
	}
	count := 0
	trees[0].Walk(func(n *org.Node, depth int) { count++ })
	if count != 11 {
		t.Errorf("nodes in 2010: %d", count)
	}
	// Before 2005 the four communes did not exist.
	trees, _ = f.s.Tree(f.ctx, org.TreeQuery{AsOf: day("2004-12-31")})
	count = 0
	trees[0].Walk(func(n *org.Node, depth int) { count++ })
	if count != 7 {
		t.Errorf("nodes in 2004: %d", count)
	}
	sub, err := f.s.Tree(f.ctx, org.TreeQuery{AsOf: day("2010-01-01"), RootID: f.babe})
	if err != nil {
		t.Fatal(err)
	}
	if len(sub) != 1 || sub[0].ID != f.babe || len(sub[0].Children) != 6 || sub[0].Children[0].Name != "Đảng ủy xã Ân Tình" {
		t.Errorf("subtree %+v", sub)
	}
	b, err := json.Marshal(sub[0])
	if err != nil || !strings.Contains(string(b), `"children":[`) || !strings.Contains(string(b), `"valid_from":"2000-01-01"`) {
		t.Errorf("json %s %v", b, err)
	}
	_, err = f.s.Tree(f.ctx, org.TreeQuery{AsOf: day("1990-01-01"), RootID: f.babe})
	wantProblem(t, err, problem.Invalid, "root_id")

	// Search ignores accents, case, đ and tone placement, word by word.
	for _, q := range []string{"dang uy xa dong phuc", "ĐỒNG PHÚC", "dong  phuc", "xa đong"} {
		got, err := f.s.Search(f.ctx, org.SearchQuery{Text: q, AsOf: day("2010-01-01")})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].Name != "Đảng ủy xã Đồng Phúc" {
			t.Errorf("search %q = %v", q, names(got))
		}
	}
	got, _ := f.s.Search(f.ctx, org.SearchQuery{Text: "tinh uy", AsOf: day("2010-01-01"), Level: org.Province, Kind: org.PartyCommittee})
	if !slices.Equal(names(got), []string{"Tỉnh ủy Bắc Kạn", "Tỉnh ủy Thái Nguyên"}) {
		t.Errorf("search by level = %v", names(got))
	}
	got, _ = f.s.Search(f.ctx, org.SearchQuery{Text: "50%", AsOf: day("2010-01-01")})
	if len(got) != 0 {
		t.Errorf("wildcards are not escaped: %v", names(got))
	}
	// Old names are found as of their time, or all time.
	if _, err := f.s.Rename(f.ctx, org.RenameInput{UnitID: f.tn, Name: "Tỉnh ủy Thái Nguyên mới", Act: act("2020-01-01")}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Merge(f.ctx, org.MergeInput{SourceIDs: []int64{f.bk}, TargetID: f.tn, AdoptChildren: true, Act: act("2025-07-01")}); err != nil {
		t.Fatal(err)
	}
	got, _ = f.s.Search(f.ctx, org.SearchQuery{Text: "bac kan", AsOf: day("2026-01-01"), Kind: org.PartyCommittee})
	if len(got) != 0 {
		t.Errorf("merged unit found after it ended: %v", names(got))
	}
	got, _ = f.s.Search(f.ctx, org.SearchQuery{Text: "bac kan", AsOf: day("2026-01-01"), AllTime: true, Kind: org.PartyCommittee})
	if len(got) != 1 || got[0].Name != "Tỉnh ủy Bắc Kạn" || got[0].Alive {
		t.Errorf("all-time search = %+v", got)
	}
	got, _ = f.s.Search(f.ctx, org.SearchQuery{Text: "thai nguyen", AllTime: true})
	if len(got) != 1 || got[0].Name != "Tỉnh ủy Thái Nguyên mới" {
		t.Errorf("all-time search gives the latest name: %v", names(got))
	}
	_, err = f.s.Search(f.ctx, org.SearchQuery{Text: "x", Kind: "nope"})
	wantProblem(t, err, problem.Invalid, "kind")
}

func TestAuditChain(t *testing.T) {
	f := newFixture(t)
	if _, err := f.s.Rename(f.ctx, org.RenameInput{UnitID: f.namMau, Name: "Đảng ủy xã Nam Mẫu mới", Act: act("2010-01-01")}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Merge(f.ctx, org.MergeInput{SourceIDs: []int64{f.khangNinh}, TargetID: f.namMau, Act: act("2025-07-01")}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Move(f.ctx, org.MoveInput{UnitID: f.namMau, ParentID: f.bk, Act: act("2025-07-01")}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Dissolve(f.ctx, org.DissolveInput{UnitID: f.babe, Act: act("2025-07-01")}); err != nil {
		t.Fatal(err)
	}
	rep, err := f.log.Verify(f.ctx)
	if err != nil || !rep.OK() {
		t.Fatalf("verify: %+v %v", rep, err)
	}
	// 7 creates, a rename, a merge (source and target), a move, a dissolve.
	if rep.Entries != 12 {
		t.Errorf("audit entries = %d, want 12", rep.Entries)
	}
	entries, _ := f.log.List(f.ctx, audit.Filter{Entity: "unit", EntityID: "5"})
	var actions []string
	for _, e := range entries {
		actions = append(actions, e.Action)
	}
	if !slices.Equal(actions, []string{"move", "merge", "rename", "create"}) {
		t.Errorf("audit of Nam Mẫu = %v", actions)
	}
	// A refused operation writes no entry.
	if _, err := f.s.Rename(f.ctx, org.RenameInput{UnitID: f.bk, Name: "Tỉnh ủy Bắc Kạn", Act: act("2010-01-01")}); err == nil {
		t.Fatal("same name accepted")
	}
	rep2, _ := f.log.Verify(f.ctx)
	if rep2.Entries != rep.Entries {
		t.Errorf("refusal wrote audit entries")
	}
	// Events carry the actor.
	ctx := audit.WithActor(f.ctx, audit.Actor{UserID: 0, Name: "vanphong"})
	if _, err := f.s.Rename(ctx, org.RenameInput{UnitID: f.bk, Name: "Tỉnh ủy Bắc Kạn (mới)", Act: act("2010-01-01")}); err != nil {
		t.Fatal(err)
	}
	entries, _ = f.log.List(f.ctx, audit.Filter{Actor: "vanphong"})
	if len(entries) != 1 {
		t.Errorf("actor entries %d", len(entries))
	}
}

func TestLabels(t *testing.T) {
	var labels []interface{ Label(string) string }
	for _, k := range org.Kinds() {
		labels = append(labels, k)
	}
	for _, l := range org.Levels() {
		labels = append(labels, l)
	}
	for _, r := range []org.EndReason{org.Merged, org.SplitUp, org.Dissolved} {
		labels = append(labels, r)
	}
	for _, e := range []org.EventKind{org.EventCreate, org.EventRename, org.EventMove, org.EventMerge, org.EventSplit, org.EventDissolve} {
		labels = append(labels, e)
	}
	for _, x := range labels {
		vi, en := x.Label("vi"), x.Label("en")
		if vi == "" || en == "" || vi == en || strings.HasPrefix(vi, "org.") || strings.HasPrefix(en, "org.") {
			t.Errorf("%v: labels %q / %q", x, vi, en)
		}
	}
	if org.Kind("x").Valid() || org.Level("x").Valid() || !org.Commune.Valid() {
		t.Error("Valid")
	}
}
