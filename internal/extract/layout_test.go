package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// Pages written for these tests: the layouts portals use, not their words.
func TestLayout(t *testing.T) {
	lead := "Sáng 5/3, Ban Thường vụ Huyện ủy tổ chức hội nghị sơ kết công tác quý I, bàn nhiệm vụ trọng tâm quý II và thống nhất nhiều nội dung quan trọng khác của địa phương."
	tests := []struct {
		name                  string
		page                  string
		title, author, source string
		published             string
		captions, boilerplate []string
		bodyLines             int
	}{
		{
			name:        "kicker, category and date line",
			page:        "Chính trị - Xã hội\nHuyện ủy:\nTập trung hoàn thành chỉ tiêu quý II\nNgày xuất bản: 06/03/2024 08:15\n" + lead + "\nMinh Anh (TTXVN)",
			title:       "Tập trung hoàn thành chỉ tiêu quý II",
			author:      "Minh Anh",
			published:   "2024-03-06",
			boilerplate: []string{"Chính trị - Xã hội", "Huyện ủy:", "Ngày xuất bản: 06/03/2024 08:15", "Minh Anh (TTXVN)"},
			bodyLines:   1,
		},
		{
			name:        "captions between paragraphs and a source",
			page:        "Tiêu đề bài viết về hội nghị sơ kết\n" + lead + "\nToàn cảnh hội nghị.\nĐồng chí Bí thư Huyện ủy phát biểu kết luận hội nghị\n" + lead + "\n(Ảnh: Thu Hà)\nTheo Báo Tuyên Quang",
			title:       "Tiêu đề bài viết về hội nghị sơ kết",
			source:      "Báo Tuyên Quang",
			captions:    []string{"Toàn cảnh hội nghị.", "Đồng chí Bí thư Huyện ủy phát biểu kết luận hội nghị", "(Ảnh: Thu Hà)"},
			boilerplate: []string{"Theo Báo Tuyên Quang"},
			bodyLines:   2,
		},
		{
			name:        "related news end the page",
			page:        "Hội nghị sơ kết quý I\n" + lead + "\nNguyễn Văn Bình\nTin liên quan\nMột tin khác rất ngắn\nThêm một tin khác nữa",
			title:       "Hội nghị sơ kết quý I",
			author:      "Nguyễn Văn Bình",
			boilerplate: []string{"Nguyễn Văn Bình", "Tin liên quan", "Một tin khác rất ngắn", "Thêm một tin khác nữa"},
			bodyLines:   1,
		},
		{
			name:      "a short sentence with a chrome word stays",
			page:      "Gặp mặt các đại biểu tiêu biểu của tỉnh\n" + lead + "\nNhiều đại biểu đã chia sẻ kinh nghiệm quý trong công tác.",
			title:     "Gặp mặt các đại biểu tiêu biểu của tỉnh",
			bodyLines: 2,
		},
		{
			name: "HTML: a side column with another article's summary before the content",
			page: `<html><body><div class="col-left"><div class="box"><b>Tin nổi bật</b><p>` + strings.Repeat("Tóm tắt một bài khác của cổng thông tin, dài hơn một dòng. ", 4) + `</p></div></div>` +
				`<h1>Sơ kết quý I tại huyện</h1><div class="date">06/03/2024 08:00</div><div class="detail-content"><p>` + lead + `</p><p>` + lead + `</p></div></body></html>`,
			title:       "Sơ kết quý I tại huyện",
			published:   "2024-03-06",
			boilerplate: []string{"Tin nổi bật", strings.TrimSpace(strings.Repeat("Tóm tắt một bài khác của cổng thông tin, dài hơn một dòng. ", 4)), "06/03/2024 08:00"},
			bodyLines:   2,
		},
		{
			name:        "related news printed before the article",
			page:        "Tin liên quan\nMột tin khác rất ngắn\nHội nghị sơ kết quý I\n" + lead + "\n" + lead,
			title:       "Hội nghị sơ kết quý I",
			boilerplate: []string{"Tin liên quan", "Một tin khác rất ngắn"},
			bodyLines:   2,
		},
		{
			name:      "excerpt cut at both ends",
			page:      "các đại biểu tập trung thảo luận.\n" + lead + "\nĐồng chí Bí thư nhấn mạnh, các cấp ủy cần",
			bodyLines: 3,
		},
		{
			name:      "excerpt without a headline",
			page:      "tiếp tục thực hiện các nhiệm vụ đã đề ra. " + lead,
			bodyLines: 1,
		},
		{
			name:      "captions: a credit after a full stop, a vote, and a sentence about how long",
			page:      "Hội nghị sơ kết quý I\n" + lead + "\nĐồng chí Bí thư Huyện ủy phát biểu tại hội nghị. Ảnh: Lê Hạnh\nĐại biểu biểu quyết thông qua nghị quyết của hội nghị.\nHội nghị làm việc đến hết ngày 6/3/2024.\n" + lead,
			title:     "Hội nghị sơ kết quý I",
			captions:  []string{"Đồng chí Bí thư Huyện ủy phát biểu tại hội nghị. Ảnh: Lê Hạnh", "Đại biểu biểu quyết thông qua nghị quyết của hội nghị."},
			bodyLines: 3,
		},
		{
			name:      "one caption to a photo: a sentence above a credited caption stays",
			page:      "Hội nghị sơ kết quý I\n" + lead + "\nĐồng chí Trưởng Ban Tổ chức Huyện ủy trình bày tờ trình về công tác cán bộ.\nQuang cảnh hội nghị. Ảnh: Lê Hạnh\n" + lead,
			title:     "Hội nghị sơ kết quý I",
			captions:  []string{"Quang cảnh hội nghị. Ảnh: Lê Hạnh"},
			bodyLines: 3,
		},
		{
			name: "HTML: logo in h1, headline matched by the page title",
			page: `<html><head><title>Sơ kết quý I tại huyện - Cổng thông tin</title><meta property="article:published_time" content="2024-03-06T08:00:00+07:00"></head>` +
				`<body><h1>Cổng thông tin</h1><nav><a>Trang chủ</a></nav><div class="news-title">Sơ kết quý I tại huyện</div><p>` + lead + `</p>` +
				`<figure><img src="a.jpg"><figcaption>Quang cảnh</figcaption></figure><div class="related"><a>Tin khác</a></div><script>x()</script></body></html>`,
			title:       "Sơ kết quý I tại huyện",
			published:   "2024-03-06",
			captions:    []string{"Quang cảnh"},
			boilerplate: []string{"Cổng thông tin", "Trang chủ", "Tin khác"},
			bodyLines:   1,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := Extract(tc.page, Options{})
			if a.Title != tc.title || a.Author != tc.author || a.Source != tc.source || a.Published.String() != tc.published {
				t.Errorf("title %q, author %q, source %q, published %q; want %q, %q, %q, %q",
					a.Title, a.Author, a.Source, a.Published, tc.title, tc.author, tc.source, tc.published)
			}
			if !slices.Equal(a.Captions, tc.captions) {
				t.Errorf("captions %q, want %q", a.Captions, tc.captions)
			}
			if !slices.Equal(a.Boilerplate, tc.boilerplate) {
				t.Errorf("boilerplate %q, want %q", a.Boilerplate, tc.boilerplate)
			}
			if n := len(strings.Split(a.Body, "\n")); n != tc.bodyLines {
				t.Errorf("%d body lines, want %d:\n%s", n, tc.bodyLines, a.Body)
			}
		})
	}
}

