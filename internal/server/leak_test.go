package server_test

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"plenum/internal/audit"
	"plenum/internal/server"
	"plenum/internal/server/servertest"
)

// classified is what a fixture created: texts that must never reach a reader
// without clearance and need to know, and ids to put into route patterns.
type classified struct {
	secrets []string
	ids     []int64
}

// classifiedFixtures create classified records of every kind. Each kind of
// record that can be classified adds one here.
var classifiedFixtures = map[string]func(t *testing.T, e *servertest.Env) classified{
	"audit entry": func(t *testing.T, e *servertest.Env) classified {
		secret := "Bí mật nhật ký 7731"
		err := e.App.DB.Tx(e.Ctx, func(ctx context.Context) error {
			return e.App.Audit.Record(ctx, audit.Change{Action: "create", Entity: "document", EntityID: 424242, Class: 2,
				After: map[string]string{"title": secret}})
		})
		if err != nil {
			t.Fatal(err)
		}
		return classified{secrets: []string{secret}, ids: []int64{424242}}
	},
}

var placeholder = regexp.MustCompile(`\{[a-z_]+\}`)

// TestNothingClassifiedLeaks walks every page and API route as readers who
// may not see the classified records — one without clearance, one cleared but
// without a need to know — with every classified id and with an id that does
// not exist. No answer may contain a secret, and a classified id must get the
// same status as a missing one, so that not even existence leaks.
func TestNothingClassifiedLeaks(t *testing.T) {
	e := servertest.New(t)
	var all classified
	// In a fixed order, so that the word searched for below is the same
	// from run to run.
	for _, name := range slices.Sorted(maps.Keys(classifiedFixtures)) {
		c := classifiedFixtures[name](t, e)
		if len(c.secrets) == 0 {
			t.Fatalf("fixture %s made no secrets", name)
		}
		all.secrets = append(all.secrets, c.secrets...)
		all.ids = append(all.ids, c.ids...)
	}
	const missing = 987654321
	readers := map[string]string{
		"uncleared reader":         "reader",
		"uncleared editor":         "editor",
		"cleared, no need to know": "leader",
		"cleared administrator":    "admin",
		"uncleared token":          "token:reader:read",
	}
	routes := server.Routes(e.App)
	if len(routes) < 20 {
		t.Fatalf("only %d routes", len(routes))
	}
	// Everyone signs in before the walk: its failed attempts at the forms
	// that check a password would otherwise throttle the later sign-ins.
	clients := map[string]*http.Client{}
	for _, as := range readers {
		if !strings.HasPrefix(as, "token:") {
			clients[as] = e.SignIn(as)
		}
	}
	for who, as := range readers {
		c := clients[as]
		var headers []string
		if strings.HasPrefix(as, "token:") {
			parts := strings.SplitN(as, ":", 3)
			headers = []string{"Authorization: Bearer " + e.Token(parts[1], parts[2])}
			c = e.Client()
		}
		for _, rt := range routes {
			method, pattern, _ := strings.Cut(rt.Pattern, " ")
			// The sign-in form shows no record, and the walk's failed
			// attempts at it would throttle the sign-ins of the next readers.
			// Revoking a token with a record's id would revoke the walking
			// token itself when the ids meet: tokens are no classified records.
			if pattern == "/static/{hash}/{name}" || method == "DELETE" || rt.Pattern == "POST /signin" ||
				rt.Pattern == "POST /account/tokens/{id}/revoke" {
				continue
			}
			fill := func(id int64) string {
				p := placeholder.ReplaceAllString(pattern, fmt.Sprint(id))
				p = strings.TrimSuffix(p, "{$}")
				return p
			}
			// Searches use a word of a secret: the form echoes what was typed,
			// so what must not appear is the rest of the secret.
			words := strings.Fields(all.secrets[0])
			word := words[len(words)-1]
			queries := []string{"", "?q=" + url.QueryEscape(word), "?entity=document&entity_id=424242"}
			body := ""
			if method != "GET" {
				body = "{}"
				if !strings.HasPrefix(pattern, "/api/") {
					body = "x=1"
				}
			}
			want := e.Do(c, method, fill(missing), body, headers...)
			for _, id := range append(all.ids, missing) {
				for _, q := range queries {
					path := fill(id) + q
					if method != "GET" && q != "" {
						continue
					}
					got := e.Do(c, method, path, body, headers...)
					for _, s := range all.secrets {
						if s == word && q != "" {
							continue // a secret of one word is what was typed
						}
						if strings.Contains(got.Body, s) {
							t.Errorf("%s: %s %s shows %q", who, method, path, s)
						}
					}
					if placeholder.MatchString(pattern) && q == "" && got.Status != want.Status {
						t.Errorf("%s: %s %s answers %d but a missing record answers %d: existence leaks", who, method, path, got.Status, want.Status)
					}
				}
			}
		}
	}
}
