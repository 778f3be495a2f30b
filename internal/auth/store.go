package auth

import (
	"sync"
	"time"

	"plenum/internal/audit"
	"plenum/internal/clock"
	"plenum/internal/db"
)

// Config sets session lifetimes and sign-in throttling.
type Config struct {
	SessionIdle time.Duration // a session unused this long expires (default 4h)
	SessionMax  time.Duration // a session expires this long after sign-in, used or not (default 12h)

	MaxFailuresPerUser int           // failed sign-ins per account within Window before it is blocked (default 5)
	MaxFailuresPerIP   int           // failed sign-ins per address within Window (default 20)
	Window             time.Duration // default 15m
	Block              time.Duration // how long a blocked account or address waits (default 15m)

	PasswordCost Cost // of hashing a password; DefaultCost when zero
}

func (c Config) withDefaults() Config {
	def := func(v *time.Duration, d time.Duration) {
		if *v <= 0 {
			*v = d
		}
	}
	if c.PasswordCost == (Cost{}) {
		c.PasswordCost = DefaultCost
	}
	def(&c.SessionIdle, 4*time.Hour)
	def(&c.SessionMax, 12*time.Hour)
	def(&c.Window, 15*time.Minute)
	def(&c.Block, 15*time.Minute)
	if c.MaxFailuresPerUser <= 0 {
		c.MaxFailuresPerUser = 5
	}
	if c.MaxFailuresPerIP <= 0 {
		c.MaxFailuresPerIP = 20
	}
	return c
}

// Store keeps users, sessions, tokens and sign-in failures.
type Store struct {
	db    *db.DB
	audit *audit.Log
	cfg   Config
	clock clock.Clock
	// dummyHash is verified against when the user does not exist, so that
	// an unknown username takes as long as a wrong password.
	dummyHash func() (string, error)
}

// NewStore returns the account store of d; sessions, tokens and sign-in
// failures are timed by c.
func NewStore(d *db.DB, log *audit.Log, c clock.Clock, cfg Config) *Store {
	s := &Store{db: d, audit: log, cfg: cfg.withDefaults(), clock: c}
	s.dummyHash = sync.OnceValues(func() (string, error) { return HashPassword("plenum-no-such-user", s.cfg.PasswordCost) })
	return s
}

func (s *Store) nowUTC() time.Time { return s.clock.Now().UTC().Truncate(time.Microsecond) }
