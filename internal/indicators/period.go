package indicators

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"plenum/internal/date"
	"plenum/internal/vn"
)

// PeriodKind is the kind of a reporting period.
type PeriodKind string

// The reporting periods, from the shortest. Half and nine are the first 6
// and 9 months of the year.
const (
	Month   PeriodKind = "month"
	Quarter PeriodKind = "quarter"
	Half    PeriodKind = "half"
	Nine    PeriodKind = "nine"
	Year    PeriodKind = "year"
)

// PeriodKinds lists the kinds from the shortest.
var PeriodKinds = []PeriodKind{Month, Quarter, Half, Nine, Year}

// rank orders the kinds by length.
func (k PeriodKind) rank() int {
	for i, x := range PeriodKinds {
		if x == k {
			return i
		}
	}
	return -1
}

// Valid reports whether k is a known kind.
func (k PeriodKind) Valid() bool { return k.rank() >= 0 }

// Period is a reporting period: a kind, a year and, for months and
// quarters, which one (1-12, 1-4).
type Period struct {
	Kind PeriodKind
	Year int
	N    int
}

// YearPeriod returns the year y.
func YearPeriod(y int) Period { return Period{Kind: Year, Year: y} }

// First is the period's first day.
func (p Period) First() date.Date {
	m := time.January
	switch p.Kind {
	case Month:
		m = time.Month(p.N)
	case Quarter:
		m = time.Month(3*p.N - 2)
	}
	return date.Date{Year: p.Year, Month: m, Day: 1}
}

// Months is the number of months the period covers.
func (p Period) Months() int {
	switch p.Kind {
	case Month:
		return 1
	case Quarter:
		return 3
	case Half:
		return 6
	case Nine:
		return 9
	}
	return 12
}

// Last is the period's last day.
func (p Period) Last() date.Date {
	return p.First().AddMonths(p.Months()).AddDays(-1)
}

// IsZero reports whether p is the zero period.
func (p Period) IsZero() bool { return p.Kind == "" }

// Previous is the same period of the year before ("cùng kỳ").
func (p Period) Previous() Period { p.Year--; return p }

// Label is the period as Vietnamese reports name it: "quý III/2025", "6
// tháng đầu năm 2025", "9 tháng năm 2025", "năm 2025", "tháng 3/2025".
func (p Period) Label() string {
	vk := map[PeriodKind]vn.PeriodKind{Month: vn.PeriodMonth, Quarter: vn.PeriodQuarter, Half: vn.PeriodHalfYear,
		Nine: vn.PeriodNineMonths, Year: vn.PeriodYear}[p.Kind]
	return vn.Period{Kind: vk, First: p.First(), Last: p.Last()}.Label()
}

// LabelIn names the period in lang.
func (p Period) LabelIn(lang string) string {
	if lang != "en" {
		return p.Label()
	}
	switch p.Kind {
	case Month:
		return fmt.Sprintf("%s %d", time.Month(p.N), p.Year)
	case Quarter:
		return fmt.Sprintf("Q%d %d", p.N, p.Year)
	case Half:
		return fmt.Sprintf("6 months %d", p.Year)
	case Nine:
		return fmt.Sprintf("9 months %d", p.Year)
	}
	return strconv.Itoa(p.Year)
}

// String is the period's code: "2025", "2025-Q3", "2025-6M", "2025-9M", "2025-03".
func (p Period) String() string {
	switch p.Kind {
	case Month:
		return fmt.Sprintf("%04d-%02d", p.Year, p.N)
	case Quarter:
		return fmt.Sprintf("%04d-Q%d", p.Year, p.N)
	case Half:
		return fmt.Sprintf("%04d-6M", p.Year)
	case Nine:
		return fmt.Sprintf("%04d-9M", p.Year)
	case Year:
		return strconv.Itoa(p.Year)
	}
	return ""
}

// MarshalText writes the code.
func (p Period) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText reads a code or a Vietnamese name (ParsePeriod).
func (p *Period) UnmarshalText(b []byte) error {
	q, err := ParsePeriod(string(b))
	if err != nil {
		return err
	}
	*p = q
	return nil
}

