package files_test

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/clock/clocktest"
	"plenum/internal/db"
	"plenum/internal/db/dbtest"
	"plenum/internal/files"
	"plenum/internal/files/filestest"
	"plenum/internal/problem"
)

func TestSniff(t *testing.T) {
	tests := []struct {
		data []byte
		want files.Type
	}{
		{filestest.PDF("x"), files.PDF},
		{filestest.DOCX("x"), files.DOCX},
		{filestest.XLSX("x"), files.XLSX},
		{filestest.ODT("x"), files.ODT},
		{filestest.DOC("x"), files.DOC},
		{filestest.PNG("x"), files.PNG},
		{filestest.JPEG("x"), files.JPEG},
		{filestest.TIFF("x"), files.TIFF},
		{[]byte("Kế hoạch số 147-KH/TU\r\nnội dung\tthử\n"), files.TXT},
		{[]byte("văn bản\x00nhị phân"), ""},
		{[]byte{0xff, 0xfe, 0x00}, ""},
		{filestest.Zip([2]string{"a.txt", "x"}), ""},                                        // a plain zip
		{filestest.Zip([2]string{"word/document.xml", "x"}), ""},                            // no content types
		{filestest.Zip([2]string{"content.xml", "x"}, [2]string{"mimetype", "x"}), ""},      // mimetype not first
		{append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, "Workbook"...), ""}, // an old Excel file
		{nil, ""},
		{[]byte("<html><script>alert(1)</script></html>"), files.TXT},
	}
	for i, tt := range tests {
		if got := files.Sniff(tt.data); got != tt.want {
			t.Errorf("%d: Sniff = %q, want %q", i, got, tt.want)
		}
	}
}

func TestNormalizeName(t *testing.T) {
	for in, want := range map[string]string{
		`C:\Users\vp\Desktop\Ke hoach 147.PDF`: "Ke hoach 147.pdf",
		"../../etc/passwd":                     "passwd",
		"  Kế   hoạch\tthử .docx ":             "Kế hoạch thử.docx",
		"Quyết định sô\u0301 12.pdf":           "Quyết định số 12.pdf",
		"hoà bình.txt":                         "hòa bình.txt",
		"..hidden.txt":                         "hidden.txt",
		`a<b>c:d"e|f?g*h.png`:                  "abcdefgh.png",
		"":                                     "",
		"...":                                  "",
		strings.Repeat("dài ", 100) + "cuối.pdf": strings.TrimSpace(string([]rune(strings.Repeat("dài ", 100))[:200])) + ".pdf",
	} {
		if got := files.NormalizeName(in); got != want {
			t.Errorf("NormalizeName(%q) = %q, want %q", in, got, want)
		}
	}
}

func newStore(t *testing.T, dir string) (*files.Store, *db.DB, context.Context) {
	d := dbtest.New(t)
	return files.New(d, audit.New(d, clocktest.New(t)), clocktest.New(t), files.Config{Dir: dir, MaxSize: 1 << 10}), d,
		audit.WithActor(context.Background(), audit.Actor{Name: "test"})
}

