package tasks_test

import (
	"bufio"
	"context"
	"net"
	"strings"
	"sync"
	"testing"

	"plenum/internal/access"
	"plenum/internal/app"
	"plenum/internal/auth"
	"plenum/internal/db"
	"plenum/internal/jobs"
	"plenum/internal/notify"
	"plenum/internal/problem"
	"plenum/internal/tasks"
)

func (e *env) count(q string, args ...any) int {
	e.T.Helper()
	var n int
	if err := e.App.DB.Primary().QueryRow(q, args...).Scan(&n); err != nil {
		e.T.Fatal(err)
	}
	return n
}

// TestRemindersCatchUpWithoutFlood: after a downtime, the reminders missed
// are folded into one digest per person, before-deadline reminders for
// deadlines already passed and reminders superseded by later ones are not
// sent, and the fresh one goes as itself; a second run sends nothing.
func TestRemindersCatchUpWithoutFlood(t *testing.T) {
	e := newEnv(t)
	e.clock.SetDay(day("2025-03-01"), 9, 0)
	e.task(e.simple("Việc A hạn 15/3", "btg", "2025-03-01", "2025-03-15"))
	e.task(e.simple("Việc B hạn 25/3", "btg", "2025-03-01", "2025-03-25"))
	e.task(e.simple("Việc C hạn 21/3", "btg", "2025-03-01", "2025-03-21"))
	e.clock.SetDay(day("2025-03-20"), 9, 0) // back after a long downtime
	n := e.App.Notify
	run, err := e.s.SendReminders(e.Ctx, n)
	if err != nil {
		t.Fatal(err)
	}
	// A: -7, -1 skipped (deadline passed), +1 folded; B: -7 folded;
	// C: -1 sent, -7 skipped (superseded).
	want := tasks.ReminderRun{Sent: 1, Digests: 1, Folded: 2, Skipped: 3}
	if run != want {
		t.Fatalf("run %+v, want %+v", run, want)
	}
	if got := e.count(`SELECT count(*) FROM notifications WHERE user_id = $1`, e.Users["btg_member"].User.ID); got != 2 {
		t.Errorf("notifications: %d, want 2", got)
	}
	if run, _ := e.s.SendReminders(e.Ctx, n); run != (tasks.ReminderRun{}) {
		t.Errorf("second run: %+v", run)
	}
	v := e.Viewer("btg_member")
	if c, _ := n.Unread(e.Ctx, v); c != 2 {
		t.Errorf("unread %d", c)
	}
	list, _ := n.List(e.Ctx, v, true, 10, 0)
	if err := n.MarkRead(e.Ctx, v, list[0].ID); err != nil {
		t.Fatal(err)
	}
	if c, _ := n.Unread(e.Ctx, v); c != 1 {
		t.Errorf("unread after marking one: %d", c)
	}
	if err := n.MarkRead(e.Ctx, e.Viewer("office"), list[1].ID); err == nil {
		t.Error("marking another's notification read: want not found")
	}
}

// TestReminderWording: a reminder counts the days left on the day it is
// sent, whatever rule chose it, and writes dates the Vietnamese way. The
// deadline was given three days before it fell due, after the moment of
// its seven-day reminder: "Còn 7 ngày đến hạn 2026-12-11" on 08/12 was
// wrong twice.
func TestReminderWording(t *testing.T) {
	for _, tc := range []struct {
		name    string
		sent    string // the day the reminders run
		hour    int
		offsets []int
		want    string
	}{
		{"late rule", "2026-12-08", 9, []int{-7}, "Còn 3 ngày đến hạn 11/12/2026: Việc giao gấp"},
		{"on time", "2026-12-10", 9, []int{-1}, "Còn 1 ngày đến hạn 11/12/2026: Việc giao gấp"},
		{"due today", "2026-12-11", 7, []int{-1}, "Đến hạn hôm nay, 11/12/2026: Việc giao gấp"},
		{"past", "2026-12-18", 9, []int{7}, "Đã quá hạn 7 ngày (hạn 11/12/2026): Việc giao gấp"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			e.clock.SetDay(day("2026-12-08"), 8, 30)
			e.task(e.simple("Việc giao gấp", "btg", "2026-12-08", "2026-12-11"))
			if err := e.s.SetRules(e.Ctx, tasks.KindTask, tc.offsets); err != nil {
				t.Fatal(err)
			}
			e.clock.SetDay(day(tc.sent), tc.hour, 0)
			if _, err := e.s.SendReminders(e.Ctx, e.App.Notify); err != nil {
				t.Fatal(err)
			}
			list, err := e.App.Notify.List(e.Ctx, e.Viewer("btg_member"), false, 10, 0)
			if err != nil {
				t.Fatal(err)
			}
			var titles []string
			for _, n := range list {
				titles = append(titles, n.Title+n.Body)
			}
			if len(titles) != 1 || titles[0] != tc.want {
				t.Errorf("reminders %q, want %q", titles, tc.want)
			}
		})
	}
}

