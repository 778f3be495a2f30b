package extract

import (
	"sort"
	"strings"

	"plenum/internal/gazetteer"
	"plenum/internal/vn"
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
	meetingForms  = gazetteer.MeetingBodyForms()
	meetingBodies = newPhrases(meetingBodyStrings())
	meetingNouns  = newPhrases([]string{"Hội nghị", "Kỳ họp", "Phiên họp", "cuộc họp", "buổi họp", "Đại hội", "phiên họp thường kỳ"})
	convenes      = newPhrases([]string{"tổ chức", "khai mạc", "tiến hành", "họp", "triệu tập", "bế mạc"})
	tenseWords    = keySet([]string{"đã", "đang", "sẽ", "vừa", "chính thức", "long trọng"})
	// onlineCues are words that put "trực tuyến" on the meeting: "theo hình
	// thức trực tuyến", "tổ chức trực tuyến", "kết nối trực tuyến".
	onlineCues     = keySet([]string{"hình", "tổ", "họp", "kết", "nối", "truyền"})
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
	para     int
	noun     int // first token of "Hội nghị", "Kỳ họp", …
	nounEnd  int // token after it
	body     [2]int
	form     gazetteer.MeetingBodyForm
	congress bool
	hasBody  bool
}

func (d *doc) meeting(a *Article) {
	var found *meetingAt
	for _, pi := range d.leadZone() {
		if m, ok := d.findMeeting(pi); ok && (d.paras[pi].kind == KindTitle || reports(&d.paras[pi], m.noun)) {
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
	mt := &Meeting{Span: p.tokSpan(found.noun, found.nounEnd)}
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

// reportCues are the words of a sentence that reports a meeting rather
// than recalls one: it was held, opened, closed or chaired, someone spoke
// or attended, on a day ("Sáng 11/10", "chiều nay").
var reportCues = newPhrases([]string{
	"tổ chức", "khai mạc", "bế mạc", "diễn ra", "họp", "tiến hành", "triệu tập", "chủ trì",
	"chủ tọa", "dự", "tham dự", "phát biểu", "kết luận", "sáng", "chiều", "tối", "trưa",
	"hôm nay", "vừa qua", "ngày",
})

// reports reports whether the sentence around token i of a paragraph of
// the body reports a meeting (see reportCues); a headline that names a
// meeting always does.
func reports(p *para, i int) bool {
	s, e := p.sentenceBounds(i)
	for k := s; k < e; k++ {
		if end, _ := reportCues.match(p.toks, k); end > k {
			return true
		}
	}
	return false
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
	var fallback meetingAt // a meeting noun without its body
	found := false
	// "Ban Thường vụ Thành ủy Cần Thơ họp cho ý kiến vào dự thảo … trình Đại
	// hội …": a body that meets, named before the meeting noun, is the event;
	// the noun after it is what the meeting was about.
	first := func(m meetingAt) (meetingAt, bool) {
		if hm, ok := bodyMeets(toks, m.noun-1); ok {
			hm.para = pi
			return hm, true
		}
		return m, true
	}
	for i := range toks {
		e, _ := meetingNouns.match(toks, i)
		if e == i || citesDocument(toks, i) || (toks[i].key == "đại" && !toks[i].upper) {
			continue // a document's source, or congresses in general ("các kỳ đại hội")
		}
		m := meetingAt{para: pi, noun: i, nounEnd: e, congress: toks[i].key == "đại"}
		s, end := p.sentenceBounds(i)
		// After the noun: "Hội nghị [lần thứ N] Ban Chấp hành (BCH) Đảng bộ tỉnh".
		for j := e; j < end && j < e+10; j++ {
			if be, id := matchBody(toks, j); be > j {
				m.body, m.form, m.hasBody = [2]int{j, be}, meetingForms[id], true
				return first(m)
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
				if be, id := matchBody(toks, k); be > k && skipTerm(toks, be) == ce {
					m.body, m.form, m.hasBody = [2]int{k, be}, meetingForms[id], true
					return first(m)
				}
			}
		}
		if !m.congress && !found {
			fallback, found = m, true
		}
	}
	if m, ok := bodyMeets(toks, len(toks)); ok {
		m.para = pi
		return m, true
	}
	return fallback, found
}

// bodyMeets finds, before token end, a body said to meet without a meeting
// noun: "Ban Thường vụ Tỉnh ủy Quảng Trị [khóa XVII] họp cho ý kiến …";
// noun is "họp".
func bodyMeets(toks []token, end int) (meetingAt, bool) {
	for i := 0; i < end; i++ {
		be, id := matchBody(toks, i)
		if be == i {
			continue
		}
		j := skipTerm(toks, be)
		for j < len(toks) && tenseWords[toks[j].key] {
			j++
		}
		if j < end && toks[j].key == "họp" && (j+1 == len(toks) || toks[j+1].key != "báo") {
			return meetingAt{noun: j, nounEnd: j + 1, body: [2]int{i, be}, form: meetingForms[id], hasBody: true}, true
		}
	}
	return meetingAt{}, false
}

// skipTerm passes over the term written after a body, "khóa XIX" and ",
// nhiệm kỳ 2020 - 2025", and returns the token after it (or i).
func skipTerm(toks []token, i int) int {
	n := len(toks)
	if i+1 < n && toks[i].key == "khóa" && (toks[i+1].abbr || toks[i+1].digit || len(toks[i+1].key) == 1 && toks[i+1].upper) {
		i += 2
	}
	k := i
	if k < n && toks[k].key == "," {
		k++
	}
	if k+2 < n && toks[k].key == "nhiệm" && toks[k+1].key == "kỳ" && toks[k+2].digit {
		k += 2
		for k < n && (toks[k].digit || toks[k].key == "-" || toks[k].key == "–") {
			k++
		}
		i = k
	}
	return i
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
// in parentheses after it ("Ban Chấp hành (BCH) Đảng bộ tỉnh") and taking in
// the place name that may follow ("HĐND tỉnh Lào Cai").
func matchBody(toks []token, i int) (int, int) {
	e, id := matchBodyName(toks, i)
	if e > i {
		if pe, _ := places.match(toks, e); pe > e {
			e = pe
		}
	}
	return e, id
}

func matchBodyName(toks []token, i int) (int, int) {
	if i >= len(toks) || !toks[i].upper {
		return i, 0
	}
	e, id := meetingBodies.match(toks, i)
	if e > i {
		return e, id
	}
	for k := i + 1; k+2 < len(toks) && k < i+5; k++ {
		if toks[k].key == "(" && toks[k+1].abbr && toks[k+2].key == ")" {
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
func citesDocument(toks []token, i int) bool {
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
					if e, _ := meetingNouns.match(p.toks, k); e > k || onlineCues[p.toks[k].key] {
						mt.Evidence = append(mt.Evidence, p.tokSpan(i, i+2))
						return true
					}
				}
			}
		}
	}
	return false
}

// meetingDetails reads the ordinal, the term and the attendance of the
// meeting found. The ordinal follows the meeting noun ("Hội nghị lần thứ
// năm", "Kỳ họp thứ 10"); the term follows the body or the ordinal
// ("Ban Chấp hành Đảng bộ tỉnh khóa XII", "lần thứ 11, khóa XX") or is read
// elsewhere in the article (termOf).
func (d *doc) meetingDetails(a *Article, mt *Meeting, m *meetingAt) {
	p := &d.paras[m.para]
	_, sentEnd := p.sentenceBounds(m.noun)
	limit := p.toks[sentEnd-1].end
	nounEnd := p.toks[m.nounEnd-1].end
	anchor := nounEnd // where an ordinal or a term may follow closely
	if m.hasBody {
		anchor = max(anchor, p.toks[m.body[1]-1].end)
	}
	const near = 30 // bytes between the meeting phrase and its ordinal or "khóa"
	for _, o := range p.ordinals() {
		if o.End > limit {
			break
		}
		switch {
		case mt.Ordinal == 0 && o.Start >= nounEnd && o.Start-anchor <= near && (o.Kind == vn.OrdinalTimes || o.Kind == vn.OrdinalNth && o.Start-nounEnd <= 1):
			mt.Ordinal = o.Value
			anchor = max(anchor, o.End)
			mt.Evidence = append(mt.Evidence, p.span(o.Start, o.End))
		case mt.Term == "" && o.Kind == vn.OrdinalTerm && o.Start >= anchor && o.Start-anchor <= near:
			mt.Term, _ = vn.FormatRoman(o.Value)
			mt.Evidence = append(mt.Evidence, p.span(o.Start, o.End))
		}
	}
	if m.congress && mt.Ordinal != 0 && mt.Term == "" {
		mt.Term, _ = vn.FormatRoman(mt.Ordinal) // the congress opens the term
	}
	if mt.Term == "" && m.hasBody {
		if n, span, ok := d.termOf(m.form); ok {
			mt.Term, _ = vn.FormatRoman(n)
			mt.Evidence = append(mt.Evidence, span)
			a.note("meeting.term: from \"" + a.Text[span.Start:span.End] + "\"")
		}
	}
	mt.Delegates = d.delegates(mt)
	d.termYears(a, mt)
}

// termOf looks through the article for the term of a body: "khóa N" after
// a body of the same kind and level ("Tỉnh ủy khóa XII", "HĐND tỉnh khóa
// XVI"), or, for a Party body, the congress of its organisation that opened
// the term ("Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII", "Đại hội XI Đảng
// bộ tỉnh").
func (d *doc) termOf(form gazetteer.MeetingBodyForm) (int, Span, bool) {
	same := func(f gazetteer.MeetingBodyForm) bool {
		return f.Party == form.Party && f.Level == form.Level && (f.Party || f.Name == form.Name)
	}
	for pi := range d.paras {
		p := &d.paras[pi]
		if !containsAny(p.text, []string{"khóa", "Khóa", "Đại hội"}) {
			continue
		}
		ords := p.ordinals()
		for i := range p.toks {
			if e, id := matchBody(p.toks, i); e > i && same(meetingForms[id]) {
				if o, ok := ordinalAfter(ords, p.toks[e-1].end, 2, vn.OrdinalTerm); ok {
					return o.Value, p.span(p.toks[i].start, o.End), true
				}
			}
			if !form.Party || p.toks[i].key != "đại" || !p.toks[i].upper || i+1 >= len(p.toks) || p.toks[i+1].key != "hội" || towardsCongress(p.text, p.toks[i].start) {
				continue
			}
			// "Đại hội [đại biểu] Đảng bộ tỉnh [name] lần thứ N"
			j := i + 2
			if j+1 < len(p.toks) && p.toks[j].key == "đại" && p.toks[j+1].key == "biểu" {
				j += 2
			}
			// "Đại hội XI Đảng bộ tỉnh": an upper-case Roman numeral.
			if j < len(p.toks) && (p.toks[j].abbr || p.toks[j].upper && p.toks[j].end-p.toks[j].start == 1) {
				if n, err := vn.ParseRoman(p.tokText(j, j+1)); err == nil {
					if e, id := matchBody(p.toks, j+1); e > j+1 && meetingForms[id].Level == form.Level && meetingForms[id].Party {
						return n, p.tokSpan(i, e), true
					}
				}
			}
			if e, id := matchBody(p.toks, j); e > j && meetingForms[id].Level == form.Level && strings.HasPrefix(meetingForms[id].Name, "Đảng bộ") {
				if o, ok := ordinalAfter(ords, p.toks[e-1].end, 40, vn.OrdinalTimes); ok {
					return o.Value, p.span(p.toks[i].start, o.End), true
				}
			}
		}
	}
	return 0, Span{}, false
}

// ordinalAfter finds the first ordinal of a kind that starts within near
// bytes after end; ords are in text order.
func ordinalAfter(ords []vn.OrdinalMatch, end, near int, kind vn.OrdinalKind) (vn.OrdinalMatch, bool) {
	k := sort.Search(len(ords), func(k int) bool { return ords[k].Start >= end })
	for ; k < len(ords) && ords[k].Start-end <= near; k++ {
		if ords[k].Kind == kind {
			return ords[k], true
		}
	}
	return vn.OrdinalMatch{}, false
}

// delegates is the attendance stated for the meeting: "trên 1.600 đại biểu".
func (d *doc) delegates(mt *Meeting) int {
	for pi := range d.paras {
		p := &d.paras[pi]
		if p.kind != KindBody {
			continue
		}
		for _, f := range p.figures() {
			if f.Kind != vn.FigureCount || f.Unit != "đại biểu" {
				continue
			}
			if n, ok := f.Value.Int64(); ok && n > 0 && n < 1e6 {
				mt.Evidence = append(mt.Evidence, p.span(f.Start, f.End))
				return int(n)
			}
		}
	}
	return 0
}

// congressAhead are the words before "Đại hội" that make it a congress still
// to come ("dự thảo Báo cáo chính trị trình Đại hội …", "tiến tới Đại hội"):
// its number and years are the next committee's, not those of the body
// that meets.
var congressAhead = []string{"trình", "tới", "chuẩn bị", "phục vụ", "chào mừng"}

// towardsCongress reports whether the "Đại hội" that starts at byte at of a
// paragraph, or the last one before at within a sentence's reach, is a
// congress still to come.
func towardsCongress(text string, at int) bool {
	from := max(0, at-120)
	k := strings.LastIndex(text[from:min(at+len("Đại hội"), len(text))], "Đại hội")
	if k < 0 {
		return false
	}
	before := strings.TrimRight(text[from:from+k], " ")
	for _, w := range congressAhead {
		if strings.HasSuffix(before, w) && (len(before) == len(w) || before[len(before)-len(w)-1] == ' ') {
			return true
		}
	}
	return false
}
