package web

import (
	"net/http"
	"strconv"
	"strings"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/conferences"
	"plenum/internal/problem"
	"plenum/internal/router"
)

// pathViewer reads the {id} of the path and the viewer of the request.
func (h *Handler) pathViewer(r *http.Request) (int64, access.Viewer, error) {
	id, err := router.PathID(r, "id")
	if err != nil {
		return 0, access.Viewer{}, err
	}
	v, err := h.viewer(r)
	return id, v, err
}

// pathRecord reads the record of the conference {id} as the request's
// viewer may see it.
func (h *Handler) pathRecord(r *http.Request) (conferences.Record, error) {
	id, viewer, err := h.pathViewer(r)
	if err != nil {
		return conferences.Record{}, err
	}
	return h.app.Conferences.Record(r.Context(), viewer, id)
}

// bodyOption is a body that has terms, for the calendar's filter.
type bodyOption struct {
	ID   int64
	Name string
}

type calendarData struct {
	Calendar conferences.Calendar
	Terms    []conferences.Term
	Bodies   []bodyOption
	Months   []monthGroup
	Statuses []conferences.Status
	Next     string
	Prev     string
}

// monthGroup is the conferences of one month, as the calendar shows them.
type monthGroup struct {
	Year, Month int
	Entries     []conferences.Entry
}

// bodiesOf lists the bodies that have terms, once each, in the terms' order.
func bodiesOf(terms []conferences.Term) []bodyOption {
	var out []bodyOption
	seen := map[int64]bool{}
	for _, t := range terms {
		if !seen[t.BodyID] {
			seen[t.BodyID] = true
			out = append(out, bodyOption{t.BodyID, t.BodyName})
		}
	}
	return out
}

// readCalendarQuery reads the calendar's filters from the URL.
func readCalendarQuery(v *problem.Validation, r *http.Request) conferences.CalendarQuery {
	q := r.URL.Query()
	num := func(name string) int64 {
		s := strings.TrimSpace(q.Get(name))
		if s == "" {
			return 0
		}
		n, err := strconv.ParseInt(s, 10, 64)
		v.Check(err == nil && n >= 0, name, "error.invalid_number")
		return n
	}
	return conferences.CalendarQuery{
		BodyID: num("body"), TermID: num("term"), Year: int(num("year")), Month: int(num("month")),
		Status: conferences.Status(q.Get("status")), Lineage: q.Get("lineage") != "",
		From: parseDateField(v, "from", q.Get("from")), To: parseDateField(v, "to", q.Get("to")),
		Limit: 200, Offset: int(num("offset")),
	}
}

func (h *Handler) calendar(w http.ResponseWriter, r *http.Request) error {
	viewer, err := h.viewer(r)
	if err != nil {
		return err
	}
	terms, err := h.app.Conferences.Terms(r.Context(), 0)
	if err != nil {
		return err
	}
	data := calendarData{Terms: terms, Bodies: bodiesOf(terms), Statuses: conferences.Statuses()}
	var v problem.Validation
	q := readCalendarQuery(&v, r)
	form := &Form{Values: r.URL.Query()}
	err = v.Err()
	if err == nil {
		data.Calendar, err = h.app.Conferences.Calendar(r.Context(), viewer, q)
	}
	if p, ok := problem.As(err); ok && p.Code == problem.Invalid {
		form.Err = p
	} else if err != nil {
		return err
	}
	for _, e := range data.Calendar.Entries {
		if n := len(data.Months); n == 0 || data.Months[n-1].Year != e.HeldOn.Year || data.Months[n-1].Month != int(e.HeldOn.Month) {
			data.Months = append(data.Months, monthGroup{Year: e.HeldOn.Year, Month: int(e.HeldOn.Month)})
		}
		data.Months[len(data.Months)-1].Entries = append(data.Months[len(data.Months)-1].Entries, e)
	}
	page := &Page{Title: router.LangT(r, "conferences.title"), Data: &data, Form: form}
	at := func(offset int) string {
		vals := r.URL.Query()
		vals.Set("offset", strconv.Itoa(offset))
		return "/conferences?" + vals.Encode()
	}
	if q.Offset+len(data.Calendar.Entries) < data.Calendar.Total {
		data.Next = at(q.Offset + q.Limit)
	}
	if q.Offset > 0 {
		data.Prev = at(max(0, q.Offset-q.Limit))
	}
	for _, e := range data.Calendar.Entries {
		page.Class = max(page.Class, e.Class)
	}
	consumeFlash(w, r)
	return h.render(w, r, http.StatusOK, "conferences", page)
}

// conferencePageData is what the conference page shows.
type conferencePageData struct {
	conferences.Record
	Term       conferences.Term
	Minutes    *conferences.Text // the latest version
	Conclusion *conferences.Text
	// Others are people who may present an item or be invited: the body's
	// members that day come first in Record.Attendance.
	ItemKinds  []conferences.ItemKind
	Methods    []conferences.VoteMethod
	Clearances []auth.Clearance
	Roles      []auth.Role
	Texts      []textBlock
}

