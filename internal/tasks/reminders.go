package tasks

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/clock"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/i18n"
	"plenum/internal/notify"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// Reminder timing. A reminder's moment is 08:00 in Vietnam on the day
// offset_days from the deadline, or the time the task was given if that is
// later. One whose moment passed less than
// FreshWindow ago is sent as itself; older ones (the server was down) are
// folded into one digest per person; a before-deadline reminder whose
// deadline has already passed is never sent, nor is one superseded by a
// later reminder of the same deadline for the same person.
const (
	ReminderHour = 8
	FreshWindow  = 36 * time.Hour
)

// Rules returns the reminder offsets (days; negative before the deadline)
// of every kind of task.
func (s *Store) Rules(ctx context.Context) (map[Kind][]int, error) {
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT kind, offset_days FROM reminder_rules ORDER BY kind, offset_days`)
	if err != nil {
		return nil, fmt.Errorf("tasks: reminder rules: %w", err)
	}
	defer rows.Close()
	out := map[Kind][]int{}
	for rows.Next() {
		var k Kind
		var d int
		if err := rows.Scan(&k, &d); err != nil {
			return nil, err
		}
		out[k] = append(out[k], d)
	}
	return out, rows.Err()
}

// SetRules replaces the reminder offsets of one kind of task.
func (s *Store) SetRules(ctx context.Context, kind Kind, offsets []int) error {
	if !kind.Valid() {
		return problem.InvalidField("kind", "error.invalid_choice")
	}
	for i, d := range offsets {
		if d == 0 || d < -60 || d > 60 {
			return problem.InvalidField("offsets["+strconv.Itoa(i)+"]", "tasks.offset_range")
		}
	}
	slices.Sort(offsets)
	offsets = slices.Compact(offsets)
	return s.db.Tx(ctx, func(ctx context.Context) error {
		before, err := s.Rules(ctx)
		if err != nil {
			return err
		}
		if _, err := s.db.W(ctx).ExecContext(ctx, `DELETE FROM reminder_rules WHERE kind = $1`, kind); err != nil {
			return fmt.Errorf("tasks: clear rules of %s: %w", kind, err)
		}
		for _, d := range offsets {
			if _, err := s.db.W(ctx).ExecContext(ctx, `INSERT INTO reminder_rules (kind, offset_days) VALUES ($1, $2)`, kind, d); err != nil {
				return fmt.Errorf("tasks: rule of %s: %w", kind, err)
			}
		}
		return s.log.Record(ctx, audit.Change{Action: "set_reminders", Entity: "reminder_rules", EntityID: string(kind),
			Before: before[kind], After: offsets})
	})
}

// ParseOffsets reads offsets as typed in the settings page: "-7, -1, 1, 7".
func ParseOffsets(text string) ([]int, error) {
	var out []int
	for _, f := range strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ';' || r == ' ' }) {
		n, err := strconv.Atoi(f)
		if err != nil {
			return nil, problem.InvalidField("offsets", "tasks.offset_range")
		}
		out = append(out, n)
	}
	return out, nil
}

// ReminderRun says what a run of SendReminders did.
type ReminderRun struct {
	Sent    int `json:"sent"`    // reminders sent as themselves
	Digests int `json:"digests"` // digests sent (one per person)
	Folded  int `json:"folded"`  // reminders folded into digests
	Skipped int `json:"skipped"` // reminders recorded but not sent
}

// String is the run as job_runs records it.
func (r ReminderRun) String() string {
	return fmt.Sprintf("sent %d, digests %d (%d reminders), skipped %d", r.Sent, r.Digests, r.Folded, r.Skipped)
}

// reminder is one candidate: an occurrence × a rule × a recipient.
type reminder struct {
	occ, task  int64
	offset     int
	user       auth.User // its id, role, clearance and unit: who may see what
	email      string
	lang       string
	title      string
	due        date.Date
	class      int
	moment     time.Time
	state      string
	notifiedID int64
}

// SendReminders decides every reminder whose moment has come and that was
// not decided before: each occurrence × rule × recipient is keyed in the
// reminders table, inserted in the transaction that writes its
// notification and queues its mail, so that it is sent exactly once
// however many instances run this at once. Recipients are the active
// accounts of the lead unit, of the coordinating units (before the
// deadline only) and of the responsible person who may see the task: whose
// clearance covers its class and, for a classified task, who have the need
// to know it.
func (s *Store) SendReminders(ctx context.Context, n *notify.Store) (ReminderRun, error) {
	var run ReminderRun
	rules, err := s.Rules(ctx)
	if err != nil {
		return run, err
	}
	maxBefore, maxAfter := 0, 0
	for _, offs := range rules {
		for _, d := range offs {
			maxBefore, maxAfter = max(maxBefore, -d), max(maxAfter, d)
		}
	}
	now := s.clock.Now()
	today := s.Today()
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT o.id, o.task_id, o.kind, o.due_on, o.class, t.title, t.created_at, u.id, u.role, u.clearance,
			COALESCE(u.unit_id, 0), u.email, u.lang, CASE WHEN u.unit_id = o.lead_unit_id OR u.person_id = o.responsible_person_id THEN 1 ELSE 0 END
		FROM task_occurrences o
		JOIN tasks t ON t.id = o.task_id
		JOIN users u ON (u.unit_id = o.lead_unit_id OR u.person_id = o.responsible_person_id
			OR u.unit_id IN (SELECT c.unit_id FROM task_coordinators c WHERE c.task_id = o.task_id))
		WHERE o.status IN ('not_started', 'in_progress', 'overdue') AND o.due_on >= $1 AND o.due_on <= $2
			AND o.start_on <= $3 AND NOT u.disabled AND u.clearance >= o.class
		ORDER BY u.id, o.id`, today.AddDays(-maxAfter), today.AddDays(maxBefore), today)
	if err != nil {
		return run, fmt.Errorf("tasks: reminder candidates: %w", err)
	}
	var cands []reminder
	for rows.Next() {
		var r reminder
		var kind Kind
		var lead int
		var given time.Time
		if err := rows.Scan(&r.occ, &r.task, &kind, &r.due, &r.class, &r.title, &given, &r.user.ID, &r.user.Role, &r.user.Clearance,
			&r.user.UnitID, &r.email, &r.lang, &lead); err != nil {
			rows.Close()
			return run, err
		}
		for _, d := range rules[kind] {
			if d > 0 && lead == 0 {
				continue // coordinators are reminded before the deadline only
			}
			x := r
			x.offset = d
			dd := r.due.AddDays(d)
			x.moment = time.Date(dd.Year, dd.Month, dd.Day, ReminderHour, 0, 0, 0, clock.Vietnam)
			if x.moment.After(now) {
				continue
			}
			// A task given after a reminder's moment was not missed while
			// the system was down: its reminder is due from when it was given.
			if given.After(x.moment) {
				x.moment = given
			}
			cands = append(cands, x)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return run, err
	}
	if cands, err = s.mayKnow(ctx, cands); err != nil {
		return run, err
	}
	// Decide each candidate: latest rule per occurrence × user wins.
	latest := map[[2]int64]int{}
	for _, c := range cands {
		k := [2]int64{c.occ, c.user.ID}
		if o, ok := latest[k]; !ok || c.offset > o {
			latest[k] = c.offset
		}
	}
	byUser := map[int64][]reminder{}
	for _, c := range cands {
		switch {
		case c.offset < 0 && today.After(c.due), latest[[2]int64{c.occ, c.user.ID}] != c.offset:
			c.state = "skipped"
		case now.Sub(c.moment) <= FreshWindow:
			c.state = "sent"
		default:
			c.state = "digest"
		}
		byUser[c.user.ID] = append(byUser[c.user.ID], c)
	}
	users := make([]int64, 0, len(byUser))
	for u := range byUser {
		users = append(users, u)
	}
	sort.Slice(users, func(i, j int) bool { return users[i] < users[j] })
	for _, u := range users {
		r, err := s.remindUser(ctx, n, today, byUser[u])
		if err != nil {
			return run, err
		}
		run.Sent += r.Sent
		run.Digests += r.Digests
		run.Folded += r.Folded
		run.Skipped += r.Skipped
	}
	return run, nil
}

