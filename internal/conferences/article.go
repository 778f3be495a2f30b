package conferences

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"plenum/internal/access"
	"plenum/internal/news"
	"plenum/internal/org"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// Chair is a chair of a conference with the posts they held that day, in
// the order of precedence.
type Chair struct {
	Name  string
	Posts []string
	rank  int // of the highest post; chairs are listed by it
}

// articleFacts is what an article is written from: the public part of a
// record.
type articleFacts struct {
	Record
	Chairs     []Chair
	Conclusion *Text // the latest approved conclusion, or nil
}

// GenerateArticle writes a draft news article from a conference that has
// been held, in the portal's style, and stores it for an editor to take
// further. A classified conference cannot produce one: the article is
// public. Classified agenda items and documents are left out whoever asks.
func (s *Store) GenerateArticle(ctx context.Context, v access.Viewer, confID int64, author string) (news.Article, error) {
	var out news.Article
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		c, err := s.conference(ctx, v, confID)
		if err != nil {
			return err
		}
		if c.Class > 0 {
			return problem.ConflictField("class", "conferences.error.article_classified")
		}
		if c.Status == Planned {
			return problem.ConflictField("status", "conferences.error.article_not_held")
		}
		// Read the record as the public would: only unclassified items and
		// documents.
		rec, err := s.Record(ctx, access.Viewer{}, confID)
		if err != nil {
			return err
		}
		f := articleFacts{Record: rec, Conclusion: approvedText(rec.Conclusion)}
		for _, p := range rec.Chairs {
			posts, err := s.people.PostsOf(ctx, p.ID, c.HeldOn)
			if err != nil {
				return err
			}
			ch := Chair{Name: p.Name, rank: 1 << 30}
			for _, post := range posts {
				ch.Posts = append(ch.Posts, post.Title)
				ch.rank = min(ch.rank, levelRank(post.UnitLevel)*10000+post.Rank)
			}
			f.Chairs = append(f.Chairs, ch)
		}
		in := composeArticle(f)
		in.Author = author
		out, err = s.news.Create(ctx, in, confID)
		return err
	})
	if err != nil {
		return news.Article{}, err
	}
	return out, nil
}

func levelRank(l org.Level) int { return max(0, l.Depth()) }

