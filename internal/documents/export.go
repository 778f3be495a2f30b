package documents

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/xuri/excelize/v2"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/files"
	"plenum/internal/i18n"
)

// ExportFile describes an export for files.Serve: an XLSX workbook of the
// given class, so that its name and headers carry the class as a download's do.
func ExportFile(class auth.Clearance) files.File {
	return files.File{Name: "so-dang-ky-van-ban.xlsx", Type: files.XLSX, Class: class}
}

// ServeExport answers a request for the export, as the page and the API
// offer it: filters from the URL query (ParseListQuery), the workbook sent as
// a download marked with its class (files.Serve).
func (s *Store) ServeExport(w http.ResponseWriter, r *http.Request, v access.Viewer, lang string) error {
	q, err := ParseListQuery(r.URL.Query())
	if err != nil {
		return err
	}
	b, class, err := s.Export(r.Context(), v, q, lang)
	if err != nil {
		return err
	}
	files.Serve(w, ExportFile(class), b, lang)
	return nil
}

// MaxExport bounds the rows of one export.
const MaxExport = 100_000

// Export writes the registry list the viewer may see, filtered by q, as an
// XLSX workbook, and returns it with the highest class among its rows. That
// class is marked above and below the table and in the header and footer of
// every printed page; classified rows are there only for viewers who may
// see them, since the rows come from List.
func (s *Store) Export(ctx context.Context, v access.Viewer, q ListQuery, lang string) ([]byte, auth.Clearance, error) {
	var docs []Document
	q.Size = MaxPageSize
	for q.Page = 1; ; q.Page++ {
		page, err := s.List(ctx, v, q)
		if err != nil {
			return nil, 0, err
		}
		docs = append(docs, page.Items...)
		if len(page.Items) < q.Size || len(docs) >= MaxExport {
			break
		}
	}
	var top auth.Clearance
	read := map[int64]int{}
	for _, d := range docs {
		top = max(top, d.Class)
		if d.Class > 0 {
			read[d.ID] = int(d.Class)
		}
	}
	if err := s.access.LogExport(ctx, Entity, read); err != nil {
		return nil, 0, err
	}
	b, err := workbook(docs, top, lang)
	if err != nil {
		return nil, 0, fmt.Errorf("documents: export: %w", err)
	}
	return b, top, nil
}

func workbook(docs []Document, top auth.Clearance, lang string) ([]byte, error) {
	t := func(key string) string { return i18n.T(lang, key) }
	f := excelize.NewFile()
	defer f.Close()
	sheet := t("documents.export.sheet")
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	mark := ""
	if top > 0 {
		mark = strings.ToUpper(t(top.Key()))
	}
	if mark != "" {
		hf := "&C&\"-,Bold\"" + mark
		if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddHeader: hf, OddFooter: hf + "&R&P/&N"}); err != nil {
			return nil, err
		}
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	markStyle, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "C00000", Size: 14},
		Alignment: &excelize.Alignment{Horizontal: "center"}})
	if err != nil {
		return nil, err
	}
	headers := []string{t("documents.field.symbol"), t("documents.field.kind"), t("documents.field.issued_on"),
		t("documents.field.issuer"), t("documents.field.title"), t("documents.field.status"), t("documents.field.class")}
	row := 1
	put := func(values ...any) error {
		cell, _ := excelize.CoordinatesToCellName(1, row)
		row++
		return f.SetSheetRow(sheet, cell, &values)
	}
	markRow := func() error {
		if mark == "" {
			return nil
		}
		cell, _ := excelize.CoordinatesToCellName(1, row)
		end, _ := excelize.CoordinatesToCellName(len(headers), row)
		if err := put(mark); err != nil {
			return err
		}
		if err := f.MergeCell(sheet, cell, end); err != nil {
			return err
		}
		return f.SetCellStyle(sheet, cell, cell, markStyle)
	}
	if err := markRow(); err != nil {
		return nil, err
	}
	if err := put(t("documents.export.title")); err != nil {
		return nil, err
	}
	hdr := row
	vals := make([]any, len(headers))
	for i, h := range headers {
		vals[i] = h
	}
	if err := put(vals...); err != nil {
		return nil, err
	}
	first, _ := excelize.CoordinatesToCellName(1, hdr)
	last, _ := excelize.CoordinatesToCellName(len(headers), hdr)
	if err := f.SetCellStyle(sheet, first, last, bold); err != nil {
		return nil, err
	}
	for _, d := range docs {
		issued := ""
		if !d.IssuedOn.IsZero() {
			issued = fmt.Sprintf("%02d/%02d/%04d", d.IssuedOn.Day, d.IssuedOn.Month, d.IssuedOn.Year)
		}
		if err := put(d.Symbol, d.Kind.Name(lang), issued, d.IssuerName, d.Title, t("documents.status."+string(d.Status)), t(d.Class.Key())); err != nil {
			return nil, err
		}
	}
	if err := markRow(); err != nil {
		return nil, err
	}
	for i, w := range []float64{18, 16, 14, 32, 70, 14, 12} {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, w); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
