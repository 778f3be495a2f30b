package gazetteer

import "testing"

func TestProvinces(t *testing.T) {
	if len(Before2025) != 63 || len(After2025) != 34 {
		t.Fatalf("%d provinces before 2025, %d after; want 63 and 34", len(Before2025), len(After2025))
	}
	for _, p := range Before2025 {
		if _, ok := load().new[Key(p.MergedInto)]; !ok {
			t.Errorf("%s merged into unknown %q", p.Name, p.MergedInto)
		}
	}
	for _, p := range After2025 {
		if len(MergedFrom(p.Name)) == 0 {
			t.Errorf("%s: no old province merged into it", p.Name)
		}
	}
	for _, tc := range []struct{ old, new string }{
		{"Bắc Kạn", "Thái Nguyên"}, {"Hà Giang", "Tuyên Quang"}, {"Long An", "Tây Ninh"},
		{"Hoà Bình", "Phú Thọ"}, {"Thừa Thiên Huế", "Huế"}, {"Bà Rịa - Vũng Tàu", "Hồ Chí Minh"},
		{"Cao Bằng", "Cao Bằng"},
	} {
		if got, ok := Successor(tc.old); !ok || got != tc.new {
			t.Errorf("Successor(%q) = %q, want %q", tc.old, got, tc.new)
		}
	}
	if got := MergedFrom("Phú Thọ"); len(got) != 3 || got[0] != "Phú Thọ" {
		t.Errorf("MergedFrom(Phú Thọ) = %v", got)
	}
}

func TestDistricts(t *testing.T) {
	if n := len(AllDistricts()); n != 705 {
		t.Errorf("%d districts, want 705", n)
	}
	if d := LookupDistrict("Chiêm Hoá"); len(d) != 1 || d[0].Province != "Tuyên Quang" || d[0].Kind != "huyện" {
		t.Errorf("Chiêm Hóa: %v", d)
	}
	if d := Districts("Bắc Kạn"); len(d) != 8 {
		t.Errorf("Bắc Kạn has %d district-level units, want 8: %v", len(d), d)
	}
	if d := LookupDistrict("Châu Thành"); len(d) < 5 {
		t.Errorf("Châu Thành is in many provinces: %v", d)
	}
	if d := LookupDistrict("Kim Bôi"); len(d) != 1 || d[0].Province != "Hòa Bình" {
		t.Errorf("Kim Bôi: %v (the province in modern spelling)", d)
	}
	for _, d := range AllDistricts() {
		if _, ok := OldProvince(d.Province); !ok {
			t.Errorf("district %s of unknown province %q", d.Name, d.Province)
		}
	}
}

func TestVocabularyHasNoDuplicates(t *testing.T) {
	for name, list := range map[string][]string{"Titles": Titles, "Bodies": Bodies, "Departments": Departments, "Surnames": Surnames, "LevelWords": LevelWords} {
		seen := map[string]bool{}
		for _, w := range list {
			if seen[w] {
				t.Errorf("%s lists %q twice", name, w)
			}
			seen[w] = true
		}
	}
}
