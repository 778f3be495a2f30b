package ingest

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/conferences"
	"plenum/internal/db"
	"plenum/internal/documents"
	"plenum/internal/indicators"
	"plenum/internal/people"
	"plenum/internal/problem"
	"plenum/internal/tasks"
	"plenum/internal/vn"
)

// Record is what a confirmation wrote or matched.
type Record struct {
	// Proposal names the proposal: "conference", "people[2]",
	// "people[2].posts[0]", "documents[1]", "figures[0]", "tasks[3]"; the
	// term created for a conference is "conference.term".
	Proposal string `json:"proposal"`
	Entity   string `json:"entity"`
	EntityID int64  `json:"entity_id"`
	// Action is "created" or "matched".
	Action string `json:"action"`
	Label  string `json:"label"`
	URL    string `json:"url,omitempty"`
	Class  int    `json:"class"`
}

// The entities records name, as the audit log names them.
const (
	entityPerson     = "person"
	entityPost       = "post"
	entityConference = "conference"
	entityTerm       = "body_term"
	entityTask       = "task"
)

// Confirm applies a person's decisions on a pending item's proposals and
// marks it confirmed, in one transaction: every record accepted is created
// (or its match recorded) through its registry's store, validated and
// audited there; what was written is listed in ingest_records; the
// confirmation is audited. A refusal anywhere writes nothing and names the
// proposal and field at fault ("people[1].posts[0].unit_id").
func (s *Store) Confirm(ctx context.Context, p auth.Principal, id int64, d Decisions) (Item, []Record, error) {
	var out Item
	var recs []Record
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		v, err := s.access.Viewer(ctx, p)
		if err != nil {
			return err
		}
		it, err := s.lockPending(ctx, v, id)
		if err != nil {
			return err
		}
		props, err := s.Build(ctx, v, it)
		if err != nil {
			return err
		}
		if err := d.apply(&props); err != nil {
			return err
		}
		c := &confirmation{s: s, p: p, v: v, it: it, props: &props}
		if err := c.check(); err != nil {
			return err
		}
		if err := c.write(ctx); err != nil {
			return err
		}
		if err := c.records(ctx); err != nil {
			return err
		}
		plan, err := json.Marshal(props)
		if err != nil {
			return fmt.Errorf("ingest: decisions of item %d: %w", id, err)
		}
		if out, err = s.decide(ctx, p, it, Confirmed, string(plan), ""); err != nil {
			return err
		}
		recs = c.recs
		return s.log.Record(ctx, audit.Change{Action: "confirm", Entity: Entity, EntityID: id, Class: int(it.Class),
			Before: map[string]Status{"status": Pending}, After: map[string]any{"status": Confirmed, "records": c.recs}})
	})
	if err != nil {
		return Item{}, nil, err
	}
	return out, recs, nil
}

// confirmation is one confirmation in progress.
type confirmation struct {
	s     *Store
	p     auth.Principal
	v     access.Viewer
	it    Item
	props *Proposals
	// persons are the ids of the people proposals, once written (0 for
	// those left out).
	persons []int64
	conf    int64 // the conference, once written or matched
	recs    []Record
}

