package server_test

import (
	"strings"
	"testing"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/documents"
	"plenum/internal/indicators"
	"plenum/internal/problem"
	"plenum/internal/server/servertest"
)

// A document classified after records were derived from it — here the
// indicators it sets — takes them along: they become as secret as it, with
// its need to know, on every path.
func TestReclassifyingADocumentReachesDerivedRecords(t *testing.T) {
	t.Parallel()
	e := servertest.New(t)
	office := auth.Principal{User: e.Users["office"]}
	doc, err := e.App.Documents.Create(e.Ctx, office, documents.Input{Kind: "resolution", Symbol: "05-NQ/TU", IssuerName: "Tỉnh ủy Thử",
		IssuedOn: date.MustParse("2021-03-01"), Title: "về các chỉ tiêu chủ yếu nhiệm kỳ 2020 - 2025 (thử)"})
	if err != nil {
		t.Fatal(err)
	}
	ind, err := e.App.Indicators.Create(e.Ctx, office, indicators.Input{Code: "RC01", Name: "Tỷ lệ thử nghiệm phân loại lại",
		Measure: "%", ValueKind: indicators.Percent, Direction: indicators.Higher, Aggregation: indicators.Sum,
		Periodicity: indicators.Year, DocumentID: doc.ID})
	if err != nil || ind.Class != 0 {
		t.Fatalf("indicator: %v %+v", err, ind)
	}
	reader, err := e.App.Access.Viewer(e.Ctx, auth.Principal{User: e.Users["reader"]})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.App.Indicators.Get(e.Ctx, reader, ind.ID); err != nil {
		t.Fatalf("before: the reader sees the indicator: %v", err)
	}
	if err := e.App.Documents.SetGrants(e.Ctx, office, doc.ID, []access.Grant{{Role: auth.RoleLeader}}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.App.Documents.Classify(e.Ctx, office, doc.ID, documents.ClassifyInput{Class: auth.ClassMat, Reason: "thử nâng độ mật"}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.App.Indicators.Get(e.Ctx, reader, ind.ID); !problem.Is(err, problem.NotFound) {
		t.Fatalf("after: an uncleared reader still sees the indicator: %v", err)
	}
	leader, _ := e.App.Access.Viewer(e.Ctx, auth.Principal{User: e.Users["leader"]})
	got, err := e.App.Indicators.Get(e.Ctx, leader, ind.ID)
	if err != nil || got.Class != int(auth.ClassMat) {
		t.Fatalf("after: a leader with the need to know: %v %+v", err, got.Class)
	}
	r := e.Do(nil, "GET", "/api/v1/indicators", "", "Authorization: Bearer "+e.Token("reader", "read"))
	if r.Status != 200 || strings.Contains(r.Body, "RC01") || strings.Contains(r.Body, "phân loại lại") {
		t.Fatalf("the indicator list still shows it to the reader: %d %s", r.Status, r.Body)
	}
}
