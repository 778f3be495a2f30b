package gazetteer

import "strings"

// MeetingBody is a kind of body that meets in numbered conferences or
// sessions, with the forms news writes it in and the canonical name the
// extractor reports.
type MeetingBody struct {
	Name  string   // canonical, with "%s" for the level: "Ban Chấp hành Đảng bộ %s"
	Forms []string // as written, with "%s" for the level
	Party bool     // a Party body: its terms follow the Party congresses (2020–2025 …)
	// Levels the body exists at: "tỉnh", "huyện" …; for committees named
	// after the level ("Tỉnh ủy") the form carries it and Levels is nil.
	Levels []string
}

// partyLevels are the levels of Party organisations below the centre, with
// the committee ("Tỉnh ủy") of each.
var partyLevels = []struct{ Level, Committee string }{
	{"tỉnh", "Tỉnh ủy"}, {"thành phố", "Thành ủy"}, {"huyện", "Huyện ủy"},
	{"thị xã", "Thị ủy"}, {"quận", "Quận ủy"}, {"xã", "Đảng ủy xã"}, {"phường", "Đảng ủy phường"},
}

// MeetingBodies lists the bodies whose meetings articles report. Each
// expands into its forms at each level (see MeetingBodyForms).
var MeetingBodies = []MeetingBody{
	{Name: "Ban Chấp hành Đảng bộ %s", Forms: []string{"Ban Chấp hành Đảng bộ %s", "BCH Đảng bộ %s"}, Party: true},
	{Name: "Ban Thường vụ %s", Forms: []string{"Ban Thường vụ %s", "BTV %s"}, Party: true},
	{Name: "Thường trực %s", Forms: []string{"Thường trực %s"}, Party: true},
	{Name: "%s", Forms: []string{"%s"}, Party: true},
	{Name: "Đảng bộ %s", Forms: []string{"Đảng bộ %s"}, Party: true},
	{Name: "HĐND %s", Forms: []string{"HĐND %s", "Hội đồng nhân dân %s"}, Levels: []string{"tỉnh", "thành phố", "huyện", "thị xã", "quận", "xã", "phường"}},
	{Name: "UBND %s", Forms: []string{"UBND %s", "Ủy ban nhân dân %s"}, Levels: []string{"tỉnh", "thành phố", "huyện", "thị xã", "quận", "xã", "phường"}},
	{Name: "Ban Chấp hành Trung ương", Forms: []string{"Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương", "BCH Trung ương", "Trung ương"}, Party: true, Levels: []string{""}},
}

// MeetingBodyForm is one written form of a meeting body at one level.
type MeetingBodyForm struct {
	Form, Name string // as written; canonical
	Party      bool
	Level      string // "tỉnh", "huyện", … ("" for the centre)
}

// MeetingBodyForms expands MeetingBodies over the levels: "Ban Thường vụ
// Tỉnh ủy", "BTV Huyện ủy", "HĐND tỉnh", "Đảng bộ huyện" …
func MeetingBodyForms() []MeetingBodyForm {
	var out []MeetingBodyForm
	for _, b := range MeetingBodies {
		switch {
		case b.Levels != nil:
			for _, lv := range b.Levels {
				for _, f := range b.Forms {
					out = append(out, MeetingBodyForm{Form: sprintf(f, lv), Name: sprintf(b.Name, lv), Party: b.Party, Level: lv})
				}
			}
		default:
			for _, pl := range partyLevels {
				// Committee-named bodies ("Ban Thường vụ Tỉnh ủy") take the
				// committee; the others ("Đảng bộ tỉnh") the level word.
				arg := pl.Level
				if b.Name == "Ban Thường vụ %s" || b.Name == "Thường trực %s" || b.Name == "%s" {
					arg = pl.Committee
				}
				for _, f := range b.Forms {
					out = append(out, MeetingBodyForm{Form: sprintf(f, arg), Name: sprintf(b.Name, arg), Party: b.Party, Level: pl.Level})
				}
			}
		}
	}
	return out
}

func sprintf(format, arg string) string { return strings.ReplaceAll(format, "%s", arg) }
