package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/url"
	"strings"
	"testing"

	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/documents"
	"plenum/internal/files/filestest"
	"plenum/internal/server/servertest"
)

// registry fills the server with a central conclusion, a provincial plan
// implementing it, and a secret report reviewing the plan with a secret
// attachment. Secret words are what must never leak.
type registry struct {
	kl, plan, secret documents.Document
	fileID           int64
}

const (
	secretTitle  = "Đánh giá cán bộ diện Trung ương quản lý tuyệt mật"
	secretSymbol = "999-BC/TU"
	secretBody   = "Nội dung hồ sơ nhân sự không được lộ"
	secretFile   = "bí-mật-nhân-sự.pdf"
	secretInFile = "CHUOI-BI-MAT-TRONG-TEP"
)

func newRegistry(t *testing.T, e *servertest.Env) registry {
	t.Helper()
	office := auth.Principal{User: e.Users["office"]}
	mk := func(in documents.Input) documents.Document {
		d, err := e.App.Documents.Create(e.Ctx, office, in)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	var r registry
	r.kl = mk(documents.Input{Kind: "conclusion", Symbol: "21-KL/TW", IssuerName: "Bộ Chính trị", IssuedOn: date.MustParse("2021-10-25"),
		Title: "về tiếp tục thử nghiệm hệ thống"})
	r.plan = mk(documents.Input{Kind: "plan", Symbol: "147-KH/TU", IssuerName: "Tỉnh ủy Thử", IssuedOn: date.MustParse("2022-01-14"),
		Title: "thực hiện Kết luận số 21-KL/TW"})
	r.secret = mk(documents.Input{Kind: "report", Symbol: secretSymbol, IssuerName: "Tỉnh ủy Thử", IssuedOn: date.MustParse("2022-06-01"),
		Title: secretTitle, Body: secretBody, Class: auth.ClassToiMat, ClassReason: "nhân sự"})
	for _, l := range []documents.LinkInput{{FromID: r.plan.ID, ToID: r.kl.ID, Kind: documents.Implements},
		{FromID: r.secret.ID, ToID: r.plan.ID, Kind: documents.Reviews}, {FromID: r.secret.ID, ToID: r.kl.ID, Kind: documents.Cites}} {
		if _, err := e.App.Documents.Link(e.Ctx, office, l); err != nil {
			t.Fatal(err)
		}
	}
	f, err := e.App.Documents.Attach(e.Ctx, office, r.secret.ID, secretFile, filestest.PDF(secretInFile))
	if err != nil {
		t.Fatal(err)
	}
	r.fileID = f.ID
	if _, err := e.App.Documents.RegisterCopy(e.Ctx, office, r.secret.ID, documents.CopyInput{Recipient: "Người nhận bí mật", HandedOn: date.MustParse("2022-06-02")}); err != nil {
		t.Fatal(err)
	}
	return r
}

func TestDocumentPages(t *testing.T) {
	t.Parallel()
	e := servertest.New(t)
	r := newRegistry(t, e)
	id := func(d documents.Document) string { return fmt.Sprint(d.ID) }
	run(t, e, []scenario{
		{name: "registry", as: "office", method: "GET", path: "/documents", status: 200,
			contains: []string{"147-KH/TU", "21-KL/TW", secretSymbol, "3 văn bản", "classbanner class-2"}},
		{name: "registry filtered", as: "office", method: "GET", path: "/documents?kind=plan&year=2022", status: 200,
			contains: []string{"147-KH/TU", "1 văn bản"}, absent: []string{"21-KL/TW</a>"}},
		{name: "registry with a bad date", as: "office", method: "GET", path: "/documents?in_force_on=32/13/2022", status: 422,
			contains: []string{"Ngày không hợp lệ"}},
		{name: "document page", as: "office", method: "GET", path: "/documents/" + id(r.kl), status: 200,
			contains: []string{"Kết luận số 21-KL/TW", "Được thực hiện bởi", "147-KH/TU", secretSymbol, "classbanner class-2"}},
		{name: "secret page", as: "office", method: "GET", path: "/documents/" + id(r.secret), status: 200,
			contains: []string{secretTitle, secretBody, secretFile, "Người nhận bí mật", "classbanner class-2", "nhân sự"}},
		{name: "family as of a date", as: "office", method: "GET", path: "/documents/" + id(r.kl) + "?as_of=01/03/2022", status: 200,
			contains: []string{"147-KH/TU"}, absent: []string{secretSymbol + "</a>\n"}},
		{name: "new form", as: "office", method: "GET", path: "/documents/new?origin=internal", status: 200, contains: []string{"symbol_issuer"}},
		{name: "reader cannot register", as: "reader", method: "GET", path: "/documents/new", status: 403},
	})
	// Register through the form: a bad symbol is named, then a good one is saved.
	c := e.SignIn("office")
	form := url.Values{"origin": {"external"}, "kind": {"plan"}, "symbol": {"15-XX"}, "issuer_name": {"Tỉnh ủy Thử"},
		"issued_on": {"01/02/2023"}, "title": {"kế hoạch đăng ký qua biểu mẫu"}, "capacity": {""}, "status": {"issued"}, "class": {"0"}}
	resp := e.Do(c, "POST", "/documents", form.Encode())
	if resp.Status != 422 || !strings.Contains(resp.Body, "Số, ký hiệu không hợp lệ") {
		t.Fatalf("bad symbol: %d\n%s", resp.Status, resp.Body)
	}
	form.Set("symbol", "15-KH/TU")
	if resp = e.Do(c, "POST", "/documents", form.Encode()); resp.Status != 303 {
		t.Fatalf("good form: %d\n%s", resp.Status, resp.Body)
	}
	page := e.Do(c, "GET", resp.Header.Get("Location"), "")
	if !strings.Contains(page.Body, "15-KH/TU") || !strings.Contains(page.Body, "Đã lưu văn bản") {
		t.Fatalf("new document page:\n%s", page.Body)
	}
	// A draft issued through the page gets the next number.
	form = url.Values{"origin": {"internal"}, "kind": {"plan"}, "system": {"party"}, "symbol_issuer": {"TU"}, "issuer_name": {"Tỉnh ủy Thử"},
		"title": {"dự thảo kế hoạch"}, "capacity": {""}, "class": {"0"}}
	if resp = e.Do(c, "POST", "/documents", form.Encode()); resp.Status != 303 {
		t.Fatalf("draft: %d\n%s", resp.Status, resp.Body)
	}
	loc := resp.Header.Get("Location")
	if resp = e.Do(c, "POST", loc+"/issue", url.Values{"issued_on": {"02/02/2023"}}.Encode()); resp.Status != 303 {
		t.Fatalf("issue: %d\n%s", resp.Status, resp.Body)
	}
	if page = e.Do(c, "GET", loc, ""); !strings.Contains(page.Body, "148-KH/TU") {
		t.Fatalf("issued draft is not 148-KH/TU:\n%s", page.Body)
	}
	// Upload: a file whose content is not what its name says is refused on the page.
	up := upload(t, "ke-hoach.docx", filestest.PDF("x"))
	resp = e.Do(c, "POST", loc+"/files", up.body, "Content-Type: "+up.contentType)
	if resp.Status != 422 || !strings.Contains(resp.Body, "Tên tệp là DOCX nhưng nội dung là PDF") {
		t.Fatalf("mismatched upload: %d\n%s", resp.Status, resp.Body)
	}
	up = upload(t, "ke-hoach.pdf", filestest.PDF("nội dung kế hoạch"))
	if resp = e.Do(c, "POST", loc+"/files", up.body, "Content-Type: "+up.contentType); resp.Status != 303 {
		t.Fatalf("upload: %d\n%s", resp.Status, resp.Body)
	}
}

type multipartBody struct{ body, contentType string }

func upload(t *testing.T, name string, data []byte) multipartBody {
	return uploadFiles(t, namedFile{name, data})
}

// namedFile is one file of a multipart form.
type namedFile struct {
	name string
	data []byte
}

// uploadFiles is a multipart form with the files in the field "file".
func uploadFiles(t *testing.T, files ...namedFile) multipartBody {
	return multipartForm(t, "file", nil, files...)
}

// multipartForm is a multipart form with text fields and files in the
// field named field.
func multipartForm(t *testing.T, field string, values map[string]string, files ...namedFile) multipartBody {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range values {
		if err := mw.WriteField(k, v); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range files {
		fw, err := mw.CreateFormFile(field, f.name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(f.data)
	}
	mw.Close()
	return multipartBody{buf.String(), mw.FormDataContentType()}
}

func TestDocumentAPI(t *testing.T) {
	t.Parallel()
	e := servertest.New(t)
	r := newRegistry(t, e)
	run(t, e, []scenario{
		{name: "list", as: "token:office:read", method: "GET", path: "/api/v1/documents?kind=plan", status: 200,
			contains: []string{`"total":1`, `"symbol":"147-KH/TU"`}},
		{name: "create with a bad symbol", as: "token:office:write", method: "POST", path: "/api/v1/documents",
			body: `{"kind":"plan","symbol":"1/2/3","issuer_name":"Tỉnh ủy Thử","issued_on":"2023-01-01","title":"x"}`, status: 422,
			contains: []string{`"name":"symbol"`}},
		{name: "create", as: "token:office:write", method: "POST", path: "/api/v1/documents",
			body: `{"kind":"directive","symbol":"05-CT/TU","issuer_name":"Tỉnh ủy Thử","issued_on":"2023-01-01","title":"chỉ thị qua API"}`, status: 201,
			contains: []string{`"symbol":"05-CT/TU"`, `"status":"issued"`}},
		{name: "duplicate", as: "token:office:write", method: "POST", path: "/api/v1/documents",
			body: `{"kind":"directive","symbol":"05-CT/TU","issuer_name":"Tỉnh ủy Thử","issued_on":"2023-03-01","title":"trùng"}`, status: 409,
			contains: []string{`"name":"symbol"`}},
		{name: "classify above own clearance", as: "token:office:write", method: "POST", path: fmt.Sprintf("/api/v1/documents/%d/classify", r.plan.ID),
			body: `{"class":3,"reason":"thử"}`, status: 422, contains: []string{`"name":"class"`}},
		{name: "classify without reason", as: "token:office:write", method: "POST", path: fmt.Sprintf("/api/v1/documents/%d/classify", r.plan.ID),
			body: `{"class":1}`, status: 422, contains: []string{`"name":"reason"`}},
		{name: "bad transition", as: "token:office:write", method: "POST", path: fmt.Sprintf("/api/v1/documents/%d/status", r.plan.ID),
			body: `{"status":"draft"}`, status: 409},
		{name: "family", as: "token:office:read", method: "GET", path: fmt.Sprintf("/api/v1/documents/%d/family?as_of=2024-01-01", r.kl.ID), status: 200,
			contains: []string{`"symbol":"147-KH/TU"`, secretSymbol}},
		{name: "download", as: "token:office:read", method: "GET", path: fmt.Sprintf("/api/v1/documents/%d/files/%d", r.secret.ID, r.fileID), status: 200,
			contains: []string{secretInFile}},
		{name: "export", as: "token:office:read", method: "GET", path: "/api/v1/documents/export", status: 200},
		{name: "reader cannot write", as: "token:reader:write", method: "POST", path: "/api/v1/documents", body: `{}`, status: 403},
	})
	// Upload through the API: the type is checked against the content.
	auth := "Authorization: Bearer " + e.Token("office", "write")
	up := upload(t, "anh.png", filestest.PDF("không phải ảnh"))
	if resp := e.Do(nil, "POST", fmt.Sprintf("/api/v1/documents/%d/files", r.plan.ID), up.body, "Content-Type: "+up.contentType, auth); resp.Status != 422 ||
		!strings.Contains(resp.Body, `"name":"file"`) {
		t.Fatalf("API upload of a mismatched file: %d %s", resp.Status, resp.Body)
	}
	up = upload(t, "ke-hoach.docx", filestest.DOCX("nội dung"))
	if resp := e.Do(nil, "POST", fmt.Sprintf("/api/v1/documents/%d/files", r.plan.ID), up.body, "Content-Type: "+up.contentType, auth); resp.Status != 201 ||
		!strings.Contains(resp.Body, `"type":"docx"`) {
		t.Fatalf("API upload: %d %s", resp.Status, resp.Body)
	}
	var page documents.ListPage
	resp := e.Do(nil, "GET", "/api/v1/documents", "", "Authorization: Bearer "+e.Token("leader", "read"))
	if err := json.Unmarshal([]byte(resp.Body), &page); err != nil || page.Total != 3 {
		t.Fatalf("leader without need to know sees %d: %v %s", page.Total, err, resp.Body)
	}
}

func itoa(id int64) string { return fmt.Sprint(id) }
