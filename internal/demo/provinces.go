package demo

// The provinces of the demo, with their district-level units as they stood
// from 2016 to 2025 and a few of their communes. Province and district names
// are real; the communes are real names of the time, a small selection.
// Which communes merge on 2025-07-01 is simplified (see reform.go).

type province struct {
	key  string // code prefix: "bac-kan"
	name string // "Bắc Kạn"
	// into is the key of the province this one merged into on 2025-07-01
	// (Nghị quyết số 202/2025/QH15); empty for a province that continues.
	into      string
	districts []district
}

type district struct {
	kind     string // "thành phố", "thị xã", "huyện" as of 2016
	name     string
	renames  []districtRename
	communes []commune
}

// districtRename is a change of a district's status (huyện → thị xã), which
// renames its Party committee, People's Council and People's Committee.
type districtRename struct {
	on    string // effective date
	kind  string // the new kind
	basis string
	note  string
}

type commune struct {
	kind string // "phường", "xã", "thị trấn"
	name string
	// into names another commune of the same district that this one merged
	// into on 2025-07-01; empty if it continues.
	into string
}

func communes(kind string, names ...string) []commune {
	out := make([]commune, len(names))
	for i, n := range names {
		out[i] = commune{kind: kind, name: n}
	}
	return out
}

func huyen(names ...string) []district {
	out := make([]district, len(names))
	for i, n := range names {
		out[i] = district{kind: "huyện", name: n}
	}
	return out
}

const (
	basisThiXa  = "Nghị quyết của Ủy ban Thường vụ Quốc hội thành lập thị xã Hòa Thành, thị xã Trảng Bàng thuộc tỉnh Tây Ninh"
	basisPhoYen = "Nghị quyết số 469/NQ-UBTVQH15 ngày 15/02/2022 của Ủy ban Thường vụ Quốc hội thành lập các phường thuộc thị xã Phổ Yên và thành lập thành phố Phổ Yên, tỉnh Thái Nguyên"
	noteApprox  = "Dữ liệu minh họa: ngày hiệu lực là gần đúng."
)

