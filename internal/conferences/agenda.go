package conferences

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/db"
	"plenum/internal/problem"
	"plenum/internal/vn"
)

// Item is an agenda item, as a viewer who may see it sees it.
type Item struct {
	ID           int64    `json:"id"`
	ConferenceID int64    `json:"conference_id"`
	Number       int      `json:"number"` // 1, 2, 3… among the items the viewer sees
	Kind         ItemKind `json:"kind"`
	Title        string   `json:"title"`
	Presenter    *Person  `json:"presenter,omitempty"`
	// PresenterText names a presenter who is not a person on record
	// ("Ban Cán sự đảng UBND tỉnh"), or adds to the presenter.
	PresenterText string         `json:"presenter_text,omitempty"`
	OwnClass      auth.Clearance `json:"own_class"`
	Class         auth.Clearance `json:"class"` // at least OwnClass, the conference's and the documents'
	OwnGrants     []access.Grant `json:"own_grants,omitempty"`
	Documents     []DocRef       `json:"documents"`
	Vote          *Vote          `json:"vote,omitempty"`
	Tally         *Tally         `json:"tally,omitempty"`

	position int
}

// Vote is the vote taken on an item.
type Vote struct {
	Method     VoteMethod `json:"method"`
	For        int        `json:"for"`
	Against    int        `json:"against"`
	Abstain    int        `json:"abstain"`
	RecordedAt time.Time  `json:"recorded_at"`
}

// ItemInput adds or corrects an agenda item.
type ItemInput struct {
	Kind          ItemKind `json:"kind"`
	Title         string   `json:"title"`
	PresenterID   int64    `json:"presenter_id,omitempty"`
	PresenterText string   `json:"presenter_text,omitempty"`
	// Class is the item's own class; the conference's and the documents'
	// may raise it. Grants name who needs to know an item classified on its
	// own, besides the user who classifies it; left out of an update, they
	// stay as they were.
	Class       auth.Clearance `json:"class,omitempty"`
	Grants      []access.Grant `json:"grants,omitempty"`
	DocumentIDs []int64        `json:"document_ids,omitempty"`
}

func (in *ItemInput) validate() error {
	in.Title = vn.Clean(in.Title)
	in.PresenterText = vn.Clean(in.PresenterText)
	var v problem.Validation
	v.Check(in.Kind.Valid(), "kind", "error.invalid_choice")
	if v.Required("title", in.Title) {
		v.MaxLen("title", in.Title, maxTitle)
	}
	v.Check(in.PresenterID >= 0, "presenter_id", "people.error.person_unknown")
	v.MaxLen("presenter_text", in.PresenterText, maxName)
	if in.Class == 0 && len(in.Grants) > 0 {
		v.Add("grants", "conferences.error.grants_unclassified")
	}
	checkIDs(&v, "document_ids", in.DocumentIDs)
	return v.Err()
}

// itemVisible is the condition on agenda_items ai (of a conference the
// viewer may see) that admits the items the viewer may see: the item's own
// rule, and every document it attaches visible too.
func (s *Store) itemVisible(v access.Viewer, args *db.Args) string {
	return "(" + v.Visible(entityItem, "ai", args) + " AND " + s.docs.allAttachedVisible(v, "ai.id", args) + ")"
}

const itemSelect = `SELECT ai.id, ai.conference_id, ai.position, ai.kind, ai.title, COALESCE(ai.presenter_id, 0), COALESCE(pe.full_name, ''),
		ai.presenter_text, ai.own_class, ai.class, ai.own_grants,
		v.method, v.for_count, v.against_count, v.abstain_count, v.recorded_at
	FROM agenda_items ai
	LEFT JOIN persons pe ON pe.id = ai.presenter_id
	LEFT JOIN agenda_votes v ON v.item_id = ai.id`

func scanItems(rows *sql.Rows) ([]Item, error) {
	defer rows.Close()
	out := []Item{}
	for rows.Next() {
		var it Item
		var presenterID int64
		var presenter, grants string
		var method sql.NullString
		var vf, va, vb sql.NullInt64
		var at sql.NullTime
		if err := rows.Scan(&it.ID, &it.ConferenceID, &it.position, &it.Kind, &it.Title, &presenterID, &presenter,
			&it.PresenterText, &it.OwnClass, &it.Class, &grants, &method, &vf, &va, &vb, &at); err != nil {
			return nil, err
		}
		if presenterID != 0 {
			it.Presenter = &Person{ID: presenterID, Name: presenter}
		}
		if err := json.Unmarshal([]byte(grants), &it.OwnGrants); err != nil {
			return nil, fmt.Errorf("grants of item %d: %w", it.ID, err)
		}
		if method.Valid {
			it.Vote = &Vote{Method: VoteMethod(method.String), For: int(vf.Int64), Against: int(va.Int64), Abstain: int(vb.Int64),
				RecordedAt: at.Time.UTC()}
		}
		it.Documents = []DocRef{}
		out = append(out, it)
	}
	return out, rows.Err()
}

