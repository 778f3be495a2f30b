package server_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/conferences"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/documents"
	"plenum/internal/org"
	"plenum/internal/people"
	"plenum/internal/server/servertest"
)

// confWorld is a province's committee with nine members, its term, a held
// conference with a public item whose vote passed and a classified item,
// and a classified conference.
type confWorld struct {
	tu, term          int64
	open, secretConf  int64
	publicItem        int64
	secretItem        int64
	members           []int64
	secrets           []string
	publicTitle, body string
}

// startIDsAt makes the next rows of table take ids from n up, so that the
// classified records of a test name nothing else when their ids are tried
// as ids of other kinds.
func startIDsAt(t *testing.T, e *servertest.Env, table string, n int64) {
	t.Helper()
	d := e.App.DB.Primary()
	var err error
	if e.App.DB.Dialect == db.Postgres {
		_, err = d.ExecContext(e.Ctx, `SELECT setval(pg_get_serial_sequence($1, 'id'), $2)`, table, n)
	} else if _, err = d.ExecContext(e.Ctx, `DELETE FROM sqlite_sequence WHERE name = $1`, table); err == nil {
		// A table that had rows has its row already: one row per table.
		_, err = d.ExecContext(e.Ctx, `INSERT INTO sqlite_sequence (name, seq) VALUES ($1, $2)`, table, n)
	}
	if err != nil {
		t.Fatal(err)
	}
}

func newConfWorld(t *testing.T, e *servertest.Env) confWorld {
	t.Helper()
	ctx := e.Ctx
	a := e.App
	w := confWorld{secrets: []string{"Phương án nhân sự bí mật 5521", "Hội nghị kín về công tác cán bộ 7730"},
		publicTitle: "Dự thảo Nghị quyết về kinh tế cửa khẩu"}
	mk := func(name string, kind org.Kind, level org.Level, parent int64) int64 {
		u, err := a.Org.Create(ctx, org.CreateInput{NewUnit: org.NewUnit{Kind: kind, Level: level, Name: name, ParentID: parent},
			Act: org.Act{Effective: date.MustParse("2016-01-01")}})
		if err != nil {
			t.Fatal(err)
		}
		return u.ID
	}
	tw := mk("Ban Chấp hành Trung ương Đảng", org.PartyCommittee, org.Central, 0)
	w.tu = mk("Tỉnh ủy Sông Lam Thử", org.PartyCommittee, org.Province, tw)
	btv := mk("Ban Thường vụ Tỉnh ủy Sông Lam Thử", org.StandingBoard, org.Province, w.tu)
	names := []string{"Vi Văn Toàn", "Lường Thị Hoa", "Hà Văn Nam", "Lò Thị Xuân", "Tòng Văn Bình", "Cà Thị Mai", "Lự Văn Hải", "Kha Thị Lan", "Điêu Văn Sơn"}
	codes := []string{"secretary", "standing_deputy_secretary", "deputy_secretary", "standing_board_member", "standing_board_member",
		"executive_committee_member", "executive_committee_member", "executive_committee_member", "executive_committee_member"}
	for i, n := range names {
		p, err := a.People.CreatePerson(ctx, people.PersonInput{FullName: n})
		if err != nil {
			t.Fatal(err)
		}
		unit := w.tu
		if codes[i] == "standing_board_member" {
			unit = btv
		}
		if _, err := a.People.AddPost(ctx, people.PostInput{PersonID: p.ID, PositionCode: codes[i], UnitID: unit, ValidFrom: date.MustParse("2020-10-01")}); err != nil {
			t.Fatal(err)
		}
		w.members = append(w.members, p.ID)
	}
	term, err := a.Conferences.CreateTerm(ctx, conferences.TermInput{BodyID: w.tu, Numeral: "XII", YearFrom: 2020, YearTo: 2025, ValidFrom: date.MustParse("2020-10-01")})
	if err != nil {
		t.Fatal(err)
	}
	w.term = term.ID
	startIDsAt(t, e, "conferences", 900000)
	startIDsAt(t, e, "agenda_items", 910000)
	open, err := a.Conferences.Create(ctx, access.System, conferences.Input{TermID: term.ID, Kind: conferences.Regular, HeldOn: date.MustParse("2024-10-11"),
		Part: conferences.Morning, Venue: "Hội trường Tỉnh ủy", ChairIDs: w.members[:2], Subject: "đánh giá kết quả 9 tháng"})
	if err != nil {
		t.Fatal(err)
	}
	w.open = open.ID
	if _, err := a.Conferences.SetStatus(ctx, access.System, open.ID, conferences.Held); err != nil {
		t.Fatal(err)
	}
	var att []conferences.Attendance
	for _, m := range w.members {
		att = append(att, conferences.Attendance{PersonID: m, Status: conferences.Present})
	}
	if _, err := a.Conferences.SetAttendance(ctx, access.System, open.ID, att); err != nil {
		t.Fatal(err)
	}
	it, err := a.Conferences.AddItem(ctx, access.System, open.ID, conferences.ItemInput{Kind: conferences.DraftResolution, Title: w.publicTitle})
	if err != nil {
		t.Fatal(err)
	}
	w.publicItem = it.ID
	if _, err := a.Conferences.RecordVote(ctx, access.System, it.ID, conferences.VoteInput{Method: conferences.ShowOfHands, For: 8, Abstain: 1}); err != nil {
		t.Fatal(err)
	}
	secret, err := a.Conferences.AddItem(ctx, access.System, open.ID, conferences.ItemInput{Kind: conferences.Submission, Title: w.secrets[0],
		Class: 2, Grants: []access.Grant{{Role: auth.RoleOffice}}})
	if err != nil {
		t.Fatal(err)
	}
	w.secretItem = secret.ID
	closed, err := a.Conferences.Create(ctx, access.System, conferences.Input{TermID: term.ID, Kind: conferences.Extraordinary,
		HeldOn: date.MustParse("2024-11-20"), Subject: w.secrets[1], Class: 1, Grants: []access.Grant{{Role: auth.RoleOffice}}})
	if err != nil {
		t.Fatal(err)
	}
	w.secretConf = closed.ID
	return w
}

