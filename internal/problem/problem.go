// Package problem is the vocabulary of errors that may be shown to users: a
// stable code (which the API returns and which decides the HTTP status), a
// message key in the i18n catalogue, and the fields at fault. Anything that is
// not a *problem.Error is an internal error: it is logged with the request id
// and the user sees only a generic message — never SQL, paths or the
// existence of records they may not see.
package problem

import (
	"errors"
	"net/http"
	"strings"
	"unicode/utf8"

	"plenum/internal/date"
	"plenum/internal/i18n"
)

// Code classifies a problem.
type Code string

// The codes, with the HTTP status each maps to.
const (
	Invalid      Code = "invalid"           // 422: the input is wrong; see Fields
	BadRequest   Code = "bad_request"       // 400: the request itself is malformed
	Unauthorized Code = "unauthorized"      // 401: not signed in, session expired, token revoked
	Forbidden    Code = "forbidden"         // 403: signed in but not allowed
	NotFound     Code = "not_found"         // 404: no such record, or not visible to the caller
	Conflict     Code = "conflict"          // 409: duplicate, or state does not allow it
	TooLarge     Code = "too_large"         // 413
	TooMany      Code = "too_many_requests" // 429: throttled
)

// Status returns the HTTP status of a code.
func (c Code) Status() int {
	switch c {
	case Invalid:
		return http.StatusUnprocessableEntity
	case BadRequest:
		return http.StatusBadRequest
	case Unauthorized:
		return http.StatusUnauthorized
	case Forbidden:
		return http.StatusForbidden
	case NotFound:
		return http.StatusNotFound
	case Conflict:
		return http.StatusConflict
	case TooLarge:
		return http.StatusRequestEntityTooLarge
	case TooMany:
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}

// Field is one field at fault.
type Field struct {
	Name string // the form and JSON field name, e.g. "valid_from"
	Key  string // i18n key of the message
	Args []any
}

// Error is a problem safe to show to the user who caused it.
type Error struct {
	Code   Code
	Key    string // i18n key of the overall message; defaults to "error.<code>"
	Args   []any
	Fields []Field
	Err    error // the cause, for logs only
}

// Error renders the problem in English, for logs and the command line.
func (e *Error) Error() string { return e.Message("en") }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Message renders the problem in lang, with each field's message appended.
func (e *Error) Message(lang string) string {
	key := e.Key
	if key == "" {
		key = "error." + string(e.Code)
	}
	msg := i18n.T(lang, key, e.Args...)
	if len(e.Fields) == 0 {
		return msg
	}
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		parts[i] = f.Name + ": " + i18n.T(lang, f.Key, f.Args...)
	}
	return msg + " (" + strings.Join(parts, "; ") + ")"
}

// FieldMessage returns the message for field name in lang, or "".
func (e *Error) FieldMessage(lang, name string) string {
	for _, f := range e.Fields {
		if f.Name == name {
			return i18n.T(lang, f.Key, f.Args...)
		}
	}
	return ""
}

// New returns a problem with a code and a message key.
func New(code Code, key string, args ...any) *Error {
	return &Error{Code: code, Key: key, Args: args}
}

// Wrap returns a problem whose cause is err (kept for logs).
func Wrap(code Code, err error, key string, args ...any) *Error {
	return &Error{Code: code, Key: key, Args: args, Err: err}
}

// InvalidField returns an Invalid problem for one field.
func InvalidField(name, key string, args ...any) *Error {
	return &Error{Code: Invalid, Fields: []Field{{Name: name, Key: key, Args: args}}}
}

// ConflictField returns a Conflict problem for one field: a refusal because
// of the state of the records, naming the field to change.
func ConflictField(name, key string, args ...any) *Error {
	return &Error{Code: Conflict, Fields: []Field{{Name: name, Key: key, Args: args}}}
}

// ErrNotFound is the answer for a record that does not exist or that the
// caller may not see: the two must look the same.
var ErrNotFound = &Error{Code: NotFound}

// As returns err as a *Error if it is (or wraps) one.
func As(err error) (*Error, bool) {
	var p *Error
	ok := errors.As(err, &p)
	return p, ok
}

// CodeOf returns the code of err, or "" for an internal error.
func CodeOf(err error) Code {
	if p, ok := As(err); ok {
		return p.Code
	}
	return ""
}

// Is reports whether err is a problem with code c.
func Is(err error, c Code) bool { return CodeOf(err) == c }

// Validation collects field problems; Err returns them as one Invalid problem.
type Validation struct{ fields []Field }

// Add records a problem with field name.
func (v *Validation) Add(name, key string, args ...any) {
	v.fields = append(v.fields, Field{Name: name, Key: key, Args: args})
}

// Check records the problem when ok is false, and returns ok.
func (v *Validation) Check(ok bool, name, key string, args ...any) bool {
	if !ok {
		v.Add(name, key, args...)
	}
	return ok
}

// Required checks that s is not blank.
func (v *Validation) Required(name, s string) bool {
	return v.Check(strings.TrimSpace(s) != "", name, "error.required")
}

// MaxLen checks that s has at most n characters.
func (v *Validation) MaxLen(name, s string, n int) bool {
	return v.Check(utf8.RuneCountInString(s) <= n, name, "error.too_long", n)
}

// OneOf checks that s is one of the allowed values.
func (v *Validation) OneOf(name, s string, allowed ...string) bool {
	for _, a := range allowed {
		if s == a {
			return true
		}
	}
	v.Add(name, "error.invalid_choice")
	return false
}

// Date reads a day typed as 01/07/2025 or given as 2025-07-01
// (date.ParseInput); empty is the zero date, anything else a problem on
// field name.
func (v *Validation) Date(name, s string) date.Date {
	if strings.TrimSpace(s) == "" {
		return date.Date{}
	}
	d, err := date.ParseInput(s)
	if err != nil {
		v.Add(name, "error.invalid_date")
	}
	return d
}

// Has reports whether a problem was recorded for name.
func (v *Validation) Has(name string) bool {
	for _, f := range v.fields {
		if f.Name == name {
			return true
		}
	}
	return false
}

// Err returns nil or the collected problems as one Invalid error.
func (v *Validation) Err() error {
	if len(v.fields) == 0 {
		return nil
	}
	return &Error{Code: Invalid, Fields: v.fields}
}
