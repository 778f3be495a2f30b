package conferences

import (
	"context"
	"fmt"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/news"
)

// Record is everything about a conference that a viewer may see: what was
// set when it was convened, the members and their attendance, the quorum,
// the agenda with the documents and votes, the minutes and the conclusion
// in all their versions, the documents adopted and the news drafts made.
type Record struct {
	Conference
	Attendance []MemberAttendance `json:"attendance"`
	Quorum     Quorum             `json:"quorum"`
	Items      []Item             `json:"items"`
	Minutes    []Text             `json:"minutes"`    // every version, the latest first
	Conclusion []Text             `json:"conclusion"` // every version, the latest first
	Adopted    []DocRef           `json:"adopted"`
	Articles   []ArticleRef       `json:"articles"`
	// MaxClass is the highest class of anything in the record as the viewer
	// sees it: pages are marked with it.
	MaxClass auth.Clearance `json:"max_class"`
}

// ArticleRef names a news draft made from the conference.
type ArticleRef struct {
	ID     int64       `json:"id"`
	Title  string      `json:"title"`
	Status news.Status `json:"status"`
}

// Record returns the whole record of a conference the viewer may see.
func (s *Store) Record(ctx context.Context, v access.Viewer, id int64) (Record, error) {
	c, err := s.Get(ctx, v, id)
	if err != nil {
		return Record{}, err
	}
	r := Record{Conference: c, MaxClass: c.Class}
	if r.Attendance, r.Quorum, err = s.roll(ctx, c); err != nil {
		return Record{}, err
	}
	if r.Items, err = s.items(ctx, v, id); err != nil {
		return Record{}, err
	}
	for i := range r.Items {
		it := &r.Items[i]
		if it.Vote != nil {
			t := NewTally(*it.Vote, r.Quorum.Members, r.Quorum.Present)
			it.Tally = &t
		}
		r.MaxClass = max(r.MaxClass, it.Class)
	}
	texts, err := s.texts(ctx, id, "")
	if err != nil {
		return Record{}, err
	}
	r.Minutes, r.Conclusion = []Text{}, []Text{}
	for _, t := range texts {
		if t.Kind == Minutes {
			r.Minutes = append(r.Minutes, t)
		} else {
			r.Conclusion = append(r.Conclusion, t)
		}
	}
	if r.Adopted, err = s.docs.adopted(ctx, v, id); err != nil {
		return Record{}, err
	}
	for _, d := range r.Adopted {
		r.MaxClass = max(r.MaxClass, d.Class)
	}
	if r.Articles, err = s.articles(ctx, id); err != nil {
		return Record{}, err
	}
	return r, nil
}

// articles names the news drafts made from a conference, the latest first.
func (s *Store) articles(ctx context.Context, confID int64) ([]ArticleRef, error) {
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT id, title, status FROM news_articles WHERE conference_id = $1
		ORDER BY updated_at DESC, id DESC`, confID)
	if err != nil {
		return nil, fmt.Errorf("conferences: articles of %d: %w", confID, err)
	}
	defer rows.Close()
	out := []ArticleRef{}
	for rows.Next() {
		var a ArticleRef
		if err := rows.Scan(&a.ID, &a.Title, &a.Status); err != nil {
			return nil, fmt.Errorf("conferences: articles of %d: %w", confID, err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
