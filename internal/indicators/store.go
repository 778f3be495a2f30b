package indicators

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/clock"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/org"
	"plenum/internal/problem"
	"plenum/internal/search"
	"plenum/internal/vn"
)

// Store reads and changes indicators, their targets and values.
type Store struct {
	db     *db.DB
	log    *audit.Log
	access *access.Store
	units  *org.Store
	index  *search.Index
	clock  clock.Clock
}

// New returns the indicator store. index may be nil (no search entries).
func New(d *db.DB, log *audit.Log, c clock.Clock, acc *access.Store, units *org.Store, index *search.Index) *Store {
	return &Store{db: d, log: log, access: acc, units: units, index: index, clock: c}
}

// Viewer returns the access viewer of a principal.
func (s *Store) Viewer(ctx context.Context, p auth.Principal) (access.Viewer, error) {
	return s.access.Viewer(ctx, p)
}

// Today is the current date in Vietnam by the store's clock.
func (s *Store) Today() date.Date { return s.clock.Today() }

// Input defines or redefines an indicator.
type Input struct {
	Code        string      `json:"code"`
	Name        string      `json:"name"`
	Measure     string      `json:"measure"`
	ValueKind   ValueKind   `json:"value_kind"`
	Direction   Direction   `json:"direction"`
	Aggregation Aggregation `json:"aggregation"`
	WeightID    int64       `json:"weight_indicator_id,omitempty"`
	Periodicity PeriodKind  `json:"periodicity"`
	Cumulative  bool        `json:"cumulative,omitempty"`
	TermRule    TermRule    `json:"term_rule,omitempty"`
	Tolerance   vn.Decimal  `json:"tolerance,omitempty"`
	Main        bool        `json:"main,omitempty"`
	Position    int         `json:"position,omitempty"`
	DocumentID  int64       `json:"document_id,omitempty"`
	ScopeUnitID int64       `json:"scope_unit_id,omitempty"`
	TermFirst   int         `json:"term_first,omitempty"`
	TermLast    int         `json:"term_last,omitempty"`
	Class       int         `json:"class,omitempty"`
	// ClassReason says why the indicator's class changes: needed when it
	// goes down, or above the class of the document that set it.
	ClassReason string `json:"class_reason,omitempty"`
	Description string `json:"description,omitempty"`
}

// Limits on text fields, in characters.
const (
	maxName   = 500
	maxCode   = 30
	maxShort  = 50
	maxText   = 4000
	maxSource = 500
)

func (in *Input) normalize() {
	in.Code = strings.ToUpper(vn.Clean(in.Code))
	in.Name = vn.Clean(in.Name)
	in.Measure = vn.Clean(in.Measure)
	in.Description = strings.TrimSpace(vn.Normalize(in.Description))
	in.ClassReason = vn.Clean(in.ClassReason)
	if in.TermRule == "" {
		in.TermRule = TermLast
	}
}

func (in *Input) validate(v *problem.Validation) {
	if v.Required("code", in.Code) {
		v.MaxLen("code", in.Code, maxCode)
	}
	if v.Required("name", in.Name) {
		v.MaxLen("name", in.Name, maxName)
	}
	if v.Required("measure", in.Measure) {
		v.MaxLen("measure", in.Measure, maxShort)
	}
	v.Check(slices.Contains(ValueKinds, in.ValueKind), "value_kind", "error.invalid_choice")
	v.Check(slices.Contains(Directions, in.Direction), "direction", "error.invalid_choice")
	v.Check(slices.Contains(Aggregations, in.Aggregation), "aggregation", "error.invalid_choice")
	v.Check(slices.Contains(TermRules, in.TermRule), "term_rule", "error.invalid_choice")
	v.Check(in.Periodicity.Valid() && in.Periodicity != Nine, "periodicity", "error.invalid_choice")
	if in.ValueKind == Percent && in.Measure != "" && !strings.Contains(in.Measure, "%") {
		v.Add("measure", "indicators.error.percent_measure")
	}
	switch {
	case in.Aggregation == WeightedAvg && in.WeightID <= 0:
		v.Add("weight_indicator_id", "indicators.error.weight_required")
	case in.Aggregation != WeightedAvg && in.WeightID != 0:
		v.Add("weight_indicator_id", "indicators.error.weight_only_avg")
	}
	v.Check(in.Tolerance.Sign() >= 0, "tolerance", "indicators.error.negative")
	if (in.TermFirst == 0) != (in.TermLast == 0) || in.TermLast < in.TermFirst || (in.TermFirst != 0 && (in.TermFirst < 1945 || in.TermLast > in.TermFirst+10)) {
		v.Add("term_last", "indicators.error.term")
	}
	v.MaxLen("description", in.Description, maxText)
}

