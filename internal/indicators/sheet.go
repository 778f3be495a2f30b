package indicators

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/org"
	"plenum/internal/problem"
	"plenum/internal/sheet"
	"plenum/internal/vn"
)

// SheetKind is the kind of imports of indicator values.
const SheetKind = "indicator_values"

// SheetQuery selects a unit's sheet of values: every indicator the viewer
// may see, for every period of the year allowed by its periodicity that has
// begun, with the values there already are.
type SheetQuery struct {
	UnitID int64 `json:"unit_id"`
	Year   int   `json:"year"`
}

// sheetTemplate describes the values sheet. units resolves the unit
// column: the units listed, by code or name, else any unit by its code.
func (s *Store) sheetTemplate(ctx context.Context, inds []Indicator, units []org.Unit, class int) *sheet.Template {
	indItems := make([]sheet.Item, len(inds))
	for i, x := range inds {
		indItems[i] = sheet.Item{Code: x.Code, Label: x.Name}
	}
	unitItems := make([]sheet.Item, len(units))
	for i, u := range units {
		unitItems[i] = sheet.Item{Code: unitCode(u), Label: u.Name}
	}
	guide := []string{
		"Biểu nhập số liệu chỉ tiêu — Plenum / Indicator values sheet",
		"Điền cột \"Giá trị\" cho các kỳ có số liệu; dòng để trống giá trị sẽ được bỏ qua. / Fill in \"Value\"; rows without a value are skipped.",
		"Số viết theo kiểu Việt Nam: 1.600 (dấu chấm ngăn cách hàng nghìn), 3,42 (dấu phẩy thập phân). / Numbers: 1.600, 3,42.",
		"Kỳ: quý I/2025, 6 tháng đầu năm 2025, 9 tháng năm 2025, năm 2025 (hoặc 2025-Q1, 2025-6M, 2025-9M, 2025).",
		"Loại số liệu: Ước đạt hoặc Chính thức; số chính thức chỉ nhập khi đã hết kỳ. / Status: estimate, or final once the period is over.",
		"Tải lên lại đúng tệp này sau khi điền; tệp đã nhập sẽ không được nhập lần thứ hai. / Upload this file back; the same file is never imported twice.",
	}
	return &sheet.Template{
		Kind:  SheetKind,
		Sheet: "Chỉ tiêu",
		Columns: []sheet.Column{
			{Key: "indicator_id", VI: "Mã chỉ tiêu", EN: "Indicator code", Type: sheet.Choice, List: "indicators", Required: true, Width: 12,
				HintVI: "Mã hoặc tên chỉ tiêu trong danh mục", HintEN: "The indicator's code or name, from the list"},
			{Key: "name", VI: "Tên chỉ tiêu", EN: "Indicator", ReadOnly: true, Width: 48},
			{Key: "measure", VI: "Đơn vị tính", EN: "Unit of measure", ReadOnly: true, Width: 14},
			{Key: "unit_id", VI: "Đơn vị", EN: "Unit", Type: sheet.Custom, Required: true, Width: 30, Parse: s.unitParser(ctx, units),
				HintVI: "Mã hoặc tên đơn vị báo cáo", HintEN: "The reporting unit's code or name"},
			{Key: "period", VI: "Kỳ", EN: "Period", Type: sheet.Custom, Required: true, Width: 22, Parse: parsePeriodCell,
				HintVI: "quý III/2025, 6 tháng đầu năm 2025, 9 tháng năm 2025, năm 2025", HintEN: "2025-Q3, 2025-6M, 2025-9M, 2025"},
			{Key: "status", VI: "Loại số liệu", EN: "Status", Type: sheet.Choice, List: "statuses", Required: true, Width: 14},
			{Key: "value", VI: "Giá trị", EN: "Value", Type: sheet.Number, Width: 14,
				HintVI: "Theo đơn vị tính của chỉ tiêu", HintEN: "In the indicator's unit of measure"},
			{Key: "target", VI: "Kế hoạch năm", EN: "Year target", ReadOnly: true, Width: 14},
			{Key: "source", VI: "Nguồn số liệu", EN: "Source", MaxLen: maxSource, Width: 24},
			{Key: "note", VI: "Ghi chú", EN: "Note", MaxLen: maxSource, Width: 30},
		},
		Lists: []sheet.List{
			{Name: "indicators", Title: "Chỉ tiêu / Indicators", Items: indItems},
			{Name: "statuses", Title: "Loại số liệu / Status", Items: []sheet.Item{{Code: "Ước đạt", Label: "estimate"}, {Code: "Chính thức", Label: "final"}}},
			{Name: "units", Title: "Đơn vị / Units", Items: unitItems},
		},
		Guide:      guide,
		SkipUnless: "value",
		Class:      auth.Clearance(class),
	}
}

