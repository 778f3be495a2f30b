package conferences

import (
	"context"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/problem"
)

// VoteInput records the vote on an item.
type VoteInput struct {
	Method  VoteMethod `json:"method"`
	For     int        `json:"for"`
	Against int        `json:"against"`
	Abstain int        `json:"abstain"`
}

// validateVote checks the counts against the members present: each count
// and their sum at most present. A negative present checks only the method
// and the signs, before the conference is read.
func validateVote(in VoteInput, present int) error {
	var v problem.Validation
	v.Check(in.Method.Valid(), "method", "error.invalid_choice")
	for _, c := range []struct {
		field string
		n     int
	}{{"for", in.For}, {"against", in.Against}, {"abstain", in.Abstain}} {
		if v.Check(c.n >= 0, c.field, "conferences.error.negative") && present >= 0 {
			v.Check(c.n <= present, c.field, "conferences.error.count_above_present", c.n, present)
		}
	}
	if err := v.Err(); err != nil {
		return err
	}
	if sum := in.For + in.Against + in.Abstain; present >= 0 && sum > present {
		for _, f := range []string{"for", "against", "abstain"} {
			v.Add(f, "conferences.error.votes_above_present", sum, present)
		}
	}
	return v.Err()
}

// RecordVote records (or corrects) the vote on an item of a held conference
// and returns the item with its tally.
func (s *Store) RecordVote(ctx context.Context, v access.Viewer, itemID int64, in VoteInput) (Item, error) {
	if err := validateVote(in, -1); err != nil {
		return Item{}, err
	}
	var out Item
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		before, c, err := s.item(ctx, v, itemID)
		if err != nil {
			return err
		}
		if c.Status != Held {
			return problem.ConflictField("status", "conferences.error.not_held")
		}
		q, err := s.quorum(ctx, c)
		if err != nil {
			return err
		}
		if err := validateVote(in, q.Present); err != nil {
			return err
		}
		if err := s.exec(ctx, "clear vote", `DELETE FROM agenda_votes WHERE item_id = $1`, itemID); err != nil {
			return err
		}
		if err := s.exec(ctx, "insert vote", `INSERT INTO agenda_votes (item_id, method, for_count, against_count, abstain_count, recorded_at)
			VALUES ($1, $2, $3, $4, $5, $6)`, itemID, string(in.Method), in.For, in.Against, in.Abstain, s.clock.Now().UTC()); err != nil {
			return err
		}
		if out, err = s.Item(ctx, access.System, itemID); err != nil {
			return err
		}
		return s.log.Record(ctx, audit.Change{Action: "vote", Entity: entityItem, EntityID: itemID, Class: int(out.Class),
			Before: before.Vote, After: out.Tally})
	})
	if err != nil {
		return Item{}, err
	}
	return out, nil
}

// ClearVote removes the vote recorded on an item of a held conference.
func (s *Store) ClearVote(ctx context.Context, v access.Viewer, itemID int64) error {
	return s.db.Tx(ctx, func(ctx context.Context) error {
		before, c, err := s.item(ctx, v, itemID)
		if err != nil {
			return err
		}
		if c.Status != Held {
			return problem.ConflictField("status", "conferences.error.not_held")
		}
		if before.Vote == nil {
			return nil
		}
		if err := s.exec(ctx, "clear vote", `DELETE FROM agenda_votes WHERE item_id = $1`, itemID); err != nil {
			return err
		}
		return s.log.Record(ctx, audit.Change{Action: "clear_vote", Entity: entityItem, EntityID: itemID, Class: int(before.Class), Before: before.Vote})
	})
}
