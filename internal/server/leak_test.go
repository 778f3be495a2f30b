package server_test

import (
	"archive/zip"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"maps"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/router"
	"plenum/internal/search"
	"plenum/internal/server"
	"plenum/internal/server/servertest"
)

// classified is what a fixture created: texts that must never reach a reader
// without clearance and need to know, and ids to put into route patterns.
type classified struct {
	secrets []string
	ids     []int64
	// paths are requests the route patterns cannot make (a file of a
	// record, an export in a format), each with the request that asks the
	// same of records that do not exist ("" when there is none to compare).
	paths map[string]string
}

// missingID is the id of no record.
const missingID = 987654321

func pathf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// classifiedFixtures create classified records of every kind. Each kind of
// record that can be classified adds one here.
var classifiedFixtures = map[string]func(t *testing.T, e *servertest.Env) classified{
	"audit entry": func(t *testing.T, e *servertest.Env) classified {
		secret := "Bí mật nhật ký 7731"
		err := e.App.DB.Tx(e.Ctx, func(ctx context.Context) error {
			return e.App.Audit.Record(ctx, audit.Change{Action: "create", Entity: "document", EntityID: 424242, Class: 2,
				After: map[string]string{"title": secret}})
		})
		if err != nil {
			t.Fatal(err)
		}
		return classified{secrets: []string{secret}, ids: []int64{424242}}
	},
}

var placeholder = regexp.MustCompile(`\{[a-z_]+\}`)

// TestNothingClassifiedLeaks walks every page and API route as readers who
// may not see the classified records — without clearance, or cleared but
// without a need to know — with every classified id and with an id that does
// not exist, in the path, in filters and in posted forms, and with bad ids
// and bad parameters. No answer may contain a secret (exported workbooks are
// unzipped and read whole), and a classified id must get exactly the answer a
// missing one gets, apart from the id, so that not even existence leaks.
// Counts (list totals, search facets, the notification bell) must count
// only what the reader may see.
func TestNothingClassifiedLeaks(t *testing.T) {
	t.Parallel()
	e := servertest.New(t)
	all := classified{paths: map[string]string{}}
	// In a fixed order, so that the word searched for is the same from run
	// to run.
	for _, name := range slices.Sorted(maps.Keys(classifiedFixtures)) {
		c := classifiedFixtures[name](t, e)
		if len(c.secrets) == 0 {
			t.Fatalf("fixture %s made no secrets", name)
		}
		all.secrets = append(all.secrets, c.secrets...)
		all.ids = append(all.ids, c.ids...)
		maps.Copy(all.paths, c.paths)
	}
	// The walk proves something only if the paths do show the secrets to
	// the office, which has the need to know them.
	office := e.SignIn("office")
	for path := range all.paths {
		r := e.Do(office, "GET", path, "")
		text := readable(t, r)
		if r.Status != http.StatusOK || !slices.ContainsFunc(all.secrets, func(s string) bool { return strings.Contains(text, s) }) {
			t.Errorf("office: %s answers %d without a secret: the walk would prove nothing", path, r.Status)
		}
		// An export with classified rows is marked with their class, in
		// its headers and in the file.
		if strings.Contains(path, "export") || strings.Contains(path, "sheet?") {
			if !strings.HasPrefix(r.Header.Get("X-Security-Class"), "1 ") || !strings.Contains(text, "MẬT") ||
				!strings.Contains(r.Header.Get("Content-Disposition"), "M%E1%BA%ACT") {
				t.Errorf("office: %s is not marked: %q %q", path, r.Header.Get("X-Security-Class"), r.Header.Get("Content-Disposition"))
			}
		}
	}
	// Pages that show a classified record are marked with its class (the
	// office sees the records of every fixture).
	for _, path := range []string{"/notifications", "/tasks?unit_id=0&all=1", "/indicators", "/documents", "/search?q=" + url.QueryEscape("mật")} {
		if r := e.Do(office, "GET", path, ""); !strings.Contains(r.Body, "classbanner class-") {
			t.Errorf("office: %s shows classified records unmarked", path)
		}
	}
	readers := map[string]string{
		"uncleared reader":         "reader",
		"uncleared editor":         "editor",
		"cleared, no need to know": "leader",
		"cleared administrator":    "admin",
		"uncleared token":          "token:reader:read",
		"cleared token":            "token:leader:read,write,ingest,news.edit",
	}
	routes := server.Routes(e.App)
	if len(routes) < 20 {
		t.Fatalf("only %d routes", len(routes))
	}
	// Everyone signs in before the walk: its failed attempts at the forms
	// that check a password would otherwise throttle the later sign-ins.
	clients := map[string]*http.Client{}
	for _, as := range readers {
		if !strings.HasPrefix(as, "token:") {
			clients[as] = e.SignIn(as)
		}
	}
	// The readers walk side by side, but no two walkers of one account at
	// once: what one reads (notifications marked read) would change what the
	// other compares. So the sessions walk first, then the tokens.
	for _, tokens := range []bool{false, true} {
		t.Run(map[bool]string{false: "sessions", true: "tokens"}[tokens], func(t *testing.T) {
			for who, as := range readers {
				if strings.HasPrefix(as, "token:") != tokens {
					continue
				}
				t.Run(who, func(t *testing.T) {
					t.Parallel()
					se := *e // the same server, failing this subtest
					se.T = t
					w := &walker{t: t, e: &se, who: who, c: clients[as], all: all}
					if tokens {
						parts := strings.SplitN(as, ":", 3)
						w.user = parts[1]
						w.headers = []string{"Authorization: Bearer " + se.Token(parts[1], strings.Split(parts[2], ",")...)}
						w.c = se.Client()
					} else {
						w.user = as
					}
					// Counts first: the walk marks notifications read.
					w.counts()
					for _, rt := range routes {
						w.route(rt)
					}
					for path, missing := range all.paths {
						w.same("GET", path, "", missing, "")
					}
				})
			}
		})
	}
}

