package sheet

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/vn"
)

// Record is one row to export: cell values by column key. A value may be a
// string, a vn.Decimal, a date.Date, an int or int64; a missing key is an
// empty cell.
type Record map[string]any

// Write writes the template and rows in format: the XLSX with its data,
// guide and codes sheets, or the CSV with a header line.
func Write(w io.Writer, format Format, t *Template, rows []Record) error {
	if err := t.Check(); err != nil {
		return err
	}
	if format == CSV {
		return writeCSV(w, t, rows)
	}
	return writeXLSX(w, t, rows)
}

// dangerous reports whether a spreadsheet would take s as a formula.
func dangerous(s string) bool {
	return s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0]))
}

// escape neutralises a text that a spreadsheet would run as a formula, the
// OWASP way: a leading "'".
func escape(s string) string {
	if dangerous(s) {
		return "'" + s
	}
	return s
}

// unescape removes what escape added.
func unescape(s string) string {
	if strings.HasPrefix(s, "'") && dangerous(s[1:]) {
		return s[1:]
	}
	return s
}

// text renders a value for a text cell: numbers the Vietnamese way, dates
// as dd/mm/yyyy.
func text(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case vn.Decimal:
		return vn.FormatDecimal(x)
	case date.Date:
		if x.IsZero() {
			return ""
		}
		return fmt.Sprintf("%02d/%02d/%04d", x.Day, x.Month, x.Year)
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}

func writeCSV(w io.Writer, t *Template, rows []Record) error {
	var buf bytes.Buffer
	buf.WriteString("\xEF\xBB\xBF") // so that Excel reads UTF-8
	cw := csv.NewWriter(&buf)
	cw.UseCRLF = true
	if mark := Mark(t.Class); mark != "" {
		// A line of its own above the header, as a stamp above the text;
		// Read passes over it.
		if err := cw.Write([]string{markPrefix + mark}); err != nil {
			return fmt.Errorf("sheet: write csv: %w", err)
		}
	}
	head := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = c.Header()
	}
	if err := cw.Write(head); err != nil {
		return fmt.Errorf("sheet: write csv: %w", err)
	}
	for _, r := range rows {
		rec := make([]string, len(t.Columns))
		for i, c := range t.Columns {
			s := text(r[c.Key])
			if c.Type == Text || c.Type == Custom || c.Type == Choice {
				s = escape(s)
			}
			rec[i] = s
		}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("sheet: write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("sheet: write csv: %w", err)
	}
	_, err := buf.WriteTo(w)
	return err
}

// xlsxStyles are the styles of a generated workbook.
type xlsxStyles struct {
	header, readOnly, date, wrap int
}

func newStyles(x *excelize.File) (xlsxStyles, error) {
	var s xlsxStyles
	var err error
	border := []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}}
	if s.header, err = x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F1"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, Border: border}); err != nil {
		return s, err
	}
	if s.readOnly, err = x.NewStyle(&excelize.Style{Font: &excelize.Font{Color: "595959"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}}); err != nil {
		return s, err
	}
	if s.date, err = x.NewStyle(&excelize.Style{CustomNumFmt: ptr("dd/mm/yyyy")}); err != nil {
		return s, err
	}
	s.wrap, err = x.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	return s, err
}

func ptr[T any](v T) *T { return &v }

func writeXLSX(w io.Writer, t *Template, rows []Record) error {
	x := excelize.NewFile()
	defer x.Close()
	st, err := newStyles(x)
	if err != nil {
		return fmt.Errorf("sheet: styles: %w", err)
	}
	if err := x.SetSheetName("Sheet1", t.Sheet); err != nil {
		return fmt.Errorf("sheet: name sheet: %w", err)
	}
	if err := writeData(x, t, rows, st); err != nil {
		return err
	}
	if err := writeGuide(x, t, st); err != nil {
		return err
	}
	if len(t.Lists) > 0 {
		if err := writeCodes(x, t, st); err != nil {
			return err
		}
	}
	if err := markXLSX(x, t.Class); err != nil {
		return err
	}
	x.SetActiveSheet(0)
	if _, err := x.WriteTo(w); err != nil {
		return fmt.Errorf("sheet: write xlsx: %w", err)
	}
	return nil
}