// items returns the items of a conference the viewer may see, in order,
// numbered among themselves. The caller has checked the conference.
func (s *Store) items(ctx context.Context, v access.Viewer, confID int64) ([]Item, error) {
	var args db.Args
	c := args.Add(confID)
	rows, err := s.db.R(ctx).QueryContext(ctx, itemSelect+` WHERE ai.conference_id = `+c+` AND `+s.itemVisible(v, &args)+
		` ORDER BY ai.position, ai.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("conferences: items of %d: %w", confID, err)
	}
	items, err := scanItems(rows)
	if err != nil {
		return nil, fmt.Errorf("conferences: items of %d: %w", confID, err)
	}
	ids := make([]int64, len(items))
	for i, it := range items {
		ids[i] = it.ID
	}
	docs, err := s.docs.attachedTo(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i := range items {
		items[i].Number = i + 1
		if d := docs[items[i].ID]; d != nil {
			items[i].Documents = d
		}
		if err := s.checkRead(ctx, v, entityItem, items[i].ID, items[i].Class); err != nil {
			return nil, fmt.Errorf("conferences: item %d passed the list but not the check: %w", items[i].ID, err)
		}
		items[i].Class = effectiveClass(items[i])
	}
	return items, nil
}

// item returns one item the viewer may see, with its conference; a
// NotFound problem otherwise.
func (s *Store) item(ctx context.Context, v access.Viewer, id int64) (Item, Conference, error) {
	var args db.Args
	q := itemSelect + ` WHERE ai.id = ` + args.Add(id) + ` AND ` + s.itemVisible(v, &args)
	rows, err := s.db.R(ctx).QueryContext(ctx, q, args...)
	if err != nil {
		return Item{}, Conference{}, fmt.Errorf("conferences: item %d: %w", id, err)
	}
	items, err := scanItems(rows)
	if err != nil {
		return Item{}, Conference{}, fmt.Errorf("conferences: item %d: %w", id, err)
	}
	if len(items) == 0 {
		return Item{}, Conference{}, notFound("item_id", "conferences.error.item_unknown")
	}
	it := items[0]
	c, err := s.conference(ctx, v, it.ConferenceID)
	if problem.Is(err, problem.NotFound) {
		return Item{}, Conference{}, notFound("item_id", "conferences.error.item_unknown")
	}
	if err != nil {
		return Item{}, Conference{}, err
	}
	if err := s.checkRead(ctx, v, entityItem, id, it.Class); problem.Is(err, problem.NotFound) {
		return Item{}, Conference{}, notFound("item_id", "conferences.error.item_unknown")
	} else if err != nil {
		return Item{}, Conference{}, err
	}
	if it.Documents, err = s.docs.attached(ctx, id); err != nil {
		return Item{}, Conference{}, err
	}
	it.Class = effectiveClass(it)
	return it, c, nil
}

// effectiveClass is an item's class as recorded, or the class of a document
// it attaches if that has risen since.
func effectiveClass(it Item) auth.Clearance {
	c := it.Class
	for _, d := range it.Documents {
		c = max(c, d.Class)
	}
	return c
}

// Item returns an agenda item the viewer may see, with its vote's tally.
func (s *Store) Item(ctx context.Context, v access.Viewer, id int64) (Item, error) {
	it, c, err := s.item(ctx, v, id)
	if err != nil {
		return it, err
	}
	if it.Vote != nil {
		q, err := s.quorum(ctx, c)
		if err != nil {
			return it, err
		}
		t := NewTally(*it.Vote, q.Members, q.Present)
		it.Tally = &t
	}
	return it, nil
}

// editableAgenda refuses changes to the agenda of a closed conference.
func editableAgenda(c Conference) error {
	if c.Status == Closed {
		return problem.ConflictField("status", "conferences.error.closed")
	}
	return nil
}

// checkItem validates an item against the database.
func (s *Store) checkItem(ctx context.Context, v access.Viewer, in ItemInput) error {
	if in.PresenterID != 0 {
		if err := s.checkPersons(ctx, "presenter_id", []int64{in.PresenterID}); err != nil {
			return err
		}
	}
	if err := checkClass(v, in.Class, "class"); err != nil {
		return err
	}
	return s.docs.checkAttachable(ctx, v, "document_ids", in.DocumentIDs)
}

// AddItem adds an item at the end of a conference's agenda.
func (s *Store) AddItem(ctx context.Context, v access.Viewer, confID int64, in ItemInput) (Item, error) {
	if err := in.validate(); err != nil {
		return Item{}, err
	}
	var out Item
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		c, err := s.conference(ctx, v, confID)
		if err != nil {
			return err
		}
		if err := editableAgenda(c); err != nil {
			return err
		}
		if err := s.checkItem(ctx, v, in); err != nil {
			return err
		}
		grants, err := json.Marshal(nonNil(withActor(ctx, in.Class, in.Grants)))
		if err != nil {
			return err
		}
		now := s.clock.Now().UTC()
		var id int64
		if err := s.db.W(ctx).QueryRowContext(ctx, `INSERT INTO agenda_items
			(conference_id, position, kind, title, presenter_id, presenter_text, own_class, own_grants, class, created_at, updated_at)
			VALUES ($1, (SELECT COALESCE(max(position), 0) + 1 FROM agenda_items WHERE conference_id = $1), $2, $3, $4, $5, $6, $7, $6, $8, $8)
			RETURNING id`, confID, string(in.Kind), in.Title, db.Null(in.PresenterID), in.PresenterText, in.Class, string(grants), now).Scan(&id); err != nil {
			return fmt.Errorf("conferences: insert item: %w", err)
		}
		if err := s.docs.attach(ctx, id, in.DocumentIDs); err != nil {
			return err
		}
		if err := s.propagate(ctx, confID); err != nil {
			return err
		}
		if err := s.index(ctx, confID); err != nil {
			return err
		}
		if out, err = s.Item(ctx, access.System, id); err != nil {
			return err
		}
		return s.log.Record(ctx, audit.Change{Action: "create", Entity: entityItem, EntityID: id, Class: int(out.Class), After: out})
	})
	if err != nil {
		return Item{}, err
	}
	return out, nil
}

// UpdateItem corrects an agenda item.
func (s *Store) UpdateItem(ctx context.Context, v access.Viewer, id int64, in ItemInput) (Item, error) {
	if err := in.validate(); err != nil {
		return Item{}, err
	}
	var out Item
	err := s.db.Tx(ctx, func(ctx context.Context) error {
		before, c, err := s.item(ctx, v, id)
		if err != nil {
			return err
		}
		if err := editableAgenda(c); err != nil {
			return err
		}
		if err := s.checkItem(ctx, v, in); err != nil {
			return err
		}
		if in.Grants == nil && in.Class > 0 {
			in.Grants = before.OwnGrants
		}
		grants, err := json.Marshal(nonNil(withActor(ctx, in.Class, in.Grants)))
		if err != nil {
			return err
		}
		if err := s.exec(ctx, "update item", `UPDATE agenda_items SET kind = $1, title = $2, presenter_id = $3, presenter_text = $4,
			own_class = $5, own_grants = $6, class = $5, updated_at = $7 WHERE id = $8`,
			string(in.Kind), in.Title, db.Null(in.PresenterID), in.PresenterText, in.Class, string(grants), s.clock.Now().UTC(), id); err != nil {
			return err
		}
		if err := s.docs.attach(ctx, id, in.DocumentIDs); err != nil {
			return err
		}
		if err := s.propagate(ctx, c.ID); err != nil {
			return err
		}
		if err := s.index(ctx, c.ID); err != nil {
			return err
		}
		if out, err = s.Item(ctx, access.System, id); err != nil {
			return err
		}
		return s.log.Record(ctx, audit.Change{Action: "update", Entity: entityItem, EntityID: id,
			Class: int(max(before.Class, out.Class)), Before: before, After: out})
	})
	if err != nil {
		return Item{}, err
	}
	return out, nil
}

// RemoveItem removes an agenda item entered by mistake. An item with a
// recorded vote keeps it: clear the vote first.
func (s *Store) RemoveItem(ctx context.Context, v access.Viewer, id int64) error {
	return s.db.Tx(ctx, func(ctx context.Context) error {
		before, c, err := s.item(ctx, v, id)
		if err != nil {
			return err
		}
		if err := editableAgenda(c); err != nil {
			return err
		}
		if before.Vote != nil {
			return problem.ConflictField("vote", "conferences.error.item_has_vote")
		}
		// The item's grants stay: they keep its audit entries readable to
		// those who needed to know it.
		if err := s.docs.attach(ctx, id, nil); err != nil {
			return err
		}
		if err := s.exec(ctx, "delete item", `DELETE FROM agenda_items WHERE id = $1`, id); err != nil {
			return err
		}
		if err := s.index(ctx, c.ID); err != nil {
			return err
		}
		return s.log.Record(ctx, audit.Change{Action: "delete", Entity: entityItem, EntityID: id, Class: int(before.Class), Before: before})
	})
}

// MoveItem moves an item one place up (delta -1) or down (+1) in the
// agenda as the viewer sees it: it changes places with the nearest item the
// viewer can see, so that items they cannot see neither move nor show.
func (s *Store) MoveItem(ctx context.Context, v access.Viewer, id int64, delta int) error {
	if delta != -1 && delta != 1 {
		return problem.InvalidField("direction", "error.invalid_choice")
	}
	return s.db.Tx(ctx, func(ctx context.Context) error {
		it, c, err := s.item(ctx, v, id)
		if err != nil {
			return err
		}
		if err := editableAgenda(c); err != nil {
			return err
		}
		items, err := s.items(ctx, v, c.ID)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(items, func(x Item) bool { return x.ID == id })
		j := i + delta
		if i < 0 || j < 0 || j >= len(items) {
			return nil // already first or last
		}
		other := items[j]
		if err := s.exec(ctx, "move item", `UPDATE agenda_items SET position = CASE id WHEN $1 THEN CAST($2 AS INTEGER) ELSE CAST($3 AS INTEGER) END
			WHERE id IN ($1, $4)`, id, other.position, it.position, other.ID); err != nil {
			return err
		}
		return s.log.Record(ctx, audit.Change{Action: "move", Entity: entityItem, EntityID: id, Class: int(it.Class),
			Before: map[string]int{"position": it.position}, After: map[string]int{"position": other.position}})
	})
}

// propagate gives every item of a conference its effective class — at
// least its own, the conference's and its documents' — and the grants that
// go with it: its own, the conference's and its documents'. Grants are
// rewritten only when they change.
func (s *Store) propagate(ctx context.Context, confID int64) error {
	c, err := s.conference(ctx, access.System, confID)
	if err != nil {
		return err
	}
	var confGrants []access.Grant
	if c.Class > 0 {
		if confGrants, err = s.access.Grants(ctx, entityConference, confID); err != nil {
			return err
		}
	}
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT id, own_class, own_grants, class FROM agenda_items WHERE conference_id = $1`, confID)
	if err != nil {
		return fmt.Errorf("conferences: items of %d: %w", confID, err)
	}
	type row struct {
		id              int64
		own, class      int
		grants          []access.Grant
		ownGrantsString string
	}
	var all []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.id, &r.own, &r.ownGrantsString, &r.class); err != nil {
			rows.Close()
			return fmt.Errorf("conferences: items of %d: %w", confID, err)
		}
		all = append(all, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, r := range all {
		if err := json.Unmarshal([]byte(r.ownGrantsString), &r.grants); err != nil {
			return fmt.Errorf("conferences: grants of item %d: %w", r.id, err)
		}
		docClass, docGrants, err := s.docs.classOf(ctx, r.id)
		if err != nil {
			return err
		}
		class := max(r.own, int(c.Class), docClass)
		grants := r.grants
		if c.Class > 0 {
			grants = append(grants, confGrants...)
		}
		grants = unionGrants(append(grants, docGrants...))
		if class != r.class {
			if err := s.exec(ctx, "set item class", `UPDATE agenda_items SET class = $1 WHERE id = $2`, class, r.id); err != nil {
				return err
			}
		}
		current, err := s.access.Grants(ctx, entityItem, r.id)
		if err != nil {
			return err
		}
		if class == 0 {
			grants = nil
		}
		if !slices.Equal(unionGrants(current), grants) {
			if err := s.access.SetGrants(ctx, entityItem, r.id, max(class, r.class), grants); err != nil {
				return err
			}
		}
	}
	return nil
}

// unionGrants sorts grants and drops repeats.
func unionGrants(gs []access.Grant) []access.Grant {
	slices.SortFunc(gs, func(a, b access.Grant) int {
		switch {
		case a.UnitID != b.UnitID:
			return cmp.Compare(a.UnitID, b.UnitID)
		case a.Role != b.Role:
			return cmp.Compare(a.Role, b.Role)
		}
		return cmp.Compare(a.UserID, b.UserID)
	})
	return slices.Compact(gs)
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
