package tasks

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/org"
	"plenum/internal/problem"
	"plenum/internal/sheet"
	"plenum/internal/vn"
)

// SheetKind names task lists in the imports table.
const SheetKind = "tasks"

// Template is the task list as a spreadsheet: the same columns on export
// and import, so a unit downloads its sheet, fills in progress or new
// rows, and uploads it back. A row with a deadline number (deadline_id) is
// an existing deadline: its percent and report, when filled in, become a
// progress report. A row without one is a new task.
func Template() *sheet.Template {
	kinds := sheet.List{Name: "kind", Title: "Loại nhiệm vụ / Kind of task"}
	for _, k := range Kinds {
		kinds.Items = append(kinds.Items, sheet.Item{Code: string(k), Label: k.Label("vi")})
	}
	prios := sheet.List{Name: "priority", Title: "Mức độ / Priority"}
	for _, p := range Priorities {
		prios.Items = append(prios.Items, sheet.Item{Code: string(p), Label: p.Label("vi")})
	}
	recs := sheet.List{Name: "recurrence", Title: "Định kỳ / Recurrence"}
	for _, r := range Recurrences {
		recs.Items = append(recs.Items, sheet.Item{Code: string(r), Label: r.Label("vi")})
	}
	return &sheet.Template{Kind: SheetKind, Sheet: "Nhiệm vụ", Lists: []sheet.List{kinds, prios, recs},
		Guide: []string{
			"Mỗi dòng là một nhiệm vụ (hoặc một kỳ hạn của nhiệm vụ đã giao, khi có số kỳ hạn).",
			"Dòng có số kỳ hạn: điền tỷ lệ hoàn thành và nội dung báo cáo để gửi báo cáo tiến độ.",
			"Dòng không có số kỳ hạn: nhiệm vụ mới; cần tên, đơn vị chủ trì và thời hạn (hoặc định kỳ và ngày kết thúc).",
			"Each row is a task (or a deadline of an assigned task, when it has a deadline number).",
		},
		Columns: []sheet.Column{
			{Key: "deadline_id", VI: "Số kỳ hạn", EN: "Deadline no.", Type: sheet.Integer, Width: 10,
				HintVI: "Để trống cho nhiệm vụ mới", HintEN: "Empty for a new task"},
			{Key: "title", VI: "Tên nhiệm vụ", EN: "Title", Type: sheet.Text, MaxLen: maxTitle, Width: 50},
			{Key: "content", VI: "Nội dung", EN: "Content", Type: sheet.Text, MaxLen: maxContent, Width: 40},
			{Key: "lead_unit", VI: "Đơn vị chủ trì", EN: "Lead unit", Type: sheet.Text, Width: 30,
				HintVI: "Tên đầy đủ, mã hoặc số của đơn vị", HintEN: "The unit's full name, code or number"},
			{Key: "coordinators", VI: "Đơn vị phối hợp", EN: "Coordinating units", Type: sheet.Text, Width: 30,
				HintVI: "Cách nhau bởi dấu chấm phẩy", HintEN: "Separated by semicolons"},
			{Key: "responsible", VI: "Người phụ trách", EN: "Responsible", Type: sheet.Text, Width: 20,
				HintVI: "Họ và tên hoặc mã số người", HintEN: "Full name or person number"},
			{Key: "start", VI: "Ngày giao", EN: "Start", Type: sheet.Date, Width: 12},
			{Key: "deadline", VI: "Thời hạn", EN: "Deadline", Type: sheet.Date, Width: 12},
			{Key: "recurrence", VI: "Định kỳ", EN: "Recurrence", Type: sheet.Choice, List: "recurrence", Width: 14},
			{Key: "recur_until", VI: "Định kỳ đến ngày", EN: "Recurring until", Type: sheet.Date, Width: 12},
			{Key: "due_day", VI: "Hạn vào ngày", EN: "Due day", Type: sheet.Integer, Width: 8},
			{Key: "product", VI: "Sản phẩm", EN: "Expected product", Type: sheet.Text, MaxLen: maxProduct, Width: 25},
			{Key: "priority", VI: "Mức độ", EN: "Priority", Type: sheet.Choice, List: "priority", Width: 12},
			{Key: "kind", VI: "Loại", EN: "Kind", Type: sheet.Choice, List: "kind", Width: 14},
			{Key: "source", VI: "Số, ký hiệu văn bản nguồn", EN: "Source document symbol", Type: sheet.Text, Width: 16,
				HintVI: "Ví dụ 147-KH/TU", HintEN: "For example 147-KH/TU"},
			{Key: "status", VI: "Tình trạng", EN: "Status", Type: sheet.Text, ReadOnly: true, Width: 16},
			{Key: "percent", VI: "Tỷ lệ hoàn thành (%)", EN: "Percent done", Type: sheet.Integer, Width: 10},
			{Key: "report", VI: "Nội dung báo cáo", EN: "Report", Type: sheet.Text, MaxLen: maxReport, Width: 40},
		},
	}
}

