package tasks_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/problem"
	"plenum/internal/sheet"
	"plenum/internal/tasks"
)

func csvOf(t *testing.T, rows []sheet.Record) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := sheet.Write(&b, sheet.CSV, tasks.Template(), rows); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestImportTaskList(t *testing.T) {
	e := newEnv(t)
	e.document("31-KH/TU", "Kế hoạch thử nghiệm chuyển đổi số", 0)
	office := e.Users["office"]
	good := []sheet.Record{
		{"title": "Xây dựng cơ sở dữ liệu đảng viên", "lead_unit": "Ban Tuyên giáo Tỉnh ủy Sơn Thử", "deadline": day("2025-06-30"),
			"source": "31-KH/TU", "coordinators": "Sở Kế hoạch và Đầu tư Sơn Thử", "responsible": "Nguyễn Thị Lan", "priority": "high"},
		{"title": "Báo cáo quý về chuyển đổi số", "lead_unit": "t.sokh", "recurrence": "quarterly", "recur_until": day("2025-12-31"),
			"due_day": 20, "kind": "report", "start": day("2025-01-01")},
	}
	bad := append([]sheet.Record{}, good...)
	bad = append(bad,
		sheet.Record{"title": "Hạn trước ngày giao", "lead_unit": "t.btg", "start": day("2025-03-01"), "deadline": day("2025-02-01")},
		sheet.Record{"title": "Đơn vị không có", "lead_unit": "Sở Không Tồn Tại", "deadline": day("2025-06-30")},
		sheet.Record{"title": "Văn bản không có", "lead_unit": "t.btg", "deadline": day("2025-06-30"), "source": "99-KH/TU"},
	)
	before := e.counts()
	im, err := e.s.Import(e.As("office"), e.App.Imports, office, sheet.Upload{Filename: "nhiem-vu.csv", Data: csvOf(t, bad)})
	if err != nil || im.Result != sheet.Refused {
		t.Fatalf("bad file: %v %+v", err, im)
	}
	want := map[string]bool{"Nhiệm vụ!H4": true, "Nhiệm vụ!D5": true, "Nhiệm vụ!O6": true}
	for _, ce := range im.Errors {
		place := fmt.Sprintf("%s!%s%d", ce.Sheet, ce.Column, ce.Row)
		if !want[place] {
			t.Errorf("unexpected problem %s: %s", place, ce.Message("en"))
		}
		delete(want, place)
	}
	if len(want) > 0 {
		t.Errorf("problems not reported: %v (got %+v)", want, im.Errors)
	}
	after := e.counts()
	for _, k := range []string{"tasks", "task_occurrences", "task_events"} {
		if after[k] != before[k] {
			t.Errorf("%s: %d before, %d after a refused import", k, before[k], after[k])
		}
	}
	im, err = e.s.Import(e.As("office"), e.App.Imports, office, sheet.Upload{Filename: "nhiem-vu.csv", Data: csvOf(t, good)})
	if err != nil || im.Result != sheet.Done || im.Changed != 2 {
		t.Fatalf("good file: %v %+v", err, im)
	}
	v := e.Viewer("office")
	page, _ := e.s.List(e.Ctx, v, tasks.ListQuery{All: true, Limit: 100})
	if page.Total != 5 { // one single deadline and four quarters
		t.Fatalf("imported deadlines: %+v", page)
	}
	_, err = e.s.Import(e.As("office"), e.App.Imports, office, sheet.Upload{Filename: "lai-lan-nua.csv", Data: csvOf(t, good)})
	if !problem.Is(err, problem.Conflict) {
		t.Fatalf("the same file again: %v", err)
	}
	// Round trip: the unit downloads its sheet, fills in progress, uploads it.
	rows, _, err := e.s.Export(e.Ctx, e.Viewer("btg_member"), tasks.ListQuery{UnitID: e.Units["btg"]}, "vi")
	if err != nil || len(rows) != 1 || rows[0]["source"] != "31-KH/TU" {
		t.Fatalf("export: %v %+v", err, rows)
	}
	rows[0]["percent"] = 70
	rows[0]["report"] = "Đã nhập liệu 70% hồ sơ"
	var x bytes.Buffer
	if err := sheet.Write(&x, sheet.XLSX, tasks.Template(), rows); err != nil {
		t.Fatal(err)
	}
	im, err = e.s.Import(e.As("btg_member"), e.App.Imports, e.Users["btg_member"], sheet.Upload{Filename: "ban-tuyen-giao.xlsx", Data: x.Bytes()})
	if err != nil || im.Changed != 1 {
		t.Fatalf("progress upload: %v %+v", err, im)
	}
	reps, _ := e.s.Reports(e.Ctx, v, page.Items[0].TaskID)
	found := false
	for _, it := range page.Items {
		r, _ := e.s.Reports(e.Ctx, v, it.TaskID)
		for _, rep := range r {
			found = found || (rep.Percent == 70 && rep.Body == "Đã nhập liệu 70% hồ sơ")
		}
	}
	if !found {
		t.Errorf("the progress in the sheet became no report: %+v", reps)
	}
}

// TestImportHiddenDeadlineAnswersAsMissing: a row naming a deadline the
// importer may not see is refused exactly as one naming no deadline, even
// when it changes nothing, so an import tells nothing of classified tasks.
func TestImportHiddenDeadlineAnswersAsMissing(t *testing.T) {
	e := newEnv(t)
	doc := e.document("33-KH/TU", "Kế hoạch mật về nhập liệu", 1)
	in := e.simple("Nhiệm vụ mật nhập liệu thử 7741", "btg", "2025-03-01", "2025-06-30")
	in.SourceKind, in.SourceID = tasks.SourceDocument, doc.ID
	hidden := e.task(in)
	if err := e.App.DB.Tx(e.Ctx, func(ctx context.Context) error {
		return e.App.Access.SetGrants(ctx, tasks.Entity, hidden.ID, 1, []access.Grant{{Role: auth.RoleOffice}})
	}); err != nil {
		t.Fatal(err)
	}
	var occ int64
	if err := e.App.DB.Primary().QueryRow(`SELECT id FROM task_occurrences WHERE task_id = $1`, hidden.ID).Scan(&occ); err != nil {
		t.Fatal(err)
	}
	answer := func(id int64, name string) string {
		t.Helper()
		im, err := e.s.Import(e.As("btg_member"), e.App.Imports, e.Users["btg_member"],
			sheet.Upload{Filename: name, Data: csvOf(t, []sheet.Record{{"deadline_id": id}})})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, ce := range im.Errors {
			out = append(out, fmt.Sprintf("%s!%s%d %s", ce.Sheet, ce.Column, ce.Row, ce.Message("en")))
		}
		return fmt.Sprintf("%s %d %v", im.Result, im.Class, out)
	}
	missing, seen := answer(occ+1000, "khong-co.csv"), answer(occ, "an.csv")
	if seen != missing || !strings.Contains(missing, string(sheet.Refused)) {
		t.Errorf("a hidden deadline: %s; a missing one: %s", seen, missing)
	}
}
