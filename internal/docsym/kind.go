package docsym

// System is the document system a symbol belongs to.
type System uint8

// The two document systems. The zero System means "not known".
const (
	Party System = iota + 1 // documents of Party committees and bodies: 147-KH/TU
	State                   // documents of the State: 123/QĐ-UBND, 30/2020/NĐ-CP
)

// String returns "party", "state", or "" for the zero System.
func (s System) String() string {
	switch s {
	case Party:
		return "party"
	case State:
		return "state"
	}
	return ""
}

// Kind is a kind of document: Nghị quyết, Kế hoạch, Quyết định… The zero Kind
// is Unknown: symbols of the National Assembly ("61/2014/QH13") carry no kind
// code, and the same layout serves its laws and its resolutions.
type Kind uint8

// Document kinds. The first group is the one SCHEMA.md annotates; the second
// holds the other kinds the two systems give a code to, so that their symbols
// are read as what they are instead of being mistaken for a letter's.
const (
	Unknown Kind = iota
	Resolution
	Conclusion
	Plan
	Directive
	Decision
	Regulation
	Rules
	Guideline
	Programme
	Report
	Submission
	Notice
	Letter
	Decree
	Circular
	JointCircular
	JointResolution
	Law
	Project

	Instruction // Thông tri, a Party kind
	Ordinance
	Order
	Communique
	Option
	InvestmentProject
	Minutes
	Contract
	Telegram
	Memorandum
	Agreement
	PowerOfAttorney
	Invitation
	Introduction
	LeavePermit
	DispatchSlip
	TransferSlip
	NoticeSlip

	numKinds
)

// kindInfo is one row of the kind table.
type kindInfo struct {
	vi, en string
	// schema is the kind's name in SCHEMA.md, "" for kinds it does not annotate.
	schema string
	// party and state are the codes written in the symbol, "" where the system
	// has none: a State letter (công văn) carries no code, "7328/UBND-TH".
	party, state string
	// aliases are other Vietnamese names a text uses for the kind.
	aliases []string
}

