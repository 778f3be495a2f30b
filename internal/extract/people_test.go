package extract

import (
	"reflect"
	"strings"
	"testing"
)

// The sentences are written for these tests; none comes from the corpus.
func TestPeople(t *testing.T) {
	type person struct {
		name  string
		posts []string
	}
	tests := []struct {
		name   string
		text   string
		people []person
		chairs []string
	}{
		{
			name: "list with dashes chairing",
			text: "Các đồng chí: Trần Minh Khoa - Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy; Lê Thu Hà - Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh đồng chủ trì Hội nghị.",
			people: []person{
				{"Trần Minh Khoa", []string{"Ủy viên Ban Chấp hành Trung ương Đảng", "Bí thư Tỉnh ủy"}},
				{"Lê Thu Hà", []string{"Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch HĐND tỉnh"}},
			},
			chairs: []string{"Trần Minh Khoa", "Lê Thu Hà"},
		},
		{
			name: "posts before the name",
			text: "Phó Chủ tịch UBND tỉnh Vũ Đình Nam phát biểu tại buổi làm việc.",
			people: []person{
				{"Vũ Đình Nam", []string{"Phó Chủ tịch UBND tỉnh"}},
			},
		},
		{
			name: "comrade, comma and kiêm",
			text: "Dự hội nghị có đồng chí Đỗ Quang Huy, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy kiêm Trưởng Ban Nội chính Tỉnh ủy.",
			people: []person{
				{"Đỗ Quang Huy", []string{"Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Tổ chức Tỉnh ủy", "Trưởng Ban Nội chính Tỉnh ủy"}},
			},
		},
		{
			name: "department with a comma in its name",
			text: "Bà Phan Thị Yến, Giám đốc Sở Văn hóa, Thể thao và Du lịch, báo cáo kết quả.",
			people: []person{
				{"Phan Thị Yến", []string{"Giám đốc Sở Văn hóa, Thể thao và Du lịch"}},
			},
		},
		{
			name: "committee with a dash in its name",
			text: "Ông Hồ Văn Lực - Trưởng Ban Kinh tế - Ngân sách HĐND tỉnh trình bày tờ trình.",
			people: []person{
				{"Hồ Văn Lực", []string{"Trưởng Ban Kinh tế - Ngân sách HĐND tỉnh"}},
			},
		},
		{
			name: "district place after the level word",
			text: "Tại điểm cầu có đồng chí Nông Văn Tiến, Bí thư Huyện ủy Chiêm Hóa; Ma Thị Lan, Chủ tịch UBND huyện.",
			people: []person{
				{"Nông Văn Tiến", []string{"Bí thư Huyện ủy Chiêm Hóa"}},
				{"Ma Thị Lan", []string{"Chủ tịch UBND huyện"}},
			},
		},
		{
			name: "chair after the opener",
			text: "Chủ trì kỳ họp có các đồng chí: Lò Văn Sinh, Chủ tịch HĐND tỉnh; Quàng Thị Mai, Phó Chủ tịch HĐND tỉnh. Cùng dự có ông Bùi Văn Tâm, Giám đốc Sở Tài chính.",
			people: []person{
				{"Lò Văn Sinh", []string{"Chủ tịch HĐND tỉnh"}},
				{"Quàng Thị Mai", []string{"Phó Chủ tịch HĐND tỉnh"}},
				{"Bùi Văn Tâm", []string{"Giám đốc Sở Tài chính"}},
			},
			chairs: []string{"Lò Văn Sinh", "Quàng Thị Mai"},
		},
		{
			name: "the presidium of a congress",
			text: "Đoàn Chủ tịch Đại hội gồm các đồng chí: Lê Văn Hòa, Bí thư Huyện ủy; Đào Thị Mơ, Phó Bí thư Thường trực Huyện ủy.",
			people: []person{
				{"Lê Văn Hòa", []string{"Bí thư Huyện ủy"}},
				{"Đào Thị Mơ", []string{"Phó Bí thư Thường trực Huyện ủy"}},
			},
			chairs: []string{"Lê Văn Hòa", "Đào Thị Mơ"},
		},
		{
			name: "unit leading a task is not a chair",
			text: "Giao Sở Y tế chủ trì, phối hợp với các đơn vị. Đồng chí Bí thư Tỉnh ủy yêu cầu khẩn trương thực hiện.",
		},
		{
			name: "lower-case delegation, post of a body of the Assembly",
			text: "Tới dự có đồng chí Y Thanh Hà Niê Kđăm, Ủy viên Trung ương Đảng, Chủ tịch Hội đồng Dân tộc của Quốc hội; đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy, Trưởng đoàn ĐBQH tỉnh.",
			people: []person{
				{"Y Thanh Hà Niê Kđăm", []string{"Ủy viên Trung ương Đảng", "Chủ tịch Hội đồng Dân tộc của Quốc hội"}},
				{"Nguyễn Văn An", []string{"Bí thư Tỉnh ủy", "Trưởng đoàn ĐBQH tỉnh"}},
			},
		},
		{
			name: "post in parentheses, rank before the name, commune after its level",
			text: "Ông Trần Công (Giám đốc Sở Y tế) cho biết tình hình. Thiếu tướng Trần Khánh, Giám đốc Công an tỉnh báo cáo. Đồng chí Hoàng Văn Giang - Bí thư Đảng ủy xã Tân Lập - phát biểu.",
			people: []person{
				{"Trần Công", []string{"Giám đốc Sở Y tế"}},
				{"Trần Khánh", []string{"Giám đốc Công an tỉnh"}},
				{"Hoàng Văn Giang", []string{"Bí thư Đảng ủy xã Tân Lập"}},
			},
		},
		{
			name: "two people joined by và, posts before names",
			text: "Chủ tịch UBND tỉnh Nguyễn Văn Thi và Phó Chủ tịch UBND tỉnh Lê Ngọc Châu dự hội nghị.",
			people: []person{
				{"Nguyễn Văn Thi", []string{"Chủ tịch UBND tỉnh"}},
				{"Lê Ngọc Châu", []string{"Phó Chủ tịch UBND tỉnh"}},
			},
		},
		{
			name: "a commune that starts like a surname",
			text: "Đồng chí Lù Văn Páo, Bí thư Đảng ủy xã Hà Hiệu, phát biểu. Bí thư Đảng ủy xã Tân Lập Nguyễn Thị Hoa báo cáo.",
			people: []person{
				{"Lù Văn Páo", []string{"Bí thư Đảng ủy xã Hà Hiệu"}},
				{"Nguyễn Thị Hoa", []string{"Bí thư Đảng ủy xã Tân Lập"}},
			},
		},
		{
			name: "one post shared by a list of names, chairing",
			text: "Đồng chí Hứa Minh Tâm, Chủ tịch HĐND tỉnh; các Phó Chủ tịch HĐND tỉnh: Lương Văn Bảo, Đậu Thị Thanh và Cù Văn Hải điều hành phiên thảo luận và chủ trì kỳ họp.",
			people: []person{
				{"Hứa Minh Tâm", []string{"Chủ tịch HĐND tỉnh"}},
				{"Lương Văn Bảo", []string{"Phó Chủ tịch HĐND tỉnh"}},
				{"Đậu Thị Thanh", []string{"Phó Chủ tịch HĐND tỉnh"}},
				{"Cù Văn Hải", []string{"Phó Chủ tịch HĐND tỉnh"}},
			},
			chairs: []string{"Hứa Minh Tâm", "Lương Văn Bảo", "Đậu Thị Thanh", "Cù Văn Hải"},
		},
		{
			name: "Ông as a surname after đồng chí, ông as Mr elsewhere",
			text: "Đến dự có đồng chí Ông Thị Hồng Nhung, Phó Chủ tịch UBND tỉnh. Ông Phí Văn Lộc, Giám đốc Sở Xây dựng cho biết tiến độ.",
			people: []person{
				{"Ông Thị Hồng Nhung", []string{"Phó Chủ tịch UBND tỉnh"}},
				{"Phí Văn Lộc", []string{"Giám đốc Sở Xây dựng"}},
			},
		},
		{
			name: "co-chairs opening with Cùng chủ trì",
			text: "Cùng chủ trì có đồng chí Nịnh Văn Quý, Phó Bí thư Tỉnh ủy và đồng chí Má Thị Dua, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh.",
			people: []person{
				{"Nịnh Văn Quý", []string{"Phó Bí thư Tỉnh ủy"}},
				{"Má Thị Dua", []string{"Chủ tịch Ủy ban MTTQ Việt Nam tỉnh"}},
			},
			chairs: []string{"Nịnh Văn Quý", "Má Thị Dua"},
		},
		{
			name: "academic title and a deputy head of a school",
			text: "Theo ThS. Trầm Ngọc Bích, Phó Hiệu trưởng Trường Chính trị tỉnh, việc học tập nghị quyết cần gắn với thực tiễn.",
			people: []person{
				{"Trầm Ngọc Bích", []string{"Phó Hiệu trưởng Trường Chính trị tỉnh"}},
			},
		},
		{
			name: "former post",
			text: "Đồng chí Triệu Đức Long, nguyên Bí thư Tỉnh ủy, đã dự buổi gặp mặt.",
			people: []person{
				{"Triệu Đức Long", []string{"nguyên Bí thư Tỉnh ủy"}},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := Extract("Tiêu đề thử nghiệm về một hội nghị\n"+tc.text, Options{})
			var got []person
			for _, p := range a.People {
				if len(p.Positions) > 0 {
					got = append(got, person{p.Name, p.Positions})
				}
			}
			if !reflect.DeepEqual(got, tc.people) {
				t.Errorf("people:\n got %v\nwant %v", got, tc.people)
			}
			if !reflect.DeepEqual(a.Chairs, tc.chairs) {
				t.Errorf("chairs: got %v, want %v", a.Chairs, tc.chairs)
			}
			for _, p := range a.People {
				if s := a.Text[p.Span.Start:p.Span.End]; s != p.Name {
					t.Errorf("span of %q covers %q", p.Name, s)
				}
				for i, sp := range p.Spans {
					if s := a.Text[sp.Start:sp.End]; s != p.Positions[i] {
						t.Errorf("span of %q covers %q", p.Positions[i], s)
					}
				}
			}
		})
	}
}

