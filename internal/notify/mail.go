package notify

import (
	"context"
	"crypto/tls"
	"fmt"
	"mime"
	"net"
	"net/smtp"
	"strings"
	"time"
)

// SMTP is how to reach the mail server.
type SMTP struct {
	Addr     string // host:port
	From     string
	User     string // empty: no authentication
	Password string
	// Timeout bounds one delivery; 30 s when zero.
	Timeout time.Duration
}

// Send delivers one message: STARTTLS whenever the server offers it (and
// always before authenticating), then AUTH PLAIN if a user is set.
func (c SMTP) Send(ctx context.Context, to, subject, body, messageID string) error {
	timeout := c.Timeout
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	d := net.Dialer{Timeout: timeout}
	conn, err := d.DialContext(ctx, "tcp", c.Addr)
	if err != nil {
		return fmt.Errorf("notify: connect to %s: %w", c.Addr, err)
	}
	conn.SetDeadline(time.Now().Add(timeout)) // wall clock: a network deadline
	host, _, _ := net.SplitHostPort(c.Addr)
	cl, err := smtp.NewClient(conn, host)
	if err != nil {
		conn.Close()
		return fmt.Errorf("notify: greet %s: %w", c.Addr, err)
	}
	defer cl.Close()
	if ok, _ := cl.Extension("STARTTLS"); ok {
		if err := cl.StartTLS(&tls.Config{ServerName: host}); err != nil {
			return fmt.Errorf("notify: starttls: %w", err)
		}
	}
	if c.User != "" {
		if err := cl.Auth(smtp.PlainAuth("", c.User, c.Password, host)); err != nil {
			return fmt.Errorf("notify: authenticate: %w", err)
		}
	}
	if err := cl.Mail(c.From); err != nil {
		return fmt.Errorf("notify: MAIL FROM: %w", err)
	}
	if err := cl.Rcpt(to); err != nil {
		return fmt.Errorf("notify: RCPT TO %s: %w", to, err)
	}
	w, err := cl.Data()
	if err != nil {
		return fmt.Errorf("notify: DATA: %w", err)
	}
	if _, err := w.Write(message(c.From, to, subject, body, messageID)); err != nil {
		return fmt.Errorf("notify: write message: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("notify: end of message: %w", err)
	}
	return cl.Quit()
}

// message is an RFC 5322 message, UTF-8, the subject encoded for headers.
func message(from, to, subject, body, id string) []byte {
	var b strings.Builder
	sent := time.Now().UTC() // wall clock: the moment the message leaves, for the receiving server
	fmt.Fprintf(&b, "From: %s\r\nTo: %s\r\nSubject: %s\r\nMessage-ID: <%s>\r\nDate: %s\r\n", from, to,
		mime.QEncoding.Encode("utf-8", subject), id, sent.Format(time.RFC1123Z))
	b.WriteString("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
	b.WriteString(strings.ReplaceAll(strings.ReplaceAll(body, "\r\n", "\n"), "\n", "\r\n"))
	b.WriteString("\r\n")
	return []byte(b.String())
}

// maxAttempts is how often a mail is tried before it is left as failed.
const maxAttempts = 8

// backoff is the wait after the n-th failed attempt: 1, 2, 4… minutes, at most 2 h.
func backoff(n int) time.Duration { return min(time.Minute<<min(n-1, 7), 2*time.Hour) }

// Sender delivers one message; SMTP.Send is one.
type Sender func(ctx context.Context, to, subject, body, messageID string) error

// Drain sends what is due in the outbox through send, at most batch
// messages, and returns how many were sent. Each message is claimed in its
// own committed transaction before sending (its next attempt pushed back),
// so that a second drainer skips it; the caller holds the "mail" lease so
// there normally is none.
func (s *Store) Drain(ctx context.Context, send Sender, batch int) (int, error) {
	now := s.clock.Now().UTC()
	rows, err := s.db.W(ctx).QueryContext(ctx, `SELECT id, to_addr, subject, body, message_id, attempts FROM mail_outbox
		WHERE sent_at IS NULL AND attempts < $1 AND next_attempt_at <= $2 ORDER BY id LIMIT $3`, maxAttempts, now, batch)
	if err != nil {
		return 0, fmt.Errorf("notify: outbox: %w", err)
	}
	type mail struct {
		id                    int64
		to, subj, body, msgID string
		attempts              int
	}
	var due []mail
	for rows.Next() {
		var m mail
		if err := rows.Scan(&m.id, &m.to, &m.subj, &m.body, &m.msgID, &m.attempts); err != nil {
			rows.Close()
			return 0, err
		}
		due = append(due, m)
	}
	rows.Close()
	sent := 0
	for _, m := range due {
		res, err := s.db.W(ctx).ExecContext(ctx, `UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = $1
			WHERE id = $2 AND sent_at IS NULL AND attempts = $3`, now.Add(backoff(m.attempts+1)), m.id, m.attempts)
		if err != nil {
			return sent, fmt.Errorf("notify: claim mail %d: %w", m.id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			continue
		}
		if err := send(ctx, m.to, m.subj, m.body, m.msgID); err != nil {
			if _, err2 := s.db.W(ctx).ExecContext(ctx, `UPDATE mail_outbox SET last_error = $1 WHERE id = $2`, err.Error(), m.id); err2 != nil {
				return sent, fmt.Errorf("notify: record failure of mail %d: %w", m.id, err2)
			}
			continue
		}
		if _, err := s.db.W(ctx).ExecContext(ctx, `UPDATE mail_outbox SET sent_at = $1, last_error = '' WHERE id = $2`, s.clock.Now().UTC(), m.id); err != nil {
			return sent, fmt.Errorf("notify: mark mail %d sent: %w", m.id, err)
		}
		sent++
	}
	return sent, nil
}