// unitCode is how the sheet names a unit: its code, else "#id".
func unitCode(u org.Unit) string {
	if u.Code != "" {
		return u.Code
	}
	return "#" + strconv.FormatInt(u.ID, 10)
}

// unitParser reads the unit column: a listed unit by code or name, "#id",
// or any unit by its code.
func (s *Store) unitParser(ctx context.Context, units []org.Unit) func(string) (any, error) {
	byKey := map[string]int64{}
	for _, u := range units {
		byKey[vn.Fold(unitCode(u))] = u.ID
		byKey[vn.Fold(u.Name)] = u.ID
		if u.ShortName != "" {
			byKey[vn.Fold(u.ShortName)] = u.ID
		}
	}
	return func(text string) (any, error) {
		if id, ok := byKey[vn.Fold(text)]; ok {
			return id, nil
		}
		if id, err := strconv.ParseInt(strings.TrimPrefix(text, "#"), 10, 64); err == nil && strings.HasPrefix(text, "#") {
			return id, nil
		}
		if u, err := s.units.ByCode(ctx, text, date.Date{}); err == nil {
			return u.ID, nil
		}
		return nil, sheet.Wrong("indicators.error.unit_unknown", text)
	}
}

func parsePeriodCell(text string) (any, error) {
	p, err := ParsePeriod(text)
	if err != nil {
		return nil, sheet.Wrong("indicators.error.period")
	}
	return p, nil
}

