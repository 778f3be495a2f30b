package demo

import "plenum/internal/people"

// The demo's people are invented. Their names are drawn in a fixed order
// from common family, middle and given names, so that they look Vietnamese
// and are the same on every load; realNames lists names of real provincial
// leaders of these provinces (from public news), which are never produced.

var (
	families = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương",
		"Lý", "Hà", "Nông", "Triệu", "Ma", "Lục", "Đinh", "Phan", "Trịnh", "Lương", "Tạ", "Mạc", "Âu", "Lâm", "Chu"}
	maleMiddles   = []string{"Văn", "Đức", "Minh", "Quốc", "Xuân", "Hữu", "Công", "Thế", "Mạnh", "Trọng", "Đình", "Ngọc", "Văn"}
	femaleMiddles = []string{"Thị", "Thu", "Thanh", "Ngọc", "Hồng", "Thị Thu", "Thị Kim", "Thị"}
	maleGiven     = []string{"An", "Bảo", "Cường", "Dũng", "Đạt", "Giang", "Hải", "Hiếu", "Hưng", "Khải", "Khoa", "Lâm",
		"Long", "Lực", "Nam", "Nghĩa", "Phong", "Quân", "Sơn", "Tài", "Thắng", "Thịnh", "Toàn", "Trung", "Tuấn", "Việt", "Vinh",
		"Bình", "Châu", "Định", "Hào", "Kiên", "Luân", "Mạnh", "Nhân", "Phát", "Quyết", "Tâm", "Uy"}
	femaleGiven = []string{"Anh", "Ánh", "Bích", "Diệp", "Dung", "Duyên", "Hà", "Hằng", "Hạnh", "Hiền", "Hoa", "Huyền",
		"Lan", "Liên", "Loan", "Mai", "Nga", "Ngân", "Nhung", "Oanh", "Phượng", "Quyên", "Thảo", "Thoa", "Trang", "Uyên", "Vân", "Yến"}
)

// realNames are never given to an invented person.
var realNames = map[string]bool{
	"Hoàng Duy Chinh": true, "Nguyễn Văn Du": true, "Đỗ Thị Minh Hoa": true, "Nguyễn Long Hải": true,
	"Phương Thị Thanh": true, "Trịnh Việt Hùng": true, "Nguyễn Thanh Hải": true, "Phạm Hoàng Sơn": true,
	"Đặng Quốc Khánh": true, "Nguyễn Mạnh Dũng": true, "Nguyễn Văn Sơn": true,
	"Thào Hồng Sơn": true, "Chẩu Văn Lâm": true, "Lê Thị Kim Dung": true,
	"Nguyễn Văn Được": true, "Nguyễn Văn Quyết": true, "Nguyễn Văn Út": true, "Nguyễn Thành Tâm": true,
	"Nguyễn Thanh Ngọc": true, "Trần Văn Chiến": true, "Hoàng Văn Thụ": true, "Phan Đình Phùng": true,
	"Nguyễn Thị Minh Khai": true, "Phùng Chí Kiên": true, "Trần Phú": true, "Nguyễn Trãi": true,
}

// namer hands out distinct invented names.
type namer struct {
	next int
	used map[string]bool
}

func newNamer() *namer { return &namer{used: map[string]bool{}} }

// person returns the next invented person; about one in four is a woman.
func (n *namer) person() people.PersonInput { return n.personOf("") }

// personOf returns the next invented person of gender g (any when empty).
func (n *namer) personOf(g people.Gender) people.PersonInput {
	for {
		i := n.next
		n.next++
		female := i%4 == 1
		if g != "" && female != (g == people.Female) {
			continue
		}
		h := mix(uint64(i))
		pick := func(list []string) string {
			s := list[h%uint64(len(list))]
			h /= uint64(len(list))
			return s
		}
		family := pick(families)
		var name string
		gender := people.Male
		if female {
			gender = people.Female
			name = family + " " + pick(femaleMiddles) + " " + pick(femaleGiven)
		} else {
			name = family + " " + pick(maleMiddles) + " " + pick(maleGiven)
		}
		if n.used[name] || realNames[name] {
			continue
		}
		n.used[name] = true
		return people.PersonInput{FullName: name, Gender: gender, BirthYear: 1964 + int(mix(uint64(i)+1000)%18),
			Note: "Nhân vật hư cấu trong dữ liệu minh họa."}
	}
}

// mix is SplitMix64's finaliser: a fixed, well-spread function of i, so that
// the names drawn look random but are the same on every load.
func mix(i uint64) uint64 {
	z := i + 0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}
