package vn

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"plenum/internal/date"
)

// Benchmarks. Run them on one core, as BENCHMARKS.md reports them:
//
//	go test ./internal/vn -run '^$' -bench . -benchmem -cpu 1

// benchArticle is portal-style Vietnamese written for the benchmarks: mixed
// case, old and new tone placement, a no-break space, numbers and dates.
var benchArticle = strings.Repeat(`Sáng 14/01/2022, Ban Chấp hành Đảng bộ tỉnh khoá XII tổ chức Hội nghị lần thứ tám để xem xét, cho ý kiến vào các báo cáo của Ban Thường vụ Tỉnh uỷ về kết quả lãnh đạo, chỉ đạo thực hiện nhiệm vụ năm 2021 và phương hướng, nhiệm vụ năm 2022.
Đồng chí Bí thư Tỉnh ủy chủ trì Hội nghị. Dự Hội nghị có các đồng chí Ủy viên Ban Thường vụ, Ủy viên Ban Chấp hành Đảng bộ tỉnh; lãnh đạo các sở, ban, ngành, đoàn thể và Thường trực các huyện uỷ, thành ủy.
Năm 2021, trong bối cảnh dịch bệnh diễn biến phức tạp, tỉnh đã hoàn thành 15/25 chỉ tiêu chủ yếu; tổng sản phẩm trên địa bàn (GRDP) tăng 5,67%, thu ngân sách đạt 2.664 tỷ đồng, vượt dự toán giao. Công tác xây dựng Đảng, xây dựng hệ thống chính trị được chú trọng; văn hoá - xã hội có chuyển biến tích cực, quốc phòng - an ninh được giữ vững.
Hội nghị thống nhất giao Văn phòng Tỉnh uỷ tiếp thu ý kiến, hoàn thiện dự thảo Nghị quyết, trình Hội nghị thông qua trước ngày 31/01/2022.
`, 16)

var benchNames = []string{
	"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Bình", "Phạm Thị Thu Hà", "Hoàng Duy Chinh",
	"Đặng Thị Thuý", "Vũ Quang Huy", "Bùi Thị Ánh Tuyết", "Đỗ Minh Đức", "Hồ Sỹ Hùng",
}

func BenchmarkFold(b *testing.B) {
	b.SetBytes(int64(len(benchArticle)))
	b.ReportAllocs()
	for b.Loop() {
		_ = Fold(benchArticle)
	}
}

func BenchmarkAppendFold(b *testing.B) {
	buf := make([]byte, 0, len(benchArticle))
	b.SetBytes(int64(len(benchArticle)))
	b.ReportAllocs()
	for b.Loop() {
		buf = AppendFold(buf[:0], benchArticle)
	}
}

// BenchmarkToLowerBaseline is the yardstick: lowering the same text with
// the standard library, which does much less than Fold.
func BenchmarkToLowerBaseline(b *testing.B) {
	b.SetBytes(int64(len(benchArticle)))
	b.ReportAllocs()
	for b.Loop() {
		_ = strings.ToLower(benchArticle)
	}
}

// BenchmarkTransformFoldBaseline folds with an x/text transform chain
// (NFD, drop marks, NFC, lower) as STACK.md §5 describes, without the "đ"
// mapping or space handling: what the hand-written tables replace.
func BenchmarkTransformFoldBaseline(b *testing.B) {
	b.SetBytes(int64(len(benchArticle)))
	b.ReportAllocs()
	for b.Loop() {
		t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
		s, _, _ := transform.String(t, benchArticle)
		_ = strings.ToLower(s)
	}
}

func BenchmarkNormalize(b *testing.B) {
	b.SetBytes(int64(len(benchArticle)))
	b.ReportAllocs()
	for b.Loop() {
		_ = Normalize(benchArticle)
	}
}

func BenchmarkKey(b *testing.B) {
	b.SetBytes(int64(len(benchArticle)))
	b.ReportAllocs()
	for b.Loop() {
		_ = Key(benchArticle)
	}
}

func BenchmarkSortKey(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_ = SortKey(benchNames[i%len(benchNames)])
	}
}

func BenchmarkCompare(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_ = Compare(benchNames[i%len(benchNames)], benchNames[(i+1)%len(benchNames)])
	}
}

func BenchmarkCompareNames(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_ = CompareNames(benchNames[i%len(benchNames)], benchNames[(i+1)%len(benchNames)])
	}
}

var benchDates = []string{"18/3/2002", "ngày 14 tháng 01 năm 2022", "Chiều 18/02", "04.12.2020"}

func BenchmarkParseDate(b *testing.B) {
	ref := date.MustParse("2022-02-20")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, _, err := ParseDate(benchDates[i%len(benchDates)], ref); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParsePeriod(b *testing.B) {
	ref := date.MustParse("2021-10-11")
	periods := []string{"quý I/2021", "6 tháng đầu năm 2021", "nhiệm kỳ 2020 - 2025", "tháng 3/2021"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := ParsePeriod(periods[i%len(periods)], ref); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFindPeriods(b *testing.B) {
	ref := date.MustParse("2022-01-14")
	b.SetBytes(int64(len(benchArticle)))
	b.ReportAllocs()
	for b.Loop() {
		_ = FindPeriods(benchArticle, ref)
	}
}

func BenchmarkFindOrdinals(b *testing.B) {
	b.SetBytes(int64(len(benchArticle)))
	b.ReportAllocs()
	for b.Loop() {
		_ = FindOrdinals(benchArticle)
	}
}