// check refuses what cannot be accepted before anything is written: a
// proposal accepted without what it needs, a kind of record the person may
// not write, a record without a class of its own from a classified item.
func (c *confirmation) check() error {
	var v problem.Validation
	need := func(field string, ok bool, perm auth.Permission) {
		if !c.p.Can(perm) {
			v.Add(field, "ingest.error.not_allowed")
		}
		v.Check(ok, field, "ingest.error.unavailable")
	}
	classless := func(field string) {
		v.Check(c.it.Class == 0, field, "ingest.error.classified_classless")
	}
	reg := c.s.reg
	for i, pp := range c.props.People {
		if pp.Decision != Accept {
			continue
		}
		f := fmt.Sprintf("people[%d]", i)
		need(f, true, auth.PeopleWrite)
		if pp.PersonID == 0 {
			classless(f + ".person_id")
			v.Required(f+".name", pp.Name)
		}
		for j, post := range pp.Posts {
			pf := fmt.Sprintf("%s.posts[%d]", f, j)
			if post.Decision != Accept || (post.Held && pp.PersonID != 0) {
				continue
			}
			classless(pf)
			v.Required(pf+".position_code", post.PositionCode)
			v.Check(post.UnitID > 0, pf+".unit_id", "error.required")
			v.Check(!post.ValidFrom.IsZero(), pf+".valid_from", "error.required")
		}
	}
	if cp := c.props.Conference; cp != nil && cp.Decision == Accept {
		need("conference", reg.Conferences != nil, auth.ConferencesWrite)
		if cp.MatchID == 0 {
			v.Check(!cp.HeldOn.IsZero(), "conference.held_on", "error.required")
			if cp.TermID == 0 {
				if v.Check(cp.NewTerm != nil, "conference.term_id", "error.required") {
					classless("conference.new_term")
					v.Check(cp.BodyID > 0, "conference.body_id", "error.required")
				}
			}
			for _, ch := range cp.Chairs {
				v.Check(ch >= 0 && ch < len(c.props.People) && c.props.People[ch].Decision == Accept,
					fmt.Sprintf("people[%d]", ch), "ingest.error.chair_left_out")
			}
		}
	}
	for i, dp := range c.props.Documents {
		if dp.Decision != Accept {
			continue
		}
		f := fmt.Sprintf("documents[%d]", i)
		need(f, reg.Documents != nil, auth.DocumentsWrite)
		if dp.MatchID == 0 {
			v.Required(f+".symbol", dp.Symbol)
			v.Check(!dp.Date.IsZero(), f+".issued_on", "error.required")
		}
	}
	for i, fp := range c.props.Figures {
		if fp.Decision != Accept {
			continue
		}
		f := fmt.Sprintf("figures[%d]", i)
		need(f, reg.Indicators != nil, auth.IndicatorsEnter)
		v.Check(fp.IndicatorID > 0, f+".indicator_id", "error.required")
		v.Check(fp.UnitID > 0, f+".unit_id", "error.required")
		v.Required(f+".period", fp.Period)
		v.Check(fp.Amount != nil, f+".amount", "error.required")
	}
	for i, tp := range c.props.Tasks {
		if tp.Decision != Accept {
			continue
		}
		f := fmt.Sprintf("tasks[%d]", i)
		need(f, reg.Tasks != nil, auth.TasksWrite)
		v.Check(tp.LeadUnitID > 0, f+".lead_unit_id", "error.required")
		v.Check(!tp.DueOn.IsZero(), f+".due_on", "error.required")
	}
	return v.Err()
}

// write creates or matches every accepted record, in the order they depend
// on each other: people and posts (chairs), documents, the conference (a
// term first if needed), indicator values, tasks (drawn from the
// conference's conclusion).
func (c *confirmation) write(ctx context.Context) error {
	for _, step := range []func(context.Context) error{c.writePeople, c.writeDocuments, c.writeConference, c.writeFigures, c.writeTasks} {
		if err := step(ctx); err != nil {
			return err
		}
	}
	return nil
}

// add lists a record and runs the test hook.
func (c *confirmation) add(r Record) error {
	c.recs = append(c.recs, r)
	if c.s.hook != nil {
		return c.s.hook(r.Proposal)
	}
	return nil
}

// at renames the fields of a store's refusal after the proposal it came
// from, so that the person sees which one ("people[1].posts[0].unit_id");
// a refusal without fields names the proposal.
func at(prefix string, err error) error {
	pe, ok := problem.As(err)
	if !ok {
		return err
	}
	out := *pe
	out.Fields = nil
	for _, f := range pe.Fields {
		f.Name = prefix + "." + f.Name
		out.Fields = append(out.Fields, f)
	}
	if len(out.Fields) == 0 {
		key := pe.Key
		if key == "" {
			key = "error." + string(pe.Code)
		}
		out.Fields = []problem.Field{{Name: prefix, Key: key, Args: pe.Args}}
	}
	return &out
}

