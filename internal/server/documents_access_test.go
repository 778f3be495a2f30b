package server_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"plenum/internal/api"
	"plenum/internal/server/servertest"
	"plenum/internal/web"
)

// secrets are what no uncleared reader, nor a cleared one without need to
// know, may find anywhere: in pages, API answers, exports or file content.
var secrets = []string{secretTitle, secretSymbol, secretBody, secretFile, secretInFile, "Người nhận bí mật", "classbanner class-2",
	"TỐI MẬT", `"class":2`}

// documentRoutes returns the GET routes of pages and API under /documents
// and /api/v1/documents.
func documentRoutes(e *servertest.Env) []string {
	var out []string
	rts := append(web.New(e.App, web.Options{}).Register(http.NewServeMux()).Routes(),
		api.New(e.App).Register(http.NewServeMux()).Routes()...)
	for _, rt := range rts {
		method, path, _ := strings.Cut(rt.Pattern, " ")
		if method == "GET" && (strings.HasPrefix(path, "/documents") || strings.HasPrefix(path, "/api/v1/documents")) {
			out = append(out, path)
		}
	}
	return out
}

// TestClassifiedDocumentsDoNotLeak walks every document page and API route,
// and the export, as a reader without clearance, as a leader cleared for
// everything but without need to know, and as an office clerk cleared and
// allowed to write but without need to know. The secret report must be
// indistinguishable from a document that does not exist: same status, no
// trace of its title, symbol, text, file name or file content, and counts
// that leave it out.
func TestClassifiedDocumentsDoNotLeak(t *testing.T) {
	t.Parallel()
	e := servertest.New(t)
	r := newRegistry(t, e)
	addClerk(t, e)
	missing := int64(987654)
	routes := documentRoutes(e)
	if len(routes) < 12 {
		t.Fatalf("only %d document routes found: %v", len(routes), routes)
	}
	fill := func(path string, id int64) string {
		return strings.NewReplacer("{id}", fmt.Sprint(id), "{file}", fmt.Sprint(r.fileID), "{link}", "1", "{copy}", "1").Replace(path)
	}
	for _, who := range []string{"reader", "leader", "clerk"} {
		c := e.SignIn(who)
		token := "Authorization: Bearer " + e.Token(who, "read")
		get := func(path string) servertest.Response {
			if strings.HasPrefix(path, "/api/") {
				return e.Do(nil, "GET", path, "", token)
			}
			return e.Do(c, "GET", path, "")
		}
		noSecrets := func(path string, resp servertest.Response) {
			t.Helper()
			body := resp.Body
			if strings.Contains(resp.Header.Get("Content-Type"), "spreadsheetml") {
				body = xlsxText(t, []byte(resp.Body))
				if !strings.HasPrefix(resp.Header.Get("X-Security-Class"), "0 ") {
					t.Errorf("%s %s: export marked class %q", who, path, resp.Header.Get("X-Security-Class"))
				}
			}
			for _, s := range secrets {
				if strings.Contains(body, s) {
					t.Errorf("%s %s: the answer contains %q", who, path, s)
				}
			}
		}
		for _, route := range routes {
			if !strings.Contains(route, "{id}") {
				for _, q := range []string{"", "?q=đánh+giá", "?class=2", "?year=2022&kind=report"} {
					noSecrets(route+q, get(route+q))
				}
				continue
			}
			hidden, absent := get(fill(route, r.secret.ID)), get(fill(route, missing))
			if hidden.Status != absent.Status || hidden.Status != http.StatusNotFound && hidden.Status != http.StatusForbidden {
				t.Errorf("%s %s: the secret report answers %d, a missing document %d", who, route, hidden.Status, absent.Status)
			}
			noSecrets(fill(route, r.secret.ID), hidden)
			for _, open := range []int64{r.kl.ID, r.plan.ID} {
				path := fill(route, open) + "?as_of=2030-01-01"
				noSecrets(path, get(path))
			}
		}
		// Search finds the open documents and not the secret report.
		for _, q := range []string{"đánh giá cán bộ", "999 BC TU", "999-BC", "nhân sự", "KL/TW"} { // not the whole symbol: the page echoes the query
			for _, path := range []string{"/search?q=" + url.QueryEscape(q), "/api/v1/search?q=" + url.QueryEscape(q)} {
				noSecrets(path, get(path))
			}
		}
		if resp := get("/api/v1/search?q=" + url.QueryEscape("21-KL/TW")); !strings.Contains(resp.Body, "21-KL/TW") {
			t.Errorf("%s: search does not find 21-KL/TW: %s", who, resp.Body)
		}
		// Counts leave the secret report out.
		if resp := get("/api/v1/documents"); !strings.Contains(resp.Body, `"total":2`) {
			t.Errorf("%s: API total %s", who, resp.Body)
		}
		if resp := get("/documents"); !strings.Contains(resp.Body, "2 văn bản") {
			t.Errorf("%s: registry count", who)
		}
	}
	// Writes by someone cleared and allowed to write but without need to
	// know answer exactly as for a missing document.
	c := e.SignIn("clerk")
	for _, path := range []string{"/documents/%d/status", "/documents/%d/classify", "/documents/%d/links", "/documents/%d/copies",
		"/documents/%d/publish", "/documents/%d", "/documents/%d/issue"} {
		hidden := e.Do(c, "POST", fmt.Sprintf(path, r.secret.ID), "status=expired&on=01/01/2030&class=0&reason=x&to_id=1&kind=cites&recipient=x&handed_on=01/01/2030")
		absent := e.Do(c, "POST", fmt.Sprintf(path, missing), "status=expired&on=01/01/2030&class=0&reason=x&to_id=1&kind=cites&recipient=x&handed_on=01/01/2030")
		if hidden.Status != absent.Status || hidden.Status != http.StatusNotFound {
			t.Errorf("POST %s: secret %d, missing %d", path, hidden.Status, absent.Status)
		}
	}
	// Linking to the secret report is refused as for a document that does not exist.
	link := func(to int64) servertest.Response {
		return e.Do(c, "POST", fmt.Sprintf("/api/v1/documents/%d/links", r.plan.ID), fmt.Sprintf(`{"to_id":%d,"kind":"cites"}`, to),
			"Authorization: Bearer "+e.Token("clerk", "write"))
	}
	if hidden, absent := link(r.secret.ID), link(missing); hidden.Status != absent.Status || hidden.Body[:40] != absent.Body[:40] {
		t.Errorf("link to the secret report: %d %s / %d %s", hidden.Status, hidden.Body, absent.Status, absent.Body)
	}
}

