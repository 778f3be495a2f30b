package vn

import (
	"math/rand"
	"slices"
	"testing"
)

func TestSplitName(t *testing.T) {
	tests := []struct{ in, family, middle, given string }{
		{"", "", "", ""},
		{"Bình", "", "", "Bình"},
		{"Nguyễn An", "Nguyễn", "", "An"},
		{"Trần Thị Bình", "Trần", "Thị", "Bình"},
		{" Nguyễn  Thị Minh\u00a0Khai ", "Nguyễn", "Thị Minh", "Khai"},
		{"Hoàng Duy Thuý", "Hoàng", "Duy", "Thúy"},
	}
	for _, tt := range tests {
		f, m, g := SplitName(tt.in)
		if f != tt.family || m != tt.middle || g != tt.given {
			t.Errorf("SplitName(%q) = %q, %q, %q; want %q, %q, %q", tt.in, f, m, g, tt.family, tt.middle, tt.given)
		}
	}
}

func TestCompareNames(t *testing.T) {
	sorted := []string{
		"Nguyễn An",
		"Nguyễn Văn An",
		"Trần Văn An",
		"Đỗ Anh",
		"Lê Thị Ánh", // tone after the letters
		"Bình",
		"Trần Thị Bình",
		"Lê Văn Bình",
		"Nguyễn Văn Bình",
		"Phạm Thị Hà",
		"Vũ Thị Hà",
		"Hoàng Duy Hạ",
		"Nguyễn Thị Minh Khai",
		"Đặng Thu Thủy",
		"Nguyễn Thu Thúy",
		"Lê Văn Thụy",
	}
	for i := 1; i < len(sorted); i++ {
		a, b := sorted[i-1], sorted[i]
		if c := CompareNames(a, b); c != -1 {
			t.Errorf("CompareNames(%q, %q) = %d, want -1", a, b, c)
		}
		if NameSortKey(a) >= NameSortKey(b) {
			t.Errorf("NameSortKey(%q) = %q >= NameSortKey(%q) = %q", a, NameSortKey(a), b, NameSortKey(b))
		}
	}
	shuffled := slices.Clone(sorted)
	rand.New(rand.NewSource(3)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	slices.SortFunc(shuffled, CompareNames)
	if !slices.Equal(shuffled, sorted) {
		t.Errorf("sorted:\n%q\nwant\n%q", shuffled, sorted)
	}
	if CompareNames("Nguyễn Thị Thuý", "nguyễn  thị thúy") != 1 || CompareNames("Lê Hoà", "Lê Hòa") != 0 {
		t.Error("CompareNames does not normalise, or ignores case")
	}
}
