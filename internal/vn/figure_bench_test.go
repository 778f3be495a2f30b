package vn

import (
	"strings"
	"testing"
)

// benchReport is a paragraph in the style of a provincial report, written for
// the benchmark: dates, symbols, years, percents, money, ratios and counts.
var benchReport = strings.Repeat("Ngày 15/7/2024, Ban Thường vụ Tỉnh ủy họp, thực hiện Kế hoạch số 88-KH/TU. "+
	"Tăng trưởng 6 tháng ước đạt 6,25%, thu ngân sách đạt 2.150 tỷ đồng, bằng 58,3% dự toán; "+
	"thu nhập bình quân 52 triệu đồng/người/năm; có 14/22 chỉ tiêu đạt và vượt; "+
	"đón trên 1.250 nghìn lượt khách, tăng 12,5% so với cùng kỳ năm 2023. ", 8)

func BenchmarkFindFigures(b *testing.B) {
	b.SetBytes(int64(len(benchReport)))
	b.ReportAllocs()
	for b.Loop() {
		if len(FindFigures(benchReport)) == 0 {
			b.Fatal("no figures")
		}
	}
}

func BenchmarkParseNumber(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseNumber("1.234.567,89"); err != nil {
			b.Fatal(err)
		}
	}
}
