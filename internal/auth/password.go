package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"plenum/internal/problem"
)

// Cost is what hashing a password with argon2id costs: memory in KiB and
// passes over it (one lane). It is stored in each hash (PHC string format),
// so raising it later re-hashes on the next sign-in without breaking old
// passwords.
type Cost struct {
	Memory uint32 // KiB
	Time   uint32
}

// DefaultCost is OWASP's minimum (19 MiB, 2 passes): about 40 ms here.
var DefaultCost = Cost{Memory: 19 * 1024, Time: 2}

// TestCost is a cost for tests only, which create and sign in hundreds of
// accounts: a few microseconds, and no protection at all.
var TestCost = Cost{Memory: 8, Time: 1}

type hashParams struct {
	memory  uint32 // KiB
	time    uint32
	threads uint8
}

func (c Cost) params() hashParams { return hashParams{memory: c.Memory, time: c.Time, threads: 1} }

// hashSlots caps concurrent hashing: each takes 19 MiB, and a burst of
// sign-ins must not exhaust the memory of a small server.
var hashSlots = make(chan struct{}, 4)

// MinPasswordLength is the shortest password accepted.
const MinPasswordLength = 10

// checkPassword returns nil or the problem with a new password.
func checkPassword(password, username string) error {
	switch {
	case utf8.RuneCountInString(password) < MinPasswordLength:
		return problem.InvalidField("password", "auth.password_too_short", MinPasswordLength)
	case strings.EqualFold(strings.TrimSpace(password), username):
		return problem.InvalidField("password", "auth.password_is_username")
	}
	return nil
}

// HashPassword returns an argon2id PHC string for password, at cost c.
func HashPassword(password string, c Cost) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("auth: salt: %w", err)
	}
	p := c.params()
	hashSlots <- struct{}{}
	key := argon2.IDKey([]byte(password), salt, p.time, p.memory, p.threads, 32)
	<-hashSlots
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.memory, p.time, p.threads,
		enc.EncodeToString(salt), enc.EncodeToString(key)), nil
}

var errBadHash = errors.New("auth: stored password hash is malformed")

// VerifyPassword reports whether password matches the PHC string, and
// whether the hash should be replaced because it was made at another cost
// than c.
func VerifyPassword(phc, password string, c Cost) (ok, rehash bool, err error) {
	parts := strings.Split(phc, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, false, errBadHash
	}
	var version int
	var p hashParams
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false, false, errBadHash
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.memory, &p.time, &p.threads); err != nil {
		return false, false, errBadHash
	}
	if p.memory > 1<<20 || p.time > 20 || p.threads == 0 {
		return false, false, errBadHash // refuse a planted hash that would cost gigabytes
	}
	enc := base64.RawStdEncoding
	salt, err1 := enc.DecodeString(parts[4])
	want, err2 := enc.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false, false, errBadHash
	}
	hashSlots <- struct{}{}
	got := argon2.IDKey([]byte(password), salt, p.time, p.memory, p.threads, uint32(len(want)))
	<-hashSlots
	ok = subtle.ConstantTimeCompare(got, want) == 1
	return ok, ok && p != c.params(), nil
}