func init() {
	classifiedFixtures["conference and agenda item"] = func(t *testing.T, e *servertest.Env) classified {
		w := newConfWorld(t, e)
		// An open item that attaches a Mật document (and so is Mật), voted
		// on, and the minutes of the classified conference.
		const docTitle, minutes = "Báo cáo mật về đường biên 6120", "Biên bản phiên họp kín 6121"
		startIDsAt(t, e, "documents", 935000)
		d, err := e.App.Documents.Create(e.Ctx, auth.Principal{User: e.Users["office"]}, documents.Input{Kind: "report", Symbol: "612-BC/TU",
			IssuerName: "Tỉnh ủy Sông Lam Thử", IssuedOn: date.MustParse("2024-10-01"), Title: docTitle, Class: auth.ClassMat, ClassReason: "biên giới"})
		if err != nil {
			t.Fatal(err)
		}
		it, err := e.App.Conferences.AddItem(e.Ctx, access.System, w.open, conferences.ItemInput{Kind: conferences.Submission,
			Title: "Tờ trình về đường biên 6122", DocumentIDs: []int64{d.ID}})
		if err != nil || it.Class != auth.ClassMat {
			t.Fatalf("an item attaching a Mật document: %+v %v", it, err)
		}
		if _, err := e.App.Conferences.RecordVote(e.Ctx, access.System, it.ID, conferences.VoteInput{Method: conferences.ShowOfHands, For: 7, Against: 2}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.App.Conferences.SetStatus(e.Ctx, access.System, w.secretConf, conferences.Held); err != nil {
			t.Fatal(err)
		}
		if _, err := e.App.Conferences.WriteDraft(e.Ctx, access.System, w.secretConf, conferences.Minutes, conferences.TextInput{Body: minutes}); err != nil {
			t.Fatal(err)
		}
		return classified{secrets: append(w.secrets, docTitle, minutes, "612-BC/TU", "Tờ trình về đường biên 6122"), ids: []int64{w.secretConf, w.secretItem, d.ID, it.ID},
			paths: map[string]string{pathf("/conferences/%d/texts/minutes", w.secretConf): pathf("/conferences/%d/texts/minutes", missingID),
				pathf("/api/v1/conferences/%d/texts/minutes", w.secretConf): pathf("/api/v1/conferences/%d/texts/minutes", missingID),
				pathf("/agenda/%d/edit", it.ID):                             pathf("/agenda/%d/edit", missingID)}}
	}
}

func TestConferencePagesAndAPI(t *testing.T) {
	t.Parallel()
	e := servertest.New(t)
	w := newConfWorld(t, e)
	open, secretConf, secretItem := strconv.FormatInt(w.open, 10), strconv.FormatInt(w.secretConf, 10), strconv.FormatInt(w.secretItem, 10)
	outside := url.Values{"term_id": {strconv.FormatInt(w.term, 10)}, "kind": {"regular"}, "held_on": {"01/01/2019"}, "class": {"0"}}
	run(t, e, []scenario{
		{name: "calendar", as: "reader", method: "GET", path: "/conferences?year=2024", status: 200,
			contains: []string{"Hội nghị lần thứ 1", "Tỉnh ủy Sông Lam Thử", "Tháng 10/2024"}, absent: []string{w.secrets[1], "lần thứ 2"}},
		{name: "calendar for the office", as: "office", method: "GET", path: "/conferences?year=2024&month=11", status: 200,
			contains: []string{w.secrets[1], "Mật"}},
		{name: "conference page: quorum and a vote passed", as: "office", method: "GET", path: "/conferences/" + open, status: 200,
			contains: []string{"Có mặt 9/9", "Đủ điều kiện", "Thông qua", "8/9 thành viên tán thành", w.publicTitle, w.secrets[0], "Tối mật"}},
		{name: "conference page without the classified item", as: "reader", method: "GET", path: "/conferences/" + open, status: 200,
			contains: []string{w.publicTitle, "Thông qua"}, absent: []string{w.secrets[0], "Tối mật", "classbanner"}},
		{name: "classified conference to a reader", as: "reader", method: "GET", path: "/conferences/" + secretConf, status: 404, absent: []string{w.secrets[1]}},
		{name: "classified conference to a cleared leader without need to know", as: "leader", method: "GET", path: "/conferences/" + secretConf, status: 404},
		{name: "classified conference to the office", as: "office", method: "GET", path: "/conferences/" + secretConf, status: 200, contains: []string{w.secrets[1], "classbanner"}},
		{name: "reader cannot convene", as: "reader", method: "GET", path: "/conferences/new", status: 403},
		{name: "convene form", as: "office", method: "GET", path: "/conferences/new", status: 200, contains: []string{"Vi Văn Toàn", "tự động: 3"}},
		{name: "date outside the term", as: "office", method: "POST", path: "/conferences", body: outside.Encode(), status: 422,
			contains: []string{"Ngày họp nằm ngoài nhiệm kỳ khóa XII"}},
		{name: "vote above those present", as: "office", method: "POST", path: "/agenda/" + strconv.FormatInt(w.publicItem, 10) + "/vote",
			body: "method=show_of_hands&for=10", status: 422, contains: []string{"vượt quá số ủy viên có mặt"}},
		{name: "terms page", as: "reader", method: "GET", path: "/conference-terms", status: 200, contains: []string{"khóa XII, nhiệm kỳ 2020–2025"}},
		{name: "text history", as: "reader", method: "GET", path: "/conferences/" + open + "/texts/conclusion", status: 200},
		{name: "attendance form", as: "office", method: "GET", path: "/conferences/" + open + "/attendance", status: 200, contains: []string{"Điêu Văn Sơn"}},
		{name: "item form of a classified item", as: "office", method: "GET", path: "/agenda/" + secretItem + "/edit", status: 200, contains: []string{w.secrets[0]}},
		{name: "news drafts need news.edit", as: "reader", method: "GET", path: "/news/drafts", status: 403},
		{name: "news drafts for the editor", as: "editor", method: "GET", path: "/news/drafts", status: 200},
		{name: "article from a held conference", as: "editor", method: "POST", path: "/conferences/" + open + "/article", status: 303},
		{name: "no article from a classified one", as: "office", method: "POST", path: "/conferences/" + secretConf + "/article", status: 422,
			contains: []string{"không thể tạo tin bài"}},
		{name: "API calendar", as: "token:reader:read", method: "GET", path: "/api/v1/conferences", status: 200,
			contains: []string{`"total":1`, `"items":1`}, absent: []string{w.secrets[1]}},
		{name: "API record", as: "token:office:read", method: "GET", path: "/api/v1/conferences/" + open, status: 200,
			contains: []string{`"passed":true`, `"quorate":true`, w.secrets[0]}},
		{name: "API record hides the item", as: "token:reader:read", method: "GET", path: "/api/v1/conferences/" + open, status: 200,
			absent: []string{w.secrets[0], `"class":2`}},
		{name: "API classified item", as: "token:reader:read", method: "GET", path: "/api/v1/agenda-items/" + secretItem, status: 404},
		{name: "API vote names the field", as: "token:office:write", method: "PUT", path: "/api/v1/agenda-items/" + strconv.FormatInt(w.publicItem, 10) + "/vote",
			body: `{"method":"secret_ballot","for":5,"against":4,"abstain":1}`, status: 422, contains: []string{`"name":"for"`, `"name":"abstain"`}},
		{name: "API create outside the term", as: "token:office:write", method: "POST", path: "/api/v1/conferences",
			body: fmt.Sprintf(`{"term_id":%d,"kind":"regular","held_on":"2019-05-01"}`, w.term), status: 422, contains: []string{`"name":"held_on"`}},
		{name: "API errors in English", as: "token:office:write", method: "PUT", path: "/api/v1/agenda-items/" + strconv.FormatInt(w.publicItem, 10) + "/vote?lang=en",
			body: `{"method":"show_of_hands","for":10}`, status: 422, contains: []string{"exceeds the members present (9)"}},
		{name: "API terms", as: "token:reader:read", method: "GET", path: "/api/v1/conference-terms", status: 200, contains: []string{`"roman":"XII"`}},
		{name: "API drafts need news.edit", as: "token:reader:read", method: "GET", path: "/api/v1/news/drafts", status: 403},
	})
	// The refused writes left nothing behind.
	cal, err := e.App.Conferences.Calendar(e.Ctx, access.System, conferences.CalendarQuery{})
	if err != nil || cal.Total != 2 {
		t.Errorf("conferences after refusals: %d %v", cal.Total, err)
	}
	it, err := e.App.Conferences.Item(e.Ctx, access.System, w.publicItem)
	if err != nil || it.Vote.For != 8 {
		t.Errorf("vote after refusals %+v %v", it.Vote, err)
	}
	// The article the editor made is a draft of the portal's style.
	var page struct {
		Items []struct {
			Title, Lead, Body string
		} `json:"items"`
	}
	r := e.Do(nil, "GET", "/api/v1/news/drafts", "", "Authorization: Bearer "+e.Token("editor", "news.edit"))
	if err := json.Unmarshal([]byte(r.Body), &page); err != nil || len(page.Items) != 1 {
		t.Fatalf("drafts %s %v", r.Body, err)
	}
	a := page.Items[0]
	if a.Title != "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ nhất (khóa XII)" || !strings.HasPrefix(a.Lead, "Sáng 11/10, tại Hội trường Tỉnh ủy,") ||
		strings.Contains(a.Body, w.secrets[0]) || !strings.Contains(a.Body, "thông qua dự thảo Nghị quyết về kinh tế cửa khẩu với 8/9 ủy viên tán thành") {
		t.Errorf("article %+v", a)
	}
}
