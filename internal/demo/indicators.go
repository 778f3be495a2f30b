package demo

import (
	"context"
	"fmt"
	"math"
	"strconv"

	"plenum/internal/access"
	"plenum/internal/auth"
	"plenum/internal/date"
	"plenum/internal/documents"
	"plenum/internal/indicators"
	"plenum/internal/org"
	"plenum/internal/vn"
)

// The demo indicators: 25 main indicators of a provincial resolution for
// 2021–2025 (and a population indicator that weighs averages), set by an
// invented resolution of the Thái Nguyên Provincial Committee, with targets
// per year and for the term for each demo province, and values per quarter,
// 6 and 9 months and year from 2021 to the present: estimates first, then
// final figures. Bắc Kạn reports until the first half of 2025; from the 9
// months of 2025 Thái Nguyên reports for the merged province, and Bắc Kạn's
// earlier values roll up into Thái Nguyên's totals. The figures are
// invented: plausible in size, generated so that some targets are met and
// some are not (about seven in ten), the same on every run. Rates that are
// not additive have no figure for the merged province before the merger.

// demoIndicator is an indicator with how the demo invents its targets.
type demoIndicator struct {
	in    indicators.Input
	base  float64 // Thái Nguyên's 2021 target
	step  float64 // added each year
	term  float64 // the term target (0: none)
	scale bool    // totals (summed) that grow with the province's size
	round int     // decimals of the figures
}

func di(code, name, measure string, kind indicators.ValueKind, dir indicators.Direction, agg indicators.Aggregation,
	per indicators.PeriodKind, base, step, term float64, round int) demoIndicator {
	return demoIndicator{in: indicators.Input{Code: code, Name: name, Measure: measure, ValueKind: kind, Direction: dir,
		Aggregation: agg, Periodicity: per, Main: true}, base: base, step: step, term: term, round: round,
		scale: agg == indicators.Sum}
}