var provinces = []province{
	{
		key: "bac-kan", name: "Bắc Kạn", into: "thai-nguyen",
		districts: append([]district{
			{kind: "thành phố", name: "Bắc Kạn", communes: []commune{
				{kind: "phường", name: "Đức Xuân"},
				{kind: "phường", name: "Nguyễn Thị Minh Khai", into: "Đức Xuân"},
				{kind: "phường", name: "Sông Cầu", into: "Đức Xuân"},
				{kind: "phường", name: "Phùng Chí Kiên"},
				{kind: "xã", name: "Dương Quang"},
				{kind: "xã", name: "Nông Thượng", into: "Dương Quang"},
			}},
			{kind: "huyện", name: "Ba Bể", communes: append(communes("thị trấn", "Chợ Rã"),
				commune{kind: "xã", name: "Nam Mẫu"},
				commune{kind: "xã", name: "Khang Ninh", into: "Nam Mẫu"},
				commune{kind: "xã", name: "Cao Thượng"},
				commune{kind: "xã", name: "Thượng Giáo"})},
		}, huyen("Bạch Thông", "Chợ Đồn", "Chợ Mới", "Na Rì", "Ngân Sơn", "Pác Nặm")...),
	},
	{
		key: "thai-nguyen", name: "Thái Nguyên",
		districts: append([]district{
			{kind: "thành phố", name: "Thái Nguyên", communes: []commune{
				{kind: "phường", name: "Phan Đình Phùng"},
				{kind: "phường", name: "Trưng Vương", into: "Phan Đình Phùng"},
				{kind: "phường", name: "Hoàng Văn Thụ", into: "Phan Đình Phùng"},
				{kind: "phường", name: "Quang Trung"},
				{kind: "phường", name: "Túc Duyên"},
				{kind: "phường", name: "Gia Sàng"},
			}},
			{kind: "thành phố", name: "Sông Công"},
			{kind: "thị xã", name: "Phổ Yên", renames: []districtRename{
				{on: "2022-04-10", kind: "thành phố", basis: basisPhoYen},
			}},
			{kind: "huyện", name: "Định Hóa", communes: append(communes("thị trấn", "Chợ Chu"),
				communes("xã", "Phú Đình", "Điềm Mặc", "Bảo Cường")...)},
		}, huyen("Đại Từ", "Đồng Hỷ", "Phú Bình", "Phú Lương", "Võ Nhai")...),
	},
	{
		key: "ha-giang", name: "Hà Giang", into: "tuyen-quang",
		districts: append([]district{
			{kind: "thành phố", name: "Hà Giang", communes: []commune{
				{kind: "phường", name: "Nguyễn Trãi"},
				{kind: "phường", name: "Minh Khai", into: "Nguyễn Trãi"},
				{kind: "phường", name: "Trần Phú", into: "Nguyễn Trãi"},
				{kind: "phường", name: "Quang Trung"},
				{kind: "phường", name: "Ngọc Hà"},
				{kind: "xã", name: "Phương Độ"},
			}},
			{kind: "huyện", name: "Đồng Văn", communes: append(communes("thị trấn", "Đồng Văn", "Phó Bảng"),
				communes("xã", "Lũng Cú", "Sà Phìn")...)},
		}, huyen("Bắc Mê", "Bắc Quang", "Hoàng Su Phì", "Mèo Vạc", "Quản Bạ", "Quang Bình", "Vị Xuyên", "Xín Mần", "Yên Minh")...),
	},
	{
		key: "tuyen-quang", name: "Tuyên Quang",
		districts: append([]district{
			{kind: "thành phố", name: "Tuyên Quang", communes: []commune{
				{kind: "phường", name: "Minh Xuân"},
				{kind: "phường", name: "Phan Thiết", into: "Minh Xuân"},
				{kind: "phường", name: "Tân Quang", into: "Minh Xuân"},
				{kind: "phường", name: "Ỷ La"},
				{kind: "phường", name: "Nông Tiến"},
			}},
			{kind: "huyện", name: "Na Hang", communes: append(communes("thị trấn", "Na Hang"),
				communes("xã", "Thanh Tương", "Năng Khả")...)},
		}, huyen("Chiêm Hóa", "Hàm Yên", "Lâm Bình", "Sơn Dương", "Yên Sơn")...),
	},
	{
		key: "long-an", name: "Long An", into: "tay-ninh",
		districts: append([]district{
			{kind: "thành phố", name: "Tân An", communes: []commune{
				{kind: "phường", name: "Khánh Hậu"},
				{kind: "phường", name: "Tân Khánh", into: "Khánh Hậu"},
				{kind: "xã", name: "Hướng Thọ Phú"},
				{kind: "xã", name: "Lợi Bình Nhơn"},
				{kind: "xã", name: "Nhơn Thạnh Trung"},
				{kind: "xã", name: "An Vĩnh Ngãi", into: "Nhơn Thạnh Trung"},
			}},
			{kind: "thị xã", name: "Kiến Tường"},
			{kind: "huyện", name: "Bến Lức", communes: append(communes("thị trấn", "Bến Lức"),
				communes("xã", "Thạnh Đức", "Nhựt Chánh")...)},
		}, huyen("Cần Đước", "Cần Giuộc", "Châu Thành", "Đức Hòa", "Đức Huệ", "Mộc Hóa", "Tân Hưng",
			"Tân Thạnh", "Tân Trụ", "Thạnh Hóa", "Thủ Thừa", "Vĩnh Hưng")...),
	},
	{
		key: "tay-ninh", name: "Tây Ninh",
		districts: append([]district{
			{kind: "thành phố", name: "Tây Ninh", communes: []commune{
				{kind: "phường", name: "Ninh Sơn"},
				{kind: "phường", name: "Hiệp Ninh", into: "Ninh Sơn"},
				{kind: "phường", name: "Ninh Thạnh"},
				{kind: "xã", name: "Bình Minh"},
				{kind: "xã", name: "Tân Bình"},
				{kind: "xã", name: "Thạnh Tân", into: "Tân Bình"},
			}},
			{kind: "huyện", name: "Hòa Thành", renames: []districtRename{
				{on: "2020-02-01", kind: "thị xã", basis: basisThiXa},
			}},
			{kind: "huyện", name: "Trảng Bàng", renames: []districtRename{
				{on: "2020-02-01", kind: "thị xã", basis: basisThiXa},
			}},
		}, huyen("Bến Cầu", "Châu Thành", "Dương Minh Châu", "Gò Dầu", "Tân Biên", "Tân Châu")...),
	},
}
