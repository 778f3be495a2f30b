package vn

import "testing"

func TestParseNumberWords(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"không", 0},
		{"một", 1},
		{"năm", 5},
		{"bảy", 7},
		{"bẩy", 7},
		{"mười", 10},
		{"mười một", 11},
		{"mười bốn", 14},
		{"mười tư", 14},
		{"mười lăm", 15},
		{"hai mươi", 20},
		{"hai mươi mốt", 21},
		{"hai mươi một", 21},
		{"hai mươi tư", 24},
		{"hai mươi bốn", 24},
		{"hai mươi lăm", 25},
		{"hai mươi nhăm", 25},
		{"ba chục", 30},
		{"một chục", 10},
		{"chín mươi chín", 99},
		{"một trăm", 100},
		{"một trăm linh năm", 105},
		{"một trăm lẻ năm", 105},
		{"một trăm linh tư", 104},
		{"một trăm mười", 110},
		{"hai trăm năm mươi", 250},
		{"chín trăm chín mươi chín", 999},
		{"một nghìn", 1000},
		{"một ngàn", 1000},
		{"một nghìn không trăm linh năm", 1005},
		{"hai nghìn không trăm hai mươi", 2020},
		{"hai nghìn hai mươi", 2020},
		{"hai nghìn linh một", 2001},
		{"mười nghìn", 10000},
		{"một trăm hai mươi nghìn", 120000},
		{"một triệu", 1000000},
		{"hai triệu ba trăm nghìn", 2300000},
		{"một triệu không trăm linh năm", 1000005},
		{"một tỷ", 1000000000},
		{"hai tỉ", 2000000000},
		{"chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín", MaxNumberWords},
		{"Hai Mươi Mốt", 21},
		{"  hai\u00a0mươi   mốt ", 21},
		{"HAI MƯƠI LĂM", 25},
	}
	for _, tt := range tests {
		got, err := ParseNumberWords(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseNumberWords(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
}

func TestParseNumberWordsErrors(t *testing.T) {
	tests := []struct{ in, message string }{
		{"", `vn: at byte 0: expected a number in words, found end of text`},
		{"mười năm", `vn: at byte 8: expected "lăm" for 5 after "mười", found "năm"`},
		{"mười mốt", `vn: at byte 8: expected "một" for 1 after "mười", found "mốt"`},
		{"hai mươi năm", `vn: at byte 11: expected "lăm" or "nhăm" for 5 after "mươi", found "năm"`},
		{"một trăm hai", `vn: at byte 12: expected "linh" or "lẻ" before a single digit after "trăm", found "hai"`},
		{"hai nghìn năm", `vn: at byte 11: expected "linh" or "lẻ" before a single digit after "nghìn", found "năm"`},
		{"một trăm linh", `vn: at byte 16: expected a digit word 1-9 after "linh", found end of text`},
		{"một trăm lẻ mười", `vn: at byte 17: expected a digit word 1-9 after "lẻ", found "mười"`},
		{"không trăm năm mươi", `vn: at byte 0: expected a digit word 1-9 before "trăm", found "không"`},
		{"không nghìn", `vn: at byte 0: expected a digit word 1-9 before "nghìn", found "không"`},
		{"hai nghìn ba trăm triệu", `vn: at byte 20: expected a scale word smaller than "nghìn", found "triệu"`},
		{"nghìn", `vn: at byte 0: expected a number in words, found "nghìn"`},
		{"lẻ năm", `vn: at byte 0: expected a number in words, found "lẻ"`},
		{"tư", `vn: at byte 0: expected a number in words, found "tư"`},
		{"hai mươi mốt người", `vn: at byte 17: expected the end of the number, found "người"`},
		{"21", `vn: at byte 0: expected a number in words, found "21"`},
		{"hai-mươi", `vn: at byte 3: expected the end of the number, found "-"`},
		{"một mươi", `vn: at byte 6: expected the end of the number, found "mươi"`},
	}
	for _, tt := range tests {
		n, err := ParseNumberWords(tt.in)
		if err == nil || err.Error() != tt.message {
			t.Errorf("ParseNumberWords(%q) = %d, %v; want error %s", tt.in, n, err, tt.message)
		}
	}
}

func TestFormatNumberWords(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{0, "không"},
		{5, "năm"},
		{10, "mười"},
		{11, "mười một"},
		{14, "mười bốn"},
		{15, "mười lăm"},
		{20, "hai mươi"},
		{21, "hai mươi mốt"},
		{24, "hai mươi tư"},
		{25, "hai mươi lăm"},
		{100, "một trăm"},
		{105, "một trăm linh năm"},
		{110, "một trăm mười"},
		{1005, "một nghìn không trăm linh năm"},
		{2020, "hai nghìn không trăm hai mươi"},
		{1000000, "một triệu"},
		{1000005, "một triệu không trăm linh năm"},
		{3042000, "ba triệu không trăm bốn mươi hai nghìn"},
		{1000000000, "một tỷ"},
		{1000000000000, "một nghìn tỷ"},
		{-21, "âm hai mươi mốt"},
	}
	for _, tt := range tests {
		if got := FormatNumberWords(tt.n); got != tt.want {
			t.Errorf("FormatNumberWords(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
	_ = FormatNumberWords(-1 << 63) // must not panic
}

func TestNumberWordsRoundTrip(t *testing.T) {
	check := func(n int) {
		s := FormatNumberWords(n)
		if back, err := ParseNumberWords(s); err != nil || back != n {
			t.Fatalf("ParseNumberWords(FormatNumberWords(%d) = %q) = %d, %v", n, s, back, err)
		}
	}
	for n := 0; n <= 20000; n++ {
		check(n)
	}
	for n := 20000; n <= MaxNumberWords; n = n*7/5 + 13 {
		check(n)
		check(n - n%1000)
		check(n - n%1000000 + 5)
	}
	check(MaxNumberWords)
}