// ErrPeriod is returned for text that is not a reporting period.
var ErrPeriod = fmt.Errorf("indicators: not a reporting period (2025, 2025-Q3, 2025-6M, 2025-9M, 2025-03, quý III/2025, 6 tháng đầu năm 2025, 9 tháng năm 2025, năm 2025)")

// ParsePeriod reads a period by its code ("2025-Q3") or its Vietnamese name
// ("quý III/2025", "6 tháng đầu năm 2025", "9 tháng năm 2025", "năm 2025",
// "tháng 3/2025"). Periods that are not reporting periods here ("6 tháng
// cuối năm", a day, a term) are refused.
func ParsePeriod(s string) (Period, error) {
	s = strings.TrimSpace(s)
	if p, ok := parseCode(strings.ToUpper(s)); ok {
		return p, nil
	}
	vp, err := vn.ParsePeriod(s, date.Date{})
	if err != nil {
		return Period{}, ErrPeriod
	}
	y, m := vp.First.Year, int(vp.First.Month)
	switch {
	case vp.Kind == vn.PeriodMonth:
		return Period{Kind: Month, Year: y, N: m}, nil
	case vp.Kind == vn.PeriodQuarter:
		return Period{Kind: Quarter, Year: y, N: (m + 2) / 3}, nil
	case vp.Kind == vn.PeriodHalfYear && m == 1:
		return Period{Kind: Half, Year: y}, nil
	case vp.Kind == vn.PeriodNineMonths:
		return Period{Kind: Nine, Year: y}, nil
	case vp.Kind == vn.PeriodYear:
		return Period{Kind: Year, Year: y}, nil
	}
	return Period{}, ErrPeriod
}

func parseCode(s string) (Period, bool) {
	ys, rest, _ := strings.Cut(s, "-")
	y, err := strconv.Atoi(ys)
	if err != nil || len(ys) != 4 || y < 1900 || y > 2200 {
		return Period{}, false
	}
	switch {
	case rest == "" && !strings.Contains(s, "-"):
		return Period{Kind: Year, Year: y}, true
	case rest == "6M" || rest == "H1":
		return Period{Kind: Half, Year: y}, true
	case rest == "9M":
		return Period{Kind: Nine, Year: y}, true
	case len(rest) == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4':
		return Period{Kind: Quarter, Year: y, N: int(rest[1] - '0')}, true
	case len(rest) == 2:
		if m, err := strconv.Atoi(rest); err == nil && m >= 1 && m <= 12 {
			return Period{Kind: Month, Year: y, N: m}, true
		}
	}
	return Period{}, false
}

// periodOf rebuilds a period from its stored kind and first day.
func periodOf(kind PeriodKind, first date.Date) Period {
	p := Period{Kind: kind, Year: first.Year}
	switch kind {
	case Month:
		p.N = int(first.Month)
	case Quarter:
		p.N = (int(first.Month) + 2) / 3
	}
	return p
}

// PeriodsOfYear lists the reporting periods of year y allowed by
// periodicity, in the order a report sheet lists them.
func PeriodsOfYear(y int, periodicity PeriodKind) []Period {
	var out []Period
	if periodicity == Month {
		for m := 1; m <= 12; m++ {
			out = append(out, Period{Kind: Month, Year: y, N: m})
		}
	}
	if periodicity.rank() <= Quarter.rank() {
		for q := 1; q <= 4; q++ {
			out = append(out, Period{Kind: Quarter, Year: y, N: q})
		}
	}
	if periodicity.rank() <= Half.rank() {
		out = append(out, Period{Kind: Half, Year: y})
	}
	if periodicity.rank() <= Quarter.rank() {
		out = append(out, Period{Kind: Nine, Year: y})
	}
	return append(out, Period{Kind: Year, Year: y})
}

// allowed reports whether values for p may be given for an indicator of
// the periodicity: a period at least as long, and 9 months only for
// indicators given at least quarterly.
func allowed(p Period, periodicity PeriodKind) bool {
	if p.Kind == Nine {
		return periodicity.rank() <= Quarter.rank()
	}
	return p.Kind.rank() >= periodicity.rank()
}
