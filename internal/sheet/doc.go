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
