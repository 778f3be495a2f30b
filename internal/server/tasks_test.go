package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/documents"
	"plenum/internal/org"
	"plenum/internal/server/servertest"
	"plenum/internal/tasks"
)

// taskWorld adds a province with a department, a unit member and two
// documents (one Mật) to a test server.
type taskWorld struct {
	e        *servertest.Env
	province int64
	dept     int64
	doc      documents.Document
	secret   documents.Document
}

func newTaskWorld(t *testing.T) *taskWorld {
	e := servertest.New(t)
	w := &taskWorld{e: e}
	w.province = provinceUnit(t, e, "Tỉnh ủy Đồi Thử", org.PartyCommittee, 0)
	w.dept = provinceUnit(t, e, "Ban Dân vận Tỉnh ủy Đồi Thử", org.PartyAgency, w.province)
	u, err := e.App.Auth.CreateUser(e.Ctx, auth.NewUser{Username: "danvan", DisplayName: "Cán bộ Ban Dân vận",
		Password: servertest.Password, Role: auth.RoleUnit, Clearance: auth.ClassMat, UnitID: w.dept})
	if err != nil {
		t.Fatal(err)
	}
	e.Users["danvan"] = u
	w.doc = provincePlan(t, e, w.province, "Đồi Thử", "21-KH/TU", "Kế hoạch thử nghiệm công tác dân vận", "", 0)
	w.secret = provincePlan(t, e, w.province, "Đồi Thử", "22-KH/TU", "Kế hoạch thử nghiệm bảo đảm an ninh", "", auth.ClassMat)
	return w
}

