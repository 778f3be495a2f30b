package conferences

// Quorate reports whether a conference of a body with members members, of
// whom present attend, may proceed: at least two thirds must attend. A body
// with no members is never quorate.
func Quorate(members, present int) bool {
	return members > 0 && present >= 0 && 3*present >= 2*members
}

// QuorumNeeded is the smallest attendance that makes a body of members
// members quorate: two thirds, rounded up.
func QuorumNeeded(members int) int {
	if members <= 0 {
		return 0
	}
	return (2*members + 2) / 3
}

// Passes reports whether a motion carries: more than half of ALL the
// members of the body vote for it — not of those present, not of the votes
// cast.
func Passes(members, votesFor int) bool {
	return members > 0 && 2*votesFor > members
}

// MajorityNeeded is the smallest number of votes for that carries a motion
// in a body of members members: half, plus one, rounded down.
func MajorityNeeded(members int) int {
	if members <= 0 {
		return 0
	}
	return members/2 + 1
}

// Quorum is the attendance of a conference against its body's membership.
type Quorum struct {
	Members    int  `json:"members"`    // members of the body on the day
	Present    int  `json:"present"`    // members recorded present
	Excused    int  `json:"excused"`    // absent with a reason accepted
	Absent     int  `json:"absent"`     // absent without a reason
	Unrecorded int  `json:"unrecorded"` // members whose attendance is not recorded yet
	Needed     int  `json:"needed"`     // attendance that makes the conference valid
	Quorate    bool `json:"quorate"`
}

// NewQuorum computes the quorum from the counts of attendance.
func NewQuorum(members, present, excused, absent int) Quorum {
	return Quorum{Members: members, Present: present, Excused: excused, Absent: absent,
		Unrecorded: max(0, members-present-excused-absent), Needed: QuorumNeeded(members), Quorate: Quorate(members, present)}
}

// Tally is the result of a vote, computed from its counts, the members of
// the body and those present.
type Tally struct {
	Method    VoteMethod `json:"method"`
	For       int        `json:"for"`
	Against   int        `json:"against"`
	Abstain   int        `json:"abstain"`
	NotVoting int        `json:"not_voting"` // present but not counted in any of the three
	Members   int        `json:"members"`
	Present   int        `json:"present"`
	Needed    int        `json:"needed"` // votes for that carry the motion
	Quorate   bool       `json:"quorate"`
	Passed    bool       `json:"passed"`
}

// NewTally applies the rules to a vote.
func NewTally(v Vote, members, present int) Tally {
	return Tally{Method: v.Method, For: v.For, Against: v.Against, Abstain: v.Abstain,
		NotVoting: max(0, present-v.For-v.Against-v.Abstain), Members: members, Present: present,
		Needed: MajorityNeeded(members), Quorate: Quorate(members, present),
		Passed: Quorate(members, present) && Passes(members, v.For)}
}
