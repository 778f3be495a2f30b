package docsym

import (
	"testing"
	"unicode/utf8"
)

// FuzzFindCitations checks that FindCitations never panics and that what it
// returns holds together: spans in order inside the text, numbers from 1,
// and printed symbols that validate and agree with the number.
func FuzzFindCitations(f *testing.F) {
	for _, s := range []string{
		"Nghị quyết số 13-NQ/TW ngày 18/3/2002 của Ban Chấp hành Trung ương Đảng khóa IX",
		"các Nghị quyết số 10, 11 và 12-NQ/TU", "Nghị quyết 09/NQ-TU", "Kế hoạch 5 năm",
		"Quyết định số 1234/QĐ-UBND ngày 5/7/2021 của UBND tỉnh", "Luật số 61/2014/QH13",
		"Kết luận số 21-KL/TW. Kết luận số 21", "Nghị quyết số", "Chỉ thị 05-CT/TW,", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		prev := 0
		for _, c := range FindCitations(in) {
			if c.Start < 0 || c.End > len(in) || c.Start >= c.End {
				t.Fatalf("FindCitations(%q): span %d-%d", in, c.Start, c.End)
			}
			if utf8.ValidString(in) && !utf8.RuneStart(in[c.Start]) {
				t.Fatalf("FindCitations(%q): span starts inside a rune", in)
			}
			if c.Start < prev {
				t.Fatalf("FindCitations(%q): spans out of order", in)
			}
			prev = c.Start
			if c.Number < 1 {
				t.Fatalf("FindCitations(%q): number %d", in, c.Number)
			}
			if !c.Symbol.IsZero() {
				if err := c.Symbol.Validate(); err != nil || c.Symbol.Number != c.Number {
					t.Fatalf("FindCitations(%q): symbol %+v: %v", in, c.Symbol, err)
				}
			}
		}
	})
}
