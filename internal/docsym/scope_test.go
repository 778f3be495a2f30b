package docsym

import (
	"strings"
	"testing"

	"plenum/internal/date"
)

func TestScopeKey(t *testing.T) {
	terms := []Term{
		{Start: date.MustParse("2015-10-15"), End: date.MustParse("2020-10-16"), FirstYear: 2015, LastYear: 2020},
		{Start: date.MustParse("2020-10-17"), FirstYear: 2020, LastYear: 2025},
	}
	tests := []struct {
		symbol string
		day    string
		want   string
	}{
		{"147-KH/TU", "2022-01-14", "TU:KH:term:2020-2025"},
		{"147-KH/TU", "2020-10-16", "TU:KH:term:2015-2020"}, // the congress's closing day is the old term's last
		{"147-KH/TU", "2020-10-17", "TU:KH:term:2020-2025"},
		{"01-HD/BTGTU", "2021-03-01", "BTGTU:HD:term:2020-2025"},
		{"45-CV/TU", "2021-03-01", "TU:CV:term:2020-2025"},
		{"123/QĐ-UBND", "2022-05-01", "UBND:year:2022"},
		{"7328/UBND-TH", "2022-05-01", "UBND:year:2022"},
		{"12/2021/NQ-HĐND", "2021-12-10", "HĐND:NQ:legal:year:2021"},
		{"30/2020/NĐ-CP", "2020-03-05", "CP:NĐ:legal:year:2020"},
	}
	for _, tt := range tests {
		s, err := Parse(tt.symbol)
		if err != nil {
			t.Fatal(err)
		}
		got, err := DefaultRule(s).Key(s, date.MustParse(tt.day), terms)
		if err != nil || got != tt.want {
			t.Errorf("Key(%s, %s) = %q, %v; want %q", tt.symbol, tt.day, got, err, tt.want)
		}
	}
}

func TestScopeKeyErrors(t *testing.T) {
	plan, _ := Parse("147-KH/TU")
	legal, _ := Parse("12/2021/NQ-HĐND")
	overlap := []Term{
		{Start: date.MustParse("2015-01-01"), End: date.MustParse("2021-01-01"), FirstYear: 2015, LastYear: 2020},
		{Start: date.MustParse("2020-10-17"), FirstYear: 2020, LastYear: 2025},
	}
	tests := []struct {
		name string
		rule ScopeRule
		s    Symbol
		day  string
		want string
	}{
		{"no term", DefaultRule(plan), plan, "2010-01-01", "no term of office contains 2010-01-01"},
		{"overlap", DefaultRule(plan), plan, "2020-12-01", "both contain"},
		{"year mismatch", DefaultRule(legal), legal, "2022-01-03", "is not the year of issue"},
		{"no issuer", DefaultRule(plan), Symbol{Kind: Plan, System: Party}, "2022-01-03", "needs the issuer"},
		{"no period", ScopeRule{}, plan, "2022-01-03", "no period"},
		{"kind without code", ScopeRule{Period: PerYear, PerKind: true}, Symbol{Kind: Decree, Issuer: "TU", System: Party}, "2022-01-03", "has no code"},
	}
	for _, tt := range tests {
		_, err := tt.rule.Key(tt.s, date.MustParse(tt.day), overlap)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}
