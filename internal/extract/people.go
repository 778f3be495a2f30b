package extract

import (
	"slices"
	"sort"
	"strings"

	"plenum/internal/gazetteer"
	"plenum/internal/vn"
)

// People are read in the shapes news gives them:
//
//	đồng chí A, P1, P2 …            (also "ông", "bà", ranks; "-" or "(" for ",")
//	P1, P2 A …                      (posts before the name)
//	đồng chí P1 A …
//	Các đồng chí: A - P1, P2; B - P3; C - P4 chủ trì …
//	có các đồng chí: A, P1; B, P2; …
//	A, P1 …                         (a known surname, then posts)
//
// where A is a name of two to five capitalised syllables and P a post of
// the grammar in posts.go.

// mention is one naming of a person in a paragraph.
type mention struct {
	para      int
	name      [2]int   // token range of the name
	posts     [][2]int // token ranges of the posts given there
	start     int      // first token of the mention (honorific or first post)
	end       int      // token after the mention
	listStart int      // for a list "Các đồng chí: A; B; C", the first token of the list
	person    int      // index of the person in Article.People, set by people()
}

func (d *doc) people(a *Article) {
	for pi := range d.paras {
		d.scanPeople(pi)
	}
	index := map[string]int{}
	postKeys := map[int][]string{} // NormalizePosition of each person's posts
	for mi := range d.mentions {
		m := &d.mentions[mi]
		p := &d.paras[m.para]
		name := p.tokText(m.name[0], m.name[1])
		k := gazetteer.Key(name)
		i, ok := index[k]
		m.person = i
		if !ok {
			m.person = len(a.People)
			i = len(a.People)
			index[k] = i
			a.People = append(a.People, Person{Name: name, Span: p.tokSpan(m.name[0], m.name[1])})
		}
		person := &a.People[i]
		for _, post := range m.posts {
			text := p.tokText(post[0], post[1])
			// Posts compare as the scorer compares them ("Tỉnh uỷ" and "Tỉnh
			// ủy", "BCH" and "Ban Chấp hành"), so each is listed once.
			k := NormalizePosition(text)
			if !slices.Contains(postKeys[i], k) {
				postKeys[i] = append(postKeys[i], k)
				person.Positions = append(person.Positions, text)
				person.Spans = append(person.Spans, p.tokSpan(post[0], post[1]))
			}
		}
	}
	d.chairs(a)
}

func (d *doc) scanPeople(pi int) {
	p := &d.paras[pi]
	toks := p.toks
	n := len(toks)
	for i := 0; i < n; {
		// Posts shared by a list: "các Phó Chủ tịch HĐND tỉnh: A, B".
		if ms := d.sharedPosts(pi, i); len(ms) > 0 {
			for _, m := range ms {
				d.add(m)
			}
			i = ms[len(ms)-1].end
			continue
		}
		// An honorific: "đồng chí", "ông", "Các đồng chí:".
		if e, _ := honorifics.match(toks, i); e > i {
			j := e
			list := j < n && toks[j].key == ":"
			if list {
				j++
			}
			m, ok := d.mentionAt(pi, j, true)
			if !ok {
				i = e
				continue
			}
			m.start = i
			d.add(m)
			end := m.end
			// The rest of a list: "; B - P3; C - P4".
			for end+1 < n && toks[end].key == ";" {
				next, ok := d.mentionAt(pi, end+1, true)
				if !ok {
					break
				}
				if list {
					next.listStart = i
				}
				d.add(next)
				end = next.end
			}
			i = max(end, i+1)
			continue
		}
		// Posts before a name, or a known name followed by posts.
		if toks[i].upper {
			if m, ok := d.mentionAt(pi, i, false); ok {
				d.add(m)
				i = m.end
				continue
			}
			if _, end := parseChain(toks, i); end > i {
				i = end // posts that name no one: "đồng chí Bí thư Tỉnh ủy đề nghị"
				continue
			}
		}
		i++
	}
}

// sharedPosts reads, at token i, posts in the plural followed by the names
// of those who hold them: "các Phó Chủ tịch HĐND tỉnh: Đoàn Văn A, Kiều
// Thị B và Lê C" gives each of the three the post.
func (d *doc) sharedPosts(pi, i int) []mention {
	toks := d.paras[pi].toks
	if toks[i].key != "các" || i+1 >= len(toks) || !toks[i+1].upper {
		return nil
	}
	posts, end := parseChain(toks, i+1)
	if len(posts) == 0 || end+1 >= len(toks) || toks[end].key != ":" {
		return nil
	}
	var out []mention
	for j := end + 1; j < len(toks); {
		e := looseName(toks, j)
		if e == j {
			break
		}
		out = append(out, mention{para: pi, name: [2]int{j, e}, posts: posts, start: j, end: e, listStart: i})
		if e+1 >= len(toks) || toks[e].key != "," && toks[e].key != "và" {
			break
		}
		j = e + 1
	}
	return out
}

func (d *doc) add(m mention) {
	if m.listStart == 0 {
		m.listStart = m.start
	}
	p := &d.paras[m.para]
	if p.names == nil {
		p.names = make([]bool, len(p.toks))
	}
	for i := m.name[0]; i < m.name[1]; i++ {
		p.names[i] = true
	}
	d.mentions = append(d.mentions, m)
}