// markXLSX marks a classified workbook: at the top and bottom of every
// printed page of every sheet, and in the document's properties (title,
// keywords, category), which file managers and mail gateways show.
func markXLSX(x *excelize.File, c auth.Clearance) error {
	mark := Mark(c)
	if mark == "" {
		return nil
	}
	hf := "&C&\"-,Bold\"" + mark
	for _, sh := range x.GetSheetList() {
		if err := x.SetHeaderFooter(sh, &excelize.HeaderFooterOptions{OddHeader: hf, OddFooter: hf + "&R&P/&N"}); err != nil {
			return fmt.Errorf("sheet: mark %s: %w", sh, err)
		}
	}
	if err := x.SetDocProps(&excelize.DocProperties{Title: mark, Keywords: markPrefix + mark, Category: mark}); err != nil {
		return fmt.Errorf("sheet: mark properties: %w", err)
	}
	return nil
}

func writeData(x *excelize.File, t *Template, rows []Record, st xlsxStyles) error {
	sh := t.Sheet
	last := len(rows) + 1
	validTo := max(last, 1000) // room to add rows with drop-downs
	for i, c := range t.Columns {
		col := colLetter(i)
		if err := x.SetCellStr(sh, col+"1", c.Header()); err != nil {
			return fmt.Errorf("sheet: header: %w", err)
		}
		width := c.Width
		if width == 0 {
			width = 16
		}
		if err := x.SetColWidth(sh, col, col, width); err != nil {
			return fmt.Errorf("sheet: width: %w", err)
		}
		switch {
		case c.ReadOnly:
			if err := x.SetColStyle(sh, col, st.readOnly); err != nil {
				return fmt.Errorf("sheet: style: %w", err)
			}
		case c.Type == Date:
			if err := x.SetColStyle(sh, col, st.date); err != nil {
				return fmt.Errorf("sheet: style: %w", err)
			}
		}
		if c.Type == Choice && !c.ReadOnly {
			dv := excelize.NewDataValidation(true)
			dv.SetSqref(fmt.Sprintf("%s2:%s%d", col, col, validTo))
			dv.SetSqrefDropList(listRange(t, c.List))
			dv.SetError(excelize.DataValidationErrorStyleWarning, c.Header(), "Giá trị không có trong danh mục / Not in the list")
			if err := x.AddDataValidation(sh, dv); err != nil {
				return fmt.Errorf("sheet: validation: %w", err)
			}
		}
	}
	if err := x.SetRowStyle(sh, 1, 1, st.header); err != nil {
		return fmt.Errorf("sheet: header style: %w", err)
	}
	if err := x.SetRowHeight(sh, 1, 32); err != nil {
		return fmt.Errorf("sheet: header height: %w", err)
	}
	if err := x.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("sheet: freeze header: %w", err)
	}
	for r, rec := range rows {
		for i, c := range t.Columns {
			ref := fmt.Sprintf("%s%d", colLetter(i), r+2)
			if err := setCell(x, sh, ref, rec[c.Key]); err != nil {
				return fmt.Errorf("sheet: cell %s: %w", ref, err)
			}
		}
	}
	return nil
}

// setCell writes a value with its type: numbers as numbers (exact: the
// shortest decimal that reads back as the same float), dates as Excel dates,
// everything else as a string cell, which Excel never evaluates.
func setCell(x *excelize.File, sh, ref string, v any) error {
	switch val := v.(type) {
	case nil:
		return nil
	case vn.Decimal:
		return x.SetCellFloat(sh, ref, val.Float64(), -1, 64)
	case int:
		return x.SetCellInt(sh, ref, int64(val))
	case int64:
		return x.SetCellInt(sh, ref, val)
	case date.Date:
		if val.IsZero() {
			return nil
		}
		return x.SetCellValue(sh, ref, val.Time(time.UTC))
	}
	return x.SetCellStr(sh, ref, text(v))
}

