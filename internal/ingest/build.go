package ingest

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"plenum/internal/access"
	"plenum/internal/date"
	"plenum/internal/extract"
	"plenum/internal/people"
	"plenum/internal/vn"
)

// builder builds the proposals of one article for one viewer.
type builder struct {
	s   *Store
	v   access.Viewer
	it  Item
	a   *extract.Article
	r   *resolver
	day date.Date
	out Proposals
}

// Build proposes the records an item's article describes, matched in the
// registries as the viewer may see them, as of the article's date (see the
// package documentation for the rules). It writes nothing.
func (s *Store) Build(ctx context.Context, v access.Viewer, it Item) (Proposals, error) {
	if it.Article == nil {
		return Proposals{}, fmt.Errorf("ingest: item %d read without its extraction", it.ID)
	}
	b := &builder{s: s, v: v, it: it, a: it.Article, r: newResolver(s.reg.Org, it.Article.Province), day: eventDate(*it.Article)}
	b.out = Proposals{AsOf: b.day, Province: provinceOn(b.r.province, b.day),
		People: []PersonProposal{}, Documents: []DocumentProposal{}, Figures: []FigureProposal{}, Tasks: []TaskProposal{}}
	for _, step := range []func(context.Context) error{b.people, b.conference, b.documents, b.figures, b.tasks} {
		if err := step(ctx); err != nil {
			return Proposals{}, err
		}
	}
	return b.out, nil
}

// text is the article's text at span s ("" for a span outside it).
func (b *builder) text(s Span) string {
	if s.Start < 0 || s.End > len(b.a.Text) || s.Start > s.End {
		return ""
	}
	return b.a.Text[s.Start:s.End]
}

// classified reports whether the item is classified: records without a
// class of their own (people, posts, terms) are then not created from it.
func (b *builder) classified() bool { return b.it.Class > 0 }

// accept is Accept when ok, else Skip: the default decision of a proposal.
func accept(ok bool) Decision {
	if ok {
		return Accept
	}
	return Skip
}

// people proposes the people named with posts (and the chairs), each
// matched to a known person or proposed as new, with their posts.
func (b *builder) people(ctx context.Context) error {
	for _, ap := range b.a.People {
		if len(ap.Positions) == 0 && !ap.Chair {
			continue
		}
		pp := PersonProposal{Name: ap.Name, Chair: ap.Chair, Spans: []Span{ap.Span}, Posts: []PostProposal{}}
		for i, text := range ap.Positions {
			post := PostProposal{Text: text, ValidFrom: b.day}
			if i < len(ap.Spans) {
				post.Span = ap.Spans[i]
				pp.Spans = append(pp.Spans, post.Span)
			}
			sp := b.r.readPost(text)
			post.PositionCode = sp.code
			if sp.ok && sp.hasUnit {
				u, cands, err := b.r.pick(ctx, sp.unit, b.day)
				if err != nil {
					return err
				}
				post.UnitID, post.UnitName, post.UnitCandidates, post.ValidTo = u.ID, u.Name, cands, u.ValidTo
			}
			pp.Posts = append(pp.Posts, post)
		}
		if err := b.matchPerson(ctx, &pp); err != nil {
			return err
		}
		b.out.People = append(b.out.People, pp)
	}
	return nil
}

// Scores of a known person against an article's posts: a post held that
// day in the same unit, or (when the article's unit could not be read) the
// same position.
const (
	scoreSamePost     = 10
	scoreSamePosition = 4
)

// matchPerson ranks the known people of the same name by the posts they
// held on the day, selects the best when one of its posts is the
// article's, and sets what each post proposal is to do.
func (b *builder) matchPerson(ctx context.Context, pp *PersonProposal) error {
	page, err := b.s.reg.People.List(ctx, people.ListQuery{Search: pp.Name, Limit: 100})
	if err != nil {
		return err
	}
	held := map[int64][]people.Post{}
	for _, p := range page.People {
		if vn.Fold(p.FullName) != vn.Fold(pp.Name) {
			continue
		}
		posts, err := b.s.reg.People.PostsOf(ctx, p.ID, b.day)
		if err != nil {
			return err
		}
		held[p.ID] = posts
		c := Candidate{ID: p.ID, Label: p.FullName}
		var titles []string
		for _, hp := range posts {
			titles = append(titles, hp.Title)
		}
		c.Note = strings.Join(titles, "; ")
		for _, ap := range pp.Posts {
			c.Score += postScore(ap, posts)
		}
		pp.Candidates = append(pp.Candidates, c)
	}
	sort.SliceStable(pp.Candidates, func(i, j int) bool { return pp.Candidates[i].Score > pp.Candidates[j].Score })
	if cs := pp.Candidates; len(cs) > 0 && cs[0].Score >= scoreSamePosition && (len(cs) == 1 || cs[0].Score > cs[1].Score) {
		pp.PersonID = cs[0].ID
	}
	for i := range pp.Posts {
		post := &pp.Posts[i]
		for _, hp := range held[pp.PersonID] {
			if post.PositionCode != "" && hp.PositionCode == post.PositionCode && hp.UnitID == post.UnitID {
				post.Held, post.PostID = true, hp.ID
			}
		}
		complete := post.Held || (post.PositionCode != "" && post.UnitID != 0 && !b.day.IsZero() && !b.classified())
		post.Decision = accept(complete)
	}
	pp.Decision = accept(pp.PersonID != 0 || !b.classified())
	return nil
}

// postScore is how well a known person's posts on the day fit one post of
// the article.
func postScore(ap PostProposal, held []people.Post) int {
	if ap.PositionCode == "" {
		return 0
	}
	best := 0
	for _, hp := range held {
		switch {
		case hp.PositionCode == ap.PositionCode && ap.UnitID != 0 && hp.UnitID == ap.UnitID:
			best = max(best, scoreSamePost)
		case hp.PositionCode == ap.PositionCode && ap.UnitID == 0:
			best = max(best, scoreSamePosition)
		}
	}
	return best
}
