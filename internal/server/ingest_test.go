package server_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/extract/extracttest"
	"plenum/internal/ingest"
	"plenum/internal/ingest/ingesttest"
	"plenum/internal/server/servertest"
)

// ingestWorld starts a server holding the world of ingesttest.
func ingestWorld(t *testing.T) (*servertest.Env, *ingesttest.World) {
	e := servertest.New(t)
	return e, ingesttest.Build(t, e.Ctx, e.App, auth.Principal{User: e.Users["office"]})
}

func TestIngestAPI(t *testing.T) {
	t.Parallel()
	e, w := ingestWorld(t)
	token := "Authorization: Bearer " + e.Token("office", "write")
	body, _ := json.Marshal(map[string]any{"name": "bai-bk.txt", "text": ingesttest.BacKan2021})
	resp := e.Do(nil, "POST", "/api/v1/ingest", string(body), token)
	var sub ingest.Submitted
	if resp.Status != 201 || json.Unmarshal([]byte(resp.Body), &sub) != nil || sub.Known || sub.Item.Status != ingest.Pending {
		t.Fatalf("submit: %d %s", resp.Status, resp.Body)
	}
	id := sub.Item.ID
	// The same article as a file in Windows-1258: recognised.
	data, _ := json.Marshal(map[string]any{"name": "ban-cu.txt", "data": extracttest.Windows1258(t, ingesttest.BacKan2021)})
	if resp := e.Do(nil, "POST", "/api/v1/ingest", string(data), token); resp.Status != 200 || !strings.Contains(resp.Body, `"known":true`) ||
		!strings.Contains(resp.Body, fmt.Sprintf(`"id":%d`, id)) {
		t.Errorf("re-submit: %d %s", resp.Status, resp.Body)
	}
	// Several files at once: each on its own, refusals named.
	up := uploadFiles(t, namedFile{"tn.txt", extracttest.Windows1258(t, ingesttest.ThaiNguyen2025)},
		namedFile{"anh.txt", []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 13}}, namedFile{"rong.html", nil})
	resp = e.Do(nil, "POST", "/api/v1/ingest", up.body, "Content-Type: "+up.contentType, token)
	var outs struct {
		Items []struct {
			Name  string       `json:"name"`
			Item  *ingest.Item `json:"item"`
			Error *struct {
				Code   string `json:"code"`
				Fields []struct {
					Name, Message string
				} `json:"fields"`
			} `json:"error"`
		} `json:"items"`
	}
	if resp.Status != 200 || json.Unmarshal([]byte(resp.Body), &outs) != nil || len(outs.Items) != 3 {
		t.Fatalf("upload: %d %s", resp.Status, resp.Body)
	}
	if outs.Items[0].Item == nil || outs.Items[0].Item.Title != "Hội nghị lần thứ hai Ban Chấp hành Đảng bộ tỉnh khóa XXI" {
		t.Errorf("the good file: %+v", outs.Items[0])
	}
	for _, o := range outs.Items[1:] {
		if o.Error == nil || len(o.Error.Fields) != 1 || o.Error.Fields[0].Name != "file" || !strings.Contains(o.Error.Fields[0].Message, o.Name) {
			t.Errorf("%s: %+v", o.Name, o.Error)
		}
	}

	// The item with its proposals.
	resp = e.Do(nil, "GET", fmt.Sprintf("/api/v1/ingest/%d", id), "", token)
	var detail struct {
		ingest.Item
		Lines     []ingest.Line    `json:"lines"`
		Proposals ingest.Proposals `json:"proposals"`
	}
	if resp.Status != 200 || json.Unmarshal([]byte(resp.Body), &detail) != nil {
		t.Fatalf("detail: %d %s", resp.Status, resp.Body)
	}
	if c := detail.Proposals.Conference; c == nil || c.BodyID != w.Units["bk.tu"] || len(detail.Lines) == 0 || detail.Text == "" ||
		!strings.Contains(resp.Body, `"extraction":{"title":`) {
		t.Errorf("detail: %s", resp.Body)
	}
	run(t, e, []scenario{
		{name: "list", as: "token:office:read,ingest", method: "GET", path: "/api/v1/ingest?status=pending", status: 200,
			contains: []string{`"total":2`, `"pending":2`}},
		{name: "a reader may not", as: "token:reader:write", method: "GET", path: "/api/v1/ingest", status: 403},
		{name: "confirm with an unknown field", as: "token:office:write", method: "POST", path: fmt.Sprintf("/api/v1/ingest/%d/confirm", id),
			body: `{"peoples":[]}`, status: 422, contains: []string{`"name":"peoples"`}},
		{name: "confirm a task without its lead", as: "token:office:write", method: "POST", path: fmt.Sprintf("/api/v1/ingest/%d/confirm", id),
			body: `{"tasks":[{"index":0,"decision":"accept"}]}`, status: 422, contains: []string{`"name":"tasks[0].lead_unit_id"`}},
		{name: "confirm", as: "token:office:write", method: "POST", path: fmt.Sprintf("/api/v1/ingest/%d/confirm", id),
			body: `{"figures":[{"index":1,"decision":"reject"}]}`, status: 200,
			contains: []string{`"status":"confirmed"`, `"entity":"conference","entity_id"`, `"action":"created"`, `"proposal":"people[1].posts[1]"`}},
		{name: "confirm twice", as: "token:office:write", method: "POST", path: fmt.Sprintf("/api/v1/ingest/%d/confirm", id),
			body: `{}`, status: 409},
		{name: "records", as: "token:office:read,ingest", method: "GET", path: fmt.Sprintf("/api/v1/ingest/%d", id), status: 200,
			contains: []string{`"records":[{"proposal":"people[0]"`}, absent: []string{`"proposals"`}},
		{name: "reject", as: "token:office:write", method: "POST", path: fmt.Sprintf("/api/v1/ingest/%d/reject", outs.Items[0].Item.ID),
			body: `{"reason":"đã nhập tay"}`, status: 200, contains: []string{`"status":"rejected"`, `"reason":"đã nhập tay"`}},
		{name: "missing", as: "token:office:read,ingest", method: "GET", path: "/api/v1/ingest/987654", status: 404},
	})
}

