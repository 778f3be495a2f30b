package docsym

// What Parse accepts, beyond the canonical form:
//
//   - spaces (also no-break and thin spaces) around "-" and "/": "147 - KH / TU";
//   - any letter case: "147-kh/tu", "15/ct-ttg";
//   - "Ð" (U+00D0, eth) and "ð" for "Đ", which some fonts and keyboards produce;
//   - a plain "D" for "Đ" in a code the tables know and where that reading is
//     the only one: "30/2020/ND-CP", "12/2021/NQ-HDND", "05-NQ/DU";
//   - the hyphen variants U+2010, U+2011 and the en dash U+2013 for "-";
//   - leading zeros in the number: "009-CTr/TU" is 09-CTr/TU.
//
// NFD input needs nothing: symbols hold no letter that decomposes (Đ has no
// decomposition); a combining mark is refused like any other stray character.
//
// What it refuses, with a SyntaxError naming the byte and what was expected:
// a Party symbol in the State layout ("09/NQ-TU": TU is a Party committee) or
// the reverse ("123-QĐ/UBND"), with the canonical form in Suggest; codes it
// does not know in the place of a kind code; a year outside 1945–2100 or not
// of four digits; anything after the symbol. The citation finder, which reads
// what portals publish, accepts the two layout slips (see FindCitations).

const (
	maxNumber   = 9_999_999
	minYear     = 1945 // the State's documents begin with the Democratic Republic
	maxYear     = 2100
	maxSegments = 6
)

// Parse reads a document symbol: "147-KH/TU", "12/2021/NQ-HĐND",
// "7328/UBND-TH". The error is a *SyntaxError.
func Parse(s string) (Symbol, error) { return parse(s, false) }

// ParseLenient is Parse that also accepts a symbol written in the layout of
// the other system when its issuer says which system it belongs to: "09/NQ-TU"
// (TU is a Party committee) reads as 09-NQ/TU, "123-QĐ/UBND" as 123/QĐ-UBND.
func ParseLenient(s string) (Symbol, error) { return parse(s, true) }

// span is a run of bytes of the input.
type span struct{ start, end int }

// segment is one "-"-separated part of a State symbol: letters, then for QH
// and UBTVQH the legislature's digits.
type segment struct {
	letters span
	digits  span
}

type parser struct {
	s       string
	pos     int
	lenient bool
}

func parse(s string, lenient bool) (Symbol, error) {
	p := parser{s: s, lenient: lenient}
	p.skipSpace()
	n, err := p.number()
	if err != nil {
		return Symbol{}, err
	}
	p.skipSpace()
	sep := p.pos
	if w := dashAt(s, p.pos); w > 0 {
		p.pos += w
		return p.party(n, sep)
	}
	if p.pos < len(s) && s[p.pos] == '/' {
		p.pos++
		return p.state(n, sep)
	}
	return Symbol{}, p.fail(sep, `"-" (Party, as in 147-KH/TU) or "/" (State, as in 123/QĐ-UBND) after the number`)
}

func (p *parser) fail(at int, expected string) *SyntaxError {
	return &SyntaxError{Input: p.s, Offset: at, Expected: expected, Found: foundAt(p.s, at)}
}

// slip is the error for a symbol in the other system's layout.
func (p *parser) slip(at int, expected string, meant Symbol) *SyntaxError {
	e := p.fail(at, expected)
	e.Suggest = meant.String()
	return e
}

func (p *parser) number() (int, error) {
	start := p.pos
	end := scanDigits(p.s, start)
	if end == start {
		return 0, p.fail(start, "the document number")
	}
	p.pos = end
	n := 0
	for i := start; i < end; i++ {
		n = n*10 + int(p.s[i]-'0')
		if n > maxNumber {
			return 0, p.fail(start, "a document number from 1 to "+itoa(maxNumber))
		}
	}
	if n == 0 {
		return 0, p.fail(start, "a document number from 1 to "+itoa(maxNumber))
	}
	return n, nil
}

func (p *parser) skipSpace() {
	for p.pos < len(p.s) {
		w := spaceAt(p.s, p.pos)
		if w == 0 {
			return
		}
		p.pos += w
	}
}

// end checks that nothing but spaces follows.
func (p *parser) end(expected string) error {
	p.skipSpace()
	if p.pos != len(p.s) {
		return p.fail(p.pos, expected)
	}
	return nil
}

