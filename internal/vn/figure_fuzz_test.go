package vn

import (
	"errors"
	"testing"
	"unicode/utf8"
)

var figureSeeds = []string{
	"3,42%", "1.600", "15.000 tỷ đồng", "294,350 tỷ đồng", "47 triệu đồng/người/năm",
	"1.605 nghìn lượt", "10-10,5%", "trên 1.600", "gần 2,3%", "15/25 chỉ tiêu",
	"ngày 18/3/2002", "11/10/2021", "147-KH/TU", "12/2021/NQ-HĐND", "1.5", "1,234,567",
	"Covid-19", "4.12.2020", "50.000đ", "2021 - 2025", "1,5% - 2%", "−2,5", "",
}

// FuzzParseNumber: no panic; errors are *ParseError inside the input; what
// parses formats back to the same value.
func FuzzParseNumber(f *testing.F) {
	for _, s := range figureSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		d, err := ParseNumber(in)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Pos < 0 || pe.Pos > len(in) {
				t.Fatalf("ParseNumber(%q) error %v", in, err)
			}
			return
		}
		back, err := ParseNumber(FormatDecimal(d))
		if err != nil || back != d {
			t.Fatalf("ParseNumber(%q) = %s, formatted %q reads back as %s, %v", in, d, FormatDecimal(d), back, err)
		}
	})
}

// FuzzParseFigure: no panic, and errors point inside the input.
func FuzzParseFigure(f *testing.F) {
	for _, s := range figureSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		fg, err := ParseFigure(in)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Pos < 0 || pe.Pos > len(in) {
				t.Fatalf("ParseFigure(%q) error %v", in, err)
			}
			return
		}
		if fg.Start < 0 || fg.End > len(in) || fg.Start > fg.End {
			t.Fatalf("ParseFigure(%q) span %d-%d", in, fg.Start, fg.End)
		}
		_ = fg.String()
	})
}

// FuzzFindFigures: no panic; spans are ordered, inside the text, on rune
// boundaries, and start with a digit.
func FuzzFindFigures(f *testing.F) {
	for _, s := range figureSeeds {
		f.Add("Năm nay đạt " + s + " so với cùng kỳ.")
	}
	f.Fuzz(func(t *testing.T, in string) {
		prev := 0
		for _, fg := range FindFigures(in) {
			if fg.Start < prev || fg.End > len(in) || fg.Start >= fg.End {
				t.Fatalf("FindFigures(%q): span %d-%d after %d", in, fg.Start, fg.End, prev)
			}
			onRunes := !utf8.ValidString(in) || fg.End == len(in) || utf8.RuneStart(in[fg.End])
			if !isDigit(in[fg.Start]) || !onRunes {
				t.Fatalf("FindFigures(%q): span %d-%d is not on a figure", in, fg.Start, fg.End)
			}
			prev = fg.End
			_ = fg.String()
		}
	})
}
