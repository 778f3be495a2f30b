package news_test

import (
	"context"
	"strings"
	"testing"

	"plenum/internal/audit"
	"plenum/internal/clock/clocktest"
	"plenum/internal/db/dbtest"
	"plenum/internal/news"
	"plenum/internal/problem"
)

func TestDrafts(t *testing.T) {
	d := dbtest.New(t)
	log := audit.New(d, clocktest.New(t))
	s := news.New(d, log, clocktest.New(t))
	ctx := audit.WithActor(context.Background(), audit.Actor{Name: "test"})
	count := func() int {
		var n int
		if err := d.Primary().QueryRowContext(ctx, `SELECT (SELECT count(*) FROM news_articles) + (SELECT count(*) FROM audit_log)`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	a, err := s.Create(ctx, news.Input{Title: "  Hội nghị  tổng kết ", Lead: "Sáng 05/01, …", Body: "Đoạn một.\r\n\r\n\r\nĐoạn   hai."}, 0)
	if err != nil || a.Title != "Hội nghị tổng kết" || a.Status != news.Draft || len(a.Paragraphs()) != 2 || a.Paragraphs()[1] != "Đoạn hai." {
		t.Fatalf("create %+v %v", a, err)
	}
	for _, tt := range []struct {
		in    news.Input
		field string
	}{
		{news.Input{Title: " "}, "title"},
		{news.Input{Title: "x", Status: "published"}, "status"},
		{news.Input{Title: "x", Lead: strings.Repeat("chữ ", 1000)}, "lead"},
		{news.Input{Title: "x", Author: strings.Repeat("tác giả ", 40)}, "author"},
	} {
		before := count()
		_, err := s.Create(ctx, tt.in, 0)
		if p, ok := problem.As(err); !ok || p.Code != problem.Invalid || p.FieldMessage("vi", tt.field) == "" {
			t.Errorf("%s: %v", tt.field, err)
		}
		_, err = s.Update(ctx, a.ID, tt.in)
		if p, ok := problem.As(err); !ok || p.FieldMessage("en", tt.field) == "" {
			t.Errorf("update %s: %v", tt.field, err)
		}
		if count() != before {
			t.Errorf("%s: partial write", tt.field)
		}
	}
	up, err := s.Update(ctx, a.ID, news.Input{Title: "Tin đã sửa", Body: "Nội dung.", Author: "Phóng viên", Status: news.Ready})
	if err != nil || up.Status != news.Ready || up.Author != "Phóng viên" {
		t.Fatalf("update %+v %v", up, err)
	}
	if _, err := s.Create(ctx, news.Input{Title: "Tin thứ hai"}, 0); err != nil {
		t.Fatal(err)
	}
	page, err := s.List(ctx, news.ListQuery{Status: news.Ready})
	if err != nil || page.Total != 1 || page.Articles[0].ID != a.ID {
		t.Errorf("ready %+v %v", page, err)
	}
	if page, _ := s.List(ctx, news.ListQuery{}); page.Total != 2 {
		t.Errorf("all %+v", page)
	}
	if _, err := s.List(ctx, news.ListQuery{Status: "x"}); !problem.Is(err, problem.Invalid) {
		t.Errorf("bad status filter: %v", err)
	}
	if err := s.Delete(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(ctx, a.ID); !problem.Is(err, problem.NotFound) {
		t.Errorf("deleted: %v", err)
	}
	for _, action := range []string{"create", "update", "delete"} {
		if es, _ := log.List(ctx, audit.Filter{Entity: "news_article", Action: action}); len(es) == 0 {
			t.Errorf("no audit entry for %s", action)
		}
	}
}
