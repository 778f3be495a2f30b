package dashboard

import (
	"sync/atomic"
	"testing"
	"time"
)

// While a dashboard is built in the background, changes that keep coming
// start no other build of it: one at a time a key, then the next.
func TestOneBackgroundBuildAtATime(t *testing.T) {
	var c cache
	var started atomic.Int32
	release := make(chan struct{})
	build := func() error {
		started.Add(1)
		<-release
		return nil
	}
	c.refresh("a", build)
	c.refresh("a", build)
	c.refresh("b", build)
	for deadline := time.Now().Add(5 * time.Second); started.Load() < 2; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d builds started, want 2", started.Load())
		}
	}
	close(release)
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(time.Millisecond) {
		c.mu.Lock()
		n := len(c.refreshing)
		c.mu.Unlock()
		if n == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the background builds never ended")
		}
	}
	if got := started.Load(); got != 2 {
		t.Errorf("%d builds started for two keys, want 2", got)
	}
	c.refresh("a", build) // the next one may start once the last has ended
	for deadline := time.Now().Add(5 * time.Second); started.Load() < 3; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("no build started after the last ended")
		}
	}
}