// Create defines an indicator. Its class is raised to that of its
// document, whose grants it takes.
func (s *Store) Create(ctx context.Context, p auth.Principal, in Input) (Indicator, error) {
	return s.save(ctx, p, 0, in)
}

// Update redefines an indicator the principal may see.
func (s *Store) Update(ctx context.Context, p auth.Principal, id int64, in Input) (Indicator, error) {
	return s.save(ctx, p, id, in)
}

func (s *Store) save(ctx context.Context, p auth.Principal, id int64, in Input) (Indicator, error) {
	in.normalize()
	var v problem.Validation
	in.validate(&v)
	if err := v.Err(); err != nil {
		return Indicator{}, err
	}
	viewer, err := s.access.Viewer(ctx, p)
	if err != nil {
		return Indicator{}, err
	}
	var out Indicator
	err = s.db.Tx(ctx, func(ctx context.Context) error {
		var before *Indicator
		if id != 0 {
			b, err := s.visible(ctx, viewer, id)
			if err != nil {
				return err
			}
			before = &b
		}
		class, grants, err := s.documentClass(ctx, viewer, in.DocumentID)
		if err != nil {
			return err
		}
		if err := access.CheckClassify(p, in.Class, "class"); err != nil {
			return err
		}
		prior := 0
		if before != nil {
			prior = before.Class
		}
		in.Class = max(in.Class, class)
		// Following the document up needs no reason; any other change of
		// class is a decision that does.
		reclassified := in.Class != prior
		if reclassified && (in.Class < prior || in.Class > class) {
			if v.Required("class_reason", in.ClassReason) {
				v.MaxLen("class_reason", in.ClassReason, maxSource)
			}
			if err := v.Err(); err != nil {
				return err
			}
		}
		if err := s.checkRefs(ctx, viewer, id, in); err != nil {
			return err
		}
		now := s.clock.Now().UTC()
		args := []any{in.Code, in.Name, in.Measure, string(in.ValueKind), string(in.Direction), string(in.Aggregation),
			db.Null(in.WeightID), string(in.Periodicity), in.Cumulative, string(in.TermRule), in.Tolerance.String(), in.Main,
			in.Position, db.Null(in.DocumentID), db.Null(in.ScopeUnitID), db.Null(in.TermFirst), db.Null(in.TermLast), in.Class,
			in.Description, vn.Fold(in.Code + " " + in.Name), vn.SortKey(in.Name), now}
		if id == 0 {
			err = s.db.W(ctx).QueryRowContext(ctx, `INSERT INTO indicators (code, name, measure, value_kind, direction, aggregation,
					weight_indicator_id, periodicity, cumulative, term_rule, tolerance, main, position, document_id, scope_unit_id,
					term_first, term_last, class, description, search_key, sort_key, updated_at, created_at, created_by)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $22, $23)
				RETURNING id`, append(args, db.Null(audit.ActorFrom(ctx).UserID))...).Scan(&id)
		} else {
			_, err = s.db.W(ctx).ExecContext(ctx, `UPDATE indicators SET code = $1, name = $2, measure = $3, value_kind = $4,
					direction = $5, aggregation = $6, weight_indicator_id = $7, periodicity = $8, cumulative = $9, term_rule = $10,
					tolerance = $11, main = $12, position = $13, document_id = $14, scope_unit_id = $15, term_first = $16,
					term_last = $17, class = $18, description = $19, search_key = $20, sort_key = $21, updated_at = $22
				WHERE id = $23`, append(args, id)...)
			if err == nil && before.Class != in.Class {
				_, err = s.db.W(ctx).ExecContext(ctx, `UPDATE indicator_values SET class = $1 WHERE indicator_id = $2`, in.Class, id)
			}
		}
		if db.IsUniqueViolation(err) {
			return &problem.Error{Code: problem.Conflict, Fields: []problem.Field{{Name: "code", Key: "error.duplicate"}}}
		}
		if err != nil {
			return fmt.Errorf("indicators: save %q: %w", in.Code, err)
		}
		if in.Class > 0 && p.User.ID != 0 {
			// Whoever classifies an indicator keeps the need to know it.
			grants = append(grants, access.Grant{UserID: p.User.ID})
		}
		if in.DocumentID != 0 || in.Class > 0 || before != nil {
			if err := s.access.SetGrants(ctx, Entity, id, max(prior, in.Class), grants); err != nil {
				return err
			}
		}
		if out, err = s.load(ctx, id); err != nil {
			return err
		}
		if err := s.indexEntry(ctx, out); err != nil {
			return err
		}
		action := "create"
		if before != nil {
			action = "update"
		}
		// The entries carry the higher of the two classes: they describe
		// the indicator as it was, too.
		entryClass := max(prior, out.Class)
		if err := s.log.Record(ctx, audit.Change{Action: action, Entity: Entity, EntityID: id, Class: entryClass, Before: before, After: out}); err != nil {
			return err
		}
		if !reclassified {
			return nil
		}
		reason := in.ClassReason
		if reason == "" {
			reason = fmt.Sprintf("Theo độ mật của văn bản số %d", in.DocumentID)
		}
		return s.log.Record(ctx, audit.Change{Action: audit.ClassAction(prior, out.Class), Entity: Entity, EntityID: id,
			Class: entryClass, Before: map[string]int{"class": prior}, After: map[string]any{"class": out.Class, "reason": reason}})
	})
	if err != nil {
		return Indicator{}, err
	}
	return out, nil
}

