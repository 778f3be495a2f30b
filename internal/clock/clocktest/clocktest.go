// Package clocktest gives the tests their day. Tests that pin a day of
// their own use clock.Manual; every other test runs as of Today: the day
// named by PLENUM_TEST_TODAY (YYYY-MM-DD), or the real day in Vietnam. So
// the whole suite can be run as of 31 December or 29 February to find what
// depends on the calendar, and a failure names the day to run it again with.
package clocktest

import (
	"fmt"
	"os"
	"sync"
	"testing"

	"plenum/internal/clock"
	"plenum/internal/date"
)

// Env is the variable that sets the suite's day.
const Env = "PLENUM_TEST_TODAY"

// Hour is the time of day, in Vietnam, at which a test's clock starts:
// away from midnight, so that a test never sees the date change under it.
const Hour = 10

var today = sync.OnceValue(func() date.Date {
	s := os.Getenv(Env)
	if s == "" {
		return clock.Wall.Today()
	}
	d, err := date.Parse(s)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s=%q: %v; give the day the tests run as of, e.g. %s=2027-12-31\n", Env, s, err, Env)
		os.Exit(2)
	}
	return d
})

// Today is the day the suite runs as of.
func Today() date.Date { return today() }

// New returns the clock of a test that runs as of Today: Hour o'clock in
// Vietnam on that day when the test starts, running on from there. When the
// test fails, it says which day it ran as of.
func New(t testing.TB) clock.Clock { return On(t, Today()) }

// On is New as of day d, for a test whose story needs a day near the
// suite's (as late as Today, but not in the first weeks of a year, say).
func On(t testing.TB, d date.Date) clock.Clock {
	t.Helper()
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("this test ran as of %s; run it again as of that day with %s=%s", d, Env, d)
		}
	})
	return clock.OnDay(d, Hour, 0)
}