// listRange is the codes-sheet range holding the codes of list name.
func listRange(t *Template, name string) string {
	for i, l := range t.Lists {
		if l.Name == name {
			col := colLetter(2 * i)
			return fmt.Sprintf("'%s'!$%s$3:$%s$%d", codesSheet, col, col, len(l.Items)+2)
		}
	}
	return ""
}

// writeGuide writes the guide sheet: the template's lines, then each
// column with its header, whether it is required, and what to type.
func writeGuide(x *excelize.File, t *Template, st xlsxStyles) error {
	if _, err := x.NewSheet(guideSheet); err != nil {
		return fmt.Errorf("sheet: guide: %w", err)
	}
	r := 1
	put := func(vals ...string) error {
		for i, v := range vals {
			if err := x.SetCellStr(guideSheet, fmt.Sprintf("%s%d", colLetter(i), r), v); err != nil {
				return fmt.Errorf("sheet: guide: %w", err)
			}
		}
		r++
		return nil
	}
	guide := t.Guide
	if mark := Mark(t.Class); mark != "" {
		guide = append([]string{markPrefix + mark}, guide...)
	}
	for _, g := range guide {
		if err := put(g); err != nil {
			return err
		}
	}
	r++
	if err := put("Cột / Column", "Tiêu đề / Header", "Bắt buộc / Required", "Cách nhập / What to type"); err != nil {
		return err
	}
	if err := x.SetRowStyle(guideSheet, r-1, r-1, st.header); err != nil {
		return fmt.Errorf("sheet: guide: %w", err)
	}
	for i, c := range t.Columns {
		req := ""
		switch {
		case c.ReadOnly:
			req = "Chỉ để đọc / Read only"
		case c.Required:
			req = "Có / Yes"
		}
		hint := strings.TrimSpace(strings.Join([]string{c.HintVI, c.HintEN}, "\n"))
		if err := put(colLetter(i), c.Header(), req, hint); err != nil {
			return err
		}
	}
	for col, w := range map[string]float64{"A": 10, "B": 30, "C": 18, "D": 70} {
		if err := x.SetColWidth(guideSheet, col, col, w); err != nil {
			return fmt.Errorf("sheet: guide: %w", err)
		}
	}
	if err := x.SetColStyle(guideSheet, "D", st.wrap); err != nil {
		return fmt.Errorf("sheet: guide: %w", err)
	}
	return nil
}

// writeCodes writes each list as two columns (code, label) with its title
// on top; the drop-downs of the data sheet point here.
func writeCodes(x *excelize.File, t *Template, st xlsxStyles) error {
	if _, err := x.NewSheet(codesSheet); err != nil {
		return fmt.Errorf("sheet: codes: %w", err)
	}
	for i, l := range t.Lists {
		code, label := colLetter(2*i), colLetter(2*i+1)
		// In order: the workbook's shared strings, and so its bytes, are
		// the same for the same rows.
		for _, c := range [][2]string{{code + "1", l.Title}, {code + "2", "Mã / Code"}, {label + "2", "Tên / Name"}} {
			if err := x.SetCellStr(codesSheet, c[0], c[1]); err != nil {
				return fmt.Errorf("sheet: codes: %w", err)
			}
		}
		for j, it := range l.Items {
			if err := x.SetCellStr(codesSheet, fmt.Sprintf("%s%d", code, j+3), it.Code); err != nil {
				return fmt.Errorf("sheet: codes: %w", err)
			}
			if err := x.SetCellStr(codesSheet, fmt.Sprintf("%s%d", label, j+3), it.Label); err != nil {
				return fmt.Errorf("sheet: codes: %w", err)
			}
		}
		if err := x.SetColWidth(codesSheet, code, code, 16); err != nil {
			return fmt.Errorf("sheet: codes: %w", err)
		}
		if err := x.SetColWidth(codesSheet, label, label, 40); err != nil {
			return fmt.Errorf("sheet: codes: %w", err)
		}
	}
	return x.SetRowStyle(codesSheet, 1, 2, st.header)
}
