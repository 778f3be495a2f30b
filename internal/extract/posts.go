package extract

import (
	"unicode"

	"plenum/internal/gazetteer"
)

// The grammar of posts. A post is
//
//	[nguyên|Quyền] Title [Organisation [level] [place]]…
//
// "Phó Bí thư Thường trực Tỉnh ủy", "Giám đốc Sở Văn hóa, Thể thao và Du
// lịch", "Trưởng Ban Kinh tế - Ngân sách HĐND tỉnh". Posts are chained with
// commas, dashes and "kiêm". A post ends at a separator followed by another
// title, at a person's name, at a verb or function word ("chủ trì", "phát
// biểu", "của"), or at punctuation that closes a clause. Commas and dashes
// inside the names of organisations ("Văn hóa, Thể thao", "Kinh tế - Ngân
// sách") do not end it: what follows them is neither a title nor a name.

var (
	titles      = newPhrases(gazetteer.Titles)
	prefixes    = newPhrases(gazetteer.TitlePrefixes)
	bodies      = newPhrases(gazetteer.Bodies, departmentNames())
	levels      = newPhrases(gazetteer.LevelWords)
	honorifics  = newPhrases(gazetteer.HonorificsBeforeName)
	places      = newPhrases(placeNames())
	stops       = newPhrases(stopWords)
	surnames    = keySet(gazetteer.Surnames)
	maxPostToks = 24
)

// departmentNames are "Sở Y tế", "Bộ Tài chính" and so on.
func departmentNames() []string {
	var out []string
	for _, h := range gazetteer.DepartmentHeads {
		for _, d := range gazetteer.Departments {
			out = append(out, h+" "+d)
		}
	}
	return out
}

// placeNames are the names of provinces (old and new) and districts.
func placeNames() []string {
	var out []string
	for _, p := range gazetteer.Before2025 {
		out = append(out, p.Name)
	}
	for _, p := range gazetteer.After2025 {
		out = append(out, p.Name)
	}
	for _, d := range gazetteer.AllDistricts() {
		out = append(out, d.Name)
	}
	return out
}

func keySet(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[gazetteer.Key(w)] = true
	}
	return m
}

// stopWords end a post when written in lower case: the verbs that follow a
// person in news ("chủ trì", "phát biểu") and function words. Words that are
// parts of organisation names ("dân", "tế", "vụ") are not here.
var stopWords = []string{
	"chủ trì", "đồng chủ trì", "chủ tọa", "phát biểu", "báo cáo", "trình bày", "dự", "tham dự", "cùng",
	"đã", "đang", "sẽ", "vừa", "cho biết", "nhấn mạnh", "khẳng định", "đề nghị", "yêu cầu",
	"chỉ đạo", "kết luận", "khai mạc", "bế mạc", "điều hành", "tặng", "trao", "thăm",
	"làm việc", "ký", "tiếp", "đọc", "công bố", "nêu", "lưu ý", "giao", "chúc mừng", "được",
	"là", "có", "tại", "với", "về", "trong", "khi", "thì", "để", "nhằm", "cũng", "ghi nhận",
	"biểu dương", "đánh giá", "quán triệt", "thông qua", "trả lời", "giải trình", "tiếp thu",
	"phụ trách", "dẫn đầu", "kiểm tra", "giám sát", "chia sẻ", "gửi", "thay mặt", "lên", "đến",
	"đi", "ra", "bày tỏ", "mong muốn", "đề xuất", "kiến nghị", "cảm ơn", "nhận", "như",
	"theo", "chụp", "cắt", "ấn", "dâng", "tuyên bố", "phân tích", "trao đổi", "thảo luận",
	"góp ý", "đồng thời", "thống nhất", "khen", "động viên", "các", "những", "của", "này",
	"đó", "cho", "từ", "hướng dẫn", "quyết định", "ban hành", "biểu quyết", "bầu", "tái đắc cử",
	"trúng cử", "nhiệm kỳ", "giai đoạn", "năm", "ngày", "tháng", "sáng", "chiều", "tối",
	"hiện", "mới", "lúc", "đồng chí", "ông", "bà", "đại diện", "lãnh đạo", "mở đầu",
	"tổ chức", "triển khai", "thực hiện", "điểm cầu", "gồm", "bao gồm", "sau", "trước", "qua",
	"không", "chưa", "rất", "luôn", "phải", "cần", "và", "hoặc", "hay", "nói", "trình",
	"tới", "vào", "đánh", "đề ra", "chủ động", "hội nghị", "kỳ họp", "buổi", "đoàn",
	"người", "ủy viên", "cán bộ", "đảng viên",
}

// titleAt returns the end of a title (with its prefix) starting at token i.
func titleAt(toks []token, i int) int {
	j := i
	if e, _ := prefixes.match(toks, j); e > j {
		j = e
	}
	if j >= len(toks) || !toks[j].upper {
		return i
	}
	e, _ := titles.match(toks, j)
	if e == j {
		return i
	}
	return e
}

