package ingest

import (
	"context"

	"plenum/internal/extract"
)

// tasks proposes the tasks the body's sentences assign (FindTasks), each
// with its lead unit as of the article's date; given that day.
func (b *builder) tasks(ctx context.Context) error {
	for _, ln := range b.a.Lines {
		if ln.Kind != extract.KindBody {
			continue
		}
		for _, t := range FindTasks(b.text(ln.Span), b.day) {
			tp := TaskProposal{Span: Span{Start: ln.Start + t.Start, End: ln.Start + t.End}, Title: t.Action,
				Lead: t.Lead, Deadline: t.Deadline, DueOn: t.Due, StartOn: b.day}
			tp.Text = b.text(tp.Span)
			if spec, ok := b.r.readBody(t.Lead); ok {
				u, cands, err := b.r.pick(ctx, spec, b.day)
				if err != nil {
					return err
				}
				tp.LeadUnitID, tp.LeadUnitName, tp.LeadCandidates = u.ID, u.Name, cands
			}
			tp.Decision = accept(b.s.reg.Tasks != nil && tp.LeadUnitID != 0 && !tp.DueOn.IsZero() && !tp.StartOn.IsZero() &&
				!tp.DueOn.Before(tp.StartOn))
			b.out.Tasks = append(b.out.Tasks, tp)
		}
	}
	return nil
}
