package org

import "plenum/internal/i18n"

// Kind is what sort of body a unit is.
type Kind string

// The kinds of unit. A Party committee exists at every level (Ban Chấp hành
// Trung ương, Tỉnh ủy, Huyện ủy, Đảng ủy xã); the level is a separate
// attribute of the unit, so one kind serves all four.
const (
	PartyCommittee   Kind = "party_committee"   // Ban Chấp hành Đảng bộ: Tỉnh ủy, Huyện ủy, Đảng ủy xã
	StandingBoard    Kind = "standing_board"    // Ban Thường vụ (Bộ Chính trị at the centre)
	PartyAgency      Kind = "party_agency"      // Văn phòng, Ban Tổ chức, Ủy ban Kiểm tra… of a committee
	PeoplesCouncil   Kind = "peoples_council"   // Hội đồng nhân dân
	PeoplesCommittee Kind = "peoples_committee" // Ủy ban nhân dân
	Department       Kind = "department"        // Sở (province), Phòng (district)
	FatherlandFront  Kind = "fatherland_front"  // Ủy ban Mặt trận Tổ quốc Việt Nam
	MassOrganisation Kind = "mass_organisation" // Đoàn Thanh niên, Hội Phụ nữ, Hội Nông dân, Hội Cựu chiến binh, Công đoàn
	NADelegation     Kind = "na_delegation"     // Đoàn đại biểu Quốc hội
)

// Kinds returns every kind, in the order forms list them.
func Kinds() []Kind {
	return []Kind{PartyCommittee, StandingBoard, PartyAgency, PeoplesCouncil, PeoplesCommittee,
		Department, FatherlandFront, MassOrganisation, NADelegation}
}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	for _, x := range Kinds() {
		if k == x {
			return true
		}
	}
	return false
}

// Label returns the name of the kind in lang.
func (k Kind) Label(lang string) string { return i18n.T(lang, "org.kind."+string(k)) }

// Level is the tier of the state and Party apparatus a unit belongs to.
type Level string

// The levels, from the top. The district level was abolished on 2025-07-01;
// district units remain in the history.
const (
	Central  Level = "central"
	Province Level = "province"
	District Level = "district"
	Commune  Level = "commune"
)

// Levels returns every level, from the top.
func Levels() []Level { return []Level{Central, Province, District, Commune} }

// Valid reports whether l is a known level.
func (l Level) Valid() bool { return l.Depth() >= 0 }

// Depth is 0 for central, 1 for province, 2 for district, 3 for commune and
// -1 for an unknown level. A unit may sit only under a unit of the same or a
// smaller depth: a commune under a province, never a province under a commune.
func (l Level) Depth() int {
	switch l {
	case Central:
		return 0
	case Province:
		return 1
	case District:
		return 2
	case Commune:
		return 3
	}
	return -1
}

// Label returns the name of the level in lang.
func (l Level) Label(lang string) string { return i18n.T(lang, "org.level."+string(l)) }

// EndReason says how a unit's life ended.
type EndReason string

// The ways a unit ends. Empty means the unit still exists.
const (
	Merged    EndReason = "merged"
	SplitUp   EndReason = "split"
	Dissolved EndReason = "dissolved"
)

// Label returns how the unit ended, in lang; "" while it exists.
func (r EndReason) Label(lang string) string {
	if r == "" {
		return ""
	}
	return i18n.T(lang, "org.end."+string(r))
}

// EventKind names an operation on the organisation.
type EventKind string

// The operations.
const (
	EventCreate   EventKind = "create"
	EventRename   EventKind = "rename"
	EventMove     EventKind = "move"
	EventMerge    EventKind = "merge"
	EventSplit    EventKind = "split"
	EventDissolve EventKind = "dissolve"
)

// Label returns the name of the operation in lang.
func (e EventKind) Label(lang string) string { return i18n.T(lang, "org.event."+string(e)) }