// sheetUnits are the units a principal's sheet lists: the unit asked for
// and the units merged into it.
func (s *Store) sheetUnits(ctx context.Context, unitID int64) ([]org.Unit, error) {
	ids, err := s.units.Lineage(ctx, unitID)
	if err != nil {
		return nil, err
	}
	var out []org.Unit
	for _, id := range ids {
		u, err := s.units.Get(ctx, id, date.Date{})
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, nil
}

// ExportSheet writes a unit's sheet for a year in format: one row per
// indicator the viewer may see and period of the year that has begun, with
// the current values, in the format ImportSheet reads back. It returns the
// highest class of the indicators written (the file must be marked with it).
func (s *Store) ExportSheet(ctx context.Context, w io.Writer, format sheet.Format, v access.Viewer, q SheetQuery) (int, error) {
	t, rows, err := s.exportSheet(ctx, v, q)
	if err != nil {
		return 0, err
	}
	return int(t.Class), sheet.Write(w, format, t, rows)
}

// ServeSheet sends the sheet ExportSheet writes as a download, marked with
// its class (sheet.Serve).
func (s *Store) ServeSheet(ctx context.Context, w http.ResponseWriter, format sheet.Format, v access.Viewer, q SheetQuery, lang string) error {
	t, rows, err := s.exportSheet(ctx, v, q)
	if err != nil {
		return err
	}
	return sheet.Serve(w, format, t, rows, fmt.Sprintf("chi-tieu-%d-%d", q.UnitID, q.Year), lang)
}

func (s *Store) exportSheet(ctx context.Context, v access.Viewer, q SheetQuery) (*sheet.Template, []sheet.Record, error) {
	inds, err := s.List(ctx, v, ListQuery{})
	if err != nil {
		return nil, nil, err
	}
	u, err := s.units.Get(ctx, q.UnitID, date.Date{})
	if err != nil {
		return nil, nil, err
	}
	units, err := s.sheetUnits(ctx, q.UnitID)
	if err != nil {
		return nil, nil, err
	}
	var periods []Period
	today := s.Today()
	for _, p := range PeriodsOfYear(q.Year, Month) {
		if !p.First().After(today) {
			periods = append(periods, p)
		}
	}
	vals, err := s.currentValues(ctx, v, ids(inds), []int64{q.UnitID}, periods, date.Date{})
	if err != nil {
		return nil, nil, err
	}
	targets, err := s.targetsOf(ctx, ids(inds))
	if err != nil {
		return nil, nil, err
	}
	class := 0
	read := map[int64]int{}
	var rows []sheet.Record
	for _, ind := range inds {
		class = max(class, ind.Class)
		if ind.Class > 0 {
			read[ind.ID] = ind.Class
		}
		var target any
		if t := targetFor(ind, targets[ind.ID], q.UnitID, q.Year, false); t != nil {
			target = t.Value
		}
		for _, p := range periods {
			if !allowed(p, ind.Periodicity) {
				continue
			}
			r := sheet.Record{"indicator_id": ind.Code, "name": ind.Name, "measure": ind.Measure, "unit_id": unitCode(u),
				"period": p.Label(), "status": statusLabel(Estimate), "target": target}
			if p.Last().Before(today) {
				r["status"] = statusLabel(Final)
			}
			if x, ok := vals[valueKey{ind.ID, q.UnitID, p}]; ok {
				r["status"], r["value"], r["source"], r["note"] = statusLabel(x.Status), x.Value, x.Source, x.Note
			}
			rows = append(rows, r)
		}
	}
	if err := s.access.LogExport(ctx, Entity, read); err != nil {
		return nil, nil, err
	}
	return s.sheetTemplate(ctx, inds, units, class), rows, nil
}

func statusLabel(st Status) string {
	if st == Final {
		return "Chính thức"
	}
	return "Ước đạt"
}

// ImportSheet imports a filled sheet of values as principal p: every row is
// checked as Enter checks one value (problems name the row and column), and
// all are written or none. unitID is the unit whose sheet it is (it scopes
// the unit names the file may use and is recorded with the import).
func (s *Store) ImportSheet(ctx context.Context, imports *sheet.Store, p auth.Principal, unitID int64, up sheet.Upload) (sheet.Import, error) {
	e, err := s.newEnterer(ctx, p)
	if err != nil {
		return sheet.Import{}, err
	}
	inds, err := s.List(ctx, e.viewer, ListQuery{})
	if err != nil {
		return sheet.Import{}, err
	}
	units, err := s.sheetUnits(ctx, unitID)
	if err != nil {
		return sheet.Import{}, err
	}
	byCode := map[string]Indicator{}
	for _, x := range inds {
		byCode[x.Code] = x
		e.inds[x.ID] = x
	}
	up.Scope = "unit:" + strconv.FormatInt(unitID, 10)
	return imports.Import(ctx, s.sheetTemplate(ctx, inds, units, 0), up, func(ctx context.Context, f *sheet.File, importID int64) (int, int, error) {
		type item struct {
			ind Indicator
			in  ValueInput
		}
		var items []item
		seen := map[valueKey]int{}
		for _, r := range f.Rows {
			if r.Bad("indicator_id") || r.Bad("unit_id") || r.Bad("period") || r.Bad("status") || r.Bad("value") {
				continue
			}
			in := ValueInput{IndicatorID: byCode[r.Text("indicator_id")].ID, Status: Estimate, Source: r.Text("source"), Note: r.Text("note")}
			in.UnitID, _ = r.Value("unit_id").Any.(int64)
			in.Period, _ = r.Value("period").Any.(Period)
			in.Value, _ = r.Number("value")
			if r.Text("status") == "Chính thức" {
				in.Status = Final
			}
			ind, err := s.check(ctx, e, &in)
			if err != nil {
				pe, ok := problem.As(err)
				if !ok {
					return 0, 0, err
				}
				for _, fld := range pe.Fields {
					f.Fail(r, fld.Name, sheet.Wrong(fld.Key, fld.Args...))
				}
				if len(pe.Fields) == 0 {
					f.Fail(r, "", sheet.Wrong("error."+string(pe.Code)))
				}
				continue
			}
			k := valueKey{in.IndicatorID, in.UnitID, in.Period}
			if prev, dup := seen[k]; dup {
				f.Fail(r, "period", sheet.Wrong("indicators.error.duplicate_row", prev))
				continue
			}
			seen[k] = r.Num
			items = append(items, item{ind, in})
		}
		if !f.OK() {
			return 0, 0, nil
		}
		changed, class := 0, 0
		for _, it := range items {
			_, ch, err := s.write(ctx, it.ind, it.in, importID)
			if err != nil {
				return 0, 0, fmt.Errorf("indicators: import: %w", err)
			}
			if ch {
				changed++
			}
			class = max(class, it.ind.Class)
		}
		return changed, class, nil
	})
}