// mentionAt reads a person named at token i: posts then a name, or a name
// then posts. loose accepts any capitalised name (after an honorific or in a
// list); otherwise the name must start with a known surname.
func (d *doc) mentionAt(pi, i int, loose bool) (mention, bool) {
	toks := d.paras[pi].toks
	m := mention{para: pi, start: i}
	nameEnd := func(j int) int {
		if loose {
			return looseName(toks, j)
		}
		if startsName(toks, j) {
			return nameRun(toks, j)
		}
		return j
	}
	if posts, end := parseChain(toks, i); len(posts) > 0 {
		e := nameEnd(end)
		if e == end {
			// "Bí thư Tỉnh ủy Chẩu Văn Lâm": the name may follow its posts
			// even where its surname is not in the list.
			if e2 := looseName(toks, end); e2 > end && end < len(toks) && toks[end].start == toks[end-1].end+1 {
				e = e2
			}
		}
		if e == end {
			return m, false
		}
		m.posts, m.name, m.end = posts, [2]int{end, e}, e
		d.morePosts(&m)
		return m, true
	}
	e := nameEnd(i)
	if e == i {
		return m, false
	}
	m.name, m.end = [2]int{i, e}, e
	d.morePosts(&m)
	if !loose && len(m.posts) == 0 {
		return m, false
	}
	return m, true
}

// morePosts reads posts after a name: ", P1, P2", " - P1", " (P1)".
func (d *doc) morePosts(m *mention) {
	toks := d.paras[m.para].toks
	j := m.end
	if j+1 >= len(toks) {
		return
	}
	switch toks[j].key {
	case ",", "-", "–", "(", ":":
	default:
		return
	}
	posts, end := parseChain(toks, j+1)
	if len(posts) == 0 {
		return
	}
	m.posts = append(m.posts, posts...)
	if toks[j].key == "(" && end < len(toks) && toks[end].key == ")" {
		end++
	}
	m.end = end
}

// chairs marks the people stated to chair the event: named in the same
// sentence as "chủ trì" (or "chủ tọa" of a session), before it ("A, P1 chủ
// trì hội nghị"; "Các đồng chí: A; B; C chủ trì") or after it when it opens
// the sentence ("Chủ trì hội nghị có các đồng chí: A; B"), and the presidium
// of a congress ("Đoàn Chủ tịch Đại hội gồm các đồng chí: …"). "chủ trì" of
// a unit leading a task ("Sở Y tế chủ trì, phối hợp") names no person and is
// passed over.
func (d *doc) chairs(a *Article) {
	first := 0 // the first mention of the paragraph; mentions are in text order
	for pi := range d.paras {
		p := &d.paras[pi]
		for first < len(d.mentions) && d.mentions[first].para < pi {
			first++
		}
		last := first
		for last < len(d.mentions) && d.mentions[last].para == pi {
			last++
		}
		mentions := d.mentions[first:last]
		var attended []int32 // attended[k]: "dự" (attended) among tokens [0, k)
		for c := 0; c+1 < len(p.toks); c++ {
			presidium := c+2 < len(p.toks) && p.toks[c].key == "đoàn" && p.toks[c].upper && p.toks[c+1].key == "chủ" && p.toks[c+2].key == "tịch"
			if !presidium && (p.toks[c].key != "chủ" || p.toks[c+1].key != "trì" && p.toks[c+1].key != "tọa") {
				continue // "chủ trì", "chủ tọa" (presiding over a session), "Đoàn Chủ tịch"
			}
			s, e := p.sentenceBounds(c)
			// "Chủ trì …", "Đồng chủ trì …", "Cùng chủ trì có …"
			opener := c == s || (c == s+1 && (p.toks[s].key == "đồng" || p.toks[s].key == "cùng"))
			if presidium && !opener {
				continue // only "Đoàn Chủ tịch Đại hội gồm các đồng chí: …" names the presidium
			}
			if attended == nil {
				attended = attendance(p)
			}
			// People listed after "dự" attended; they did not chair.
			between := func(i, j int) bool { return attended[j] > attended[i] }
			from := sort.Search(len(mentions), func(k int) bool { return mentions[k].start >= s })
			for _, m := range mentions[from:] {
				if m.start >= e {
					break
				}
				if a.People[m.person].Chair || m.listStart < s || m.end > e {
					continue
				}
				before := m.end <= c && !between(m.end, c)
				after := opener && m.start > c && !between(c, m.start)
				if !before && !after {
					continue
				}
				a.People[m.person].Chair = true
				a.Chairs = append(a.Chairs, a.People[m.person].Name)
			}
		}
	}
}

// attendance counts, for each token of a paragraph, the words "dự"
// (attended, not the "chủ" of "chủ trì"… nor "dự" of "dự thảo") before it.
func attendance(p *para) []int32 {
	out := make([]int32, len(p.toks)+1)
	for k, t := range p.toks {
		out[k+1] = out[k]
		if t.key == "dự" && (k == 0 || p.toks[k-1].key != "chủ") && (k+1 == len(p.toks) || p.toks[k+1].key != "thảo") {
			out[k+1]++
		}
	}
	return out
}

// NormalizePosition is the comparison form of a post used by the scorer:
// NormalizeText with the abbreviations of SCHEMA.md expanded.
func NormalizePosition(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if long, ok := abbreviations[w]; ok {
			words[i] = long
		}
	}
	return NormalizeText(strings.Join(words, " "))
}

// abbreviations are those SCHEMA.md expands in positions.
var abbreviations = map[string]string{
	"BCH": "Ban Chấp hành", "BTV": "Ban Thường vụ", "TW": "Trung ương",
	"ĐBQH": "đại biểu Quốc hội", "HĐND": "Hội đồng nhân dân",
	"UBND": "Ủy ban nhân dân", "MTTQ": "Mặt trận Tổ quốc",
}

// NormalizeText is the comparison form of SCHEMA.md: NFC, modern tone
// placement, case folded, white space collapsed.
func NormalizeText(s string) string { return vn.Key(s) }
