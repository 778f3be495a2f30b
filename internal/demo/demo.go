// Package demo loads a realistic demonstration organisation into an empty
// database: six real provinces (Bắc Kạn, Thái Nguyên, Hà Giang, Tuyên
// Quang, Long An, Tây Ninh) with their Party committees, Standing Boards,
// agencies, People's Councils and Committees, departments, Fronts and mass
// organisations, all 59 of their district-level units as they stood before
// 2025 and a selection of communes, under the Central Committee; their real
// changes (a few renames, the 2025-03-01 merger of Party boards and of
// departments, and the reform effective 2025-07-01: Bắc Kạn merged into Thái
// Nguyên, Hà Giang into Tuyên Quang, Long An into Tây Ninh, the district
// level abolished); and invented people holding posts over time.
//
// The provinces and their changes are real; the people are not — every name
// is generated from common Vietnamese family, middle and given names, and
// each person's note says that they are fictional. Everything is written
// through org.Store and people.Store, so it is validated and audited like any
// other change, in one transaction: the demo loads completely or not at all.
package demo

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/org"
	"plenum/internal/people"
	"plenum/internal/vn"
)

// ErrNotEmpty is returned when the database already holds units.
var ErrNotEmpty = errors.New("demo: the database already holds organisation units; load the demo into an empty database")

// Start is the first day of the demo's records. Units that existed earlier
// are recorded as beginning that day (their create event says so).
var Start = date.MustParse("2016-01-01")

// Reform is the day the 2025 reorganisation took effect.
var Reform = date.MustParse("2025-07-01")

// LoadStores fills an empty database with the demo's organisation and
// people. It is deterministic: the same units, names, dates, people and
// posts every time (ids too, on a fresh database).
func LoadStores(ctx context.Context, d *db.DB, units *org.Store, ppl *people.Store) error {
	return d.Tx(ctx, func(ctx context.Context) error {
		var n int
		if err := d.R(ctx).QueryRowContext(ctx, `SELECT count(*) FROM units`).Scan(&n); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		if n > 0 {
			return ErrNotEmpty
		}
		l := &loader{ctx: ctx, units: units, people: ppl, ids: map[string]int64{}, names: newNamer()}
		l.organisation()
		l.history()
		l.posts()
		l.reform()
		l.postsAfterReform()
		if l.err != nil {
			return fmt.Errorf("demo: %s: %w", l.step, l.err)
		}
		return nil
	})
}

// loader writes the demo. Its helpers keep the first error and turn every
// later call into a no-op, so that the data reads as a script.
type loader struct {
	ctx    context.Context
	units  *org.Store
	people *people.Store
	ids    map[string]int64 // unit code → id
	names  *namer
	err    error
	step   string // what was being written when err happened

	// holders maps "province/slot" and district keys to the person in them.
	holders map[string]int64
}

func (l *loader) fail(step string, err error) {
	if l.err == nil && err != nil {
		l.err, l.step = err, step
	}
}

// id returns the id of the unit with code.
func (l *loader) id(code string) int64 {
	id, ok := l.ids[code]
	if !ok {
		l.fail(code, fmt.Errorf("no unit with code %q in the demo", code))
	}
	return id
}

// create adds a unit with a code (and remembers its id).
func (l *loader) create(code string, kind org.Kind, level org.Level, name, short, parent string, on date.Date, note string) {
	if l.err != nil {
		return
	}
	var parentID int64
	if parent != "" {
		parentID = l.id(parent)
	}
	u, err := l.units.Create(l.ctx, org.CreateInput{
		NewUnit: org.NewUnit{Kind: kind, Level: level, Code: code, Name: name, ShortName: short, ParentID: parentID},
		Act:     org.Act{Effective: on, Note: note},
	})
	l.fail("create "+code, err)
	l.ids[code] = u.ID
}

func (l *loader) rename(code, name, short string, a org.Act) {
	if l.err != nil {
		return
	}
	_, err := l.units.Rename(l.ctx, org.RenameInput{UnitID: l.id(code), Name: name, ShortName: short, Act: a})
	l.fail("rename "+code, err)
}

func (l *loader) move(code, parent string, a org.Act) {
	if l.err != nil {
		return
	}
	_, err := l.units.Move(l.ctx, org.MoveInput{UnitID: l.id(code), ParentID: l.id(parent), Act: a})
	l.fail("move "+code, err)
}

// merge merges the units with codes sources into the unit target.
func (l *loader) merge(target string, a org.Act, sources ...string) {
	if l.err != nil {
		return
	}
	ids := make([]int64, len(sources))
	for i, s := range sources {
		ids[i] = l.id(s)
	}
	_, err := l.units.Merge(l.ctx, org.MergeInput{SourceIDs: ids, TargetID: l.id(target), Act: a})
	l.fail("merge into "+target, err)
}

// mergeNew merges sources into a new unit with code.
func (l *loader) mergeNew(code string, n org.NewUnit, parent string, a org.Act, sources ...string) {
	if l.err != nil {
		return
	}
	ids := make([]int64, len(sources))
	for i, s := range sources {
		ids[i] = l.id(s)
	}
	n.Code, n.ParentID = code, l.id(parent)
	u, err := l.units.Merge(l.ctx, org.MergeInput{SourceIDs: ids, NewTarget: &n, Act: a})
	l.fail("merge into new "+code, err)
	l.ids[code] = u.ID
}

func (l *loader) dissolve(code string, a org.Act) {
	if l.err != nil {
		return
	}
	_, err := l.units.Dissolve(l.ctx, org.DissolveInput{UnitID: l.id(code), Act: a})
	l.fail("dissolve "+code, err)
}

// slug makes a code part from a name: "Nguyễn Thị Minh Khai" → "nguyen-thi-minh-khai".
func slug(name string) string { return strings.ReplaceAll(vn.Fold(name), " ", "-") }
