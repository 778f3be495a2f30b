package extract

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

const sample = "Hội nghị Ban Chấp hành Đảng bộ tỉnh khóa mới\nSáng nay, Tỉnh ủy tổ chức hội nghị thường kỳ."

func TestDecode(t *testing.T) {
	utf16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(sample)
	utf16be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String(sample)
	utf16raw, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().String(sample)
	tests := []struct {
		name string
		in   []byte
	}{
		{"utf-8", []byte(sample)},
		{"utf-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, sample...)},
		{"utf-8 NFD", []byte(norm.NFD.String(sample))},
		{"CRLF", []byte(strings.ReplaceAll(sample, "\n", "\r\n"))},
		{"utf-16 LE with BOM", []byte(utf16le)},
		{"utf-16 BE with BOM", []byte(utf16be)},
		{"utf-16 LE without BOM", []byte(utf16raw)},
		{"windows-1258", toWindows1258(t, sample)},
		{"windows-1258 declared in HTML", append([]byte(`<meta charset="windows-1258">`), toWindows1258(t, sample)...)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Decode(tc.name, tc.in)
			if err != nil {
				t.Fatal(err)
			}
			got = strings.TrimPrefix(got, `<meta charset="windows-1258">`)
			if got != sample {
				t.Errorf("got %q\nwant %q", got, sample)
			}
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	unknownCS := append([]byte(`<html><head><meta charset="x-no-such-charset"></head><body>`), 0xC3, 0x28, 'a')
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"empty", nil, ErrEmpty},
		{"blank", []byte(" \n\t\n"), ErrEmpty},
		{"binary", []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 1, 0}, ErrBinary},
		{"controls", []byte(strings.Repeat("\x01\x02\x03abc", 50)), ErrBinary},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Decode(tc.name, tc.in); !errors.Is(err, tc.want) {
				t.Errorf("got %v, want %v", err, tc.want)
			}
		})
	}
	var unknown *UnknownEncodingError
	if _, err := Decode("page.html", unknownCS); !errors.As(err, &unknown) || unknown.Name != "x-no-such-charset" {
		t.Errorf("unknown charset: got %v", err)
	}
}

// toWindows1258 encodes text in Windows-1258 the way legacy software did:
// base letters with circumflex, breve and horn precomposed where the code
// page has them, tone marks as combining characters.
func toWindows1258(t testing.TB, s string) []byte {
	t.Helper()
	enc := charmap.Windows1258.NewEncoder()
	var out []byte
	for _, r := range norm.NFC.String(s) {
		if b, err := enc.String(string(r)); err == nil {
			out = append(out, b...)
			continue
		}
		d := []rune(norm.NFD.String(string(r)))
		base, tones := []rune{d[0]}, []rune(nil)
		for _, m := range d[1:] {
			switch m {
			case 0x0300, 0x0301, 0x0303, 0x0309, 0x0323:
				tones = append(tones, m)
			default:
				base = append(base, m)
			}
		}
		b, err := enc.String(norm.NFC.String(string(base)) + string(tones))
		if err != nil {
			t.Fatalf("cannot encode %q in Windows-1258: %v", r, err)
		}
		out = append(out, b...)
	}
	if utf8.Valid(out) {
		t.Fatalf("Windows-1258 sample is valid UTF-8; the test would not test the code page")
	}
	return out
}