// mayKnow keeps the candidates whose task the recipient may see. Clearance
// is checked in the query; the need to know of a classified task (a grant
// naming them, their role or their unit) is checked here, as for reading
// it: a digest gathers several tasks under no record of its own, so nothing
// downstream would hide one of them.
func (s *Store) mayKnow(ctx context.Context, cands []reminder) ([]reminder, error) {
	viewers := map[int64]access.Viewer{}
	sees := map[[2]int64]bool{} // user, task
	out := cands[:0]
	for _, c := range cands {
		k := [2]int64{c.user.ID, c.task}
		ok, known := sees[k]
		if c.class > 0 && !known {
			v, have := viewers[c.user.ID]
			if !have {
				var err error
				if v, err = s.access.Viewer(ctx, auth.Principal{User: c.user}); err != nil {
					return nil, err
				}
				viewers[c.user.ID] = v
			}
			var args db.Args
			if err := s.db.R(ctx).QueryRowContext(ctx, `SELECT count(*) > 0 FROM tasks t WHERE t.id = `+args.Add(c.task)+
				` AND `+v.Visible(Entity, "t", &args), args...).Scan(&ok); err != nil {
				return nil, fmt.Errorf("tasks: may user %d know task %d: %w", c.user.ID, c.task, err)
			}
			sees[k] = ok
		}
		if c.class == 0 || ok {
			out = append(out, c)
		}
	}
	return out, nil
}

