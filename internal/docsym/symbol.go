package docsym

import "errors"

// Symbol is the number and symbol of a document, split into its parts.
//
//	147-KH/TU        Number 147, Kind Plan, Issuer "TU", System Party
//	01-HD/BTGTU      Number 1, Kind Guideline, Issuer "TU", Unit "BTG", System Party
//	12/2021/NQ-HĐND  Number 12, Year 2021, Kind Resolution, Issuer "HĐND", System State
//	7328/UBND-TH     Number 7328, Kind Letter, Issuer "UBND", Unit "TH", System State
//	61/2014/QH13     Number 61, Year 2014, Kind Unknown, Issuer "QH", Term 13, System State
type Symbol struct {
	// Number is the document's number in its issuer's sequence, from 1.
	Number int
	// Year is the year written in the symbol, 0 when there is none (Party
	// symbols, State administrative documents).
	Year int
	// Kind is the kind the symbol's code names; see Kinds for Party "QĐ".
	Kind Kind
	// Issuer is the issuing body's code: "TU", "TW", "UBND", "TTg". The issuers
	// of a joint State document are joined by "-": "BTC-BKHĐT".
	Issuer string
	// Unit is the issuing sub-unit: the Party advisory body written in front of
	// its committee ("BTG" in 01-HD/BTGTU), or the State drafting unit written
	// after the issuer ("TH" in 7328/UBND-TH).
	Unit string
	// Term is the legislature written after QH or UBTVQH ("QH13"), else 0.
	Term int
	// System is Party or State.
	System System
}

// IsZero reports whether s is the zero Symbol, "no symbol".
func (s Symbol) IsZero() bool { return s == Symbol{} }

// String returns the canonical form of s: numbers below 10 with a leading zero
// (both systems write "05"), codes in their canonical case, no spaces.
func (s Symbol) String() string {
	var b [64]byte
	return string(s.appendTo(b[:0]))
}

// AppendText appends the canonical form of s to b; it does not allocate when
// b has room.
func (s Symbol) AppendText(b []byte) ([]byte, error) {
	return s.appendTo(b), nil
}

func (s Symbol) appendTo(b []byte) []byte {
	b = appendInt(b, s.Number, 2)
	if s.System == Party {
		b = append(b, '-')
		b = append(b, s.Kind.Code(Party)...)
		b = append(b, '/')
		b = append(b, s.Unit...)
		return append(b, s.Issuer...)
	}
	b = append(b, '/')
	if s.Year != 0 {
		b = appendInt(b, s.Year, 4)
		b = append(b, '/')
	}
	if c := s.Kind.Code(State); c != "" {
		b = append(b, c...)
		b = append(b, '-')
	}
	b = append(b, s.Issuer...)
	if s.Term != 0 {
		b = appendInt(b, s.Term, 1)
	}
	if s.Unit != "" {
		b = append(b, '-')
		b = append(b, s.Unit...)
	}
	return b
}

// MarshalText returns the canonical form, so that a Symbol is a JSON string.
func (s Symbol) MarshalText() ([]byte, error) {
	if s.IsZero() {
		return nil, nil
	}
	if err := s.Validate(); err != nil {
		return nil, err
	}
	return s.appendTo(nil), nil
}

// UnmarshalText parses a symbol with Parse; empty text gives the zero Symbol.
func (s *Symbol) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*s = Symbol{}
		return nil
	}
	v, err := Parse(string(text))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Kinds returns the kinds the symbol can stand for: Kind, and for a Party "QĐ"
// also Regulation, since the Central Committee writes its Quy định with QĐ.
// Only the title ("Quy định số 24-QĐ/TW") tells them apart.
func (s Symbol) Kinds() []Kind {
	if s.System == Party && s.Kind == Decision {
		return []Kind{Decision, Regulation}
	}
	return []Kind{s.Kind}
}

// Validate reports whether s is a symbol Parse could have returned, so that a
// symbol built field by field (the registry issuing a number) formats to text
// that parses back to it.
func (s Symbol) Validate() error {
	switch {
	case s.Number < 1 || s.Number > maxNumber:
		return errors.New("docsym: number must be from 1 to " + itoa(maxNumber))
	case s.System != Party && s.System != State:
		return errors.New("docsym: system must be party or state")
	case s.Issuer == "":
		return errors.New("docsym: the issuer is missing")
	case s.Year != 0 && (s.Year < minYear || s.Year > maxYear):
		return errors.New("docsym: year must be from " + itoa(minYear) + " to " + itoa(maxYear))
	}
	if s.System == Party && (s.Year != 0 || s.Term != 0) {
		return errors.New("docsym: Party symbols carry neither a year nor a term")
	}
	if s.Kind == Unknown && (s.System == Party || s.Year == 0 || s.Term == 0) {
		return errors.New("docsym: the kind is missing")
	}
	if s.Kind != Unknown && !s.Kind.In(s.System) {
		return errors.New("docsym: " + s.Kind.Name("vi") + " has no code in " + s.System.String() + " symbols")
	}
	text := s.appendTo(nil)
	back, err := Parse(string(text))
	if err != nil {
		return err
	}
	if back != s {
		return errors.New("docsym: " + string(text) + " does not read back as the same symbol; check the issuer and unit codes")
	}
	return nil
}
