package files

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/clock"
	"plenum/internal/db"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// DefaultMaxSize is the upload limit when none is configured: 50 MiB.
const DefaultMaxSize = 50 << 20

// Config says where content goes and how large it may be.
type Config struct {
	// Dir, when set, holds file content (content-addressed, written
	// atomically); empty keeps content in the database.
	Dir string
	// MaxSize is the largest file accepted, in bytes; 0 is DefaultMaxSize.
	MaxSize int64
}

// Store keeps files.
type Store struct {
	db    *db.DB
	log   *audit.Log
	cfg   Config
	clock clock.Clock
}

// New returns the file store over d.
func New(d *db.DB, log *audit.Log, c clock.Clock, cfg Config) *Store {
	if cfg.MaxSize <= 0 {
		cfg.MaxSize = DefaultMaxSize
	}
	return &Store{db: d, log: log, cfg: cfg, clock: c}
}

// MaxSize is the largest file accepted, in bytes.
func (s *Store) MaxSize() int64 { return s.cfg.MaxSize }

// File describes a stored file.
type File struct {
	ID          int64          `json:"id"`
	OwnerEntity string         `json:"owner_entity"`
	OwnerID     int64          `json:"owner_id"`
	Name        string         `json:"name"`
	Type        Type           `json:"type"`
	MediaType   string         `json:"media_type"`
	Size        int64          `json:"size"`
	SHA256      string         `json:"sha256"`
	Class       auth.Clearance `json:"class"`
	CreatedBy   int64          `json:"created_by,omitempty"`
	CreatedAt   time.Time      `json:"created_at"`
	storage     string
}

// Upload is a file to attach to the record (OwnerEntity, OwnerID), which is
// of class Class.
type Upload struct {
	OwnerEntity string
	OwnerID     int64
	Class       auth.Clearance
	Name        string
	Data        []byte
	// Field names the form or JSON field refusals point at; "file" if empty.
	Field string
}

// Check validates an upload without storing it: its name, size and type.
// It returns the normalised name and the type.
func (s *Store) Check(u Upload) (string, Type, error) {
	field := u.Field
	if field == "" {
		field = "file"
	}
	name := NormalizeName(u.Name)
	claimed, ok := TypeOfName(name)
	switch {
	case name == "":
		return "", "", problem.InvalidField(field, "files.error.no_name")
	case !ok:
		return "", "", problem.InvalidField(field, "files.error.type_not_allowed", strings.Join(Extensions(), ", "))
	case len(u.Data) == 0:
		return "", "", problem.InvalidField(field, "files.error.empty")
	case int64(len(u.Data)) > s.cfg.MaxSize:
		return "", "", problem.InvalidField(field, "files.error.too_large", vn.FormatNumber(s.cfg.MaxSize>>20))
	}
	found := Sniff(u.Data)
	if found == "" {
		return "", "", problem.InvalidField(field, "files.error.content_unknown", strings.ToUpper(string(claimed)))
	}
	if found != claimed {
		return "", "", problem.InvalidField(field, "files.error.type_mismatch", strings.ToUpper(string(claimed)), strings.ToUpper(string(found)))
	}
	return name, found, nil
}