// remindUser decides one person's reminders in one transaction: the keys
// first (a key another instance inserted is left alone), then the
// notifications and mail of the keys this run won.
func (s *Store) remindUser(ctx context.Context, n *notify.Store, today date.Date, rs []reminder) (ReminderRun, error) {
	var run ReminderRun
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		run = ReminderRun{}
		var won []*reminder
		for i := range rs {
			r := &rs[i]
			due, err := s.stillDue(ctx, r.occ, r.due)
			if err != nil {
				return err
			}
			if !due {
				continue
			}
			res, err := s.db.W(ctx).ExecContext(ctx, `INSERT INTO reminders (occurrence_id, offset_days, user_id, due_at, state, created_at)
				VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (occurrence_id, offset_days, user_id) DO NOTHING`,
				r.occ, r.offset, r.user.ID, r.moment.UTC(), r.state, s.clock.Now().UTC())
			if err != nil {
				return fmt.Errorf("tasks: reminder key: %w", err)
			}
			if k, _ := res.RowsAffected(); k == 1 {
				won = append(won, r)
			}
		}
		var digest []*reminder
		for _, r := range won {
			switch r.state {
			case "skipped":
				run.Skipped++
			case "digest":
				digest = append(digest, r)
			case "sent":
				title := reminderTitle(r.lang, today, r.title, r.due)
				id, err := s.notifyOne(ctx, n, r.user.ID, r.email, "reminder", r.task, r.class, title, "",
					fmt.Sprintf("reminder-%d-%d-%d@plenum", r.occ, r.offset, r.user.ID))
				if err != nil {
					return err
				}
				r.notifiedID = id
				run.Sent++
			}
		}
		if len(digest) > 0 {
			class := 0
			var lines []string
			for _, r := range digest {
				class = max(class, r.class)
				lines = append(lines, reminderTitle(r.lang, today, r.title, r.due))
			}
			r0 := digest[0]
			title := i18n.T(r0.lang, "tasks.reminder.digest", len(digest))
			id, err := s.notifyOne(ctx, n, r0.user.ID, r0.email, "digest", 0, class, title, strings.Join(lines, "\n"),
				fmt.Sprintf("digest-%d-%d-%d@plenum", r0.user.ID, r0.occ, r0.offset))
			if err != nil {
				return err
			}
			for _, r := range digest {
				r.notifiedID = id
			}
			run.Digests++
			run.Folded += len(digest)
		}
		for _, r := range won {
			if r.notifiedID == 0 {
				continue
			}
			if _, err := s.db.W(ctx).ExecContext(ctx, `UPDATE reminders SET notification_id = $1
				WHERE occurrence_id = $2 AND offset_days = $3 AND user_id = $4`, r.notifiedID, r.occ, r.offset, r.user.ID); err != nil {
				return fmt.Errorf("tasks: link reminder: %w", err)
			}
		}
		return nil
	})
	return run, err
}

