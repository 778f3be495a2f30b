package server_test

import (
	"os"
	"testing"

	"plenum/internal/server/servertest"
)

// TestMain stops the browser the browser tests share once they have run.
func TestMain(m *testing.M) {
	code := m.Run()
	servertest.CloseBrowser()
	os.Exit(code)
}