func init() {
	classifiedFixtures["ingest item"] = func(t *testing.T, e *servertest.Env) classified {
		secret := "Phương án nhân sự đặc biệt KVQZ"
		text := "Hội nghị bàn " + secret + "\nSáng 02/3/2024, Ban Thường vụ Tỉnh ủy Lạng Sơn họp bàn " + secret + ". Hội nghị giao Ban Tổ chức Tỉnh ủy chủ trì chuẩn bị hồ sơ trước ngày 30/3/2024."
		office := e.Users["office"]
		ctx := audit.WithActor(e.Ctx, audit.Actor{UserID: office.ID, Name: office.Username})
		sub, err := e.App.Ingest.Submit(ctx, auth.Principal{User: office}, ingest.ViaWeb, ingest.SubmitInput{Name: "mat.txt", Text: text, Class: 2})
		if err != nil {
			t.Fatal(err)
		}
		// An id no other record of the walk has: the walk puts it in every route.
		const id = 515151
		for _, q := range []string{`UPDATE ingest_items SET id = $1 WHERE id = $2`,
			`UPDATE record_access SET entity_id = $1 WHERE entity = 'ingest_item' AND entity_id = $2`} {
			if _, err := e.App.DB.Primary().ExecContext(e.Ctx, q, id, sub.Item.ID); err != nil {
				t.Fatal(err)
			}
		}
		return classified{secrets: []string{secret, "KVQZ"}, ids: []int64{id}}
	}
}

