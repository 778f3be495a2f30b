package docsym

import (
	"errors"
	"strings"
	"testing"
)

func TestParseValid(t *testing.T) {
	tests := []struct {
		in   string
		want Symbol
		text string
	}{
		{"147-KH/TU", Symbol{Number: 147, Kind: Plan, Issuer: "TU", System: Party}, "147-KH/TU"},
		{"13-NQ/TW", Symbol{Number: 13, Kind: Resolution, Issuer: "TW", System: Party}, "13-NQ/TW"},
		{"09-CTr/TU", Symbol{Number: 9, Kind: Programme, Issuer: "TU", System: Party}, "09-CTr/TU"},
		{"04-ĐA/TU", Symbol{Number: 4, Kind: Project, Issuer: "TU", System: Party}, "04-ĐA/TU"},
		{"35-CT/TW", Symbol{Number: 35, Kind: Directive, Issuer: "TW", System: Party}, "35-CT/TW"},
		{"37-QĐ/TW", Symbol{Number: 37, Kind: Decision, Issuer: "TW", System: Party}, "37-QĐ/TW"},
		{"08-QĐi/TW", Symbol{Number: 8, Kind: Regulation, Issuer: "TW", System: Party}, "08-QĐi/TW"},
		{"527-KH/ĐU", Symbol{Number: 527, Kind: Plan, Issuer: "ĐU", System: Party}, "527-KH/ĐU"},
		{"12-TB/HU", Symbol{Number: 12, Kind: Notice, Issuer: "HU", System: Party}, "12-TB/HU"},
		{"21-KL/TW", Symbol{Number: 21, Kind: Conclusion, Issuer: "TW", System: Party}, "21-KL/TW"},
		{"01-HD/BTGTU", Symbol{Number: 1, Kind: Guideline, Issuer: "TU", Unit: "BTG", System: Party}, "01-HD/BTGTU"},
		{"45-CV/BTCTU", Symbol{Number: 45, Kind: Letter, Issuer: "TU", Unit: "BTC", System: Party}, "45-CV/BTCTU"},
		{"36-HD/VPTW", Symbol{Number: 36, Kind: Guideline, Issuer: "TW", Unit: "VP", System: Party}, "36-HD/VPTW"},
		{"03-KH/UBKTHU", Symbol{Number: 3, Kind: Plan, Issuer: "HU", Unit: "UBKT", System: Party}, "03-KH/UBKTHU"},
		{"15-NQ/ThU", Symbol{Number: 15, Kind: Resolution, Issuer: "ThU", System: Party}, "15-NQ/ThU"},
		{"15-NQ/THU", Symbol{Number: 15, Kind: Resolution, Issuer: "ThU", System: Party}, "15-NQ/ThU"},
		{"02-BC/BTGThU", Symbol{Number: 2, Kind: Report, Issuer: "ThU", Unit: "BTG", System: Party}, "02-BC/BTGThU"},
		{"10-NQ/ĐUK", Symbol{Number: 10, Kind: Resolution, Issuer: "ĐUK", System: Party}, "10-NQ/ĐUK"},
		{"06-TTr/XYZ", Symbol{Number: 6, Kind: Submission, Issuer: "XYZ", System: Party}, "06-TTr/XYZ"},
		{"05-TT/TW", Symbol{Number: 5, Kind: Instruction, Issuer: "TW", System: Party}, "05-TT/TW"},

		{"12/2021/NQ-HĐND", Symbol{Number: 12, Year: 2021, Kind: Resolution, Issuer: "HĐND", System: State}, "12/2021/NQ-HĐND"},
		{"123/QĐ-UBND", Symbol{Number: 123, Kind: Decision, Issuer: "UBND", System: State}, "123/QĐ-UBND"},
		{"30/2020/NĐ-CP", Symbol{Number: 30, Year: 2020, Kind: Decree, Issuer: "CP", System: State}, "30/2020/NĐ-CP"},
		{"128/NQ-CP", Symbol{Number: 128, Kind: Resolution, Issuer: "CP", System: State}, "128/NQ-CP"},
		{"7328/UBND-TH", Symbol{Number: 7328, Kind: Letter, Issuer: "UBND", Unit: "TH", System: State}, "7328/UBND-TH"},
		{"05/2019/TT-BGDĐT", Symbol{Number: 5, Year: 2019, Kind: Circular, Issuer: "BGDĐT", System: State}, "05/2019/TT-BGDĐT"},
		{"15/CT-TTg", Symbol{Number: 15, Kind: Directive, Issuer: "TTg", System: State}, "15/CT-TTg"},
		{"1234/QĐ-TTg", Symbol{Number: 1234, Kind: Decision, Issuer: "TTg", System: State}, "1234/QĐ-TTg"},
		{"61/2014/QH13", Symbol{Number: 61, Year: 2014, Issuer: "QH", Term: 13, System: State}, "61/2014/QH13"},
		{"02/2022/UBTVQH15", Symbol{Number: 2, Year: 2022, Issuer: "UBTVQH", Term: 15, System: State}, "02/2022/UBTVQH15"},
		{"01/2016/TTLT-BTC-BKHĐT", Symbol{Number: 1, Year: 2016, Kind: JointCircular, Issuer: "BTC-BKHĐT", System: State}, "01/2016/TTLT-BTC-BKHĐT"},
		{"45/QĐ-SYT-TCCB", Symbol{Number: 45, Kind: Decision, Issuer: "SYT", Unit: "TCCB", System: State}, "45/QĐ-SYT-TCCB"},
		{"15/CĐ-TTg", Symbol{Number: 15, Kind: Telegram, Issuer: "TTg", System: State}, "15/CĐ-TTg"},
		{"88/GM-UBND", Symbol{Number: 88, Kind: Invitation, Issuer: "UBND", System: State}, "88/GM-UBND"},
		{"3/QyĐ-UBND", Symbol{Number: 3, Kind: Regulation, Issuer: "UBND", System: State}, "03/QyĐ-UBND"},
		{"05/2014/L-CTN", Symbol{Number: 5, Year: 2014, Kind: Order, Issuer: "CTN", System: State}, "05/2014/L-CTN"},
		{"1234/BTC-NSNN", Symbol{Number: 1234, Kind: Letter, Issuer: "BTC", Unit: "NSNN", System: State}, "1234/BTC-NSNN"},
		{"456/UBND", Symbol{Number: 456, Kind: Letter, Issuer: "UBND", System: State}, "456/UBND"},
		{"12/DA-UBND", Symbol{Number: 12, Kind: InvestmentProject, Issuer: "UBND", System: State}, "12/DA-UBND"},
		{"12/ĐA-UBND", Symbol{Number: 12, Kind: Project, Issuer: "UBND", System: State}, "12/ĐA-UBND"},

		// Variants that normalise.
		{" 147 - KH / TU ", Symbol{Number: 147, Kind: Plan, Issuer: "TU", System: Party}, "147-KH/TU"},
		{"147\u00a0-\u00a0KH/TU", Symbol{Number: 147, Kind: Plan, Issuer: "TU", System: Party}, "147-KH/TU"},
		{"147\u2013KH/TU", Symbol{Number: 147, Kind: Plan, Issuer: "TU", System: Party}, "147-KH/TU"},
		{"147-kh/tu", Symbol{Number: 147, Kind: Plan, Issuer: "TU", System: Party}, "147-KH/TU"},
		{"9-ctr/tu", Symbol{Number: 9, Kind: Programme, Issuer: "TU", System: Party}, "09-CTr/TU"},
		{"009-CTr/TU", Symbol{Number: 9, Kind: Programme, Issuer: "TU", System: Party}, "09-CTr/TU"},
		{"37-Q\u00d0/TW", Symbol{Number: 37, Kind: Decision, Issuer: "TW", System: Party}, "37-QĐ/TW"},
		{"37-qđ/tw", Symbol{Number: 37, Kind: Decision, Issuer: "TW", System: Party}, "37-QĐ/TW"},
		{"37-QD/TW", Symbol{Number: 37, Kind: Decision, Issuer: "TW", System: Party}, "37-QĐ/TW"},
		{"05-NQ/DU", Symbol{Number: 5, Kind: Resolution, Issuer: "ĐU", System: Party}, "05-NQ/ĐU"},
		{"05-nq/btgdu", Symbol{Number: 5, Kind: Resolution, Issuer: "ĐU", Unit: "BTG", System: Party}, "05-NQ/BTGĐU"},
		{"12/2021/nq-hdnd", Symbol{Number: 12, Year: 2021, Kind: Resolution, Issuer: "HĐND", System: State}, "12/2021/NQ-HĐND"},
		{"30/2020/ND-CP", Symbol{Number: 30, Year: 2020, Kind: Decree, Issuer: "CP", System: State}, "30/2020/NĐ-CP"},
		{"15/ct-ttg", Symbol{Number: 15, Kind: Directive, Issuer: "TTg", System: State}, "15/CT-TTg"},
		{"12 / 2021 / NQ - HĐND", Symbol{Number: 12, Year: 2021, Kind: Resolution, Issuer: "HĐND", System: State}, "12/2021/NQ-HĐND"},
		{"7328/ubnd-th", Symbol{Number: 7328, Kind: Letter, Issuer: "UBND", Unit: "TH", System: State}, "7328/UBND-TH"},
		{"1/2016/ttlt-btc-bkhdt", Symbol{Number: 1, Year: 2016, Kind: JointCircular, Issuer: "BTC-BKHĐT", System: State}, "01/2016/TTLT-BTC-BKHĐT"},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q) error: %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("Parse(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
		if s := got.String(); s != tt.text {
			t.Errorf("Parse(%q).String() = %q, want %q", tt.in, s, tt.text)
		}
		if err := got.Validate(); err != nil {
			t.Errorf("Parse(%q).Validate() = %v", tt.in, err)
		}
		back, err := Parse(got.String())
		if err != nil || back != got {
			t.Errorf("Parse(String()) of %q = %+v, %v; want %+v", tt.in, back, err, got)
		}
	}
}

