// Package news keeps the draft articles of the provincial portal: a
// title, a lead, the body, a byline, and whether the draft is still being
// written or ready for the editor-in-chief. Drafts are made by hand or from
// a finished conference (package conferences writes one from the record).
// Portal articles are public, so an article is never classified: the
// schema allows class 0 only, and whoever writes a draft from classified
// material must leave that material out.
package news

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"plenum/internal/audit"
	"plenum/internal/clock"
	"plenum/internal/db"
	"plenum/internal/i18n"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// Status is where a draft stands.
type Status string

// The statuses of a draft.
const (
	Draft Status = "draft" // being written
	Ready Status = "ready" // ready for publication
)

// Statuses lists them in order.
func Statuses() []Status { return []Status{Draft, Ready} }

// Valid reports whether s is a known status.
func (s Status) Valid() bool { return slices.Contains(Statuses(), s) }

// Label names the status in lang.
func (s Status) Label(lang string) string { return i18n.T(lang, "news.status."+string(s)) }

// Article is a draft article.
type Article struct {
	ID           int64     `json:"id"`
	Title        string    `json:"title"`
	Lead         string    `json:"lead"`
	Body         string    `json:"body"` // paragraphs separated by a blank line
	Author       string    `json:"author"`
	Status       Status    `json:"status"`
	ConferenceID int64     `json:"conference_id,omitempty"`
	CreatedAt    time.Time `json:"created_at"`
	CreatedBy    string    `json:"created_by,omitempty"`
	UpdatedAt    time.Time `json:"updated_at"`
}

// Paragraphs returns the body split into paragraphs.
func (a Article) Paragraphs() []string {
	var out []string
	for _, p := range strings.Split(a.Body, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Input writes a draft.
type Input struct {
	Title  string `json:"title"`
	Lead   string `json:"lead"`
	Body   string `json:"body"`
	Author string `json:"author"`
	Status Status `json:"status,omitempty"` // default draft
}

// Limits on the fields, in characters.
const (
	maxTitle  = 500
	maxLead   = 3000
	maxBody   = 200000
	maxAuthor = 200
)

// cleanBody normalises the body: paragraphs cleaned, one blank line between.
func cleanBody(s string) string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(vn.Normalize(s), "\r\n", "\n"), "\n") {
		if p = vn.Clean(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}

func (in *Input) validate() error {
	in.Title, in.Lead, in.Author, in.Body = vn.Clean(in.Title), vn.Clean(in.Lead), vn.Clean(in.Author), cleanBody(in.Body)
	if in.Status == "" {
		in.Status = Draft
	}
	var v problem.Validation
	if v.Required("title", in.Title) {
		v.MaxLen("title", in.Title, maxTitle)
	}
	v.MaxLen("lead", in.Lead, maxLead)
	v.MaxLen("body", in.Body, maxBody)
	v.MaxLen("author", in.Author, maxAuthor)
	v.Check(in.Status.Valid(), "status", "error.invalid_choice")
	return v.Err()
}

// Store reads and writes draft articles.
type Store struct {
	db    *db.DB
	log   *audit.Log
	clock clock.Clock
}

// New returns the news store of d.
func New(d *db.DB, log *audit.Log, c clock.Clock) *Store { return &Store{db: d, log: log, clock: c} }

const articleSelect = `SELECT a.id, a.title, a.lead, a.body, a.author, a.status, COALESCE(a.conference_id, 0),
		a.created_at, COALESCE(u.display_name, ''), a.updated_at
	FROM news_articles a LEFT JOIN users u ON u.id = a.created_by`

func scan(rows *sql.Rows) ([]Article, error) {
	defer rows.Close()
	out := []Article{}
	for rows.Next() {
		var a Article
		if err := rows.Scan(&a.ID, &a.Title, &a.Lead, &a.Body, &a.Author, &a.Status, &a.ConferenceID,
			&a.CreatedAt, &a.CreatedBy, &a.UpdatedAt); err != nil {
			return nil, err
		}
		a.CreatedAt, a.UpdatedAt = a.CreatedAt.UTC(), a.UpdatedAt.UTC()
		out = append(out, a)
	}
	return out, rows.Err()
}

// Get returns a draft; a NotFound problem if there is none.
func (s *Store) Get(ctx context.Context, id int64) (Article, error) {
	rows, err := s.db.R(ctx).QueryContext(ctx, articleSelect+` WHERE a.id = $1`, id)
	if err != nil {
		return Article{}, fmt.Errorf("news: article %d: %w", id, err)
	}
	as, err := scan(rows)
	if err != nil {
		return Article{}, fmt.Errorf("news: article %d: %w", id, err)
	}
	if len(as) == 0 {
		return Article{}, &problem.Error{Code: problem.NotFound, Fields: []problem.Field{{Name: "id", Key: "news.error.unknown"}}}
	}
	return as[0], nil
}

// ListQuery selects drafts.
type ListQuery struct {
	Status       Status `json:"status,omitempty"`
	ConferenceID int64  `json:"conference_id,omitempty"`
	Limit        int    `json:"limit,omitempty"` // default 50, at most 500
	Offset       int    `json:"offset,omitempty"`
}

// Page is one page of drafts, the most recently changed first.
type Page struct {
	Articles []Article `json:"items"`
	Total    int       `json:"total"`
}

// List returns drafts, the most recently changed first.
func (s *Store) List(ctx context.Context, q ListQuery) (Page, error) {
	var v problem.Validation
	v.Check(q.Status == "" || q.Status.Valid(), "status", "error.invalid_choice")
	v.Check(q.Limit >= 0, "limit", "error.invalid_number")
	v.Check(q.Offset >= 0, "offset", "error.invalid_number")
	if err := v.Err(); err != nil {
		return Page{}, err
	}
	limit := q.Limit
	if limit == 0 {
		limit = 50
	}
	limit = min(limit, 500)
	var args db.Args
	var where []string
	if q.Status != "" {
		where = append(where, "a.status = "+args.Add(string(q.Status)))
	}
	if q.ConferenceID != 0 {
		where = append(where, "a.conference_id = "+args.Add(q.ConferenceID))
	}
	filter := ""
	if len(where) > 0 {
		filter = " WHERE " + strings.Join(where, " AND ")
	}
	var page Page
	if err := s.db.R(ctx).QueryRowContext(ctx, `SELECT count(*) FROM news_articles a`+filter, args...).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("news: count: %w", err)
	}
	rows, err := s.db.R(ctx).QueryContext(ctx, articleSelect+filter+` ORDER BY a.updated_at DESC, a.id DESC LIMIT `+
		args.Add(limit)+` OFFSET `+args.Add(q.Offset), args...)
	if err != nil {
		return page, fmt.Errorf("news: list: %w", err)
	}
	if page.Articles, err = scan(rows); err != nil {
		return page, fmt.Errorf("news: list: %w", err)
	}
	return page, nil
}

// Create writes a new draft; conferenceID is the conference it was made
// from (0 for none). It joins the caller's transaction when there is one.
func (s *Store) Create(ctx context.Context, in Input, conferenceID int64) (Article, error) {
	if err := in.validate(); err != nil {
		return Article{}, err
	}
	var out Article
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		now := s.clock.Now().UTC()
		var by, conf any
		if id := audit.ActorFrom(ctx).UserID; id != 0 {
			by = id
		}
		if conferenceID != 0 {
			conf = conferenceID
		}
		var id int64
		if err := s.db.W(ctx).QueryRowContext(ctx, `INSERT INTO news_articles
			(title, lead, body, author, status, conference_id, class, created_at, created_by, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, 0, $7, $8, $7) RETURNING id`,
			in.Title, in.Lead, in.Body, in.Author, string(in.Status), conf, now, by).Scan(&id); err != nil {
			return fmt.Errorf("news: insert article: %w", err)
		}
		var err error
		if out, err = s.Get(ctx, id); err != nil {
			return err
		}
		return s.log.Record(ctx, audit.Change{Action: "create", Entity: "news_article", EntityID: id, After: out})
	})
	if err != nil {
		return Article{}, err
	}
	return out, nil
}

