package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/conferences"
	"plenum/internal/people"
	"plenum/internal/problem"
	"plenum/internal/router"
)

type conferenceFormData struct {
	Conference  conferences.Conference // zero when convening
	Terms       []conferences.Term
	Kinds       []conferences.Kind
	Parts       []conferences.Part
	Members     []conferences.Member // who may chair: the body's members on the day
	People      []people.Person      // who may be invited
	Clearances  []auth.Clearance
	Roles       []auth.Role
	NextOrdinal int
	New         bool
}

// conferenceForm shows the form to convene a conference or correct one. The
// term and day chosen (in the form's values) decide whose names are offered
// as chairs.
func (h *Handler) conferenceForm(w http.ResponseWriter, r *http.Request, status int, c conferences.Conference, f *Form) error {
	ctx := r.Context()
	terms, err := h.app.Conferences.Terms(ctx, 0)
	if err != nil {
		return err
	}
	data := &conferenceFormData{Conference: c, Terms: terms, Kinds: conferences.Kinds(), Parts: conferences.Parts(),
		Clearances: clearancesUpTo(router.Principal(r).Clearance()), Roles: auth.Roles, New: c.ID == 0}
	if f == nil {
		// The form reloads itself (GET) to offer the members of the term
		// and day chosen; otherwise it starts from the conference on record.
		f = &Form{Values: r.URL.Query()}
		if c.ID != 0 && len(f.Values) == 0 {
			f.Values = conferenceValues(c)
		}
	}
	var v problem.Validation
	termID := formID(&v, "term_id", f.Values.Get("term_id"))
	day := parseDateField(&v, "held_on", f.Values.Get("held_on"))
	if day.IsZero() {
		day = h.today()
	}
	if termID == 0 {
		// Offer the first term running on the day.
		for _, t := range terms {
			if t.Contains(day) {
				termID = t.ID
				f.Values.Set("term_id", strconv.FormatInt(termID, 10))
				break
			}
		}
	}
	for _, t := range terms {
		if t.ID == termID {
			if data.Members, err = h.app.Conferences.Members(ctx, t.BodyID, day); err != nil {
				return err
			}
			if data.New {
				if data.NextOrdinal, err = h.app.Conferences.NextOrdinal(ctx, t.ID); err != nil {
					return err
				}
			}
		}
	}
	page, err := h.app.People.List(ctx, people.ListQuery{AsOf: day, Limit: 500})
	if err != nil {
		return err
	}
	data.People = page.People
	title := router.LangT(r, "conferences.new")
	if c.ID != 0 {
		title = conferenceTitle(r, c)
	}
	return h.render(w, r, status, "conference_form", &Page{Title: title, Data: data, Form: f, Class: c.Class})
}

// conferenceValues are the form's values for a conference on record.
func conferenceValues(c conferences.Conference) map[string][]string {
	vals := map[string][]string{
		"term_id": {strconv.FormatInt(c.TermID, 10)}, "ordinal": {strconv.Itoa(c.Ordinal)}, "kind": {string(c.Kind)},
		"subject": {c.Subject}, "held_on": {c.HeldOn.String()}, "part_of_day": {string(c.Part)}, "venue": {c.Venue},
		"invited_text": {c.InvitedText}, "class": {strconv.Itoa(int(c.Class))},
	}
	if c.Expanded {
		vals["expanded"] = []string{"on"}
	}
	if c.Online {
		vals["online"] = []string{"on"}
	}
	var lines []string
	for _, b := range c.Bridges {
		lines = append(lines, b.Name+" | "+strconv.Itoa(b.Delegates))
	}
	vals["bridges"] = []string{strings.Join(lines, "\n")}
	for _, p := range c.Chairs {
		vals["chair"] = append(vals["chair"], strconv.FormatInt(p.ID, 10))
	}
	for _, p := range c.Invitees {
		vals["invitee"] = append(vals["invitee"], strconv.FormatInt(p.ID, 10))
	}
	for _, g := range c.Grants {
		if g.Role != "" {
			vals["grant_role"] = append(vals["grant_role"], string(g.Role))
		}
	}
	return vals
}

func (h *Handler) newConferenceForm(w http.ResponseWriter, r *http.Request) error {
	return h.conferenceForm(w, r, http.StatusOK, conferences.Conference{}, nil)
}

func (h *Handler) editConferenceForm(w http.ResponseWriter, r *http.Request) error {
	id, viewer, err := h.pathViewer(r)
	if err != nil {
		return err
	}
	c, err := h.app.Conferences.Get(r.Context(), viewer, id)
	if err != nil {
		return err
	}
	return h.conferenceForm(w, r, http.StatusOK, c, nil)
}

