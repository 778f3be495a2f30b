// Package api serves the JSON API under /api/v1 for integrators: the same
// records as the pages, behind the same router and permissions, with bearer
// tokens. Its contract is openapi.yaml, served at /api/v1/openapi.yaml.
package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"

	"plenum/internal/app"
	"plenum/internal/auth"
	"plenum/internal/problem"
	"plenum/internal/router"
)

var openapi = buildOpenAPI()

// Handler serves the API.
type Handler struct {
	app *app.App
	log *slog.Logger
}

// New returns the API handler.
func New(a *app.App) *Handler { return &Handler{app: a, log: a.Log} }

// Register adds the API routes to mux.
func (h *Handler) Register(mux *http.ServeMux) *router.Router {
	rt := router.New(mux, h.writeError)
	h.routes(rt)
	return rt
}

// routes is the table of every API route and the permission it needs.
func (h *Handler) routes(rt *router.Router) {
	rt.Handle("GET /api/v1/openapi.json", auth.Public, func(w http.ResponseWriter, r *http.Request) error {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		_, err := w.Write(openapi)
		return err
	})
	rt.Handle("GET /api/v1/me", auth.SignedIn, h.me)
	rt.Handle("GET /api/v1/tokens", auth.SignedIn, h.listTokens)
	rt.Handle("POST /api/v1/tokens", auth.TokensManage, h.createToken)
	rt.Handle("DELETE /api/v1/tokens/{id}", auth.SignedIn, h.revokeToken)
	rt.Handle("GET /api/v1/users", auth.UsersManage, h.listUsers)
	rt.Handle("POST /api/v1/users", auth.UsersManage, h.createUser)
	rt.Handle("GET /api/v1/users/{id}", auth.UsersManage, h.getUser)
	rt.Handle("PATCH /api/v1/users/{id}", auth.UsersManage, h.updateUser)
	rt.Handle("GET /api/v1/audit", auth.AuditRead, h.listAudit)
	rt.Handle("GET /api/v1/audit/verify", auth.AuditRead, h.verifyAudit)
	h.orgRoutes(rt)
	h.peopleRoutes(rt)
	h.conferenceRoutes(rt)
	h.documentRoutes(rt)
	h.taskRoutes(rt)
	h.ingestRoutes(rt)
	rt.Handle("GET /api/v1/search", auth.SignedIn, h.search)
	h.indicatorRoutes(rt)
	// Anything else under /api/ is a JSON 404, not the HTML one.
	rt.Handle("GET /api/", auth.Public, func(http.ResponseWriter, *http.Request) error { return problem.ErrNotFound })
}

// errorBody is the shape of every error answer.
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code      problem.Code `json:"code"`
	Message   string       `json:"message"`
	Fields    []fieldError `json:"fields,omitempty"`
	RequestID string       `json:"request_id"`
}

type fieldError struct {
	Name    string `json:"name"`
	Message string `json:"message"`
}

func (h *Handler) writeError(w http.ResponseWriter, r *http.Request, err error) {
	status, _ := router.Status(err)
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="plenum"`)
	}
	writeJSON(w, status, errorBody{h.errorDetail(r, err)})
}

// errorDetail is err as an answer shows it, in the request's language.
func (h *Handler) errorDetail(r *http.Request, err error) errorDetail {
	p := router.Safe(r, h.log, err)
	lang := router.Lang(r)
	d := errorDetail{Code: p.Code, Message: p.Message(lang), RequestID: router.RequestID(r)}
	if p.Key == "" && len(p.Fields) > 0 {
		d.Message = problem.New(p.Code, "").Message(lang)
	}
	for _, f := range p.Fields {
		d.Fields = append(d.Fields, fieldError{f.Name, p.FieldMessage(lang, f.Name)})
	}
	return d
}

func writeJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// list is the envelope of every collection answer.
type list[T any] struct {
	Items []T `json:"items"`
}

func items[T any](xs []T) list[T] {
	if xs == nil {
		xs = []T{}
	}
	return list[T]{Items: xs}
}

// maxBody bounds every request body.
const maxBody = 1 << 20

// decode reads a JSON body strictly: unknown fields, trailing data, wrong
// types and malformed JSON are refused with what and where.
func decode(w http.ResponseWriter, r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return problem.New(problem.BadRequest, "api.content_type")
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return decodeProblem(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return problem.New(problem.BadRequest, "api.trailing_data")
	}
	return nil
}

func decodeProblem(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return problem.New(problem.TooLarge, "")
	case errors.Is(err, io.EOF):
		return problem.New(problem.BadRequest, "api.empty_body")
	case errors.As(err, &syn):
		return problem.Wrap(problem.BadRequest, err, "api.bad_json", syn.Offset, syn.Error())
	case errors.As(err, &typ):
		return &problem.Error{Code: problem.Invalid, Fields: []problem.Field{{Name: typ.Field, Key: "api.wrong_type", Args: []any{typ.Type.String()}}}}
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return &problem.Error{Code: problem.Invalid, Fields: []problem.Field{{Name: name, Key: "api.unknown_field"}}}
	}
	return problem.Wrap(problem.BadRequest, err, "api.bad_json", 0, fmt.Sprint(err))
}

// change decodes a T and hands it to op with the principal and the {id}
// of the path (0 on routes without one), answering status and the result.
func change[T, R any](status int, op func(ctx context.Context, p auth.Principal, id int64, in T) (R, error)) router.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		var id int64
		if r.PathValue("id") != "" {
			var err error
			if id, err = router.PathID(r, "id"); err != nil {
				return err
			}
		}
		var in T
		if err := decode(w, r, &in); err != nil {
			return err
		}
		out, err := op(r.Context(), router.Principal(r), id, in)
		if err != nil {
			return err
		}
		return writeJSON(w, status, out)
	}
}
