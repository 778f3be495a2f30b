package sheet

import (
	"context"
	"strings"
	"testing"

	"plenum/internal/audit"
	"plenum/internal/clock/clocktest"
	"plenum/internal/db"
	"plenum/internal/db/dbtest"
	"plenum/internal/problem"
)

// testApply writes each row into a scratch table, refusing negative values
// (a check only the domain knows), the way a domain's Apply should: check
// everything, then write only if nothing was found.
func testApply(d *db.DB) Apply {
	return func(ctx context.Context, f *File, importID int64) (int, int, error) {
		for _, r := range f.Rows {
			if v, ok := r.Number("value"); ok && v.Sign() < 0 {
				f.Fail(r, "value", Wrong("sheet.invalid", v))
			}
		}
		if !f.OK() {
			return 0, 0, nil
		}
		for _, r := range f.Rows {
			v, _ := r.Number("value")
			if _, err := d.W(ctx).ExecContext(ctx, `INSERT INTO sheet_test_rows (unit, value, import_id) VALUES ($1, $2, $3)`,
				r.Text("unit"), v.String(), importID); err != nil {
				return 0, 0, err
			}
		}
		return len(f.Rows), 1, nil
	}
}

func newTestStore(t *testing.T) (*Store, *db.DB, context.Context) {
	d := dbtest.New(t)
	ctx := audit.WithActor(context.Background(), audit.Actor{Name: "test"})
	if _, err := d.Primary().ExecContext(ctx, `CREATE TABLE sheet_test_rows (unit TEXT NOT NULL, value TEXT NOT NULL, import_id BIGINT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	c := clocktest.New(t)
	return NewStore(d, audit.New(d, c), c), d, ctx
}

func count(t *testing.T, d *db.DB, query string) int {
	t.Helper()
	var n int
	if err := d.Primary().QueryRow(query).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestImportAllOrNothing(t *testing.T) {
	s, d, ctx := newTestStore(t)
	header := "Đơn vị / Unit,Quý / Quarter,Giá trị / Value"
	bad := csvFile(header, "HT,I,1", "HT,I,-2", "ZZ,II,3", "DL,III,-4", "DL,IV,5")
	im, err := s.Import(ctx, testTemplate(), Upload{Filename: `C:\Users\x\số liệu.csv`, Data: bad}, testApply(d))
	if err != nil {
		t.Fatal(err)
	}
	if im.Result != Refused || im.ErrorCount != 3 || im.Changed != 0 {
		t.Fatalf("import %+v", im)
	}
	var places []string
	for _, e := range im.Errors {
		places = append(places, e.Sheet+"!"+e.Column+itoa(e.Row)+" "+e.Key)
	}
	// Row 4's unit was not parsed, so the domain never saw it; rows 3 and 5
	// failed the domain's check. Every problem is reported at once, in the
	// order of the file.
	if got := strings.Join(places, ", "); got != "Số liệu!C3 sheet.invalid, Số liệu!A4 sheet.not_in_list, Số liệu!C5 sheet.invalid" {
		t.Errorf("problems: %s", got)
	}
	if n := count(t, d, `SELECT count(*) FROM sheet_test_rows`); n != 0 {
		t.Errorf("%d rows written by a refused import", n)
	}
	got, err := s.Get(ctx, im.ID, 0, 0, true)
	if err != nil || got.Result != Refused || len(got.Errors) != 3 || got.Filename != "số liệu.csv" || got.Errors[0].Message("vi") == "" {
		t.Errorf("stored import %+v %v", got, err)
	}
	if p, _ := problem.As(got.Err()); p == nil || len(p.Fields) != 3 {
		t.Errorf("Err() = %v", got.Err())
	}

	good := csvFile(header, "HT,I,1", "DL,II,2")
	im, err = s.Import(ctx, testTemplate(), Upload{Filename: "ok.csv", Data: good}, testApply(d))
	if err != nil || im.Result != Done || im.Changed != 2 || im.Class != 1 {
		t.Fatalf("import %+v %v", im, err)
	}
	if n := count(t, d, `SELECT count(*) FROM sheet_test_rows`); n != 2 {
		t.Errorf("%d rows written, want 2", n)
	}
	// The refused file may be fixed and sent again; the imported one is recognised.
	_, err = s.Import(ctx, testTemplate(), Upload{Filename: "again.csv", Data: good}, testApply(d))
	if p, ok := problem.As(err); !ok || p.Code != problem.Conflict || p.Key != "sheet.already_imported" {
		t.Fatalf("second import of the same file: %v", err)
	}
	if n := count(t, d, `SELECT count(*) FROM sheet_test_rows`); n != 2 {
		t.Errorf("%d rows after the repeated import, want 2", n)
	}
	if n := count(t, d, `SELECT count(*) FROM imports`); n != 2 {
		t.Errorf("%d imports recorded, want 2 (refused, done)", n)
	}
	// Only the importer, or someone allowed to see all imports, reads it.
	if _, err := s.Get(ctx, im.ID, 999, 3, false); !problem.Is(err, problem.NotFound) {
		t.Errorf("another user read the import: %v", err)
	}
	if _, err := s.Get(ctx, im.ID, 0, 0, true); !problem.Is(err, problem.NotFound) {
		t.Errorf("an uncleared user read an import of class 1: %v", err)
	}
}

func TestImportApplyErrorRollsBack(t *testing.T) {
	s, d, ctx := newTestStore(t)
	data := csvFile("Đơn vị,Quý,Giá trị", "HT,I,1")
	boom := func(ctx context.Context, f *File, id int64) (int, int, error) {
		if _, _, err := testApply(d)(ctx, f, id); err != nil {
			return 0, 0, err
		}
		return 0, 0, context.Canceled
	}
	if _, err := s.Import(ctx, testTemplate(), Upload{Data: data}, boom); err == nil {
		t.Fatal("no error")
	}
	if n := count(t, d, `SELECT count(*) FROM sheet_test_rows`) + count(t, d, `SELECT count(*) FROM imports`); n != 0 {
		t.Errorf("%d rows left behind", n)
	}
}