func TestTasksAPIAndPages(t *testing.T) {
	t.Parallel()
	w := newTaskWorld(t)
	e := w.e
	office := e.SignIn("office")
	unit := e.SignIn("danvan")
	leader := e.SignIn("leader") // cleared, but no need to know
	today := e.App.Clock.Today()
	body := func(src int64, title string) string {
		b, _ := json.Marshal(map[string]any{"source_kind": "document", "source_id": src, "title": title,
			"lead_unit_id": w.dept, "start_on": today.AddDays(-10).String(), "due_on": today.AddDays(20).String()})
		return string(b)
	}
	r := e.Do(office, "POST", "/api/v1/tasks", body(w.doc.ID, "Tổ chức đối thoại với nhân dân"))
	if r.Status != http.StatusCreated {
		t.Fatalf("create: %d %s", r.Status, r.Body)
	}
	var open tasks.Task
	json.Unmarshal([]byte(r.Body), &open)
	r = e.Do(office, "POST", "/api/v1/tasks", body(w.secret.ID, "Rà soát phương án bảo vệ"))
	var secret tasks.Task
	json.Unmarshal([]byte(r.Body), &secret)
	if r.Status != http.StatusCreated || secret.Class != 1 {
		t.Fatalf("create from a Mật document: %d %s", r.Status, r.Body)
	}
	id := func(x tasks.Task) string { return strconv.FormatInt(x.ID, 10) }
	for _, c := range []struct {
		name   string
		client *http.Client
		method string
		path   string
		body   string
		status int
		has    string
		hasnt  string
	}{
		{"the unit's inbox has both", unit, "GET", "/api/v1/tasks?unit_id=" + strconv.FormatInt(w.dept, 10), "", 200, "Rà soát phương án", ""},
		{"an uncleared reader may not list tasks", e.SignIn("reader"), "GET", "/api/v1/tasks", "", 403, "", ""},
		{"a leader without need to know sees the open one only", leader, "GET", "/api/v1/tasks", "", 200, "đối thoại", "Rà soát"},
		{"nor in counts", leader, "GET", "/api/v1/tasks/counts/units", "", 200, `"total":1`, ""},
		{"nor by id", leader, "GET", "/api/v1/tasks/" + id(secret), "", 404, "", "Rà soát"},
		{"nor its page", leader, "GET", "/tasks/" + id(secret), "", 404, "", "Rà soát"},
		{"the unit reports", unit, "POST", "/api/v1/tasks/" + id(open) + "/reports", `{"percent": 40, "body": "Đã xây dựng kế hoạch"}`, 201, `"percent":40`, ""},
		{"percent out of range names the field", unit, "POST", "/api/v1/tasks/" + id(open) + "/reports", `{"percent": 140}`, 422, `"percent"`, ""},
		{"a deadline before the start names the field", office, "POST", "/api/v1/tasks",
			`{"title":"x","lead_unit_id":` + strconv.FormatInt(w.dept, 10) + `,"start_on":"2025-03-10","due_on":"2025-03-01"}`, 422, `"due_on"`, ""},
		{"the page shows the report", unit, "GET", "/tasks/" + id(open), "", 200, "Đã xây dựng kế hoạch", ""},
		{"the classified page is marked", unit, "GET", "/tasks/" + id(secret), "", 200, "classbanner class-1", ""},
		{"the inbox page", unit, "GET", "/tasks", "", 200, "Tổ chức đối thoại", "tính đến ngày"},
		{"the inbox as of a day says so", unit, "GET", "/tasks?as_of=2025-03-01", "", 200, "Trạng thái tính đến ngày 01/03/2025", ""},
		{"mine is empty for a user without a person", unit, "GET", "/tasks/mine", "", 200, "", "Tổ chức đối thoại"},
		{"the unit may not move its deadline", unit, "POST", "/api/v1/tasks/" + id(open) + "/extend",
			`{"due_on":"` + today.AddDays(40).String() + `","reason":"Chờ số liệu"}`, 403, "", ""},
		{"a move without a reason names the field", office, "POST", "/api/v1/tasks/" + id(open) + "/extend",
			`{"due_on":"` + today.AddDays(40).String() + `"}`, 422, `"name":"reason"`, ""},
		{"the office moves the deadline", office, "POST", "/api/v1/tasks/" + id(open) + "/extend",
			`{"due_on":"` + today.AddDays(40).String() + `","reason":"Chờ số liệu các xã"}`, 200, `"due_on":"` + today.AddDays(40).String(), ""},
		{"the page has the form and the history", office, "GET", "/tasks/" + id(open), "", 200, `id="extend-form"`, ""},
		{"the history words the move", unit, "GET", "/tasks/" + id(open), "", 200,
			"đổi thời hạn: " + vnDate(today.AddDays(20)) + " → " + vnDate(today.AddDays(40)) + ": Chờ số liệu các xã", `id="extend-form"`},
		{"the page's form refuses on its own field", office, "POST", "/tasks/" + id(open) + "/extend",
			"new_due=" + today.AddDays(40).String() + "&extend_reason=x", 422, `name="new_due"`, ""},
		{"the unit may not edit", unit, "PUT", "/api/v1/tasks/" + id(open), `{"title":"Tên khác"}`, 403, "", ""},
		{"an edit without a title names the field", office, "PUT", "/api/v1/tasks/" + id(open), `{"title":" "}`, 422, `"name":"title"`, ""},
		{"the office edits", office, "PUT", "/api/v1/tasks/" + id(open), `{"title":"Tổ chức đối thoại với nhân dân năm 2026","priority":"high"}`,
			200, `"priority":"high"`, ""},
		{"the edit form", office, "GET", "/tasks/" + id(open) + "/edit", "", 200, `value="Tổ chức đối thoại với nhân dân năm 2026"`, ""},
		{"the edit form refuses an unknown coordinator on its box", office, "POST", "/tasks/" + id(open) + "/edit",
			"title=x&coordinating_unit_ids=" + url.QueryEscape("Ban Không Có Thật"), 422, `name="coordinating_unit_ids"`, ""},
		{"the edit form saves", office, "POST", "/tasks/" + id(open) + "/edit", "title=" + url.QueryEscape("Tổ chức đối thoại năm 2026") + "&priority=urgent",
			303, "", ""},
		{"the page has the new title and the edit in its history", unit, "GET", "/tasks/" + id(open), "", 200, "sửa nhiệm vụ", `id="task-edit"`},
		{"the classified one's form is not found without need to know", e.SignIn("admin"), "GET", "/tasks/" + id(secret) + "/edit", "", 404, "", "Rà soát"},
		{"nor is its edit", e.SignIn("admin"), "PUT", "/api/v1/tasks/" + id(secret), `{"title":"x"}`, 404, "", "Rà soát"},
		{"the office may edit and cancel", office, "GET", "/tasks/" + id(open), "", 200, `id="task-edit"`, ""},
		{"the cancel form", office, "GET", "/tasks/" + id(open), "", 200, `action="/tasks/` + id(open) + `/cancel"`, ""},
		{"office cancels", office, "POST", "/api/v1/tasks/" + id(open) + "/cancel", `{"reason": "Đã lồng ghép vào nhiệm vụ khác"}`, 200, `"status":"cancelled"`, ""},
		{"a cancelled task has no edit", office, "GET", "/tasks/" + id(open), "", 200, "", `id="task-edit"`},
		{"nor a cancel form", office, "GET", "/tasks/" + id(open), "", 200, "", `action="/tasks/` + id(open) + `/cancel"`},
		{"a report on a cancelled task is refused", unit, "POST", "/api/v1/tasks/" + id(open) + "/reports", `{"percent": 50}`, 409, `"occurrence_id"`, ""},
		{"reminder rules", unit, "GET", "/api/v1/tasks/reminder-rules", "", 200, `"report":[-3,-1,1]`, ""},
		{"a unit may not change them", unit, "PUT", "/api/v1/tasks/reminder-rules/task", `{"offsets":[-3]}`, 403, "", ""},
		{"the export leaves out what the reader may not see", leader, "GET", "/api/v1/tasks/export?format=csv&all=1", "", 200, "đối thoại", "Rà soát"},
		{"the unit's export has both", unit, "GET", "/tasks/export?format=csv&all=1", "", 200, "Rà soát", ""},
		{"the template", unit, "GET", "/api/v1/tasks/template?format=csv", "", 200, "Tên nhiệm vụ / Title", ""},
		{"notifications", unit, "GET", "/api/v1/notifications", "", 200, `"unread":0`, ""},
		{"notifications page: nothing to mark read", unit, "GET", "/notifications", "", 200, "Thông báo", "Đánh dấu đã đọc"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := e.Do(c.client, c.method, c.path, c.body)
			if r.Status != c.status || (c.has != "" && !strings.Contains(r.Body, c.has)) || (c.hasnt != "" && strings.Contains(r.Body, c.hasnt)) {
				t.Fatalf("%s %s: %d %.600s", c.method, c.path, r.Status, r.Body)
			}
		})
	}
}