// party reads the rest of a Party symbol after "N-": KIND/[UNIT]ISSUER.
func (p *parser) party(n, sep int) (Symbol, error) {
	s := p.s
	p.skipSpace()
	ks := p.pos
	ke := scanLetters(s, ks)
	if ke == ks {
		return Symbol{}, p.fail(ks, `a kind code such as KH, NQ or QĐ after "-"`)
	}
	var kb [maxCode]byte
	key, ok := foldKey(kb[:0], s[ks:ke])
	kind, known := lookupKey(Party, key)
	if !ok || !known {
		if sk, isState := lookupKey(State, key); ok && isState {
			return Symbol{}, p.fail(ks, "a Party kind code such as KH, NQ or QĐ ("+sk.Code(State)+" is a State code: State symbols are written 30/2020/NĐ-CP)")
		}
		return Symbol{}, p.fail(ks, "a Party kind code such as KH, NQ or QĐ")
	}
	p.pos = ke
	p.skipSpace()
	if p.pos >= len(s) || s[p.pos] != '/' {
		return Symbol{}, p.fail(p.pos, `"/" after the kind code`)
	}
	p.pos++
	p.skipSpace()
	is := p.pos
	ie := scanLetters(s, is)
	if ie == is {
		return Symbol{}, p.fail(is, `the issuer, such as TU, TW or HU, after "/"`)
	}
	p.pos = ie
	if err := p.end("the end of the symbol after the issuer"); err != nil {
		return Symbol{}, err
	}
	var ib [maxCode]byte
	ikey, ok := foldKey(ib[:0], s[is:ie])
	if !ok {
		return Symbol{}, p.fail(is, "an issuer code of at most "+itoa(maxCode)+" bytes")
	}
	if info := lookupIssuer(ikey); info != nil {
		if info.sys == State {
			meant := Symbol{Number: n, Kind: kind, Issuer: info.code, System: State}
			if !kind.In(State) {
				return Symbol{}, p.fail(is, "a Party issuer such as TU, TW or HU ("+info.code+" is a State issuer)")
			}
			if p.lenient {
				return meant, nil
			}
			return Symbol{}, p.slip(sep, `"/" after the number (`+info.code+" is a State issuer: State symbols are written 123/QĐ-UBND)", meant)
		}
		return Symbol{Number: n, Kind: kind, Issuer: info.code, System: Party}, nil
	}
	sym := Symbol{Number: n, Kind: kind, System: Party}
	raw := s[is:ie]
	for _, c := range committeeSuffixes {
		if cut, ok := committeeCut(raw, ikey, c.code); ok {
			sym.Issuer = c.code
			sym.Unit = canonText(raw[:cut], ikey[:cut])
			return sym, nil
		}
	}
	sym.Issuer = canonText(raw, ikey)
	return sym, nil
}

// committeeCut reports whether the issuer segment raw (folded: key) is a unit
// code followed by the committee code code ("BTGTU" is BTG + TU), and where
// the committee code starts. Folding keeps every letter's byte length (a
// two-byte Đ spelling folds to the two-byte Đ), so the offset serves both.
func committeeCut(raw string, key []byte, code string) (int, bool) {
	if code == "ThU" {
		// Only the written small h tells ThU from a unit ending in T + HU.
		if len(raw) > 3 && raw[len(raw)-3:] == "ThU" {
			return len(raw) - 3, true
		}
		return 0, false
	}
	// Committee codes other than ThU are upper case already: their folded
	// form is the code itself.
	if len(key) > len(code) && string(key[len(key)-len(code):]) == code {
		return len(key) - len(code), true
	}
	// The plain-D spelling of ĐU, "BTGDU", from someone typing without Đ.
	if code == "ĐU" && !hasD(key) && len(key) > 2 && string(key[len(key)-2:]) == "DU" {
		return len(key) - 2, true
	}
	return 0, false
}

func hasD(key []byte) bool {
	for i := 0; i+1 < len(key); i++ {
		if key[i] == 0xC4 && key[i+1] == 0x90 {
			return true
		}
	}
	return false
}

