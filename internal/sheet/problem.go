package sheet

import (
	"fmt"
	"strconv"

	"plenum/internal/i18n"
	"plenum/internal/problem"
)

// Problem is what is wrong with a cell or a file: an i18n key (from the
// catalogue, usually "sheet.*" or the domain's) and its arguments. Arguments
// are kept as text so that a problem stored with its import reads back the
// same; messages use %s for them.
type Problem struct {
	Key  string   `json:"key"`
	Args []string `json:"args,omitempty"`
}

// Wrong returns a Problem; arguments are turned into text.
func Wrong(key string, args ...any) *Problem {
	p := &Problem{Key: key}
	for _, a := range args {
		p.Args = append(p.Args, fmt.Sprint(a))
	}
	return p
}

// Error renders the problem in English.
func (p *Problem) Error() string { return p.Message("en") }

// Message renders the problem in lang.
func (p *Problem) Message(lang string) string {
	args := make([]any, len(p.Args))
	for i, a := range p.Args {
		args[i] = a
	}
	return i18n.T(lang, p.Key, args...)
}

// CellError is a problem at one place of the file: the sheet, the row as
// Excel numbers it (the header is row 1), the column letter and header,
// and the column's key. A problem with a whole row has no column.
type CellError struct {
	Sheet  string `json:"sheet"`
	Row    int    `json:"row"`
	Column string `json:"column,omitempty"` // "C"
	Header string `json:"header,omitempty"` // "Giá trị / Value"
	Field  string `json:"field,omitempty"`  // "value"
	Problem
}

// Place renders where the problem is, in lang: "Trang "Chỉ tiêu", dòng 5,
// cột C (Giá trị / Value)".
func (e CellError) Place(lang string) string {
	if e.Column == "" {
		return i18n.T(lang, "sheet.at_row", e.Sheet, strconv.Itoa(e.Row))
	}
	return i18n.T(lang, "sheet.at_cell", e.Sheet, strconv.Itoa(e.Row), e.Column, e.Header)
}

// Message renders place and problem in lang.
func (e CellError) Message(lang string) string {
	return e.Place(lang) + ": " + e.Problem.Message(lang)
}

// Error renders the error in English.
func (e CellError) Error() string { return e.Message("en") }

// fileProblem is a problem with the whole file, refused before any row is
// read: it names the field "file".
func fileProblem(code problem.Code, key string, args ...any) *problem.Error {
	return &problem.Error{Code: code, Fields: []problem.Field{{Name: "file", Key: key, Args: args}}}
}

// maxKeptErrors bounds the row errors a File keeps (and an import stores);
// the count goes on.
const maxKeptErrors = 500