// TestRemindersExactlyOnceAcrossInstances runs five "instances" — each its
// own connection pool, stores and job runner over one database — at once,
// several times; every reminder key is decided once and every notification
// and mail exists once.
func TestRemindersExactlyOnceAcrossInstances(t *testing.T) {
	e := newEnv(t)
	e.clock.SetDay(day("2025-03-01"), 9, 0)
	for _, d := range []string{"2025-03-08", "2025-03-09", "2025-03-10", "2025-03-11", "2025-03-12", "2025-03-16", "2025-03-17"} {
		in := e.simple("Việc hạn "+d, "btg", "2025-03-01", d)
		in.CoordinatorIDs = []int64{e.Units["sokh"]}
		e.task(in)
	}
	if _, err := e.App.DB.Primary().Exec(`UPDATE users SET email = username || '@example.test'`); err != nil {
		t.Fatal(err)
	}
	e.clock.SetDay(day("2025-03-10"), 9, 0)
	const instances = 5
	var wg sync.WaitGroup
	errs := make(chan error, instances*3)
	for i := range instances {
		d, err := db.Open(context.Background(), e.DSN, db.Options{MaxOpenConns: 4})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { d.Close() })
		a := app.New(d, nil, app.Config{Clock: e.clock.Clock()})
		n := a.Notify
		n.MailEnabled = true
		r := jobs.New(d, "instance-"+string(rune('a'+i)), nil, e.clock.Clock())
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 3 {
				// Half go through the lease, half call the work directly:
				// the unique keys alone must hold.
				var err error
				if i%2 == 0 {
					_, err = r.RunOnce(context.Background(), jobs.Job{Name: "reminders", Every: 0,
						Run: func(ctx context.Context) (string, error) {
							run, err := a.Tasks.SendReminders(ctx, n)
							return run.String(), err
						}})
				} else {
					_, err = a.Tasks.SendReminders(context.Background(), n)
				}
				if err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	// On 2025-03-10 09:00 (fresh window 36 h): due 03-11 (-1 today 08:00 →
	// sent), 03-09 (+1 today → sent; -1 skipped), 03-17 (-7 today → sent),
	// 03-16 (-7 yesterday 08:00 → sent), 03-08 (+1 on 03-09 → sent; -7, -1
	// skipped), 03-10 (-1 yesterday → sent; -7 skipped), 03-12 (-7 on
	// 03-05: folded, since not superseded… no: -1 is tomorrow) → digest.
	// Coordinators (sokh) get the before-deadline ones only.
	keys := e.count(`SELECT count(*) FROM reminders`)
	dupes := e.count(`SELECT count(*) FROM (SELECT occurrence_id, offset_days, user_id FROM reminders
		GROUP BY occurrence_id, offset_days, user_id HAVING count(*) > 1) x`)
	notes := e.count(`SELECT count(*) FROM notifications`)
	linked := e.count(`SELECT count(DISTINCT notification_id) FROM reminders WHERE notification_id IS NOT NULL`)
	mails := e.count(`SELECT count(*) FROM mail_outbox`)
	if keys == 0 || dupes != 0 || notes != linked || mails != notes {
		t.Fatalf("keys %d dupes %d notifications %d linked %d mails %d", keys, dupes, notes, linked, mails)
	}
	btg := e.count(`SELECT count(*) FROM notifications WHERE user_id = $1 AND kind = 'reminder'`, e.Users["btg_member"].User.ID)
	sokh := e.count(`SELECT count(*) FROM notifications WHERE user_id = $1 AND kind = 'reminder'`, e.Users["sokh_member"].User.ID)
	if btg != 6 || sokh != 4 {
		t.Errorf("reminders sent: btg %d (want 6), sokh %d (want 4)", btg, sokh)
	}
	if runs := e.count(`SELECT count(*) FROM job_runs WHERE name = 'reminders'`); runs < 1 {
		t.Errorf("job runs: %d", runs)
	}
}

// TestMailThroughSMTP drains the outbox through a tiny SMTP server written
// here, and retries after it fails.
func TestMailThroughSMTP(t *testing.T) {
	e := newEnv(t)
	srv := newSMTPServer(t)
	n := e.App.Notify
	n.MailEnabled = true
	err := e.App.DB.Tx(e.Ctx, func(ctx context.Context) error {
		return n.Queue(ctx, notify.Mail{UserID: e.Users["btg_member"].User.ID, To: "lan@example.test",
			Subject: "Nhắc việc: còn 1 ngày", Body: "Báo cáo quý I", MessageID: "m-1@plenum"})
	})
	if err != nil {
		t.Fatal(err)
	}
	mailer := notify.SMTP{Addr: srv.addr, From: "plenum@example.test"}
	srv.fail = true
	if sent, err := n.Drain(e.Ctx, mailer.Send, 10); err != nil || sent != 0 {
		t.Fatalf("failing server: %d %v", sent, err)
	}
	if e.count(`SELECT count(*) FROM mail_outbox WHERE last_error <> '' AND attempts = 1`) != 1 {
		t.Fatal("the failure is not recorded")
	}
	srv.fail = false
	if sent, _ := n.Drain(e.Ctx, mailer.Send, 10); sent != 0 {
		t.Fatal("retried before its backoff")
	}
	e.clock.SetDay(day("2025-03-10"), 11, 0) // later than the backoff
	if sent, err := n.Drain(e.Ctx, mailer.Send, 10); err != nil || sent != 1 {
		t.Fatalf("retry: %d %v", sent, err)
	}
	if sent, _ := n.Drain(e.Ctx, mailer.Send, 10); sent != 0 {
		t.Fatal("sent twice")
	}
	msgs := srv.messages()
	if len(msgs) != 1 || !strings.Contains(msgs[0], "Message-ID: <m-1@plenum>") || !strings.Contains(msgs[0], "Báo cáo quý I") {
		t.Fatalf("messages: %q", msgs)
	}
}

// smtpServer is the least SMTP server that net/smtp will talk to.
type smtpServer struct {
	addr string
	mu   sync.Mutex
	got  []string
	fail bool
}

func (s *smtpServer) messages() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.got...)
}

