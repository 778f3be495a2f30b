package api

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"plenum/internal/app"
	"plenum/internal/clock/clocktest"
)

// Every API route is described in openapi.json with its method, and the
// description names the permission the router enforces.
func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	var spec struct {
		Paths map[string]map[string]struct {
			Description string `json:"description"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(openapi, &spec); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	rt := New(app.New(nil, nil, app.Config{Clock: clocktest.New(t)})).Register(http.NewServeMux())
	var described []string
	for _, r := range rt.Routes() {
		method, path, _ := strings.Cut(r.Pattern, " ")
		if path == "/api/" {
			continue // the JSON 404 catch-all
		}
		path = strings.TrimPrefix(path, "/api/v1")
		op, ok := spec.Paths[path][strings.ToLower(method)]
		if !ok {
			t.Errorf("%s is not in openapi.json", r.Pattern)
			continue
		}
		if path != "/openapi.json" && !strings.Contains(op.Description, "`"+string(r.Permission)+"`") {
			t.Errorf("%s: openapi.json says %q, the router requires %s", r.Pattern, op.Description, r.Permission)
		}
		described = append(described, strings.ToLower(method)+" "+path)
	}
	for path, ops := range spec.Paths {
		for method := range ops {
			if !slices.Contains(described, method+" "+path) {
				t.Errorf("openapi.json describes %s %s, which is not a route", method, path)
			}
		}
	}
}