// Put validates and stores an upload, in the transaction carried by ctx
// (the owner's change), and records it in the audit log with the owner's class.
func (s *Store) Put(ctx context.Context, u Upload) (File, error) {
	if !db.InTx(ctx) {
		return File{}, errors.New("files: Put must run inside the transaction of the owner's change")
	}
	name, typ, err := s.Check(u)
	if err != nil {
		return File{}, err
	}
	sum := sha256.Sum256(u.Data)
	f := File{OwnerEntity: u.OwnerEntity, OwnerID: u.OwnerID, Name: name, Type: typ, MediaType: typ.MediaType(),
		Size: int64(len(u.Data)), SHA256: hex.EncodeToString(sum[:]), Class: u.Class,
		CreatedBy: audit.ActorFrom(ctx).UserID, CreatedAt: s.clock.Now().UTC().Truncate(time.Microsecond), storage: "db"}
	if s.cfg.Dir != "" {
		f.storage = "dir"
		if err := s.writeDir(f.SHA256, u.Data); err != nil {
			return File{}, err
		}
	} else if err := s.writeBlob(ctx, f.SHA256, u.Data); err != nil {
		return File{}, err
	}
	err = s.db.W(ctx).QueryRowContext(ctx, `INSERT INTO files (owner_entity, owner_id, name, type, media_type, size, sha256,
		storage, class, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
		f.OwnerEntity, f.OwnerID, f.Name, string(f.Type), f.MediaType, f.Size, f.SHA256, f.storage, int(f.Class),
		db.Null(f.CreatedBy), f.CreatedAt).Scan(&f.ID)
	if err != nil {
		return File{}, fmt.Errorf("files: insert: %w", err)
	}
	return f, s.log.Record(ctx, audit.Change{Action: "attach", Entity: "file", EntityID: f.ID, Class: int(f.Class), After: f})
}

// writeBlob stores content in the database once per checksum.
func (s *Store) writeBlob(ctx context.Context, sum string, data []byte) error {
	_, err := s.db.W(ctx).ExecContext(ctx, `INSERT INTO file_blobs (sha256, data) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING`, sum, data)
	if err != nil {
		return fmt.Errorf("files: store content: %w", err)
	}
	return nil
}

// path is where content with checksum sum lives in the directory.
func (s *Store) path(sum string) string { return filepath.Join(s.cfg.Dir, sum[:2], sum[2:4], sum) }

// writeDir writes content to the directory atomically: a temporary file in
// the same directory, synced, then renamed into place. Content already there
// (the same checksum) is kept. A transaction that rolls back afterwards
// leaves the content behind, unreferenced and harmless.
func (s *Store) writeDir(sum string, data []byte) error {
	p := s.path(sum)
	if st, err := os.Stat(p); err == nil && st.Size() == int64(len(data)) {
		return nil
	}
	dir := filepath.Dir(p)
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return fmt.Errorf("files: create %s: %w", dir, err)
	}
	tmp, err := os.CreateTemp(dir, ".upload-*")
	if err != nil {
		return fmt.Errorf("files: write content: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("files: write content: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("files: sync content: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("files: write content: %w", err)
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		return fmt.Errorf("files: move content into place: %w", err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

const fileColumns = `id, owner_entity, owner_id, name, type, media_type, size, sha256, storage, class, COALESCE(created_by, 0), created_at`

func scanFile(r interface{ Scan(...any) error }) (File, error) {
	var f File
	err := r.Scan(&f.ID, &f.OwnerEntity, &f.OwnerID, &f.Name, &f.Type, &f.MediaType, &f.Size, &f.SHA256, &f.storage,
		&f.Class, &f.CreatedBy, &f.CreatedAt)
	f.CreatedAt = f.CreatedAt.UTC()
	return f, err
}

// List returns the files of a record, oldest first. The caller has checked
// that the reader may see the record.
func (s *Store) List(ctx context.Context, entity string, ownerID int64) ([]File, error) {
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT `+fileColumns+` FROM files WHERE owner_entity = $1 AND owner_id = $2 ORDER BY id`, entity, ownerID)
	if err != nil {
		return nil, fmt.Errorf("files: list: %w", err)
	}
	defer rows.Close()
	out := []File{}
	for rows.Next() {
		f, err := scanFile(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// Get returns file id of the record (entity, ownerID); a file of another
// record is problem.ErrNotFound, so that an id cannot be carried from a
// record one may see to one's file list.
func (s *Store) Get(ctx context.Context, entity string, ownerID, id int64) (File, error) {
	f, err := scanFile(s.db.R(ctx).QueryRowContext(ctx, `SELECT `+fileColumns+` FROM files
		WHERE id = $1 AND owner_entity = $2 AND owner_id = $3`, id, entity, ownerID))
	if errors.Is(err, sql.ErrNoRows) {
		return File{}, problem.ErrNotFound
	}
	if err != nil {
		return File{}, fmt.Errorf("files: get %d: %w", id, err)
	}
	return f, nil
}

// ErrCorrupt is returned when stored content no longer matches its checksum.
var ErrCorrupt = errors.New("files: stored content does not match its checksum")

// Read returns the content of f, verified against its checksum.
func (s *Store) Read(ctx context.Context, f File) ([]byte, error) {
	var data []byte
	var err error
	if f.storage == "dir" {
		if s.cfg.Dir == "" {
			return nil, fmt.Errorf("files: file %d is kept in a directory, but none is configured (--files-dir)", f.ID)
		}
		data, err = os.ReadFile(s.path(f.SHA256))
	} else {
		err = s.db.R(ctx).QueryRowContext(ctx, `SELECT data FROM file_blobs WHERE sha256 = $1`, f.SHA256).Scan(&data)
	}
	if err != nil {
		return nil, fmt.Errorf("files: read %d: %w", f.ID, err)
	}
	sum := sha256.Sum256(data)
	if hex.EncodeToString(sum[:]) != f.SHA256 {
		return nil, fmt.Errorf("%w (file %d)", ErrCorrupt, f.ID)
	}
	return data, nil
}

// SetClass gives every file of a record the record's new class, in the
// transaction of the record's change.
func (s *Store) SetClass(ctx context.Context, entity string, ownerID int64, class auth.Clearance) error {
	if _, err := s.db.W(ctx).ExecContext(ctx, `UPDATE files SET class = $1 WHERE owner_entity = $2 AND owner_id = $3`,
		int(class), entity, ownerID); err != nil {
		return fmt.Errorf("files: set class: %w", err)
	}
	return nil
}

// Remove detaches a file, in the transaction of the owner's change. Content
// in the database that no other file uses goes with it.
func (s *Store) Remove(ctx context.Context, f File) error {
	q := s.db.W(ctx)
	if _, err := q.ExecContext(ctx, `DELETE FROM files WHERE id = $1`, f.ID); err != nil {
		return fmt.Errorf("files: remove %d: %w", f.ID, err)
	}
	if f.storage == "db" {
		if _, err := q.ExecContext(ctx, `DELETE FROM file_blobs WHERE sha256 = $1 AND NOT EXISTS (SELECT 1 FROM files WHERE sha256 = $1)`, f.SHA256); err != nil {
			return fmt.Errorf("files: remove content of %d: %w", f.ID, err)
		}
	}
	return s.log.Record(ctx, audit.Change{Action: "detach", Entity: "file", EntityID: f.ID, Class: int(f.Class), Before: f})
}

func normalizeText(s string) string { return vn.Normalize(s) }
