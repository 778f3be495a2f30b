package web

import (
	"net/http"
	"net/url"

	"plenum/internal/auth"
	"plenum/internal/org"
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
	rt.Handle("GET /search", auth.SignedIn, h.search)

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

	rt.Handle("GET /dashboard", auth.DashboardRead, h.dashboardPage)
	rt.Handle("GET /tasks", auth.TasksRead, h.taskInbox)
	rt.Handle("GET /tasks/mine", auth.TasksRead, h.myTasks)
	rt.Handle("GET /tasks/new", auth.TasksWrite, h.newTaskForm)
	rt.Handle("POST /tasks", auth.TasksWrite, h.createTask)
	rt.Handle("GET /tasks/export", auth.TasksRead, h.exportTasks)
	rt.Handle("GET /tasks/template", auth.TasksRead, h.taskTemplate)
	rt.Handle("GET /tasks/import", auth.TasksReport, h.taskImportForm)
	rt.Handle("POST /tasks/import", auth.TasksReport, h.importTasks)
	rt.Handle("GET /tasks/reminders", auth.TasksRead, h.reminderRules)
	rt.Handle("POST /tasks/reminders", auth.TasksWrite, h.saveReminderRules)
	rt.Handle("GET /tasks/{id}", auth.TasksRead, h.taskPage)
	rt.Handle("GET /tasks/{id}/files/{file}", auth.TasksRead, h.taskFile)
	rt.Handle("POST /tasks/{id}/report", auth.TasksReport, h.reportTask)
	rt.Handle("POST /tasks/{id}/complete", auth.TasksReport, h.completeTask)
	rt.Handle("POST /tasks/{id}/hand-on", auth.TasksReport, h.handOnTask)
	rt.Handle("POST /tasks/{id}/cancel", auth.TasksWrite, h.cancelTask)
	rt.Handle("POST /tasks/{id}/extend", auth.TasksWrite, h.extendTask)
	rt.Handle("GET /tasks/{id}/edit", auth.TasksWrite, h.editTaskForm)
	rt.Handle("POST /tasks/{id}/edit", auth.TasksWrite, h.editTask)
	rt.Handle("GET /notifications", auth.SignedIn, h.notifications)
	rt.Handle("POST /notifications/read", auth.SignedIn, h.readAllNotifications)
	rt.Handle("POST /notifications/{id}/read", auth.SignedIn, h.readNotification)

	rt.Handle("GET /ingest", auth.Ingest, h.ingestQueue)
	rt.Handle("POST /ingest", auth.Ingest, h.submitIngest)
	rt.Handle("GET /ingest/{id}", auth.Ingest, h.ingestItem)
	rt.Handle("POST /ingest/{id}/confirm", auth.Ingest, h.confirmIngest)
	rt.Handle("POST /ingest/{id}/reject", auth.Ingest, h.rejectIngest)

	rt.Handle("GET /org", auth.OrgRead, h.orgTree)
	rt.Handle("GET /org/units/{id}", auth.OrgRead, h.unitPage)
	rt.Handle("GET /org/units/new", auth.OrgWrite, h.newUnitForm)
	rt.Handle("GET /org/merge", auth.OrgWrite, func(w http.ResponseWriter, r *http.Request) error {
		return h.unitForm(w, r, http.StatusOK, "merge", org.Unit{}, nil)
	})
	for _, op := range []string{"rename", "move", "dissolve", "split"} {
		rt.Handle("GET /org/units/{id}/"+op, auth.OrgWrite, h.unitOpForm(op))
	}
	rt.Handle("POST /org/units/{id}/{op}", auth.OrgWrite, h.saveUnitOp)
	rt.Handle("POST /org/{op}", auth.OrgWrite, h.saveUnitOp) // new, merge

	rt.Handle("GET /people", auth.PeopleRead, h.peopleList)
	rt.Handle("GET /people/{id}", auth.PeopleRead, h.personPage)
	rt.Handle("GET /people/new", auth.PeopleWrite, h.newPersonForm)
	rt.Handle("POST /people", auth.PeopleWrite, h.savePerson)
	rt.Handle("GET /people/{id}/edit", auth.PeopleWrite, h.editPersonForm)
	rt.Handle("POST /people/{id}", auth.PeopleWrite, h.savePerson)
	rt.Handle("POST /people/{id}/posts", auth.PeopleWrite, h.addPost)
	rt.Handle("POST /posts/{id}/end", auth.PeopleWrite, h.endPost)
	rt.Handle("POST /posts/{id}/remove", auth.PeopleWrite, h.removePost)

	rt.Handle("GET /conferences", auth.ConferencesRead, h.calendar)
	rt.Handle("GET /conferences/new", auth.ConferencesWrite, h.newConferenceForm)
	rt.Handle("POST /conferences", auth.ConferencesWrite, h.saveConference)
	rt.Handle("GET /conferences/{id}", auth.ConferencesRead, h.conferencePage)
	rt.Handle("GET /conferences/{id}/edit", auth.ConferencesWrite, h.editConferenceForm)
	rt.Handle("POST /conferences/{id}", auth.ConferencesWrite, h.saveConference)
	rt.Handle("POST /conferences/{id}/delete", auth.ConferencesWrite, h.deleteConference)
	rt.Handle("POST /conferences/{id}/status", auth.ConferencesWrite, h.conferenceAction("conferences.status_saved", h.setConferenceStatus))
	rt.Handle("GET /conferences/{id}/attendance", auth.ConferencesWrite, h.attendanceForm)
	rt.Handle("POST /conferences/{id}/attendance", auth.ConferencesWrite, h.saveAttendance)
	rt.Handle("POST /conferences/{id}/items", auth.ConferencesWrite, h.conferenceAction("conferences.item_added", h.addItem))
	rt.Handle("GET /conferences/{id}/texts/{kind}", auth.ConferencesRead, h.textHistory)
	rt.Handle("POST /conferences/{id}/texts/{kind}", auth.ConferencesWrite, h.conferenceAction("conferences.text_saved", h.saveText))
	rt.Handle("POST /conferences/{id}/adopted", auth.ConferencesWrite, h.conferenceAction("conferences.adopted", h.adopt))
	rt.Handle("POST /conferences/{id}/adopted/{doc}/remove", auth.ConferencesWrite, h.conferenceAction("conferences.unadopted", h.unadopt))
	rt.Handle("POST /conferences/{id}/article", auth.NewsEdit, h.generateArticle)
	rt.Handle("GET /conference-terms", auth.ConferencesRead, h.termsPage)
	rt.Handle("POST /conference-terms", auth.ConferencesWrite, h.saveTerm)
	rt.Handle("GET /conference-terms/{id}/edit", auth.ConferencesWrite, h.editTermForm)
	rt.Handle("POST /conference-terms/{id}", auth.ConferencesWrite, h.saveTerm)
	rt.Handle("GET /agenda/{id}/edit", auth.ConferencesWrite, h.editItemForm)
	rt.Handle("POST /agenda/{id}", auth.ConferencesWrite, h.saveItem)
	rt.Handle("POST /agenda/{id}/vote", auth.ConferencesWrite, h.itemAction("conferences.vote_saved", h.recordVote))
	rt.Handle("POST /agenda/{id}/vote/clear", auth.ConferencesWrite, h.itemAction("conferences.vote_cleared", h.clearVote))
	rt.Handle("POST /agenda/{id}/move", auth.ConferencesWrite, h.itemAction("", h.moveItem))
	rt.Handle("POST /agenda/{id}/remove", auth.ConferencesWrite, h.itemAction("conferences.item_removed", h.removeItem))

	rt.Handle("GET /news/drafts", auth.NewsEdit, h.newsDrafts)
	rt.Handle("GET /news/drafts/new", auth.NewsEdit, h.newsDraft)
	rt.Handle("POST /news/drafts", auth.NewsEdit, h.saveDraft)
	rt.Handle("GET /news/drafts/{id}", auth.NewsEdit, h.newsDraft)
	rt.Handle("POST /news/drafts/{id}", auth.NewsEdit, h.saveDraft)
	rt.Handle("POST /news/drafts/{id}/delete", auth.NewsEdit, h.deleteDraft)
	rt.Handle("GET /indicators", auth.IndicatorsRead, h.indicatorList)
	rt.Handle("GET /indicators/{id}", auth.IndicatorsRead, h.indicatorPage)
	rt.Handle("GET /indicators/new", auth.IndicatorsWrite, h.newIndicatorForm)
	rt.Handle("POST /indicators/new", auth.IndicatorsWrite, h.createIndicator)
	rt.Handle("GET /indicators/{id}/edit", auth.IndicatorsWrite, h.editIndicatorForm)
	rt.Handle("POST /indicators/{id}/edit", auth.IndicatorsWrite, h.updateIndicator)
	rt.Handle("GET /indicators/{id}/targets", auth.IndicatorsWrite, h.indicatorTargets)
	rt.Handle("POST /indicators/{id}/targets", auth.IndicatorsWrite, h.saveTargets)
	rt.Handle("GET /indicators/standing", auth.IndicatorsRead, h.indicatorStanding)
	rt.Handle("GET /indicators/sheet", auth.IndicatorsRead, h.indicatorSheet)
	rt.Handle("GET /indicators/enter", auth.IndicatorsEnter, h.indicatorEnterForm)
	rt.Handle("POST /indicators/values", auth.IndicatorsEnter, h.saveValue)
	rt.Handle("GET /indicators/import", auth.IndicatorsEnter, h.importForm)
	rt.Handle("POST /indicators/import", auth.IndicatorsEnter, h.importSheet)
	// Not under /indicators/: /indicators/imports/{id} and /indicators/{id}/edit
	// would both match /indicators/imports/edit.
	rt.Handle("GET /imports/{id}", auth.IndicatorsEnter, h.importResult)

	rt.Handle("GET /documents", auth.DocumentsRead, h.documentList)
	rt.Handle("GET /documents/export.xlsx", auth.DocumentsRead, h.documentExport)
	rt.Handle("GET /documents/new", auth.DocumentsWrite, h.newDocumentForm)
	rt.Handle("POST /documents", auth.DocumentsWrite, h.createDocument)
	rt.Handle("GET /documents/{id}", auth.DocumentsRead, h.document)
	rt.Handle("GET /documents/{id}/edit", auth.DocumentsWrite, h.editDocumentForm)
	rt.Handle("POST /documents/{id}", auth.DocumentsWrite, h.updateDocument)
	rt.Handle("POST /documents/{id}/issue", auth.DocumentsWrite, h.issueDocument)
	rt.Handle("POST /documents/{id}/status", auth.DocumentsWrite, h.documentStatus)
	rt.Handle("POST /documents/{id}/classify", auth.DocumentsWrite, h.classifyDocument)
	rt.Handle("POST /documents/{id}/publish", auth.DocumentsWrite, h.publishDocument)
	rt.Handle("POST /documents/{id}/grants", auth.DocumentsWrite, h.setDocumentGrants)
	rt.Handle("POST /documents/{id}/links", auth.DocumentsWrite, h.linkDocument)
	rt.Handle("POST /documents/{id}/links/{link}/delete", auth.DocumentsWrite, h.unlinkDocument)
	rt.Handle("POST /documents/{id}/copies", auth.DocumentsWrite, h.registerCopy)
	rt.Handle("POST /documents/{id}/copies/{copy}/return", auth.DocumentsWrite, h.returnCopy)
	rt.Handle("POST /documents/{id}/files", auth.DocumentsWrite, h.attachDocumentFile)
	rt.Handle("GET /documents/{id}/files/{file}", auth.DocumentsRead, h.documentFile)
	rt.Handle("POST /documents/{id}/files/{file}/delete", auth.DocumentsWrite, h.detachDocumentFile)
}

func urlQueryEscape(s string) string { return url.QueryEscape(s) }
