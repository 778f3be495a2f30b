package server_test

import (
	"testing"

	"plenum/internal/auth"
	"plenum/internal/files/filestest"
	"plenum/internal/indicators"
	"plenum/internal/notify"
	"plenum/internal/org"
	"plenum/internal/server/servertest"
	"plenum/internal/tasks"
	"plenum/internal/vn"
)

// The classified document of the leak walk and every record drawn from it:
// its file, a task with a progress report, an evidence file and
// notifications, an indicator with a target and a value. Each has a public
// twin, so that lists, counts and exports have something to show and the
// walk can check that they leave the classified rows out.
func init() {
	classifiedFixtures["document and what derives from it"] = func(t *testing.T, e *servertest.Env) classified {
		const (
			title    = "Phương án bảo vệ bí mật biên giới QXJ"
			symbol   = "881-KH/TU"
			body     = "Nội dung phương án tuyệt đối không phổ biến ZKW"
			fileName = "phuong-an-bi-mat.pdf"
			inFile   = "TEP-BI-MAT-QXJ-TRONG-PDF"
			task     = "Triển khai phương án bảo vệ VWQ"
			report   = "Báo cáo tiến độ bảo vệ MQP"
			evidence = "minh-chung-bi-mat.pdf"
			inEvid   = "MINH-CHUNG-BI-MAT-MQP"
			ind      = "Tỷ lệ đồn biên phòng đạt chuẩn bí mật JQV"
			indCode  = "BM-JQV"
		)
		office := auth.Principal{User: e.Users["office"]}
		province := provinceUnit(t, e, "Tỉnh ủy Biên Thử", org.PartyCommittee, 0)
		dept := provinceUnit(t, e, "Ban Nội chính Tỉnh ủy Biên Thử", org.PartyAgency, province)
		today := e.App.Clock.Today()

		newTask := func(src int64, title string) tasks.Task {
			x, err := e.App.Tasks.Create(e.Ctx, office, tasks.Input{SourceKind: tasks.SourceDocument, SourceID: src, Title: title,
				LeadUnitID: dept, StartOn: today.AddDays(-10), DueOn: today.AddDays(20)})
			if err != nil {
				t.Fatal(err)
			}
			return x
		}
		newIndicator := func(code, name string, docID int64, value vn.Decimal) indicators.Indicator {
			x, err := e.App.Indicators.Create(e.Ctx, office, indicators.Input{Code: code, Name: name, Measure: "%",
				ValueKind: indicators.Percent, Direction: indicators.Higher, Aggregation: indicators.Sum, Periodicity: indicators.Year,
				Main: true, ScopeUnitID: province, TermFirst: 2021, TermLast: 2025, DocumentID: docID})
			if err != nil {
				t.Fatal(err)
			}
			for _, y := range []int{2024, 2025} {
				if _, err := e.App.Indicators.SetTarget(e.Ctx, office, x.ID, indicators.TargetInput{Year: y, Value: vn.NewDecimal(90, 0)}); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := e.App.Indicators.Enter(e.Ctx, office, indicators.ValueInput{IndicatorID: x.ID, UnitID: province,
				Period: indicators.YearPeriod(2024), Status: indicators.Final, Value: value}); err != nil {
				t.Fatal(err)
			}
			return x
		}

		// The public twins first, with ordinary ids.
		open := provincePlan(t, e, province, "Biên Thử", "880-KH/TU", "Kế hoạch tuyên truyền biên giới", "", 0)
		newTask(open.ID, "Tuyên truyền về biên giới")
		newIndicator("CK-01", "Tỷ lệ xã biên giới có điểm tuyên truyền", open.ID, vn.NewDecimal(50, 0))

		// The classified records take ids that no other record has, so that
		// their ids put into other routes find nothing.
		for table, from := range map[string]int64{"documents": 920000, "files": 921000, "tasks": 922000, "task_reports": 923000,
			"indicators": 924000, "indicator_values": 925000, "notifications": 926000, "indicator_targets": 927000} {
			startIDsAt(t, e, table, from)
		}
		secret := provincePlan(t, e, province, "Biên Thử", symbol, title, body, auth.ClassMat)
		f, err := e.App.Documents.Attach(e.Ctx, office, secret.ID, fileName, filestest.PDF(inFile))
		if err != nil {
			t.Fatal(err)
		}
		st := newTask(secret.ID, task)
		if st.Class != int(auth.ClassMat) {
			t.Fatalf("a task from a Mật document has class %d", st.Class)
		}
		rep, err := e.App.Tasks.Report(e.Ctx, office, st.ID, tasks.ReportInput{Percent: 30, Body: report,
			Files: []tasks.Evidence{{Name: evidence, Data: filestest.PDF(inEvid)}}})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Files) != 1 {
			t.Fatalf("report files %+v", rep.Files)
		}
		si := newIndicator(indCode, ind, secret.ID, vn.NewDecimal(8765, -2))
		if si.Class != int(auth.ClassMat) {
			t.Fatalf("an indicator from a Mật document has class %d", si.Class)
		}
		// Notifications of the task reach the walkers' lists only if a rule
		// is broken: they were addressed to them (when they had the need to
		// know, say), but none of them may see the task now; the office may.
		var ids []int64
		for _, u := range []string{"reader", "editor", "leader", "admin", "office"} {
			id, err := e.App.Notify.Add(e.Ctx, notify.Notification{UserID: e.Users[u].ID, Kind: "reminder", Entity: tasks.Entity,
				EntityID: st.ID, Class: st.Class, Title: "Sắp đến hạn: " + task, URL: pathf("/tasks/%d", st.ID)})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		return classified{
			secrets: []string{title, symbol, body, fileName, inFile, task, report, evidence, inEvid, ind, indCode, "QXJ", "ZKW", "MQP", "JQV", "87,65", "87.65"},
			ids:     append([]int64{secret.ID, f.ID, st.ID, rep.ID, rep.Files[0].ID, si.ID}, ids...),
			paths: map[string]string{
				pathf("/documents/%d/files/%d", secret.ID, f.ID):                             pathf("/documents/%d/files/%d", missingID, missingID),
				pathf("/api/v1/documents/%d/files/%d", secret.ID, f.ID):                      pathf("/api/v1/documents/%d/files/%d", missingID, missingID),
				pathf("/tasks/%d/files/%d", st.ID, rep.Files[0].ID):                          pathf("/tasks/%d/files/%d", missingID, missingID),
				pathf("/api/v1/tasks/%d/files/%d", st.ID, rep.Files[0].ID):                   pathf("/api/v1/tasks/%d/files/%d", missingID, missingID),
				pathf("/api/v1/indicators/%d/values?unit_id=%d", si.ID, province):            pathf("/api/v1/indicators/%d/values?unit_id=%d", missingID, province),
				pathf("/indicators/%d?unit_id=%d", si.ID, province):                          pathf("/indicators/%d?unit_id=%d", missingID, province),
				pathf("/indicators/sheet?unit=%d&year=2024&format=xlsx", province):           "",
				pathf("/indicators/sheet?unit=%d&year=2024&format=csv", province):            "",
				pathf("/api/v1/indicators/sheet?unit_id=%d&year=2024&format=xlsx", province): "",
				pathf("/indicators/standing?unit=%d&period=2024", province):                  "",
				pathf("/api/v1/indicators/standing?unit_id=%d&period=2024", province):        "",
				pathf("/tasks?unit_id=%d", dept):                                             "",
				pathf("/api/v1/tasks?unit_id=%d", dept):                                      "",
				"/tasks/export?format=xlsx&all=1":                                            "",
				"/tasks/export?format=csv&all=1":                                             "",
				"/api/v1/tasks/export?format=xlsx&all=1":                                     "",
				"/documents/export.xlsx":                                                     "",
				"/api/v1/documents/export":                                                   "",
			},
		}
	}
}
