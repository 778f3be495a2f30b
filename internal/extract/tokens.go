package extract

import (
	"unicode"
	"unicode/utf8"
)

// token is a word or a punctuation mark of a paragraph.
type token struct {
	key        string // lower case, modern tone placement: what phrases are matched on
	start, end int    // byte offsets in the paragraph
	word       bool   // letters or digits (not punctuation)
	upper      bool   // a word starting with an upper-case letter
	digit      bool   // a word starting with a digit
	abbr       bool   // two or more letters, all upper case: "UBND", "XII"
}

// tokenize splits a paragraph into words and punctuation marks. A word is a
// run of letters, digits and combining marks, with an apostrophe inside
// ("H'Hen") and the dots and slashes of "ThS." or "KH/TU" kept apart.
// Keys of capitalised words are written into one buffer and cut from one
// string, so a paragraph costs a few allocations, not one per word.
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/5+1)
	var buf []byte       // lower-case keys of the words that need one
	var lowered [][3]int // token index, start and end in buf
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case isWordRune(r):
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if isWordRune(r2) {
					j += n2
					continue
				}
				if (r2 == '\'' || r2 == '’') && j+n2 < len(s) {
					if r3, _ := utf8.DecodeRuneInString(s[j+n2:]); unicode.IsLetter(r3) {
						j += n2
						continue
					}
				}
				break
			}
			w := s[i:j]
			t := token{key: w, start: i, end: j, word: true, upper: unicode.IsUpper(r), digit: unicode.IsDigit(r), abbr: isAbbreviation(w)}
			if hasUpper(w) {
				b := len(buf)
				buf = appendLower(buf, w)
				lowered = append(lowered, [3]int{len(toks), b, len(buf)})
			}
			toks = append(toks, t)
			i = j
		default:
			toks = append(toks, token{key: s[i : i+n], start: i, end: i + n})
			i += n
		}
	}
	if len(lowered) > 0 {
		keys := string(buf)
		for _, l := range lowered {
			toks[l[0]].key = keys[l[1]:l[2]]
		}
	}
	return toks
}

// hasUpper reports whether s has an upper-case letter.
func hasUpper(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsUpper(r) {
			return true
		}
		i += n
	}
	return false
}

// appendLower appends s in lower case to b.
func appendLower(b []byte, s string) []byte {
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
			continue
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

func isWordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	case r >= 0x1EA0 && r <= 0x1EF9: // Vietnamese letters with tone marks
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// lower is the key of text that is already normalised (Extract normalises
// its input): lower case, which gazetteer.Key also gives for such text.
func lower(s string) string {
	if hasUpper(s) {
		return string(appendLower(make([]byte, 0, len(s)), s))
	}
	return s
}

// phrases is a set of multi-word phrases matched on token keys, longest first.
type phrases struct {
	root *phraseNode
}

type phraseNode struct {
	next map[string]*phraseNode
	end  bool // a phrase ends here
	id   int  // index of the phrase in the list it was built from
}

func newPhrases(list ...[]string) phrases {
	root := &phraseNode{next: map[string]*phraseNode{}}
	id := 0
	for _, l := range list {
		for _, p := range l {
			n := root
			for _, t := range tokenize(p) {
				c := n.next[t.key]
				if c == nil {
					c = &phraseNode{next: map[string]*phraseNode{}}
					n.next[t.key] = c
				}
				n = c
			}
			if !n.end {
				n.end, n.id = true, id
			}
			id++
		}
	}
	return phrases{root: root}
}

// match returns the end (exclusive token index) of the longest phrase that
// starts at toks[i], and its id; end is i when none does. Words of a phrase
// must be separated by white space or the punctuation the phrase has.
func (p phrases) match(toks []token, i int) (end, id int) {
	n, end := p.root, i
	for j := i; j < len(toks); j++ {
		c := n.next[toks[j].key]
		if c == nil {
			break
		}
		n = c
		if n.end {
			end, id = j+1, n.id
		}
	}
	return end, id
}
