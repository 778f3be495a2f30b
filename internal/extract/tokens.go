package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or a punctuation mark of a paragraph.
type token struct {
	text       string // as written
	key        string // lower case, modern tone placement: what phrases are matched on
	start, end int    // byte offsets in the paragraph
	word       bool   // letters or digits (not punctuation)
	upper      bool   // a word starting with an upper-case letter
	digit      bool   // a word starting with a digit
}

// tokenize splits a paragraph into words and punctuation marks. A word is a
// run of letters, digits and combining marks, with an apostrophe inside
// ("H'Hen") and the dots and slashes of "ThS." or "KH/TU" kept apart.
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/5)
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
			toks = append(toks, wordToken(s, i, j))
			i = j
		default:
			toks = append(toks, token{text: s[i : i+n], key: s[i : i+n], start: i, end: i + n})
			i += n
		}
	}
	return toks
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

func wordToken(s string, i, j int) token {
	w := s[i:j]
	first, _ := utf8.DecodeRuneInString(w)
	return token{
		text: w, key: lower(w), start: i, end: j, word: true,
		upper: unicode.IsUpper(first), digit: unicode.IsDigit(first),
	}
}

// lower is the key of text that is already normalised (Extract normalises
// its input): lower case, which gazetteer.Key also gives for such text.
func lower(s string) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return strings.ToLower(s)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsUpper(r) {
			return strings.ToLower(s)
		}
		i += n
	}
	return s
}

// spaced reports whether tokens i and i+1 are separated by white space only.
func spaced(s string, toks []token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	return strings.TrimSpace(s[toks[i].end:toks[i+1].start]) == "" && toks[i].end < toks[i+1].start
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