// demoIndicators are the catalogue, in the resolution's order.
func demoIndicators() []demoIndicator {
	const (
		pct, chg, cnt, amt, num = indicators.Percent, indicators.Change, indicators.Count, indicators.Amount, indicators.Number
		hi, lo, rng             = indicators.Higher, indicators.Lower, indicators.Range
		sum, avg, none          = indicators.Sum, indicators.WeightedAvg, indicators.NotAdditive
		q, y                    = indicators.Quarter, indicators.Year
	)
	list := []demoIndicator{
		di("CT01", "Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)", "%", chg, hi, avg, q, 7, 0.2, 7.5, 2),
		di("CT02", "Quy mô GRDP theo giá hiện hành", "tỷ đồng", amt, hi, sum, q, 120000, 9000, 165000, 0),
		di("CT03", "GRDP bình quân đầu người", "triệu đồng/người", amt, hi, avg, y, 95, 7, 125, 1),
		di("CT05", "Tỷ trọng công nghiệp - xây dựng trong GRDP", "%", pct, hi, none, y, 52, 0.5, 54, 1),
		di("CT06", "Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", amt, hi, sum, q, 15000, 1000, 85000, 0),
		di("CT07", "Kim ngạch xuất khẩu", "triệu USD", amt, hi, sum, q, 26000, 1500, 0, 0),
		di("CT08", "Tổng vốn đầu tư phát triển toàn xã hội", "tỷ đồng", amt, hi, sum, y, 40000, 3000, 230000, 0),
		di("CT09", "Số xã đạt chuẩn nông thôn mới (lũy kế)", "xã", cnt, hi, sum, y, 90, 8, 125, 0),
		di("CT10", "Tỷ lệ đô thị hóa", "%", pct, hi, none, y, 38, 1.5, 45, 1),
		di("CT11", "Số doanh nghiệp thành lập mới", "doanh nghiệp", cnt, hi, sum, q, 800, 50, 4500, 0),
		di("CT12", "Tốc độ tăng chỉ số giá tiêu dùng (CPI)", "%", chg, lo, none, q, 4, 0, 0, 2),
		di("CT13", "Tỷ lệ tăng dân số tự nhiên", "%", chg, rng, none, y, 0.9, 0, 0, 2),
		di("CT14", "Mức giảm tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều", "điểm %/năm", num, hi, none, y, 1.5, 0, 1.5, 2),
		di("CT15", "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều", "%", pct, lo, avg, y, 6, -1.2, 2, 2),
		di("CT16", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", pct, hi, avg, y, 94, 0.8, 97, 1),
		di("CT17", "Tỷ lệ lao động qua đào tạo", "%", pct, hi, avg, y, 68, 1.5, 75, 1),
		di("CT18", "Số lao động được tạo việc làm mới", "người", cnt, hi, sum, q, 16000, 500, 85000, 0),
		di("CT19", "Tỷ lệ trường học đạt chuẩn quốc gia", "%", pct, hi, none, y, 75, 2, 85, 1),
		di("CT20", "Số bác sĩ trên 1 vạn dân", "bác sĩ", amt, hi, none, y, 13, 0.5, 15, 1),
		di("CT21", "Số giường bệnh trên 1 vạn dân", "giường", amt, hi, none, y, 33, 0.5, 35, 1),
		di("CT22", "Tỷ lệ che phủ rừng", "%", pct, hi, none, y, 53, 0.3, 54.5, 1),
		di("CT23", "Tỷ lệ chất thải rắn đô thị được thu gom, xử lý", "%", pct, hi, none, y, 92, 1.5, 98, 1),
		di("CT24", "Tỷ lệ dân số nông thôn được sử dụng nước sạch hợp vệ sinh", "%", pct, hi, none, y, 95, 0.8, 98, 1),
		di("CT25", "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên", "%", pct, hi, none, y, 88, 0.5, 90, 1),
		di("CT26", "Số đảng viên mới kết nạp", "đảng viên", cnt, hi, sum, q, 2400, 0, 12000, 0),
	}
	for i := range list {
		x := &list[i]
		x.in.Position = i + 1
		switch x.in.Code {
		case "CT02", "CT06", "CT07", "CT08", "CT11", "CT18", "CT26":
			x.in.Cumulative = true
			x.in.TermRule = indicators.TermSum
		case "CT01", "CT14":
			x.in.TermRule = indicators.TermAverage
		default:
			x.in.TermRule = indicators.TermLast
		}
		if x.in.ValueKind == indicators.Percent {
			x.in.Tolerance = vn.NewDecimal(1, -1)
		}
		if x.in.Code == "CT02" || x.in.Code == "CT09" {
			x.in.TermRule = indicators.TermLast
		}
	}
	return list
}

// demo province sizes relative to Thái Nguyên, for amounts and counts.
var provinceSize = map[string]float64{
	"thai-nguyen": 1, "bac-kan": 0.18, "tuyen-quang": 0.45, "ha-giang": 0.35, "tay-ninh": 0.9, "long-an": 1.3,
}

// indLoader writes the demo indicators, keeping the first error.
type indLoader struct {
	ctx   context.Context
	as    auth.Principal
	s     *indicators.Store
	units *org.Store
	err   error
	step  string
	today date.Date
}

func (l *indLoader) fail(step string, err error) {
	if l.err == nil && err != nil {
		l.err, l.step = err, step
	}
}

func (l *indLoader) unit(code string) int64 {
	if l.err != nil {
		return 0
	}
	u, err := l.units.ByCode(l.ctx, code, Reform.AddDays(-1))
	l.fail("unit "+code, err)
	return u.ID
}

// LoadIndicators defines the demo indicators, their targets and values in a
// database holding the demo organisation and registry, as the committee
// office (as). It runs in one transaction and is deterministic for a given
// "today" (values are given for the periods begun by then).
func LoadIndicators(ctx context.Context, s *indicators.Store, docs *documents.Store, units *org.Store, acc *access.Store,
	as auth.Principal, tx func(context.Context, func(context.Context) error) error) error {
	return tx(ctx, func(ctx context.Context) error {
		l := &indLoader{ctx: ctx, as: as, s: s, units: units, today: s.Today()}
		tn := l.unit(provinceCode(provinceByKey("thai-nguyen"), "tu"))
		if l.err != nil {
			return fmt.Errorf("demo indicators: %s: %w", l.step, l.err)
		}
		doc, err := docs.Create(ctx, as, documents.Input{Kind: "resolution", Symbol: "01-NQ/TU", IssuerUnitID: tn, Place: "Thái Nguyên",
			IssuedOn: date.MustParse("2020-12-18"), Capacity: documents.OnBehalf, SignerTitle: "Bí thư",
			Title: "về phương hướng, nhiệm vụ phát triển kinh tế - xã hội 5 năm 2021–2025 và các chỉ tiêu chủ yếu (minh họa)"})
		if err != nil {
			return fmt.Errorf("demo indicators: resolution: %w", err)
		}
		l.load(tn, doc.ID, acc)
		if l.err != nil {
			return fmt.Errorf("demo indicators: %s: %w", l.step, l.err)
		}
		return nil
	})
}

func (l *indLoader) load(tn, docID int64, acc *access.Store) {
	population, err := l.s.Create(l.ctx, l.as, indicators.Input{Code: "CT04", Name: "Dân số trung bình", Measure: "nghìn người",
		ValueKind: indicators.Amount, Direction: indicators.Higher, Aggregation: indicators.Sum, Periodicity: indicators.Year,
		DocumentID: docID, ScopeUnitID: tn, TermFirst: 2021, TermLast: 2025, Position: 4,
		Description: "Quyền số của các chỉ tiêu bình quân theo dân số (minh họa)."})
	l.fail("CT04", err)
	defined := map[string]indicators.Indicator{}
	list := demoIndicators()
	// GRDP growth (CT01) is weighed by GRDP (CT02): define that first.
	list[0], list[1] = list[1], list[0]
	for _, x := range list {
		in := x.in
		in.DocumentID, in.ScopeUnitID, in.TermFirst, in.TermLast = docID, tn, 2021, 2025
		if in.Aggregation == indicators.WeightedAvg {
			in.WeightID = population.ID
			if in.Code == "CT01" {
				in.WeightID = defined["CT02"].ID
			}
		}
		if l.err != nil {
			return
		}
		ind, err := l.s.Create(l.ctx, l.as, in)
		l.fail(in.Code, err)
		defined[in.Code] = ind
	}
	secret, err := l.s.Create(l.ctx, l.as, indicators.Input{Code: "M01", Name: "Tỷ lệ hoàn thành chỉ tiêu tuyển quân (minh họa, Mật)",
		Measure: "%", ValueKind: indicators.Percent, Direction: indicators.Higher, Aggregation: indicators.NotAdditive,
		Periodicity: indicators.Year, ScopeUnitID: tn, Class: int(auth.ClassMat), Position: 90, ClassReason: "Số liệu quốc phòng"})
	l.fail("M01", err)
	if l.err == nil {
		l.fail("M01 grants", acc.SetGrants(l.ctx, indicators.Entity, secret.ID, secret.Class,
			[]access.Grant{{Role: auth.RoleLeader}, {Role: auth.RoleOffice}}))
	}
	for _, p := range provinces {
		l.province(p, population, defined)
	}
	l.target(secret, 0, 2024, 100)
	l.value(secret, tn, indicators.YearPeriod(2024), indicators.Final, 100, 0)
}

// series is the invented target and actual of an indicator for a province
// and year.
func series(x demoIndicator, key string, year int) (target, actual float64) {
	size := 1.0
	if x.scale {
		size = provinceSize[key]
	}
	target = (x.base + x.step*float64(year-2021)) * size
	if x.in.Code == "CT09" {
		target = (x.base + x.step*float64(year-2021)) * math.Sqrt(size)
	}
	// A deterministic draw per indicator, province and year: about seven in
	// ten targets met, the misses small.
	h := mix(uint64(len(key))*131 + uint64(year)*7919 + uint64(x.in.Position)*104729 + uint64(key[0]))
	r := float64(h%1000) / 1000
	better := 1.0
	if x.in.Direction == indicators.Lower {
		better = -1
	}
	switch {
	case x.in.Direction == indicators.Range:
		actual = target + (r-0.35)*0.4
	case r < 0.7:
		actual = target * (1 + better*0.01*(0.5+4*r))
	default:
		actual = target * (1 - better*0.01*(1+6*(r-0.7)))
	}
	if x.in.ValueKind == indicators.Percent {
		// A trend carried on for years (the demo runs in any year) stays a share.
		actual = min(max(actual, 0.1), 99.9)
		target = min(max(target, 0.1), 99.9)
	}
	return target, actual
}

// quarterShare is the part of a cumulative year's figure each quarter adds.
var quarterShare = [4]float64{0.2, 0.24, 0.26, 0.3}

func (l *indLoader) province(p province, population indicators.Indicator, defined map[string]indicators.Indicator) {
	unit := l.unit(provinceCode(p, "tu"))
	detailed := p.key == "thai-nguyen" || p.key == "bac-kan"
	pop := map[string]float64{"thai-nguyen": 1340, "bac-kan": 330, "tuyen-quang": 800, "ha-giang": 890, "tay-ninh": 1190, "long-an": 1730}[p.key]
	for year := 2021; year <= l.today.Year; year++ {
		if p.into != "" && year > Reform.Year {
			break
		}
		people := pop * (1 + 0.01*float64(year-2021))
		if p.key == "thai-nguyen" && year >= Reform.Year {
			people += 330 * (1 + 0.01*float64(year-2021))
		}
		l.yearValues(population, unit, year, people, 0, p.into != "" && year == Reform.Year)
		for _, x := range demoIndicators() {
			ind := defined[x.in.Code]
			target, actual := series(x, p.key, year)
			if p.key == "thai-nguyen" && year >= Reform.Year {
				// From the merger, Thái Nguyên's figures cover Bắc Kạn too.
				bt, ba := series(x, "bac-kan", year)
				target, actual = merged(x, target, bt, pop, 330), merged(x, actual, ba, pop, 330)
			}
			if year <= 2025 {
				l.target(ind, unitOrScope(p, unit), year, target)
			}
			if x.in.Periodicity == indicators.Quarter && detailed {
				l.subYear(x, ind, unit, year, actual, p.into != "" && year == Reform.Year)
			}
			if p.into == "" || year < Reform.Year {
				l.yearValues(ind, unit, year, actual, x.round, false)
			}
		}
		if p.key == "thai-nguyen" || p.key == "bac-kan" {
			// The finance department reports revenue for its own sector.
			if _, a := series(demoIndicators()[4], p.key, year); year <= l.today.Year && (p.into == "" || year < Reform.Year) {
				l.yearValues(defined["CT06"], l.unit(provinceCode(p, "so-tc")), year, a*0.92, 0, false)
			}
		}
	}
	for _, x := range demoIndicators() {
		if x.term != 0 && p.into == "" {
			size := 1.0
			if x.scale {
				size = provinceSize[p.key]
				if p.key == "thai-nguyen" {
					size += provinceSize["bac-kan"]
				}
			}
			l.target(defined[x.in.Code], unitOrScope(p, unit), 0, x.term*size)
		}
	}
}

// unitOrScope is 0 (the scope's own target) for Thái Nguyên, else the unit.
func unitOrScope(p province, unit int64) int64 {
	if p.key == "thai-nguyen" {
		return 0
	}
	return unit
}

// merged combines Thái Nguyên's and Bắc Kạn's figures as the indicator adds up.
func merged(x demoIndicator, a, b, wa, wb float64) float64 {
	switch x.in.Aggregation {
	case indicators.Sum:
		return a + b
	case indicators.WeightedAvg:
		return (a*wa + b*wb) / (wa + wb)
	}
	return (a*wa + b*wb) / (wa + wb) // a province-wide rate recomputed for the merged province
}

// subYear enters a quarterly indicator's quarters, 6 and 9 months of a year.
func (l *indLoader) subYear(x demoIndicator, ind indicators.Indicator, unit int64, year int, actual float64, firstHalfOnly bool) {
	cum := 0.0
	for q := 1; q <= 4; q++ {
		p := indicators.Period{Kind: indicators.Quarter, Year: year, N: q}
		v := actual * (1 + 0.03*float64(q-2)/2)
		if x.in.Cumulative {
			v = actual * quarterShare[q-1]
		}
		cum += v
		if firstHalfOnly && q > 2 {
			return
		}
		l.periodValue(ind, unit, p, v, x.round)
		switch {
		case q == 2:
			l.periodValue(ind, unit, indicators.Period{Kind: indicators.Half, Year: year}, ifCum(x, cum, actual*0.99), x.round)
		case q == 3:
			l.periodValue(ind, unit, indicators.Period{Kind: indicators.Nine, Year: year}, ifCum(x, cum, actual*0.995), x.round)
		}
	}
}

func ifCum(x demoIndicator, cum, level float64) float64 {
	if x.in.Cumulative {
		return cum
	}
	return level
}

// periodValue enters a value for a period begun by today: final once the
// period is over, after an estimate entered near its end; an estimate for a
// period still running.
func (l *indLoader) periodValue(ind indicators.Indicator, unit int64, p indicators.Period, v float64, round int) {
	if p.First().After(l.today) {
		return
	}
	if !p.Last().Before(l.today) {
		l.value(ind, unit, p, indicators.Estimate, v*0.99, round)
		return
	}
	if p.Kind == indicators.Nine || p.Kind == indicators.Year {
		l.value(ind, unit, p, indicators.Estimate, v*0.985, round)
	}
	l.value(ind, unit, p, indicators.Final, v, round)
}

func (l *indLoader) yearValues(ind indicators.Indicator, unit int64, year int, v float64, round int, skip bool) {
	if skip {
		return
	}
	l.periodValue(ind, unit, indicators.YearPeriod(year), v, round)
}

func (l *indLoader) value(ind indicators.Indicator, unit int64, p indicators.Period, st indicators.Status, v float64, round int) {
	if l.err != nil || ind.ID == 0 || unit == 0 {
		return
	}
	if ind.ValueKind == indicators.Percent {
		v = math.Min(v, 100)
	}
	_, err := l.s.Enter(l.ctx, l.as, indicators.ValueInput{IndicatorID: ind.ID, UnitID: unit, Period: p, Status: st,
		Value: decimalOf(v, round), Source: "Cục Thống kê tỉnh (số liệu minh họa)"})
	l.fail(fmt.Sprintf("%s %d %s", ind.Code, unit, p), err)
}

func (l *indLoader) target(ind indicators.Indicator, unit int64, year int, v float64) {
	if l.err != nil || ind.ID == 0 {
		return
	}
	in := indicators.TargetInput{UnitID: unit, Year: year, Term: year == 0, Value: decimalOf(v, 2)}
	if ind.Direction == indicators.Range {
		lo, hi := decimalOf(v-0.1, 2), decimalOf(v+0.1, 2)
		in.Value, in.High = lo, &hi
	}
	if ind.ValueKind == indicators.Count {
		in.Value = decimalOf(v, 0)
	}
	_, err := l.s.SetTarget(l.ctx, l.as, ind.ID, in)
	l.fail(fmt.Sprintf("target %s %d %d", ind.Code, unit, year), err)
}

// decimalOf rounds v to round decimals.
func decimalOf(v float64, round int) vn.Decimal {
	var d vn.Decimal
	_ = d.UnmarshalJSON([]byte(strconv.FormatFloat(v, 'f', round, 64)))
	return d
}
