package auth

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"plenum/internal/audit"
	"plenum/internal/db"
	"plenum/internal/i18n"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// User is an account.
type User struct {
	ID                int64      `json:"id"`
	Username          string     `json:"username"`
	DisplayName       string     `json:"display_name"`
	Email             string     `json:"email"`
	Role              Role       `json:"role"`
	Clearance         Clearance  `json:"clearance"`
	UnitID            int64      `json:"unit_id,omitempty"`
	PersonID          int64      `json:"person_id,omitempty"`
	Lang              string     `json:"lang"`
	Disabled          bool       `json:"disabled"`
	PasswordChangedAt time.Time  `json:"password_changed_at"`
	LastSignInAt      *time.Time `json:"last_signin_at,omitempty"`
	CreatedAt         time.Time  `json:"created_at"`
	UpdatedAt         time.Time  `json:"updated_at"`
}

// auditView is what the audit log keeps of a user: never the password hash.
func (u User) auditView() map[string]any {
	return map[string]any{"username": u.Username, "display_name": u.DisplayName, "email": u.Email,
		"role": u.Role, "clearance": u.Clearance, "unit_id": u.UnitID, "person_id": u.PersonID,
		"lang": u.Lang, "disabled": u.Disabled}
}

var usernamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,62}[a-z0-9]$`)

// NormalizeUsername lower-cases and trims a username.
func NormalizeUsername(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// NewUser is the input for CreateUser.
type NewUser struct {
	Username    string    `json:"username"`
	DisplayName string    `json:"display_name"`
	Email       string    `json:"email"`
	Password    string    `json:"password"`
	Role        Role      `json:"role"`
	Clearance   Clearance `json:"clearance"`
	UnitID      int64     `json:"unit_id"`
	PersonID    int64     `json:"person_id"`
	Lang        string    `json:"lang"`
}

// CreateUser validates and stores a new account.
func (s *Store) CreateUser(ctx context.Context, in NewUser) (User, error) {
	in.Username = NormalizeUsername(in.Username)
	in.DisplayName = strings.TrimSpace(vn.Normalize(in.DisplayName))
	in.Email = strings.TrimSpace(in.Email)
	if in.Lang == "" {
		in.Lang = i18n.Default
	}
	var v problem.Validation
	if v.Required("username", in.Username) {
		v.Check(usernamePattern.MatchString(in.Username), "username", "auth.username_format")
	}
	if v.Required("display_name", in.DisplayName) {
		v.MaxLen("display_name", in.DisplayName, 200)
	}
	v.MaxLen("email", in.Email, 200)
	if err := checkPassword(in.Password, in.Username); err != nil {
		f := err.(*problem.Error).Fields[0]
		v.Add(f.Name, f.Key, f.Args...)
	}
	s.validateAccess(&v, in.Role, in.Clearance, in.UnitID)
	v.OneOf("lang", in.Lang, i18n.Languages...)
	if err := v.Err(); err != nil {
		return User{}, err
	}
	hash, err := HashPassword(in.Password, s.cfg.PasswordCost)
	if err != nil {
		return User{}, err
	}
	now := s.nowUTC()
	var u User
	err = s.db.Tx(ctx, func(ctx context.Context) error {
		if err := s.checkUnit(ctx, in.UnitID); err != nil {
			return err
		}
		var id int64
		err := s.db.W(ctx).QueryRowContext(ctx, `INSERT INTO users
			(username, display_name, email, password_hash, role, clearance, unit_id, person_id, lang, password_changed_at, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $10) RETURNING id`,
			in.Username, in.DisplayName, in.Email, hash, in.Role, in.Clearance, db.Null(in.UnitID), db.Null(in.PersonID), in.Lang, now).Scan(&id)
		if db.IsUniqueViolation(err) {
			return problem.InvalidField("username", "auth.username_taken")
		}
		if err != nil {
			return fmt.Errorf("auth: create user: %w", err)
		}
		if u, err = s.User(ctx, id); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "create", Entity: "user", EntityID: id, After: u.auditView()})
	})
	return u, err
}

func (s *Store) validateAccess(v *problem.Validation, role Role, c Clearance, unitID int64) {
	v.Check(role.Valid(), "role", "error.invalid_choice")
	v.Check(c.Valid(), "clearance", "error.invalid_choice")
	v.Check(role != RoleUnit || unitID != 0, "unit_id", "auth.unit_required")
}

func (s *Store) checkUnit(ctx context.Context, unitID int64) error {
	if unitID == 0 {
		return nil
	}
	var n int
	if err := s.db.R(ctx).QueryRowContext(ctx, `SELECT count(*) FROM units WHERE id = $1`, unitID).Scan(&n); err != nil {
		return fmt.Errorf("auth: check unit: %w", err)
	}
	if n == 0 {
		return problem.InvalidField("unit_id", "error.not_found")
	}
	return nil
}

const userColumns = `id, username, display_name, email, role, clearance, unit_id, person_id, lang, disabled,
	password_changed_at, last_signin_at, created_at, updated_at`

func scanUser(row interface{ Scan(...any) error }) (User, error) {
	var u User
	var unit, person sql.NullInt64
	var last sql.NullTime
	err := row.Scan(&u.ID, &u.Username, &u.DisplayName, &u.Email, &u.Role, &u.Clearance, &unit, &person, &u.Lang,
		&u.Disabled, &u.PasswordChangedAt, &last, &u.CreatedAt, &u.UpdatedAt)
	u.UnitID, u.PersonID = unit.Int64, person.Int64
	if last.Valid {
		t := last.Time.UTC()
		u.LastSignInAt = &t
	}
	u.PasswordChangedAt, u.CreatedAt, u.UpdatedAt = u.PasswordChangedAt.UTC(), u.CreatedAt.UTC(), u.UpdatedAt.UTC()
	return u, err
}

// User returns the account with id, or problem.ErrNotFound.
func (s *Store) User(ctx context.Context, id int64) (User, error) {
	u, err := scanUser(s.db.R(ctx).QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return u, problem.ErrNotFound
	}
	if err != nil {
		return u, fmt.Errorf("auth: user %d: %w", id, err)
	}
	return u, nil
}

// UserByUsername returns the account named username, or problem.ErrNotFound.
func (s *Store) UserByUsername(ctx context.Context, username string) (User, error) {
	u, err := scanUser(s.db.R(ctx).QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE username = $1`, NormalizeUsername(username)))
	if errors.Is(err, sql.ErrNoRows) {
		return u, problem.ErrNotFound
	}
	if err != nil {
		return u, fmt.Errorf("auth: user %q: %w", username, err)
	}
	return u, nil
}