// state reads the rest of a State symbol after "N/": [YEAR/]SEGMENT{-SEGMENT}.
func (p *parser) state(n, sep int) (Symbol, error) {
	s := p.s
	p.skipSpace()
	year := 0
	if ye := scanDigits(s, p.pos); ye > p.pos {
		ys := p.pos
		if ye-ys != 4 {
			return Symbol{}, p.fail(ys, `a four-digit year or a kind code after "/"`)
		}
		year = int(s[ys]-'0')*1000 + int(s[ys+1]-'0')*100 + int(s[ys+2]-'0')*10 + int(s[ys+3]-'0')
		if year < minYear || year > maxYear {
			return Symbol{}, p.fail(ys, "a year from "+itoa(minYear)+" to "+itoa(maxYear))
		}
		p.pos = ye
		p.skipSpace()
		if p.pos >= len(s) || s[p.pos] != '/' {
			return Symbol{}, p.fail(p.pos, `"/" after the year`)
		}
		p.pos++
		p.skipSpace()
	}
	var segs [maxSegments]segment
	nseg := 0
	for {
		ls := p.pos
		le := scanLetters(s, ls)
		if le == ls {
			if nseg == 0 {
				return Symbol{}, p.fail(ls, "a kind code such as QĐ, NQ or NĐ, or an issuer such as UBND")
			}
			return Symbol{}, p.fail(ls, `an issuer or unit code after "-"`)
		}
		if le-ls > maxCode {
			return Symbol{}, p.fail(ls, "a code of at most "+itoa(maxCode)+" bytes")
		}
		de := scanDigits(s, le)
		segs[nseg] = segment{span{ls, le}, span{le, de}}
		nseg++
		p.pos = de
		p.skipSpace()
		w := dashAt(s, p.pos)
		if w == 0 {
			break
		}
		if nseg == maxSegments {
			return Symbol{}, p.fail(p.pos, "the end of the symbol (at most "+itoa(maxSegments)+" codes)")
		}
		p.pos += w
		p.skipSpace()
	}
	if err := p.end(`"-" or the end of the symbol`); err != nil {
		return Symbol{}, err
	}
	return p.stateParts(n, sep, year, segs[:nseg])
}

// stateParts gives meaning to the codes after the number (and year).
func (p *parser) stateParts(n, sep, year int, segs []segment) (Symbol, error) {
	s := p.s
	var kb, ib [maxCode]byte
	first := segs[0]
	key0, _ := foldKey(kb[:0], s[first.letters.start:first.letters.end])
	kind, isKind := lookupKey(State, key0)
	partyKind, isPartyKind := lookupKey(Party, key0)
	var issuer1 *issuerInfo
	if len(segs) > 1 {
		k1, _ := foldKey(ib[:0], s[segs[1].letters.start:segs[1].letters.end])
		issuer1 = lookupIssuer(k1)
	}

	// A Party symbol in the State layout: "09/NQ-TU".
	if issuer1 != nil && issuer1.sys == Party {
		if !isPartyKind || year != 0 || len(segs) != 2 {
			return Symbol{}, p.fail(segs[1].letters.start, "a State issuer such as UBND or CP ("+issuer1.code+" is a Party issuer)")
		}
		meant := Symbol{Number: n, Kind: partyKind, Issuer: issuer1.code, System: Party}
		if p.lenient {
			return meant, nil
		}
		return Symbol{}, p.slip(sep, `"-" after the number (`+issuer1.code+" is a Party issuer: Party symbols are written 09-NQ/TU)", meant)
	}
	for i, sg := range segs {
		if sg.digits.end > sg.digits.start && !(i == 0 && year != 0 && len(segs) == 1) {
			return Symbol{}, p.fail(sg.digits.start, `"-" or the end of the symbol`)
		}
	}
	sym := Symbol{Number: n, Year: year, System: State}
	switch {
	case isKind:
		if len(segs) == 1 {
			return Symbol{}, p.fail(first.letters.end, `"-" and the issuer after the kind code `+kind.Code(State))
		}
		sym.Kind = kind
		if kind == JointCircular || kind == JointResolution {
			sym.Issuer = p.joinCodes(segs[1:])
			return sym, nil
		}
		sym.Issuer = p.codeText(segs[1])
		if len(segs) > 2 {
			sym.Unit = p.joinCodes(segs[2:])
		}
		return sym, nil
	case year != 0:
		info := lookupIssuer(key0)
		if len(segs) == 1 && info != nil && info.term && first.digits.end > first.digits.start {
			term := 0
			for i := first.digits.start; i < first.digits.end; i++ {
				term = term*10 + int(s[i]-'0')
				if term > 99 {
					return Symbol{}, p.fail(first.digits.start, "a legislature number from 1 to 99")
				}
			}
			if term == 0 {
				return Symbol{}, p.fail(first.digits.start, "a legislature number from 1 to 99")
			}
			sym.Issuer, sym.Term = info.code, term
			return sym, nil
		}
		if info != nil && info.term {
			return Symbol{}, p.fail(first.letters.end, "the legislature after "+info.code+", as in 61/2014/QH13")
		}
		return Symbol{}, p.fail(first.letters.start, "a kind code such as NQ, NĐ or QĐ after the year")
	}
	// A State letter (công văn): no kind code, ISSUER[-UNIT].
	if info := lookupIssuer(key0); info != nil && info.sys == Party {
		if len(segs) > 1 {
			return Symbol{}, p.fail(first.letters.start, "a State issuer such as UBND or CP ("+info.code+" is a Party issuer)")
		}
		meant := Symbol{Number: n, Kind: Letter, Issuer: info.code, System: Party}
		if p.lenient {
			return meant, nil
		}
		return Symbol{}, p.slip(sep, `"-" and a kind code after the number (`+info.code+" is a Party issuer: its letters are written 45-CV/TU)", meant)
	}
	if isPartyKind && len(segs) > 1 {
		return Symbol{}, p.fail(first.letters.start, "a State kind code or an issuer ("+partyKind.Code(Party)+" is a Party kind code: Party symbols are written 147-KH/TU)")
	}
	sym.Kind = Letter
	sym.Issuer = p.codeText(segs[0])
	if len(segs) > 1 {
		sym.Unit = p.joinCodes(segs[1:])
	}
	return sym, nil
}

