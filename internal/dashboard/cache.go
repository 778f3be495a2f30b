package dashboard

import (
	"container/list"
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/indicators"
)

// A dashboard is a few dozen aggregate queries over the year's deadlines and
// indicator values, while leaders open it far more often than the data
// changes. So each instance keeps the dashboards it built, by query and by
// what the viewer may see (access.Store.Key), with the data version they
// were built at (audit.Log.DataVersion, moved by every committed change on
// any instance). A kept dashboard is shown as it is while the version stays
// the same. Requests for the same dashboard that arrive while it is being
// built wait for that one build. (Rows edited in the database by hand,
// outside Plenum and its audit log, show once the next change is recorded
// or the instance restarts.)
//
// After a change, a kept dashboard may still be shown while its successor
// is built in the background, so that a crowd of leaders does not wait on
// each change someone else records: only if every change it misses was
// recorded within Service.Lag, changed no classified record nor who may see
// one, and was not made by the viewer, who sees their own changes at once.
// So the figures are at most Lag behind, and never show a viewer what they
// may no longer see.

// CacheSize is how many dashboards an instance keeps, the least recently
// shown dropped first: a few hundred kilobytes each at most.
const CacheSize = 256

// DefaultLag is how far behind the latest changes a dashboard may be shown.
const DefaultLag = 5 * time.Second

type cache struct {
	mu         sync.Mutex
	entries    map[string]*list.Element // of *entry, in order, the most recent first
	order      list.List
	flight     singleflight.Group
	refreshing map[string]bool // keys being built in the background
}

type entry struct {
	key     string
	version int64 // the data version it was built at
	d       Dashboard
}

// get returns the dashboard kept under key and the version it was built at.
func (c *cache) get(key string) (Dashboard, int64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.entries[key]
	if !ok {
		return Dashboard{}, 0, false
	}
	c.order.MoveToFront(el)
	e := el.Value.(*entry)
	return e.d, e.version, true
}

// put keeps d under key, built from the data at version, unless one built
// at a later version is kept.
func (c *cache) put(version int64, key string, d Dashboard) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = map[string]*list.Element{}
	}
	if el, ok := c.entries[key]; ok {
		if e := el.Value.(*entry); e.version <= version {
			e.version, e.d = version, d
		}
		c.order.MoveToFront(el)
		return
	}
	c.entries[key] = c.order.PushFront(&entry{key, version, d})
	if c.order.Len() > CacheSize {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.entries, last.Value.(*entry).key)
	}
}

// refresh starts build in the background unless one for key is already
// running: while changes keep coming faster than a dashboard is built, the
// build of each version would otherwise queue behind the last, all but the
// newest useless.
func (c *cache) refresh(key string, build func() error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.refreshing[key] {
		return
	}
	if c.refreshing == nil {
		c.refreshing = map[string]bool{}
	}
	c.refreshing[key] = true
	go func() {
		if err := build(); err != nil {
			slog.Error("dashboard: build in the background", "err", err)
		}
		c.mu.Lock()
		delete(c.refreshing, key)
		c.mu.Unlock()
	}()
}

// cacheKey names what a dashboard shows: its query, whether its period was
// chosen, and what its viewer may see.
func cacheKey(d Dashboard, sees string) string {
	q := d.Query
	return fmt.Sprintf("%s|%d|%d|%s|%d|%t|%s", q.AsOf, q.UnitID, q.DocumentID, q.Period, q.SoonDays, d.periodDefaulted, sees)
}

// building bounds the dashboards built at once by an instance to its
// processors: after a change, a crowd of leaders asking for different
// dashboards queues for them rather than holding every half-built one in
// memory together.
var building = make(chan struct{}, runtime.GOMAXPROCS(0))

// bounded runs build when a place is free.
func bounded(ctx context.Context, d *Dashboard, build func(context.Context, *Dashboard) error) error {
	select {
	case building <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-building }()
	return build(ctx, d)
}

// cached returns the figures of d as v may see them: those kept, or built
// by build and kept. Without a data version it always builds.
func (s *Service) cached(ctx context.Context, v access.Viewer, d Dashboard, build func(context.Context, *Dashboard) error) (Dashboard, error) {
	if s.Version == nil {
		err := bounded(ctx, &d, build)
		return d, err
	}
	// The version is read before the figures: whatever they show is at
	// least as new as it, so a later change always moves it past them.
	version, err := s.Version(ctx)
	if err != nil {
		return d, err
	}
	sees, err := s.Access.Key(ctx, v)
	if err != nil {
		return d, err
	}
	key := cacheKey(d, sees)
	flight := fmt.Sprint(version, "|", key)
	built := false
	// Those waiting share a build: a reader who leaves does not cancel it
	// for the others.
	rebuild := func(ctx context.Context) func() (any, error) {
		return func() (any, error) {
			built = true
			if err := bounded(ctx, &d, build); err != nil {
				return nil, err
			}
			s.cache.put(version, key, d)
			return d, nil
		}
	}
	kept, at, ok := s.cache.get(key)
	show := ok && at >= version
	if ok && !show {
		if show, err = s.mayLag(ctx, v, at, version); err != nil {
			return d, err
		}
		if show {
			// Built for whoever asks next: the reads it makes are the
			// system's, theirs are audited when it is shown to them.
			bg := audit.WithActor(context.WithoutCancel(ctx), audit.Actor{Name: "system"})
			s.cache.refresh(key, func() error {
				_, err, _ := s.cache.flight.Do(flight, rebuild(bg))
				return err
			})
		}
	}
	if show {
		return kept, s.logReads(ctx, kept)
	}
	res, err, _ := s.cache.flight.Do(flight, rebuild(context.WithoutCancel(ctx)))
	if err != nil {
		return d, err
	}
	out := res.(Dashboard)
	if built {
		return out, nil
	}
	return out, s.logReads(ctx, out)
}

// mayLag reports whether a dashboard built at data version from may be
// shown to v at version to (see the top of this file).
func (s *Service) mayLag(ctx context.Context, v access.Viewer, from, to int64) (bool, error) {
	if s.Lag <= 0 || s.Drift == nil {
		return false, nil
	}
	d, err := s.Drift(ctx, from, to, v.UserID, s.Lag)
	if err != nil {
		return false, err
	}
	return d.Recent && d.Class == 0 && !d.Access && !d.ByUser, nil
}

// logReads audits, for a dashboard built for another request, the reads of
// the classified indicators whose trends it shows, as building it audited
// them for the one who asked first.
func (s *Service) logReads(ctx context.Context, d Dashboard) error {
	for _, t := range d.Indicators.Trends {
		if err := s.Access.LogRead(ctx, indicators.Entity, t.Indicator.ID, t.Indicator.Class, nil); err != nil {
			return err
		}
	}
	return nil
}
