package sheet

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"plenum/internal/date"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// Format is a file format.
type Format string

// The formats Plenum reads and writes.
const (
	XLSX Format = "xlsx"
	CSV  Format = "csv"
)

// ContentType is the MIME type of files of the format.
func (f Format) ContentType() string {
	if f == XLSX {
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	return "text/csv; charset=utf-8"
}

// Value is a parsed cell.
type Value struct {
	Text string     // the cell as typed, trimmed (for Choice, the matched code)
	Num  vn.Decimal // Number and Integer cells
	Date date.Date  // Date cells
	Any  any        // what a Custom column's Parse returned
}

// Row is one data row that was read.
type Row struct {
	Num    int // the row number Excel shows
	values map[string]Value
	bad    map[string]bool // cells that could not be parsed
}

// Has reports whether the cell of column key is filled in and was parsed.
func (r Row) Has(key string) bool { _, ok := r.values[key]; return ok }

// Bad reports whether the cell of column key could not be parsed (its
// problem is already recorded).
func (r Row) Bad(key string) bool { return r.bad[key] }

// Value returns the parsed cell of column key (zero if empty or bad).
func (r Row) Value(key string) Value { return r.values[key] }

// Text returns the text of the cell of column key.
func (r Row) Text(key string) string { return r.values[key].Text }

// Number returns the number in the cell of column key, and whether there is one.
func (r Row) Number(key string) (vn.Decimal, bool) {
	v, ok := r.values[key]
	return v.Num, ok
}

// Date returns the date in the cell of column key (zero if none).
func (r Row) Date(key string) date.Date { return r.values[key].Date }

// File is a file that was read: its rows and the problems found so far.
type File struct {
	Template *Template
	Format   Format
	Checksum string // hex SHA-256 of the bytes
	Size     int64
	Sheet    string // the sheet the rows came from
	Rows     []Row
	// Total counts every problem; Errors keeps the first maxKeptErrors.
	Total  int
	Errors []CellError
	cols   map[string]int // column key → 0-based position in the file
}

// OK reports whether no problem was found.
func (f *File) OK() bool { return f.Total == 0 }

// Fail records a problem with the cell of column key in row (key "" for
// the whole row).
func (f *File) Fail(row Row, key string, p *Problem) {
	f.fail(row.Num, key, p)
}

func (f *File) fail(rowNum int, key string, p *Problem) {
	f.Total++
	if len(f.Errors) >= maxKeptErrors {
		return
	}
	e := CellError{Sheet: f.Sheet, Row: rowNum, Field: key, Problem: *p}
	if i, ok := f.cols[key]; ok {
		e.Column = colLetter(i)
		e.Header = f.Template.column(key).Header()
	}
	f.Errors = append(f.Errors, e)
}

// Err returns the problems as one Invalid problem whose fields are named
// "Sheet!C5" (the place) and carry the message, or nil when there is none.
// The API answers it.
func (f *File) Err() error {
	if f.OK() {
		return nil
	}
	return cellErrors(f.Errors, f.Total)
}

func cellErrors(errs []CellError, total int) error {
	pe := &problem.Error{Code: problem.Invalid, Key: "sheet.refused", Args: []any{total}}
	for _, e := range errs {
		name := e.Sheet + "!" + e.Column + strconv.Itoa(e.Row)
		args := make([]any, len(e.Args))
		for i, a := range e.Args {
			args[i] = a
		}
		pe.Fields = append(pe.Fields, problem.Field{Name: name, Key: e.Key, Args: args})
	}
	return pe
}

// Checksum returns the hex SHA-256 of data, by which a file already
// imported is recognised.
func Checksum(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// Read reads data (an XLSX or CSV file, told apart by its bytes) against t.
// A file that cannot be read at all — too large, not a spreadsheet, not
// UTF-8, a missing required column, too many rows — is refused with a
// *problem.Error naming the field "file". Otherwise every row is parsed and
// every problem found is in File.Errors.
func Read(data []byte, t *Template) (*File, error) {
	if err := t.Check(); err != nil {
		return nil, err
	}
	lim := t.limits()
	if int64(len(data)) > lim.MaxBytes {
		return nil, fileProblem(problem.TooLarge, "sheet.too_large", lim.MaxBytes>>20)
	}
	f := &File{Template: t, Checksum: Checksum(data), Size: int64(len(data))}
	var grid [][]cell
	var err error
	switch {
	case len(data) == 0:
		return nil, fileProblem(problem.Invalid, "sheet.empty")
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		f.Format = XLSX
		grid, f.Sheet, err = readXLSX(data, t, lim)
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0")):
		return nil, fileProblem(problem.Invalid, "sheet.old_xls")
	case bytes.HasPrefix(data, []byte("\xFF\xFE")) || bytes.HasPrefix(data, []byte("\xFE\xFF")):
		return nil, fileProblem(problem.Invalid, "sheet.utf16")
	default:
		f.Format = CSV
		f.Sheet = t.Sheet
		grid, err = readCSV(data, lim)
	}
	if err != nil {
		return nil, err
	}
	// A classified file's marking line (see Mark) is no header: rows keep
	// the numbers the file shows.
	skip := 0
	if len(grid[0]) > 0 && strings.HasPrefix(grid[0][0].text, markPrefix) {
		if skip = 1; len(grid) == 1 {
			return nil, fileProblem(problem.Invalid, "sheet.empty")
		}
	}
	if err := f.mapHeader(grid[skip:]); err != nil {
		return nil, err
	}
	for i, cells := range grid[1+skip:] {
		f.parseRow(i+2+skip, cells)
	}
	if len(f.Rows) == 0 && f.OK() {
		return nil, fileProblem(problem.Invalid, "sheet.no_rows")
	}
	return f, nil
}

// cell is a raw cell: its text and whether XLSX stored it as a number.
type cell struct {
	text    string
	numeric bool
}

// readXLSX returns the rows of the data sheet (the template's, else the
// first that is not the guide or the codes).
func readXLSX(data []byte, t *Template, lim Limits) ([][]cell, string, error) {
	// The unzip limits stop a zip bomb: a few megabytes that inflate to gigabytes.
	x, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: 20 * lim.MaxBytes, UnzipXMLSizeLimit: 20 * lim.MaxBytes})
	if err != nil {
		return nil, "", fileProblem(problem.Invalid, "sheet.bad_xlsx")
	}
	defer x.Close()
	sheet := ""
	for _, name := range x.GetSheetList() {
		if name == t.Sheet {
			sheet = name
			break
		}
		if sheet == "" && name != guideSheet && name != codesSheet {
			sheet = name
		}
	}
	if sheet == "" {
		return nil, "", fileProblem(problem.Invalid, "sheet.no_sheet", t.Sheet)
	}
	rows, err := x.Rows(sheet)
	if err != nil {
		return nil, "", fileProblem(problem.Invalid, "sheet.bad_xlsx")
	}
	defer rows.Close()
	var grid [][]cell
	for n := 1; rows.Next(); n++ {
		if len(grid) > lim.MaxRows {
			return nil, "", fileProblem(problem.TooLarge, "sheet.too_many_rows", lim.MaxRows)
		}
		vals, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, "", fileProblem(problem.Invalid, "sheet.bad_xlsx")
		}
		row := make([]cell, len(vals))
		for i, v := range vals {
			row[i].text = v
			if v == "" {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(i+1, n)
			if typ, err := x.GetCellType(sheet, ref); err == nil && (typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset) {
				row[i].numeric = true
			}
		}
		// Rows() skips nothing: an empty row in the middle keeps its number.
		grid = append(grid, row)
	}
	if err := rows.Error(); err != nil {
		return nil, "", fileProblem(problem.Invalid, "sheet.bad_xlsx")
	}
	if len(grid) == 0 {
		return nil, "", fileProblem(problem.Invalid, "sheet.empty")
	}
	return grid, sheet, nil
}

