package indicators_test

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"plenum/internal/indicators"
	"plenum/internal/problem"
	"plenum/internal/sheet"
)

// sheetEnv has three indicators with targets and a few values of Sông Xanh.
func sheetEnv(t *testing.T) (*env, *sheet.Store) {
	e := newEnv(t)
	growth := e.define(growthInd())
	revenue := e.define(revenueInd())
	e.define(povertyInd())
	e.target(growth, 2025, "8")
	e.target(revenue, 2025, "12.000")
	e.enter(growth, "sx", "2025-Q1", indicators.Final, "7,1")
	e.enter(revenue, "sx", "2025-6M", indicators.Final, "5.432,5")
	return e, e.App.Imports
}

func (e *env) export(format sheet.Format, user string, year int) []byte {
	e.T.Helper()
	var buf bytes.Buffer
	if _, err := e.s.ExportSheet(e.Ctx, &buf, format, e.Viewer(user), indicators.SheetQuery{UnitID: e.Units["sx"], Year: year}); err != nil {
		e.T.Fatal(err)
	}
	return buf.Bytes()
}

func TestSheetRoundTrip(t *testing.T) {
	for _, format := range []sheet.Format{sheet.XLSX, sheet.CSV} {
		t.Run(string(format), func(t *testing.T) {
			e, imports := sheetEnv(t)
			data := e.export(format, "sx_member", 2025)
			before := e.counts()
			im, err := e.s.ImportSheet(e.As("sx_member"), imports, e.Users["sx_member"], e.Units["sx"], sheet.Upload{Filename: "x." + string(format), Data: data})
			if err != nil || im.Result != sheet.Done {
				t.Fatalf("import of an untouched export: %+v %v", im, err)
			}
			if im.Rows != 2 || im.Changed != 0 {
				t.Errorf("rows %d changed %d, want 2 read and nothing changed", im.Rows, im.Changed)
			}
			after := e.counts()
			if after["indicator_values"] != before["indicator_values"] {
				t.Errorf("values written by an unchanged round trip")
			}
		})
	}
}

func TestSheetImportFilled(t *testing.T) {
	e, imports := sheetEnv(t)
	data := e.export(sheet.XLSX, "sx_member", 2025)
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := x.GetRows("Chỉ tiêu")
	filled := 0
	for i, r := range rows[1:] {
		ref := func(col string) string { return col + itoa(i+2) }
		switch {
		case r[0] == "CT01" && r[4] == "quý II/2025":
			x.SetCellFloat("Chỉ tiêu", ref("G"), 7.4, -1, 64)
			filled++
		case r[0] == "CT02" && r[4] == "9 tháng năm 2025":
			x.SetCellStr("Chỉ tiêu", ref("G"), "9.876,5")
			filled++
		case r[0] == "CT03" && r[4] == "năm 2025":
			x.SetCellStr("Chỉ tiêu", ref("G"), "4,2")
			x.SetCellStr("Chỉ tiêu", ref("I"), "Sở Lao động")
			filled++
		}
	}
	if filled != 3 {
		t.Fatalf("template rows found: %d", filled)
	}
	var buf bytes.Buffer
	x.WriteTo(&buf)
	im, err := e.s.ImportSheet(e.As("sx_member"), imports, e.Users["sx_member"], e.Units["sx"], sheet.Upload{Filename: "filled.xlsx", Data: buf.Bytes()})
	if err != nil || im.Result != sheet.Done || im.Changed != 3 {
		t.Fatalf("import %+v %v", im, err)
	}
	st, err := e.s.Standing(e.Ctx, e.Viewer("sx_member"), indicators.StandingQuery{UnitID: e.Units["sx"], Period: per("2025-9M")})
	if err != nil {
		t.Fatal(err)
	}
	if l := st.Lines[1]; l.Figure == nil || l.Figure.Value.String() != "9876.5" || l.Evaluation.Outcome != indicators.Exceeded {
		t.Errorf("revenue 9 months: %+v", l)
	}
	// The same file again is recognised and changes nothing.
	before := e.counts()
	_, err = e.s.ImportSheet(e.As("sx_member"), imports, e.Users["sx_member"], e.Units["sx"], sheet.Upload{Data: buf.Bytes()})
	e.Refused(t, err, before, problem.Conflict, "")
}

func TestSheetImportErrorsWriteNothing(t *testing.T) {
	e, imports := sheetEnv(t)
	e.merge()
	head := "Mã chỉ tiêu / Indicator code,Đơn vị / Unit,Kỳ / Period,Loại số liệu / Status,Giá trị / Value,Nguồn số liệu / Source"
	data := []byte(strings.Join([]string{head,
		`CT01,t.sx,quý II/2025,Chính thức,"7,4",`,  // fine
		`CT03,t.sx,năm 2025,Chính thức,"120",`,     // row 3: share above 100 (value, E)
		`CT01,t.nd,9 tháng năm 2025,Ước đạt,"6",`,  // row 4: merged unit (unit, B)
		`CT02,t.sx,quý V/2025,Ước đạt,"1.000",`,    // row 5: no such period (C)
		`CT01,t.sx.tc,quý II/2025,Chính thức,"7",`, // row 6: not the member's unit (B)
		`CT01,t.sx,quý II/2025,Chính thức,"7,5",`,  // row 7: same as row 2 (C)
		`CT09,t.sx,năm 2025,Chính thức,"1",`,       // row 8: unknown indicator (A)
		`CT02,t.sx,quý I/2026,Chính thức,"1.5",`,   // row 9: number written the English way (E)
	}, "\r\n"))
	before := e.counts()
	im, err := e.s.ImportSheet(e.As("sx_member"), imports, e.Users["sx_member"], e.Units["sx"], sheet.Upload{Filename: "sai.csv", Data: data})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, x := range im.Errors {
		got = append(got, x.Column+itoa(x.Row))
	}
	want := "E3 B4 C5 B6 C7 A8 E9"
	if strings.Join(got, " ") != want {
		t.Errorf("errors at %s, want %s (%+v)", strings.Join(got, " "), want, im.Errors)
	}
	if im.Result != sheet.Refused || im.ErrorCount != 7 {
		t.Fatalf("import %+v", im)
	}
	after := e.counts()
	if after["indicator_values"] != before["indicator_values"] || after["imports"] != before["imports"]+1 {
		t.Errorf("rows written: before %v after %v", before, after)
	}
}

func TestSheetHidesClassifiedIndicators(t *testing.T) {
	e := newEnv(t)
	doc := e.classifiedDocument()
	e.define(growthInd())
	in := revenueInd()
	in.DocumentID = doc.ID
	e.define(in)
	for user, want := range map[string]bool{"leader": true, "uncleared": false} {
		csv := string(e.export(sheet.CSV, user, 2025))
		if strings.Contains(csv, "CT02") != want || strings.Contains(csv, "Thu ngân sách") != want {
			t.Errorf("%s: classified indicator in export = %v", user, !want)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