func TestNormalizePosition(t *testing.T) {
	a := NormalizePosition("Ủy viên BCH TW Đảng,  Trưởng Đoàn ĐBQH tỉnh")
	b := NormalizePosition("Ủy viên Ban Chấp hành Trung ương Đảng, Trưởng Đoàn đại biểu Quốc hội tỉnh")
	if a != b {
		t.Errorf("%q != %q", a, b)
	}
	if got := NormalizePosition("Bí thư Tỉnh uỷ"); !strings.Contains(got, "tỉnh ủy") {
		t.Errorf("tone placement not modernised: %q", got)
	}
}

// Spans index Article.Text; BodySpan maps those on body lines into Body.
func TestSpansInBody(t *testing.T) {
	a := Extract("Tiêu đề về hội nghị\nToàn cảnh hội nghị\nSáng 5/3, đồng chí Lò Văn Sinh, Chủ tịch HĐND tỉnh chủ trì hội nghị với 3,5% và Kế hoạch số 12-KH/TU.", Options{})
	if len(a.People) != 1 || len(a.Documents) != 1 || len(a.Figures) != 1 {
		t.Fatalf("people %v, documents %v, figures %v", a.People, a.Documents, a.Figures)
	}
	for _, sp := range []Span{a.People[0].Span, a.People[0].Spans[0], a.Documents[0].Span, a.Figures[0].Span} {
		b, ok := a.BodySpan(sp)
		if !ok {
			t.Fatalf("span %v is not in the body", sp)
		}
		if a.Body[b.Start:b.End] != a.Text[sp.Start:sp.End] {
			t.Errorf("body span %q, text span %q", a.Body[b.Start:b.End], a.Text[sp.Start:sp.End])
		}
	}
	if _, ok := a.BodySpan(a.Lines[1].Span); ok {
		t.Error("a caption's span maps into the body")
	}
}