// formIDs reads the ids of a multiple choice.
func formIDs(v *problem.Validation, r *http.Request, name, field string) []int64 {
	var ids []int64
	for _, s := range r.PostForm[name] {
		if id := formID(v, field, s); id != 0 {
			ids = append(ids, id)
		}
	}
	return ids
}

// formInt reads an optional whole number.
func formInt(v *problem.Validation, r *http.Request, name string) int {
	s := strings.TrimSpace(r.PostForm.Get(name))
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	v.Check(err == nil, name, "error.invalid_number")
	return n
}

// formClass reads the security class chosen.
func formClass(v *problem.Validation, r *http.Request) auth.Clearance {
	c, ok := auth.ParseClearance(r.PostForm.Get("class"))
	if r.PostForm.Get("class") == "" {
		return 0
	}
	v.Check(ok, "class", "error.invalid_choice")
	return c
}

// readBridges reads bridge points written one per line, "name | delegates".
func readBridges(v *problem.Validation, text string) []conferences.Bridge {
	var out []conferences.Bridge
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		name, count, _ := strings.Cut(line, "|")
		b := conferences.Bridge{Name: strings.TrimSpace(name)}
		if count = strings.TrimSpace(strings.ReplaceAll(count, ".", "")); count != "" {
			n, err := strconv.Atoi(count)
			if !v.Check(err == nil, "bridges", "conferences.error.bridge_line") {
				continue
			}
			b.Delegates = n
		}
		out = append(out, b)
	}
	return out
}

// readGrants reads the roles given a need to know, keeping the grants to
// users and units the record already has (the form shows roles only).
func readGrants(r *http.Request, class auth.Clearance, kept []access.Grant) []access.Grant {
	if class == 0 {
		return nil
	}
	var out []access.Grant
	for _, g := range kept {
		if g.Role == "" {
			out = append(out, g)
		}
	}
	for _, role := range r.PostForm["grant_role"] {
		out = append(out, access.Grant{Role: auth.Role(role)})
	}
	return out
}

func readConference(v *problem.Validation, r *http.Request, kept []access.Grant) conferences.Input {
	f := r.PostForm
	in := conferences.Input{
		TermID: formID(v, "term_id", f.Get("term_id")), Ordinal: formInt(v, r, "ordinal"),
		Kind: conferences.Kind(f.Get("kind")), Expanded: f.Get("expanded") != "", Subject: f.Get("subject"),
		HeldOn: parseDateField(v, "held_on", f.Get("held_on")), Part: conferences.Part(f.Get("part_of_day")),
		Venue: f.Get("venue"), Online: f.Get("online") != "", Bridges: readBridges(v, f.Get("bridges")),
		ChairIDs: formIDs(v, r, "chair", "chair_ids"), InviteeIDs: formIDs(v, r, "invitee", "invitee_ids"),
		InvitedText: f.Get("invited_text"), Class: formClass(v, r),
	}
	in.Grants = readGrants(r, in.Class, kept)
	return in
}

func (h *Handler) saveConference(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	viewer, err := h.viewer(r)
	if err != nil {
		return err
	}
	var before conferences.Conference
	if r.PathValue("id") != "" {
		id, err := router.PathID(r, "id")
		if err != nil {
			return err
		}
		if before, err = h.app.Conferences.Get(r.Context(), viewer, id); err != nil {
			return err
		}
	}
	var v problem.Validation
	in := readConference(&v, r, before.Grants)
	retry := func(f *Form) error { return h.conferenceForm(w, r, http.StatusUnprocessableEntity, before, f) }
	if err := v.Err(); err != nil {
		return h.formRetry(w, r, err, retry)
	}
	var c conferences.Conference
	if before.ID == 0 {
		c, err = h.app.Conferences.Create(r.Context(), viewer, in)
	} else {
		c, err = h.app.Conferences.Update(r.Context(), viewer, before.ID, in)
	}
	if err != nil {
		return h.formRetry(w, r, err, retry)
	}
	return redirect(w, r, "/conferences/"+strconv.FormatInt(c.ID, 10), "conferences.saved")
}

type attendanceData struct {
	Conference conferences.Conference
	Record     conferences.Record
	Presences  []conferences.Presence
}

func (h *Handler) attendanceForm(w http.ResponseWriter, r *http.Request) error {
	return h.showAttendance(w, r, http.StatusOK, nil)
}

