package documents_test

import (
	"strconv"
	"testing"

	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/documents"
	"plenum/internal/files/filestest"
	"plenum/internal/fixture"
	"plenum/internal/org"
)

// env is a fresh database with a small organisation and one user per kind
// of reader the access rule distinguishes.
type env struct {
	*fixture.Env
	s *documents.Store
}

func newEnv(t *testing.T) *env {
	t.Helper()
	f := fixture.New(t)
	e := &env{Env: f, s: f.App.Documents}
	e.Unit("tw", org.PartyCommittee, org.Central, "Ban Chấp hành Trung ương", "")
	e.Unit("tu", org.PartyCommittee, org.Province, "Tỉnh ủy Hòa Bình Thử", "tw")
	e.Unit("vp", org.PartyAgency, org.Province, "Văn phòng Tỉnh ủy Hòa Bình Thử", "tu")
	e.Unit("btg", org.PartyAgency, org.Province, "Ban Tuyên giáo Tỉnh ủy Hòa Bình Thử", "tu")
	e.Unit("ubnd", org.PeoplesCommittee, org.Province, "Ủy ban nhân dân tỉnh Hòa Bình Thử", "tu")
	e.User("office", auth.RoleOffice, auth.ClassToiMat, "vp", 0)
	e.User("secret_office", auth.RoleOffice, auth.ClassTuyetMat, "vp", 0)
	e.User("reader", auth.RoleReader, auth.ClassNone, "", 0)
	e.User("cleared", auth.RoleUnit, auth.ClassTuyetMat, "ubnd", 0) // cleared, but no need to know
	e.User("btg_member", auth.RoleUnit, auth.ClassMat, "btg", 0)
	return e
}

func day(s string) date.Date { return date.MustParse(s) }

// create registers a document as office, or fails the test.
func (e *env) create(in documents.Input) documents.Document {
	e.T.Helper()
	return e.createAs("office", in)
}

func (e *env) createAs(user string, in documents.Input) documents.Document {
	e.T.Helper()
	d, err := e.s.Create(e.As(user), e.Users[user], in)
	if err != nil {
		e.T.Fatalf("create %s: %v", in.Symbol, err)
	}
	return d
}

// central is an external central document.
func central(symbol, kind, title, issued string) documents.Input {
	return documents.Input{Kind: documents.Kind(kind), Symbol: symbol, IssuerName: "Bộ Chính trị", Title: title,
		IssuedOn: day(issued), Place: "Hà Nội"}
}

// counts returns the rows of every table a change to the registry touches.
func (e *env) counts() map[string]int {
	e.T.Helper()
	return e.Counts("documents", "document_links", "document_classifications", "document_recipients",
		"document_copies", "files", "file_blobs", "record_access", "number_sequences", "audit_log")
}

func auditFilter(id int64) audit.Filter {
	return audit.Filter{Entity: documents.Entity, EntityID: itoa(id), Clearance: 3, Limit: 500}
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

func pdf(text string) []byte { return filestest.PDF(text) }
