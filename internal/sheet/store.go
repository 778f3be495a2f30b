package sheet

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"plenum/internal/audit"
	"plenum/internal/clock"
	"plenum/internal/db"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// Result is what became of an import.
type Result string

// The results of an import.
const (
	Done    Result = "done"    // every row was written
	Refused Result = "refused" // nothing was written; Errors says why
)

// Import is a recorded import: one row of the imports table.
type Import struct {
	ID         int64       `json:"id"`
	Kind       string      `json:"kind"`
	Filename   string      `json:"filename"`
	Format     Format      `json:"format"`
	Checksum   string      `json:"checksum"`
	Size       int64       `json:"size"`
	Rows       int         `json:"rows"`    // data rows read
	Changed    int         `json:"changed"` // records written (0 when refused)
	Result     Result      `json:"result"`
	ErrorCount int         `json:"error_count"`
	Errors     []CellError `json:"errors,omitempty"`
	Scope      string      `json:"scope,omitempty"` // what the file was for, e.g. "unit:12"
	Class      int         `json:"class"`
	CreatedBy  int64       `json:"created_by,omitempty"`
	CreatedAt  time.Time   `json:"created_at"`
}

// Err returns the row problems of a refused import as one Invalid problem
// (fields named "Sheet!C5"), or nil.
func (im Import) Err() error {
	if im.Result != Refused {
		return nil
	}
	return cellErrors(im.Errors, im.ErrorCount)
}

// Upload is a file handed to Import.
type Upload struct {
	Filename string
	Data     []byte
	Scope    string
}

// Apply writes the rows of a file that was read. It runs inside the
// import's transaction, with the new import's id: it should check every
// row first, recording problems with File.Fail, and write only when
// File.OK. It returns the number of records written and the highest
// security class among them. Returning an error, or leaving a problem in
// the File, rolls everything back.
type Apply func(ctx context.Context, f *File, importID int64) (changed, class int, err error)

// Store records imports.
type Store struct {
	db    *db.DB
	log   *audit.Log
	clock clock.Clock
}

// NewStore returns the import store.
func NewStore(d *db.DB, log *audit.Log, c clock.Clock) *Store {
	return &Store{db: d, log: log, clock: c}
}

// Entity is the name of imports in the audit log.
const Entity = "import"

// Import reads up.Data against t and, if the same file (by checksum) was
// not imported before as this kind, writes its rows with apply, all or
// nothing. A file that cannot be read is refused with a problem naming the
// field "file" and leaves no trace; a file already imported is a Conflict
// naming when and how many rows; a file with row problems is recorded as
// refused with its problems and returned with Result Refused (and no
// error), so that the caller can show them.
func (s *Store) Import(ctx context.Context, t *Template, up Upload, apply Apply) (Import, error) {
	f, err := Read(up.Data, t)
	if err != nil {
		return Import{}, err
	}
	if prev, err := s.previous(ctx, t.Kind, f.Checksum); err != nil {
		return Import{}, err
	} else if prev != nil {
		return *prev, alreadyImported(*prev)
	}
	im := Import{Kind: t.Kind, Filename: cleanName(up.Filename), Format: f.Format, Checksum: f.Checksum, Size: f.Size,
		Rows: len(f.Rows), Scope: up.Scope, CreatedBy: audit.ActorFrom(ctx).UserID, CreatedAt: s.clock.Now().UTC()}
	errRefused := errors.New("refused")
	err = s.db.Tx(ctx, func(ctx context.Context) error {
		im.Result = Done
		if err := s.insert(ctx, &im); err != nil {
			return err
		}
		if !f.OK() {
			// Problems found while reading are reported with those the
			// domain finds: let it check the rows that did parse.
			if _, _, err := apply(ctx, f, im.ID); err != nil {
				return err
			}
			return errRefused
		}
		changed, class, err := apply(ctx, f, im.ID)
		if err != nil {
			return err
		}
		if !f.OK() {
			return errRefused
		}
		im.Changed, im.Class = changed, class
		if _, err := s.db.W(ctx).ExecContext(ctx, `UPDATE imports SET changed = $1, class = $2 WHERE id = $3`,
			changed, class, im.ID); err != nil {
			return fmt.Errorf("sheet: finish import: %w", err)
		}
		return s.log.Record(ctx, audit.Change{Action: "import", Entity: Entity, EntityID: im.ID, Class: class,
			After: map[string]any{"kind": im.Kind, "filename": im.Filename, "checksum": im.Checksum, "rows": im.Rows, "changed": changed}})
	})
	switch {
	case db.IsUniqueViolation(err):
		// The same file, imported by someone else a moment ago? Any other
		// duplicate is the domain's error.
		if prev, perr := s.previous(ctx, t.Kind, f.Checksum); perr == nil && prev != nil {
			return *prev, alreadyImported(*prev)
		}
		return Import{}, err
	case errors.Is(err, errRefused):
		return s.refuse(ctx, im, f)
	case err != nil:
		return Import{}, err
	}
	return im, nil
}