func (h *Handler) showAttendance(w http.ResponseWriter, r *http.Request, status int, f *Form) error {
	rec, err := h.pathRecord(r)
	if err != nil {
		return err
	}
	if f == nil {
		f = &Form{Values: map[string][]string{}}
		for _, m := range rec.Attendance {
			key := strconv.FormatInt(m.PersonID, 10)
			f.Values.Set("status_"+key, string(m.Status))
			f.Values.Set("reason_"+key, m.Reason)
		}
	}
	return h.render(w, r, status, "conference_attendance", &Page{Title: router.LangT(r, "conferences.attendance") + " — " + conferenceTitle(r, rec.Conference),
		Data: attendanceData{Conference: rec.Conference, Record: rec, Presences: conferences.Presences()}, Form: f,
		Class: rec.Class})
}

func (h *Handler) saveAttendance(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	id, viewer, err := h.pathViewer(r)
	if err != nil {
		return err
	}
	rec, err := h.app.Conferences.Record(r.Context(), viewer, id)
	if err != nil {
		return err
	}
	var list []conferences.Attendance
	for _, m := range rec.Attendance {
		key := strconv.FormatInt(m.PersonID, 10)
		st := conferences.Presence(r.PostForm.Get("status_" + key))
		if st == "" && r.PostForm.Get("fill") == "present" {
			st = conferences.Present // "everyone else was present"
		}
		if st == "" {
			continue
		}
		list = append(list, conferences.Attendance{PersonID: m.PersonID, Status: st, Reason: r.PostForm.Get("reason_" + key)})
	}
	if _, err := h.app.Conferences.SetAttendance(r.Context(), viewer, id, list); err != nil {
		return h.formRetry(w, r, err, func(f *Form) error { return h.showAttendance(w, r, http.StatusUnprocessableEntity, f) })
	}
	return redirect(w, r, "/conferences/"+strconv.FormatInt(id, 10)+"#attendance", "conferences.attendance_saved")
}

// readItem reads the form of an agenda item.
func (h *Handler) readItem(r *http.Request, viewer access.Viewer, v *problem.Validation, kept []access.Grant) conferences.ItemInput {
	f := r.PostForm
	in := conferences.ItemInput{Kind: conferences.ItemKind(f.Get("kind")), Title: f.Get("title"),
		PresenterID: formID(v, "presenter_id", f.Get("presenter_id")), PresenterText: f.Get("presenter_text"),
		Class: formClass(v, r), DocumentIDs: h.readDocuments(r, viewer, v, "document_ids", f.Get("documents"))}
	in.Grants = readGrants(r, in.Class, kept)
	return in
}

func (h *Handler) addItem(r *http.Request, viewer access.Viewer, id int64) error {
	var v problem.Validation
	in := h.readItem(r, viewer, &v, nil)
	if err := v.Err(); err != nil {
		return err
	}
	_, err := h.app.Conferences.AddItem(r.Context(), viewer, id, in)
	return err
}

type itemFormData struct {
	Item       conferences.Item
	Conference conferences.Conference
	Kinds      []conferences.ItemKind
	Members    []conferences.Member
	Clearances []auth.Clearance
	Roles      []auth.Role
}

func (h *Handler) itemForm(w http.ResponseWriter, r *http.Request, status int, f *Form) error {
	id, viewer, err := h.pathViewer(r)
	if err != nil {
		return err
	}
	it, err := h.app.Conferences.Item(r.Context(), viewer, id)
	if err != nil {
		return err
	}
	c, err := h.app.Conferences.Get(r.Context(), viewer, it.ConferenceID)
	if err != nil {
		return err
	}
	members, err := h.app.Conferences.Members(r.Context(), c.BodyID, c.HeldOn)
	if err != nil {
		return err
	}
	if f == nil {
		var docs []string
		for _, d := range it.Documents {
			docs = append(docs, strconv.FormatInt(d.ID, 10))
		}
		f = &Form{Values: map[string][]string{"kind": {string(it.Kind)}, "title": {it.Title}, "presenter_text": {it.PresenterText},
			"class": {strconv.Itoa(int(it.OwnClass))}, "documents": {strings.Join(docs, "\n")}}}
		if it.Presenter != nil {
			f.Values.Set("presenter_id", strconv.FormatInt(it.Presenter.ID, 10))
		}
		for _, g := range it.OwnGrants {
			if g.Role != "" {
				f.Values.Add("grant_role", string(g.Role))
			}
		}
	}
	return h.render(w, r, status, "agenda_item_form", &Page{Title: it.Title, Form: f, Class: it.Class,
		Data: itemFormData{Item: it, Conference: c, Kinds: conferences.ItemKinds(), Members: members,
			Clearances: clearancesUpTo(router.Principal(r).Clearance()), Roles: auth.Roles}})
}

