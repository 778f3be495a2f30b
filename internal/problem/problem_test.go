package problem

import (
	"errors"
	"fmt"
	"net/http"
	"testing"
)

func TestValidationCollectsFields(t *testing.T) {
	var v Validation
	v.Required("name", "  ")
	v.MaxLen("code", "abcdef", 3)
	v.OneOf("role", "boss", "admin", "office")
	v.Check(true, "ok", "error.required")
	err := v.Err()
	p, ok := As(fmt.Errorf("context: %w", err))
	if !ok || p.Code != Invalid || len(p.Fields) != 3 {
		t.Fatalf("got %#v", err)
	}
	if p.Code.Status() != http.StatusUnprocessableEntity {
		t.Error("status")
	}
	if got := p.FieldMessage("en", "code"); got != "Longer than 3 characters" {
		t.Errorf("field message = %q", got)
	}
	if got := p.Error(); got != "Some fields are not valid; please check the marked fields (name: Required; code: Longer than 3 characters; role: Not one of the allowed values)" {
		t.Errorf("Error() = %q", got)
	}
	if !v.Has("role") || v.Has("ok") {
		t.Error("Has")
	}
	var empty Validation
	if empty.Err() != nil {
		t.Error("empty validation is an error")
	}
}

func TestCodes(t *testing.T) {
	cause := errors.New("sql: no rows")
	err := Wrap(NotFound, cause, "")
	if !errors.Is(err, cause) || !Is(err, NotFound) || CodeOf(cause) != "" {
		t.Error("wrapping")
	}
	if Code("other").Status() != 500 || TooMany.Status() != 429 || Unauthorized.Status() != 401 {
		t.Error("statuses")
	}
	if ErrNotFound.Message("vi") != "Không tìm thấy" {
		t.Errorf("vi = %q", ErrNotFound.Message("vi"))
	}
}