// composeArticle writes the title, lead and body of the article.
func composeArticle(f articleFacts) news.Input {
	c := f.Conference
	head, place := splitPlace(c.BodyName)
	body := portalBody(c.BodyKind, head)
	strip := func(title string) string {
		if place != "" {
			return strings.TrimSuffix(title, " "+place)
		}
		return title
	}
	in := news.Input{Title: articleTitle(c, body), Lead: articleLead(c, body)}
	var paras []string

	// Chairs, in the order of precedence of their highest post.
	chairs := stableByRank(f.Chairs)
	if len(chairs) > 0 {
		var parts []string
		for _, ch := range chairs {
			p := ch.Name
			if len(ch.Posts) > 0 {
				titles := make([]string, len(ch.Posts))
				for i, t := range ch.Posts {
					titles[i] = strip(t)
				}
				p += " - " + strings.Join(titles, ", ")
			}
			parts = append(parts, p)
		}
		if len(parts) == 1 {
			paras = append(paras, "Đồng chí "+parts[0]+" chủ trì Hội nghị.")
		} else {
			paras = append(paras, "Các đồng chí: "+strings.Join(parts, "; ")+" chủ trì Hội nghị.")
		}
	}
	if c.InvitedText != "" {
		paras = append(paras, "Dự Hội nghị có "+lowerFirst(strings.TrimSuffix(c.InvitedText, "."))+".")
	}
	if c.Online && len(c.Bridges) > 0 {
		paras = append(paras, fmt.Sprintf("Hội nghị được tổ chức trực tuyến tại %s điểm cầu với %s đại biểu tham dự.",
			vn.FormatNumber(int64(len(c.Bridges))), vn.FormatNumber(int64(c.Delegates))))
	}

	// The agenda, and who presented what.
	if len(f.Items) > 0 {
		titles := make([]string, len(f.Items))
		var presented []string
		for i, it := range f.Items {
			titles[i] = it.Title
			who := it.PresenterText
			if it.Presenter != nil {
				who = "đồng chí " + it.Presenter.Name
				if it.PresenterText != "" {
					who += " - " + it.PresenterText
				}
			}
			if who != "" {
				presented = append(presented, upperFirst(who)+" trình bày "+it.Title+".")
			}
		}
		p := "Hội nghị đã nghe, thảo luận và cho ý kiến về các nội dung: " + strings.Join(titles, "; ") + "."
		if len(presented) > 0 {
			p += " " + strings.Join(presented, " ")
		}
		paras = append(paras, p)
	}

	// The votes.
	member := memberWord(c.BodyKind)
	for _, it := range f.Items {
		t := it.Tally
		if t == nil {
			continue
		}
		how := ""
		if t.Method == SecretBallot {
			how = " bằng hình thức bỏ phiếu kín"
		}
		if t.Passed {
			paras = append(paras, fmt.Sprintf("Hội nghị đã biểu quyết%s thông qua %s với %d/%d %s tán thành.",
				how, lowerFirst(it.Title), t.For, t.Members, member))
		} else {
			paras = append(paras, fmt.Sprintf("%s chưa được thông qua: %d/%d %s tán thành, chưa đạt quá nửa tổng số %s.",
				upperFirst(it.Title), t.For, t.Members, member, member))
		}
	}

	// The conclusion.
	if f.Conclusion != nil {
		if len(chairs) > 0 {
			lead := "Phát biểu kết luận Hội nghị, đồng chí " + chairs[0].Name
			if post := localPost(chairs[0].Posts, place); post != "" {
				lead += " - " + strip(post)
			}
			paras = append(paras, lead+" đã tổng hợp ý kiến thảo luận của các đại biểu.")
		}
		for _, p := range strings.Split(f.Conclusion.Body, "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				paras = append(paras, p)
			}
		}
	}

	// The documents adopted.
	if len(f.Adopted) > 0 {
		docs := make([]string, len(f.Adopted))
		for i, d := range f.Adopted {
			docs[i] = docPhrase(d)
		}
		paras = append(paras, "Hội nghị đã thống nhất thông qua: "+strings.Join(docs, "; ")+".")
	}
	in.Body = strings.Join(paras, "\n\n")
	return in
}

// articleTitle is "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ năm (khóa
// XII)", or for an interim or final review the review itself.
func articleTitle(c Conference, body string) string {
	if (c.Kind == InterimReview || c.Kind == FinalReview || c.Kind == Thematic) && c.Subject != "" {
		return body + ": Hội nghị " + lowerFirst(c.Subject)
	}
	term := "khóa " + c.TermRoman
	if c.Expanded {
		term += ", mở rộng"
	}
	return fmt.Sprintf("Hội nghị %s lần %s (%s)", body, ordinalPhrase(c.Ordinal), term)
}

