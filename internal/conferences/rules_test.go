package conferences_test

import (
	"testing"

	"plenum/internal/conferences"
)

func TestQuorum(t *testing.T) {
	tests := []struct {
		name             string
		members, present int
		quorate          bool
		needed           int
	}{
		{"no members", 0, 0, false, 0},
		{"all present", 9, 9, true, 6},
		{"exactly two thirds", 9, 6, true, 6},
		{"one short of two thirds", 9, 5, false, 6},
		{"two thirds rounded up", 10, 7, true, 7},
		{"just under two thirds of ten", 10, 6, false, 7},
		{"exactly half is not enough", 10, 5, false, 7},
		{"large committee", 53, 36, true, 36},
		{"large committee one short", 53, 35, false, 36},
		{"one member", 1, 1, true, 1},
		{"one member absent", 1, 0, false, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := conferences.Quorate(tt.members, tt.present); got != tt.quorate {
				t.Errorf("Quorate(%d, %d) = %v", tt.members, tt.present, got)
			}
			if got := conferences.QuorumNeeded(tt.members); got != tt.needed {
				t.Errorf("QuorumNeeded(%d) = %d, want %d", tt.members, got, tt.needed)
			}
			q := conferences.NewQuorum(tt.members, tt.present, 0, 0)
			if q.Quorate != tt.quorate || q.Needed != tt.needed || q.Unrecorded != tt.members-tt.present {
				t.Errorf("NewQuorum = %+v", q)
			}
		})
	}
}

func TestVotes(t *testing.T) {
	tests := []struct {
		name                       string
		members, present           int
		method                     conferences.VoteMethod
		votesFor, against, abstain int
		passed                     bool
		needed, notVoting          int
	}{
		{"unanimous", 9, 9, conferences.ShowOfHands, 9, 0, 0, true, 5, 0},
		{"exactly half of an even body fails", 10, 10, conferences.ShowOfHands, 5, 5, 0, false, 6, 0},
		{"half plus one of an even body passes", 10, 10, conferences.ShowOfHands, 6, 4, 0, true, 6, 0},
		{"more than half of an odd body", 9, 9, conferences.ShowOfHands, 5, 4, 0, true, 5, 0},
		{"less than half of an odd body", 9, 9, conferences.ShowOfHands, 4, 3, 2, false, 5, 0},
		// Absent members count against: a majority of those present is
		// not a majority of the body.
		{"majority of present but not of all members", 9, 7, conferences.ShowOfHands, 4, 3, 0, false, 5, 0},
		{"majority of all members with absences", 9, 6, conferences.ShowOfHands, 5, 1, 0, true, 5, 0},
		{"abstentions do not count for", 9, 9, conferences.ShowOfHands, 4, 0, 5, false, 5, 0},
		{"present but not voting", 9, 8, conferences.ShowOfHands, 5, 1, 0, true, 5, 2},
		{"secret ballot same rule", 53, 50, conferences.SecretBallot, 27, 20, 3, true, 27, 0},
		{"secret ballot one short", 53, 50, conferences.SecretBallot, 26, 20, 4, false, 27, 0},
		{"no quorum, no decision", 9, 5, conferences.ShowOfHands, 5, 0, 0, false, 5, 0},
		{"no members", 0, 0, conferences.ShowOfHands, 0, 0, 0, false, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := conferences.NewTally(conferences.Vote{Method: tt.method, For: tt.votesFor, Against: tt.against, Abstain: tt.abstain},
				tt.members, tt.present)
			if tl.Passed != tt.passed || tl.Needed != tt.needed || tl.NotVoting != tt.notVoting || tl.Method != tt.method {
				t.Errorf("tally %+v; want passed %v needed %d not voting %d", tl, tt.passed, tt.needed, tt.notVoting)
			}
			if got := conferences.Passes(tt.members, tt.votesFor); got != (2*tt.votesFor > tt.members && tt.members > 0) {
				t.Errorf("Passes(%d, %d) = %v", tt.members, tt.votesFor, got)
			}
		})
	}
	if conferences.MajorityNeeded(53) != 27 || conferences.MajorityNeeded(10) != 6 || conferences.MajorityNeeded(0) != 0 {
		t.Error("MajorityNeeded")
	}
}