// refAt is the refusal of a record a decision names: one that does not
// exist, or that the person may not see, is named by the decision's field.
func refAt(field string, err error) error {
	if problem.Is(err, problem.NotFound) {
		return &problem.Error{Code: problem.NotFound, Fields: []problem.Field{{Name: field, Key: "ingest.error.gone"}}}
	}
	return err
}

func idURL(path string, id int64) string { return path + strconv.FormatInt(id, 10) }

func (c *confirmation) writePeople(ctx context.Context) error {
	ppl := c.s.reg.People
	c.persons = make([]int64, len(c.props.People))
	for i, pp := range c.props.People {
		if pp.Decision != Accept {
			continue
		}
		f := fmt.Sprintf("people[%d]", i)
		if pp.PersonID != 0 {
			person, err := ppl.GetPerson(ctx, pp.PersonID)
			if err != nil {
				return refAt(f+".person_id", err)
			}
			c.persons[i] = person.ID
			if err := c.add(Record{Proposal: f, Entity: entityPerson, EntityID: person.ID, Action: "matched",
				Label: person.FullName, URL: idURL("/people/", person.ID)}); err != nil {
				return err
			}
		} else {
			person, err := ppl.CreatePerson(ctx, people.PersonInput{FullName: pp.Name,
				Note: fmt.Sprintf("Ghi nhận từ bài viết “%s” (hàng đợi nhập liệu số %d).", c.it.Title, c.it.ID)})
			if err != nil {
				return at(f, err)
			}
			c.persons[i] = person.ID
			if err := c.add(Record{Proposal: f, Entity: entityPerson, EntityID: person.ID, Action: "created",
				Label: person.FullName, URL: idURL("/people/", person.ID)}); err != nil {
				return err
			}
		}
		for j, post := range pp.Posts {
			if post.Decision != Accept {
				continue
			}
			pf := fmt.Sprintf("%s.posts[%d]", f, j)
			if post.Held && pp.PersonID != 0 && post.PostID != 0 {
				if err := c.add(Record{Proposal: pf, Entity: entityPost, EntityID: post.PostID, Action: "matched",
					Label: post.Text, URL: idURL("/people/", pp.PersonID)}); err != nil {
					return err
				}
				continue
			}
			added, err := ppl.AddPost(ctx, people.PostInput{PersonID: c.persons[i], PositionCode: post.PositionCode,
				UnitID: post.UnitID, Title: post.Text, ValidFrom: post.ValidFrom, ValidTo: post.ValidTo,
				Note: fmt.Sprintf("Giữ chức vụ vào ngày %s theo bài viết “%s”; ngày bắt đầu cần kiểm tra.", vn.FormatDate(post.ValidFrom), c.it.Title)})
			if err != nil {
				return at(pf, err)
			}
			if err := c.add(Record{Proposal: pf, Entity: entityPost, EntityID: added.ID, Action: "created",
				Label: added.Title, URL: idURL("/people/", added.PersonID)}); err != nil {
				return err
			}
		}
	}
	return nil
}

