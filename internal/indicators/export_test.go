package indicators

// GoalFor is goalFor, for the tests of evaluation.
var GoalFor = goalFor