// walker walks the routes as one reader.
type walker struct {
	t       *testing.T
	e       *servertest.Env
	who     string
	user    string
	c       *http.Client
	headers []string
	all     classified
}

func (w *walker) do(method, path, body string) servertest.Response {
	return w.e.Do(w.c, method, path, body, w.headers...)
}

// route walks one route pattern.
func (w *walker) route(rt router.Route) {
	method, pattern, _ := strings.Cut(rt.Pattern, " ")
	// The sign-in form shows no record, and the walk's failed attempts at
	// it would throttle the sign-ins of the next readers. Revoking a token
	// with a record's id would revoke the walking token itself when the ids
	// meet: tokens are no classified records. Ending one's sessions and
	// changing one's password concern no record and would end the walk.
	if pattern == "/static/{hash}/{name}" || method == "DELETE" || rt.Pattern == "POST /signin" ||
		rt.Pattern == "POST /account/tokens/{id}/revoke" || rt.Pattern == "POST /signout" ||
		rt.Pattern == "POST /account/sessions/end" || rt.Pattern == "POST /account/password" {
		return
	}
	fill := func(id string) string {
		return strings.TrimSuffix(placeholder.ReplaceAllString(pattern, id), "{$}")
	}
	missing := fmt.Sprint(missingID)
	isAPI := strings.HasPrefix(pattern, "/api/")
	if method != "GET" {
		// An empty form, and one that names each classified record in the
		// fields that refer to records: refused as for a missing record.
		empty, withID := "x=1", "document_id=%[1]s&source_kind=document&source_id=%[1]s&to_id=%[1]s&indicator_id=%[1]s"+
			"&document_ids=%[1]s&weight_indicator_id=%[1]s&item_id=%[1]s&conference_id=%[1]s&unit_id=1&title=x&percent=10&reason=x&class=0"
		if isAPI {
			empty, withID = "{}", `{"document_id":%[1]s,"source_kind":"document","source_id":%[1]s,"to_id":%[1]s,"indicator_id":%[1]s,`+
				`"document_ids":[%[1]s],"weight_indicator_id":%[1]s,"item_id":%[1]s,"conference_id":%[1]s,"unit_id":1,"title":"x","percent":10,"reason":"x"}`
		}
		for _, id := range w.all.ids {
			s := fmt.Sprint(id)
			if placeholder.MatchString(pattern) {
				w.same(method, fill(s), empty, fill(missing), empty)
			} else {
				w.same(method, fill(s), fmt.Sprintf(withID, s), fill(missing), fmt.Sprintf(withID, missing))
			}
		}
		for _, bad := range []string{"abc", "-1", "0", "99999999999999999999"} {
			w.clean(method, fill(bad), empty)
		}
		return
	}
	// Searches use a word the secrets share, itself no secret: the form
	// echoes what was typed, so what must not appear is the rest of them.
	queries := []string{"", "?q=" + url.QueryEscape("mật")}
	if placeholder.MatchString(pattern) {
		for _, id := range w.all.ids {
			for _, q := range queries {
				w.same("GET", fill(fmt.Sprint(id))+q, "", fill(missing)+q, "")
			}
		}
		for _, bad := range []string{"abc", "-1", "0", "99999999999999999999"} {
			w.clean("GET", fill(bad), "")
		}
		return
	}
	// Lists, exports and feeds: in every format, with bad parameters, and
	// filtered by a classified record (answered as for a missing one).
	for _, q := range append(queries, "?format=xlsx&all=1", "?format=csv&all=1", "?class=1", "?class=2&year=2025",
		"?entity=document&entity_id=424242", "?page=abc&year=x&from=32/13/2024&unit_id=abc&format=bogus&limit=-5&offset=x") {
		w.clean("GET", pattern+q, "")
	}
	filter := "?entity_id=%[1]s&document_id=%[1]s&source_id=%[1]s&source_kind=document&indicator_id=%[1]s&conference_id=%[1]s&id=%[1]s"
	for _, id := range w.all.ids {
		w.same("GET", pattern+fmt.Sprintf(filter, fmt.Sprint(id)), "", pattern+fmt.Sprintf(filter, missing), "")
	}
}

