package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Photo captions are recognised by what they say and how they are built,
// not by where a portal put them: a caption is one short sentence that
// describes a picture ("Toàn cảnh Hội nghị", "Đồng chí X phát biểu tại Hội
// nghị."), while article paragraphs report, with tense words and several
// clauses. HTML markup (figcaption, caption classes) decides directly.

// captionMax is the length in characters above which a line is never taken for a caption.
const captionMax = 260

// photoCreditRE matches lines that are, start with or end in a photo credit.
var photoCreditRE = regexp.MustCompile(`(?i)^(?:\(?ảnh(?: minh họa| tư liệu| internet)?\s*[:：)]|\(?nguồn ảnh|ảnh minh họa|clip:|video:)|[(\-–.]\s*ảnh\s*[:：][^()]{0,60}\)?\.?$|\(ảnh[^()]{0,60}\)\.?$`)

// creditOpeners start a line that is a photo credit alone, printed under
// the caption it belongs to ("(Ảnh: Thu Hà)").
var creditOpeners = []string{"ảnh", "(ảnh", "nguồn ảnh", "(nguồn ảnh"}

// isPhotoCredit tests photoCreditRE, after a cheap look for its words.
func isPhotoCredit(key string) bool {
	return (strings.Contains(key, "ảnh") || strings.Contains(key, "clip") || strings.Contains(key, "video")) && photoCreditRE.MatchString(key)
}

// captionOpeners start descriptions of a scene.
var captionOpeners = []string{
	"toàn cảnh", "quang cảnh", "cảnh ", "các đại biểu", "đại biểu", "lãnh đạo", "đoàn công tác",
	"các đồng chí", "đồng chí", "ông ", "bà ", "tập thể", "các tập thể", "các cá nhân",
}

// meetingOpeners start a caption that names the event shown ("Hội nghị
// trực tuyến …", "Kỳ họp thứ 10 …") when no verb of narration follows.
var meetingOpeners = []string{"hội nghị", "kỳ họp", "đại hội", "phiên họp", "buổi làm việc", "lễ ", "hội thảo", "quang cảnh", "toàn cảnh"}

// sceneWords are what a photo shows people doing.
var sceneWords = []string{
	"phát biểu", "trao ", "tặng ", "chủ trì", "chụp ảnh", "kiểm tra", "thăm ", "dự hội nghị",
	"dự kỳ họp", "dự đại hội", "tham dự", "biểu quyết", "bỏ phiếu", "trình bày", "điều hành",
	"tại hội nghị", "tại kỳ họp", "tại đại hội", "tại buổi", "tại điểm cầu", "tại phiên",
	"cắt băng", "ấn nút", "dâng hương", "tặng hoa", "chúc mừng", "khảo sát", "làm việc",
}

// narrationWords mark a sentence of the article rather than a caption:
// tense and aspect words and verbs of reporting.
var narrationWords = []string{
	" đã ", " đang ", " sẽ ", " cũng ", " được ", " vừa ", " tiếp tục ", " nhằm ", " để ",
	" diễn ra", " tiến hành", " thông qua", " thống nhất", " kết thúc", " nhấn mạnh",
	" cho biết", " khẳng định", " đề nghị", " yêu cầu", " theo đó", " trong đó", " nhưng ",
	" tuy nhiên", " gồm ", " với sự", " có sự", " là ", " có ",
	// how long something lasts: a photo shows a moment
	" đến hết ", " đến ngày ", " trong hai ngày", " trong 2 ngày", " kéo dài ",
}

// cutEnds are words a caption never ends with but a sentence cut off in an
// excerpt does.
var cutEnds = keySet([]string{
	"và", "của", "các", "những", "để", "với", "là", "cần", "phải", "được", "đã", "sẽ", "trong",
	"theo", "cho", "có", "từ", "tại", "về", "nhằm", "như", "mà", "thì", "khi", "đến", "một",
})

// timeOpeners start the lead of a news report ("Sáng 11/10, …").
var timeOpeners = []string{"sáng ", "chiều ", "tối ", "trưa ", "ngày ", "hôm nay", "hôm qua", "vừa qua", "trong ngày", "đêm "}

// narrativeOpeners start sentences of the article ("Tại Hội nghị, …",
// "Phát biểu kết luận, …"), never captions.
var narrativeOpeners = []string{
	"tại ", "phát biểu", "theo ", "về ", "trong ", "sau ", "với ", "qua ", "nhân dịp", "thay mặt",
	"để ", "trước ", "bên cạnh", "cùng với", "đồng thời", "ngoài ra", "từ ", "khi ", "nhằm ",
}

// isCaption reports whether a line of the article reads as a photo caption.
// key is the line's comparison form (lower case, modern tones).
func isCaption(text, key string) bool {
	runes := utf8.RuneCountInString(text)
	if runes > captionMax+80 {
		return false
	}
	if isPhotoCredit(key) {
		return true
	}
	if runes > captionMax || !startsUpper(text) || !singleSentence(text) {
		return false
	}
	switch text[len(text)-1] {
	case ':', ';', ',':
		return false // introduces a list or continues a sentence
	}
	if hasPrefixAny(key, timeOpeners) || hasPrefixAny(key, narrativeOpeners) || hasPrefixAny(key, []string{"-", "+", "•", "*"}) {
		return false
	}
	if i := strings.LastIndexByte(key, ' '); i >= 0 && cutEnds[key[i+1:]] {
		return false // a sentence cut off ("… các cấp ủy cần"), as excerpts end
	}
	// A line without final punctuation between paragraphs is a caption
	// even when it has a verb of narration ("Đại biểu biểu quyết thông qua
	// Nghị quyết"): paragraphs of the article end with a full stop.
	padded := " " + key + " "
	// "biểu quyết thông qua": the vote is the scene shown, not a report of
	// what was adopted.
	padded = strings.ReplaceAll(padded, " biểu quyết thông qua ", " biểu quyết ")
	narrates := containsAny(padded, narrationWords) && endsSentence(text)
	if hasPrefixAny(key, meetingOpeners) && !narrates {
		return true
	}
	if narrates {
		return false
	}
	if hasPrefixAny(key, captionOpeners) {
		return true
	}
	// "Bí thư Tỉnh ủy Nguyễn Văn A phát biểu tại hội nghị": a post and a
	// name, then what the photo shows.
	return containsAny(key, sceneWords) && runes <= 200
}

// endsSentence reports whether text ends with final punctuation, possibly
// followed by closing quotes or brackets.
func endsSentence(text string) bool {
	end := strings.TrimRight(text, "\"”’)» ")
	last, _ := utf8.DecodeLastRuneInString(end)
	return strings.ContainsRune(".!?…", last)
}

// singleSentence reports whether text has no sentence break inside: no
// ". ", "! ", "? " followed by a capital letter before its last character.
func singleSentence(text string) bool {
	body := strings.TrimRight(text, ".!?…” \"")
	for i := 0; i+2 < len(body); i++ {
		switch body[i] {
		case '.', '!', '?':
			if body[i+1] == ' ' && startsUpper(body[i+2:]) && !abbreviationBefore(body, i) {
				return false
			}
		}
	}
	return true
}

// abbreviationBefore reports whether the dot at i ends an abbreviation such
// as "TP.", "ThS.", "TS." rather than a sentence.
func abbreviationBefore(s string, i int) bool {
	j := strings.LastIndexByte(s[:i], ' ') + 1
	w := s[j:i]
	return len(w) > 0 && len(w) <= 4 && startsUpper(w) && w != strings.ToLower(w) && !strings.ContainsAny(w, "0123456789") && len([]rune(w)) <= 3
}

func hasPrefixAny(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
