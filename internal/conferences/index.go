package conferences

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"plenum/internal/access"
	"plenum/internal/search"
)

// entry is what the search index knows of a conference: its name as the
// title; its subject, venue, the agenda items that add no restriction to
// the conference's own, and its approved conclusion as the body. Adopted
// and attached documents are found through their own entries. Everything in the entry is visible to whoever may see the
// conference, so the entry carries the conference's class and grants.
func (s *Store) entry(ctx context.Context, c Conference) (search.Entry, error) {
	var body []string
	for _, t := range []string{c.Subject, c.Venue, c.InvitedText} {
		if t != "" {
			body = append(body, t)
		}
	}
	// Items that attach documents are left out: a document's class may
	// rise after it was attached, and the document is indexed on its own.
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT ai.title FROM agenda_items ai WHERE ai.conference_id = $1 AND ai.own_class = 0
		AND NOT EXISTS (SELECT 1 FROM agenda_item_documents ad WHERE ad.item_id = ai.id)
		ORDER BY ai.position`, c.ID)
	if err != nil {
		return search.Entry{}, fmt.Errorf("conferences: index items of %d: %w", c.ID, err)
	}
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			rows.Close()
			return search.Entry{}, err
		}
		body = append(body, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return search.Entry{}, err
	}
	texts, err := s.texts(ctx, c.ID, Conclusion)
	if err != nil {
		return search.Entry{}, err
	}
	if t := approvedText(texts); t != nil {
		body = append(body, t.Body)
	}
	head, _ := splitPlace(c.BodyName)
	keywords := []string{portalBody(c.BodyKind, head), c.Kind.Label("vi"), "lần thứ " + strconv.Itoa(c.Ordinal),
		ordinalPhrase(c.Ordinal), fmt.Sprintf("khóa %s nhiệm kỳ %d-%d", c.TermRoman, c.TermYears[0], c.TermYears[1])}
	if c.Expanded {
		keywords = append(keywords, "mở rộng")
	}
	if c.Online {
		keywords = append(keywords, "trực tuyến")
	}
	return search.Entry{
		Entity: search.EntityConference, EntityID: c.ID, Class: int(c.Class),
		Title:    fmt.Sprintf("Hội nghị lần %s %s, khóa %s", ordinalPhrase(c.Ordinal), c.BodyName, c.TermRoman),
		Body:     strings.Join(body, "\n"),
		Keywords: strings.Join(keywords, " "), Kind: string(c.Kind), Issuer: c.BodyName, UnitID: c.BodyID,
		Year: c.HeldOn.Year, Status: string(c.Status), Date: c.HeldOn, URL: "/conferences/" + strconv.FormatInt(c.ID, 10),
	}, nil
}

// index keeps the search index in step with a conference, in the
// transaction of the change.
func (s *Store) index(ctx context.Context, confID int64) error {
	if s.search == nil {
		return nil
	}
	c, err := s.Get(ctx, access.System, confID)
	if err != nil {
		return err
	}
	e, err := s.entry(ctx, c)
	if err != nil {
		return err
	}
	return s.search.Put(ctx, e)
}

// unindex removes a deleted conference from the search index.
func (s *Store) unindex(ctx context.Context, confID int64) error {
	if s.search == nil {
		return nil
	}
	return s.search.Delete(ctx, search.EntityConference, confID)
}

// SearchSource is the conferences as the search index's rebuild reads them.
func (s *Store) SearchSource() search.Source {
	return search.Source{Entity: search.EntityConference, Entries: func(ctx context.Context, put func(search.Entry) error) error {
		ids, err := s.ids(ctx, `SELECT id FROM conferences ORDER BY id`)
		if err != nil {
			return err
		}
		for _, id := range ids {
			c, err := s.Get(ctx, access.System, id)
			if err != nil {
				return err
			}
			e, err := s.entry(ctx, c)
			if err != nil {
				return err
			}
			if err := put(e); err != nil {
				return err
			}
		}
		return nil
	}}
}
