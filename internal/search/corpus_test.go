package search_test

import (
	"context"
	"testing"

	"plenum/internal/access"
	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/clock/clocktest"
	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/db/dbtest"
	"plenum/internal/search"
)

// The shared Vietnamese test corpus: written for these tests (not taken
// from any portal), with the spellings search must see as one — accents or
// none, upper or lower case, "Đ"/"D", old and new tone placement
// ("Thuỷ"/"Thủy", "Hoà"/"Hòa") — and the symbols of both systems.

// Keys of the corpus records, as "entity id" strings in expectations.
const (
	dResolution13 = "document 1"  // Nghị quyết số 13-NQ/TW (2021)
	dPlan147      = "document 2"  // Kế hoạch số 147-KH/TU (2022), body mentions Hà Nội, đường
	dPlan147Old   = "document 3"  // Kế hoạch số 147-KH/TU (2019), replaced
	dRoadReport   = "document 4"  // Báo cáo … Đường Hồ Chí Minh (2020)
	dSecretPlan   = "document 5"  // Tối mật: Kế hoạch số 12-KH/TU, Sông Đà (2022)
	dIrrigation   = "document 6"  // Quyết định số 123/QĐ-UBND, thuỷ lợi (2021)
	dCouncil12    = "document 7"  // Nghị quyết số 12/2021/NQ-HĐND, thủy lợi phí
	dGuideline01  = "document 8"  // Hướng dẫn số 01-HD/BTGTU (2023)
	dTitleThuyLoi = "document 9"  // "thủy lợi" in the title (2023)
	dBodyThuyLoi  = "document 10" // "thủy lợi" in the body (2023)
	cFifth        = "conference 1"
	cSecret       = "conference 2" // Mật: Sông Đà
	pThuyOld      = "person 1"     // Nguyễn Thị Thuỷ
	pThuyNew      = "person 2"     // Trần Văn Thủy
	pDuong        = "person 3"     // Lê Văn Đường
	pHoa          = "person 4"     // Hoàng Thị Hòa
	uHoaBinh      = "unit 10"      // Tỉnh ủy Hòa Bình
	uHanoiUpper   = "unit 20"      // THÀNH ỦY HÀ NỘI
	uHanoiDept    = "unit 21"      // Sở Giao thông vận tải thành phố Hà Nội
)

func day(s string) date.Date { return date.MustParse(s) }

