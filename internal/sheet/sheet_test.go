package sheet

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"plenum/internal/date"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// testTemplate has a column of every type.
func testTemplate() *Template {
	return &Template{
		Kind:  "test_rows",
		Sheet: "Số liệu",
		Columns: []Column{
			{Key: "unit", VI: "Đơn vị", EN: "Unit", Type: Choice, List: "units", Required: true},
			{Key: "label", VI: "Tên chỉ tiêu", EN: "Indicator", ReadOnly: true, Width: 40},
			{Key: "quarter", VI: "Quý", EN: "Quarter", Type: Custom, Required: true, Parse: func(s string) (any, error) {
				n, err := vn.ParseRoman(s)
				if err != nil || n > 4 {
					return nil, Wrong("sheet.invalid", s)
				}
				return n, nil
			}},
			{Key: "value", VI: "Giá trị", EN: "Value", Type: Number},
			{Key: "count", VI: "Số lượng", EN: "Count", Type: Integer},
			{Key: "day", VI: "Ngày", EN: "Date", Type: Date},
			{Key: "note", VI: "Ghi chú", EN: "Note", MaxLen: 20},
		},
		Lists:      []List{{Name: "units", Title: "Đơn vị", Items: []Item{{"HT", "Huyện Hòa Thuận"}, {"DL", "Xã Đồng Lâm"}}}},
		Guide:      []string{"Bảng thử nghiệm"},
		SkipUnless: "value",
	}
}

func testRecords() []Record {
	return []Record{
		{"unit": "HT", "label": "Thu ngân sách", "quarter": "III", "value": vn.NewDecimal(342, -2), "count": 1600, "day": date.MustParse("2025-07-01"), "note": "=1+1"},
		{"unit": "DL", "label": "Tỷ lệ hộ nghèo", "quarter": "IV", "value": vn.NewDecimal(15, 12), "count": int64(0), "day": date.MustParse("2024-12-31"), "note": "@tên -x"},
		{"unit": "DL", "label": "Chưa điền", "quarter": "I"}, // no value: skipped
	}
}

// read writes the records in format and reads them back.
func roundTrip(t *testing.T, format Format) *File {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, format, testTemplate(), testRecords()); err != nil {
		t.Fatal(err)
	}
	f, err := Read(buf.Bytes(), testTemplate())
	if err != nil {
		t.Fatal(err)
	}
	if f.Format != format {
		t.Fatalf("format %s read as %s", format, f.Format)
	}
	return f
}

func TestRoundTrip(t *testing.T) {
	for _, format := range []Format{XLSX, CSV} {
		t.Run(string(format), func(t *testing.T) {
			f := roundTrip(t, format)
			if !f.OK() {
				t.Fatalf("problems: %v", f.Errors)
			}
			if len(f.Rows) != 2 {
				t.Fatalf("%d rows, want 2 (the row without a value is skipped)", len(f.Rows))
			}
			want := testRecords()
			for i, r := range f.Rows {
				w := want[i]
				if r.Num != i+2 {
					t.Errorf("row %d numbered %d", i, r.Num)
				}
				if r.Text("unit") != w["unit"] || r.Value("quarter").Any == nil || r.Text("note") != w["note"] {
					t.Errorf("row %d: unit %q quarter %v note %q", i, r.Text("unit"), r.Value("quarter").Any, r.Text("note"))
				}
				if v, _ := r.Number("value"); v != w["value"] {
					t.Errorf("row %d: value %v, want %v", i, v, w["value"])
				}
				if n, _ := r.Number("count"); n.String() != strings.TrimSpace(text(w["count"])) {
					t.Errorf("row %d: count %v, want %v", i, n, w["count"])
				}
				if r.Date("day") != w["day"] {
					t.Errorf("row %d: day %v, want %v", i, r.Date("day"), w["day"])
				}
				if r.Has("label") {
					t.Errorf("read-only column was read")
				}
			}
		})
	}
}