func TestParseInvalid(t *testing.T) {
	tests := []struct {
		in      string
		offset  int
		want    string // part of the message
		suggest string
	}{
		{"", 0, "expected the document number, found the end of the symbol", ""},
		{"KH/TU", 0, `expected the document number, found "KH"`, ""},
		{"0-KH/TU", 0, "a document number from 1 to 9999999", ""},
		{"12345678-KH/TU", 0, "a document number from 1", ""},
		{"147", 3, `expected "-" (Party, as in 147-KH/TU) or "/" (State, as in 123/QĐ-UBND) after the number, found the end`, ""},
		{"147 KH/TU", 4, `or "/" (State`, ""},
		{"147-X/TU", 4, `expected a Party kind code such as KH, NQ or QĐ, found "X"`, ""},
		{"147-/TU", 4, `expected a kind code such as KH, NQ or QĐ after "-", found "/"`, ""},
		{"30-NĐ/CP", 3, "NĐ is a State code", ""},
		{"147-KH", 6, `expected "/" after the kind code, found the end`, ""},
		{"147-KH/", 7, "the issuer, such as TU, TW or HU", ""},
		{"147-KH/TU/2022", 9, "the end of the symbol after the issuer", ""},
		{"147-KH/T U", 9, "the end of the symbol after the issuer", ""},
		{"147-KH/TƯ", 8, `found "Ư"`, ""},
		{"09/NQ-TU", 2, `"-" after the number (TU is a Party issuer`, "09-NQ/TU"},
		{"147/KH-TU", 3, `TU is a Party issuer`, "147-KH/TU"},
		{"123-QĐ/UBND", 3, `"/" after the number (UBND is a State issuer`, "123/QĐ-UBND"},
		{"123-KL/UBND", 7, `a Party issuer such as TU`, ""},
		{"45/TU", 2, `its letters are written 45-CV/TU`, "45-CV/TU"},
		{"12/21/NQ-HĐND", 3, "a four-digit year or a kind code", ""},
		{"12/1900/NQ-HĐND", 3, "a year from 1945 to 2100", ""},
		{"12/2021/HĐND", 8, "a kind code such as NQ, NĐ or QĐ after the year", ""},
		{"61/2014/QH", 10, "the legislature after QH", ""},
		{"61/2014/QH0", 10, "a legislature number from 1 to 99", ""},
		{"12/2021-NQ-HĐND", 7, `"/" after the year`, ""},
		{"123/QĐ", 7, `"-" and the issuer after the kind code QĐ`, ""},
		{"123/QĐ-", 8, `an issuer or unit code after "-"`, ""},
		{"123/QĐ-UBND13", 12, `"-" or the end of the symbol`, ""},
		{"123/QĐ-UBND/2021", 12, `"-" or the end of the symbol`, ""},
		{"123/KL-UBND", 4, "KL is a Party kind code", ""},
		{"123/QĐ-TU-VP", 8, "a State issuer such as UBND or CP (TU is a Party issuer)", ""},
		{"1/A-B-C-D-E-F-G", 13, "at most 6 codes", ""},
		{"147-KH/TU\u0301", 9, "the end of the symbol", ""},
	}
	for _, tt := range tests {
		_, err := Parse(tt.in)
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Parse(%q) error = %v, want a *SyntaxError", tt.in, err)
			continue
		}
		if se.Offset != tt.offset || !strings.Contains(se.Error(), tt.want) || se.Suggest != tt.suggest {
			t.Errorf("Parse(%q) = %q (offset %d, suggest %q), want offset %d, suggest %q, containing %q",
				tt.in, se.Error(), se.Offset, se.Suggest, tt.offset, tt.suggest, tt.want)
		}
		if !strings.HasPrefix(se.Error(), "docsym: at byte ") {
			t.Errorf("Parse(%q) error %q lacks the position prefix", tt.in, se.Error())
		}
	}
}

