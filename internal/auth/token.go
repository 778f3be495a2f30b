package auth

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"plenum/internal/audit"
	"plenum/internal/problem"
)

// TokenPrefix starts every API token, so that secret scanners and people
// recognise one when it is pasted where it should not be.
const TokenPrefix = "plenum_"

// MaxTokenLifetime bounds how long an API token may live.
const MaxTokenLifetime = 366 * 24 * time.Hour

// Token is an API bearer token (without its secret, which is shown once).
type Token struct {
	ID         int64      `json:"id"`
	UserID     int64      `json:"user_id"`
	Username   string     `json:"username"`
	Name       string     `json:"name"`
	Prefix     string     `json:"prefix"`
	Scopes     []string   `json:"scopes"`
	CreatedAt  time.Time  `json:"created_at"`
	ExpiresAt  time.Time  `json:"expires_at"`
	RevokedAt  *time.Time `json:"revoked_at,omitempty"`
	LastUsedAt *time.Time `json:"last_used_at,omitempty"`
}

// Active reports whether the token can still be used at now.
func (t Token) Active(now time.Time) bool { return t.RevokedAt == nil && now.Before(t.ExpiresAt) }

// CreateToken issues a token for a user and returns its secret, which is not
// stored and cannot be shown again.
func (s *Store) CreateToken(ctx context.Context, userID int64, name string, scopes []string, ttl time.Duration) (string, Token, error) {
	name = strings.TrimSpace(name)
	var v problem.Validation
	if v.Required("name", name) {
		v.MaxLen("name", name, 100)
	}
	if v.Check(len(scopes) > 0, "scopes", "error.required") {
		for _, sc := range scopes {
			if !v.Check(ValidScope(sc), "scopes", "auth.unknown_scope", sc) {
				break
			}
		}
	}
	v.Check(ttl > 0 && ttl <= MaxTokenLifetime, "expires", "auth.token_lifetime", int(MaxTokenLifetime.Hours()/24))
	if err := v.Err(); err != nil {
		return "", Token{}, err
	}
	u, err := s.User(ctx, userID)
	if err != nil {
		return "", Token{}, err
	}
	if u.Disabled {
		return "", Token{}, problem.New(problem.Conflict, "auth.account_disabled")
	}
	secret, digest, err := newSecret()
	if err != nil {
		return "", Token{}, err
	}
	plain := TokenPrefix + secret
	now := s.nowUTC()
	var t Token
	err = s.db.Tx(ctx, func(ctx context.Context) error {
		var id int64
		if err := s.db.W(ctx).QueryRowContext(ctx, `INSERT INTO api_tokens (user_id, name, prefix, hash, scopes, created_at, expires_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
			userID, name, plain[:len(TokenPrefix)+6], digest, strings.Join(scopes, " "), now, now.Add(ttl)).Scan(&id); err != nil {
			return fmt.Errorf("auth: create token: %w", err)
		}
		if t, err = s.token(ctx, id); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "create", Entity: "token", EntityID: id, After: t})
	})
	return plain, t, err
}

const tokenColumns = `t.id, t.user_id, u.username, t.name, t.prefix, t.scopes, t.created_at, t.expires_at, t.revoked_at, t.last_used_at`

func scanToken(row interface{ Scan(...any) error }) (Token, error) {
	var t Token
	var scopes string
	var revoked, used sql.NullTime
	err := row.Scan(&t.ID, &t.UserID, &t.Username, &t.Name, &t.Prefix, &scopes, &t.CreatedAt, &t.ExpiresAt, &revoked, &used)
	t.Scopes = strings.Fields(scopes)
	t.CreatedAt, t.ExpiresAt = t.CreatedAt.UTC(), t.ExpiresAt.UTC()
	if revoked.Valid {
		r := revoked.Time.UTC()
		t.RevokedAt = &r
	}
	if used.Valid {
		u := used.Time.UTC()
		t.LastUsedAt = &u
	}
	return t, err
}

func (s *Store) token(ctx context.Context, id int64) (Token, error) {
	t, err := scanToken(s.db.R(ctx).QueryRowContext(ctx, `SELECT `+tokenColumns+` FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return t, problem.ErrNotFound
	}
	if err != nil {
		return t, fmt.Errorf("auth: token %d: %w", id, err)
	}
	return t, nil
}

// Tokens lists tokens, of one user or (userID 0) of everyone, newest first.
func (s *Store) Tokens(ctx context.Context, userID int64) ([]Token, error) {
	q := `SELECT ` + tokenColumns + ` FROM api_tokens t JOIN users u ON u.id = t.user_id`
	var args []any
	if userID != 0 {
		q += ` WHERE t.user_id = $1`
		args = append(args, userID)
	}
	rows, err := s.db.R(ctx).QueryContext(ctx, q+` ORDER BY t.id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("auth: list tokens: %w", err)
	}
	defer rows.Close()
	var out []Token
	for rows.Next() {
		t, err := scanToken(rows)
		if err != nil {
			return nil, fmt.Errorf("auth: list tokens: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// RevokeToken revokes token id. A principal that is not an administrator may
// revoke only its own tokens; anyone else's look as if they did not exist.
func (s *Store) RevokeToken(ctx context.Context, by Principal, id int64) error {
	return s.db.Tx(ctx, func(ctx context.Context) error {
		t, err := s.token(ctx, id)
		if err != nil {
			return err
		}
		if by.SignedIn() && t.UserID != by.User.ID && !by.Can(UsersManage) {
			return problem.ErrNotFound
		}
		if t.RevokedAt != nil {
			return nil
		}
		if _, err := s.db.W(ctx).ExecContext(ctx, `UPDATE api_tokens SET revoked_at = $1 WHERE id = $2`, s.nowUTC(), id); err != nil {
			return fmt.Errorf("auth: revoke token %d: %w", id, err)
		}
		return s.audit.Record(ctx, audit.Change{Action: "revoke", Entity: "token", EntityID: id, Before: t})
	})
}

// AuthenticateToken returns the principal of a bearer token, or an
// Unauthorized problem that says why (unknown, revoked, expired, disabled).
func (s *Store) AuthenticateToken(ctx context.Context, plain string) (Principal, error) {
	if !strings.HasPrefix(plain, TokenPrefix) {
		return Anonymous, problem.New(problem.Unauthorized, "auth.token_invalid")
	}
	var id int64
	err := s.db.R(ctx).QueryRowContext(ctx, `SELECT id FROM api_tokens WHERE hash = $1`, digestOf(strings.TrimPrefix(plain, TokenPrefix))).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return Anonymous, problem.New(problem.Unauthorized, "auth.token_invalid")
	}
	if err != nil {
		return Anonymous, fmt.Errorf("auth: look up token: %w", err)
	}
	t, err := s.token(ctx, id)
	if err != nil {
		return Anonymous, err
	}
	now := s.nowUTC()
	switch {
	case t.RevokedAt != nil:
		return Anonymous, problem.New(problem.Unauthorized, "auth.token_revoked")
	case !now.Before(t.ExpiresAt):
		return Anonymous, problem.New(problem.Unauthorized, "auth.token_expired")
	}
	u, err := s.User(ctx, t.UserID)
	if err != nil {
		return Anonymous, err
	}
	if u.Disabled {
		return Anonymous, problem.New(problem.Unauthorized, "auth.account_disabled")
	}
	if t.LastUsedAt == nil || now.Sub(*t.LastUsedAt) > time.Minute {
		if _, err := s.db.W(ctx).ExecContext(ctx, `UPDATE api_tokens SET last_used_at = $1 WHERE id = $2`, now, id); err != nil {
			return Anonymous, fmt.Errorf("auth: touch token: %w", err)
		}
	}
	return Principal{User: u, TokenID: t.ID, Scopes: slices.Clone(t.Scopes)}, nil
}
