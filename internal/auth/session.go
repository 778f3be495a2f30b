package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"plenum/internal/audit"
	"plenum/internal/problem"
)

// newSecret returns a random token (32 bytes, URL-safe) and the SHA-256 hex
// digest under which it is stored: a stolen database yields no usable token.
func newSecret() (token, digest string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", fmt.Errorf("auth: random token: %w", err)
	}
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, digestOf(token), nil
}

func digestOf(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// Session is a browser sign-in.
type Session struct {
	ID         string    `json:"-"`
	UserID     int64     `json:"user_id"`
	CreatedAt  time.Time `json:"created_at"`
	LastSeenAt time.Time `json:"last_seen_at"`
	ExpiresAt  time.Time `json:"expires_at"`
	IP         string    `json:"ip"`
	UserAgent  string    `json:"user_agent"`
}

// ErrSignInFailed is the single answer to a wrong username or password, so
// that the form does not tell which accounts exist.
var ErrSignInFailed = problem.New(problem.Unauthorized, "auth.bad_credentials")

// SignIn checks a username and password and opens a session. It returns the
// session token for the cookie. Failures are counted per account and per
// address; past the limits, attempts are refused without checking the
// password until the block expires.
func (s *Store) SignIn(ctx context.Context, username, password, ip, userAgent string) (string, User, error) {
	u, newHash, err := s.verify(ctx, username, password, ip)
	if err != nil {
		return "", User{}, err
	}
	if u.Disabled {
		return "", User{}, problem.New(problem.Forbidden, "auth.account_disabled")
	}
	token, digest, err := newSecret()
	if err != nil {
		return "", User{}, err
	}
	now := s.nowUTC()
	actx := audit.WithActor(ctx, audit.Actor{UserID: u.ID, Name: u.Username, IP: ip})
	err = s.db.Tx(actx, func(ctx context.Context) error {
		if _, err := s.db.W(ctx).ExecContext(ctx, `INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at, ip, user_agent)
			VALUES ($1, $2, $3, $3, $4, $5, $6)`, digest, u.ID, now, now.Add(s.cfg.SessionMax), ip, truncate(userAgent, 300)); err != nil {
			return fmt.Errorf("auth: open session: %w", err)
		}
		if _, err := s.db.W(ctx).ExecContext(ctx, `UPDATE users SET last_signin_at = $1 WHERE id = $2`, now, u.ID); err != nil {
			return fmt.Errorf("auth: record sign-in: %w", err)
		}
		if newHash != "" {
			if _, err := s.db.W(ctx).ExecContext(ctx, `UPDATE users SET password_hash = $1 WHERE id = $2`, newHash, u.ID); err != nil {
				return fmt.Errorf("auth: upgrade password hash: %w", err)
			}
		}
		return s.audit.Record(ctx, audit.Change{Action: "signin", Entity: "user", EntityID: u.ID})
	})
	if err != nil {
		return "", User{}, err
	}
	return token, u, nil
}

// ConfirmPassword checks the password of a signed-in user who is about to do
// something sensitive (change it, for one), with the same throttling as sign-in.
func (s *Store) ConfirmPassword(ctx context.Context, userID int64, password, ip string) error {
	u, err := s.User(ctx, userID)
	if err != nil {
		return err
	}
	if _, _, err := s.verify(ctx, u.Username, password, ip); err != nil {
		if problem.Is(err, problem.Unauthorized) {
			return problem.InvalidField("current", "auth.wrong_password")
		}
		return err
	}
	return nil
}

// verify checks a password with throttling. It returns the user and, when the
// stored hash uses outdated parameters, a fresh hash to store.
func (s *Store) verify(ctx context.Context, username, password, ip string) (User, string, error) {
	username = NormalizeUsername(username)
	userKey, ipKey := "user:"+username, "ip:"+ip
	if wait, err := s.blocked(ctx, userKey, ipKey); err != nil {
		return User{}, "", err
	} else if wait > 0 {
		return User{}, "", problem.New(problem.TooMany, "", int(wait.Minutes()+0.999))
	}
	u, hash, err := s.credentials(ctx, username)
	if err != nil && !problem.Is(err, problem.NotFound) {
		return User{}, "", err
	}
	ok, rehash := false, false
	if err == nil {
		ok, rehash, err = VerifyPassword(hash, password, s.cfg.PasswordCost)
		if err != nil {
			return User{}, "", fmt.Errorf("auth: user %q: %w", username, err)
		}
	} else if dummy, err := s.dummyHash(); err == nil {
		VerifyPassword(dummy, password, s.cfg.PasswordCost) // same cost as a real check
	}
	if !ok {
		actx := audit.WithActor(ctx, audit.Actor{UserID: u.ID, Name: username, IP: ip})
		err := s.db.Tx(actx, func(ctx context.Context) error {
			if err := s.recordFailure(ctx, userKey, s.cfg.MaxFailuresPerUser); err != nil {
				return err
			}
			if err := s.recordFailure(ctx, ipKey, s.cfg.MaxFailuresPerIP); err != nil {
				return err
			}
			return s.audit.Record(ctx, audit.Change{Action: "signin_failed", Entity: "user", EntityID: username})
		})
		if err != nil {
			return User{}, "", err
		}
		return User{}, "", ErrSignInFailed
	}
	if _, err := s.db.W(ctx).ExecContext(ctx, `DELETE FROM signin_throttle WHERE key = $1`, userKey); err != nil {
		return User{}, "", fmt.Errorf("auth: reset throttle: %w", err)
	}
	newHash := ""
	if rehash {
		if newHash, err = HashPassword(password, s.cfg.PasswordCost); err != nil {
			return User{}, "", err
		}
	}
	return u, newHash, nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

func (s *Store) credentials(ctx context.Context, username string) (User, string, error) {
	var hash string
	u, err := s.UserByUsername(ctx, username)
	if err != nil {
		return u, "", err
	}
	if err := s.db.R(ctx).QueryRowContext(ctx, `SELECT password_hash FROM users WHERE id = $1`, u.ID).Scan(&hash); err != nil {
		return u, "", fmt.Errorf("auth: read password of %q: %w", username, err)
	}
	return u, hash, nil
}

// Authenticate returns the principal of a session token, or an Unauthorized
// problem if the session does not exist, has expired (idle or absolute) or
// its user is disabled. A live session's last-seen time moves forward at most
// once a minute, to keep writes rare.
func (s *Store) Authenticate(ctx context.Context, token string) (Principal, Session, error) {
	if token == "" {
		return Anonymous, Session{}, problem.New(problem.Unauthorized, "")
	}
	digest := digestOf(token)
	var sess Session
	err := s.db.R(ctx).QueryRowContext(ctx, `SELECT id, user_id, created_at, last_seen_at, expires_at, ip, user_agent
		FROM sessions WHERE id = $1`, digest).Scan(&sess.ID, &sess.UserID, &sess.CreatedAt, &sess.LastSeenAt, &sess.ExpiresAt, &sess.IP, &sess.UserAgent)
	if errors.Is(err, sql.ErrNoRows) {
		return Anonymous, sess, problem.New(problem.Unauthorized, "")
	}
	if err != nil {
		return Anonymous, sess, fmt.Errorf("auth: read session: %w", err)
	}
	now := s.nowUTC()
	if !now.Before(sess.ExpiresAt) || !now.Before(sess.LastSeenAt.Add(s.cfg.SessionIdle)) {
		s.db.W(ctx).ExecContext(ctx, `DELETE FROM sessions WHERE id = $1`, digest)
		return Anonymous, sess, problem.New(problem.Unauthorized, "auth.session_expired")
	}
	u, err := s.User(ctx, sess.UserID)
	if err != nil {
		return Anonymous, sess, err
	}
	if u.Disabled {
		return Anonymous, sess, problem.New(problem.Unauthorized, "auth.account_disabled")
	}
	if now.Sub(sess.LastSeenAt) > time.Minute {
		if _, err := s.db.W(ctx).ExecContext(ctx, `UPDATE sessions SET last_seen_at = $1 WHERE id = $2`, now, digest); err != nil {
			return Anonymous, sess, fmt.Errorf("auth: touch session: %w", err)
		}
		sess.LastSeenAt = now
	}
	return Principal{User: u}, sess, nil
}

// SignOut ends the session of token.
func (s *Store) SignOut(ctx context.Context, token string) error {
	p, _, err := s.Authenticate(ctx, token)
	if err != nil {
		return nil // nothing to end
	}
	actx := audit.WithActor(ctx, audit.Actor{UserID: p.User.ID, Name: p.User.Username, IP: audit.ActorFrom(ctx).IP})
	return s.db.Tx(actx, func(ctx context.Context) error {
		if _, err := s.db.W(ctx).ExecContext(ctx, `DELETE FROM sessions WHERE id = $1`, digestOf(token)); err != nil {
			return fmt.Errorf("auth: sign out: %w", err)
		}
		return s.audit.Record(ctx, audit.Change{Action: "signout", Entity: "user", EntityID: p.User.ID})
	})
}

// Sessions lists the open sessions of a user, newest first.
func (s *Store) Sessions(ctx context.Context, userID int64) ([]Session, error) {
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT id, user_id, created_at, last_seen_at, expires_at, ip, user_agent
		FROM sessions WHERE user_id = $1 AND expires_at > $2 ORDER BY created_at DESC`, userID, s.nowUTC())
	if err != nil {
		return nil, fmt.Errorf("auth: list sessions: %w", err)
	}
	defer rows.Close()
	var out []Session
	for rows.Next() {
		var x Session
		if err := rows.Scan(&x.ID, &x.UserID, &x.CreatedAt, &x.LastSeenAt, &x.ExpiresAt, &x.IP, &x.UserAgent); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// EndSessions signs a user out everywhere.
func (s *Store) EndSessions(ctx context.Context, userID int64) error {
	return s.db.Tx(ctx, func(ctx context.Context) error {
		if _, err := s.db.W(ctx).ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID); err != nil {
			return fmt.Errorf("auth: end sessions: %w", err)
		}
		return s.audit.Record(ctx, audit.Change{Action: "end_sessions", Entity: "user", EntityID: userID})
	})
}

// PurgeExpired deletes expired sessions and old throttle rows; the server
// calls it periodically. It changes no user-visible state, so it is not audited.
func (s *Store) PurgeExpired(ctx context.Context) error {
	now := s.nowUTC()
	if _, err := s.db.W(ctx).ExecContext(ctx, `DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2`,
		now, now.Add(-s.cfg.SessionIdle)); err != nil {
		return fmt.Errorf("auth: purge sessions: %w", err)
	}
	if _, err := s.db.W(ctx).ExecContext(ctx, `DELETE FROM signin_throttle WHERE window_start <= $1 AND (blocked_until IS NULL OR blocked_until <= $2)`,
		now.Add(-s.cfg.Window), now); err != nil {
		return fmt.Errorf("auth: purge throttle: %w", err)
	}
	return nil
}