// articleLead is "Sáng 11/10, tại Hội trường Tỉnh ủy, Ban Chấp hành Đảng
// bộ tỉnh khóa XII tổ chức Hội nghị lần thứ năm để đánh giá …".
func articleLead(c Conference, body string) string {
	when := "Ngày"
	if p := c.Part.PartOfDay().String(); p != "" {
		when = upperFirst(p)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %02d/%02d, ", when, c.HeldOn.Day, c.HeldOn.Month)
	if c.Venue != "" {
		b.WriteString("tại " + c.Venue + ", ")
	}
	b.WriteString(body + " khóa " + c.TermRoman + " tổ chức Hội nghị")
	switch {
	case c.Kind == InterimReview || c.Kind == FinalReview || c.Kind == Thematic:
		if c.Subject != "" {
			b.WriteString(" " + strings.TrimSuffix(lowerFirst(c.Subject), "."))
		}
	default:
		b.WriteString(" lần " + ordinalPhrase(c.Ordinal))
		if c.Expanded {
			b.WriteString(" (mở rộng)")
		}
		if c.Kind == Extraordinary {
			b.WriteString(" (bất thường)")
		}
		if c.Subject != "" {
			b.WriteString(" để " + strings.TrimSuffix(lowerFirst(c.Subject), "."))
		}
	}
	if c.Online {
		b.WriteString(" theo hình thức trực tuyến")
	}
	b.WriteString(".")
	return b.String()
}

// ordinalPhrase writes the conference's number the way the portal does: in
// words up to ten ("thứ năm"), in digits above ("thứ 15").
func ordinalPhrase(n int) string {
	if n <= 10 {
		return vn.FormatOrdinal(n)
	}
	return fmt.Sprintf("thứ %d", n)
}

// placeMarkers end the part of a unit's name that says what it is; what
// follows is the place: "Tỉnh ủy | Bắc Kạn", "Hội đồng nhân dân tỉnh | Bắc Kạn".
var placeMarkers = []string{"Tỉnh ủy ", "Thành ủy ", "Huyện ủy ", "Thị ủy ", "Đảng ủy xã ", "Đảng ủy phường ",
	"Đảng ủy thị trấn ", " tỉnh ", " thành phố ", " huyện ", " thị xã ", " xã ", " phường ", " thị trấn "}

// splitPlace splits a unit's name into what it is and the place, as the
// portal of that place writes it without the place's name.
func splitPlace(name string) (head, place string) {
	best := -1
	var marker string
	for _, m := range placeMarkers {
		if i := strings.Index(name, m); i >= 0 && (best < 0 || i < best) {
			best, marker = i, m
		}
	}
	if best < 0 {
		return name, ""
	}
	return strings.TrimSpace(name[:best+len(marker)]), strings.TrimSpace(name[best+len(marker):])
}

// committeeArea names the Party organisation ("Đảng bộ tỉnh") of a
// committee named "Tỉnh ủy".
var committeeArea = map[string]string{"Tỉnh ủy": "tỉnh", "Thành ủy": "thành phố", "Huyện ủy": "huyện", "Thị ủy": "thị xã",
	"Đảng ủy xã": "xã", "Đảng ủy phường": "phường", "Đảng ủy thị trấn": "thị trấn"}

// portalBody names the body as its own portal does: "Ban Chấp hành Đảng bộ
// tỉnh" for the Provincial Committee, "Ban Thường vụ Tỉnh ủy", "Hội đồng
// nhân dân tỉnh".
func portalBody(kind org.Kind, head string) string {
	if kind == org.PartyCommittee {
		if area, ok := committeeArea[head]; ok {
			return "Ban Chấp hành Đảng bộ " + area
		}
		return "Ban Chấp hành " + head
	}
	return head
}

// memberWord is what the members of a body are called.
func memberWord(k org.Kind) string {
	switch k {
	case org.PartyCommittee, org.StandingBoard:
		return "ủy viên"
	case org.PeoplesCouncil:
		return "đại biểu"
	}
	return "thành viên"
}

// docPhrase names an adopted document: "Nghị quyết số 12-NQ/TU ngày
// 11/10/2021 về …".
func docPhrase(d DocRef) string {
	p := d.Kind.Name("vi")
	if d.Symbol != "" {
		p += " số " + d.Symbol
	}
	if !d.IssuedOn.IsZero() {
		p += " ngày " + vn.FormatDate(d.IssuedOn)
	}
	if d.Title != "" {
		p += " " + lowerFirst(d.Title)
	}
	return p
}

// localPost is the first of the posts held in the place of the body (the
// one a local article names a leader by), else the first.
func localPost(posts []string, place string) string {
	for _, p := range posts {
		if place != "" && strings.HasSuffix(p, " "+place) {
			return p
		}
	}
	if len(posts) > 0 {
		return posts[0]
	}
	return ""
}

// stableByRank orders chairs by the precedence of their highest post,
// keeping the recorded order among equals.
func stableByRank(cs []Chair) []Chair {
	out := slices.Clone(cs)
	slices.SortStableFunc(out, func(a, b Chair) int { return cmp.Compare(a.rank, b.rank) })
	return out
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// lowerFirst lowers the first letter of a phrase put inside a sentence,
// unless the second letter is upper case too (an abbreviation: "HĐND").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	if r2, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