// documentClass returns the class and grants of the document that sets an
// indicator, which the viewer must see; none without a document.
func (s *Store) documentClass(ctx context.Context, v access.Viewer, docID int64) (int, []access.Grant, error) {
	if docID == 0 {
		return 0, nil, nil
	}
	var args db.Args
	var class int
	err := s.db.R(ctx).QueryRowContext(ctx, `SELECT d.class FROM documents d WHERE d.id = `+args.Add(docID)+
		` AND `+v.Visible("document", "d", &args), args...).Scan(&class)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil, problem.InvalidField("document_id", "indicators.error.document_unknown")
	}
	if err != nil {
		return 0, nil, fmt.Errorf("indicators: class of document %d: %w", docID, err)
	}
	grants, err := s.access.Grants(ctx, "document", docID)
	return class, grants, err
}

// checkRefs checks the weight indicator and the scope unit.
func (s *Store) checkRefs(ctx context.Context, v access.Viewer, id int64, in Input) error {
	if in.WeightID != 0 {
		if in.WeightID == id {
			return problem.InvalidField("weight_indicator_id", "indicators.error.weight_self")
		}
		if _, err := s.visible(ctx, v, in.WeightID); err != nil {
			return problem.InvalidField("weight_indicator_id", "indicators.error.indicator_unknown")
		}
	}
	if in.ScopeUnitID != 0 {
		if _, err := s.units.Get(ctx, in.ScopeUnitID, date.Date{}); err != nil {
			return problem.InvalidField("scope_unit_id", "org.error.unit_unknown")
		}
	}
	return nil
}

func (s *Store) indexEntry(ctx context.Context, ind Indicator) error {
	if s.index == nil {
		return nil
	}
	return s.index.Put(ctx, entryOf(ind))
}

// entryOf is an indicator's search entry: found by its name, code and
// unit of measure, with its own class.
func entryOf(ind Indicator) search.Entry {
	return search.Entry{Entity: Entity, EntityID: ind.ID, Class: ind.Class, Title: ind.Name,
		Body: ind.Description, Keywords: ind.Code + " " + ind.Measure, Kind: string(ind.ValueKind),
		UnitID: ind.ScopeUnitID, URL: fmt.Sprintf("/indicators/%d", ind.ID)}
}

const indicatorColumns = `i.id, i.code, i.name, i.measure, i.value_kind, i.direction, i.aggregation,
	COALESCE(i.weight_indicator_id, 0), i.periodicity, i.cumulative, i.term_rule, i.tolerance, i.main, i.position,
	COALESCE(i.document_id, 0), COALESCE(i.scope_unit_id, 0), COALESCE(i.term_first, 0), COALESCE(i.term_last, 0),
	i.class, i.description, i.created_at, i.updated_at`

func scanIndicator(r interface{ Scan(...any) error }) (Indicator, error) {
	var x Indicator
	var tol string
	err := r.Scan(&x.ID, &x.Code, &x.Name, &x.Measure, &x.ValueKind, &x.Direction, &x.Aggregation, &x.WeightID,
		&x.Periodicity, &x.Cumulative, &x.TermRule, &tol, &x.Main, &x.Position, &x.DocumentID, &x.ScopeUnitID,
		&x.TermFirst, &x.TermLast, &x.Class, &x.Description, &x.CreatedAt, &x.UpdatedAt)
	if err != nil {
		return x, err
	}
	x.Tolerance = decimal(tol)
	return x, nil
}

// decimal reads a stored machine-form decimal.
func decimal(s string) vn.Decimal {
	var d vn.Decimal
	_ = d.UnmarshalJSON([]byte(s))
	return d
}

