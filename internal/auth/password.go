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

// Argon2id parameters: OWASP's minimum (19 MiB, 2 passes, 1 lane) costs about
// 40 ms here. They are stored in each hash (PHC string format), so raising
// them later re-hashes on the next sign-in without breaking old passwords.
type hashParams struct {
	memory  uint32 // KiB
	time    uint32
	threads uint8
}

var currentParams = hashParams{memory: 19 * 1024, time: 2, threads: 1}

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

// HashPassword returns an argon2id PHC string for password.
func HashPassword(password string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("auth: salt: %w", err)
	}
	p := currentParams
	hashSlots <- struct{}{}
	key := argon2.IDKey([]byte(password), salt, p.time, p.memory, p.threads, 32)
	<-hashSlots
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.memory, p.time, p.threads,
		enc.EncodeToString(salt), enc.EncodeToString(key)), nil
}

var errBadHash = errors.New("auth: stored password hash is malformed")

// VerifyPassword reports whether password matches the PHC string, and
// whether the hash should be replaced because its parameters are outdated.
func VerifyPassword(phc, password string) (ok, rehash bool, err error) {
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
	return ok, ok && p != currentParams, nil
}

// dummyHash is verified against when the user does not exist, so that an
// unknown username takes as long as a wrong password.
var dummyHash, _ = HashPassword("plenum-no-such-user")
