package extract

import (
	"plenum/internal/gazetteer"
)

// The meeting an article reports on is looked for where a report names it:
// the headline and the first paragraphs. "Hội nghị Ban Chấp hành Đảng bộ
// tỉnh lần thứ năm", "Ban Thường vụ Tỉnh ủy đã tổ chức Hội nghị …", "Kỳ họp
// thứ 10, HĐND tỉnh khóa XVII", "Đại hội đại biểu Đảng bộ tỉnh lần thứ XII".
// A meeting named only further down, or only as the source of a resolution
// ("Nghị quyết Đại hội …"), is not what the article reports: a commentary
// gets no meeting.

// bodyKind tells how a body's terms run.
type bodyKind uint8

const (
	bodyUnknown bodyKind = iota
	bodyParty            // terms follow the Party congresses: 2015–2020, 2020–2025 …
	bodyState            // People's Councils: 2016–2021, 2021–2026 …
)

var (
	meetingForms   = gazetteer.MeetingBodyForms()
	meetingBodies  = newPhrases(meetingBodyStrings())
	meetingNouns   = newPhrases([]string{"Hội nghị", "Kỳ họp", "Phiên họp", "cuộc họp", "buổi họp", "Đại hội", "phiên họp thường kỳ"})
	convenes       = newPhrases([]string{"tổ chức", "khai mạc", "tiến hành", "họp", "triệu tập", "bế mạc"})
	tenseWords     = keySet([]string{"đã", "đang", "sẽ", "vừa", "chính thức", "long trọng"})
	documentBefore = keySet([]string{"quyết", "luận", "của", "theo", "kỳ", "các"})
)

// leadParas is how many body paragraphs, after the headline, a report names
// its meeting in.
const leadParas = 2

func meetingBodyStrings() []string {
	out := make([]string, len(meetingForms))
	for i, f := range meetingForms {
		out[i] = f.Form
	}
	return out
}

// meetingAt is a meeting named in a paragraph.
type meetingAt struct {
	para      int
	noun      int // token of "Hội nghị", "Kỳ họp", …
	body      [2]int
	form      gazetteer.MeetingBodyForm
	congress  bool
	hasBody   bool
	nounIsDoc bool
}

func (d *doc) meeting(a *Article) {
	var found *meetingAt
	for _, pi := range d.leadZone() {
		if m, ok := d.findMeeting(pi); ok {
			if m.hasBody {
				found = &m
				break
			}
			if found == nil {
				found = &m
			}
		}
	}
	if found == nil {
		return
	}
	p := &d.paras[found.para]
	mt := &Meeting{Span: p.tokSpan(found.noun, found.noun+1)}
	if found.hasBody {
		mt.Body = found.form.Name
		mt.Span = p.tokSpan(found.body[0], found.body[1])
		mt.kind = bodyState
		if found.form.Party {
			mt.kind = bodyParty
		}
	}
	mt.Online = d.online(mt)
	d.meetingDetails(a, mt, found)
	a.Meeting = mt
}

// leadZone lists the paragraphs a report names its meeting in: the
// headline, then the first body paragraphs.
func (d *doc) leadZone() []int {
	var zone []int
	for pi, p := range d.paras {
		if p.kind == KindTitle {
			zone = append(zone, pi)
		}
	}
	n := 0
	for pi, p := range d.paras {
		if p.kind == KindBody && n < leadParas {
			zone = append(zone, pi)
			n++
		}
	}
	return zone
}