// xlsxText returns every cell of every sheet of a workbook, and the sheets'
// headers and footers.
func xlsxText(t *testing.T, b []byte) string {
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("export is not a workbook: %v", err)
	}
	defer f.Close()
	var out strings.Builder
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for _, row := range rows {
			out.WriteString(strings.Join(row, "\t") + "\n")
		}
		if hf, err := f.GetHeaderFooter(sheet); err == nil && hf != nil {
			out.WriteString(hf.OddHeader + hf.OddFooter)
		}
	}
	return out.String()
}

// TestDuplicateSymbolOfAHiddenDocument: registering a number and symbol
// that the issuer already gave a classified document is refused, also for
// a clerk who may not see that document. This is deliberate. The number
// register of an issuer is one sequence kept by the office that issues the
// numbers, classified documents included (their number and symbol stand in
// the outgoing register and on the envelope; what the class protects is
// their title and content), and two documents must never share a number.
// So the refusal may say that the number is taken — which the register's
// keeper knows anyway — but nothing else: the answer is word for word the
// one for a number taken by an ordinary document, with no title, summary,
// class or link to the hidden one.
func TestDuplicateSymbolOfAHiddenDocument(t *testing.T) {
	t.Parallel()
	e := servertest.New(t)
	r := newRegistry(t, e)
	addClerk(t, e)
	token := "Authorization: Bearer " + e.Token("clerk", "read", "write")
	register := func(symbol, kind, issued string) servertest.Response {
		return e.Do(nil, "POST", "/api/v1/documents", fmt.Sprintf(`{"kind":%q,"symbol":%q,"issuer_name":"Tỉnh ủy Thử","issued_on":%q,"title":"văn bản đăng ký thử"}`,
			kind, symbol, issued), token)
	}
	hidden, open := register(secretSymbol, "report", "2022-07-01"), register(r.plan.Symbol, "plan", "2022-07-01")
	strip := func(s string) string { return regexp.MustCompile(`"request_id":"[0-9a-f]+"`).ReplaceAllString(s, "") }
	if hidden.Status != http.StatusConflict || hidden.Status != open.Status || strip(hidden.Body) != strip(open.Body) {
		t.Errorf("a number taken by a hidden document: %d %s\nby an open one: %d %s", hidden.Status, hidden.Body, open.Status, open.Body)
	}
	for _, s := range secrets {
		if strings.Contains(hidden.Body, s) && s != secretSymbol {
			t.Errorf("the refusal shows %q", s)
		}
	}
	if !strings.Contains(hidden.Body, `"name":"symbol"`) {
		t.Errorf("the refusal does not name the field: %s", hidden.Body)
	}
	// The web form answers alike.
	c := e.SignIn("clerk")
	form := func(symbol, kind string) servertest.Response {
		v := url.Values{"origin": {"external"}, "kind": {kind}, "symbol": {symbol}, "issuer_name": {"Tỉnh ủy Thử"},
			"issued_on": {"01/07/2022"}, "title": {"văn bản đăng ký thử"}, "status": {"issued"}, "class": {"0"}}
		return e.Do(c, "POST", "/documents", v.Encode())
	}
	h, o := form(secretSymbol, "report"), form(r.plan.Symbol, "plan")
	const taken = "Cơ quan ban hành đã có văn bản mang số, ký hiệu này"
	if h.Status != o.Status || !strings.Contains(h.Body, taken) || !strings.Contains(o.Body, taken) || strings.Contains(h.Body, secretTitle) {
		t.Errorf("form: hidden %d, open %d", h.Status, o.Status)
	}
}