// alreadyImported is the Conflict for a file imported before.
func alreadyImported(prev Import) error {
	return &problem.Error{Code: problem.Conflict, Key: "sheet.already_imported",
		Args: []any{prev.CreatedAt.In(clock.Vietnam).Format("02/01/2006 15:04"), prev.Rows, prev.ID}}
}

// refuse records an import that wrote nothing, with its problems.
func (s *Store) refuse(ctx context.Context, im Import, f *File) (Import, error) {
	im.ID, im.Result, im.Changed, im.Class = 0, Refused, 0, 0
	im.ErrorCount, im.Errors = f.Total, f.Errors
	// Problems found while reading come before the domain's; show them in
	// the order of the file.
	slices.SortStableFunc(im.Errors, func(a, b CellError) int {
		if a.Row != b.Row {
			return a.Row - b.Row
		}
		return strings.Compare(a.Column, b.Column)
	})
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		if err := s.insert(ctx, &im); err != nil {
			return err
		}
		return s.log.Record(ctx, audit.Change{Action: "import_refused", Entity: Entity, EntityID: im.ID,
			After: map[string]any{"kind": im.Kind, "filename": im.Filename, "checksum": im.Checksum, "rows": im.Rows, "errors": im.ErrorCount}})
	})
	if err != nil {
		return Import{}, err
	}
	return im, nil
}

func (s *Store) insert(ctx context.Context, im *Import) error {
	errs := im.Errors
	if errs == nil {
		errs = []CellError{}
	}
	js, err := json.Marshal(errs)
	if err != nil {
		return fmt.Errorf("sheet: encode errors: %w", err)
	}
	err = s.db.W(ctx).QueryRowContext(ctx, `INSERT INTO imports (kind, filename, format, checksum, size, row_count, changed,
			result, error_count, errors_json, scope, class, created_by, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
		im.Kind, im.Filename, string(im.Format), im.Checksum, im.Size, im.Rows, im.Changed, string(im.Result),
		im.ErrorCount, string(js), im.Scope, im.Class, db.Null(im.CreatedBy), im.CreatedAt).Scan(&im.ID)
	if err != nil {
		return fmt.Errorf("sheet: record import: %w", err)
	}
	return nil
}

const importColumns = `id, kind, filename, format, checksum, size, row_count, changed, result, error_count,
	errors_json, scope, class, COALESCE(created_by, 0), created_at`

func scanImport(r interface{ Scan(...any) error }) (Import, error) {
	var im Import
	var js string
	if err := r.Scan(&im.ID, &im.Kind, &im.Filename, &im.Format, &im.Checksum, &im.Size, &im.Rows, &im.Changed,
		&im.Result, &im.ErrorCount, &js, &im.Scope, &im.Class, &im.CreatedBy, &im.CreatedAt); err != nil {
		return im, err
	}
	if err := json.Unmarshal([]byte(js), &im.Errors); err != nil {
		return im, fmt.Errorf("sheet: decode errors of import %d: %w", im.ID, err)
	}
	return im, nil
}

// previous returns the done import of the same kind and checksum, if any.
func (s *Store) previous(ctx context.Context, kind, checksum string) (*Import, error) {
	im, err := scanImport(s.db.R(ctx).QueryRowContext(ctx, `SELECT `+importColumns+` FROM imports
		WHERE kind = $1 AND checksum = $2 AND result = 'done'`, kind, checksum))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("sheet: look for a previous import: %w", err)
	}
	return &im, nil
}

// Get returns an import. Only the user who made it, or one whose clearance
// covers its class and who may see every import (all), may read it; for
// anyone else it does not exist.
func (s *Store) Get(ctx context.Context, id, userID int64, clearance int, all bool) (Import, error) {
	im, err := scanImport(s.db.R(ctx).QueryRowContext(ctx, `SELECT `+importColumns+` FROM imports WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Import{}, problem.ErrNotFound
	}
	if err != nil {
		return Import{}, fmt.Errorf("sheet: get import %d: %w", id, err)
	}
	if im.Class > clearance || (im.CreatedBy != userID && !all) {
		return Import{}, problem.ErrNotFound
	}
	return im, nil
}

// cleanName keeps the base name of an uploaded file, without control
// characters, at most 200 characters.
func cleanName(name string) string {
	name = path.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, vn.Normalize(name))
	if name == "." || name == "/" {
		return ""
	}
	for utf8.RuneCountInString(name) > 200 {
		_, n := utf8.DecodeLastRuneInString(name)
		name = name[:len(name)-n]
	}
	return name
}
