package api

import (
	"net/http"
	"time"

	"plenum/internal/auth"
	"plenum/internal/router"
)

func (h *Handler) me(w http.ResponseWriter, r *http.Request) error {
	p := router.Principal(r)
	return writeJSON(w, http.StatusOK, struct {
		User   auth.User `json:"user"`
		Scopes []string  `json:"scopes,omitempty"`
	}{p.User, p.Scopes})
}

func (h *Handler) listTokens(w http.ResponseWriter, r *http.Request) error {
	tokens, err := h.app.Auth.Tokens(r.Context(), router.Principal(r).User.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, items(tokens))
}

type newToken struct {
	Name   string   `json:"name"`
	Scopes []string `json:"scopes"`
	Days   int      `json:"days"`
}

func (h *Handler) createToken(w http.ResponseWriter, r *http.Request) error {
	var in newToken
	if err := decode(w, r, &in); err != nil {
		return err
	}
	plain, t, err := h.app.Auth.CreateToken(r.Context(), router.Principal(r).User.ID, in.Name, in.Scopes, time.Duration(in.Days)*24*time.Hour)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, struct {
		Token  string     `json:"token"`
		Detail auth.Token `json:"detail"`
	}{plain, t})
}

func (h *Handler) revokeToken(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	if err := h.app.Auth.RevokeToken(r.Context(), router.Principal(r), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