func TestIngestPages(t *testing.T) {
	t.Parallel()
	e, w := ingestWorld(t)
	office := e.SignIn("office")
	form := multipartForm(t, "files", map[string]string{"text": ingesttest.BacKan2021, "name": "dán từ cổng"})
	resp := e.Do(office, "POST", "/ingest", form.body, "Content-Type: "+form.contentType)
	if resp.Status != 303 || !strings.HasPrefix(resp.Header.Get("Location"), "/ingest/") {
		t.Fatalf("paste: %d %s", resp.Status, resp.Body)
	}
	item := resp.Header.Get("Location")
	many := multipartForm(t, "files", nil, namedFile{"tn.html", []byte("<html><body><p>" + strings.ReplaceAll(ingesttest.ThaiNguyen2025, "\n", "</p><p>") + "</p></body></html>")},
		namedFile{"anh.txt", []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 13}}, namedFile{"ban-sao.txt", extracttest.Windows1258(t, ingesttest.BacKan2021)})
	run(t, e, []scenario{
		{name: "queue", as: "office", method: "GET", path: "/ingest", status: 200,
			contains: []string{`enctype="multipart/form-data"`, "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ sáu", "dán từ cổng", "Chờ xác nhận (1)"}},
		{name: "several files", as: "office", method: "POST", path: "/ingest", body: many.body, headers: []string{"Content-Type: " + many.contentType},
			status: 200, contains: []string{"tn.html</a>: đã đưa vào hàng đợi", "“anh.txt” không phải văn bản hay HTML", "ban-sao.txt</a>: đã có trong hàng đợi"}},
		{name: "nothing sent", as: "office", method: "POST", path: "/ingest", body: multipartForm(t, "files", nil).body,
			headers: []string{"Content-Type: " + multipartForm(t, "files", nil).contentType}, status: 422},
		{name: "review", as: "office", method: "GET", path: item, status: 200,
			contains: []string{`<mark class="k-person" id="p0"`, `href="#card-p0"`, `id="card-p0"`, `href="#p0"`, `class="k-figure" id="f0"`,
				`name="people[1].posts[1].unit_id" value="Hội đồng nhân dân tỉnh Bắc Kạn"`, `name="tasks[1].due_on" value="30/11/2021"`,
				"Tỉnh ủy Bắc Kạn", "Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)", "Xác nhận và ghi"}},
		{name: "a reader may not", as: "reader", method: "GET", path: "/ingest", status: 403},
		{name: "a refusal is shown by its field", as: "office", method: "POST", path: item + "/confirm",
			body: "tasks[0].decision=accept", status: 422, contains: []string{`name="tasks[0].lead_unit_id"`, "field-error"}},
		{name: "confirm", as: "office", method: "POST", path: item + "/confirm",
			body: "figures[1].decision=reject&tasks[1].lead_unit_id=Ban+Tuy%C3%AAn+gi%C3%A1o+T%E1%BB%89nh+%E1%BB%A7y+B%E1%BA%AFc+K%E1%BA%A1n", status: 303},
		{name: "records", as: "office", method: "GET", path: item, status: 200,
			contains: []string{"Đã xác nhận", "Hội nghị lần thứ 6, Tỉnh ủy Bắc Kạn khóa XII", "/conferences/", "Xây dựng kế hoạch tuyên truyền kết quả hội nghị"},
			absent:   []string{"Xác nhận và ghi"}},
	})
	if n := len(w.Units); n == 0 {
		t.Fatal("no world")
	}
	// An article that names no day shows no day of the event.
	undated := multipartForm(t, "files", map[string]string{"text": "Ban Thường vụ Tỉnh ủy thử họp bàn công tác cán bộ.", "name": "không ngày"})
	resp = e.Do(office, "POST", "/ingest", undated.body, "Content-Type: "+undated.contentType)
	if resp.Status != 303 {
		t.Fatalf("paste: %d %s", resp.Status, resp.Body)
	}
	if page := e.Do(office, "GET", resp.Header.Get("Location"), ""); page.Status != 200 || strings.Contains(page.Body, "Ngày sự kiện") {
		t.Errorf("an undated article's page: %d, names a day of the event", page.Status)
	}
}
