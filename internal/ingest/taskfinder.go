package ingest

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"plenum/internal/date"
	"plenum/internal/vn"
)

// TaskSentence is a clause of a text that assigns work: "Giao Ban Tuyên
// giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan xây dựng kế
// hoạch …, hoàn thành trước ngày 30/11/2021".
type TaskSentence struct {
	// Start and End are the clause's byte span in the text.
	Start, End int
	// Lead is who is to do it, as written ("Ban Tuyên giáo Tỉnh ủy", "các
	// cấp ủy, tổ chức đảng"), with its span.
	Lead               string
	LeadStart, LeadEnd int
	// Action is what is to be done: the clause without the cue, the lead and
	// the deadline ("Xây dựng kế hoạch …").
	Action string
	// Deadline is the deadline as written ("trước ngày 30/11/2021", "trong
	// quý I/2022"), Due its day (the last day of a period); zero if none.
	Deadline string
	Due      date.Date
}

// Cues that open an assignment, folded. A cue after "đã", "được", "đang"
// or "vừa" reports what was done and opens none.
var (
	taskCues      = []string{"giao cho", "giao", "de nghi", "yeu cau", "chi dao"}
	reportedCues  = map[string]bool{"da": true, "duoc": true, "dang": true, "vua": true}
	actionVerbs   = []string{"trien khai", "xay dung", "thuc hien", "quan triet", "tap trung", "khan truong", "chu dong", "tiep tuc", "ra soat", "tham muu", "hoan thanh", "lanh dao", "nghien cuu", "bao cao", "day manh", "nang cao", "to chuc thuc hien", "to chuc trien khai", "kiem tra", "huong dan", "theo doi", "danh gia", "chuan bi", "hoan thien", "cu the hoa", "ban hanh", "de xuat", "tong hop", "lam tot", "quan tam", "phat huy", "giai quyet", "xu ly", "tuyen truyen", "doi moi", "tang cuong", "bo sung", "sua doi", "kip thoi"}
	leadStops     = []string{"chu tri", "phoi hop"}
	deadlineCues  = []string{"truoc", "trong", "nhat", "xong", "den", "han"}
	maxLeadWords  = 12
	maxActionRune = 300
)

// FindTasks finds the clauses of a text that assign work: a cue ("giao",
// "đề nghị", "yêu cầu", "chỉ đạo") followed by who ("Ban Tuyên giáo Tỉnh
// ủy", "UBND tỉnh", "các cấp ủy") and what ("xây dựng kế hoạch …"), with the
// deadline when the clause gives one ("trước ngày 30/11/2021", "trong quý
// I/2022", "trong tháng 12"; a day or period without a year takes the one
// nearest ref). Clauses are cut at line breaks, full stops and semicolons;
// in a list after a cue ("giao: Ban Tổ chức …; Văn phòng …"), a clause that
// starts with a capitalised organisation and an action inherits the cue.
// It is conservative: a clause without a cue, a lead and an action is not a
// task.
func FindTasks(text string, ref date.Date) []TaskSentence {
	var out []TaskSentence
	inList := false
	for _, c := range clauses(text) {
		s := text[c.start:c.end]
		t, ok := readTask(s, ref, inList)
		if c.sentenceStart {
			inList = false
		}
		if ok {
			t.Start, t.End = c.start+t.Start, c.start+t.End
			t.LeadStart, t.LeadEnd = c.start+t.LeadStart, c.start+t.LeadEnd
			out = append(out, t)
			inList = true
		}
	}
	return out
}

// clause is a stretch of text between clause boundaries.
type clause struct {
	start, end    int
	sentenceStart bool // after a full stop or a line break, not a semicolon
}

// clauses cuts text at line breaks, at ". " (and "! ", "? ") and at "; ",
// trimming spaces.
func clauses(text string) []clause {
	var out []clause
	start, sentence := 0, true
	add := func(end int, next bool) {
		s, e := start, end
		for s < e && (text[s] == ' ' || text[s] == '\t') {
			s++
		}
		for e > s && (text[e-1] == ' ' || text[e-1] == '\t') {
			e--
		}
		if e > s {
			out = append(out, clause{s, e, sentence})
		}
		sentence = next
	}
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '\n':
			add(i, true)
			start = i + 1
		case (c == '.' || c == '!' || c == '?') && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n'):
			add(i, true)
			start = i + 1
		case c == ';':
			add(i, false)
			start = i + 1
		}
	}
	add(len(text), true)
	return out
}

