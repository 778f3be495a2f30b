package ingest_test

// Articles written for these tests, in the style of the provincial
// portals (headline, date line, lead, body, caption, byline, chrome); the
// names, figures and documents are invented.

// bacKan2021 reports the sixth conference of Bắc Kạn's Executive Committee,
// term XII, before the 2025 merger.
const bacKan2021 = `Trang chủ | Tin tức - Sự kiện
Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ sáu, khóa XII
Cập nhật: 12/10/2021
Sáng 12/10, Ban Chấp hành Đảng bộ tỉnh Bắc Kạn khóa XII, nhiệm kỳ 2020 - 2025 tổ chức Hội nghị lần thứ sáu để đánh giá kết quả 9 tháng và bàn nhiệm vụ những tháng cuối năm. Đồng chí Lục Văn Thử, Bí thư Tỉnh ủy, Trưởng Đoàn ĐBQH tỉnh chủ trì hội nghị. Cùng dự có đồng chí Đinh Thị Mẫu, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh và đồng chí Triệu Văn Hai, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh.
Theo báo cáo, tốc độ tăng trưởng kinh tế (GRDP) 9 tháng ước đạt 4,15%; thu ngân sách trên địa bàn đạt 520 tỷ đồng. Việc thực hiện Nghị quyết số 05-NQ/TU ngày 10/3/2021 của Tỉnh ủy và Chỉ thị số 27-CT/TW ngày 02/8/2021 của Ban Bí thư về tăng cường công tác dân vận có nhiều chuyển biến.
Kết luận hội nghị, đồng chí Bí thư Tỉnh ủy đề nghị các cấp ủy, tổ chức đảng tập trung lãnh đạo hoàn thành các chỉ tiêu năm 2021. Hội nghị giao Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan xây dựng kế hoạch tuyên truyền kết quả hội nghị, hoàn thành trước ngày 30/11/2021.
Quang cảnh hội nghị
Ngọc Anh
Tin cùng chuyên mục`

// thaiNguyen2025 reports a conference of the merged Thái Nguyên's
// Executive Committee, a term no one has recorded yet, held online.
const thaiNguyen2025 = `Hội nghị lần thứ hai Ban Chấp hành Đảng bộ tỉnh khóa XXI
Ngày đăng: 20/11/2025
Chiều 19/11, Ban Chấp hành Đảng bộ tỉnh Thái Nguyên khóa XXI, nhiệm kỳ 2025 - 2030 tổ chức Hội nghị lần thứ hai theo hình thức trực tuyến đến các điểm cầu xã, phường với trên 1.200 đại biểu dự. Đồng chí Lục Văn Thử, Phó Bí thư Tỉnh ủy chủ trì hội nghị.
Hội nghị thống nhất thông qua Chương trình làm việc toàn khóa của Ban Chấp hành Đảng bộ tỉnh.
Hải Yến`

// council2022 reports a session of Bắc Kạn's People's Council; its chair
// and a guest have posts nobody recorded.
const council2022 = `Khai mạc Kỳ họp thứ mười, HĐND tỉnh khóa X
Thứ Năm, 08/12/2022
Sáng 08/12, HĐND tỉnh Bắc Kạn khóa X, nhiệm kỳ 2021 - 2026 khai mạc Kỳ họp thứ mười. Đồng chí Đinh Thị Mẫu, Chủ tịch HĐND tỉnh chủ trì kỳ họp. Tham dự có đồng chí Hà Văn Khác, Giám đốc Sở Tài chính.
Tại kỳ họp, các đại biểu xem xét dự thảo Nghị quyết về dự toán ngân sách năm 2023. Năm 2022, thu ngân sách trên địa bàn ước đạt 610 tỷ đồng.
Thu Hà`