func newSMTPServer(t *testing.T) *smtpServer {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	s := &smtpServer{addr: ln.Addr().String()}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go s.serve(c)
		}
	}()
	return s
}

func (s *smtpServer) serve(c net.Conn) {
	defer c.Close()
	r := bufio.NewReader(c)
	say := func(line string) { c.Write([]byte(line + "\r\n")) }
	say("220 test ESMTP")
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		cmd := strings.ToUpper(strings.TrimSpace(line))
		switch {
		case strings.HasPrefix(cmd, "EHLO"), strings.HasPrefix(cmd, "HELO"):
			say("250 test")
		case strings.HasPrefix(cmd, "MAIL"):
			s.mu.Lock()
			fail := s.fail
			s.mu.Unlock()
			if fail {
				say("451 try again later")
				continue
			}
			say("250 ok")
		case strings.HasPrefix(cmd, "RCPT"):
			say("250 ok")
		case cmd == "DATA":
			say("354 go on")
			var msg strings.Builder
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == ".\r\n" {
					break
				}
				msg.WriteString(l)
			}
			s.mu.Lock()
			s.got = append(s.got, msg.String())
			s.mu.Unlock()
			say("250 queued")
		case cmd == "QUIT":
			say("221 bye")
			return
		default:
			say("250 ok")
		}
	}
}

