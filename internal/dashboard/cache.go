package dashboard

import (
	"container/list"
	"context"
	"fmt"
	"runtime"
	"sync"

	"golang.org/x/sync/singleflight"

	"plenum/internal/access"
	"plenum/internal/indicators"
)

// A dashboard is a few dozen aggregate queries over the year's deadlines and
// indicator values, while leaders open it far more often than the data
// changes. So each instance keeps the dashboards it built, by query and by
// what the viewer may see (access.Store.Key), for as long as the data
// version (audit.Log.DataVersion, moved by every committed change on any
// instance) stays the same; a change drops them all. Requests for the same
// dashboard that arrive while it is being built wait for that one build.
// (Rows edited in the database by hand, outside Plenum and its audit log,
// show once the next change is recorded or the instance restarts.)

// CacheSize is how many dashboards an instance keeps, the least recently
// shown dropped first: a few hundred kilobytes each at most.
const CacheSize = 256

type cache struct {
	mu      sync.Mutex
	version int64
	entries map[string]*list.Element // of *entry, in order, the most recent first
	order   list.List
	flight  singleflight.Group
}

type entry struct {
	key string
	d   Dashboard
}

// get returns the dashboard kept under key at version.
func (c *cache) get(version int64, key string) (Dashboard, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != version {
		return Dashboard{}, false
	}
	el, ok := c.entries[key]
	if !ok {
		return Dashboard{}, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*entry).d, true
}

// put keeps d under key, built from the data at version. A dashboard built
// from an older version than the one kept is not kept: it may already be
// out of date.
func (c *cache) put(version int64, key string, d Dashboard) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case version < c.version:
		return
	case version > c.version || c.entries == nil:
		c.version, c.entries = version, map[string]*list.Element{}
		c.order.Init()
	}
	if el, ok := c.entries[key]; ok {
		el.Value.(*entry).d = d
		c.order.MoveToFront(el)
		return
	}
	c.entries[key] = c.order.PushFront(&entry{key, d})
	if c.order.Len() > CacheSize {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.entries, last.Value.(*entry).key)
	}
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
	if kept, ok := s.cache.get(version, key); ok {
		return kept, s.logReads(ctx, kept)
	}
	built := false
	res, err, _ := s.cache.flight.Do(fmt.Sprint(version, "|", key), func() (any, error) {
		built = true
		// Those waiting share this build: a reader who leaves does not
		// cancel it for the others.
		if err := bounded(context.WithoutCancel(ctx), &d, build); err != nil {
			return nil, err
		}
		s.cache.put(version, key, d)
		return d, nil
	})
	if err != nil {
		return d, err
	}
	out := res.(Dashboard)
	if built {
		return out, nil
	}
	return out, s.logReads(ctx, out)
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