// kinds is the one table of document kinds. Sources: Hướng dẫn 36-HD/VPTW
// (2018) for the Party, Phụ lục III of Nghị định 30/2020/NĐ-CP for State
// administrative documents, the Law on legal documents for the rest.
//
// Party "QĐ": the Party writes Quyết định as QĐ, and the Central Committee also
// writes its Quy định as QĐ ("24-QĐ/TW", 2021) after a spell of "QĐi"
// ("08-QĐi/TW", 2018). A Party QĐ symbol therefore parses as Decision and
// Symbol.Kinds reports Regulation as the other reading; the citation finder
// takes the kind from the words in front ("Quy định số 24-QĐ/TW").
var kinds = [numKinds]kindInfo{
	Unknown:         {},
	Resolution:      {vi: "Nghị quyết", en: "Resolution", schema: "resolution", party: "NQ", state: "NQ"},
	Conclusion:      {vi: "Kết luận", en: "Conclusion", schema: "conclusion", party: "KL"},
	Plan:            {vi: "Kế hoạch", en: "Plan", schema: "plan", party: "KH", state: "KH"},
	Directive:       {vi: "Chỉ thị", en: "Directive", schema: "directive", party: "CT", state: "CT"},
	Decision:        {vi: "Quyết định", en: "Decision", schema: "decision", party: "QĐ", state: "QĐ"},
	Regulation:      {vi: "Quy định", en: "Regulation", schema: "regulation", party: "QĐi", state: "QyĐ"},
	Rules:           {vi: "Quy chế", en: "Rules", schema: "rules", party: "QC", state: "QC"},
	Guideline:       {vi: "Hướng dẫn", en: "Guideline", schema: "guideline", party: "HD", state: "HD"},
	Programme:       {vi: "Chương trình", en: "Programme", schema: "programme", party: "CTr", state: "CTr", aliases: []string{"Chương trình hành động"}},
	Report:          {vi: "Báo cáo", en: "Report", schema: "report", party: "BC", state: "BC"},
	Submission:      {vi: "Tờ trình", en: "Submission", schema: "submission", party: "TTr", state: "TTr"},
	Notice:          {vi: "Thông báo", en: "Notice", schema: "notice", party: "TB", state: "TB"},
	Letter:          {vi: "Công văn", en: "Letter", schema: "letter", party: "CV"},
	Decree:          {vi: "Nghị định", en: "Decree", schema: "decree", state: "NĐ"},
	Circular:        {vi: "Thông tư", en: "Circular", schema: "circular", state: "TT"},
	JointCircular:   {vi: "Thông tư liên tịch", en: "Joint circular", schema: "circular", state: "TTLT"},
	JointResolution: {vi: "Nghị quyết liên tịch", en: "Joint resolution", schema: "resolution", state: "NQLT"},
	Law:             {vi: "Luật", en: "Law", schema: "law"},
	Project:         {vi: "Đề án", en: "Project", schema: "project", party: "ĐA", state: "ĐA"},

	Instruction:       {vi: "Thông tri", en: "Instruction", party: "TT"},
	Ordinance:         {vi: "Pháp lệnh", en: "Ordinance"},
	Order:             {vi: "Lệnh", en: "Order", state: "L"},
	Communique:        {vi: "Thông cáo", en: "Communiqué", state: "TC"},
	Option:            {vi: "Phương án", en: "Option", state: "PA"},
	InvestmentProject: {vi: "Dự án", en: "Investment project", state: "DA"},
	Minutes:           {vi: "Biên bản", en: "Minutes", party: "BB", state: "BB"},
	Contract:          {vi: "Hợp đồng", en: "Contract", state: "HĐ"},
	Telegram:          {vi: "Công điện", en: "Official telegram", state: "CĐ"},
	Memorandum:        {vi: "Bản ghi nhớ", en: "Memorandum of understanding", state: "BGN"},
	Agreement:         {vi: "Bản thỏa thuận", en: "Agreement", state: "BTT"},
	PowerOfAttorney:   {vi: "Giấy ủy quyền", en: "Power of attorney", state: "GUQ"},
	Invitation:        {vi: "Giấy mời", en: "Invitation", state: "GM"},
	Introduction:      {vi: "Giấy giới thiệu", en: "Letter of introduction", state: "GGT"},
	LeavePermit:       {vi: "Giấy nghỉ phép", en: "Leave permit", state: "GNP"},
	DispatchSlip:      {vi: "Phiếu gửi", en: "Dispatch slip", state: "PG"},
	TransferSlip:      {vi: "Phiếu chuyển", en: "Transfer slip", state: "PC"},
	NoticeSlip:        {vi: "Phiếu báo", en: "Notification slip", state: "PB"},
}

// Kinds returns every known kind in table order, Unknown excluded.
func Kinds() []Kind {
	out := make([]Kind, 0, numKinds-1)
	for k := Kind(1); k < numKinds; k++ {
		out = append(out, k)
	}
	return out
}

func (k Kind) info() *kindInfo {
	if k >= numKinds {
		return &kinds[Unknown]
	}
	return &kinds[k]
}

// Code returns the code the kind has in symbols of system sys ("KH", "QĐ",
// "CTr"), or "" if that system writes it without a code or has no such kind.
func (k Kind) Code(sys System) string {
	switch sys {
	case Party:
		return k.info().party
	case State:
		return k.info().state
	}
	return ""
}

// Name returns the kind's name in lang: "en" gives English, anything else the
// Vietnamese name (Vietnamese first). Unknown has the name "".
func (k Kind) Name(lang string) string {
	if lang == "en" {
		return k.info().en
	}
	return k.info().vi
}

// Schema returns the kind's name in the SCHEMA.md annotations ("plan",
// "resolution"…), or "" for kinds the annotations do not use.
func (k Kind) Schema() string { return k.info().schema }

// String returns the Vietnamese name, or "Kind(n)" for values outside the table.
func (k Kind) String() string {
	if k >= numKinds {
		return "Kind(" + itoa(int(k)) + ")"
	}
	return k.info().vi
}

// In reports whether symbols of system sys can carry kind k: it has a code
// there, or it is the State letter, which the State writes without one.
func (k Kind) In(sys System) bool {
	return k.Code(sys) != "" || (sys == State && k == Letter)
}