func (h *Handler) editItemForm(w http.ResponseWriter, r *http.Request) error {
	return h.itemForm(w, r, http.StatusOK, nil)
}

func (h *Handler) saveItem(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	id, viewer, err := h.pathViewer(r)
	if err != nil {
		return err
	}
	before, err := h.app.Conferences.Item(r.Context(), viewer, id)
	if err != nil {
		return err
	}
	var v problem.Validation
	in := h.readItem(r, viewer, &v, before.OwnGrants)
	retry := func(f *Form) error { return h.itemForm(w, r, http.StatusUnprocessableEntity, f) }
	if err := v.Err(); err != nil {
		return h.formRetry(w, r, err, retry)
	}
	if _, err := h.app.Conferences.UpdateItem(r.Context(), viewer, id, in); err != nil {
		return h.formRetry(w, r, err, retry)
	}
	return redirect(w, r, "/conferences/"+strconv.FormatInt(before.ConferenceID, 10)+"#item-"+strconv.FormatInt(id, 10), "conferences.saved")
}

type termsData struct {
	Terms []conferences.Term
	Term  conferences.Term // the term being corrected; zero when adding
}

func (h *Handler) termsPage(w http.ResponseWriter, r *http.Request) error {
	return h.showTerms(w, r, http.StatusOK, conferences.Term{}, nil)
}

func (h *Handler) showTerms(w http.ResponseWriter, r *http.Request, status int, t conferences.Term, f *Form) error {
	terms, err := h.app.Conferences.Terms(r.Context(), 0)
	if err != nil {
		return err
	}
	if f == nil {
		f = &Form{Values: map[string][]string{}}
		if t.ID != 0 {
			f.Values = map[string][]string{"body_id": {strconv.FormatInt(t.BodyID, 10)}, "numeral": {t.Roman},
				"year_from": {strconv.Itoa(t.YearFrom)}, "year_to": {strconv.Itoa(t.YearTo)}, "valid_from": {t.ValidFrom.String()},
				"valid_to": {t.ValidTo.String()}, "note": {t.Note}}
		}
	}
	consumeFlash(w, r)
	return h.render(w, r, status, "conference_terms", &Page{Title: router.LangT(r, "conferences.terms"), Form: f,
		Data: termsData{Terms: terms, Term: t}})
}

func (h *Handler) editTermForm(w http.ResponseWriter, r *http.Request) error {
	id, err := router.PathID(r, "id")
	if err != nil {
		return err
	}
	t, err := h.app.Conferences.Term(r.Context(), id)
	if err != nil {
		return err
	}
	return h.showTerms(w, r, http.StatusOK, t, nil)
}

func (h *Handler) saveTerm(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	var t conferences.Term
	if r.PathValue("id") != "" {
		id, err := router.PathID(r, "id")
		if err != nil {
			return err
		}
		if t, err = h.app.Conferences.Term(r.Context(), id); err != nil {
			return err
		}
	}
	var v problem.Validation
	f := r.PostForm
	from := parseDateField(&v, "valid_from", f.Get("valid_from"))
	in := conferences.TermInput{BodyID: h.resolveUnit(r.Context(), &v, "body_id", f.Get("body_id"), h.dayOr(from), true),
		Numeral: f.Get("numeral"), YearFrom: formInt(&v, r, "year_from"), YearTo: formInt(&v, r, "year_to"),
		ValidFrom: from, ValidTo: parseDateField(&v, "valid_to", f.Get("valid_to")), Note: f.Get("note")}
	retry := func(f *Form) error { return h.showTerms(w, r, http.StatusUnprocessableEntity, t, f) }
	if err := v.Err(); err != nil {
		return h.formRetry(w, r, err, retry)
	}
	var err error
	if t.ID == 0 {
		_, err = h.app.Conferences.CreateTerm(r.Context(), in)
	} else {
		_, err = h.app.Conferences.UpdateTerm(r.Context(), t.ID, in)
	}
	if err != nil {
		return h.formRetry(w, r, err, retry)
	}
	return redirect(w, r, "/conference-terms", "conferences.term_saved")
}

// Has reports whether the form's values for name (a multiple choice) hold
// value, for checkboxes and multiple selects.
func (p *Page) Has(name string, value any) bool {
	return slices.Contains(p.Form.Values[name], fmt.Sprint(value))
}
