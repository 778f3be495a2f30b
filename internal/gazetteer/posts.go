package gazetteer

// The vocabulary of posts: how Vietnamese news writes who holds which office.
// A post is a title ("Phó Bí thư", "Giám đốc") followed by the organisation
// it is held in ("Tỉnh ủy", "Sở Y tế"), optionally its level ("tỉnh",
// "huyện") and a place name. The extractor's grammar of posts is built on
// these lists; they are written in the modern tone placement and compared
// through Key.

// Titles are the heads that start a post, longest forms first where one is a
// prefix of another does not matter: the matcher takes the longest match.
var Titles = []string{
	// Party
	"Tổng Bí thư", "Bí thư", "Phó Bí thư", "Thường trực Ban Bí thư",
	"Ủy viên", "Ủy viên dự khuyết", "Ủy viên Thường trực", "Ủy viên Thường vụ",
	"Chủ nhiệm", "Phó Chủ nhiệm", "Trưởng", "Phó Trưởng", "Trưởng ban", "Phó Trưởng ban",
	"Chánh Văn phòng", "Phó Chánh Văn phòng", "Bí thư Thường trực",
	"Tỉnh ủy viên", "Thành ủy viên", "Huyện ủy viên", "Thị ủy viên", "Quận ủy viên", "Đảng ủy viên",
	// State
	"Chủ tịch", "Phó Chủ tịch", "Chủ tịch nước", "Phó Chủ tịch nước",
	"Thủ tướng", "Phó Thủ tướng", "Bộ trưởng", "Thứ trưởng", "Tổng Kiểm toán",
	"Giám đốc", "Phó Giám đốc", "Tổng Giám đốc", "Phó Tổng Giám đốc",
	"Chánh Thanh tra", "Phó Chánh Thanh tra", "Chánh án", "Phó Chánh án",
	"Viện trưởng", "Phó Viện trưởng", "Tổng cục trưởng", "Phó Tổng cục trưởng",
	"Cục trưởng", "Phó Cục trưởng", "Chi cục trưởng", "Vụ trưởng", "Phó Vụ trưởng",
	"Trưởng phòng", "Phó Trưởng phòng", "Tổng Thư ký", "Phó Tổng Thư ký",
	"Đại biểu Quốc hội", "Đại biểu HĐND", "Đại biểu Hội đồng nhân dân",
	"Hiệu trưởng", "Phó Hiệu trưởng", "Tổng Biên tập", "Phó Tổng Biên tập", "Thư ký",
	"Phó Chi cục trưởng", "Phó Tham mưu trưởng",
	// Armed forces and police
	"Tư lệnh", "Phó Tư lệnh", "Chính ủy", "Phó Chính ủy", "Chỉ huy trưởng",
	"Phó Chỉ huy trưởng", "Tham mưu trưởng", "Chủ nhiệm Chính trị",
}

// TitlePrefixes may stand before a title and belong to the post as written:
// "nguyên Bí thư Tỉnh ủy" (former), "Quyền Giám đốc" (acting).
var TitlePrefixes = []string{"nguyên", "Nguyên", "Quyền", "quyền"}