// readCSV returns the records of a CSV file in UTF-8 (with or without a
// byte-order mark), separated by ",", ";" or tab as its first line shows.
func readCSV(data []byte, lim Limits) ([][]cell, error) {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, fileProblem(problem.Invalid, "sheet.binary")
	}
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		return nil, fileProblem(problem.Invalid, "sheet.not_utf8", line)
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = separator(data)
	if rest, ok := bytes.CutPrefix(data, []byte(markPrefix)); ok {
		// The marking line has no separator: the header line tells.
		if _, header, ok := bytes.Cut(rest, []byte("\n")); ok {
			r.Comma = separator(header)
		}
	}
	r.FieldsPerRecord = -1
	var grid [][]cell
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, fileProblem(problem.Invalid, "sheet.bad_csv", pe.StartLine)
		}
		if err != nil {
			return nil, fmt.Errorf("sheet: read csv: %w", err)
		}
		if len(grid) > lim.MaxRows {
			return nil, fileProblem(problem.TooLarge, "sheet.too_many_rows", lim.MaxRows)
		}
		row := make([]cell, len(rec))
		for i, s := range rec {
			row[i].text = s
		}
		grid = append(grid, row)
	}
	if len(grid) == 0 {
		return nil, fileProblem(problem.Invalid, "sheet.empty")
	}
	return grid, nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// separator picks the field separator that occurs most often outside
// quotes on the first line; "," on a tie.
func separator(data []byte) rune {
	counts := map[rune]int{}
	quoted := false
	for _, r := range string(data) {
		if r == '"' {
			quoted = !quoted
		}
		if !quoted && (r == '\n' || r == '\r') {
			break
		}
		if !quoted && (r == ',' || r == ';' || r == '\t') {
			counts[r]++
		}
	}
	best := ','
	for _, r := range []rune{';', '\t'} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
}

