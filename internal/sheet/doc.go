// Package sheet is how Plenum trades rows with spreadsheets: it generates a
// template (XLSX, or CSV in UTF-8 with a byte-order mark so that Excel shows
// Vietnamese correctly), reads a filled file back whatever its name says
// (the bytes decide: a zip is XLSX, text is CSV), parses each cell by its
// column's type, and imports all rows or none.
//
// A domain describes its rows once, as a Template: columns with a key, a
// Vietnamese and an English header, a type (text, number, whole number,
// date, a choice from a code list, or the domain's own parser), and code
// lists that the XLSX offers as drop-downs and lists on its own sheet.
// Export and import use the same Template, so a unit can download its sheet,
// fill it in and upload it back; exported values read back as they were.
//
// Reading (Read) gives a File: the data rows, each with its typed values,
// and the problems found, each naming the sheet, the row number as Excel
// shows it, the column letter and header, and what is wrong. A domain adds
// its own problems with File.Fail while it checks rows against the database.
//
// Importing (Store.Import) reads the file, refuses a file already imported
// (by its SHA-256), and runs the domain's Apply inside one transaction with
// the imports row: when Apply or the reading found any problem, everything
// is rolled back and only a "refused" imports row with the problems is
// kept. Nothing is ever half-imported.
//
// # Using it for a kind of row
//
//	t := &sheet.Template{Kind: "tasks", Sheet: "Nhiệm vụ", SkipUnless: "title",
//		Columns: []sheet.Column{
//			{Key: "title", VI: "Nhiệm vụ", EN: "Task", Required: true, MaxLen: 1000},
//			{Key: "lead_unit_id", VI: "Đơn vị chủ trì", EN: "Lead unit", Type: sheet.Custom, Required: true, Parse: unitByCodeOrName},
//			{Key: "deadline", VI: "Thời hạn", EN: "Deadline", Type: sheet.Date},
//			{Key: "status", VI: "Trạng thái", EN: "Status", Type: sheet.Choice, List: "statuses"},
//		},
//		Lists: []sheet.List{{Name: "statuses", Title: "Trạng thái", Items: []sheet.Item{{Code: "open", Label: "Đang thực hiện"}}}},
//	}
//	err := sheet.Write(w, sheet.XLSX, t, []sheet.Record{{"title": "…", "deadline": day}}) // or sheet.CSV
//	im, err := imports.Import(ctx, t, sheet.Upload{Filename: name, Data: data},
//		func(ctx context.Context, f *sheet.File, importID int64) (changed, class int, err error) {
//			for _, r := range f.Rows { // check every row first
//				if bad(r) {
//					f.Fail(r, "deadline", sheet.Wrong("tasks.error.deadline_past", r.Text("deadline")))
//				}
//			}
//			if !f.OK() {
//				return 0, 0, nil // everything is rolled back; the problems are returned
//			}
//			// … write every row in ctx's transaction, then:
//			return len(f.Rows), highestClass, nil
//		})
//	// err: the file was refused whole (field "file") or was imported before
//	// (Conflict); im.Result == sheet.Refused: show im.Errors (or return im.Err()).
//
// indicators.Store.ExportSheet and ImportSheet are a complete example.
//
// Numbers are read with Vietnamese rules in text cells ("1.600", "3,42";
// vn.ParseNumber) and exactly from numeric XLSX cells; dates as "01/07/2025",
// "2025-07-01" or Excel serial dates. CSV may use "," ";" or tab between
// fields (the header line decides). Files that are not UTF-8 (Windows-1258,
// TCVN3/ABC, UTF-16) are refused with a message saying how to save them,
// rather than guessed at: a wrong guess would store garbled names. Old .xls
// files are refused likewise.
//
// Exports neutralise formula injection: a CSV text cell that starts with
// "=", "+", "-", "@", tab or carriage return is written with a leading "'"
// (and the "'" is removed again on import); XLSX text is always written as
// a string cell, which Excel never evaluates.
package sheet