// load reads an indicator whoever asks; problem.ErrNotFound if none.
func (s *Store) load(ctx context.Context, id int64) (Indicator, error) {
	x, err := scanIndicator(s.db.R(ctx).QueryRowContext(ctx, `SELECT `+indicatorColumns+` FROM indicators i WHERE i.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return x, problem.ErrNotFound
	}
	if err != nil {
		return x, fmt.Errorf("indicators: load %d: %w", id, err)
	}
	return x, nil
}

// visible returns the indicator if the viewer may see it (without auditing
// a read): for references and writes.
func (s *Store) visible(ctx context.Context, v access.Viewer, id int64) (Indicator, error) {
	var args db.Args
	x, err := scanIndicator(s.db.R(ctx).QueryRowContext(ctx, `SELECT `+indicatorColumns+` FROM indicators i WHERE i.id = `+
		args.Add(id)+` AND `+v.Visible(Entity, "i", &args), args...))
	if errors.Is(err, sql.ErrNoRows) {
		return x, problem.ErrNotFound
	}
	if err != nil {
		return x, fmt.Errorf("indicators: load %d: %w", id, err)
	}
	return x, nil
}

// read is visible for what shows an indicator's figures: the read of a
// classified one is audited, as Get audits it.
func (s *Store) read(ctx context.Context, v access.Viewer, id int64) (Indicator, error) {
	x, err := s.visible(ctx, v, id)
	if err != nil {
		return x, err
	}
	return x, s.access.LogRead(ctx, Entity, id, x.Class, nil)
}

// Get returns an indicator with its targets and its document's title. One
// the viewer may not see is not found; reading a classified one is audited.
func (s *Store) Get(ctx context.Context, v access.Viewer, id int64) (Indicator, error) {
	x, err := s.load(ctx, id)
	if err != nil {
		return x, err
	}
	if err := s.access.Check(ctx, v, Entity, id, x.Class); err != nil {
		return Indicator{}, err
	}
	if x.Targets, err = s.targets(ctx, []int64{id}); err != nil {
		return x, err
	}
	if x.DocumentID != 0 {
		var args db.Args
		err := s.db.R(ctx).QueryRowContext(ctx, `SELECT CASE WHEN d.symbol = '' THEN d.title ELSE d.symbol || ' — ' || d.title END
			FROM documents d WHERE d.id = `+args.Add(x.DocumentID)+` AND `+v.Visible("document", "d", &args), args...).Scan(&x.DocumentTitle)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return x, fmt.Errorf("indicators: document of %d: %w", id, err)
		}
	}
	return x, nil
}

// ByCode returns the id of the indicator with code that the viewer may see.
func (s *Store) ByCode(ctx context.Context, v access.Viewer, code string) (Indicator, error) {
	var args db.Args
	x, err := scanIndicator(s.db.R(ctx).QueryRowContext(ctx, `SELECT `+indicatorColumns+` FROM indicators i WHERE i.code = `+
		args.Add(strings.ToUpper(strings.TrimSpace(code)))+` AND `+v.Visible(Entity, "i", &args), args...))
	if errors.Is(err, sql.ErrNoRows) {
		return x, problem.ErrNotFound
	}
	if err != nil {
		return x, fmt.Errorf("indicators: by code: %w", err)
	}
	return x, nil
}

// ListQuery selects indicators for the catalogue.
type ListQuery struct {
	Text       string `json:"q,omitempty"`
	MainOnly   bool   `json:"main,omitempty"`
	DocumentID int64  `json:"document_id,omitempty"`
}

// List returns the indicators the viewer may see: main ones first in their
// order, then the others by name.
func (s *Store) List(ctx context.Context, v access.Viewer, q ListQuery) ([]Indicator, error) {
	var args db.Args
	where := []string{v.Visible(Entity, "i", &args)}
	if q.MainOnly {
		where = append(where, "i.main")
	}
	if q.DocumentID != 0 {
		where = append(where, "i.document_id = "+args.Add(q.DocumentID))
	}
	for _, w := range strings.Fields(vn.Fold(q.Text)) {
		where = append(where, `' ' || i.search_key LIKE `+args.Add("% "+w+"%"))
	}
	rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT `+indicatorColumns+` FROM indicators i WHERE `+strings.Join(where, " AND ")+`
		ORDER BY CASE WHEN i.main THEN 0 ELSE 1 END, i.position, i.sort_key, i.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("indicators: list: %w", err)
	}
	defer rows.Close()
	var out []Indicator
	for rows.Next() {
		x, err := scanIndicator(rows)
		if err != nil {
			return nil, fmt.Errorf("indicators: list: %w", err)
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// Source is the catalogue as the search index's rebuild reads it.
func (s *Store) Source() search.Source {
	return search.Source{Entity: Entity, Entries: func(ctx context.Context, put func(search.Entry) error) error {
		list, err := s.List(ctx, access.System, ListQuery{})
		if err != nil {
			return err
		}
		for _, x := range list {
			if err := put(entryOf(x)); err != nil {
				return err
			}
		}
		return nil
	}}
}
