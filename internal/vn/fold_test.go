package vn

import (
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Ban Thường vụ", "Ban Thường vụ"},
		{"HÐND tỉnh", "HĐND tỉnh"},                         // U+00D0 as printed by some portals
		{"ðồng chí", "đồng chí"},                           // its lower case
		{"Hà\u00a0Nội", "Hà Nội"},                          // no-break space
		{"Hà\u202fNội\u3000mới", "Hà Nội mới"},             // narrow no-break, ideographic
		{"Hà\u2002\u2009Nội", "Hà  Nội"},                   // en space, thin space; runs kept
		{"a\u200bb", "a b"},                                // zero width space is a space
		{"Đả\u200dng và Nhà\u00adnước", "Đảng và Nhànước"}, // joiners and soft hyphens go
		{"\ufeffTỉnh ủy", "Tỉnh ủy"},                       // byte order mark
		{"một\thai", "một hai"},
		{"dòng một\r\ndòng hai", "dòng một\r\ndòng hai"},
		{"dòng một\u2028dòng hai", "dòng một\ndòng hai"},
		{"Vie\u0323\u0302t Nam", "Việt Nam"}, // NFD, canonical order
		{"Vie\u0302\u0323t Nam", "Việt Nam"}, // NFD, marks out of order
		{"Uỷ ban nhân dân tỉnh Hoà Bình", "Ủy ban nhân dân tỉnh Hòa Bình"},
		{"Ho\u0300a", "Hòa"}, // NFD old style
		{"bad \xff byte", "bad \ufffd byte"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Normalize(tt.want); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want it unchanged", tt.want, got)
		}
	}
}

func TestNormalizeDoesNotAllocateWhenNormal(t *testing.T) {
	for _, s := range []string{"Hội nghị lần thứ 5", "Ủy ban nhân dân tỉnh Hòa Bình, ngày 14/01/2022"} {
		if n := testing.AllocsPerRun(100, func() { _ = Normalize(s) }); n != 0 {
			t.Errorf("Normalize(%q) allocates %v times", s, n)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"   \t\n ", ""},
		{"Đường Hà Nội ĐẶNG", "duong ha noi dang"},
		{"HÐND", "hdnd"},
		{"  Ủy   ban\tnhân\u00a0dân\n", "uy ban nhan dan"},
		{"Thuý", "thuy"},
		{"Thúy", "thuy"},
		{"Nghị quyết số 13-NQ/TW ngày 18/3/2002", "nghi quyet so 13-nq/tw ngay 18/3/2002"},
		{"ăâêôơưđ ĂÂÊÔƠƯĐ", "aaeooud aaeooud"},
		{"Vie\u0323\u0302t", "viet"}, // NFD
		{"Đả\u200dng", "dang"},
		{"a\u200bb", "a b"},
		{"Ñandú Çà Ø", "nandu ca ø"}, // other Latin: decomposed; ø has no decomposition
		{"МОСКВА", "москва"},
		{"İstanbul", "istanbul"},
		{"\u212b", "a"}, // ANGSTROM SIGN decomposes to A with ring
		{"bad \xff", "bad \ufffd"},
		{"x\u0301y", "xy"}, // stray combining mark
		{"“Nghị quyết”…", "“nghi quyet”…"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := string(AppendFold([]byte("x "), tt.in)); got != "x "+tt.want {
			t.Errorf("AppendFold(%q, %q) = %q, want %q", "x ", tt.in, got, "x "+tt.want)
		}
	}
}

func TestAppendFoldDoesNotAllocate(t *testing.T) {
	s := "Ban Thường vụ Tỉnh ủy đã tổ chức Hội nghị đánh giá 1 năm thực hiện Nghị quyết"
	buf := make([]byte, 0, 2*len(s))
	if n := testing.AllocsPerRun(100, func() { buf = AppendFold(buf[:0], s) }); n != 0 {
		t.Errorf("AppendFold allocates %v times", n)
	}
	folded := "ban thuong vu tinh uy"
	if n := testing.AllocsPerRun(100, func() { _ = Fold(folded) }); n != 0 {
		t.Errorf("Fold of a folded string allocates %v times", n)
	}
}

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Quý", "quý"},
		{"quy", "quy"},
		{" Hoà  Bình ", "hòa bình"},
		{"HÒA\nBÌNH", "hòa bình"},
		{"HÐND", "hđnd"},
		{"ỦY BAN", "ủy ban"},
		{"UỶ BAN", "ủy ban"},
		{"МОСКВА", "москва"},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if Key("Quý") == Key("quy") {
		t.Error(`Key does not tell "quý" from "quy"`)
	}
}

func TestKeyOfAKeyDoesNotAllocate(t *testing.T) {
	for _, k := range []string{"hòa bình", "ủy ban nhân dân", "đ", "2021", ""} {
		if got := Key(k); got != k {
			t.Errorf("Key(%q) = %q", k, got)
		}
		if n := testing.AllocsPerRun(100, func() { Key(k) }); n != 0 {
			t.Errorf("Key(%q) allocates %v times; it is its own key", k, n)
		}
	}
	for _, s := range []string{"hòa  bình", " hòa", "hòa ", "Hòa", "hoà", "a\nb"} {
		if Key(s) == s {
			t.Errorf("Key(%q) returned its input unchanged", s)
		}
	}
}

func TestFoldMatchesAcrossForms(t *testing.T) {
	// The same words typed in different ways must give one search key.
	forms := []string{
		"Ủy ban nhân dân tỉnh Hòa Bình",
		"UỶ BAN NHÂN DÂN TỈNH HOÀ BÌNH",
		"Uy ban nhan dan tinh Hoa Binh",
		"U\u0309y ban nha\u0302n da\u0302n ti\u0309nh Ho\u0300a Bi\u0300nh",
		" Ủy\u00a0ban nhân  dân\ttỉnh Hòa Bình\n",
	}
	want := Fold(forms[0])
	for _, f := range forms[1:] {
		if got := Fold(f); got != want {
			t.Errorf("Fold(%q) = %q, want %q", f, got, want)
		}
	}
	if strings.Contains(want, "  ") {
		t.Errorf("Fold left a double space: %q", want)
	}
}
