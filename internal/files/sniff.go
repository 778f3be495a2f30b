package files

import (
	"archive/zip"
	"bytes"
	"io"
	"path"
	"strings"
	"unicode/utf8"
)

// Type is a kind of file Plenum accepts.
type Type string

// The accepted types.
const (
	PDF  Type = "pdf"
	DOCX Type = "docx"
	DOC  Type = "doc"
	XLSX Type = "xlsx"
	ODT  Type = "odt"
	PNG  Type = "png"
	JPEG Type = "jpeg"
	TIFF Type = "tiff"
	TXT  Type = "txt"
)

// Types lists the accepted types.
var Types = []Type{PDF, DOCX, DOC, XLSX, ODT, PNG, JPEG, TIFF, TXT}

var mediaTypes = map[Type]string{
	PDF:  "application/pdf",
	DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	DOC:  "application/msword",
	XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	ODT:  "application/vnd.oasis.opendocument.text",
	PNG:  "image/png",
	JPEG: "image/jpeg",
	TIFF: "image/tiff",
	TXT:  "text/plain; charset=utf-8",
}

// MediaType returns the MIME type files of type t are served with.
func (t Type) MediaType() string { return mediaTypes[t] }

var extensions = map[string]Type{
	".pdf": PDF, ".docx": DOCX, ".doc": DOC, ".xlsx": XLSX, ".odt": ODT, ".png": PNG,
	".jpg": JPEG, ".jpeg": JPEG, ".jpe": JPEG, ".tif": TIFF, ".tiff": TIFF, ".txt": TXT,
}

// TypeOfName returns the type a file name's extension claims, if accepted.
func TypeOfName(name string) (Type, bool) {
	t, ok := extensions[strings.ToLower(path.Ext(name))]
	return t, ok
}

// Extensions returns the accepted extensions, for an input's accept attribute.
func Extensions() []string {
	return []string{".pdf", ".docx", ".doc", ".xlsx", ".odt", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".txt"}
}

var (
	pngMagic  = []byte("\x89PNG\r\n\x1a\n")
	cfbMagic  = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	zipMagic  = []byte("PK\x03\x04")
	wordEntry = []byte("W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t\x00")
)

// odtMime is the first entry of an OpenDocument text package.
const odtMime = "application/vnd.oasis.opendocument.text"

// Sniff returns the type of data judged by its content, or "" when it is
// none of the accepted types. It reads the zip directory of OOXML and
// OpenDocument files (and at most a few bytes of one entry), never their
// content, so that a crafted archive costs nothing to look at.
func Sniff(data []byte) Type {
	switch {
	case bytes.HasPrefix(data, pngMagic):
		return PNG
	case len(data) >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF:
		return JPEG
	case bytes.HasPrefix(data, []byte("II*\x00")), bytes.HasPrefix(data, []byte("MM\x00*")):
		return TIFF
	case bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")):
		return PDF
	case bytes.HasPrefix(data, cfbMagic):
		// An OLE compound file: Word's holds a stream named WordDocument
		// (its directory entry in UTF-16); Excel's and others' do not.
		if bytes.Contains(data, wordEntry) {
			return DOC
		}
		return ""
	case bytes.HasPrefix(data, zipMagic):
		return sniffZip(data)
	case isText(data):
		return TXT
	}
	return ""
}

func sniffZip(data []byte) Type {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return ""
	}
	var word, excel, types bool
	for i, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			word = true
		case "xl/workbook.xml":
			excel = true
		case "[Content_Types].xml":
			types = true
		case "mimetype":
			if i == 0 && f.UncompressedSize64 == uint64(len(odtMime)) {
				if rc, err := f.Open(); err == nil {
					b, _ := io.ReadAll(io.LimitReader(rc, int64(len(odtMime))))
					rc.Close()
					if string(b) == odtMime {
						return ODT
					}
				}
			}
		}
	}
	switch {
	case types && word && !excel:
		return DOCX
	case types && excel && !word:
		return XLSX
	}
	return ""
}

// isText reports whether data is UTF-8 text: no NUL and no control
// characters but tab, line feed, form feed and carriage return.
func isText(data []byte) bool {
	if len(data) == 0 || !utf8.Valid(data) {
		return false
	}
	for _, b := range data {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\f' && b != '\r' || b == 0x7F {
			return false
		}
	}
	return true
}

// NormalizeName makes a file name safe to store and to send back: NFC
// Vietnamese with modern tone marks, the last path element only (browsers on
// Windows send the whole path), no control or reserved characters, single
// spaces, no leading dots, a lower-case extension, at most 200 characters.
func NormalizeName(name string) string {
	name = normalizeText(name)
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7F || strings.ContainsRune(`<>:"|?*`, r) {
			return -1
		}
		return r
	}, name)
	name = strings.Join(strings.Fields(name), " ")
	name = strings.TrimLeft(name, ". ")
	name = strings.TrimRight(name, ". ")
	ext := path.Ext(name)
	if len(ext) > 6 || strings.ContainsRune(ext, ' ') {
		ext = ""
	}
	base := strings.TrimRight(strings.TrimSuffix(name, ext), " .")
	if r := []rune(base); len(r) > maxNameRunes {
		base = strings.TrimRight(string(r[:maxNameRunes]), " .")
	}
	if base == "" {
		return ""
	}
	return base + strings.ToLower(ext)
}

const maxNameRunes = 200