func TestCSVFormulaEscaped(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, CSV, testTemplate(), testRecords()); err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	if !strings.HasPrefix(s, "\xEF\xBB\xBF") {
		t.Error("CSV has no byte-order mark")
	}
	if !strings.Contains(s, ",'=1+1") || !strings.Contains(s, ",'@tên -x") {
		t.Errorf("formula-like text not escaped:\n%s", s)
	}
}

func TestXLSXLayout(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, XLSX, testTemplate(), testRecords()); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := x.GetSheetList(); len(got) != 3 || got[0] != "Số liệu" || got[1] != guideSheet || got[2] != codesSheet {
		t.Fatalf("sheets %v", got)
	}
	if h, _ := x.GetCellValue("Số liệu", "D1"); h != "Giá trị / Value" {
		t.Errorf("header D1 = %q", h)
	}
	if typ, _ := x.GetCellType("Số liệu", "G2"); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
		t.Errorf("text that looks like a formula is stored as type %v, want a string cell", typ)
	}
	if f, _ := x.GetCellFormula("Số liệu", "G2"); f != "" {
		t.Errorf("G2 has a formula %q", f)
	}
	dvs, err := x.GetDataValidations("Số liệu")
	if err != nil || len(dvs) != 1 || !strings.Contains(dvs[0].Formula1, codesSheet) {
		t.Errorf("validation list: %v %+v", err, dvs)
	}
	if code, _ := x.GetCellValue(codesSheet, "A4"); code != "DL" {
		t.Errorf("codes sheet A4 = %q", code)
	}
}

// csvFile builds a CSV file from lines.
func csvFile(lines ...string) []byte { return []byte(strings.Join(lines, "\r\n") + "\r\n") }

func TestReadCSVVariants(t *testing.T) {
	header := "Đơn vị / Unit,Quý / Quarter,Giá trị / Value,Ngày / Date"
	cases := []struct {
		name string
		data []byte
		want string // value of row 2
	}{
		{"comma", csvFile(header, `HT,II,"3,42",01/07/2025`), "3.42"},
		{"bom", append([]byte("\xEF\xBB\xBF"), csvFile(header, `HT,II,"1.600",2025-07-01`)...), "1600"},
		{"semicolon", csvFile(strings.ReplaceAll(header, ",", ";"), `HT;II;3,42;01/07/2025`), "3.42"},
		{"tab", csvFile(strings.ReplaceAll(header, ",", "\t"), "HT\tII\t-2,5\t1/7/2025"), "-2.5"},
		{"headers in any case and order, without accents", csvFile("gia tri,DON VI,quy,value_ignored", `"7,0",Huyện Hòa Thuận,I,x`), "7"},
		{"lf only", []byte(header + "\nHT,II,5,01/07/2025\n"), "5"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := Read(c.data, testTemplate())
			if err != nil {
				t.Fatal(err)
			}
			if !f.OK() || len(f.Rows) != 1 {
				t.Fatalf("rows %d, problems %v", len(f.Rows), f.Errors)
			}
			if v, _ := f.Rows[0].Number("value"); v.String() != c.want {
				t.Errorf("value %s, want %s", v, c.want)
			}
		})
	}
}

