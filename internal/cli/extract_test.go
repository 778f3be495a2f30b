package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plenum/internal/clock/clocktest"
)

// runWithEnv calls Main with a fake environment holding env.
func runWithEnv(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return env[k] }, Clock: clocktest.New(t)}
	code = Main(args, e)
	return code, out.String(), errb.String()
}

const article = "Tin tức - Sự kiện\nHội nghị Ban Thường vụ Huyện ủy tháng Ba\nSáng 12/3, Ban Thường vụ Huyện ủy Chiêm Hóa tổ chức hội nghị thường kỳ để đánh giá kết quả công tác quý I và bàn nhiệm vụ quý II. Đồng chí Nông Văn Tiến, Bí thư Huyện ủy chủ trì hội nghị.\nToàn cảnh hội nghị\nCác đại biểu đã thảo luận, thống nhất nhiều nội dung quan trọng về phát triển kinh tế - xã hội của huyện trong những tháng còn lại của năm.\nMinh Khôi\nTin cùng chuyên mục\nMột bài khác"

func TestExtractFiles(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "bai1.txt")
	empty := filepath.Join(dir, "rong.txt")
	binary := filepath.Join(dir, "anh.txt")
	os.WriteFile(good, []byte(article), 0o644)
	os.WriteFile(empty, nil, 0o644)
	os.WriteFile(binary, []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 1}, 0o644)

	code, out, _ := runWithEnv(t, nil, "extract", good)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var one map[string]any
	if err := json.Unmarshal([]byte(out), &one); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out)
	}
	if one["title"] != "Hội nghị Ban Thường vụ Huyện ủy tháng Ba" || one["province"] != "Tuyên Quang" || one["author"] != "Minh Khôi" {
		t.Errorf("title %v, province %v, author %v", one["title"], one["province"], one["author"])
	}
	if body := one["body"].(string); strings.Contains(body, "Toàn cảnh") || strings.Contains(body, "Tin cùng") || !strings.HasPrefix(body, "Sáng 12/3") {
		t.Errorf("body:\n%s", body)
	}

	code, out, errOut := runWithEnv(t, nil, "extract", good, empty, binary)
	if code != 1 {
		t.Errorf("exit %d with bad files, want 1", code)
	}
	var many []map[string]any
	if err := json.Unmarshal([]byte(out), &many); err != nil || len(many) != 3 {
		t.Fatalf("want a JSON array of 3: %v\n%s", err, out)
	}
	if many[1]["file"] != empty || !strings.Contains(many[1]["error"].(string), "empty") {
		t.Errorf("empty file: %v", many[1])
	}
	if !strings.Contains(errOut, "anh.txt") || !strings.Contains(errOut, "binary") {
		t.Errorf("stderr does not name the binary file: %s", errOut)
	}

	outDir := filepath.Join(dir, "out")
	if code, _, _ := runWithEnv(t, nil, "extract", "--out", outDir, good); code != 0 {
		t.Fatalf("--out: exit %d", code)
	}
	if _, err := os.Stat(filepath.Join(outDir, "bai1.json")); err != nil {
		t.Error(err)
	}

	// A reference date for an article without a date line.
	undated := filepath.Join(dir, "khong-ngay.txt")
	os.WriteFile(undated, []byte("Hội nghị thường kỳ\nChiều 18/02, Ban Thường vụ Tỉnh ủy tổ chức hội nghị thường kỳ tháng Hai để bàn nhiều nội dung quan trọng."), 0o644)
	if _, out, _ := runWithEnv(t, nil, "extract", "--reference", "2022-03-01", undated); !strings.Contains(out, `"event_date": "2022-02-18"`) {
		t.Errorf("--reference: %s", out)
	}
	if code, _, _ := runWithEnv(t, nil, "extract", "--reference", "18/02", undated); code != 2 {
		t.Errorf("bad --reference: exit %d, want 2", code)
	}

	// The size limit, from the environment.
	code, _, errOut = runWithEnv(t, map[string]string{"PLENUM_MAX_BYTES": "100"}, "extract", good)
	if code != 1 || !strings.Contains(errOut, "too large") {
		t.Errorf("max bytes: exit %d, %s", code, errOut)
	}
}

func TestExtractEval(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte(article), 0o644)
	gold := `{"title": "Hội nghị Ban Thường vụ Huyện ủy tháng Ba", "province": "Tuyên Quang", "author": "Minh Khôi",
	"meeting": {"body": "Ban Thường vụ Huyện ủy", "ordinal": null, "term": null, "term_years": null, "online": false, "delegates": null},
	"chairs": ["Nông Văn Tiến"], "people": [{"name": "Nông Văn Tiến", "positions": ["Bí thư Huyện ủy"]}],
	"documents": [], "figures": [], "boilerplate": ["Tin tức - Sự kiện", "Tin cùng chuyên mục", "Một bài khác"], "captions": ["Toàn cảnh hội nghị"]}`
	os.WriteFile(filepath.Join(dir, "a.gold.json"), []byte(gold), 0o644)
	code, out, errOut := runWithEnv(t, nil, "extract", "--eval", dir, "--verbose")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"== a.txt", "people", "1.000", "boilerplate removed  1.000", "total: 1 articles"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if code, _, _ := runWithEnv(t, nil, "extract"); code != 2 {
		t.Errorf("no files: exit %d, want 2", code)
	}
}
