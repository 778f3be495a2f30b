package web

import (
	"net/http"
	"net/url"

	"plenum/internal/auth"
	"plenum/internal/router"
)

// routes is the table of every page and the permission it needs.
func (h *Handler) routes(rt *router.Router) {
	rt.Handle("GET /static/{hash}/{name}", auth.Public, func(w http.ResponseWriter, r *http.Request) error {
		h.assets.serve(w, r)
		return nil
	})
	rt.Handle("GET /signin", auth.Public, h.signinForm)
	rt.Handle("POST /signin", auth.Public, h.signin)
	rt.Handle("POST /signout", auth.SignedIn, h.signout)
	rt.Handle("POST /lang", auth.Public, h.setLang)

	rt.Handle("GET /{$}", auth.SignedIn, h.home)

	rt.Handle("GET /account", auth.SignedIn, h.account)
	rt.Handle("POST /account/password", auth.SignedIn, h.changePassword)
	rt.Handle("POST /account/tokens", auth.TokensManage, h.createToken)
	rt.Handle("POST /account/tokens/{id}/revoke", auth.SignedIn, h.revokeToken)
	rt.Handle("POST /account/sessions/end", auth.SignedIn, h.endSessions)

	rt.Handle("GET /admin/users", auth.UsersManage, h.users)
	rt.Handle("GET /admin/users/new", auth.UsersManage, h.newUserForm)
	rt.Handle("POST /admin/users", auth.UsersManage, h.createUser)
	rt.Handle("GET /admin/users/{id}", auth.UsersManage, h.editUserForm)
	rt.Handle("POST /admin/users/{id}", auth.UsersManage, h.updateUser)
	rt.Handle("POST /admin/users/{id}/password", auth.UsersManage, h.resetPassword)

	rt.Handle("GET /admin/audit", auth.AuditRead, h.auditLog)
}

func urlQueryEscape(s string) string { return url.QueryEscape(s) }