// codeText returns the canonical text of one code segment.
func (p *parser) codeText(sg segment) string {
	var b [maxCode]byte
	raw := p.s[sg.letters.start:sg.letters.end]
	key, _ := foldKey(b[:0], raw)
	if info := lookupIssuer(key); info != nil {
		return info.code
	}
	return canonText(raw, key)
}

// joinCodes returns the canonical text of codes joined by "-", reusing the
// input when it is already canonical.
func (p *parser) joinCodes(segs []segment) string {
	whole := p.s[segs[0].letters.start:segs[len(segs)-1].letters.end]
	var b [4 * maxCode]byte
	out := b[:0]
	for i, sg := range segs {
		if i > 0 {
			out = append(out, '-')
		}
		out = append(out, p.codeText(sg)...)
	}
	if string(out) == whole {
		return whole
	}
	return string(out)
}

// canonText returns raw if it is already in canonical form (its folded key),
// else the key as a new string.
func canonText(raw string, key []byte) string {
	if raw == string(key) {
		return raw
	}
	return string(key)
}

// foldKey appends to dst the folded form of a code: ASCII letters in upper
// case, and Đ for đ, Ð (U+00D0) and ð (U+00F0). It reports false if s holds
// anything else or is longer than maxCode bytes.
func foldKey(dst []byte, s string) ([]byte, bool) {
	if len(s) > maxCode {
		return dst, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z':
			dst = append(dst, c-'a'+'A')
		case c >= 'A' && c <= 'Z':
			dst = append(dst, c)
		case i+1 < len(s) && isD(c, s[i+1]):
			dst = append(dst, 0xC4, 0x90)
			i++
		default:
			return dst, false
		}
	}
	return dst, true
}

// isD reports whether the two bytes are Đ, đ (C4 90, C4 91), Ð or ð (C3 90, C3 B0).
func isD(a, b byte) bool {
	return (a == 0xC4 && (b == 0x90 || b == 0x91)) || (a == 0xC3 && (b == 0x90 || b == 0xB0))
}

// scanLetters returns the end of the run of code letters at i.
func scanLetters(s string, i int) int {
	for i < len(s) {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
			i++
		case i+1 < len(s) && isD(c, s[i+1]):
			i += 2
		default:
			return i
		}
	}
	return i
}

// scanDigits returns the end of the run of ASCII digits at i.
func scanDigits(s string, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

// spaceAt returns the byte width of the space at i (space, tab, no-break
// space U+00A0, thin space U+2009, narrow no-break space U+202F), or 0.
func spaceAt(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	switch c := s[i]; {
	case c == ' ' || c == '\t':
		return 1
	case c == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0:
		return 2
	case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x89 || s[i+2] == 0xAF):
		return 3
	}
	return 0
}

// dashAt returns the byte width of the hyphen at i ("-", U+2010, U+2011, en
// dash U+2013), or 0.
func dashAt(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	if s[i] == '-' {
		return 1
	}
	if s[i] == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x90 || s[i+2] == 0x91 || s[i+2] == 0x93) {
		return 3
	}
	return 0
}