// parsePost reads one post starting at token i and returns its end; end is
// i when no post starts there. Lower-case words belong to a post only as
// level words ("tỉnh") or as the later syllables of a capitalised word that
// is not in the gazetteer ("Trung tâm Y tế"); after a known title, body or
// place a lower-case word ends the post ("Bí thư Tỉnh ủy tin tưởng …").
func parsePost(toks []token, i int) int {
	j := titleAt(toks, i)
	if j == i {
		return i
	}
	known := true // the last words were a title, body, place or level word
	lower := 0    // lower-case words in a row after a capitalised word
	for j < len(toks) && j-i < maxPostToks {
		t := toks[j]
		if !t.word {
			if (t.key == "," || t.key == "-" || t.key == "–") && j+1 < len(toks) && continuesName(toks, j+1) {
				j++
				continue
			}
			break
		}
		if !t.upper {
			if e, _ := levels.match(toks, j); e > j {
				j, known, lower = e, true, 0
				j = placeAfterLevel(toks, j) // "huyện Chiêm Hóa", "xã Tân Lập"
				continue
			}
			if t.key == "và" && j+1 < len(toks) && continuesName(toks, j+1) {
				j++ // "Trung tâm Văn hóa và Thể thao"
				continue
			}
			if e, _ := bodies.match(toks, j); e > j+1 {
				j, known, lower = e, true, 0 // "Trưởng đoàn ĐBQH tỉnh"
				continue
			}
			if t.key == "của" && j+1 < len(toks) && toks[j+1].upper {
				if e, _ := bodies.match(toks, j+1); e > j+1 {
					j, known, lower = e, true, 0 // "Hội đồng Dân tộc của Quốc hội"
					continue
				}
			}
			if e, _ := stops.match(toks, j); e > j || t.digit || known {
				break
			}
			if lower++; lower > 3 {
				break
			}
			j++
			continue
		}
		if e, _ := bodies.match(toks, j); e > j {
			j, known, lower = e, true, 0
			continue
		}
		if e, _ := places.match(toks, j); e > j {
			j, known, lower = e, true, 0
			continue
		}
		if titleAt(toks, j) > j || startsName(toks, j) {
			break
		}
		j, known, lower = j+1, false, 0
	}
	return j
}

// placeAfterLevel returns the end of the place name that follows a level
// word at token i ("huyện Chiêm Hóa", "xã Hà Hiệu"), or i. Provinces and
// districts are known; a commune is not, and its name is told from the
// name of a person that may follow it by length: most communes have two
// syllables, most people three, and a person's name starts with a surname.
func placeAfterLevel(toks []token, i int) int {
	if i >= len(toks) || !toks[i].upper {
		return i
	}
	if e, _ := places.match(toks, i); e > i {
		return e
	}
	run := i
	for run < len(toks) && isNameSyllable(toks[run]) && (run == i || toks[run].start == toks[run-1].end+1) {
		run++
	}
	switch n := run - i; {
	case n == 2, n == 3 && !surnames[toks[i].key]:
		return run
	case n >= 4:
		for k := i + 2; k <= run-2; k++ {
			if surnames[toks[k].key] {
				return k // "xã Tân Lập Nguyễn Văn A"
			}
		}
	}
	return i
}

// continuesName reports whether the word at i, after a comma or dash,
// continues the name of an organisation ("Văn hóa, Thể thao và Du lịch",
// "Kinh tế - Ngân sách") rather than starting another post or a name.
func continuesName(toks []token, i int) bool {
	t := toks[i]
	return t.word && t.upper && !t.digit && titleAt(toks, i) == i && !startsName(toks, i) && !t.abbr
}

// parseChain reads posts separated by commas, dashes, "kiêm" and "và" from
// token i; it returns the token ranges of the posts and the end.
func parseChain(toks []token, i int) (posts [][2]int, end int) {
	j := i
	for {
		e := parsePost(toks, j)
		if e == j {
			break
		}
		posts = append(posts, [2]int{j, e})
		j = e
		if j+1 < len(toks) && isChainSeparator(toks[j]) && titleAt(toks, j+1) > j+1 {
			j++
			continue
		}
		break
	}
	if len(posts) == 0 {
		return nil, i
	}
	return posts, j
}

func isChainSeparator(t token) bool {
	switch t.key {
	case ",", "-", "–", "kiêm", "và", ";":
		return t.key != ";"
	}
	return false
}

// nameRun returns the end of the run of capitalised syllables at i that can
// be a person's name (two to five syllables), or i.
func nameRun(toks []token, i int) int {
	j := i
	for j < len(toks) && j-i < 6 && isNameSyllable(toks[j]) && (j == i || toks[j].start == toks[j-1].end+1) {
		j++
	}
	if n := j - i; n < 2 || n > 5 {
		return i
	}
	return j
}

// isNameSyllable: capitalised, not a number, not an abbreviation such as
// "UBND" (a one-letter name like "A" is fine).
func isNameSyllable(t token) bool {
	return t.word && t.upper && !t.digit && !t.abbr
}

func isAbbreviation(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n > 1
}

// startsName reports whether a person's name starts at i: a known surname
// opening a run of two to five capitalised syllables that is not the name
// of a place, a body or a title.
func startsName(toks []token, i int) bool {
	if i >= len(toks) || !surnames[toks[i].key] {
		return false
	}
	return isName(toks, i, nameRun(toks, i))
}

// isName checks a candidate run [i, e) against the gazetteers.
func isName(toks []token, i, e int) bool {
	if e == i {
		return false
	}
	if pe, _ := places.match(toks, i); pe > i {
		return false
	}
	if be, _ := bodies.match(toks, i); be > i {
		return false
	}
	if titleAt(toks, i) > i {
		return false
	}
	if he, _ := honorifics.match(toks, i); he > i && !surnameOng(toks, i) {
		return false
	}
	return true
}

// surnameOng reports an "Ông" that is a surname, not "Mr": right after
// "đồng chí" ("đồng chí Ông Ngọc Sáng"), where no second honorific stands.
func surnameOng(toks []token, i int) bool {
	return i >= 2 && toks[i].upper && toks[i].key == "ông" && toks[i-1].key == "chí" && toks[i-2].key == "đồng"
}

// looseName returns the end of a name at i in a place where only a name can
// stand (after "đồng chí", in a list of people): any capitalised run of
// two to five syllables will do, surname known or not.
func looseName(toks []token, i int) int {
	e := nameRun(toks, i)
	if !isName(toks, i, e) {
		return i
	}
	return e
}