// Bodies are the organisations posts are held in and meetings are held by,
// written as news writes them, abbreviations included. The matcher also
// accepts them followed by a level word (LevelWords) and a place name.
var Bodies = []string{
	// Party, central
	"Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương", "BCH Trung ương Đảng",
	"BCH Trung ương", "BCH TW", "Trung ương Đảng", "Trung ương", "Bộ Chính trị", "Ban Bí thư",
	"Ban Tổ chức Trung ương", "Ban Tuyên giáo Trung ương", "Ban Dân vận Trung ương",
	"Ban Nội chính Trung ương", "Ban Kinh tế Trung ương", "Ban Đối ngoại Trung ương",
	"Ban Tuyên giáo và Dân vận Trung ương", "Ban Chính sách, chiến lược Trung ương",
	"Ủy ban Kiểm tra Trung ương", "Văn phòng Trung ương Đảng",
	"Đảng ủy Quân sự Trung ương", "Đảng ủy Công an Trung ương",
	// Party, local
	"Ban Chấp hành Đảng bộ", "BCH Đảng bộ", "Ban Chấp hành", "BCH", "Ban Thường vụ", "BTV",
	"Thường trực", "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Thị ủy", "Quận ủy", "Đảng ủy",
	"Đảng ủy Khối", "Đảng ủy Khối các cơ quan", "Đảng ủy Khối Doanh nghiệp", "Đảng bộ", "Đảng đoàn", "Ban Cán sự đảng", "Ban cán sự đảng", "Chi bộ",
	"Ban Tổ chức", "Ban Tuyên giáo", "Ban Dân vận", "Ban Nội chính", "Ban Kinh tế",
	"Ban Tuyên giáo và Dân vận", "Ban Bảo vệ, chăm sóc sức khỏe cán bộ",
	"Ủy ban Kiểm tra", "UBKT", "Văn phòng", "Trường Chính trị",
	// State
	"Quốc hội", "Ủy ban Thường vụ Quốc hội", "Đoàn ĐBQH", "Đoàn đại biểu Quốc hội",
	"Hội đồng Dân tộc", "Chính phủ", "Nhà nước", "Kiểm toán Nhà nước",
	"HĐND", "Hội đồng nhân dân", "UBND", "Ủy ban nhân dân",
	"Ban Kinh tế - Ngân sách", "Ban Văn hóa - Xã hội", "Ban Pháp chế", "Ban Dân tộc",
	"Ban Đô thị", "Văn phòng Đoàn ĐBQH và HĐND", "Văn phòng UBND", "Văn phòng HĐND",
	"Tòa án nhân dân", "TAND", "Viện Kiểm sát nhân dân", "VKSND", "Thanh tra", "Kho bạc Nhà nước",
	"Cục Thuế", "Cục Hải quan", "Cục Thống kê", "Ngân hàng Nhà nước", "Bảo hiểm xã hội",
	"Ban Quản lý các khu công nghiệp", "Ban Quản lý Khu kinh tế",
	"Đài Phát thanh và Truyền hình", "Báo",
	// Front and mass organisations
	"Ủy ban MTTQ Việt Nam", "Ủy ban MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam",
	"Ủy ban Mặt trận Tổ quốc", "MTTQ Việt Nam", "MTTQ", "Mặt trận Tổ quốc Việt Nam",
	"Hội Nông dân", "Hội Liên hiệp Phụ nữ", "Hội LHPN", "Hội Cựu chiến binh",
	"Liên đoàn Lao động", "Tỉnh đoàn", "Thành đoàn", "Huyện đoàn",
	"Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn Thanh niên", "Liên minh Hợp tác xã", "Hội Chữ thập đỏ",
	"Liên hiệp các Hội Khoa học và Kỹ thuật", "Liên hiệp các tổ chức hữu nghị",
	// Armed forces and police
	"Bộ Chỉ huy Quân sự", "Bộ CHQS", "Bộ Chỉ huy Bộ đội Biên phòng", "Bộ đội Biên phòng",
	"Công an", "Quân khu", "Bộ Tư lệnh",
}

// Departments are the specialised organs: departments (Sở) of a province,
// ministries (Bộ) of the Government, and the committees of the National
// Assembly, before and after the 2025 mergers. Several carry a comma or a
// dash inside the name, which must not split a post.
var Departments = []string{
	"Nội vụ", "Tư pháp", "Kế hoạch và Đầu tư", "Tài chính", "Công Thương", "Công thương",
	"Nông nghiệp và Phát triển nông thôn", "Nông nghiệp và Môi trường",
	"Giao thông vận tải", "Giao thông Vận tải", "Xây dựng", "Tài nguyên và Môi trường",
	"Thông tin và Truyền thông", "Lao động - Thương binh và Xã hội",
	"Văn hóa, Thể thao và Du lịch", "Văn hóa và Thể thao", "Văn hóa, Thể thao",
	"Du lịch", "Khoa học và Công nghệ", "Giáo dục và Đào tạo", "Y tế", "Ngoại vụ",
	"Dân tộc và Tôn giáo", "Quốc phòng", "Công an", "Ngoại giao",
}

// DepartmentHeads are the nouns that take a name from Departments: "Sở Y tế",
// "Bộ Tài chính".
var DepartmentHeads = []string{"Sở", "Bộ"}