func (c *confirmation) writeDocuments(ctx context.Context) error {
	for i, dp := range c.props.Documents {
		if dp.Decision != Accept {
			continue
		}
		f := fmt.Sprintf("documents[%d]", i)
		if dp.MatchID != 0 {
			doc, err := c.s.reg.Documents.Get(ctx, c.v, dp.MatchID)
			if err != nil {
				return refAt(f+".match_id", err)
			}
			if err := c.add(Record{Proposal: f, Entity: documents.Entity, EntityID: doc.ID, Action: "matched",
				Label: doc.Label("vi"), URL: idURL("/documents/", doc.ID), Class: int(doc.Class)}); err != nil {
				return err
			}
			continue
		}
		in := documents.Input{Origin: documents.External, Kind: dp.Kind, Symbol: dp.Symbol, IssuerUnitID: dp.IssuerUnitID,
			IssuerName: dp.IssuerName, IssuedOn: dp.Date, Title: dp.Title, Class: c.it.Class}
		if in.Class > 0 {
			in.ClassReason = fmt.Sprintf("Theo độ mật của bài viết nhập liệu số %d", c.it.ID)
		}
		doc, err := c.s.reg.Documents.Create(ctx, c.p, in)
		if err != nil {
			return at(f, err)
		}
		if err := c.add(Record{Proposal: f, Entity: documents.Entity, EntityID: doc.ID, Action: "created",
			Label: doc.Label("vi"), URL: idURL("/documents/", doc.ID), Class: int(doc.Class)}); err != nil {
			return err
		}
	}
	return nil
}

func (c *confirmation) writeConference(ctx context.Context) error {
	cp := c.props.Conference
	if cp == nil || cp.Decision != Accept {
		return nil
	}
	confs := c.s.reg.Conferences
	if cp.MatchID != 0 {
		conf, err := confs.Get(ctx, c.v, cp.MatchID)
		if err != nil {
			return refAt("conference.match_id", err)
		}
		c.conf = conf.ID
		return c.add(Record{Proposal: "conference", Entity: entityConference, EntityID: conf.ID, Action: "matched",
			Label: conferenceLabel(conf), URL: idURL("/conferences/", conf.ID), Class: int(conf.Class)})
	}
	termID := cp.TermID
	if termID == 0 {
		t := cp.NewTerm
		term, err := confs.CreateTerm(ctx, conferences.TermInput{BodyID: cp.BodyID, Numeral: t.Numeral, YearFrom: t.YearFrom,
			YearTo: t.YearTo, ValidFrom: t.ValidFrom, ValidTo: t.ValidTo,
			Note: fmt.Sprintf("Tạo khi nhập bài viết “%s”; ngày bắt đầu nhiệm kỳ cần kiểm tra.", c.it.Title)})
		if err != nil {
			return at("conference.new_term", err)
		}
		termID = term.ID
		if err := c.add(Record{Proposal: "conference.term", Entity: entityTerm, EntityID: term.ID, Action: "created",
			Label: term.BodyName + " " + term.Label(), URL: "/conference-terms"}); err != nil {
			return err
		}
	}
	var chairs []int64
	for _, ch := range cp.Chairs {
		if id := c.persons[ch]; id != 0 && !containsID(chairs, id) {
			chairs = append(chairs, id)
		}
	}
	conf, err := confs.Create(ctx, c.v, conferences.Input{TermID: termID, Ordinal: cp.Ordinal, Kind: cp.Kind, HeldOn: cp.HeldOn,
		Online: cp.Online, Subject: cp.Subject, ChairIDs: chairs, Class: c.it.Class})
	if err != nil {
		return at("conference", err)
	}
	if !c.s.today().Before(conf.HeldOn) {
		// The article reports it: it was held.
		if conf, err = confs.SetStatus(ctx, c.v, conf.ID, conferences.Held); err != nil {
			return at("conference", err)
		}
	}
	c.conf = conf.ID
	return c.add(Record{Proposal: "conference", Entity: entityConference, EntityID: conf.ID, Action: "created",
		Label: conferenceLabel(conf), URL: idURL("/conferences/", conf.ID), Class: int(conf.Class)})
}

func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// maxSource bounds the source written with an indicator value
// (indicators' own limit).
const maxSource = 500

