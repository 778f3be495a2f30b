package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"plenum/internal/gazetteer"
)

// chromeMarkers are words of portal chrome: toolbars, sharing, navigation,
// counters. A short line that contains one is not article text.
var chromeMarkers = []string{
	"publishingportal", "block_", "skip ribbon", "skip to main content", "skip navigation",
	"cỡ chữ", "tăng giảm cỡ", "in bài", "in trang", "bản in", "gửi email", "gửi bài",
	"gửi cho bạn bè", "chia sẻ", "bình luận", "ý kiến bạn đọc", "gửi ý kiến", "đánh giá bài viết",
	"lượt xem", "lượt đọc", "lượt truy cập", "số lần xem", "trở về", "quay lại", "về đầu trang",
	"lên đầu trang", "trang chủ", "đăng nhập", "đăng ký", "tìm kiếm", "từ khóa", "tags:",
	"copyright", "bản quyền", "©", "facebook", "twitter", "zalo", "tweet", "font size",
	"print", "share", "email:", "điện thoại:", "fax:", "địa chỉ:", "giấy phép", "chịu trách nhiệm",
	"nghe đọc", "đọc bài", "phát âm thanh", "xem thêm", "xem tiếp", "theo dõi chúng tôi",
	"rss", "sitemap", "liên hệ", "quảng cáo",
}

// relatedMarkers open the list of other articles that ends a page: every
// line after one is chrome.
var relatedMarkers = []string{
	"tin cùng chuyên mục", "tin liên quan", "tin khác", "các tin khác", "tin đã đưa",
	"bài viết liên quan", "bài liên quan", "bài viết khác", "các bài viết khác", "tin mới",
	"tin mới hơn", "tin cũ hơn", "các tin đã đưa", "xem thêm tin", "cùng chuyên mục",
	"tin bài liên quan", "tin tức liên quan", "có thể bạn quan tâm", "đọc nhiều",
}

// chromeLineMax is the length in characters under which a line with a chrome marker is
// taken for chrome; longer lines are paragraphs that use the word.
const chromeLineMax = 100

// chromeWordsMax is the number of words up to which a line with a chrome
// marker anywhere in it is chrome ("Tăng cỡ chữ Giảm cỡ chữ"); a longer line
// is chrome only when it starts with the marker ("Bản quyền thuộc …"), so
// that a short sentence of the article ("Đồng chí chia sẻ niềm vui với các
// đại biểu.") stays.
const chromeWordsMax = 8

func isChrome(key string) bool {
	if utf8.RuneCountInString(key) > chromeLineMax {
		return false
	}
	few := len(strings.Fields(key)) <= chromeWordsMax
	for _, m := range chromeMarkers {
		if strings.HasPrefix(key, m) || few && strings.Contains(key, m) {
			return true
		}
	}
	return isRelatedMarker(key)
}

func isRelatedMarker(key string) bool {
	key = strings.TrimRight(key, " :.»>")
	for _, m := range relatedMarkers {
		if key == m {
			return true
		}
	}
	return false
}

// dateLineRE matches what a date/time line is made of: dates, times,
// weekdays, "Cập nhật", "Ngày đăng", time zones and separators.
var dateLineRE = regexp.MustCompile(`(?i)^(?:[\s|,:\-–/()]|(?:ngày |thời gian )?(?:cập nhật|đăng tải|đăng|xuất bản|phát hành)(?: lúc| ngày| vào)?|ngày|lúc|thời gian|thứ (?:hai|ba|tư|năm|sáu|bảy)|chủ nhật|thứ [2-7]|t[2-7]|cn|gmt\s*[+-]\s*\d+|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}-\d{2}-\d{2}(?:t[\d:.]+z?)?|\d{1,2}[:h]\d{2}(?::\d{2})?|sa|ch|am|pm|\d{1,2} tháng \d{1,2}(?:,| năm)? \d{4})+$`)

// isDateLine reports a line that holds only a date or time and its words.
func isDateLine(s string) bool {
	return len(s) <= 80 && strings.ContainsAny(s, "0123456789") && dateLineRE.MatchString(s)
}

// labelRE matches the byline and source labels of portals.
var labelRE = regexp.MustCompile(`(?i)^(tác giả|(?:bài|tin)(?:,| và)? ảnh|bài|tin|người viết|thực hiện|nhóm phóng viên|nguồn tin|nguồn|theo)\s*[:：]\s*(.*)$`)

// bylineLine reads an author or source label; label is "author" or "source".
func bylineLine(s string) (label, value string, ok bool) {
	m := labelRE.FindStringSubmatch(s)
	if m == nil || len(s) > 120 {
		return "", "", false
	}
	value = strings.TrimSpace(m[2])
	switch strings.ToLower(m[1]) {
	case "nguồn", "nguồn tin", "theo":
		return "source", value, true
	}
	return "author", value, true
}

// trailingNote is a parenthesis or dash at the end of a byline naming the
// agency or the way it was written: "(TTXVN)", "(tổng hợp)", "- TTXVN".
var trailingNote = regexp.MustCompile(`\s*(?:\([^()]{1,30}\)|[-–]\s*\p{Lu}{2,10})$`)

// isNameLine reports a short line that is a person's name or pen name —
// two to five capitalised words, or a sign-off such as "PV", "T.H", "Minh
// Anh - Thu Hà" — as portals print the author under the article.
func isNameLine(s string) bool {
	if len(s) > 60 || len(s) < 2 {
		return false
	}
	s = authorName(s)
	if s == "PV" || s == "Nhóm PV" || s == "BBT" || s == "CTV" {
		return true
	}
	words := 0
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '–' || r == ',' }) {
		for _, w := range strings.Fields(part) {
			if w == "và" {
				continue
			}
			if !startsUpper(w) {
				return false
			}
			words++
		}
	}
	if words == 1 { // initials: "T.H", "N.V.A"
		return initialsRE.MatchString(s)
	}
	if words < 2 || words > 8 {
		return false
	}
	if _, ok := gazetteer.LookupProvince(s); ok {
		return false
	}
	return true
}

// authorName is a byline without its brackets and trailing agency note.
func authorName(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		s = s[1 : len(s)-1]
	}
	return strings.TrimSpace(trailingNote.ReplaceAllString(s, ""))
}

var initialsRE = regexp.MustCompile(`^(?:\p{Lu}\.){1,3}\p{Lu}\.?$`)
