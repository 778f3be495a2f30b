package sheet

import (
	"fmt"
	"strings"

	"plenum/internal/auth"
	"plenum/internal/i18n"
	"plenum/internal/vn"
)

// Type is how a column's cells are read and written.
type Type uint8

// The column types.
const (
	// Text is trimmed, NFC-normalised text.
	Text Type = iota
	// Number is an exact decimal: vn.ParseNumber in text cells ("1.600",
	// "3,42"), the stored value in numeric XLSX cells.
	Number
	// Integer is a Number without a fractional part.
	Integer
	// Date is a day: "01/07/2025", "2025-07-01", or an Excel serial date.
	Date
	// Choice is a code from the column's List, typed as the code or as its
	// label (accents, case and spacing aside).
	Choice
	// Custom cells are read by the column's Parse function and written as text.
	Custom
)

// Column is one column of a sheet.
type Column struct {
	Key string // machine name, used by Row and in errors: "unit", "value"
	VI  string // Vietnamese header: "Giá trị"
	EN  string // English header: "Value"
	// Hint explains what to type, on the guide sheet (Vietnamese first, then English).
	HintVI, HintEN string
	Type           Type
	// Required cells must not be empty in a row that is read.
	Required bool
	// ReadOnly columns are there for the reader (an indicator's name, its
	// unit of measure); they are written on export and ignored on import.
	ReadOnly bool
	// List names the code list of a Choice column.
	List string
	// Parse reads a Custom cell; its error should be a *Problem.
	Parse func(s string) (any, error)
	// MaxLen bounds Text cells, in characters (0: 2000).
	MaxLen int
	// Width is the column's width in characters in the XLSX (0: 16).
	Width float64
}

// Header is the header cell of the column: "Giá trị / Value".
func (c Column) Header() string {
	if c.EN == "" || c.EN == c.VI {
		return c.VI
	}
	return c.VI + " / " + c.EN
}

// Item is one entry of a code list.
type Item struct {
	Code  string
	Label string
}

// List is a code list: the allowed values of Choice columns, offered as a
// drop-down in the XLSX and listed on its codes sheet.
type List struct {
	Name  string // referred to by Column.List
	Title string // heading on the codes sheet
	Items []Item
}

// Template describes the rows of one kind of import and export.
type Template struct {
	// Kind names the rows ("indicator_values", "tasks"); imports are
	// recorded and recognised per kind.
	Kind string
	// Sheet is the name of the data sheet (at most 31 characters).
	Sheet   string
	Columns []Column
	Lists   []List
	// Guide lines are written at the top of the guide sheet.
	Guide []string
	// SkipUnless names a column whose empty cell means "this row was not
	// filled in": such rows are skipped instead of being checked, so that a
	// template listing every expected row can come back half filled.
	SkipUnless string
	// Limits bound what Read accepts; zero fields take the defaults.
	Limits Limits
	// Class is the highest security class of the rows written: the file
	// is marked with it (see Mark).
	Class auth.Clearance
}

// markPrefix begins the line that marks a classified CSV file, which Read
// passes over.
const markPrefix = "Độ mật / Security class: "

// Mark is the security marking of a file of class c, in both languages and
// in capitals as the stamp on paper ("MẬT / CONFIDENTIAL"); "" for thường.
func Mark(c auth.Clearance) string {
	if c <= 0 {
		return ""
	}
	return strings.ToUpper(i18n.T("vi", c.Key())) + " / " + strings.ToUpper(i18n.T("en", c.Key()))
}

// Limits bound a file.
type Limits struct {
	MaxBytes int64 // default 5 MiB
	MaxRows  int   // data rows, default 5,000
}

const (
	defaultMaxBytes = 5 << 20
	defaultMaxRows  = 5000
	defaultMaxLen   = 2000
	guideSheet      = "Hướng dẫn"
	codesSheet      = "Danh mục"
)

func (t *Template) limits() Limits {
	l := t.Limits
	if l.MaxBytes <= 0 {
		l.MaxBytes = defaultMaxBytes
	}
	if l.MaxRows <= 0 {
		l.MaxRows = defaultMaxRows
	}
	return l
}

// column returns the column with key, or nil.
func (t *Template) column(key string) *Column {
	for i := range t.Columns {
		if t.Columns[i].Key == key {
			return &t.Columns[i]
		}
	}
	return nil
}

// list returns the list named name, or nil.
func (t *Template) list(name string) *List {
	for i := range t.Lists {
		if t.Lists[i].Name == name {
			return &t.Lists[i]
		}
	}
	return nil
}

// Check reports a template that cannot work: a programming error, caught
// by the domain's tests.
func (t *Template) Check() error {
	if t.Kind == "" || t.Sheet == "" || len([]rune(t.Sheet)) > 31 {
		return fmt.Errorf("sheet: template needs a kind and a sheet name of at most 31 characters")
	}
	if t.Sheet == guideSheet || t.Sheet == codesSheet {
		return fmt.Errorf("sheet: the data sheet cannot be called %q", t.Sheet)
	}
	seen := map[string]bool{}
	for _, c := range t.Columns {
		if c.Key == "" || c.VI == "" || seen[c.Key] {
			return fmt.Errorf("sheet: column %q needs a unique key and a header", c.Key)
		}
		seen[c.Key] = true
		if c.Type == Choice && t.list(c.List) == nil {
			return fmt.Errorf("sheet: column %q names an unknown list %q", c.Key, c.List)
		}
		if c.Type == Custom && c.Parse == nil && !c.ReadOnly {
			return fmt.Errorf("sheet: custom column %q has no Parse", c.Key)
		}
	}
	if t.SkipUnless != "" && t.column(t.SkipUnless) == nil {
		return fmt.Errorf("sheet: SkipUnless names an unknown column %q", t.SkipUnless)
	}
	if len(t.Columns) > 26 || len(t.Lists) > 13 {
		return fmt.Errorf("sheet: at most 26 columns and 13 lists")
	}
	return nil
}

// headerKey folds a header for matching: accents, case, tone placement and
// spacing do not matter.
func headerKey(s string) string { return strings.Join(strings.Fields(vn.Fold(s)), " ") }

// colLetter is the spreadsheet name of the 0-based column i (at most 26).
func colLetter(i int) string { return string(rune('A' + i)) }