func TestErrorMessageShape(t *testing.T) {
	_, err := Parse("147-X/TU")
	want := `docsym: at byte 4: expected a Party kind code such as KH, NQ or QĐ, found "X"`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}

func TestParseLenientAcceptsLayoutSlips(t *testing.T) {
	tests := []struct{ in, want string }{
		{"09/NQ-TU", "09-NQ/TU"},
		{"147/KH-TU", "147-KH/TU"},
		{"123-QĐ/UBND", "123/QĐ-UBND"},
		{"45/TU", "45-CV/TU"},
		{"147-KH/TU", "147-KH/TU"},
	}
	for _, tt := range tests {
		got, err := ParseLenient(tt.in)
		if err != nil || got.String() != tt.want {
			t.Errorf("ParseLenient(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}

func TestNFDInputIsTheSame(t *testing.T) {
	// "Đ" has no canonical decomposition, so an NFD form of a symbol is the
	// NFC form; a combining mark after a letter is refused, not dropped.
	if _, err := Parse("37-QĐ/TW"); err != nil {
		t.Fatal(err)
	}
	if _, err := Parse("37-QD\u0335/TW"); err == nil {
		t.Error("a D with a combining stroke was accepted")
	}
}

func TestKinds(t *testing.T) {
	s, _ := Parse("24-QĐ/TW")
	if got := s.Kinds(); len(got) != 2 || got[0] != Decision || got[1] != Regulation {
		t.Errorf("Kinds() of Party QĐ = %v", got)
	}
	s, _ = Parse("123/QĐ-UBND")
	if got := s.Kinds(); len(got) != 1 || got[0] != Decision {
		t.Errorf("Kinds() of State QĐ = %v", got)
	}
}

func TestValidate(t *testing.T) {
	bad := []Symbol{
		{},
		{Number: 1, Kind: Plan, System: Party},
		{Number: 1, Kind: Decree, Issuer: "TU", System: Party},
		{Number: 1, Kind: Plan, Issuer: "TU"},
		{Number: 1, Year: 2020, Kind: Plan, Issuer: "TU", System: Party},
		{Number: 1, Kind: Plan, Issuer: "tu", System: Party},
		{Number: 1, Kind: Plan, Issuer: "UBND", System: Party},
		{Number: 1, Issuer: "QH", System: State},
		{Number: 10_000_000, Kind: Plan, Issuer: "TU", System: Party},
	}
	for _, s := range bad {
		if err := s.Validate(); err == nil {
			t.Errorf("Validate(%+v) = nil, want an error", s)
		}
	}
}

func TestTextMarshalling(t *testing.T) {
	var s Symbol
	if err := s.UnmarshalText([]byte("147-kh/tu")); err != nil {
		t.Fatal(err)
	}
	b, err := s.MarshalText()
	if err != nil || string(b) != "147-KH/TU" {
		t.Errorf("MarshalText = %q, %v", b, err)
	}
}

func TestKindTable(t *testing.T) {
	schema := map[string]bool{}
	for _, k := range Kinds() {
		if k.Name("vi") == "" || k.Name("en") == "" {
			t.Errorf("kind %d has no name", k)
		}
		if k.Schema() != "" {
			schema[k.Schema()] = true
		}
		for _, sys := range []System{Party, State} {
			if c := k.Code(sys); c != "" {
				if got, ok := LookupCode(sys, c); !ok || got != k {
					t.Errorf("LookupCode(%v, %q) = %v, %v; want %v", sys, c, got, ok, k)
				}
			}
		}
	}
	for _, name := range []string{"plan", "resolution", "decree", "conclusion", "directive", "decision",
		"regulation", "rules", "guideline", "programme", "report", "submission", "notice", "letter",
		"circular", "law", "project"} {
		if !schema[name] {
			t.Errorf("no kind has the SCHEMA.md name %q", name)
		}
		if _, ok := KindBySchema(name); !ok {
			t.Errorf("KindBySchema(%q) found nothing", name)
		}
	}
	if k, ok := LookupCode(State, "HD"); !ok || k != Guideline {
		t.Errorf("State HD = %v, want Guideline (HĐ is Hợp đồng)", k)
	}
	if k, ok := LookupCode(State, "DA"); !ok || k != InvestmentProject {
		t.Errorf("State DA = %v, want InvestmentProject", k)
	}
	if k, ok := LookupCode(Party, "DA"); !ok || k != Project {
		t.Errorf("Party DA = %v, want Project", k)
	}
	for _, c := range committeeSuffixes {
		// committeeCut compares the folded issuer with the code itself.
		if c.code != "ThU" && string(mustFold(c.code)) != c.code {
			t.Errorf("committee code %q is not in folded form", c.code)
		}
	}
	if Plan.Name("vi") != "Kế hoạch" || Plan.Name("en") != "Plan" || Plan.Code(Party) != "KH" {
		t.Error("Plan row is wrong")
	}
}
