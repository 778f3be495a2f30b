// Package indicators keeps the socio-economic indicators (chỉ tiêu) a Party
// committee watches: their definitions, the targets a resolution set for
// each year and for the term, and the values units report per period, as
// estimates ("ước đạt") or final figures, with the history of every change.
//
// # Values
//
// A value belongs to an indicator, a unit and a period: a month, a quarter,
// the first 6 or 9 months, or a year (6 and 9 months and the year add up
// from January). Only one version of a value is current; a new one
// supersedes it and keeps it as history. A final value replaces an
// estimate; an estimate never replaces a final value. Enter refuses, naming
// the field: a value outside what the indicator measures (a share outside
// 0–100 for "%", a negative or fractional count, a negative amount), a
// period shorter than the indicator's periodicity, a unit that did not
// exist on the period's last day (or, for its first day, neither it nor a
// unit merged into it existed), an estimate of a period not yet begun, a
// final value of a period not yet over. Entering for a unit needs
// indicators.enter and that the unit be the user's own or one merged into
// it (MayEnter); the committee office (indicators.write) enters for any.
//
// # Evaluation
//
// Evaluate judges a value against a target: "exceeded", "met", "not_met",
// or "no_data" / "no_target". With tolerance ε (in the indicator's unit, 0
// by default) and target T:
//
//   - higher is better: v > T+ε exceeded; T−ε ≤ v ≤ T+ε met; v < T−ε not met;
//   - lower is better: v < T−ε exceeded; T−ε ≤ v ≤ T+ε met; v > T+ε not met;
//   - a range [L, H]: L−ε ≤ v ≤ H+ε met; otherwise not met (never exceeded).
//
// A cumulative indicator (revenue, new communes: values add up from
// January) is judged on a shorter period against the year's target pro
// rata: 9 months against ¾ of it. Other indicators (rates, shares, per
// capita) compare any period with the year's target as it is. A term target
// is judged on the years' values by the indicator's term rule: the last
// year's value, their average, or their sum. The evaluation of an estimate
// says so (Estimate), and one of a partial total too (Partial).
//
// Growth against the same period of the previous year ("cùng kỳ"): for
// shares ("%", percent) the difference in percentage points; for rates of
// change, none (a growth of a growth rate means nothing); for everything
// else the relative change in percent, none when last year's value is 0.
// Both years are for the same area: last year's figure of a unit includes
// the units merged into it since (see below), and a partial total, missing
// some units' values, is compared with nothing.
//
// # Totals through the organisation's history
//
// Total takes the values of a unit and of the units merged into it on or
// before the "as of" date: for a period that ended before a predecessor's
// merge, that predecessor's value is combined with the others by the
// indicator's aggregation (sum, weighted average by the weight indicator's
// values of the same units and period, maximum; a not-additive indicator
// is never combined, so such a total exists only from the unit's own value).
// A period that ends after the merge is the successor's alone: it reports
// for the merged area. As of a day before the merge, the units are as they
// were and each has its own totals. Splits do not carry values (they cannot
// be apportioned), and a unit's total does not include the units below it.
//
// As of a past day, a period that was over by then counts with its current
// value (what is known of it now, corrections included: history entered
// later is still that period's history); a period still running then
// counts with the last value entered by the end of that day in Vietnam (an
// estimate made during the period), or has none. A standing of this year
// as of last June therefore shows only the estimates made by June.
//
// # Access
//
// An indicator has a security class, at least that of the document that set
// it, and the grants of that document (copied when the indicator is saved).
// Every list, value, total, count and export filters by access.Viewer; an
// indicator the viewer may not see is "not found" and is not counted.
package indicators