// KindBySchema returns the kind whose SCHEMA.md name is name. Two kinds share
// "circular" and "resolution"; the general one (Circular, Resolution) is returned.
func KindBySchema(name string) (Kind, bool) {
	if name == "" {
		return Unknown, false
	}
	for k := Kind(1); k < numKinds; k++ {
		if kinds[k].schema == name {
			return k, true
		}
	}
	return Unknown, false
}

// LookupCode returns the kind written code in system sys. Letter case does not
// matter, "Ð" (U+00D0) counts as "Đ", and a plain "D" stands for "Đ" where
// that reading is the only one ("QD" is QĐ; State "DA" stays Dự án).
func LookupCode(sys System, code string) (Kind, bool) {
	var buf [maxCode]byte
	key, ok := foldKey(buf[:0], code)
	if !ok {
		return Unknown, false
	}
	return lookupKey(sys, key)
}

func lookupKey(sys System, key []byte) (Kind, bool) {
	switch sys {
	case Party:
		return partyCodes.get(key)
	case State:
		return stateCodes.get(key)
	}
	return Unknown, false
}

// maxCode bounds the length in bytes of a code or issuer segment; the longest
// real ones ("BVHTTDL", "UBTVQH", "VKSNDTC") are far below it.
const maxCode = 24

// partyCodes and stateCodes map folded codes (see foldKey) to kinds, with the
// plain-D spellings added where they are unambiguous.
var partyCodes, stateCodes = codeMaps()

func codeMaps() (party, state *codeTable[Kind]) {
	party, state = new(codeTable[Kind]), new(codeTable[Kind])
	codes := func(sys System) []string {
		var out []string
		for k := Kind(1); k < numKinds; k++ {
			if c := k.Code(sys); c != "" {
				out = append(out, c)
			}
		}
		return out
	}
	add := func(t *codeTable[Kind], sys System) {
		for k := Kind(1); k < numKinds; k++ {
			if c := k.Code(sys); c != "" {
				t.put(mustFold(c), k)
			}
		}
		for alias, canon := range plainDAliases(codes(sys)) {
			k, _ := t.get(mustFold(canon))
			t.put([]byte(alias), k)
		}
	}
	add(party, Party)
	add(state, State)
	return party, state
}

func mustFold(s string) []byte {
	key, ok := foldKey(nil, s)
	if !ok {
		panic("docsym: table code " + s + " is not a code")
	}
	return key
}

// plainDAliases maps the folded plain-D spelling of each code containing Đ to
// the code, leaving out spellings that are another code or shared by two codes.
func plainDAliases(codes []string) map[string]string {
	taken := map[string]bool{}
	for _, c := range codes {
		taken[string(mustFold(c))] = true
	}
	out := map[string]string{}
	ambiguous := map[string]bool{}
	for _, c := range codes {
		plain := plainD(mustFold(c))
		if plain == string(mustFold(c)) {
			continue
		}
		if taken[plain] || ambiguous[plain] {
			continue
		}
		if _, dup := out[plain]; dup {
			delete(out, plain)
			ambiguous[plain] = true
			continue
		}
		out[plain] = c
	}
	return out
}

// plainD replaces Đ by D in a folded key.
func plainD(key []byte) string {
	out := make([]byte, 0, len(key))
	for i := 0; i < len(key); i++ {
		if key[i] == 0xC4 && i+1 < len(key) && key[i+1] == 0x90 {
			out = append(out, 'D')
			i++
			continue
		}
		out = append(out, key[i])
	}
	return string(out)
}

// itoa formats a small non-negative integer without fmt, for String methods on hot paths.
func itoa(n int) string {
	var b [20]byte
	return string(appendInt(b[:0], n, 1))
}

// appendInt appends n in decimal, zero-padded to at least width digits.
func appendInt(b []byte, n, width int) []byte {
	var d [20]byte
	i := len(d)
	for n > 0 || i == len(d) {
		i--
		d[i] = byte('0' + n%10)
		n /= 10
	}
	for len(d)-i < width {
		i--
		d[i] = '0'
	}
	return append(b, d[i:]...)
}