func TestReadRefusesFiles(t *testing.T) {
	header := "Đơn vị,Quý,Giá trị"
	cp1258 := []byte("\xD0\xC6n v\xF2,Qu\xFD,Gi\xE1 tr\xF2\r\nHT,I,1\r\n") // "Đơn vị" in Windows-1258 bytes
	small := testTemplate()
	small.Limits = Limits{MaxBytes: 100, MaxRows: 2}
	cases := []struct {
		name string
		tmpl *Template
		data []byte
		key  string
		code problem.Code
	}{
		{"empty", testTemplate(), nil, "sheet.empty", problem.Invalid},
		{"windows-1258", testTemplate(), cp1258, "sheet.not_utf8", problem.Invalid},
		{"utf-16", testTemplate(), []byte("\xFF\xFEx\x00"), "sheet.utf16", problem.Invalid},
		{"old xls", testTemplate(), []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"), "sheet.old_xls", problem.Invalid},
		{"binary", testTemplate(), []byte("abc\x00def"), "sheet.binary", problem.Invalid},
		{"broken zip", testTemplate(), []byte("PK\x03\x04garbage"), "sheet.bad_xlsx", problem.Invalid},
		{"missing column", testTemplate(), csvFile("Đơn vị,Giá trị", "HT,1"), "sheet.missing_column", problem.Invalid},
		{"duplicate column", testTemplate(), csvFile("Đơn vị,Quý,Unit", "HT,I,HT"), "sheet.duplicate_column", problem.Invalid},
		{"unbalanced quote", testTemplate(), csvFile(header, `HT,"I,1`), "sheet.bad_csv", problem.Invalid},
		{"too large", small, bytes.Repeat([]byte("x"), 101), "sheet.too_large", problem.TooLarge},
		{"too many rows", small, csvFile(header, "HT,I,1", "HT,I,2", "HT,I,3"), "sheet.too_many_rows", problem.TooLarge},
		{"nothing filled", testTemplate(), csvFile(header, "HT,I,"), "sheet.no_rows", problem.Invalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read(c.data, c.tmpl)
			p, ok := problem.As(err)
			if !ok || p.Code != c.code || len(p.Fields) != 1 || p.Fields[0].Name != "file" || p.Fields[0].Key != c.key {
				t.Fatalf("got %v (%#v), want %s on field file", err, p, c.key)
			}
		})
	}
}

func TestRowProblemsNamePlace(t *testing.T) {
	data := csvFile("Đơn vị / Unit,Quý / Quarter,Giá trị / Value,Số lượng / Count,Ngày / Date,Ghi chú / Note",
		`HT,I,"1,5",2,01/01/2025,`,
		`XX,V,1.5,2,01/01/2025,`,
		`,II,"3,42","2,5",31/02/2025,ghi chú dài hơn hai mươi ký tự`,
	)
	f, err := Read(data, testTemplate())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"3 A unit sheet.not_in_list", "3 B quarter sheet.invalid", "3 C value sheet.not_number",
		"4 A unit sheet.required", "4 D count sheet.not_integer", "4 E day sheet.not_date", "4 F note sheet.too_long"}
	var got []string
	for _, e := range f.Errors {
		if e.Sheet != "Số liệu" {
			t.Errorf("sheet %q", e.Sheet)
		}
		got = append(got, strings.Join([]string{itoa(e.Row), e.Column, e.Field, e.Key}, " "))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if f.Total != len(want) || len(f.Rows) != 3 {
		t.Errorf("total %d rows %d", f.Total, len(f.Rows))
	}
	msg := f.Errors[2].Message("vi")
	if !strings.Contains(msg, `Trang "Số liệu", dòng 3, cột C (Giá trị / Value)`) || !strings.Contains(msg, `"1.5"`) {
		t.Errorf("message %q", msg)
	}
	if en := f.Errors[2].Message("en"); !strings.Contains(en, `Sheet "Số liệu", row 3, column C (Giá trị / Value)`) {
		t.Errorf("message %q", en)
	}
	p, _ := problem.As(f.Err())
	if p == nil || len(p.Fields) != len(want) || p.Fields[0].Name != "Số liệu!A3" {
		t.Errorf("Err() = %v", f.Err())
	}
}

func TestXLSXTextCellsReadTheVietnameseWay(t *testing.T) {
	// A person typing "1.234" into a text cell means 1234; a numeric cell
	// holding 1.234 means 1,234.
	x := excelize.NewFile()
	x.SetSheetName("Sheet1", "Số liệu")
	x.SetCellStr("Số liệu", "A1", "Đơn vị")
	x.SetCellStr("Số liệu", "B1", "Quý")
	x.SetCellStr("Số liệu", "C1", "Giá trị")
	x.SetCellStr("Số liệu", "D1", "Ngày")
	x.SetCellStr("Số liệu", "A2", "HT")
	x.SetCellStr("Số liệu", "B2", "I")
	x.SetCellStr("Số liệu", "C2", "1.234")
	x.SetCellStr("Số liệu", "D2", "01/07/2025")
	x.SetCellStr("Số liệu", "A3", "DL")
	x.SetCellStr("Số liệu", "B3", "II")
	x.SetCellFloat("Số liệu", "C3", 1.234, -1, 64)
	x.SetCellInt("Số liệu", "D3", 45839) // 2025-07-01 as an Excel serial date
	var buf bytes.Buffer
	x.WriteTo(&buf)
	f, err := Read(buf.Bytes(), testTemplate())
	if err != nil || !f.OK() {
		t.Fatal(err, f.Errors)
	}
	if v, _ := f.Rows[0].Number("value"); v.String() != "1234" {
		t.Errorf("text 1.234 read as %s", v)
	}
	if v, _ := f.Rows[1].Number("value"); v.String() != "1.234" {
		t.Errorf("number 1.234 read as %s", v)
	}
	for _, r := range f.Rows {
		if r.Date("day") != date.MustParse("2025-07-01") {
			t.Errorf("row %d: day %s", r.Num, r.Date("day"))
		}
	}
}