// textBlock is the minutes or the conclusion, for the page's two forms.
type textBlock struct {
	Kind   conferences.TextKind
	Latest *conferences.Text
	Count  int
}

func (h *Handler) conferencePage(w http.ResponseWriter, r *http.Request) error {
	return h.showConference(w, r, http.StatusOK, nil)
}

// showConference renders the conference page, with a form that was refused
// shown again when f is not nil.
func (h *Handler) showConference(w http.ResponseWriter, r *http.Request, status int, f *Form) error {
	rec, err := h.pathRecord(r)
	if err != nil {
		return err
	}
	term, err := h.app.Conferences.Term(r.Context(), rec.TermID)
	if err != nil {
		return err
	}
	data := &conferencePageData{Record: rec, Term: term, ItemKinds: conferences.ItemKinds(), Methods: conferences.VoteMethods(),
		Clearances: clearancesUpTo(router.Principal(r).Clearance()), Roles: auth.Roles}
	for _, k := range conferences.TextKinds() {
		versions := rec.Minutes
		if k == conferences.Conclusion {
			versions = rec.Conclusion
		}
		b := textBlock{Kind: k, Count: len(versions)}
		if len(versions) > 0 {
			b.Latest = &versions[0]
		}
		data.Texts = append(data.Texts, b)
	}
	if f == nil {
		consumeFlash(w, r)
	}
	return h.render(w, r, status, "conference", &Page{Title: conferenceTitle(r, rec.Conference), Data: data, Form: f,
		Class: rec.MaxClass})
}

// conferenceTitle names a conference on its page: "Hội nghị lần thứ 5 —
// Tỉnh ủy Bắc Kạn, khóa XII".
func conferenceTitle(r *http.Request, c conferences.Conference) string {
	return router.LangT(r, "conferences.page_title", c.Ordinal, c.BodyName, c.TermRoman)
}

// clearancesUpTo lists the classes a user may give: up to their own.
func clearancesUpTo(c auth.Clearance) []auth.Clearance {
	var out []auth.Clearance
	for _, x := range clearances() {
		if x <= c {
			out = append(out, x)
		}
	}
	return out
}

// conferenceAction runs a change on the conference of the path and sends
// the browser back to its page, or shows the page again with the form's
// problems.
func (h *Handler) conferenceAction(flash string, act func(r *http.Request, v access.Viewer, id int64) error) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		if err := parseForm(w, r); err != nil {
			return err
		}
		id, viewer, err := h.pathViewer(r)
		if err != nil {
			return err
		}
		if err := act(r, viewer, id); err != nil {
			return h.formRetry(w, r, err, func(f *Form) error { return h.showConference(w, r, http.StatusUnprocessableEntity, f) })
		}
		return redirect(w, r, "/conferences/"+strconv.FormatInt(id, 10), flash)
	}
}

func (h *Handler) setConferenceStatus(r *http.Request, v access.Viewer, id int64) error {
	_, err := h.app.Conferences.SetStatus(r.Context(), v, id, conferences.Status(r.PostForm.Get("status")))
	return err
}

func (h *Handler) deleteConference(w http.ResponseWriter, r *http.Request) error {
	id, viewer, err := h.pathViewer(r)
	if err != nil {
		return err
	}
	if err := h.app.Conferences.Delete(r.Context(), viewer, id); err != nil {
		return h.formRetry(w, r, err, func(f *Form) error { return h.showConference(w, r, http.StatusUnprocessableEntity, f) })
	}
	return redirect(w, r, "/conferences", "conferences.deleted")
}

// readVote reads the vote form of an item.
func readVote(v *problem.Validation, r *http.Request) conferences.VoteInput {
	count := func(name string) int {
		s := strings.TrimSpace(r.PostForm.Get(name))
		if s == "" {
			return 0
		}
		n, err := strconv.Atoi(s)
		v.Check(err == nil, name, "error.invalid_number")
		return n
	}
	return conferences.VoteInput{Method: conferences.VoteMethod(r.PostForm.Get("method")),
		For: count("for"), Against: count("against"), Abstain: count("abstain")}
}

// itemAction runs a change on the agenda item of the path and sends the
// browser back to its conference's page.
func (h *Handler) itemAction(flash string, act func(r *http.Request, v access.Viewer, id int64) (int64, error)) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		if err := parseForm(w, r); err != nil {
			return err
		}
		id, viewer, err := h.pathViewer(r)
		if err != nil {
			return err
		}
		it, err := h.app.Conferences.Item(r.Context(), viewer, id)
		if err != nil {
			return err
		}
		if _, err := act(r, viewer, id); err != nil {
			r.SetPathValue("id", strconv.FormatInt(it.ConferenceID, 10))
			return h.formRetry(w, r, err, func(f *Form) error { return h.showConference(w, r, http.StatusUnprocessableEntity, f) })
		}
		return redirect(w, r, "/conferences/"+strconv.FormatInt(it.ConferenceID, 10)+"#item-"+strconv.FormatInt(id, 10), flash)
	}
}