var corpus = []search.Entry{
	{Entity: "document", EntityID: 1, Title: "Nghị quyết số 13-NQ/TW về phát triển kinh tế vùng trung du và miền núi",
		Symbol: "13-NQ/TW", Kind: "resolution", Issuer: "Bộ Chính trị", Year: 2021, Status: "issued", Date: day("2021-05-10"),
		Body: "Bộ Chính trị thống nhất các mục tiêu đến năm 2030, tầm nhìn đến năm 2045.", URL: "/documents/1"},
	{Entity: "document", EntityID: 2, Title: "Kế hoạch số 147-KH/TU thực hiện Nghị quyết số 13-NQ/TW",
		Symbol: "147-KH/TU", Kind: "plan", Issuer: "Tỉnh ủy Hoà Bình", UnitID: 10, Year: 2022, Status: "issued", Date: day("2022-03-01"),
		Body: "Các cơ quan đóng tại Hà Nội phối hợp với tỉnh.\nƯu tiên nâng cấp đường giao thông liên xã.", URL: "/documents/2"},
	{Entity: "document", EntityID: 3, Title: "Kế hoạch số 147-KH/TU về công tác tuyên truyền",
		Symbol: "147-KH/TU", Kind: "plan", Issuer: "Tỉnh ủy Hòa Bình", UnitID: 10, Year: 2019, Status: "replaced", Date: day("2019-08-20"),
		Body: "Đẩy mạnh tuyên truyền trên báo chí.", URL: "/documents/3"},
	{Entity: "document", EntityID: 4, Title: "Báo cáo tình hình xây dựng Đường Hồ Chí Minh qua địa bàn tỉnh",
		Symbol: "52-BC/TU", Kind: "report", Issuer: "Tỉnh ủy Hoà Bình", UnitID: 10, Year: 2020, Status: "issued", Date: day("2020-11-02"),
		Body: "Tuyến ĐƯỜNG đi qua ba huyện miền núi.", URL: "/documents/4"},
	{Entity: "document", EntityID: 5, Class: 2, Title: "Kế hoạch số 12-KH/TU về bảo đảm an ninh tại Hà Nội",
		Symbol: "12-KH/TU", Kind: "plan", Issuer: "Ban Nội chính Tỉnh ủy", UnitID: 10, Year: 2022, Status: "issued", Date: day("2022-06-15"),
		Body: "Phương án Sông Đà được giữ bí mật tuyệt đối.", URL: "/documents/5"},
	{Entity: "document", EntityID: 6, Title: "Quyết định số 123/QĐ-UBND về công trình thuỷ lợi hồ Núi Cốc",
		Symbol: "123/QĐ-UBND", Kind: "decision", Issuer: "Ủy ban nhân dân tỉnh", UnitID: 11, Year: 2021, Status: "issued", Date: day("2021-04-01"),
		Body: "Nâng cấp hệ thống thủy lợi phục vụ sản xuất.", URL: "/documents/6"},
	{Entity: "document", EntityID: 7, Title: "Nghị quyết số 12/2021/NQ-HĐND về chính sách hỗ trợ thủy lợi phí",
		Symbol: "12/2021/NQ-HĐND", Kind: "resolution", Issuer: "Hội đồng nhân dân tỉnh", UnitID: 12, Year: 2021, Status: "issued", Date: day("2021-12-08"),
		URL: "/documents/7"},
	{Entity: "document", EntityID: 8, Title: "Hướng dẫn số 01-HD/BTGTU về học tập nghị quyết",
		Symbol: "01-HD/BTGTU", Kind: "guideline", Issuer: "Ban Tuyên giáo Tỉnh ủy", Year: 2023, Status: "issued", Date: day("2023-02-01"),
		URL: "/documents/8"},
	{Entity: "document", EntityID: 9, Title: "Báo cáo sơ kết công tác thủy lợi", Kind: "report", Issuer: "Sở Nông nghiệp",
		Year: 2023, Status: "issued", Date: day("2023-07-01"), Body: "Kết quả sáu tháng đầu năm.", URL: "/documents/9"},
	{Entity: "document", EntityID: 10, Title: "Báo cáo tổng kết năm", Kind: "report", Issuer: "Sở Nông nghiệp",
		Year: 2023, Status: "issued", Date: day("2023-07-01"), Body: "Trong năm, công tác thủy lợi được chú trọng.", URL: "/documents/10"},
	{Entity: "conference", EntityID: 1, Title: "Hội nghị lần thứ năm Ban Chấp hành Đảng bộ tỉnh khóa XVII",
		Kind: "regular", UnitID: 10, Year: 2022, Date: day("2022-02-20"),
		Body: "Hội nghị cho ý kiến vào dự thảo Kế hoạch số 147-KH/TU và bàn việc hợp tác với Hà Nội.", URL: "/conferences/1"},
	{Entity: "conference", EntityID: 2, Class: 1, Title: "Hội nghị Ban Thường vụ bàn phương án Sông Đà",
		Kind: "thematic", UnitID: 10, Year: 2022, Date: day("2022-06-01"), URL: "/conferences/2"},
	{Entity: "person", EntityID: 1, Title: "Nguyễn Thị Thuỷ", Body: "Phó Bí thư Tỉnh ủy Hoà Bình", UnitID: 10, URL: "/people/1"},
	{Entity: "person", EntityID: 2, Title: "Trần Văn Thủy", Body: "Giám đốc Sở Nông nghiệp", URL: "/people/2"},
	{Entity: "person", EntityID: 3, Title: "Lê Văn Đường", Body: "Chủ tịch Ủy ban nhân dân thành phố Hà Nội", URL: "/people/3"},
	{Entity: "person", EntityID: 4, Title: "Hoàng Thị Hòa", Body: "Trưởng ban Tuyên giáo", URL: "/people/4"},
	{Entity: "unit", EntityID: 10, Title: "Tỉnh ủy Hòa Bình", Body: "Tên trước đây: Tỉnh ủy Hà Sơn Bình", Kind: "party_committee",
		Status: "active", URL: "/org/units/10"},
	{Entity: "unit", EntityID: 20, Title: "THÀNH ỦY HÀ NỘI", Kind: "party_committee", Status: "active", URL: "/org/units/20"},
	{Entity: "unit", EntityID: 21, Title: "Sở Giao thông vận tải thành phố Hà Nội", Kind: "department", Status: "active", URL: "/org/units/21"},
}

// Viewers of the corpus. Grants on the classified records name the leader role.
var (
	reader       = access.Viewer{UserID: 1, Role: auth.RoleReader}
	editorTopSec = access.Viewer{UserID: 2, Role: auth.RoleEditor, Clearance: auth.ClassTuyetMat} // cleared, no need to know
	leader       = access.Viewer{UserID: 3, Role: auth.RoleLeader, Clearance: auth.ClassTuyetMat}
	leaderMat    = access.Viewer{UserID: 4, Role: auth.RoleLeader, Clearance: auth.ClassMat} // need to know, clearance for Mật only
)

type corpusEnv struct {
	ctx context.Context
	d   *db.DB
	ix  *search.Index
}

// loadCorpus indexes the corpus in a fresh database of the engine under test.
func loadCorpus(t testing.TB) corpusEnv {
	t.Helper()
	ctx := audit.WithActor(context.Background(), audit.Actor{Name: "test"})
	d := dbtest.New(t)
	ix := search.New(d, clocktest.New(t))
	grants := access.New(d, audit.New(d, clocktest.New(t)))
	err := d.Tx(ctx, func(ctx context.Context) error {
		for _, e := range corpus {
			if err := ix.Put(ctx, e); err != nil {
				return err
			}
			if e.Class > 0 {
				if err := grants.SetGrants(ctx, e.Entity, e.EntityID, e.Class, []access.Grant{{Role: auth.RoleLeader}}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return corpusEnv{ctx: ctx, d: d, ix: ix}
}
