package conferences

import (
	"context"

	"plenum/internal/access"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/problem"
)

// DocRef is a document of the registry as a conference names it: attached
// to an agenda item or adopted by the conference.
type DocRef struct {
	ID       int64     `json:"id"`
	Symbol   string    `json:"symbol"`    // "147-KH/TU"
	Kind     string    `json:"kind"`      // document kind code
	KindName string    `json:"kind_name"` // "Nghị quyết"
	Summary  string    `json:"summary"`   // trích yếu
	IssuedOn date.Date `json:"issued_on"`
	Class    int       `json:"class"`
}

// docLinks connects agenda items and conferences to the document registry.
type docLinks struct{}

// allAttachedVisible is the condition that every document attached to the
// item idExpr is visible to the viewer.
func (docLinks) allAttachedVisible(access.Viewer, string, *db.Args) string { return "1 = 1" }

// attached returns the documents attached to an item.
func (docLinks) attached(context.Context, int64) ([]DocRef, error) { return []DocRef{}, nil }

// checkAttachable refuses documents the viewer may not see or that do not exist.
func (docLinks) checkAttachable(_ context.Context, _ access.Viewer, field string, ids []int64) error {
	if len(ids) > 0 {
		return problem.InvalidField(field, "conferences.error.document_unknown")
	}
	return nil
}

// attach replaces the documents attached to an item.
func (docLinks) attach(context.Context, int64, []int64) error { return nil }

// classOf is the highest class of the documents attached to an item and
// their grants.
func (docLinks) classOf(context.Context, int64) (int, []access.Grant, error) { return 0, nil, nil }

// adopted returns the documents a conference adopted that the viewer may see.
func (docLinks) adopted(context.Context, access.Viewer, int64) ([]DocRef, error) {
	return []DocRef{}, nil
}