// mapHeader finds each column of the template in the first row: by the
// whole header, its Vietnamese or English part, or the key. Unknown columns
// are ignored; a missing required column refuses the file.
func (f *File) mapHeader(grid [][]cell) error {
	f.cols = map[string]int{}
	byName := map[string]string{}
	for _, c := range f.Template.Columns {
		for _, n := range []string{c.Header(), c.VI, c.EN, c.Key} {
			if n != "" {
				byName[headerKey(n)] = c.Key
			}
		}
	}
	for i, c := range grid[0] {
		key, ok := byName[headerKey(c.text)]
		if !ok {
			continue
		}
		if j, dup := f.cols[key]; dup {
			return fileProblem(problem.Invalid, "sheet.duplicate_column", f.Template.column(key).Header(), colLetter(j), colLetter(i))
		}
		f.cols[key] = i
	}
	for _, c := range f.Template.Columns {
		if _, ok := f.cols[c.Key]; !ok && c.Required && !c.ReadOnly {
			return fileProblem(problem.Invalid, "sheet.missing_column", c.Header())
		}
	}
	return nil
}

// parseRow reads one data row (n as Excel numbers it).
func (f *File) parseRow(n int, cells []cell) {
	get := func(key string) cell {
		if i, ok := f.cols[key]; ok && i < len(cells) {
			c := cells[i]
			c.text = strings.TrimSpace(c.text)
			return c
		}
		return cell{}
	}
	blank := true
	for _, c := range f.Template.Columns {
		if !c.ReadOnly && get(c.Key).text != "" {
			blank = false
		}
	}
	if blank {
		return
	}
	if k := f.Template.SkipUnless; k != "" && get(k).text == "" {
		return
	}
	row := Row{Num: n, values: map[string]Value{}, bad: map[string]bool{}}
	for _, c := range f.Template.Columns {
		if c.ReadOnly {
			continue
		}
		raw := get(c.Key)
		if raw.text == "" {
			if c.Required {
				row.bad[c.Key] = true
				f.fail(n, c.Key, Wrong("sheet.required"))
			}
			continue
		}
		v, p := f.parseCell(c, raw)
		if p != nil {
			row.bad[c.Key] = true
			f.fail(n, c.Key, p)
			continue
		}
		row.values[c.Key] = v
	}
	f.Rows = append(f.Rows, row)
}

// parseCell reads one non-empty cell by its column's type.
func (f *File) parseCell(c Column, raw cell) (Value, *Problem) {
	s := vn.Normalize(unescape(raw.text))
	switch c.Type {
	case Text:
		max := c.MaxLen
		if max == 0 {
			max = defaultMaxLen
		}
		if utf8.RuneCountInString(s) > max {
			return Value{}, Wrong("sheet.too_long", max)
		}
		return Value{Text: s}, nil
	case Number, Integer:
		d, p := parseNumber(s, raw.numeric)
		if p != nil {
			return Value{}, p
		}
		if _, ok := d.Int64(); c.Type == Integer && !ok {
			return Value{}, Wrong("sheet.not_integer", s)
		}
		return Value{Text: s, Num: d}, nil
	case Date:
		d, p := parseDate(s, raw.numeric)
		return Value{Text: s, Date: d}, p
	case Choice:
		l := f.Template.list(c.List)
		k := headerKey(s)
		for _, it := range l.Items {
			if headerKey(it.Code) == k || headerKey(it.Label) == k {
				return Value{Text: it.Code}, nil
			}
		}
		return Value{}, Wrong("sheet.not_in_list", s, l.Title)
	case Custom:
		v, err := c.Parse(s)
		if err != nil {
			var p *Problem
			if errors.As(err, &p) {
				return Value{}, p
			}
			return Value{}, Wrong("sheet.invalid", s)
		}
		return Value{Text: s, Any: v}, nil
	}
	return Value{Text: s}, nil
}

// parseNumber reads a number: exactly as stored from a numeric XLSX cell
// (machine form, "3.42"), the Vietnamese way from text ("3,42", "1.600").
func parseNumber(s string, numeric bool) (vn.Decimal, *Problem) {
	var d vn.Decimal
	if numeric {
		if err := d.UnmarshalJSON([]byte(s)); err == nil {
			return d, nil
		}
		// Excel writes very large or small numbers with an exponent.
		if fl, err := strconv.ParseFloat(s, 64); err == nil {
			if err := d.UnmarshalJSON([]byte(strconv.FormatFloat(fl, 'f', -1, 64))); err == nil {
				return d, nil
			}
		}
		return d, Wrong("sheet.not_number", s)
	}
	d, err := vn.ParseNumber(s)
	if err != nil {
		return d, Wrong("sheet.not_number", s)
	}
	return d, nil
}

// parseDate reads a day: an Excel serial date from a numeric cell, or a
// written date ("01/07/2025", "1/7/2025", "2025-07-01", "ngày 01 tháng 7
// năm 2025").
func parseDate(s string, numeric bool) (date.Date, *Problem) {
	if numeric {
		if serial, err := strconv.ParseFloat(s, 64); err == nil && serial >= 1 && serial < 2958466 {
			t, err := excelize.ExcelDateToTime(serial, false)
			if err == nil {
				return date.Of(t), nil
			}
		}
	}
	d, _, err := vn.ParseDate(s, date.Date{})
	if err != nil {
		return date.Date{}, Wrong("sheet.not_date", s)
	}
	return d, nil
}
