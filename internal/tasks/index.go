package tasks

import (
	"context"
	"strconv"
	"strings"

	"plenum/internal/search"
	"plenum/internal/vn"
)

// searchKey is what the inbox's text filter matches: the folded title and content.
func searchKey(title, content string) string { return vn.Fold(title + " " + content) }

// entry is the search index entry of a task.
func entry(t Task) search.Entry {
	due := t.DueOn
	if due.IsZero() && len(t.Occurrences) > 0 {
		due = t.Occurrences[len(t.Occurrences)-1].DueOn
	}
	body := strings.TrimSpace(t.Content + "\n" + t.Product)
	return search.Entry{Entity: Entity, EntityID: t.ID, Class: t.Class, Title: t.Title, Body: body,
		Keywords: t.SourceLabel, Kind: string(t.Kind), Issuer: t.LeadUnit.Name, UnitID: t.LeadUnit.ID,
		Year: due.Year, Status: string(t.Status()), Date: due, URL: "/tasks/" + strconv.FormatInt(t.ID, 10)}
}

// reindex writes the task's search entry in the caller's transaction.
func (s *Store) reindex(ctx context.Context, t Task) error { return s.index.Put(ctx, entry(t)) }

// Status is the task's status as a whole: that of its first open deadline,
// else of its last one.
func (t Task) Status() Status {
	if len(t.Occurrences) == 0 {
		return NotStarted
	}
	return t.Current().Status
}

// Current returns the first open deadline, else the last one.
func (t Task) Current() Occurrence {
	for _, o := range t.Occurrences {
		if o.Status.Open() {
			return o
		}
	}
	if len(t.Occurrences) == 0 {
		return Occurrence{}
	}
	return t.Occurrences[len(t.Occurrences)-1]
}

// SearchSource lets `plenum reindex` rebuild the index entries of tasks.
func (s *Store) SearchSource() search.Source {
	return search.Source{Entity: Entity, Entries: func(ctx context.Context, put func(search.Entry) error) error {
		ids, err := s.ids(ctx, `SELECT id FROM tasks ORDER BY id`)
		if err != nil {
			return err
		}
		today := s.Today()
		for _, id := range ids {
			t, err := s.load(ctx, id, today)
			if err != nil {
				return err
			}
			if err := put(entry(t)); err != nil {
				return err
			}
		}
		return nil
	}}
}
