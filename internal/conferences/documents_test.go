package conferences_test

import (
	"strings"
	"testing"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/conferences"
	"plenum/internal/documents"
	"plenum/internal/problem"
)

// An agenda item attaching a classified document takes its class and
// need-to-know: whoever may not see the document learns nothing of the
// item, its attachment, its vote, or its existence by counts; the same for
// an adopted document; and the news article leaves both out.
func TestClassifiedDocumentsMakeItemsInvisible(t *testing.T) {
	f := newFixture(t)
	open := f.document("resolution", "05-NQ/TU", "2024-06-01", "về phát triển du lịch giai đoạn 2024 - 2030", 0)
	secret := f.document("plan", "12-KH/TU", "2024-09-20", "về phương án sắp xếp bộ máy", auth.ClassMat)

	c := f.held("2024-10-11", 9)
	plain := f.item(c.ID, "Nghị quyết về phát triển du lịch", func(in *conferences.ItemInput) { in.DocumentIDs = []int64{open.ID} })
	hidden := f.item(c.ID, "Kế hoạch sắp xếp bộ máy", func(in *conferences.ItemInput) {
		in.Kind, in.DocumentIDs = conferences.Submission, []int64{secret.ID, open.ID}
	})
	if plain.Class != 0 || hidden.Class != 1 || hidden.OwnClass != 0 || len(hidden.Documents) != 2 || hidden.Documents[0].Symbol != "12-KH/TU" {
		t.Fatalf("items %+v %+v", plain, hidden)
	}
	if _, err := f.s.RecordVote(f.Ctx, office, hidden.ID, conferences.VoteInput{Method: conferences.SecretBallot, For: 9}); err != nil {
		t.Fatal(err)
	}
	for _, d := range []int64{open.ID, secret.ID} {
		if err := f.s.Adopt(f.Ctx, office, c.ID, d); err != nil {
			t.Fatal(err)
		}
	}
	before := f.rows()
	f.refused(t, before, f.s.Adopt(f.Ctx, office, c.ID, open.ID), problem.Conflict, "document_id")

	// The office, with clearance and the grant, sees both.
	rec, err := f.s.Record(f.Ctx, office, c.ID)
	if err != nil || len(rec.Items) != 2 || len(rec.Adopted) != 2 || rec.MaxClass != 1 {
		t.Fatalf("office record %+v %v", rec, err)
	}
	for name, v := range map[string]access.Viewer{"without clearance": public, "cleared without need to know": cleared} {
		t.Run(name, func(t *testing.T) {
			rec, err := f.s.Record(f.Ctx, v, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(rec.Items) != 1 || rec.Items[0].ID != plain.ID || len(rec.Adopted) != 1 || rec.Adopted[0].ID != open.ID || rec.MaxClass != 0 {
				t.Errorf("record shows %+v / %+v", rec.Items, rec.Adopted)
			}
			cal, _ := f.s.Calendar(f.Ctx, v, conferences.CalendarQuery{})
			if cal.Entries[0].Items != 1 {
				t.Errorf("calendar counts %d items", cal.Entries[0].Items)
			}
			if _, err := f.s.Item(f.Ctx, v, hidden.ID); !problem.Is(err, problem.NotFound) {
				t.Errorf("item: %v", err)
			}
			if err := f.s.Unadopt(f.Ctx, v, c.ID, secret.ID); !problem.Is(err, problem.NotFound) {
				t.Errorf("unadopt: %v", err)
			}
			// Attaching a document one may not see is refused as if it did
			// not exist.
			before := f.rows()
			_, err = f.s.AddItem(f.Ctx, v, c.ID, conferences.ItemInput{Kind: conferences.Report, Title: "Báo cáo", DocumentIDs: []int64{secret.ID}})
			f.refused(t, before, err, problem.Invalid, "document_ids")
			_, err = f.s.AddItem(f.Ctx, v, c.ID, conferences.ItemInput{Kind: conferences.Report, Title: "Báo cáo", DocumentIDs: []int64{987654}})
			f.refused(t, before, err, problem.Invalid, "document_ids")
			f.refused(t, before, f.s.Adopt(f.Ctx, v, c.ID, secret.ID), problem.Invalid, "document_id")
		})
	}
	// Search: the conference's entry holds what everyone who sees the
	// conference may see, not the classified item or document (items that
	// attach documents are found through the documents' own entries).
	var body string
	if err := f.App.DB.Primary().QueryRowContext(f.Ctx, `SELECT body FROM search_entries WHERE entity = 'conference' AND entity_id = $1`, c.ID).Scan(&body); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(body, "sắp xếp bộ máy") || strings.Contains(body, "12-KH/TU") {
		t.Errorf("search entry body %q", body)
	}
	// The article: public items and documents only.
	if _, err := f.s.WriteDraft(f.Ctx, office, c.ID, conferences.Conclusion, conferences.TextInput{Body: "Hội nghị thống nhất."}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Approve(f.Ctx, office, c.ID, conferences.Conclusion); err != nil {
		t.Fatal(err)
	}
	a, err := f.s.GenerateArticle(f.Ctx, office, c.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Body, "Nghị quyết số 05-NQ/TU ngày 01/06/2024 về phát triển du lịch giai đoạn 2024 - 2030") ||
		strings.Contains(a.Body, "12-KH/TU") || strings.Contains(a.Body, "bộ máy") {
		t.Errorf("article body:\n%s", a.Body)
	}
	// Detaching the classified document makes the item public again.
	got, err := f.s.UpdateItem(f.Ctx, office, hidden.ID, conferences.ItemInput{Kind: conferences.Submission, Title: hidden.Title,
		DocumentIDs: []int64{open.ID}})
	if err != nil || got.Class != 0 {
		t.Errorf("after detaching %+v %v", got, err)
	}
	if _, err := f.s.Item(f.Ctx, public, hidden.ID); err != nil {
		t.Errorf("public after detaching: %v", err)
	}
	if err := f.s.Unadopt(f.Ctx, office, c.ID, secret.ID); err != nil {
		t.Fatal(err)
	}
}

// A document classified after it was attached hides its item at once, and
// DocumentReclassified brings the item's class and grants and the search
// entry up to date.
func TestDocumentClassifiedLater(t *testing.T) {
	f := newFixture(t)
	d := f.document("report", "77-BC/TU", "2024-09-30", "về tình hình an ninh trên địa bàn", 0)
	c := f.conference("2024-10-11")
	it := f.item(c.ID, "Báo cáo tình hình an ninh", func(in *conferences.ItemInput) { in.DocumentIDs = []int64{d.ID} })
	if _, err := f.App.Documents.Classify(f.Ctx, f.clerk, d.ID, documents.ClassifyInput{Class: auth.ClassMat, Reason: "Nội dung an ninh"}); err != nil {
		t.Fatal(err)
	}
	if rec, _ := f.s.Record(f.Ctx, public, c.ID); len(rec.Items) != 0 {
		t.Errorf("the item is still shown without clearance: %+v", rec.Items)
	}
	if got, err := f.s.Item(f.Ctx, office, it.ID); err != nil || got.Class != auth.ClassMat {
		t.Errorf("the office's view %+v %v", got, err)
	}
	if err := f.s.DocumentReclassified(f.Ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	var class int
	if err := f.App.DB.Primary().QueryRowContext(f.Ctx, `SELECT class FROM agenda_items WHERE id = $1`, it.ID).Scan(&class); err != nil || class != 1 {
		t.Errorf("stored class %d %v", class, err)
	}
}
