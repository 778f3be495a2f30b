package vn

import (
	"math/rand"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// sortedWords is in Vietnamese order; each word sorts after the one before.
var sortedWords = []string{
	"",
	"(ghi chú)",
	"-",
	"1",
	"2",
	"02",
	"10",
	"a",
	"A",
	"à",
	"ả",
	"ã",
	"á",
	"ạ",
	"an",
	"anh",
	"ăn",
	"ân",
	"bà",
	"ca",
	"chi",
	"da",
	"Dương",
	"đa",
	"Đào",
	"em",
	"êm",
	"fan",
	"ga",
	"Hà Nội",
	"Hàm",
	"hoa",
	"hòa",
	"Hòa",
	"hóa",
	"họa",
	"in",
	"jazz",
	"kê",
	"khóa 2",
	"Khóa 2",
	"khóa 02",
	"khóa 10",
	"khóa XII",
	"la",
	"ma",
	"Ma",
	"mà",
	"mả",
	"mã",
	"má",
	"mạ",
	"mai",
	"na",
	"ñandú",
	"ong",
	"ông",
	"ơn",
	"pa",
	"qua",
	"quy",
	"quý",
	"ra",
	"sa",
	"ta",
	"thư",
	"u",
	"ư",
	"va",
	"web",
	"xa",
	"y",
	"Yến",
	"Zô",
	"Москва",
	"北京",
}

func TestCompareOrder(t *testing.T) {
	for i := 1; i < len(sortedWords); i++ {
		a, b := sortedWords[i-1], sortedWords[i]
		if c := Compare(a, b); c != -1 {
			t.Errorf("Compare(%q, %q) = %d, want -1", a, b, c)
		}
		if c := Compare(b, a); c != 1 {
			t.Errorf("Compare(%q, %q) = %d, want 1", b, a, c)
		}
		if ka, kb := SortKey(a), SortKey(b); ka >= kb {
			t.Errorf("SortKey(%q) = %q >= SortKey(%q) = %q", a, ka, b, kb)
		}
	}
	shuffled := slices.Clone(sortedWords)
	rand.New(rand.NewSource(1)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	slices.SortFunc(shuffled, Compare)
	if !slices.Equal(shuffled, sortedWords) {
		t.Errorf("sorted:\n%q\nwant\n%q", shuffled, sortedWords)
	}
}

func TestCompareEqual(t *testing.T) {
	pairs := [][2]string{
		{"hoà", "hòa"},
		{"Uỷ ban", "Ủy ban"},
		{"Hà  Nội", " Hà\u00a0Nội\n"},
		{"Ho\u0300a", "Hòa"},
		{"HÐND", "HĐND"},
	}
	for _, p := range pairs {
		if c := Compare(p[0], p[1]); c != 0 {
			t.Errorf("Compare(%q, %q) = %d, want 0", p[0], p[1], c)
		}
		if SortKey(p[0]) != SortKey(p[1]) {
			t.Errorf("SortKey(%q) = %q, SortKey(%q) = %q, want equal", p[0], SortKey(p[0]), p[1], SortKey(p[1]))
		}
	}
}

func TestSortKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{" ", ""},
		{"an", "Yj"},
		{"An", `Yj""1`},
		{"à", `Y"1`},
		{"Đà Nẵng", `_Y#jZjc"01003"1001`},
		{"khóa 10", `gdkY#F10"004`},
		{"khóa 010", `gdkY#F10"004001`},
		{"a-b", `Y0\`},
		{"ñ", `j"6003a`}, // U+00F1: base n, then the code point
	}
	for _, tt := range tests {
		if got := SortKey(tt.in); got != tt.want {
			t.Errorf("SortKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// Keys are printable ASCII whatever the input.
	for _, s := range append(sortedWords, "bad \xff", "x\u0301", "\x00\x7f", strings.Repeat("9", 45)) {
		for _, c := range []byte(SortKey(s)) {
			if c < '!' || c > '~' {
				t.Errorf("SortKey(%q) = %q has byte %#x", s, SortKey(s), c)
			}
		}
	}
}

func TestCompareDoesNotAllocate(t *testing.T) {
	a, b := "Nguyễn Thị Minh Khai", "Nguyễn Thị Minh Khải"
	if n := testing.AllocsPerRun(100, func() { Compare(a, b) }); n != 0 {
		t.Errorf("Compare allocates %v times", n)
	}
	if n := testing.AllocsPerRun(100, func() { CompareNames(a, b) }); n != 0 {
		t.Errorf("CompareNames allocates %v times", n)
	}
}

// TestCompareAgreesWithCLDR checks the hand-made weights against x/text's
// Vietnamese collation on words of Vietnamese letters, tones, case and
// spaces, where CLDR and Plenum mean to agree (they differ on purpose on
// numbers and on characters outside the alphabet).
func TestCompareAgreesWithCLDR(t *testing.T) {
	col := collate.New(language.Vietnamese)
	r := rand.New(rand.NewSource(2))
	onsets := []string{"", "b", "c", "ch", "d", "đ", "g", "gi", "h", "kh", "l", "m", "ng", "nh", "ph", "qu", "t", "th", "tr", "x", "Đ", "Ng", "TR"}
	rhymes := []string{"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "an", "ăn", "ân", "anh", "oa", "oan", "uy", "uyên", "ương", "iêu", "ưa", "ươi", "ai", "ay", "ây", "ôi", "ơi"}
	tones := []string{"", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"}
	word := func() string {
		var b strings.Builder
		for n := 1 + r.Intn(3); n > 0; n-- {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(onsets[r.Intn(len(onsets))])
			rhyme := []rune(rhymes[r.Intn(len(rhymes))])
			b.WriteString(string(rhyme[0]))
			b.WriteString(tones[r.Intn(len(tones))])
			b.WriteString(string(rhyme[1:]))
		}
		return Normalize(b.String())
	}
	for range 20000 {
		a, b := word(), word()
		if got, want := Compare(a, b), col.CompareString(a, b); got != want {
			t.Fatalf("Compare(%q, %q) = %d, CLDR says %d", a, b, got, want)
		}
	}
}