// Users returns every account, in the Vietnamese order of their names
// (given name first), then by username.
func (s *Store) Users(ctx context.Context) ([]User, error) {
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT `+userColumns+` FROM users`)
	if err != nil {
		return nil, fmt.Errorf("auth: list users: %w", err)
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("auth: list users: %w", err)
		}
		out = append(out, u)
	}
	// Keys made once: CompareNames makes both at each comparison.
	keys := make(map[int64]string, len(out))
	for _, u := range out {
		keys[u.ID] = vn.NameSortKey(u.DisplayName)
	}
	slices.SortStableFunc(out, func(a, b User) int {
		return cmp.Or(strings.Compare(keys[a.ID], keys[b.ID]), strings.Compare(a.Username, b.Username))
	})
	return out, rows.Err()
}

// UserChange is a partial update of an account; nil fields stay as they are.
type UserChange struct {
	DisplayName *string    `json:"display_name,omitempty"`
	Email       *string    `json:"email,omitempty"`
	Role        *Role      `json:"role,omitempty"`
	Clearance   *Clearance `json:"clearance,omitempty"`
	UnitID      *int64     `json:"unit_id,omitempty"`
	PersonID    *int64     `json:"person_id,omitempty"`
	Lang        *string    `json:"lang,omitempty"`
	Disabled    *bool      `json:"disabled,omitempty"`
}

// UpdateUser applies a change to an account. Disabling an account ends its
// sessions and revokes its tokens in the same transaction. When by is a
// signed-in user, they cannot grant a clearance above their own, nor take
// away their own administration rights.
func (s *Store) UpdateUser(ctx context.Context, by Principal, id int64, c UserChange) (User, error) {
	var after User
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		before, err := s.User(ctx, id)
		if err != nil {
			return err
		}
		u := before
		set := func(dst *string, src *string) {
			if src != nil {
				*dst = strings.TrimSpace(vn.Normalize(*src))
			}
		}
		set(&u.DisplayName, c.DisplayName)
		set(&u.Email, c.Email)
		set(&u.Lang, c.Lang)
		if c.Role != nil {
			u.Role = *c.Role
		}
		if c.Clearance != nil {
			u.Clearance = *c.Clearance
		}
		if c.UnitID != nil {
			u.UnitID = *c.UnitID
		}
		if c.PersonID != nil {
			u.PersonID = *c.PersonID
		}
		if c.Disabled != nil {
			u.Disabled = *c.Disabled
		}
		var v problem.Validation
		if v.Required("display_name", u.DisplayName) {
			v.MaxLen("display_name", u.DisplayName, 200)
		}
		v.MaxLen("email", u.Email, 200)
		v.OneOf("lang", u.Lang, i18n.Languages...)
		s.validateAccess(&v, u.Role, u.Clearance, u.UnitID)
		if by.SignedIn() {
			v.Check(u.Clearance <= before.Clearance || u.Clearance <= by.User.Clearance, "clearance", "auth.clearance_above_own")
			if by.User.ID == id {
				v.Check(u.Role == before.Role || by.User.Role != RoleAdmin, "role", "auth.cannot_demote_self")
				v.Check(!u.Disabled, "disabled", "auth.cannot_disable_self")
			}
		}
		if err := v.Err(); err != nil {
			return err
		}
		if err := s.checkUnit(ctx, u.UnitID); err != nil {
			return err
		}
		if _, err := s.db.W(ctx).ExecContext(ctx, `UPDATE users SET display_name = $1, email = $2, role = $3, clearance = $4,
			unit_id = $5, person_id = $6, lang = $7, disabled = $8, updated_at = $9 WHERE id = $10`,
			u.DisplayName, u.Email, u.Role, u.Clearance, db.Null(u.UnitID), db.Null(u.PersonID), u.Lang, u.Disabled, s.nowUTC(), id); err != nil {
			return fmt.Errorf("auth: update user %d: %w", id, err)
		}
		if u.Disabled && !before.Disabled {
			if err := s.endAccess(ctx, id); err != nil {
				return err
			}
		}
		if after, err = s.User(ctx, id); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "update", Entity: "user", EntityID: id,
			Before: before.auditView(), After: after.auditView()})
	})
	return after, err
}

// endAccess deletes the sessions and revokes the tokens of a user.
func (s *Store) endAccess(ctx context.Context, userID int64) error {
	if _, err := s.db.W(ctx).ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID); err != nil {
		return fmt.Errorf("auth: end sessions of user %d: %w", userID, err)
	}
	if _, err := s.db.W(ctx).ExecContext(ctx, `UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL`,
		s.nowUTC(), userID); err != nil {
		return fmt.Errorf("auth: revoke tokens of user %d: %w", userID, err)
	}
	return nil
}

// SetPassword replaces a user's password and ends their other sessions.
func (s *Store) SetPassword(ctx context.Context, id int64, password string) error {
	u, err := s.User(ctx, id)
	if err != nil {
		return err
	}
	if err := checkPassword(password, u.Username); err != nil {
		return err
	}
	hash, err := HashPassword(password, s.cfg.PasswordCost)
	if err != nil {
		return err
	}
	return s.db.Tx(ctx, func(ctx context.Context) error {
		now := s.nowUTC()
		if _, err := s.db.W(ctx).ExecContext(ctx, `UPDATE users SET password_hash = $1, password_changed_at = $2, updated_at = $2 WHERE id = $3`,
			hash, now, id); err != nil {
			return fmt.Errorf("auth: set password of user %d: %w", id, err)
		}
		if _, err := s.db.W(ctx).ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, id); err != nil {
			return fmt.Errorf("auth: end sessions of user %d: %w", id, err)
		}
		return s.audit.Record(ctx, audit.Change{Action: "set_password", Entity: "user", EntityID: id})
	})
}