func TestEventDate(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Tiêu đề\n11/10/2021\nSáng 11/10, Tỉnh ủy tổ chức hội nghị sơ kết công tác quý III và bàn nhiệm vụ quý IV năm 2021.", "2021-10-11"},
		{"Tiêu đề\n11/10/2021\nSáng nay, Tỉnh ủy tổ chức hội nghị sơ kết công tác quý III và bàn nhiệm vụ quý IV năm 2021.", "2021-10-11"},
		{"Tiêu đề\n11/10/2021\nChiều qua, Tỉnh ủy tổ chức hội nghị sơ kết công tác quý III và bàn nhiệm vụ quý IV năm 2021.", "2021-10-10"},
		// The year of a day written without one, from the latest full date.
		{"Tiêu đề\nChiều 18/02, Tỉnh ủy quán triệt Kế hoạch số 147-KH/TU ngày 14/01/2022 của Ban Chấp hành Đảng bộ tỉnh.", "2022-02-18"},
		// No date line, and the latest full date is a resolution's of
		// December: the meeting that reviews it in July is of the next year.
		{"Tiêu đề\nNgày 9/7, Ban Thường vụ Tỉnh ủy sơ kết Nghị quyết số 21-NQ/TU ngày 15/12/2023 của Tỉnh ủy về phát triển du lịch.", "2024-07-09"},
		// … but a day that may be before the latest date keeps its nearest year.
		{"Tiêu đề\nNgày 9/11, Ban Thường vụ Tỉnh ủy bàn việc hoàn thành các chỉ tiêu trước ngày 15/12/2023 như đã đề ra.", "2023-11-09"},
		// No day in the first paragraphs: no event date.
		{"Tiêu đề\nTỉnh ủy tổ chức hội nghị quán triệt nghị quyết của Trung ương với nhiều nội dung quan trọng.", ""},
	}
	for _, tc := range tests {
		if got := Extract(tc.text, Options{}).EventDate.String(); got != tc.want {
			t.Errorf("%q: event date %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestMeetingOnlyWhenReported(t *testing.T) {
	recalled := "Phát huy sức mạnh đoàn kết\nHội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII đã ban hành nghị quyết quan trọng về chiến lược bảo vệ Tổ quốc trong tình hình mới."
	if m := Extract(recalled, Options{}).Meeting; m != nil {
		t.Errorf("a meeting recalled in a commentary: %+v", m)
	}
	reported := "Tin hoạt động\nSáng 12/3, Ban Chấp hành Đảng bộ tỉnh tổ chức Hội nghị lần thứ tám để cho ý kiến về nhiều nội dung quan trọng của tỉnh."
	if m := Extract(reported, Options{}).Meeting; m == nil || m.Body != "Ban Chấp hành Đảng bộ tỉnh" || m.Ordinal != 8 {
		t.Errorf("a meeting reported: %+v", m)
	}
}

func TestMeetingBeforeItsSubject(t *testing.T) {
	tests := []struct {
		name, text string
		want       Meeting
	}{
		{
			name: "a standing board meets about the congress to come",
			text: "Tin hoạt động\nChiều 4/9, Ban Thường vụ Tỉnh ủy Điện Biên họp cho ý kiến vào dự thảo văn kiện trình Đại hội đại biểu Đảng bộ tỉnh lần thứ XV, nhiệm kỳ 2025 - 2030.",
			want: Meeting{Body: "Ban Thường vụ Tỉnh ủy"},
		},
		{
			name: "the term and place between the body and the verb",
			text: "Tin hoạt động\nNgày 20/6, Ban Chấp hành Đảng bộ tỉnh Sơn La khóa XV, nhiệm kỳ 2020 - 2025 tổ chức Hội nghị lần thứ 22 bàn nhiều nội dung quan trọng.",
			want: Meeting{Body: "Ban Chấp hành Đảng bộ tỉnh", Ordinal: 22, Term: "XV", TermYears: [2]int{2020, 2025}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := Extract(tc.text, Options{}).Meeting
			if m == nil || m.Body != tc.want.Body || m.Ordinal != tc.want.Ordinal || m.Term != tc.want.Term || m.TermYears != tc.want.TermYears {
				t.Errorf("meeting %+v, want %+v", m, tc.want)
			}
		})
	}
}

func TestDateLines(t *testing.T) {
	for _, line := range []string{
		"11/10/2021", "Thứ Hai, 11/10/2021 08:30 (GMT+7)", "Cập nhật ngày: 04/12/2020 - 20:06",
		"Ngày 11 tháng 10 năm 2021", "08:30 | 11-10-2021", "Đăng lúc: 08:30 - 11.10.2021",
	} {
		if !isDateLine(line) {
			t.Errorf("%q is not read as a date line", line)
		}
	}
	for _, line := range []string{"Năm 2021 đạt 15/25 chỉ tiêu", "Ngày hội đại đoàn kết 18/11"} {
		if isDateLine(line) {
			t.Errorf("%q is read as a date line", line)
		}
	}
}

func TestProvince(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Tin\nSáng 5/3, UBND tỉnh Hà Giang họp phiên thường kỳ để bàn về phát triển kinh tế và nhiều nội dung khác.", "Hà Giang"},
		{"Tin\nSáng 5/3, Huyện ủy Xín Mần tổ chức hội nghị sơ kết công tác quý I năm 2024 và nhiều nội dung khác.", "Hà Giang"},
		// After 1 July 2025 a place of Hà Giang is in Tuyên Quang.
		{"Tin\nSáng 5/9/2025, đoàn công tác về huyện Xín Mần kiểm tra tình hình khắc phục hậu quả mưa lũ trên địa bàn.", "Tuyên Quang"},
		// A province named once in passing decides nothing.
		{"Tin\nSáng 5/3, đoàn đại biểu đã đến thăm Hà Nội và làm việc với một số cơ quan trung ương về nhiều nội dung.", ""},
		{"Tin\nSáng 5/3, Thành ủy TP. Việt Trì tổ chức hội nghị sơ kết công tác quý I năm 2024 và nhiều nội dung khác.", "Phú Thọ"},
		// Nothing in the article: the portal's name says whose news it is,
		// but not the headlines of other articles listed below it.
		{"Tin\nSáng 5/3, Ban Thường vụ Tỉnh ủy họp cho ý kiến về nhiều nội dung quan trọng của địa phương.\nBản quyền thuộc Cổng thông tin điện tử tỉnh Ninh Thuận", "Ninh Thuận"},
		{"Tin\nSáng 5/3, Ban Thường vụ Tỉnh ủy họp cho ý kiến về nhiều nội dung quan trọng của địa phương.\nTin liên quan\nTỉnh ủy Lạng Sơn gặp mặt cán bộ hưu trí", ""},
		// Châu Thành is a district of many provinces.
		{"Tin\nSáng 5/3, Huyện ủy Châu Thành tổ chức hội nghị sơ kết công tác quý I năm 2024 và nhiều nội dung khác.", ""},
	}
	for _, tc := range tests {
		if got := Extract(tc.text, Options{}).Province; got != tc.want {
			t.Errorf("%q: province %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestDocumentCitedByNumberFirst(t *testing.T) {
	a := Extract("Hai năm thực hiện Nghị quyết 39\nSáng 5/3, Tỉnh ủy sơ kết Nghị quyết số 39-NQ/TU ngày 10/5/2022 của Ban Chấp hành Đảng bộ tỉnh và Kết luận 12 của Ban Thường vụ.", Options{})
	var got []string
	for _, d := range a.Documents {
		got = append(got, fmt.Sprintf("%s %d %s %s", d.Kind, d.Number, d.Issuer, d.Date))
	}
	want := []string{"resolution 39 TU 2022-05-10", "conclusion 12  "}
	if !slices.Equal(got, want) {
		t.Errorf("documents %q, want %q", got, want)
	}
}
