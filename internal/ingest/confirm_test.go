package ingest_test

import (
	"errors"
	"maps"
	"testing"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/conferences"
	"plenum/internal/date"
	"plenum/internal/ingest"
	"plenum/internal/problem"
	"plenum/internal/tasks"
)

// counts are the rows of every table a confirmation may write.
func (e *env) counts() map[string]int {
	e.T.Helper()
	out := map[string]int{}
	for _, table := range []string{"persons", "posts", "body_terms", "conferences", "conference_chairs", "documents",
		"indicator_values", "tasks", "ingest_records", "audit_log", "search_entries"} {
		var n int
		if err := e.App.DB.R(e.Ctx).QueryRowContext(e.Ctx, `SELECT count(*) FROM `+table).Scan(&n); err != nil {
			e.T.Fatal(err)
		}
		out[table] = n
	}
	return out
}

// fieldOf is the first field a problem names.
func fieldOf(err error) string {
	if p, ok := problem.As(err); ok && len(p.Fields) > 0 {
		return p.Fields[0].Name
	}
	return ""
}

func TestConfirmWritesWhatWasAccepted(t *testing.T) {
	e := newEnv(t)
	it := e.submit("bk.txt", bacKan2021)
	before := e.counts()
	item, recs, err := e.s.Confirm(e.As("office"), e.Users["office"], it.ID, ingest.Decisions{})
	if err != nil {
		t.Fatal(err)
	}
	if item.Status != ingest.Confirmed || item.DecidedBy != e.Users["office"].User.ID || item.DecidedAt.IsZero() {
		t.Errorf("item %+v", item)
	}
	got := map[string]int{}
	for _, r := range recs {
		got[r.Entity+" "+r.Action]++
	}
	want := map[string]int{"person matched": 3, "post matched": 5, "post created": 1, "document matched": 1,
		"document created": 1, "conference created": 1, "indicator_value created": 2, "task created": 1}
	if !maps.Equal(got, want) {
		t.Errorf("records %v, want %v", got, want)
	}
	after := e.counts()
	for table, n := range map[string]int{"persons": 0, "posts": 1, "body_terms": 0, "conferences": 1, "conference_chairs": 1,
		"documents": 1, "indicator_values": 2, "tasks": 1, "ingest_records": len(recs)} {
		if after[table]-before[table] != n {
			t.Errorf("%s: %d new rows, want %d", table, after[table]-before[table], n)
		}
	}

	// The records are there, as accepted.
	listed, err := e.s.Records(e.Ctx, e.Viewer("office"), it.ID)
	if err != nil || len(listed) != len(recs) {
		t.Fatalf("records listed %v %v", listed, err)
	}
	var confID, taskID int64
	for _, r := range recs {
		switch r.Entity {
		case "conference":
			confID = r.EntityID
		case "task":
			taskID = r.EntityID
		}
	}
	c, err := e.App.Conferences.Get(e.Ctx, access.System, confID)
	if err != nil || c.Ordinal != 6 || c.TermID != e.Term.ID || c.Status != conferences.Held || len(c.Chairs) != 1 ||
		c.Chairs[0].ID != e.Persons["Lục Văn Thử"] {
		t.Errorf("conference %+v %v", c, err)
	}
	tk, err := e.App.Tasks.Get(e.Ctx, access.System, taskID)
	if err != nil || tk.LeadUnit.ID != e.World.Units["bk.btg"] || tk.DueOn != date.MustParse("2021-11-30") ||
		tk.SourceKind != tasks.SourceConclusion || tk.SourceID != confID {
		t.Errorf("task %+v %v", tk, err)
	}
	posts, err := e.App.People.PostsOf(e.Ctx, e.Persons["Đinh Thị Mẫu"], date.MustParse("2021-10-12"))
	if err != nil || len(posts) != 2 {
		t.Errorf("posts of Đinh Thị Mẫu %+v %v", posts, err)
	}

	// Audited: every record in its store's words, and the confirmation.
	entries, err := e.App.Audit.List(e.Ctx, audit.Filter{Clearance: 3, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	audited := map[string]bool{}
	for _, en := range entries[:after["audit_log"]-before["audit_log"]] {
		audited[en.Action+" "+en.Entity] = true
	}
	for _, w := range []string{"confirm ingest_item", "create conference", "status conference", "create post",
		"create document", "enter indicator_value", "create task"} {
		if !audited[w] {
			t.Errorf("no audit entry %q in %v", w, audited)
		}
	}

	// Decided once.
	if _, _, err := e.s.Confirm(e.As("office"), e.Users["office"], it.ID, ingest.Decisions{}); !problem.Is(err, problem.Conflict) {
		t.Errorf("second confirmation: %v", err)
	}
	if _, err := e.s.Reject(e.As("office"), e.Users["office"], it.ID, ""); !problem.Is(err, problem.Conflict) {
		t.Errorf("rejecting a confirmed item: %v", err)
	}
}

func TestConfirmIsOneTransaction(t *testing.T) {
	e := newEnv(t)
	it := e.submit("bk.txt", bacKan2021)
	before := e.counts()
	broken := errors.New("disk on fire")
	// Fail after the people, the documents, the conference and one figure were written.
	e.s.SetHook(func(proposal string) error {
		if proposal == "figures[1]" {
			return broken
		}
		return nil
	})
	if _, _, err := e.s.Confirm(e.As("office"), e.Users["office"], it.ID, ingest.Decisions{}); !errors.Is(err, broken) {
		t.Fatalf("confirmation: %v", err)
	}
	if after := e.counts(); !maps.Equal(after, before) {
		t.Errorf("a failed confirmation wrote: before %v, after %v", before, after)
	}
	if again, err := e.s.Get(e.Ctx, e.Viewer("office"), it.ID); err != nil || again.Status != ingest.Pending {
		t.Errorf("item after the failure %+v %v", again.Status, err)
	}
	// A store's own refusal in the middle rolls back the same way, naming
	// the proposal: the task's lead did not exist on the day it was given.
	e.s.SetHook(nil)
	d := ingest.Decisions{Tasks: []ingest.TaskDecision{{Index: 1, StartOn: date.MustParse("2010-01-01"), DueOn: date.MustParse("2010-02-01")}}}
	_, _, err := e.s.Confirm(e.As("office"), e.Users["office"], it.ID, d)
	if fieldOf(err) == "" || fieldOf(err)[:8] != "tasks[1]" {
		t.Errorf("task refused: %v (field %q)", err, fieldOf(err))
	}
	if after := e.counts(); !maps.Equal(after, before) {
		t.Errorf("a refused confirmation wrote: before %v, after %v", before, after)
	}
	if _, _, err := e.s.Confirm(e.As("office"), e.Users["office"], it.ID, ingest.Decisions{}); err != nil {
		t.Errorf("confirming afterwards: %v", err)
	}
}

func TestConfirmAppliesDecisions(t *testing.T) {
	e := newEnv(t)
	it := e.submit("bk.txt", bacKan2021)
	skip := ingest.Skip
	d := ingest.Decisions{
		Conference: &ingest.ConferenceDecision{Decision: skip},
		People:     []ingest.PersonDecision{{Index: 0, Decision: skip}, {Index: 1, Decision: skip}, {Index: 2, Decision: skip}},
		Documents:  []ingest.DocumentDecision{{Index: 0, Decision: skip}, {Index: 1, Decision: skip}},
		Figures:    []ingest.FigureDecision{{Index: 0, Decision: skip}, {Index: 1, Decision: skip}},
		Tasks: []ingest.TaskDecision{
			{Index: 0, Decision: ingest.Accept, LeadUnitID: e.World.Units["bk.btg"], DueOn: date.MustParse("2021-12-31"), Title: "Lãnh đạo hoàn thành chỉ tiêu năm"},
			{Index: 1, Decision: skip}},
	}
	before := e.counts()
	_, recs, err := e.s.Confirm(e.As("office"), e.Users["office"], it.ID, d)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || recs[0].Entity != "task" || recs[0].Proposal != "tasks[0]" {
		t.Fatalf("records %+v", recs)
	}
	tk, err := e.App.Tasks.Get(e.Ctx, access.System, recs[0].EntityID)
	if err != nil || tk.Title != "Lãnh đạo hoàn thành chỉ tiêu năm" || tk.DueOn != date.MustParse("2021-12-31") || tk.SourceKind != "" {
		t.Errorf("task %+v %v", tk, err)
	}
	after := e.counts()
	if after["tasks"]-before["tasks"] != 1 || after["conferences"] != before["conferences"] || after["posts"] != before["posts"] {
		t.Errorf("wrote more than the task: %v → %v", before, after)
	}
}

func TestConfirmRefusals(t *testing.T) {
	e := newEnv(t)
	it := e.submit("bk.txt", bacKan2021)
	nobody := int64(987654)
	for _, c := range []struct {
		name  string
		as    string
		d     ingest.Decisions
		field string
		code  problem.Code
	}{
		{"a proposal that does not exist", "office", ingest.Decisions{People: []ingest.PersonDecision{{Index: 9}}}, "people[9].index", problem.Invalid},
		{"an unknown decision", "office", ingest.Decisions{Figures: []ingest.FigureDecision{{Index: 0, Decision: "maybe"}}}, "figures[0].decision", problem.Invalid},
		{"a task without its lead", "office", ingest.Decisions{Tasks: []ingest.TaskDecision{{Index: 0, Decision: ingest.Accept}}}, "tasks[0].lead_unit_id", problem.Invalid},
		{"a person who does not exist", "office", ingest.Decisions{People: []ingest.PersonDecision{{Index: 0, PersonID: &nobody}}}, "people[0].person_id", problem.NotFound},
		{"a reader may write nothing", "reader", ingest.Decisions{}, "people[0]", problem.Invalid},
	} {
		before := e.counts()
		_, _, err := e.s.Confirm(e.As(c.as), e.Users[c.as], it.ID, c.d)
		if problem.CodeOf(err) != c.code || fieldOf(err) != c.field {
			t.Errorf("%s: %v (code %s, field %q), want %s on %q", c.name, err, problem.CodeOf(err), fieldOf(err), c.code, c.field)
		}
		if after := e.counts(); !maps.Equal(after, before) {
			t.Errorf("%s: wrote %v → %v", c.name, before, after)
		}
	}
}

func TestRejectAndClassifiedItems(t *testing.T) {
	e := newEnv(t)
	it := e.submit("bk.txt", bacKan2021)
	rej, err := e.s.Reject(e.As("office"), e.Users["office"], it.ID, "Bài đã nhập tay")
	if err != nil || rej.Status != ingest.Rejected || rej.Reason != "Bài đã nhập tay" {
		t.Fatalf("reject %+v %v", rej, err)
	}
	if _, _, err := e.s.Confirm(e.As("office"), e.Users["office"], it.ID, ingest.Decisions{}); !problem.Is(err, problem.Conflict) {
		t.Errorf("confirming a rejected item: %v", err)
	}

	// A classified item: the reader sees it nowhere; records without a class
	// of their own are not made from it, the others carry its class.
	sub, err := e.s.Submit(e.As("office"), e.Users["office"], ingest.ViaWeb, ingest.SubmitInput{Name: "mat.txt", Text: council2022, Class: int(auth.ClassMat)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.Get(e.Ctx, e.Viewer("reader"), sub.Item.ID); !problem.Is(err, problem.NotFound) {
		t.Errorf("reader reads a classified item: %v", err)
	}
	page, err := e.s.List(e.Ctx, e.Viewer("reader"), ingest.ListQuery{})
	if err != nil || page.Total != 1 || page.Items[0].ID != it.ID || page.Counts[ingest.Pending] != 0 {
		t.Errorf("reader's queue %+v %v", page, err)
	}
	if _, err := e.s.Submit(e.As("reader"), e.Users["reader"], ingest.ViaWeb, ingest.SubmitInput{Name: "x.txt", Text: council2022}); !problem.Is(err, problem.Conflict) {
		t.Errorf("the same text from a reader who may not see it: %v", err)
	}
	if _, err := e.s.Submit(e.As("reader"), e.Users["reader"], ingest.ViaWeb, ingest.SubmitInput{Text: "Bài khác", Class: 2}); fieldOf(err) != "class" {
		t.Errorf("classifying above one's clearance: %v", err)
	}
	_, _, err = e.s.Confirm(e.As("office"), e.Users["office"], sub.Item.ID, ingest.Decisions{People: []ingest.PersonDecision{{Index: 0, Decision: ingest.Accept}}})
	if pe, _ := problem.As(err); pe == nil || pe.Fields[0].Key != "ingest.error.classified_classless" {
		t.Fatalf("new people from a classified item: %v", err)
	}
	skip := ingest.Skip
	d := ingest.Decisions{People: []ingest.PersonDecision{{Index: 0, Decision: skip}, {Index: 1, Decision: skip}},
		Conference: &ingest.ConferenceDecision{Decision: skip}, Figures: []ingest.FigureDecision{{Index: 0, Decision: skip}}}
	if _, recs, err := e.s.Confirm(e.As("office"), e.Users["office"], sub.Item.ID, d); err != nil || len(recs) != 0 {
		t.Errorf("confirming nothing: %v %v", recs, err)
	}

	// What is made from a classified conclusion carries its class.
	sub, err = e.s.Submit(e.As("office"), e.Users["office"], ingest.ViaAPI, ingest.SubmitInput{Name: "kl.txt", Text: bacKan2021 + "\nBản lưu hành nội bộ", Class: int(auth.ClassMat)})
	if err != nil {
		t.Fatal(err)
	}
	d = ingest.Decisions{People: []ingest.PersonDecision{{Index: 1, Posts: []ingest.PostDecision{{Index: 1, Decision: skip}}}},
		Documents: []ingest.DocumentDecision{{Index: 1, Decision: skip}}, Figures: []ingest.FigureDecision{{Index: 0, Decision: skip}, {Index: 1, Decision: skip}}}
	_, recs, err := e.s.Confirm(e.As("office"), e.Users["office"], sub.Item.ID, d)
	if err != nil {
		t.Fatal(err)
	}
	classes := map[string]int{}
	for _, r := range recs {
		if r.Action == "created" {
			classes[r.Entity] = r.Class
		}
	}
	if !maps.Equal(classes, map[string]int{"conference": 1, "task": 1}) {
		t.Errorf("created from a classified item: %v", classes)
	}
	if listed, err := e.s.Records(e.Ctx, e.Viewer("reader"), sub.Item.ID); err != nil || len(listed) != len(recs)-2 {
		t.Errorf("the reader sees %d of %d records: %v", len(listed), len(recs), err)
	}
}