// DocumentFinder finds the document with a symbol that the viewer may see.
type DocumentFinder func(ctx context.Context, v access.Viewer, symbol string) (int64, error)

// SetDocumentFinder lets imports name source documents by their symbol.
func (s *Store) SetDocumentFinder(fn DocumentFinder) { s.findDoc = fn }

// Export returns the rows of the deadlines the query selects, as Template
// writes them, and the highest class among them.
func (s *Store) Export(ctx context.Context, v access.Viewer, q ListQuery, lang string) ([]sheet.Record, int, error) {
	q.Limit = MaxLimit
	var out []sheet.Record
	class := 0
	read := map[int64]int{}
	for {
		page, err := s.List(ctx, v, q)
		if err != nil {
			return nil, 0, err
		}
		for _, it := range page.Items {
			t, err := s.load(ctx, it.TaskID, s.Today())
			if err != nil {
				return nil, 0, err
			}
			class = max(class, t.Class)
			if t.Class > 0 {
				read[t.ID] = t.Class
			}
			var coords []string
			for _, c := range t.Coordinators {
				coords = append(coords, c.Name)
			}
			rec := sheet.Record{"deadline_id": it.ID, "title": t.Title, "content": t.Content, "lead_unit": t.LeadUnit.Name,
				"coordinators": strings.Join(coords, "; "), "responsible": t.Responsible, "start": it.StartOn,
				"deadline": it.DueOn, "product": t.Product, "priority": string(t.Priority), "kind": string(t.Kind),
				"status": it.Status.Label(lang), "percent": it.Percent}
			if t.SourceKind == SourceDocument {
				rec["source"] = symbolOf(t.SourceLabel)
			}
			out = append(out, rec)
		}
		q.Offset += len(page.Items)
		if len(page.Items) == 0 || q.Offset >= page.Total {
			return out, class, s.access.LogExport(ctx, Entity, read)
		}
	}
}

// symbolOf takes the symbol out of a document's label ("Kế hoạch số 147-KH/TU").
func symbolOf(label string) string {
	if i := strings.LastIndex(label, " số "); i >= 0 {
		return strings.Fields(label[i+len(" số "):])[0]
	}
	return label
}

// Import reads a task list and writes it: new tasks, and progress reports
// on the deadlines it names, all or nothing. The same file twice is
// refused as already imported. Problems name the sheet, row and column.
func (s *Store) Import(ctx context.Context, imports *sheet.Store, p auth.Principal, up sheet.Upload) (sheet.Import, error) {
	v, err := s.access.Viewer(ctx, p)
	if err != nil {
		return sheet.Import{}, err
	}
	return imports.Import(ctx, Template(), up, func(ctx context.Context, f *sheet.File, importID int64) (int, int, error) {
		changed, class := 0, 0
		for _, row := range f.Rows {
			n, c, err := s.importRow(ctx, p, v, f, row, importID)
			if err != nil {
				return 0, 0, err
			}
			changed += n
			class = max(class, c)
		}
		return changed, class, nil
	})
}