// readTask reads one clause. inList says a cue opened the sentence's list,
// so that a clause starting with an organisation may be a task without one.
func readTask(s string, ref date.Date, inList bool) (TaskSentence, bool) {
	ws := splitWords(s)
	ts := make([]term, len(ws))
	for i, w := range ws {
		ts[i] = term{w.fold, i}
	}
	leadAt := -1
	for i := range ts {
		for _, cue := range taskCues {
			if hasPrefix(ts[i:], cue) && (i == 0 || !reportedCues[ts[i-1].fold]) {
				leadAt = i + len(strings.Fields(cue))
				break
			}
		}
		if leadAt >= 0 {
			break
		}
	}
	if leadAt < 0 {
		if !inList || len(ws) == 0 || !ws[0].upper {
			return TaskSentence{}, false
		}
		leadAt = 0
	}
	leadEnd := leadPhrase(s, ws, ts, leadAt)
	if leadEnd <= leadAt {
		return TaskSentence{}, false
	}
	act := leadEnd
	for act < len(ts) && !startsWithAny(ts[act:], actionVerbs) {
		act++
	}
	if act == len(ts) {
		// No known verb: what follows "chủ trì", or (after a cue) the lead.
		switch {
		case hasPrefix(ts[leadEnd:], "chu tri"):
			act = leadEnd + 2
		case leadAt > 0:
			act = leadEnd
		default:
			return TaskSentence{}, false
		}
	}
	if len(ts)-act < 2 {
		return TaskSentence{}, false
	}
	t := TaskSentence{Start: 0, End: len(s), LeadStart: ws[leadAt].start, LeadEnd: ws[leadEnd-1].end}
	t.Lead = s[t.LeadStart:t.LeadEnd]
	actionEnd := len(s)
	if dl, start, due, ok := deadlineIn(s, ws, ref); ok && start >= ws[act].start {
		t.Deadline, t.Due, actionEnd = dl, due, start
	}
	t.Action = capitalise(trimAction(s[ws[act].start:actionEnd]))
	if t.Action == "" {
		return TaskSentence{}, false
	}
	return t, true
}

// leadPhrase returns the end (exclusive word index) of the lead that starts
// at word i: an organisation's name — capitalised words, the level and
// connecting words inside it ("Ban Tuyên giáo và Dân vận Tỉnh ủy", "UBND
// tỉnh") — or a group ("các cấp ủy, tổ chức đảng", "các sở, ngành"), up
// to "chủ trì", "phối hợp" or the first action.
func leadPhrase(s string, ws []word, ts []term, i int) int {
	if i < len(ts) && ts[i].fold == "cho" {
		i++
	}
	if i >= len(ws) {
		return i
	}
	j := i
	if ws[i].upper {
		// Names capitalise their first word and the words after which the
		// next lower-case word still belongs ("Ban Tuyên giáo Tỉnh ủy").
		for j < len(ws) && j-i < maxLeadWords {
			if startsWithAny(ts[j:], leadStops) || startsWithAny(ts[j:], actionVerbs) {
				break
			}
			if j > i && strings.ContainsAny(s[ws[j-1].end:ws[j].start], ",;:()") {
				break // punctuation ends the name
			}
			if !ws[j].upper && !ws[j-1].upper && !orgInnerWord[ts[j].fold] {
				break
			}
			j++
		}
		return j
	}
	if ts[i].fold != "cac" {
		return i
	}
	for j < len(ws) && j-i < maxLeadWords {
		if startsWithAny(ts[j:], leadStops) || startsWithAny(ts[j:], actionVerbs) {
			break
		}
		j++
	}
	if j == len(ws) || j-i >= maxLeadWords {
		return i // no action after the group: not an assignment
	}
	return j
}

// orgInnerWord are the lower-case words inside an organisation's name.
var orgInnerWord = map[string]bool{
	"tinh": true, "huyen": true, "thanh": true, "pho": true, "xa": true, "phuong": true, "thi": true, "tran": true,
	"va": true, "uy": true, "dang": true, "nhan": true, "dan": true, "ban": true,
}

// deadlineIn finds the deadline a clause gives: a date or period that a
// deadline word comes before ("trước ngày 30/11/2021", "trong quý I/2022",
// "chậm nhất trong tháng 12"). It returns the deadline as written, where
// it starts, and its day (a day's date, a period's last day).
func deadlineIn(s string, ws []word, ref date.Date) (string, int, date.Date, bool) {
	for _, m := range vn.FindPeriods(s, ref) {
		switch m.Kind {
		case vn.PeriodTerm, vn.PeriodYears:
			continue
		}
		// The deadline word nearest before the period.
		k := -1
		for i, w := range ws {
			if w.end <= m.Start {
				k = i
			}
		}
		start := -1
		for back := 0; back < 3 && k-back >= 0 && start < 0; back++ {
			if slices.Contains(deadlineCues, ws[k-back].fold) {
				start = ws[k-back].start
			}
		}
		if start < 0 {
			continue
		}
		due := m.Last
		if m.Kind == vn.PeriodDay {
			due = m.First
		}
		return strings.TrimSpace(s[start:m.End]), start, due, true
	}
	return "", 0, date.Date{}, false
}

// trimAction cuts what is left of a clause to its action: spaces and
// punctuation at either end, a trailing "hoàn thành" or "và" left by the
// deadline, and at most maxActionRune runes.
func trimAction(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) })
	for _, tail := range []string{" hoàn thành", " và", " để"} {
		s = strings.TrimSuffix(s, tail)
	}
	s = strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) })
	if utf8.RuneCountInString(s) > maxActionRune {
		s = string([]rune(s)[:maxActionRune])
	}
	return s
}

// capitalise puts the first letter of s in upper case.
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
