package sheet

import (
	"bytes"
	"testing"

	"plenum/internal/problem"
)

// FuzzRead feeds Read arbitrary bytes, seeded with real CSV and XLSX files:
// it must never panic, and must either refuse the file with a problem on
// the field "file" or return rows whose problems all name a row and sheet.
func FuzzRead(f *testing.F) {
	for _, format := range []Format{CSV, XLSX} {
		var buf bytes.Buffer
		if err := Write(&buf, format, testTemplate(), testRecords()); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
	}
	f.Add(csvFile("Đơn vị;Quý;Giá trị", "HT;I;3,42", `"DL";"IV";"1.600"`))
	f.Add([]byte("Đơn vị,Quý,Giá trị\n\"HT,I,1\n"))
	f.Add([]byte("\xEF\xBB\xBFunit,quarter,value\r\nHT,II,-0,5\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tmpl := testTemplate()
		tmpl.Limits = Limits{MaxBytes: 1 << 20, MaxRows: 200}
		file, err := Read(data, tmpl)
		if err != nil {
			if p, ok := problem.As(err); !ok || len(p.Fields) != 1 || p.Fields[0].Name != "file" {
				t.Fatalf("refusal without a problem on the file: %v", err)
			}
			return
		}
		for _, e := range file.Errors {
			if e.Row < 2 || e.Sheet == "" || e.Key == "" {
				t.Fatalf("problem without a place: %+v", e)
			}
		}
		if len(file.Rows) > 200 {
			t.Fatalf("%d rows beyond the limit", len(file.Rows))
		}
	})
}
