package conferences

import (
	"slices"

	"plenum/internal/i18n"
	"plenum/internal/vn"
)

// Kind is what sort of conference it is.
type Kind string

// The kinds of conference.
const (
	Regular       Kind = "regular"        // định kỳ
	Extraordinary Kind = "extraordinary"  // đột xuất, bất thường
	Thematic      Kind = "thematic"       // chuyên đề
	InterimReview Kind = "interim_review" // sơ kết
	FinalReview   Kind = "final_review"   // tổng kết
)

// Kinds lists the kinds in the order forms offer them.
func Kinds() []Kind { return []Kind{Regular, Extraordinary, Thematic, InterimReview, FinalReview} }

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool { return slices.Contains(Kinds(), k) }

// Label names the kind in lang.
func (k Kind) Label(lang string) string { return i18n.T(lang, "conferences.kind."+string(k)) }

// Status is where a conference stands.
type Status string

// The statuses, in the order a conference passes through them.
const (
	Planned Status = "planned" // convened, not yet held
	Held    Status = "held"    // held; attendance and votes are being recorded
	Closed  Status = "closed"  // the record is complete
)

// Statuses lists the statuses in order.
func Statuses() []Status { return []Status{Planned, Held, Closed} }

// Valid reports whether s is a known status.
func (s Status) Valid() bool { return slices.Contains(Statuses(), s) }

// Label names the status in lang.
func (s Status) Label(lang string) string { return i18n.T(lang, "conferences.status."+string(s)) }

// Presence is a member's attendance.
type Presence string

// The kinds of attendance.
const (
	Present Presence = "present"
	Excused Presence = "excused" // vắng có lý do
	Absent  Presence = "absent"  // vắng không có lý do
)

// Presences lists them in the order forms offer them.
func Presences() []Presence { return []Presence{Present, Excused, Absent} }

// Valid reports whether p is a known kind of attendance.
func (p Presence) Valid() bool { return slices.Contains(Presences(), p) }

// Label names the attendance in lang.
func (p Presence) Label(lang string) string { return i18n.T(lang, "conferences.presence."+string(p)) }

// ItemKind is what an agenda item puts before the conference.
type ItemKind string

// The kinds of agenda item.
const (
	Report          ItemKind = "report"           // báo cáo
	Submission      ItemKind = "submission"       // tờ trình
	DraftResolution ItemKind = "draft_resolution" // dự thảo nghị quyết
	Review          ItemKind = "review"           // sơ kết, tổng kết, cho ý kiến
	OtherItem       ItemKind = "other"
)

// ItemKinds lists the kinds of agenda item in the order forms offer them.
func ItemKinds() []ItemKind {
	return []ItemKind{Report, Submission, DraftResolution, Review, OtherItem}
}

// Valid reports whether k is a known kind of item.
func (k ItemKind) Valid() bool { return slices.Contains(ItemKinds(), k) }

// Label names the kind of item in lang.
func (k ItemKind) Label(lang string) string { return i18n.T(lang, "conferences.item_kind."+string(k)) }

// VoteMethod is how a vote was taken.
type VoteMethod string

// The methods of voting.
const (
	ShowOfHands  VoteMethod = "show_of_hands" // biểu quyết giơ tay
	SecretBallot VoteMethod = "secret_ballot" // bỏ phiếu kín
)

// VoteMethods lists the methods.
func VoteMethods() []VoteMethod { return []VoteMethod{ShowOfHands, SecretBallot} }

// Valid reports whether m is a known method.
func (m VoteMethod) Valid() bool { return slices.Contains(VoteMethods(), m) }

// Label names the method in lang.
func (m VoteMethod) Label(lang string) string { return i18n.T(lang, "conferences.method."+string(m)) }

// TextKind is which text of a conference a version belongs to.
type TextKind string

// The texts of a conference.
const (
	Minutes    TextKind = "minutes"    // biên bản
	Conclusion TextKind = "conclusion" // kết luận
)

// TextKinds lists the texts.
func TextKinds() []TextKind { return []TextKind{Minutes, Conclusion} }

// Valid reports whether k is a known text.
func (k TextKind) Valid() bool { return slices.Contains(TextKinds(), k) }

// Label names the text in lang.
func (k TextKind) Label(lang string) string { return i18n.T(lang, "conferences.text."+string(k)) }

// TextStatus is whether a version is still a draft.
type TextStatus string

// The statuses of a version.
const (
	Draft    TextStatus = "draft"
	Approved TextStatus = "approved"
)

// Label names the status in lang.
func (s TextStatus) Label(lang string) string {
	return i18n.T(lang, "conferences.text_status."+string(s))
}

// Part is the part of the day a conference met, by the name the API and
// forms use; it is stored as vn.PartOfDay.
type Part string

// The parts of the day; empty when not recorded.
const (
	Morning   Part = "morning"
	Noon      Part = "noon"
	Afternoon Part = "afternoon"
	Evening   Part = "evening"
	Night     Part = "night"
)

var parts = []struct {
	part Part
	vn   vn.PartOfDay
}{{Morning, vn.Morning}, {Noon, vn.Noon}, {Afternoon, vn.Afternoon}, {Evening, vn.Evening}, {Night, vn.Night}}

// Parts lists the parts of the day in order.
func Parts() []Part {
	out := make([]Part, len(parts))
	for i, p := range parts {
		out[i] = p.part
	}
	return out
}

// Valid reports whether p is empty or a known part of the day.
func (p Part) Valid() bool { return p == "" || slices.Contains(Parts(), p) }

// PartOfDay returns the part as vn.PartOfDay (0 when empty).
func (p Part) PartOfDay() vn.PartOfDay {
	for _, x := range parts {
		if x.part == p {
			return x.vn
		}
	}
	return 0
}

// PartOf returns the Part of a vn.PartOfDay.
func PartOf(pd vn.PartOfDay) Part {
	for _, x := range parts {
		if x.vn == pd {
			return x.part
		}
	}
	return ""
}

// Label names the part of the day in lang ("" when none).
func (p Part) Label(lang string) string {
	if p == "" {
		return ""
	}
	return i18n.T(lang, "conferences.part."+string(p))
}
