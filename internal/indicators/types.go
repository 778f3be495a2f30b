package indicators

import (
	"time"

	"plenum/internal/date"
	"plenum/internal/vn"
)

// Entity is the name of indicators in the audit log, grants and search.
const Entity = "indicator"

// ValueEntity is the name of indicator values in the audit log.
const ValueEntity = "indicator_value"

// ValueKind says what values of an indicator may be.
type ValueKind string

// The kinds of value.
const (
	Percent ValueKind = "percent" // a share, 0–100: forest cover, insurance coverage
	Change  ValueKind = "change"  // a rate of change, any sign: GRDP growth
	Count   ValueKind = "count"   // a whole number ≥ 0: new rural communes
	Amount  ValueKind = "amount"  // a number ≥ 0: revenue in tỷ đồng, GRDP per capita
	Number  ValueKind = "number"  // any number
)

// ValueKinds lists the kinds in the order forms show them.
var ValueKinds = []ValueKind{Percent, Change, Count, Amount, Number}

// Direction is how a value is judged against its target.
type Direction string

// The directions.
const (
	Higher Direction = "higher" // higher is better
	Lower  Direction = "lower"  // lower is better
	Range  Direction = "range"  // within [low, high]
)

// Directions lists the directions.
var Directions = []Direction{Higher, Lower, Range}

// Aggregation is how the values of several units make one.
type Aggregation string

// The aggregations.
const (
	Sum         Aggregation = "sum"
	WeightedAvg Aggregation = "weighted_avg"
	Max         Aggregation = "max"
	NotAdditive Aggregation = "none"
)

// Aggregations lists the aggregations.
var Aggregations = []Aggregation{Sum, WeightedAvg, Max, NotAdditive}

// TermRule is how the years of a term meet the term's target.
type TermRule string

// The term rules.
const (
	TermLast    TermRule = "last"    // the last year's value: forest cover by 2025
	TermAverage TermRule = "average" // the average of the years: GRDP growth 2021–2025
	TermSum     TermRule = "sum"     // the sum of the years: new rural communes over the term
)

// TermRules lists the term rules.
var TermRules = []TermRule{TermLast, TermAverage, TermSum}

// Indicator is the definition of an indicator.
type Indicator struct {
	ID          int64       `json:"id"`
	Code        string      `json:"code"`
	Name        string      `json:"name"`
	Measure     string      `json:"measure"` // unit of measure as written: "%", "tỷ đồng"
	ValueKind   ValueKind   `json:"value_kind"`
	Direction   Direction   `json:"direction"`
	Aggregation Aggregation `json:"aggregation"`
	WeightID    int64       `json:"weight_indicator_id,omitempty"`
	Periodicity PeriodKind  `json:"periodicity"`
	Cumulative  bool        `json:"cumulative"`
	TermRule    TermRule    `json:"term_rule"`
	Tolerance   vn.Decimal  `json:"tolerance"`
	Main        bool        `json:"main"` // a "chỉ tiêu chủ yếu"
	Position    int         `json:"position"`
	DocumentID  int64       `json:"document_id,omitempty"`
	ScopeUnitID int64       `json:"scope_unit_id,omitempty"` // whose targets these are: the province
	TermFirst   int         `json:"term_first,omitempty"`
	TermLast    int         `json:"term_last,omitempty"`
	Class       int         `json:"class"`
	Description string      `json:"description,omitempty"`
	CreatedAt   time.Time   `json:"created_at"`
	UpdatedAt   time.Time   `json:"updated_at"`

	// Filled by Get.
	DocumentTitle string   `json:"document_title,omitempty"`
	Targets       []Target `json:"targets,omitempty"`
}

// Target is the target of an indicator for a year or for the term, for the
// indicator's scope unit (UnitID 0) or for one unit.
type Target struct {
	ID        int64       `json:"id"`
	UnitID    int64       `json:"unit_id,omitempty"`
	Term      bool        `json:"term"`
	FirstYear int         `json:"first_year"`
	LastYear  int         `json:"last_year"`
	Value     vn.Decimal  `json:"value"`
	High      *vn.Decimal `json:"value_high,omitempty"` // range targets
	Note      string      `json:"note,omitempty"`
}

// Status says whether a value is an estimate or final.
type Status string

// The statuses of a value.
const (
	Estimate Status = "estimate" // "ước đạt"
	Final    Status = "final"
)

// Value is one version of the value of an indicator for a unit and a period.
type Value struct {
	ID          int64      `json:"id"`
	IndicatorID int64      `json:"indicator_id"`
	UnitID      int64      `json:"unit_id"`
	UnitName    string     `json:"unit_name,omitempty"`
	Period      Period     `json:"period"`
	Status      Status     `json:"status"`
	Value       vn.Decimal `json:"value"`
	Source      string     `json:"source,omitempty"`
	Note        string     `json:"note,omitempty"`
	Current     bool       `json:"current"`
	ImportID    int64      `json:"import_id,omitempty"`
	Class       int        `json:"class"`
	EnteredBy   int64      `json:"entered_by,omitempty"`
	EnteredName string     `json:"entered_by_name,omitempty"`
	EnteredAt   time.Time  `json:"entered_at"`
}

// periodDates are a period's days as stored.
func periodDates(p Period) (date.Date, date.Date) { return p.First(), p.Last() }