// stillDue reports whether occurrence occ is still open and due on due,
// as it was when its reminders were chosen: the office may since have
// moved the deadline (Extend forgets its reminders), or the unit finished
// it. On PostgreSQL it locks the row until the reminder is decided, so that
// a move waits for the reminder, then forgets it, or the reminder waits for
// the move, then sees the new date; SQLite writes one transaction at a time.
func (s *Store) stillDue(ctx context.Context, occ int64, due date.Date) (bool, error) {
	lock := ""
	if s.db.Dialect == db.Postgres {
		lock = " FOR SHARE"
	}
	var now date.Date
	err := s.db.W(ctx).QueryRowContext(ctx, `SELECT due_on FROM task_occurrences
		WHERE id = $1 AND done_on IS NULL AND cancelled_on IS NULL`+lock, occ).Scan(&now)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("tasks: deadline %d: %w", occ, err)
	}
	return now == due, nil
}

// notifyOne writes a notification and queues its mail.
func (s *Store) notifyOne(ctx context.Context, n *notify.Store, user int64, email, kind string, task int64, class int,
	title, body, msgID string) (int64, error) {
	url := "/notifications"
	entity := ""
	if task != 0 {
		url, entity = "/tasks/"+strconv.FormatInt(task, 10), Entity
	}
	id, err := n.Add(ctx, notify.Notification{UserID: user, Kind: kind, Entity: entity, EntityID: task, Class: class,
		Title: title, Body: body, URL: url})
	if err != nil {
		return 0, err
	}
	// A classified task's title never leaves the building by mail.
	mailBody := body
	if class > 0 {
		title, mailBody = i18n.T("vi", "tasks.reminder.classified"), ""
	}
	return id, n.Queue(ctx, notify.Mail{UserID: user, To: email, Subject: title, Body: mailBody + "\n" + url, MessageID: msgID})
}

// reminderTitle says what a reminder is about, in lang, on the day today
// it is sent: the days left (or past) are counted from then, not read off
// the rule that chose it, which a reminder sent late or caught up after a
// downtime would misstate ("Còn 7 ngày" of a deadline three days away).
func reminderTitle(lang string, today date.Date, title string, due date.Date) string {
	day := vn.FormatDate(due)
	switch left := today.DaysUntil(due); {
	case left > 0:
		return i18n.T(lang, "tasks.reminder.before", left, day, title)
	case left == 0:
		return i18n.T(lang, "tasks.reminder.today", day, title)
	default:
		return i18n.T(lang, "tasks.reminder.after", -left, day, title)
	}
}

// Reminders returns the reminders decided for a task, for its page.
func (s *Store) Reminders(ctx context.Context, id int64) ([]SentReminder, error) {
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT r.occurrence_id, r.offset_days, u.display_name, r.due_at, r.state
		FROM reminders r JOIN task_occurrences o ON o.id = r.occurrence_id JOIN users u ON u.id = r.user_id
		WHERE o.task_id = $1 ORDER BY r.due_at, u.display_name`, id)
	if err != nil {
		return nil, fmt.Errorf("tasks: reminders of %d: %w", id, err)
	}
	defer rows.Close()
	out := []SentReminder{}
	for rows.Next() {
		var x SentReminder
		if err := rows.Scan(&x.OccurrenceID, &x.OffsetDays, &x.To, &x.At, &x.State); err != nil {
			return nil, err
		}
		x.At = x.At.UTC()
		out = append(out, x)
	}
	return out, rows.Err()
}

// SentReminder is a reminder decided for a task.
type SentReminder struct {
	OccurrenceID int64     `json:"occurrence_id"`
	OffsetDays   int       `json:"offset_days"`
	To           string    `json:"to"`
	At           time.Time `json:"at"`
	State        string    `json:"state"` // sent, digest, skipped
}