// Update rewrites a draft.
func (s *Store) Update(ctx context.Context, id int64, in Input) (Article, error) {
	if err := in.validate(); err != nil {
		return Article{}, err
	}
	var out Article
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		before, err := s.Get(ctx, id)
		if err != nil {
			return err
		}
		if _, err := s.db.W(ctx).ExecContext(ctx, `UPDATE news_articles SET title = $1, lead = $2, body = $3, author = $4, status = $5,
			updated_at = $6 WHERE id = $7`, in.Title, in.Lead, in.Body, in.Author, string(in.Status), s.clock.Now().UTC(), id); err != nil {
			return fmt.Errorf("news: update article %d: %w", id, err)
		}
		if out, err = s.Get(ctx, id); err != nil {
			return err
		}
		return s.log.Record(ctx, audit.Change{Action: "update", Entity: "news_article", EntityID: id, Before: before, After: out})
	})
	if err != nil {
		return Article{}, err
	}
	return out, nil
}

// Delete removes a draft that will not be used.
func (s *Store) Delete(ctx context.Context, id int64) error {
	return s.db.Tx(ctx, func(ctx context.Context) error {
		before, err := s.Get(ctx, id)
		if err != nil {
			return err
		}
		if _, err := s.db.W(ctx).ExecContext(ctx, `DELETE FROM news_articles WHERE id = $1`, id); err != nil {
			return fmt.Errorf("news: delete article %d: %w", id, err)
		}
		return s.log.Record(ctx, audit.Change{Action: "delete", Entity: "news_article", EntityID: id, Before: before})
	})
}