// clean asks and fails if the answer shows a secret.
func (w *walker) clean(method, path, body string) servertest.Response {
	w.t.Helper()
	got := w.do(method, path, body)
	text := readable(w.t, got)
	for _, s := range w.all.secrets {
		if strings.Contains(text, s) {
			w.t.Errorf("%s: %s %s shows %q", w.who, method, path, s)
		}
	}
	return got
}

// same asks about a classified record and about a missing one: the answers
// must be alike but for the ids, and show no secret.
func (w *walker) same(method, path, body, missingPath, missingBody string) {
	w.t.Helper()
	got := w.clean(method, path, body)
	if missingPath == "" {
		return
	}
	want := w.do(method, missingPath, missingBody)
	if got.Status != want.Status {
		w.t.Errorf("%s: %s %s answers %d but a missing record %d: existence leaks", w.who, method, path, got.Status, want.Status)
		return
	}
	if a, b := w.withoutIDs(readable(w.t, got)), w.withoutIDs(readable(w.t, want)); a != b {
		w.t.Errorf("%s: %s %s answers otherwise than for a missing record: existence leaks\n%s", w.who, method, path, firstDiff(a, b))
	}
}

var (
	number    = regexp.MustCompile(`\d+`)
	requestID = regexp.MustCompile(`"request_id":"[0-9a-f]+"`)
)

// withoutIDs replaces the ids of the walk's records (and the missing id) by
// "ID", and leaves out the id of the request.
func (w *walker) withoutIDs(s string) string {
	s = requestID.ReplaceAllString(s, "")
	ids := map[string]bool{fmt.Sprint(missingID): true}
	for _, id := range w.all.ids {
		ids[fmt.Sprint(id)] = true
	}
	return number.ReplaceAllStringFunc(s, func(n string) string {
		if ids[n] {
			return "ID"
		}
		return n
	})
}

