package conferences

import (
	"context"
	"fmt"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// Attendance is a member's attendance at a conference.
type Attendance struct {
	PersonID int64    `json:"person_id"`
	Name     string   `json:"name,omitempty"`
	Status   Presence `json:"status"`
	Reason   string   `json:"reason,omitempty"`
}

// MemberAttendance is a member of the body with their attendance, if recorded.
type MemberAttendance struct {
	Member
	Status Presence `json:"status,omitempty"` // empty while not recorded
	Reason string   `json:"reason,omitempty"`
}

// attendance reads the recorded attendance of a conference.
func (s *Store) attendance(ctx context.Context, confID int64) (map[int64]Attendance, error) {
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT a.person_id, pe.full_name, a.status, a.reason
		FROM conference_attendance a JOIN persons pe ON pe.id = a.person_id WHERE a.conference_id = $1`, confID)
	if err != nil {
		return nil, fmt.Errorf("conferences: attendance of %d: %w", confID, err)
	}
	defer rows.Close()
	out := map[int64]Attendance{}
	for rows.Next() {
		var a Attendance
		if err := rows.Scan(&a.PersonID, &a.Name, &a.Status, &a.Reason); err != nil {
			return nil, fmt.Errorf("conferences: attendance of %d: %w", confID, err)
		}
		out[a.PersonID] = a
	}
	return out, rows.Err()
}

// roll returns the members of the conference's body on its day with their
// attendance, and the quorum. Attendance recorded for someone who is no
// longer a member that day (the posts were corrected since) is not counted.
func (s *Store) roll(ctx context.Context, c Conference) ([]MemberAttendance, Quorum, error) {
	members, err := s.members(ctx, c.BodyID, c.BodyKind, c.HeldOn)
	if err != nil {
		return nil, Quorum{}, err
	}
	att, err := s.attendance(ctx, c.ID)
	if err != nil {
		return nil, Quorum{}, err
	}
	out := make([]MemberAttendance, len(members))
	var present, excused, absent int
	for i, m := range members {
		out[i] = MemberAttendance{Member: m}
		if a, ok := att[m.PersonID]; ok {
			out[i].Status, out[i].Reason = a.Status, a.Reason
			switch a.Status {
			case Present:
				present++
			case Excused:
				excused++
			case Absent:
				absent++
			}
		}
	}
	return out, NewQuorum(len(members), present, excused, absent), nil
}

// quorum is the quorum of a conference.
func (s *Store) quorum(ctx context.Context, c Conference) (Quorum, error) {
	_, q, err := s.roll(ctx, c)
	return q, err
}

// SetAttendance records the attendance of a held conference, replacing
// what was recorded. Everyone named must be a member of the body that day;
// members not named are left unrecorded. The members present cannot fall
// below the votes already recorded on any item.
func (s *Store) SetAttendance(ctx context.Context, v access.Viewer, confID int64, list []Attendance) (Quorum, error) {
	var val problem.Validation
	if !val.Check(len(list) <= maxPeople*4, "attendance", "conferences.error.too_many", maxPeople*4) {
		return Quorum{}, val.Err()
	}
	seen := map[int64]bool{}
	for i := range list {
		a := &list[i]
		f := fmt.Sprintf("attendance[%d].", i)
		a.Reason = vn.Clean(a.Reason)
		if !val.Check(a.PersonID > 0 && !seen[a.PersonID], f+"person_id", "conferences.error.person_list") {
			continue
		}
		seen[a.PersonID] = true
		val.Check(a.Status.Valid(), f+"status", "error.invalid_choice")
		val.MaxLen(f+"reason", a.Reason, maxReason)
		val.Check(a.Reason == "" || a.Status != Present, f+"reason", "conferences.error.reason_present")
	}
	if err := val.Err(); err != nil {
		return Quorum{}, err
	}
	var out Quorum
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		c, err := s.heldConference(ctx, v, confID)
		if err != nil {
			return err
		}
		members, err := s.memberSet(ctx, c)
		if err != nil {
			return err
		}
		present := 0
		for i, a := range list {
			if !members[a.PersonID] {
				return problem.InvalidField(fmt.Sprintf("attendance[%d].person_id", i), "conferences.error.not_member", dmy(c.HeldOn))
			}
			if a.Status == Present {
				present++
			}
		}
		var most int
		if err := s.db.R(ctx).QueryRowContext(ctx, `SELECT COALESCE(max(v.for_count + v.against_count + v.abstain_count), 0)
			FROM agenda_votes v JOIN agenda_items ai ON ai.id = v.item_id WHERE ai.conference_id = $1`, confID).Scan(&most); err != nil {
			return fmt.Errorf("conferences: votes of %d: %w", confID, err)
		}
		if present < most {
			return problem.ConflictField("attendance", "conferences.error.present_below_votes")
		}
		before, err := s.attendance(ctx, confID)
		if err != nil {
			return err
		}
		if err := s.exec(ctx, "clear attendance", `DELETE FROM conference_attendance WHERE conference_id = $1`, confID); err != nil {
			return err
		}
		for _, a := range list {
			if err := s.exec(ctx, "insert attendance", `INSERT INTO conference_attendance (conference_id, person_id, status, reason)
				VALUES ($1, $2, $3, $4)`, confID, a.PersonID, string(a.Status), a.Reason); err != nil {
				return err
			}
		}
		if out, err = s.quorum(ctx, c); err != nil {
			return err
		}
		return s.log.Record(ctx, audit.Change{Action: "attendance", Entity: entityConference, EntityID: confID, Class: int(c.Class),
			Before: attendanceList(before), After: list})
	})
	if err != nil {
		return Quorum{}, err
	}
	return out, nil
}

func attendanceList(m map[int64]Attendance) []Attendance {
	out := make([]Attendance, 0, len(m))
	for _, a := range m {
		a.Name = ""
		out = append(out, a)
	}
	return out
}

// heldConference reads a conference the viewer may see that is being held:
// attendance, votes and adoptions are recorded only then.
func (s *Store) heldConference(ctx context.Context, v access.Viewer, id int64) (Conference, error) {
	c, err := s.conference(ctx, v, id)
	if err == nil && c.Status != Held {
		err = problem.ConflictField("status", "conferences.error.not_held")
	}
	return c, err
}
