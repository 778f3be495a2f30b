package conferences_test

import (
	"testing"

	"plenum/internal/conferences"
	"plenum/internal/search"
)

// Conferences are found by what they are called and what they decided,
// without accents; a classified one only by those who may see it; and a
// rebuild from the store gives the same entries.
func TestSearchFindsConferences(t *testing.T) {
	f := newFixture(t)
	for _, on := range []string{"2024-01-20", "2024-04-15", "2024-07-10", "2024-08-30"} {
		f.conference(on)
	}
	c := f.held("2024-10-11", 9)
	f.item(c.ID, "Dự thảo Nghị quyết về phát triển kinh tế cửa khẩu")
	f.item(c.ID, "Phương án điều động cán bộ", func(in *conferences.ItemInput) { in.Class, in.Grants = 1, toOffice })
	f.conference("2024-11-20", func(in *conferences.Input) {
		in.Class, in.Grants, in.Subject = 1, toOffice, "bàn công tác nhân sự khóa mới"
	})
	ix := f.App.Search
	find := func(v search.Viewer, q string) []int64 {
		t.Helper()
		res, err := ix.Search(f.Ctx, v, search.Query{Text: q, Entity: search.EntityConference})
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, h := range res.Hits {
			ids = append(ids, h.EntityID)
		}
		return ids
	}
	if got := find(public, "kinh te cua khau"); len(got) != 1 || got[0] != c.ID {
		t.Errorf("by an item's title: %v", got)
	}
	if got := find(public, "lan thu nam"); len(got) != 1 || got[0] != c.ID {
		t.Errorf("by its number: %v", got)
	}
	if got := find(public, "dieu dong can bo"); len(got) != 0 {
		t.Errorf("a classified item's title finds its conference: %v", got)
	}
	if got := find(public, "nhan su khoa moi"); len(got) != 0 {
		t.Errorf("the classified conference was found: %v", got)
	}
	if got := find(office, "nhan su khoa moi"); len(got) != 1 {
		t.Errorf("the office does not find the classified conference: %v", got)
	}
	n, err := ix.Rebuild(f.Ctx, f.s.SearchSource())
	if err != nil || n != 6 {
		t.Errorf("rebuild: %d %v", n, err)
	}
	if got := find(public, "kinh te cua khau"); len(got) != 1 {
		t.Errorf("after the rebuild: %v", got)
	}
}
