package demo_test

import (
	"context"
	"testing"

	"plenum/internal/access"
	"plenum/internal/app"
	"plenum/internal/documents"
)

// checkDocuments checks the demo's registry.
func checkDocuments(t *testing.T, a *app.App, ctx context.Context) {
	all, err := a.Documents.List(ctx, access.System, documents.ListQuery{})
	if err != nil {
		t.Fatal(err)
	}
	public, err := a.Documents.List(ctx, access.Viewer{}, documents.ListQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if all.Total < 150 || all.Total-public.Total != 12 {
		t.Fatalf("%d documents, %d of them visible without clearance", all.Total, public.Total)
	}
	kl, err := a.Documents.List(ctx, access.System, documents.ListQuery{Text: "21-KL/TW", Kind: "conclusion"})
	if err != nil || kl.Total != 1 {
		t.Fatalf("21-KL/TW: %d %v", kl.Total, err)
	}
	tree, err := a.Documents.Family(ctx, access.Viewer{}, kl.Items[0].ID, documents.ListQuery{}.InForceOn)
	if err != nil {
		t.Fatal(err)
	}
	// Six provincial plans, each with a guideline, a review, a district plan
	// and (where the demo has communes) a commune plan.
	if len(tree.Children) != 6 || tree.Count() < 6*4 {
		t.Fatalf("family of 21-KL/TW: %d children, %d nodes", len(tree.Children), tree.Count())
	}
}
