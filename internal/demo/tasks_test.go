package demo_test

import (
	"context"
	"testing"

	"plenum/internal/access"
	"plenum/internal/app"
	"plenum/internal/auth"
	"plenum/internal/tasks"
)

// checkTasks checks the demo's tasks: every status, classified ones,
// handed on, from conclusions, recurring.
func checkTasks(t *testing.T, a *app.App, ctx context.Context) {
	all, err := a.Tasks.CountByUnit(ctx, access.System, tasks.CountQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var total tasks.Counts
	for _, c := range all {
		for st, n := range c.ByStatus {
			total.ByStatus = addStatus(total.ByStatus, st, n)
		}
		total.Total += c.Total
	}
	if total.Total < 300 {
		t.Errorf("only %d deadlines", total.Total)
	}
	for _, st := range tasks.Statuses {
		if total.ByStatus[st] == 0 {
			t.Errorf("no deadline is %s: %v", st, total.ByStatus)
		}
	}
	var tasksN, classified, children, fromConclusions, recurring int
	a.DB.Primary().QueryRow(`SELECT count(*), sum(CASE WHEN class > 0 THEN 1 ELSE 0 END), sum(CASE WHEN parent_id IS NOT NULL THEN 1 ELSE 0 END),
		sum(CASE WHEN source_kind = 'conclusion' THEN 1 ELSE 0 END), sum(CASE WHEN recurrence <> '' THEN 1 ELSE 0 END) FROM tasks`).
		Scan(&tasksN, &classified, &children, &fromConclusions, &recurring)
	if tasksN < 300 || classified == 0 || children == 0 || fromConclusions == 0 || recurring == 0 {
		t.Errorf("tasks %d, classified %d, handed on %d, from conclusions %d, recurring %d", tasksN, classified, children, fromConclusions, recurring)
	}
	// The reader without clearance sees none of the classified ones.
	users, _ := a.Auth.Users(ctx)
	for _, u := range users {
		if u.Username != "xem" {
			continue
		}
		rv, _ := a.Access.Viewer(ctx, auth.Principal{User: u})
		seen, _ := a.Tasks.CountByUnit(ctx, rv, tasks.CountQuery{})
		n := 0
		for _, c := range seen {
			n += c.Total
		}
		var unclassified int
		a.DB.Primary().QueryRow(`SELECT count(*) FROM task_occurrences WHERE class = 0 AND start_on <= $1`, a.Tasks.Today()).Scan(&unclassified)
		if n != unclassified {
			t.Errorf("the uncleared reader counts %d deadlines, %d are unclassified", n, unclassified)
		}
	}
}

func addStatus(m map[tasks.Status]int, st tasks.Status, n int) map[tasks.Status]int {
	if m == nil {
		m = map[tasks.Status]int{}
	}
	m[st] += n
	return m
}
