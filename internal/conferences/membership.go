package conferences

import (
	"context"
	"fmt"

	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/org"
)

// Member is a member of a body on a date, with the posts that make them one.
type Member struct {
	PersonID int64    `json:"person_id"`
	Name     string   `json:"name"`
	Posts    []string `json:"posts"` // titles of the qualifying posts, in order of precedence
	rank     int
}

// Positions that make their holders members, by the kind of body (see the
// package documentation).
var (
	leadershipPositions = []string{"secretary", "standing_deputy_secretary", "deputy_secretary"}
	boardPositions      = append(leadershipPositions[:len(leadershipPositions):len(leadershipPositions)], "standing_board_member")
	committeePositions  = append(boardPositions[:len(boardPositions):len(boardPositions)], "executive_committee_member")
	councilPositions    = []string{"council_chair", "council_vice_chair", "council_deputy"}
)

// memberCondition returns the SQL condition on posts p (held on the date in
// placeholder d) that makes their holders members of the body.
func memberCondition(kind org.Kind, bodyID int64, d string, args *db.Args) string {
	body := args.Add(bodyID)
	switch kind {
	case org.PartyCommittee:
		return `((p.unit_id = ` + body + ` AND p.position_code IN ` + db.In(args, committeePositions) + `)
			OR (p.position_code IN ` + db.In(args, boardPositions) + ` AND p.unit_id IN (
				SELECT up.unit_id FROM unit_parents up JOIN units bu ON bu.id = up.unit_id
				WHERE up.parent_id = ` + body + ` AND bu.kind = 'standing_board'
				AND up.valid_from <= ` + d + ` AND (up.valid_to IS NULL OR up.valid_to > ` + d + `))))`
	case org.StandingBoard:
		return `((p.unit_id = ` + body + ` AND p.position_code IN ` + db.In(args, boardPositions) + `)
			OR (p.position_code IN ` + db.In(args, leadershipPositions) + ` AND p.unit_id IN (
				SELECT up.parent_id FROM unit_parents up
				WHERE up.unit_id = ` + body + ` AND up.valid_from <= ` + d + ` AND (up.valid_to IS NULL OR up.valid_to > ` + d + `))))`
	case org.PeoplesCouncil:
		return `(p.unit_id = ` + body + ` AND p.position_code IN ` + db.In(args, councilPositions) + `)`
	}
	return `p.unit_id = ` + body
}

// Members returns the members of a body on a date, in the order of
// precedence of their highest qualifying post, then in Vietnamese order of
// their names.
func (s *Store) Members(ctx context.Context, bodyID int64, on date.Date) ([]Member, error) {
	var kind org.Kind
	if err := s.db.R(ctx).QueryRowContext(ctx, `SELECT kind FROM units WHERE id = $1`, bodyID).Scan(&kind); err != nil {
		return nil, fmt.Errorf("conferences: kind of body %d: %w", bodyID, err)
	}
	return s.members(ctx, bodyID, kind, on)
}

// members is Members for a body whose kind is known.
func (s *Store) members(ctx context.Context, bodyID int64, kind org.Kind, on date.Date) ([]Member, error) {
	var args db.Args
	d := args.Add(on)
	cond := memberCondition(kind, bodyID, d, &args)
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT p.person_id, pe.full_name, p.title, pos.rank
		FROM posts p JOIN persons pe ON pe.id = p.person_id JOIN positions pos ON pos.code = p.position_code
		WHERE p.valid_from <= `+d+` AND (p.valid_to IS NULL OR p.valid_to > `+d+`) AND `+cond+`
		ORDER BY pos.rank, pe.sort_key, p.person_id, p.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("conferences: members of body %d: %w", bodyID, err)
	}
	defer rows.Close()
	var out []Member
	at := map[int64]int{}
	for rows.Next() {
		var m Member
		var title string
		if err := rows.Scan(&m.PersonID, &m.Name, &title, &m.rank); err != nil {
			return nil, fmt.Errorf("conferences: members of body %d: %w", bodyID, err)
		}
		if i, ok := at[m.PersonID]; ok {
			out[i].Posts = append(out[i].Posts, title)
			continue
		}
		m.Posts = []string{title}
		at[m.PersonID] = len(out)
		out = append(out, m)
	}
	return out, rows.Err()
}

// memberSet returns the ids of the members of a conference's body on its day.
func (s *Store) memberSet(ctx context.Context, c Conference) (map[int64]bool, error) {
	ms, err := s.members(ctx, c.BodyID, c.BodyKind, c.HeldOn)
	if err != nil {
		return nil, err
	}
	set := make(map[int64]bool, len(ms))
	for _, m := range ms {
		set[m.PersonID] = true
	}
	return set, nil
}