func (c *confirmation) writeFigures(ctx context.Context) error {
	for i, fp := range c.props.Figures {
		if fp.Decision != Accept {
			continue
		}
		f := fmt.Sprintf("figures[%d]", i)
		ind, err := c.s.reg.Indicators.Get(ctx, c.v, fp.IndicatorID)
		if err != nil {
			return refAt(f+".indicator_id", err)
		}
		if ind.Class < int(c.it.Class) {
			return problem.InvalidField(f+".indicator_id", "ingest.error.indicator_below_class")
		}
		period, err := indicators.ParsePeriod(fp.Period)
		if err != nil {
			return problem.InvalidField(f+".period", "ingest.error.period")
		}
		source := fmt.Sprintf("Bài viết “%s” (nhập liệu số %d): %s", c.it.Title, c.it.ID, fp.Text)
		if r := []rune(source); len(r) > maxSource {
			source = string(r[:maxSource])
		}
		val, err := c.s.reg.Indicators.Enter(ctx, c.p, indicators.ValueInput{IndicatorID: ind.ID, UnitID: fp.UnitID,
			Period: period, Status: fp.Status, Value: *fp.Amount, Source: source})
		if err != nil {
			return at(f, err)
		}
		label := fmt.Sprintf("%s, %s: %s %s", ind.Name, period.Label(), vn.FormatDecimal(val.Value), ind.Measure)
		if err := c.add(Record{Proposal: f, Entity: indicators.ValueEntity, EntityID: val.ID, Action: "created",
			Label: strings.TrimSpace(label), URL: idURL("/indicators/", ind.ID), Class: val.Class}); err != nil {
			return err
		}
	}
	return nil
}

func (c *confirmation) writeTasks(ctx context.Context) error {
	for i, tp := range c.props.Tasks {
		if tp.Decision != Accept {
			continue
		}
		f := fmt.Sprintf("tasks[%d]", i)
		in := tasks.Input{Title: tp.Title, Content: tp.Text, LeadUnitID: tp.LeadUnitID, StartOn: tp.StartOn, DueOn: tp.DueOn,
			Class: int(c.it.Class)}
		if c.conf != 0 && c.s.reg.Tasks.HasSource(tasks.SourceConclusion) {
			in.SourceKind, in.SourceID = tasks.SourceConclusion, c.conf
		}
		t, err := c.s.reg.Tasks.Create(ctx, c.p, in)
		if err != nil {
			return at(f, err)
		}
		if err := c.add(Record{Proposal: f, Entity: entityTask, EntityID: t.ID, Action: "created", Label: t.Title,
			URL: idURL("/tasks/", t.ID), Class: t.Class}); err != nil {
			return err
		}
	}
	return nil
}

// records writes the list of what the confirmation wrote or matched.
func (c *confirmation) records(ctx context.Context) error {
	for i, r := range c.recs {
		if _, err := c.s.db.W(ctx).ExecContext(ctx, `INSERT INTO ingest_records (item_id, position, proposal, entity, entity_id,
			action, label, url, class) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
			c.it.ID, i, r.Proposal, r.Entity, r.EntityID, r.Action, r.Label, r.URL, r.Class); err != nil {
			return fmt.Errorf("ingest: record %s of item %d: %w", r.Proposal, c.it.ID, err)
		}
	}
	return nil
}

// Records lists what an item's confirmation wrote or matched, as the viewer
// may see it: a classified record the viewer may not see is left out.
func (s *Store) Records(ctx context.Context, v access.Viewer, id int64) ([]Record, error) {
	var args db.Args
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT r.proposal, r.entity, r.entity_id, r.action, r.label, r.url, r.class
		FROM ingest_records r WHERE r.item_id = `+args.Add(id)+` AND `+v.VisibleRows("r.entity", "r.class", "CAST(r.entity_id AS TEXT)", &args)+`
		ORDER BY r.position`, args...)
	if err != nil {
		return nil, fmt.Errorf("ingest: records of item %d: %w", id, err)
	}
	defer rows.Close()
	out := []Record{}
	for rows.Next() {
		var r Record
		if err := rows.Scan(&r.Proposal, &r.Entity, &r.EntityID, &r.Action, &r.Label, &r.URL, &r.Class); err != nil {
			return nil, fmt.Errorf("ingest: records of item %d: %w", id, err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
