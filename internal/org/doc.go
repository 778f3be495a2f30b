// Package org keeps the organisation through time: Party committees and their
// Standing Boards and agencies, People's Councils and Committees, departments,
// the Fatherland Front, mass organisations and National Assembly delegations,
// each with names and a parent that change over its life.
//
// Every change is an operation effective on a date — create, rename, move,
// merge, split, dissolve — that closes and opens intervals (never deletes
// them), records a unit_events row (and unit_successions edges for merges and
// splits) and an audit entry, all in one transaction. Queries take an "as of"
// date: the tree, a unit's name and parent, its path, a search by name, as
// they were on that day. Lineage follows merges and splits backwards so that
// whatever was recorded against a merged unit stays reachable from its
// successor.
//
// Intervals are half-open, [from, to): a unit dissolved effective 2025-07-01
// existed on 2025-06-30 and not on 2025-07-01.
//
// Refusals are *problem.Error values that name the field at fault; nothing
// is written when an operation is refused.
package org