func TestPutAndRead(t *testing.T) {
	for _, where := range []string{"database", "directory"} {
		t.Run(where, func(t *testing.T) {
			dir := ""
			if where == "directory" {
				dir = t.TempDir()
			}
			s, d, ctx := newStore(t, dir)
			content := filestest.PDF("nội dung thử")
			var f files.File
			err := d.Tx(ctx, func(ctx context.Context) error {
				var err error
				f, err = s.Put(ctx, files.Upload{OwnerEntity: "document", OwnerID: 7, Class: auth.ClassMat, Name: "Kế hoạch.PDF", Data: content})
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if f.Name != "Kế hoạch.pdf" || f.Type != files.PDF || f.Size != int64(len(content)) || len(f.SHA256) != 64 {
				t.Fatalf("stored %+v", f)
			}
			got, err := s.Get(ctx, "document", 7, f.ID)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.Get(ctx, "document", 8, f.ID); err != problem.ErrNotFound {
				t.Errorf("a file read through another owner: %v", err)
			}
			data, err := s.Read(ctx, got)
			if err != nil || !bytes.Equal(data, content) {
				t.Fatalf("read back %q %v", data, err)
			}
			// Altered content is detected on read.
			if where == "directory" {
				p := filepath.Join(dir, f.SHA256[:2], f.SHA256[2:4], f.SHA256)
				if err := os.WriteFile(p, filestest.PDF("đã bị sửa"), 0o600); err != nil {
					t.Fatal(err)
				}
			} else if _, err := d.Primary().Exec(`UPDATE file_blobs SET data = $1`, filestest.PDF("đã bị sửa")); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Read(ctx, got); err == nil || !strings.Contains(err.Error(), "checksum") {
				t.Fatalf("altered content read without complaint: %v", err)
			}
			w := httptest.NewRecorder()
			files.Serve(w, got, content, "vi")
			if cd := w.Header().Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") || !strings.Contains(cd, "M%E1%BA%ACT") {
				t.Errorf("Content-Disposition %q", cd)
			}
			if w.Header().Get("X-Security-Class") != "1 mat" {
				t.Errorf("X-Security-Class %q", w.Header().Get("X-Security-Class"))
			}
		})
	}
}

func TestRefusals(t *testing.T) {
	s, d, ctx := newStore(t, "")
	tests := []struct {
		name string
		file string
		data []byte
		key  string
	}{
		{"pdf named docx", "a.docx", filestest.PDF("x"), "files.error.type_mismatch"},
		{"text named pdf", "a.pdf", []byte("chỉ là chữ"), "files.error.type_mismatch"},
		{"binary named pdf", "a.pdf", []byte{1, 2, 3, 0}, "files.error.content_unknown"},
		{"executable", "a.exe", []byte("MZ"), "files.error.type_not_allowed"},
		{"no extension", "README", []byte("x"), "files.error.type_not_allowed"},
		{"over the limit", "a.txt", bytes.Repeat([]byte("a"), 1<<10+1), "files.error.too_large"},
		{"empty", "a.txt", nil, "files.error.empty"},
		{"no name", "", []byte("x"), "files.error.no_name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := d.Tx(ctx, func(ctx context.Context) error {
				_, err := s.Put(ctx, files.Upload{OwnerEntity: "document", OwnerID: 1, Name: tt.file, Data: tt.data})
				return err
			})
			p, ok := problem.As(err)
			if !ok || len(p.Fields) != 1 || p.Fields[0].Name != "file" || p.Fields[0].Key != tt.key {
				t.Fatalf("want %s on field file, got %v", tt.key, err)
			}
		})
	}
	var n int
	d.Primary().QueryRow(`SELECT (SELECT count(*) FROM files) + (SELECT count(*) FROM file_blobs) + (SELECT count(*) FROM audit_log)`).Scan(&n)
	if n != 0 {
		t.Fatalf("%d rows written by refused uploads", n)
	}
}

func TestReadUpload(t *testing.T) {
	s := files.New(nil, nil, clocktest.New(t), files.Config{MaxSize: 1 << 10})
	send := func(name string, data []byte) (string, []byte, error) {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		fw, _ := mw.CreateFormFile("file", name)
		fw.Write(data)
		mw.Close()
		r := httptest.NewRequest("POST", "/x", &buf)
		r.Header.Set("Content-Type", mw.FormDataContentType())
		return s.ReadUpload(httptest.NewRecorder(), r, "file")
	}
	name, data, err := send("a.txt", []byte("chữ"))
	if err != nil || name != "a.txt" || string(data) != "chữ" {
		t.Fatalf("upload: %q %q %v", name, data, err)
	}
	// A body far over the limit is cut off and named as too large.
	_, _, err = send("a.txt", bytes.Repeat([]byte("a"), 3<<20))
	if p, ok := problem.As(err); !ok || p.Fields[0].Key != "files.error.too_large" {
		t.Fatalf("oversized body: %v", err)
	}
	// A file just over the limit passes the reader and is refused by Check.
	_, data, err = send("a.txt", bytes.Repeat([]byte("a"), 1<<10+1))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Check(files.Upload{Name: "a.txt", Data: data}); err == nil {
		t.Fatal("a file over the limit passed Check")
	}
	r := httptest.NewRequest("POST", "/x", strings.NewReader("a=b"))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if _, _, err := s.ReadUpload(httptest.NewRecorder(), r, "file"); err == nil {
		t.Fatal("a form without a file was read")
	}
}