// TestClassifiedReminders: the reminder of a classified task reaches the
// lead unit's member in the app, but its mail names no title; and when the
// member loses the need to know the task, the notification (and the bell's
// count) goes with it, and marking it read answers as for one that does not
// exist.
func TestClassifiedReminders(t *testing.T) {
	e := newEnv(t)
	const title = "Rà soát phương án bảo vệ bí mật 4471"
	doc := e.document("31-KH/TU", "Kế hoạch mật về bảo vệ", 1)
	in := e.simple(title, "btg", "2025-03-01", "2025-03-11")
	in.SourceKind, in.SourceID = tasks.SourceDocument, doc.ID
	x := e.task(in)
	if x.Class != 1 {
		t.Fatalf("class %d", x.Class)
	}
	member := e.Users["btg_member"].User.ID
	if _, err := e.App.DB.Primary().ExecContext(e.Ctx, `UPDATE users SET email = 'lan@example.vn' WHERE id = $1`, member); err != nil {
		t.Fatal(err)
	}
	n := e.App.Notify
	n.MailEnabled = true
	if _, err := e.s.SendReminders(e.Ctx, n); err != nil {
		t.Fatal(err)
	}
	v := e.Viewer("btg_member")
	list, err := n.List(e.Ctx, v, false, 10, 0)
	if err != nil || len(list) != 1 || !strings.Contains(list[0].Title, title) || list[0].Class != 1 {
		t.Fatalf("notifications %+v %v", list, err)
	}
	var subject, body string
	if err := e.App.DB.Primary().QueryRowContext(e.Ctx, `SELECT subject, body FROM mail_outbox WHERE user_id = $1`, member).Scan(&subject, &body); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(subject+body, "4471") || strings.Contains(subject+body, "phương án") {
		t.Errorf("the mail of a classified reminder names it: %q %q", subject, body)
	}
	// The task's need to know is taken from the unit.
	if err := e.App.DB.Tx(e.Ctx, func(ctx context.Context) error {
		return e.App.Access.SetGrants(ctx, tasks.Entity, x.ID, 1, []access.Grant{{Role: auth.RoleOffice}})
	}); err != nil {
		t.Fatal(err)
	}
	if after, err := n.List(e.Ctx, v, false, 10, 0); err != nil || len(after) != 0 {
		t.Errorf("a notification of a task its reader may no longer see: %+v %v", after, err)
	}
	if c, err := n.Unread(e.Ctx, v); err != nil || c != 0 {
		t.Errorf("the bell counts %d (%v)", c, err)
	}
	if err := n.MarkRead(e.Ctx, v, list[0].ID); !problem.Is(err, problem.NotFound) {
		t.Errorf("marking it read: %v", err)
	}
}

// TestClassifiedTasksLeaveDigests: a member cleared for a classified task
// but without the need to know it (its grants name another role) is not
// reminded of it, neither alone nor folded into a digest with others.
func TestClassifiedTasksLeaveDigests(t *testing.T) {
	e := newEnv(t)
	e.clock.SetDay(day("2025-03-01"), 9, 0)
	const title = "Kiểm kê tài liệu mật thử 5813"
	doc := e.document("32-KH/TU", "Kế hoạch mật về kiểm kê", 1)
	in := e.simple(title, "btg", "2025-03-01", "2025-03-15")
	in.SourceKind, in.SourceID = tasks.SourceDocument, doc.ID
	secret := e.task(in)
	e.task(e.simple("Việc công khai hạn 15/3", "btg", "2025-03-01", "2025-03-15"))
	e.task(e.simple("Việc công khai hạn 18/3", "btg", "2025-03-01", "2025-03-18"))
	if err := e.App.DB.Tx(e.Ctx, func(ctx context.Context) error {
		return e.App.Access.SetGrants(ctx, tasks.Entity, secret.ID, 1, []access.Grant{{Role: auth.RoleOffice}})
	}); err != nil {
		t.Fatal(err)
	}
	e.clock.SetDay(day("2025-03-20"), 9, 0) // after a downtime: the missed reminders are folded
	n := e.App.Notify
	if _, err := e.s.SendReminders(e.Ctx, n); err != nil {
		t.Fatal(err)
	}
	member := e.Users["btg_member"].User.ID
	var digests int
	rows, err := e.App.DB.Primary().QueryContext(e.Ctx, `SELECT kind, title, body FROM notifications WHERE user_id = $1`, member)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var kind, title, body string
		if err := rows.Scan(&kind, &title, &body); err != nil {
			t.Fatal(err)
		}
		if kind == "digest" {
			digests++
		}
		if strings.Contains(title+body, "5813") {
			t.Errorf("the member without need to know is reminded of the Mật task: %s %q %q", kind, title, body)
		}
	}
	if digests != 1 {
		t.Errorf("%d digests, want the one of the public tasks", digests)
	}
	if got := e.count(`SELECT count(*) FROM reminders r JOIN task_occurrences o ON o.id = r.occurrence_id
		WHERE o.task_id = $1 AND r.user_id = $2`, secret.ID, member); got != 0 {
		t.Errorf("%d reminders of the Mật task decided for the member", got)
	}
}