// importRow writes one row, or records its problems in f.
func (s *Store) importRow(ctx context.Context, p auth.Principal, v access.Viewer, f *sheet.File, row sheet.Row, importID int64) (int, int, error) {
	fail := func(err error) (int, int, error) {
		pe, ok := problem.As(err)
		if !ok {
			return 0, 0, err
		}
		if len(pe.Fields) == 0 {
			f.Fail(row, "", sheet.Wrong(keyOr(pe.Key, "error."+string(pe.Code)), pe.Args...))
		}
		for _, fl := range pe.Fields {
			f.Fail(row, columnOf(fl.Name), sheet.Wrong(fl.Key, fl.Args...))
		}
		return 0, 0, nil
	}
	if row.Has("deadline_id") && row.Text("deadline_id") != "" {
		return s.importReport(ctx, p, v, row, fail)
	}
	if !p.Can(auth.TasksWrite) {
		f.Fail(row, "deadline_id", sheet.Wrong("tasks.may_not_create"))
		return 0, 0, nil
	}
	if row.Text("title") == "" {
		f.Fail(row, "title", sheet.Wrong("sheet.required"))
		return 0, 0, nil
	}
	in := Input{Title: row.Text("title"), Content: row.Text("content"), Product: row.Text("product"),
		Priority: Priority(row.Text("priority")), Kind: Kind(row.Text("kind")), StartOn: row.Date("start"),
		DueOn: row.Date("deadline"), Recurrence: Recurrence(row.Text("recurrence")), RecurUntil: row.Date("recur_until"),
		importID: importID}
	if n, ok := row.Number("due_day"); ok {
		d, _ := strconv.Atoi(n.String())
		in.DueDay = d
	}
	day := in.StartOn
	if day.IsZero() {
		day = s.Today()
	}
	var err error
	if in.LeadUnitID, err = s.unitByName(ctx, row.Text("lead_unit"), day, "lead_unit_id"); err != nil {
		return fail(err)
	}
	for _, name := range strings.Split(row.Text("coordinators"), ";") {
		if strings.TrimSpace(name) == "" {
			continue
		}
		id, err := s.unitByName(ctx, name, day, "coordinating_unit_ids")
		if err != nil {
			return fail(err)
		}
		in.CoordinatorIDs = append(in.CoordinatorIDs, id)
	}
	if in.ResponsiblePersonID, err = s.personByName(ctx, row.Text("responsible")); err != nil {
		return fail(err)
	}
	if sym := strings.TrimSpace(row.Text("source")); sym != "" {
		if s.findDoc == nil {
			return fail(problem.InvalidField("source_id", "tasks.source_unavailable"))
		}
		id, err := s.findDoc(ctx, v, sym)
		if err != nil {
			return fail(problem.InvalidField("source_id", "tasks.source_not_found"))
		}
		in.SourceKind, in.SourceID = SourceDocument, id
	}
	id, err := s.create(ctx, p, in, "")
	if err != nil {
		return fail(err)
	}
	var class int
	if err := s.db.W(ctx).QueryRowContext(ctx, `SELECT class FROM tasks WHERE id = $1`, id).Scan(&class); err != nil {
		return 0, 0, fmt.Errorf("tasks: imported task %d: %w", id, err)
	}
	return 1, class, nil
}

