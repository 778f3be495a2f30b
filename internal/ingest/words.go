package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"plenum/internal/vn"
)

// word is a word of a text: its letters and digits as written, folded
// (vn.Fold), and its byte span.
type word struct {
	text, fold string
	start, end int
	upper      bool // starts with a capital letter
}

// splitWords cuts s into words at everything that is not a letter, a digit
// or an apostrophe inside a word ("H'Mông").
func splitWords(s string) []word {
	var out []word
	start := -1
	flush := func(end int) {
		if start >= 0 {
			t := s[start:end]
			r, _ := utf8.DecodeRuneInString(t)
			out = append(out, word{text: t, fold: vn.Fold(t), start: start, end: end, upper: unicode.IsUpper(r)})
			start = -1
		}
	}
	for i, r := range s {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || (r == '\'' && start >= 0)
		switch {
		case inWord && start < 0:
			start = i
		case !inWord:
			flush(i)
		}
	}
	flush(len(s))
	return out
}

// abbreviations are expanded before posts and bodies are compared, in
// folded form.
var abbreviations = map[string]string{
	"ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan", "mttq": "mat tran to quoc",
	"btv": "ban thuong vu", "bch": "ban chap hanh", "dbqh": "dai bieu quoc hoi", "tw": "trung uong",
	"ubkt": "uy ban kiem tra", "lhpn": "lien hiep phu nu", "ccb": "cuu chien binh", "ldld": "lien doan lao dong",
	"ubmttq": "uy ban mat tran to quoc", "tncs": "thanh nien cong san",
}

// term is one folded word of an expanded text and the word of the original
// text it comes from.
type term struct {
	fold string
	at   int // index into the original words
}

// expand folds words and spells out abbreviations: "UBND tỉnh" reads as
// "uy ban nhan dan tinh".
func expand(ws []word) []term {
	out := make([]term, 0, len(ws))
	for i, w := range ws {
		if long, ok := abbreviations[w.fold]; ok {
			for f := range strings.FieldsSeq(long) {
				out = append(out, term{f, i})
			}
			continue
		}
		out = append(out, term{w.fold, i})
	}
	return out
}

// hasPrefix reports whether ts starts with the folded words of phrase.
func hasPrefix(ts []term, phrase string) bool {
	fs := strings.Fields(phrase)
	if len(fs) > len(ts) {
		return false
	}
	for i, f := range fs {
		if ts[i].fold != f {
			return false
		}
	}
	return true
}

// indexPhrase returns where the folded words of phrase start in ts, or -1.
func indexPhrase(ts []term, phrase string) int {
	for i := range ts {
		if hasPrefix(ts[i:], phrase) {
			return i
		}
	}
	return -1
}

// foldWords is the set of folded words of s, abbreviations spelt out.
func foldWords(s string) []string {
	ts := expand(splitWords(s))
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.fold
	}
	return out
}
