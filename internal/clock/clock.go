// Package clock is Plenum's one clock. Every store, job and page takes "now"
// and "today in Vietnam" from the Clock the application was configured with:
// the wall clock in production, a clock set to a chosen day in tests. Nothing
// else reads time.Now for a business decision (a test walks the source for
// it), so that the whole suite can be run as of any day and a deadline's
// status, a reminder or a default period never depends on when the tests
// happen to run.
package clock

import (
	"sync"
	"time"

	"plenum/internal/date"
)

// Vietnam is the time zone every Vietnamese date is taken in: UTC+7, with no
// daylight saving time since 1975. A fixed zone, so that the binary needs no
// tz database on the machine.
var Vietnam = time.FixedZone("ICT", 7*60*60)

// Clock tells the time. The zero Clock has none: a store built without the
// application's clock fails at its first use instead of quietly reading the
// wall clock.
type Clock struct{ now func() time.Time }

// Wall is the real clock.
var Wall = Clock{now: time.Now}

// Func is the clock that asks now.
func Func(now func() time.Time) Clock { return Clock{now: now} }

// At is a stopped clock showing t.
func At(t time.Time) Clock { return Clock{now: func() time.Time { return t }} }

// Now returns the current time.
func (c Clock) Now() time.Time {
	if c.now == nil {
		panic("clock: a store was built without the application's clock (app.Config.Clock)")
	}
	return c.now()
}

// Today returns the current date in Vietnam.
func (c Clock) Today() date.Date { return date.Of(c.Now().In(Vietnam)) }

// IsZero reports whether c is the zero Clock.
func (c Clock) IsZero() bool { return c.now == nil }

// OnDay returns a clock that shows hh:mm in Vietnam on day d when it is
// made and runs on at the pace of the wall clock: durations (a session's
// idleness, a lease, a cache's age) pass as they do in life, while the date
// is the chosen one.
func OnDay(d date.Date, hh, mm int) Clock {
	offset := time.Date(d.Year, d.Month, d.Day, hh, mm, 0, 0, Vietnam).Sub(time.Now()) // wall clock: the origin of the shifted one
	return Clock{now: func() time.Time { return time.Now().Add(offset) }}              // wall clock: runs at its pace
}

// Manual is a clock that moves only when told: for tests of what happens on
// a given day and hour. It is safe for concurrent use.
type Manual struct {
	mu sync.Mutex
	t  time.Time
}

// NewManual returns a Manual clock showing t.
func NewManual(t time.Time) *Manual { return &Manual{t: t} }

// Now returns the time the clock shows.
func (m *Manual) Now() time.Time {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.t
}

// Set puts the clock at t.
func (m *Manual) Set(t time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.t = t
}

// SetDay puts the clock at hh:mm in Vietnam on day d.
func (m *Manual) SetDay(d date.Date, hh, mm int) {
	m.Set(time.Date(d.Year, d.Month, d.Day, hh, mm, 0, 0, Vietnam))
}

// Advance moves the clock by d.
func (m *Manual) Advance(d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.t = m.t.Add(d)
}

// Clock returns the Clock that reads m.
func (m *Manual) Clock() Clock { return Clock{now: m.Now} }
