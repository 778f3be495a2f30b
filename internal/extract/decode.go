package extract

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"

	"plenum/internal/vn"
)

// Errors Decode returns; callers wrap them with the file name.
var (
	ErrEmpty  = errors.New("empty file")
	ErrBinary = errors.New("binary file, not text or HTML")
)

// UnknownEncodingError is returned for a page that declares a character set
// this program does not know.
type UnknownEncodingError struct{ Name string }

func (e *UnknownEncodingError) Error() string {
	return fmt.Sprintf("unknown encoding %q", e.Name)
}

// Decode turns the bytes of an article into normalised UTF-8 text (vn.Normalize:
// NFC, "Ð" as "Đ", odd spaces as spaces, modern tone placement) with "\n"
// line ends. It recognises, in this order: a byte-order mark (UTF-8,
// UTF-16 LE/BE), UTF-16 without a mark (NUL bytes in every other position),
// valid UTF-8, the charset an HTML page declares, and otherwise Windows-1258,
// the legacy Vietnamese code page. Windows-1258 writes tone marks as combining
// characters after the vowel, so normalisation to NFC is what makes its text
// compare equal to the same words typed in UTF-8. Errors start with name,
// the file's name, and wrap ErrEmpty, ErrBinary or an *UnknownEncodingError.
func Decode(name string, b []byte) (string, error) {
	s, err := decode(b)
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	return s, nil
}

func decode(b []byte) (string, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return "", ErrEmpty
	}
	var (
		s   string
		err error
	)
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		s, err = decodeUTF8(b[3:])
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		s, err = decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), b)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		s, err = decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), b)
	default:
		if order, ok := utf16WithoutBOM(b); ok {
			s, err = decodeWith(unicode.UTF16(order, unicode.IgnoreBOM), b)
			break
		}
		if looksBinary(b) {
			return "", ErrBinary
		}
		if utf8.Valid(b) {
			s = string(b)
			break
		}
		var enc encoding.Encoding = charmap.Windows1258 // the legacy Vietnamese code page
		if cs := declaredCharset(b); cs != "" {
			declared, e := htmlindex.Get(cs)
			if e != nil {
				return "", &UnknownEncodingError{Name: cs}
			}
			// A page that claims UTF-8 but is not valid UTF-8 is a legacy
			// page with a template's default header: keep the code page guess.
			if declared != unicode.UTF8 {
				enc = declared
			}
		}
		s, err = decodeWith(enc, b)
	}
	if err != nil {
		return "", fmt.Errorf("cannot decode: %w", err)
	}
	if strings.IndexByte(s, 0) >= 0 {
		return "", ErrBinary // UTF-16 of a binary file
	}
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return vn.Normalize(s), nil
}

func decodeUTF8(b []byte) (string, error) {
	if !utf8.Valid(b) {
		return "", errors.New("invalid UTF-8 after a UTF-8 byte-order mark")
	}
	return string(b), nil
}

func decodeWith(enc encoding.Encoding, b []byte) (string, error) {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return "", err
	}
	return string(out), nil
}

// utf16WithoutBOM guesses UTF-16 text that lacks a byte-order mark: most
// Vietnamese and markup characters are below U+0100 or in U+1Exx, so one byte
// of most code units is 0x00 (or 0x1E), always on the same side.
func utf16WithoutBOM(b []byte) (unicode.Endianness, bool) {
	n := min(len(b), 4096) &^ 1
	if n < 4 {
		return unicode.LittleEndian, false
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	units := n / 2
	switch {
	case odd*10 >= units*4 && even*10 < units:
		return unicode.LittleEndian, true
	case even*10 >= units*4 && odd*10 < units:
		return unicode.BigEndian, true
	}
	return unicode.LittleEndian, false
}

// looksBinary reports NUL bytes or a high share of control characters other
// than tab, line feed, carriage return and form feed in the first few KiB.
func looksBinary(b []byte) bool {
	b = b[:min(len(b), 8192)]
	var ctl int
	for _, c := range b {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f':
			ctl++
		}
	}
	return ctl*100 > len(b)
}

// charsetRE finds <meta charset="x"> and <meta http-equiv content="…; charset=x">.
var charsetRE = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)

// declaredCharset returns the charset a page declares in its first KiB, or "".
func declaredCharset(b []byte) string {
	m := charsetRE.FindSubmatch(b[:min(len(b), 4096)])
	if m == nil {
		return ""
	}
	return strings.ToLower(string(m[1]))
}