// TestBrowserTaskFromDocumentToDone: the office draws a task from a
// document; a member of the lead unit reports progress and completes it.
func TestBrowserTaskFromDocumentToDone(t *testing.T) {
	t.Parallel()
	w := newTaskWorld(t)
	e := w.e
	ctx := e.Browser()
	e.SignInBrowser(ctx, "office")
	today := e.App.Clock.Today()
	err := chromedp.Do(ctx,
		chromedp.Navigate(e.Server.URL+"/tasks/new?source_kind=document&source_id="+strconv.FormatInt(w.doc.ID, 10)),
		chromedp.WaitVisible(`#task-form`),
		chromedp.SendKeys(`input[name=title]`, "Tập huấn kỹ năng dân vận"),
		chromedp.SendKeys(`input[name=lead_unit_id]`, strconv.FormatInt(w.dept, 10)),
		chromedp.SetValue(`input[name=due_on]`, today.AddDays(30).String()),
		chromedp.Click(`#task-form button.primary`),
		chromedp.WaitVisible(`#task-status`),
	)
	if err != nil {
		t.Fatal(err)
	}
	if src, _ := chromedp.Run(ctx, chromedp.Text(`dl.facts`)); !strings.Contains(src, "21-KH/TU") {
		t.Fatalf("source on the task page: %q", src)
	}
	url, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(`form[action="/signout"] button`), chromedp.WaitVisible(`input[name=username]`)); err != nil {
		t.Fatal(err)
	}
	e.SignInBrowser(ctx, "danvan")
	err = chromedp.Do(ctx,
		chromedp.Navigate(url),
		chromedp.WaitVisible(`#report-form`),
		chromedp.SendKeys(`#report-form input[name=percent]`, "60"),
		chromedp.SendKeys(`#report-form textarea[name=body]`, "Đã tập huấn cho hai huyện"),
		chromedp.Click(`#report-form button.primary`),
		chromedp.WaitVisible(`#task-status.st-in_progress`),
	)
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := chromedp.Run(ctx, chromedp.Text(`#task-status`)); st != "Đang thực hiện" {
		t.Fatalf("after the report: %q", st)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(`#complete-form button`),
		chromedp.WaitVisible(`#task-status.st-done_on_time`),
	)
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := chromedp.Run(ctx, chromedp.Text(`#task-status`)); st != "Hoàn thành đúng hạn" {
		t.Fatalf("after completing: %q", st)
	}
}

func TestTaskImportOverHTTP(t *testing.T) {
	t.Parallel()
	w := newTaskWorld(t)
	e := w.e
	office := e.SignIn("office")
	csv := "\ufeffTên nhiệm vụ,Đơn vị chủ trì,Thời hạn,Ngày giao\n" +
		"Khảo sát tình hình,Ban Dân vận Tỉnh ủy Đồi Thử,30/06/2025,01/03/2025\n" +
		"Hạn sai,Ban Dân vận Tỉnh ủy Đồi Thử,01/02/2025,01/03/2025\n"
	post := func(data string) servertest.Response {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		fw, _ := mw.CreateFormFile("file", "danh-sach.csv")
		fw.Write([]byte(data))
		mw.Close()
		return e.Do(office, "POST", "/api/v1/tasks/import", b.String(), "Content-Type: "+mw.FormDataContentType())
	}
	r := post(csv)
	if r.Status != 422 || !strings.Contains(r.Body, `"row":3`) || !strings.Contains(r.Body, `"column":"C"`) {
		t.Fatalf("bad row: %d %s", r.Status, r.Body)
	}
	good := strings.Split(csv, "\n")
	r = post(good[0] + "\n" + good[1] + "\n")
	if r.Status != 201 || !strings.Contains(r.Body, `"changed":1`) {
		t.Fatalf("good file: %d %s", r.Status, r.Body)
	}
	if r = post(good[0] + "\n" + good[1] + "\n"); r.Status != 409 {
		t.Fatalf("the same file again: %d %s", r.Status, r.Body)
	}
}

// vnDate writes a date as the pages do, 01/07/2025.
func vnDate(d date.Date) string { return fmt.Sprintf("%02d/%02d/%04d", d.Day, d.Month, d.Year) }
