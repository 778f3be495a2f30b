package api

import (
	"net/http"

	"plenum/internal/auth"
	"plenum/internal/problem"
	"plenum/internal/router"
)

func (h *Handler) listUsers(w http.ResponseWriter, r *http.Request) error {
	users, err := h.app.Auth.Users(r.Context())
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, items(users))
}

func (h *Handler) getUser(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	u, err := h.app.Auth.User(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, u)
}

func (h *Handler) createUser(w http.ResponseWriter, r *http.Request) error {
	var in auth.NewUser
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if in.Clearance > router.Principal(r).User.Clearance {
		return problem.InvalidField("clearance", "auth.clearance_above_own")
	}
	u, err := h.app.Auth.CreateUser(r.Context(), in)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, u)
}

func (h *Handler) updateUser(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	var in auth.UserChange
	if err := decode(w, r, &in); err != nil {
		return err
	}
	u, err := h.app.Auth.UpdateUser(r.Context(), router.Principal(r), id, in)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, u)
}
