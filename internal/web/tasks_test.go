package web

import (
	"testing"

	"plenum/internal/tasks"
)

func TestTaskEvent(t *testing.T) {
	cases := []struct {
		lang   string
		action string
		detail string
		want   string
	}{
		{"vi", "complete", "done_late 2026-03-16 Đã trình Thường trực", "Hoàn thành quá hạn, 16/03/2026: Đã trình Thường trực"},
		{"vi", "complete", "done_on_time 2026-03-01 ", "Hoàn thành đúng hạn, 01/03/2026"},
		{"en", "complete", "done_late 2026-03-16", "Done late, 16/03/2026"},
		{"vi", "reclassify", "0 → 1", "Thường → Mật"},
		{"vi", "extend", "2026-03-31 2026-05-15 Chờ số liệu", "31/03/2026 → 15/05/2026: Chờ số liệu"},
		{"vi", "extend", "2026-03-31", "2026-03-31"},
		{"vi", "report", "40%", "40%"},
		{"vi", "complete", "not a completion", "not a completion"},
		{"vi", "reclassify", "x → 1", "x → 1"},
		{"vi", "overdue", "", ""},
	}
	for _, c := range cases {
		p := &Page{Lang: c.lang}
		if got := p.TaskEvent(tasks.Event{Action: c.action, Detail: c.detail}); got != c.want {
			t.Errorf("%s %s %q: %q, want %q", c.lang, c.action, c.detail, got, c.want)
		}
	}
}