// OrganisationHeads start the name of an organisation that is not in Bodies
// ("Hội Doanh nhân trẻ", "Trung tâm Y tế huyện"); the name runs on while its
// words are capitalised or continue a capitalised word.
var OrganisationHeads = []string{
	"Ban", "Sở", "Bộ", "Ủy ban", "Hội", "Văn phòng", "Trường", "Báo", "Đài", "Cục", "Chi cục",
	"Tổng cục", "Vụ", "Viện", "Học viện", "Trung tâm", "Công ty", "Tổng công ty", "Tập đoàn",
	"Ngân hàng", "Kho bạc", "Bệnh viện", "Đại học", "Khu", "Liên đoàn", "Liên minh", "Đoàn",
	"Phòng", "Hội đồng", "Tòa án", "Bộ Chỉ huy", "Bộ Tư lệnh", "Chi nhánh", "Hợp tác xã",
	"Đảng ủy", "Chi bộ", "Ủy ban Kiểm tra",
}

// LevelWords name the level of an organ after its name: "HĐND tỉnh",
// "Huyện ủy Chiêm Hóa", "Ban Chấp hành Đảng bộ huyện".
var LevelWords = []string{
	"tỉnh", "thành phố", "huyện", "thị xã", "quận", "xã", "phường", "thị trấn", "đặc khu",
	"Trung ương", "khóa", "Việt Nam", "Khối", "cơ sở",
	// qualifiers written after a title or body in lower case
	"thường trực", "dự khuyết", "chuyên trách",
}

// Surnames are Vietnamese family names, the Kinh ones and the common ones of
// the northern and central highland peoples. A capitalised run of two to
// five syllables that starts with one of them reads as a person's name.
var Surnames = []string{
	"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
	"Hồ", "Ngô", "Dương", "Lý", "Đào", "Đoàn", "Vương", "Trịnh", "Trương", "Lâm", "Phùng", "Mai",
	"Tô", "Tạ", "Hà", "Lưu", "Lương", "Đinh", "Đàm", "Kiều", "Cao", "Chu", "Châu", "Quách",
	"Thái", "Tăng", "Từ", "Văn", "Viên", "Vi", "Nông", "Triệu", "Lục", "Hầu", "Ma", "Chẩu", "Lò",
	"Lường", "Quàng", "Cầm", "Sầm", "Giàng", "Sùng", "Thào", "Vàng", "Mùa", "Lầu", "Hứa", "Lã",
	"La", "Khổng", "Mạc", "Mạch", "Âu", "Ông", "Bế", "Nghiêm", "Doãn", "Thân", "Tống", "Khúc",
	"Diệp", "Giáp", "Ninh", "Lạc", "Khương", "Bạch", "Kim", "Yên", "Thạch", "Danh", "Y", "H'",
	"Điểu", "Rơ", "Siu", "Ksor", "Rah", "Kpă", "Nay", "Bàn", "Phương", "Chử", "Công", "Hàn",
	"Lại", "Mẫn", "Nhữ", "Ôn", "Phí", "Quan", "Tiêu", "Tôn", "Trình", "Ứng", "Vưu", "Chung",
	"Đồng", "Lộc", "Lữ", "Tòng", "Hờ", "Vừ", "Cứ", "Chảo", "Tẩn", "Sơn", "Sa", "Dư", "Ngọ",
	"Bạc", "Đậu", "Cù", "Kha", "Tiết", "Ưng", "Nịnh", "Má", "Xa", "Bá", "Trầm", "Lù", "Mã", "Hạng",
}

// HonorificsBeforeName introduce a person: "đồng chí", "ông", "bà", and the
// military and academic ranks written before a name.
var HonorificsBeforeName = []string{
	"đồng chí", "Đồng chí", "các đồng chí", "Các đồng chí", "đ/c", "Đ/c", "ông", "Ông", "bà", "Bà",
	"Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá", "Thượng tá", "Trung tá",
	"Thiếu tá", "Đại úy", "GS", "PGS", "TS", "ThS", "GS.TS", "PGS.TS", "TS.", "ThS.", "PGS.TS.", "GS.TS.",
	"Luật sư", "Bác sĩ", "Nhà giáo", "Nghệ sĩ",
}
