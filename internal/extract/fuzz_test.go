package extract

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"plenum/internal/extract/extracttest"
)

var fuzzSeeds = []string{
	"Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ năm (khóa XII)\nSáng 11/10, Ban Chấp hành Đảng bộ tỉnh tổ chức Hội nghị. Đồng chí Trần Văn A, Bí thư Tỉnh ủy chủ trì.",
	"<html><head><meta charset=\"windows-1258\"><title>T</title></head><body><h1>Tiêu đề</h1><p>Đoạn 3,5% và 15/25 chỉ tiêu, 1.200 tỷ đồng.</p><figcaption>Ảnh: X</figcaption></body></html>",
	"Các đồng chí: A - , ; - Bí thư; Nguyễn - Chủ tịch UBND tỉnh chủ trì",
	"Nghị quyết số 13-NQ/TW ngày 18/3/2002 của Ban Chấp hành Trung ương khóa IX\n<?php echo 1 ?>\n&nbsp;&amp;",
	"\xff\xfeH\x00\xf4\x00i\x00",
	"",
}

// FuzzExtract: any bytes in, no panic, and the output is valid JSON with
// spans inside the text.
func FuzzExtract(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := Bytes("fuzz", b, Options{MaxBytes: 1 << 16})
		if err != nil {
			return
		}
		out, err := json.Marshal(a)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		if !json.Valid(out) {
			t.Fatalf("invalid JSON: %s", out)
		}
		var back Article
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("output does not read back: %v\n%s", err, out)
		}
		spans := []Span{}
		for _, p := range a.People {
			spans = append(spans, p.Span)
			spans = append(spans, p.Spans...)
		}
		for _, d := range a.Documents {
			spans = append(spans, d.Span)
		}
		for _, fg := range a.Figures {
			spans = append(spans, fg.Span)
		}
		if a.Meeting != nil {
			spans = append(spans, a.Meeting.Span)
			spans = append(spans, a.Meeting.Evidence...)
		}
		for _, s := range spans {
			if s.Start < 0 || s.End > len(a.Text) || s.Start > s.End {
				t.Fatalf("span %v outside the text of %d bytes", s, len(a.Text))
			}
		}
		if !utf8.ValidString(a.Body) || strings.Contains(a.Body, "\n\n") {
			t.Fatalf("body is not one paragraph a line of valid UTF-8: %q", a.Body)
		}
	})
}

// FuzzDecode: any bytes in, no panic, and the text out is valid UTF-8.
func FuzzDecode(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Add(extracttest.Windows1258(f, "Hội nghị Ban Chấp hành"))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := Decode("fuzz", b)
		if err != nil {
			return
		}
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 out of %q", b)
		}
		if strings.ContainsRune(s, '\r') {
			t.Fatalf("carriage return left in %q", s)
		}
	})
}
