package extract

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"

	"plenum/internal/extract/extracttest"
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
		{"windows-1258", extracttest.Windows1258(t, sample)},
		{"windows-1258 declared in HTML", append([]byte(`<meta charset="windows-1258">`), extracttest.Windows1258(t, sample)...)},
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