func (h *Handler) recordVote(r *http.Request, v access.Viewer, id int64) (int64, error) {
	var val problem.Validation
	in := readVote(&val, r)
	if err := val.Err(); err != nil {
		return 0, err
	}
	_, err := h.app.Conferences.RecordVote(r.Context(), v, id, in)
	return id, err
}

func (h *Handler) clearVote(r *http.Request, v access.Viewer, id int64) (int64, error) {
	return id, h.app.Conferences.ClearVote(r.Context(), v, id)
}

func (h *Handler) moveItem(r *http.Request, v access.Viewer, id int64) (int64, error) {
	delta := 1
	if r.PostForm.Get("direction") == "up" {
		delta = -1
	}
	return id, h.app.Conferences.MoveItem(r.Context(), v, id, delta)
}

func (h *Handler) removeItem(r *http.Request, v access.Viewer, id int64) (int64, error) {
	return id, h.app.Conferences.RemoveItem(r.Context(), v, id)
}

// saveText writes the draft of the minutes or conclusion, approves it, or
// starts a correction, as the form's "do" asks.
func (h *Handler) saveText(r *http.Request, v access.Viewer, id int64) error {
	kind := conferences.TextKind(r.PathValue("kind"))
	in := conferences.TextInput{Body: r.PostForm.Get("body"), Note: r.PostForm.Get("note")}
	var err error
	switch r.PostForm.Get("do") {
	case "approve":
		if strings.TrimSpace(in.Body) != "" {
			if _, err = h.app.Conferences.WriteDraft(r.Context(), v, id, kind, in); err != nil {
				return err
			}
		}
		_, err = h.app.Conferences.Approve(r.Context(), v, id, kind)
	case "correct":
		_, err = h.app.Conferences.Correct(r.Context(), v, id, kind, in)
	default:
		_, err = h.app.Conferences.WriteDraft(r.Context(), v, id, kind, in)
	}
	return err
}

type textsData struct {
	Conference conferences.Conference
	Kind       conferences.TextKind
	Versions   []conferences.Text
}

func (h *Handler) textHistory(w http.ResponseWriter, r *http.Request) error {
	id, viewer, err := h.pathViewer(r)
	if err != nil {
		return err
	}
	kind := conferences.TextKind(r.PathValue("kind"))
	c, err := h.app.Conferences.Get(r.Context(), viewer, id)
	if err != nil {
		return err
	}
	if !kind.Valid() {
		return problem.ErrNotFound
	}
	versions, err := h.app.Conferences.History(r.Context(), viewer, id, kind)
	if err != nil {
		return err
	}
	return h.render(w, r, http.StatusOK, "conference_texts", &Page{Title: kind.Label(router.Lang(r)) + " — " + conferenceTitle(r, c),
		Data: textsData{Conference: c, Kind: kind, Versions: versions}, Class: c.Class})
}

// resolveDocument reads a document typed into a form: its number in the
// registry, or its symbol ("05-NQ/TU"), which must name exactly one
// document the viewer may see.
func (h *Handler) resolveDocument(r *http.Request, v access.Viewer, val *problem.Validation, field, text string) int64 {
	text = strings.TrimSpace(text)
	if id, err := strconv.ParseInt(text, 10, 64); err == nil && id > 0 {
		return id
	}
	id, err := h.app.Conferences.DocumentBySymbol(r.Context(), v, text)
	if err != nil {
		val.Add(field, "conferences.error.document_unknown")
		return 0
	}
	return id
}

// readDocuments reads a list of documents typed one per line or separated
// by commas or semicolons.
func (h *Handler) readDocuments(r *http.Request, v access.Viewer, val *problem.Validation, field, text string) []int64 {
	var ids []int64
	for _, s := range strings.FieldsFunc(text, func(c rune) bool { return c == '\n' || c == ',' || c == ';' }) {
		if s = strings.TrimSpace(s); s != "" {
			if id := h.resolveDocument(r, v, val, field, s); id != 0 {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

func (h *Handler) adopt(r *http.Request, v access.Viewer, id int64) error {
	var val problem.Validation
	doc := h.resolveDocument(r, v, &val, "document_id", r.PostForm.Get("document"))
	if err := val.Err(); err != nil {
		return err
	}
	return h.app.Conferences.Adopt(r.Context(), v, id, doc)
}

func (h *Handler) unadopt(r *http.Request, v access.Viewer, id int64) error {
	doc, err := strconv.ParseInt(r.PathValue("doc"), 10, 64)
	if err != nil {
		return problem.ErrNotFound
	}
	return h.app.Conferences.Unadopt(r.Context(), v, id, doc)
}

func (h *Handler) generateArticle(w http.ResponseWriter, r *http.Request) error {
	id, viewer, err := h.pathViewer(r)
	if err != nil {
		return err
	}
	a, err := h.app.Conferences.GenerateArticle(r.Context(), viewer, id, router.Principal(r).User.DisplayName)
	if err != nil {
		if err := parseForm(w, r); err != nil {
			return err
		}
		return h.formRetry(w, r, err, func(f *Form) error { return h.showConference(w, r, http.StatusUnprocessableEntity, f) })
	}
	return redirect(w, r, "/news/drafts/"+strconv.FormatInt(a.ID, 10), "news.generated")
}