// importReport turns a row of an exported deadline into a progress report
// when its percent or report was filled in or changed.
func (s *Store) importReport(ctx context.Context, p auth.Principal, v access.Viewer, row sheet.Row, fail func(error) (int, int, error)) (int, int, error) {
	n, _ := row.Number("deadline_id") // an Integer column: checked when the sheet was read
	occID, _ := strconv.ParseInt(n.String(), 10, 64)
	var taskID int64
	var percent, class int
	// A deadline the importer may not see is answered as one that does not
	// exist, even on a row that changes nothing.
	var args db.Args
	err := s.db.W(ctx).QueryRowContext(ctx, `SELECT o.task_id, o.percent, o.class FROM task_occurrences o WHERE o.id = `+
		args.Add(occID)+` AND `+v.VisibleBy(Entity, "o.class", "o.task_id", &args), args...).Scan(&taskID, &percent, &class)
	if errors.Is(err, sql.ErrNoRows) {
		return fail(problem.InvalidField("occurrence_id", "tasks.no_such_deadline"))
	}
	if err != nil {
		return 0, 0, fmt.Errorf("tasks: deadline %d of the sheet: %w", occID, err)
	}
	pn, has := row.Number("percent")
	newPercent, _ := strconv.Atoi(pn.String())
	if (!has || newPercent == percent) && row.Text("report") == "" {
		return 0, class, nil // nothing new on this row
	}
	if !has {
		newPercent = percent
	}
	if _, err := s.Report(ctx, p, taskID, ReportInput{OccurrenceID: occID, Percent: newPercent, Body: row.Text("report")}); err != nil {
		if problem.Is(err, problem.NotFound) {
			return fail(problem.InvalidField("occurrence_id", "tasks.no_such_deadline"))
		}
		return fail(err)
	}
	return 1, class, nil
}

// columnOf maps a store field to the sheet column it came from.
func columnOf(field string) string {
	switch {
	case field == "lead_unit_id":
		return "lead_unit"
	case strings.HasPrefix(field, "coordinating_unit_ids"):
		return "coordinators"
	case field == "responsible_person_id":
		return "responsible"
	case field == "due_on":
		return "deadline"
	case field == "start_on", field == "reported_on":
		return "start"
	case field == "source_id", field == "source_kind":
		return "source"
	case field == "occurrence_id":
		return "deadline_id"
	case field == "body":
		return "report"
	case field == "class":
		return ""
	}
	return field // title, content, product, priority, kind, recurrence, recur_until, due_day, percent
}

func keyOr(k, def string) string {
	if k != "" {
		return k
	}
	return def
}

// unitByName finds a unit alive on day by number, code, or exact name
// (accents and case aside); field names it in problems.
func (s *Store) unitByName(ctx context.Context, text string, day date.Date, field string) (int64, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return 0, problem.InvalidField(field, "error.required")
	}
	if id, err := strconv.ParseInt(text, 10, 64); err == nil && id > 0 {
		return id, nil
	}
	if u, err := s.org.ByCode(ctx, text, day); err == nil {
		return u.ID, nil
	}
	found, err := s.org.Search(ctx, org.SearchQuery{Text: text, AsOf: day, Limit: 20})
	if err != nil {
		return 0, err
	}
	want := vn.Fold(text)
	for _, u := range found {
		if vn.Fold(u.Name) == want || (u.ShortName != "" && vn.Fold(u.ShortName) == want) {
			return u.ID, nil
		}
	}
	return 0, problem.InvalidField(field, "tasks.unit_unknown", text, day.String())
}

// personByName finds a person by number or by a full name only one person has.
func (s *Store) personByName(ctx context.Context, text string) (int64, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return 0, nil
	}
	if id, err := strconv.ParseInt(text, 10, 64); err == nil && id > 0 {
		return id, nil
	}
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT id FROM persons WHERE search_key = $1 LIMIT 2`, vn.Fold(text))
	if err != nil {
		return 0, fmt.Errorf("tasks: person %q: %w", text, err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return 0, err
		}
		ids = append(ids, id)
	}
	switch len(ids) {
	case 0:
		return 0, problem.InvalidField("responsible_person_id", "tasks.person_not_found")
	case 1:
		return ids[0], nil
	}
	return 0, problem.InvalidField("responsible_person_id", "tasks.person_ambiguous")
}
