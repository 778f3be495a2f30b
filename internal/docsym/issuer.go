package docsym

// issuerInfo is one row of the issuer table.
type issuerInfo struct {
	code string
	sys  System
	// committee marks the Party committees whose advisory bodies write their
	// own code in front of the committee's: BTG+TU = Ban Tuyên giáo Tỉnh ủy.
	committee bool
	// term marks State issuers that number their symbols by legislature: QH13.
	term bool
	// bodies are the names running text gives the issuer ("của Bộ Chính trị").
	bodies []string
}

// issuers lists the issuers the package knows by name. Any other issuer code
// made of letters is accepted as written (upper-cased): there are hundreds of
// ministries, departments and Party bodies. The table gives mixed-case codes
// their canonical form (TTg, ThU), lets a plain "D" stand for "Đ" (HDND), tells
// a Party symbol written in the State layout ("09/NQ-TU") and back, and maps
// the names of issuing bodies in text to codes.
var issuers = []issuerInfo{
	{code: "TW", sys: Party, committee: true, bodies: []string{
		"Ban Chấp hành Trung ương", "BCH Trung ương", "Bộ Chính trị", "Ban Bí thư", "Trung ương Đảng", "Trung ương"}},
	{code: "TU", sys: Party, committee: true, bodies: []string{
		"Tỉnh ủy", "Đảng bộ tỉnh", "Tỉnh đảng bộ"}},
	{code: "HU", sys: Party, committee: true, bodies: []string{"Huyện ủy", "Đảng bộ huyện"}},
	{code: "QU", sys: Party, committee: true, bodies: []string{"Quận ủy"}},
	{code: "ThU", sys: Party, committee: true, bodies: []string{"Thị ủy"}},
	{code: "ĐU", sys: Party, committee: true, bodies: []string{"Đảng ủy"}},
	{code: "ĐUK", sys: Party, bodies: []string{"Đảng ủy Khối"}},
	{code: "BCSĐ", sys: Party, bodies: []string{"Ban cán sự đảng"}},
	{code: "ĐĐ", sys: Party, bodies: []string{"Đảng đoàn"}},

	{code: "CP", sys: State, bodies: []string{"Chính phủ"}},
	{code: "TTg", sys: State, bodies: []string{"Thủ tướng Chính phủ", "Thủ tướng"}},
	{code: "QH", sys: State, term: true, bodies: []string{"Quốc hội"}},
	{code: "UBTVQH", sys: State, term: true, bodies: []string{"Ủy ban Thường vụ Quốc hội", "UBTVQH"}},
	{code: "CTN", sys: State, bodies: []string{"Chủ tịch nước"}},
	{code: "HĐND", sys: State, bodies: []string{"Hội đồng nhân dân", "HĐND"}},
	{code: "UBND", sys: State, bodies: []string{"Ủy ban nhân dân", "UBND"}},
	{code: "VPCP", sys: State, bodies: []string{"Văn phòng Chính phủ"}},
	{code: "TANDTC", sys: State},
	{code: "VKSNDTC", sys: State},
	{code: "KTNN", sys: State},
	{code: "NHNN", sys: State},
	{code: "BCA", sys: State},
	{code: "BCT", sys: State},
	{code: "BGDĐT", sys: State},
	{code: "BGTVT", sys: State},
	{code: "BKHCN", sys: State},
	{code: "BKHĐT", sys: State},
	{code: "BLĐTBXH", sys: State},
	{code: "BNG", sys: State},
	{code: "BNNPTNT", sys: State},
	{code: "BNV", sys: State},
	{code: "BQP", sys: State},
	{code: "BTC", sys: State},
	{code: "BTNMT", sys: State},
	{code: "BTP", sys: State},
	{code: "BTTTT", sys: State},
	{code: "BVHTTDL", sys: State},
	{code: "BXD", sys: State},
	{code: "BYT", sys: State},
	{code: "TTCP", sys: State},
	{code: "UBDT", sys: State},
}

// issuerByKey maps folded issuer codes, and their unambiguous plain-D
// spellings, to rows of issuers.
var issuerByKey = func() *codeTable[*issuerInfo] {
	t := new(codeTable[*issuerInfo])
	codes := make([]string, len(issuers))
	for i := range issuers {
		t.put(mustFold(issuers[i].code), &issuers[i])
		codes[i] = issuers[i].code
	}
	for alias, canon := range plainDAliases(codes) {
		info, _ := t.get(mustFold(canon))
		t.put([]byte(alias), info)
	}
	return t
}()

func lookupIssuer(key []byte) *issuerInfo {
	info, _ := issuerByKey.get(key)
	return info
}

// committeeSuffixes are the Party committee codes that can end a longer
// issuer code, longest first. "ThU" only counts when written with a small "h":
// in upper case "UBKTTHU" is Ủy ban Kiểm tra Huyện ủy (UBKT+HU), the far more
// common reading, not UBKT+ThU.
var committeeSuffixes = func() []*issuerInfo {
	var out []*issuerInfo
	for i := range issuers {
		if issuers[i].committee {
			out = append(out, &issuers[i])
		}
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j].code) > len(out[j-1].code); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}()
