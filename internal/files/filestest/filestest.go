// Package filestest makes small files of every accepted type for tests:
// just enough of each format for the sniffer to recognise it, with a text
// the caller chooses inside, so that tests can look for that text where it
// must not leak.
package filestest

import (
	"archive/zip"
	"bytes"
	"unicode/utf16"
)

// PDF returns a minimal PDF carrying text.
func PDF(text string) []byte {
	return []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + text + "\n%%EOF\n")
}

// Zip returns a zip archive of the named entries, in order.
func Zip(entries ...[2]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e[0], Method: zip.Store})
		if err != nil {
			panic(err)
		}
		w.Write([]byte(e[1]))
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// DOCX returns a minimal Word document carrying text.
func DOCX(text string) []byte {
	return Zip([2]string{"[Content_Types].xml", `<?xml version="1.0"?><Types/>`},
		[2]string{"word/document.xml", `<w:document><w:body><w:p><w:r><w:t>` + text + `</w:t></w:r></w:p></w:body></w:document>`})
}

// XLSX returns a minimal spreadsheet package carrying text.
func XLSX(text string) []byte {
	return Zip([2]string{"[Content_Types].xml", `<?xml version="1.0"?><Types/>`},
		[2]string{"xl/workbook.xml", `<workbook><!-- ` + text + ` --></workbook>`})
}

// ODT returns a minimal OpenDocument text carrying text.
func ODT(text string) []byte {
	return Zip([2]string{"mimetype", "application/vnd.oasis.opendocument.text"}, [2]string{"content.xml", "<office:text>" + text + "</office:text>"})
}

// DOC returns the head of an OLE compound file with a WordDocument stream entry.
func DOC(text string) []byte {
	b := []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	b = append(b, make([]byte, 504)...)
	for _, u := range utf16.Encode([]rune("WordDocument")) {
		b = append(b, byte(u), byte(u>>8))
	}
	return append(b, []byte(text)...)
}

// PNG returns a PNG signature followed by text.
func PNG(text string) []byte { return append([]byte("\x89PNG\r\n\x1a\n"), text...) }

// JPEG returns a JPEG start-of-image marker followed by text.
func JPEG(text string) []byte { return append([]byte{0xFF, 0xD8, 0xFF, 0xE0}, text...) }

// TIFF returns a little-endian TIFF header followed by text.
func TIFF(text string) []byte { return append([]byte("II*\x00"), text...) }