func itoa(n int) string { return strings.TrimSpace(text(n)) }

// TestClassifiedFileMarked: a classified file carries its class — a CSV on a
// line above its header, a workbook at the top and bottom of every printed
// page of every sheet, in its properties and on its guide — and reads back
// as an unmarked one does, its rows keeping the numbers the file shows. The
// same rows give the same bytes.
func TestClassifiedFileMarked(t *testing.T) {
	tpl := testTemplate()
	tpl.Class = 2
	const mark = "MẬT / CONFIDENTIAL"
	if Mark(1) != mark || Mark(0) != "" {
		t.Fatalf("Mark(1) = %q", Mark(1))
	}
	for _, format := range []Format{CSV, XLSX} {
		t.Run(string(format), func(t *testing.T) {
			var a, b bytes.Buffer
			if err := Write(&a, format, tpl, testRecords()); err != nil {
				t.Fatal(err)
			}
			if err := Write(&b, format, tpl, testRecords()); err != nil || !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Errorf("the same rows give other bytes (%v)", err)
			}
			want := "TỐI MẬT / SECRET"
			if format == CSV {
				if first, _, _ := strings.Cut(strings.TrimPrefix(a.String(), "\ufeff"), "\r\n"); first != "Độ mật / Security class: "+want {
					t.Errorf("first line %q", first)
				}
			} else {
				x, err := excelize.OpenReader(bytes.NewReader(a.Bytes()))
				if err != nil {
					t.Fatal(err)
				}
				for _, sh := range x.GetSheetList() {
					hf, err := x.GetHeaderFooter(sh)
					if err != nil || !strings.Contains(hf.OddHeader, want) || !strings.Contains(hf.OddFooter, want) {
						t.Errorf("sheet %s: header and footer %+v %v", sh, hf, err)
					}
				}
				p, err := x.GetDocProps()
				if err != nil || p.Title != want || !strings.Contains(p.Keywords, want) {
					t.Errorf("properties %+v %v", p, err)
				}
				if g, _ := x.GetCellValue(guideSheet, "A1"); !strings.Contains(g, want) {
					t.Errorf("guide begins %q", g)
				}
				x.Close()
			}
			f, err := Read(a.Bytes(), testTemplate())
			if err != nil {
				t.Fatal(err)
			}
			first := 2
			if format == CSV {
				first = 3 // below the marking line
			}
			if !f.OK() || len(f.Rows) != 2 || f.Rows[0].Num != first || f.Rows[0].Text("unit") != "HT" {
				t.Fatalf("read back: %v %+v", f.Errors, f.Rows)
			}
		})
	}
	// A marked CSV saved again with ";" (as Excel does in Vietnamese) still
	// reads, and a problem names the line the file shows.
	data := csvFile("Độ mật / Security class: MẬT / CONFIDENTIAL", "Đơn vị / Unit;Quý / Quarter;Giá trị / Value", "HT;I;1,5", "XX;II;2")
	f, err := Read(data, testTemplate())
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Errors) != 1 || f.Errors[0].Row != 4 || f.Errors[0].Field != "unit" {
		t.Errorf("problems %+v", f.Errors)
	}
	if _, err := Read(csvFile("Độ mật / Security class: MẬT / CONFIDENTIAL"), testTemplate()); err == nil {
		t.Error("a file with only its marking was read")
	}
}