// firstDiff shows where two texts part.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(i-80, 0)
	return fmt.Sprintf("…%s\n   versus\n…%s", a[from:min(i+120, len(a))], b[from:min(i+120, len(b))])
}

// readable is an answer's text; a workbook (or any zip) is unzipped and
// every part of it read, so that titles, sheet names, headers, footers and
// document properties are all looked at.
func readable(t *testing.T, r servertest.Response) string {
	t.Helper()
	if !strings.HasPrefix(r.Body, "PK\x03\x04") {
		return r.Body
	}
	z, err := zip.NewReader(strings.NewReader(r.Body), int64(len(r.Body)))
	if err != nil {
		t.Fatalf("a zip that does not open: %v", err)
	}
	var out strings.Builder
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		out.WriteString(f.Name + "\n" + html.UnescapeString(string(b)) + "\n")
	}
	return out.String()
}

var total = regexp.MustCompile(`"(total|unread)":(\d+)`)

// counts checks that the counts a reader is shown count only what they may
// see: for readers who may see no classified record, the unclassified ones.
func (w *walker) counts() {
	w.t.Helper()
	ctx := w.e.Ctx
	d := w.e.App.DB.Primary()
	count := func(q string, args ...any) int {
		var n int
		if err := d.QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
			w.t.Fatal(err)
		}
		return n
	}
	user := w.e.Users[w.user].ID
	for _, c := range []struct{ path, want string }{
		{"/api/v1/documents", fmt.Sprintf(`"total":%d`, count(`SELECT count(*) FROM documents WHERE class = 0`))},
		{"/documents", fmt.Sprintf(`%d văn bản`, count(`SELECT count(*) FROM documents WHERE class = 0`))},
		{"/api/v1/tasks?all=1", fmt.Sprintf(`"total":%d`, count(`SELECT count(*) FROM tasks WHERE class = 0`))},
		{"/api/v1/tasks/counts/units", fmt.Sprintf(`"total":%d`, count(`SELECT count(*) FROM task_occurrences WHERE class = 0`))},
		{"/api/v1/tasks/counts/documents", fmt.Sprintf(`"total":%d`, count(`SELECT count(*) FROM task_occurrences WHERE class = 0 AND document_id IS NOT NULL`))},
		{"/api/v1/conferences", fmt.Sprintf(`"total":%d`, count(`SELECT count(*) FROM conferences WHERE class = 0`))},
		{"/api/v1/ingest?status=", fmt.Sprintf(`"total":%d`, count(`SELECT count(*) FROM ingest_items WHERE class = 0`))},
		{"/api/v1/notifications", fmt.Sprintf(`"unread":%d`, count(`SELECT count(*) FROM notifications WHERE user_id = $1 AND class = 0 AND read_at IS NULL`, user))},
	} {
		r := w.do("GET", c.path, "")
		if r.Status != http.StatusOK {
			continue // not theirs to read at all
		}
		if strings.HasPrefix(c.path, "/api/v1/tasks/counts/") {
			// A row a unit or a document: what is counted is their sum.
			var rows struct{ Items []struct{ Total int } }
			if err := json.Unmarshal([]byte(r.Body), &rows); err != nil {
				w.t.Fatalf("%s: %s: %v", w.who, c.path, err)
			}
			n := 0
			for _, row := range rows.Items {
				n += row.Total
			}
			if got := fmt.Sprintf(`"total":%d`, n); got != c.want {
				w.t.Errorf("%s: %s counts %s in all, want %s", w.who, c.path, got, c.want)
			}
			continue
		}
		if !strings.Contains(r.Body, c.want) {
			m := total.FindString(r.Body)
			w.t.Errorf("%s: %s counts %q, want %q", w.who, c.path, m, c.want)
		}
	}
	// The bell shows the unread notifications the reader may see.
	if n := count(`SELECT count(*) FROM notifications WHERE user_id = $1 AND class = 0 AND read_at IS NULL`, user); len(w.headers) == 0 {
		r := w.do("GET", "/account", "")
		badge := regexp.MustCompile(`<span class="badge">(\d+)</span>`).FindStringSubmatch(r.Body)
		if got := 0; r.Status == http.StatusOK {
			if badge != nil {
				got, _ = strconv.Atoi(badge[1])
			}
			if got != n {
				w.t.Errorf("%s: the bell counts %d, want %d", w.who, got, n)
			}
		}
	}
	// Search: the totals and facets are those of a reader who sees nothing classified.
	for _, q := range []string{"biên giới", "bí mật", "phương án", "nhân sự"} {
		r := w.do("GET", "/api/v1/search?q="+url.QueryEscape(q), "")
		if r.Status != http.StatusOK {
			continue
		}
		var got search.Result
		if err := json.Unmarshal([]byte(r.Body), &got); err != nil {
			w.t.Fatal(err)
		}
		p := auth.Principal{User: w.e.Users[w.user]}
		want, err := w.e.App.Search.Search(ctx, access.Viewer{}, search.Query{Text: q, Readable: search.Readable(p), Lang: "vi"})
		if err != nil {
			w.t.Fatal(err)
		}
		gf, _ := json.Marshal(got.Facets)
		wf, _ := json.Marshal(want.Facets)
		if got.Total != want.Total || string(gf) != string(wf) {
			w.t.Errorf("%s: search %q counts %d %s, an uncleared reader %d %s", w.who, q, got.Total, gf, want.Total, wf)
		}
	}
}

