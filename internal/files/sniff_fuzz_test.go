package files_test

import (
	"testing"
	"unicode/utf8"

	"plenum/internal/files"
	"plenum/internal/files/filestest"
)

// FuzzSniff: the sniffer never panics, answers only accepted types, and
// what it calls text is valid UTF-8.
func FuzzSniff(f *testing.F) {
	for _, seed := range [][]byte{filestest.PDF("a"), filestest.DOCX("b"), filestest.XLSX("c"), filestest.ODT("d"),
		filestest.DOC("e"), filestest.PNG("f"), filestest.JPEG("g"), filestest.TIFF("h"), []byte("chữ"), {0x50, 0x4b, 3, 4}} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got := files.Sniff(data)
		if got == "" {
			return
		}
		if got.MediaType() == "" {
			t.Fatalf("Sniff gave %q, not an accepted type", got)
		}
		if got == files.TXT && !utf8.Valid(data) {
			t.Fatal("invalid UTF-8 sniffed as text")
		}
	})
}

// FuzzNormalizeName: a normalised name is valid UTF-8 with no path
// separator or control character, and normalising it again changes nothing.
func FuzzNormalizeName(f *testing.F) {
	for _, s := range []string{"a.pdf", `C:\x\y.DOCX`, "../../etc/passwd", " .. . ", "Kế hoạch.pdf"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		got := files.NormalizeName(name)
		if !utf8.ValidString(got) {
			t.Fatalf("%q: invalid UTF-8 %q", name, got)
		}
		for _, r := range got {
			if r == '/' || r == '\\' || r < 0x20 {
				t.Fatalf("%q: %q keeps %q", name, got, r)
			}
		}
		if again := files.NormalizeName(got); again != got {
			t.Fatalf("%q: not idempotent: %q then %q", name, got, again)
		}
	})
}
