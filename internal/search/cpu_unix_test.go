//go:build unix

package search_test

import (
	"syscall"
	"time"
)

// processCPU is the CPU time the test process has used (user and system),
// for the benchmark's CPU per search: unlike the wall clock, it does not
// grow when other work shares the machine.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