// TestClassifiedReadsAreAudited: every answer that shows a classified record
// to someone who may see it — its page, its API record, its figures, its
// file, an export with it among the rows — leaves a "read" entry naming the
// reader in the audit log. Lists on screen are not reads: they show what a
// record is, not what it says, and a copy leaves only by an export.
func TestClassifiedReadsAreAudited(t *testing.T) {
	t.Parallel()
	e := servertest.New(t)
	all := classified{paths: map[string]string{}}
	for _, fixture := range classifiedFixtures {
		c := fixture(t, e)
		all.ids = append(all.ids, c.ids...)
		all.secrets = append(all.secrets, c.secrets...)
		maps.Copy(all.paths, c.paths)
	}
	office := e.SignIn("office")
	token := "Authorization: Bearer " + e.Token("office", "read", "ingest")
	reads := func() int {
		var n int
		if err := e.App.DB.Primary().QueryRowContext(e.Ctx, `SELECT count(*) FROM audit_log WHERE action = 'read' AND actor_id = $1`,
			e.Users["office"].ID).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	var paths []string
	for p := range all.paths {
		if !strings.HasPrefix(p, "/tasks?") && !strings.HasPrefix(p, "/api/v1/tasks?") && !strings.Contains(p, "/standing?") {
			paths = append(paths, p)
		}
	}
	for _, pattern := range []string{"/documents/%d", "/api/v1/documents/%d", "/tasks/%d", "/api/v1/tasks/%d", "/indicators/%d",
		"/api/v1/indicators/%d", "/ingest/%d", "/api/v1/ingest/%d", "/conferences/%d", "/api/v1/conferences/%d", "/api/v1/agenda-items/%d"} {
		for _, id := range all.ids {
			paths = append(paths, pathf(pattern, id))
		}
	}
	shown := 0
	for _, path := range paths {
		var headers []string
		if strings.HasPrefix(path, "/api/") {
			headers = append(headers, token)
		}
		before := reads()
		r := e.Do(office, "GET", path, "", headers...)
		text := readable(t, r)
		if r.Status != http.StatusOK || !slices.ContainsFunc(all.secrets, func(s string) bool { return strings.Contains(text, s) }) {
			continue
		}
		shown++
		if reads() == before {
			t.Errorf("%s shows a classified record to the office, and no read is audited", path)
		}
	}
	if shown < 20 {
		t.Errorf("only %d answers showed a classified record", shown)
	}
}