// findMeeting looks for a meeting noun in a paragraph and the body that
// holds the meeting: named after the noun ("Hội nghị Ban Chấp hành Đảng bộ
// tỉnh"), or before it as the one who convenes ("Ban Thường vụ Tỉnh ủy đã
// tổ chức Hội nghị").
func (d *doc) findMeeting(pi int) (meetingAt, bool) {
	p := &d.paras[pi]
	toks := p.toks
	for i := range toks {
		e, _ := meetingNouns.match(toks, i)
		if e == i || d.citesDocument(toks, i) || (toks[i].key == "đại" && !toks[i].upper) {
			continue // a document's source, or congresses in general ("các kỳ đại hội")
		}
		m := meetingAt{para: pi, noun: i, congress: toks[i].key == "đại"}
		s, end := p.sentenceBounds(i)
		// After the noun: "Hội nghị [lần thứ N] Ban Chấp hành (BCH) Đảng bộ tỉnh".
		for j := e; j < end && j < e+10; j++ {
			if be, id := matchBody(toks, j); be > j {
				m.body, m.form, m.hasBody = [2]int{j, be}, meetingForms[id], true
				return m, true
			}
			if toks[j].key == "để" || toks[j].key == "nhằm" || toks[j].key == "về" || toks[j].key == ";" {
				break
			}
		}
		// Before it: "<body> đã tổ chức Hội nghị".
		j := i - 1
		for j >= s && tenseWords[toks[j].key] {
			j--
		}
		if ce := convenerEnd(toks, s, j); ce >= 0 {
			// The longest body that ends there: "Ban Thường vụ Tỉnh ủy", not "Tỉnh ủy".
			for k := s; k < ce; k++ {
				if be, id := matchBody(toks, k); be == ce {
					m.body, m.form, m.hasBody = [2]int{k, be}, meetingForms[id], true
					return m, true
				}
			}
		}
		if !m.congress {
			return m, true
		}
	}
	return meetingAt{}, false
}

// convenerEnd returns the token where a body ends before a verb of convening
// that ends at token j ("… Tỉnh ủy [đã] tổ chức"), or -1.
func convenerEnd(toks []token, s, j int) int {
	for k := j; k >= s && k > j-3; k-- {
		if e, _ := convenes.match(toks, k); e == j+1 {
			k--
			for k >= s && tenseWords[toks[k].key] {
				k--
			}
			return k + 1
		}
	}
	return -1
}

// matchBody matches a meeting body at token i, passing over an abbreviation
// in parentheses after it ("Ban Chấp hành (BCH) Đảng bộ tỉnh").
func matchBody(toks []token, i int) (int, int) {
	if i >= len(toks) || !toks[i].upper {
		return i, 0
	}
	e, id := meetingBodies.match(toks, i)
	if e > i {
		return e, id
	}
	for k := i + 1; k+2 < len(toks) && k < i+5; k++ {
		if toks[k].text == "(" && isAbbreviation(toks[k+1].text) && toks[k+2].text == ")" {
			rest := append(append([]token{}, toks[i:k]...), toks[k+3:]...)
			if e, id := meetingBodies.match(rest, 0); e > k-i {
				return e + 3 + i, id
			}
		}
	}
	return i, 0
}

// citesDocument reports whether the meeting noun at i names the source of a
// document ("Nghị quyết Đại hội", "Kết luận Hội nghị") rather than an event.
func (d *doc) citesDocument(toks []token, i int) bool {
	return i > 0 && documentBefore[toks[i-1].key]
}

// online reports a meeting held online: "trực tuyến" near a meeting word,
// or bridge points ("điểm cầu").
func (d *doc) online(mt *Meeting) bool {
	for _, p := range d.paras {
		for i, t := range p.toks {
			switch {
			case t.key == "điểm" && i+1 < len(p.toks) && p.toks[i+1].key == "cầu":
				mt.Evidence = append(mt.Evidence, p.tokSpan(i, i+2))
				return true
			case t.key == "trực" && i+1 < len(p.toks) && p.toks[i+1].key == "tuyến":
				for k := max(0, i-6); k < i; k++ {
					if e, _ := meetingNouns.match(p.toks, k); e > k || p.toks[k].key == "hình" || p.toks[k].key == "tổ" || p.toks[k].key == "họp" {
						mt.Evidence = append(mt.Evidence, p.tokSpan(i, i+2))
						return true
					}
				}
			}
		}
	}
	return false
}
