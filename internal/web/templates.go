package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

//go:embed templates
var templateFiles embed.FS

// views lists every page template. Parsing happens at start-up, and a file in
// templates/views that is not listed here (or the reverse) panics there —
// a page that was never wired is caught before anyone opens it.
var views = []string{
	"home",
	"dashboard",
	"signin",
	"error",
	"account",
	"users",
	"user_form",
	"audit",
	"org_tree",
	"unit",
	"unit_form",
	"people",
	"person",
	"person_form",
	"tasks",
	"task",
	"task_form",
	"task_edit",
	"task_import",
	"reminder_rules",
	"notifications",
	"conferences",
	"conference",
	"conference_form",
	"conference_attendance",
	"conference_texts",
	"conference_terms",
	"agenda_item_form",
	"news_drafts",
	"news_draft",
	"documents",
	"document",
	"document_form",
	"search",
	"indicators",
	"indicator",
	"indicator_standing",
	"indicator_enter",
	"indicator_import",
	"indicator_form",
	"indicator_targets",
	"ingest",
	"ingest_item",
}

type templates map[string]*template.Template

func parseTemplates(funcs template.FuncMap) templates {
	files, err := fs.Glob(templateFiles, "templates/views/*.html")
	if err != nil {
		panic(err)
	}
	declared := map[string]bool{}
	for _, v := range views {
		declared[v] = true
	}
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".html")
		if !declared[name] {
			panic(fmt.Sprintf("web: template %s is not declared in views", f))
		}
		delete(declared, name)
	}
	for name := range declared {
		panic(fmt.Sprintf("web: view %q is declared but templates/views/%s.html is missing", name, name))
	}
	out := templates{}
	for _, v := range views {
		t := template.New("layout").Funcs(funcs)
		t = template.Must(t.ParseFS(templateFiles, "templates/layout.html", "templates/partials/*.html", "templates/views/"+v+".html"))
		out[v] = t
	}
	return out
}

// render writes a page. It renders into a buffer first, so that a template
// error becomes a clean error page instead of half a page.
func (h *Handler) render(w http.ResponseWriter, r *http.Request, status int, view string, p *Page) error {
	t, ok := h.tpl[view]
	if !ok {
		return fmt.Errorf("web: unknown view %q", view)
	}
	p.fill(h, r)
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		return fmt.Errorf("web: render %s: %w", view, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, err := buf.WriteTo(w)
	return err
}
