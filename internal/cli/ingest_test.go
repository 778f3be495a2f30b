package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plenum/internal/clock/clocktest"
	"plenum/internal/db/dbtest"
	"plenum/internal/extract/extracttest"
)

// ingestArticle is a short article written for these tests; n makes each
// one different.
func ingestArticle(n string) string {
	return "Hội nghị Ban Thường vụ Huyện ủy lần thứ " + n + "\nCập nhật: 15/03/2022\n" +
		"Sáng 15/3, Ban Thường vụ Huyện ủy Na Rì tổ chức hội nghị lần thứ " + n + " để cho ý kiến về công tác cán bộ. " +
		"Đồng chí Ma Văn Thí, Bí thư Huyện ủy chủ trì hội nghị.\nHội nghị thống nhất các nội dung được trình.\nThanh Tâm"
}

// archive writes a directory of articles: three good ones (one in
// Windows-1258, one as HTML), a binary file, an empty one, one too large,
// and a file that is no article and is not read.
func archive(t *testing.T) string {
	dir := t.TempDir()
	sub := filepath.Join(dir, "2022")
	os.MkdirAll(sub, 0o755)
	files := map[string][]byte{
		"bai-1.txt":         []byte(ingestArticle("mười")),
		"2022/bai-2.TXT":    extracttest.Windows1258(t, ingestArticle("mười một")),
		"2022/bai-3.html":   []byte("<html><body><h1>Tin</h1><p>" + strings.ReplaceAll(ingestArticle("mười hai"), "\n", "</p><p>") + "</p></body></html>"),
		"anh.txt":           {0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'},
		"rong.txt":          {},
		"2022/qua-lon.htm":  bytes.Repeat([]byte("Hội nghị thường kỳ. "), 400),
		"2022/ghi-chu.docx": []byte("not read: not an article's extension"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestIngestArchive(t *testing.T) {
	_, dsn := dbtest.NewWithDSN(t)
	env := map[string]string{"PLENUM_DB": dsn}
	dir := archive(t)
	code, out, errOut := runCLI(t, "", env, "ingest", "--max-bytes", "4000", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1\n%s%s", code, out, errOut)
	}
	for _, want := range []string{"queued: 3", "already known: 0", "failed: 3"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	for _, name := range []string{"anh.txt", "rong.txt", "qua-lon.htm"} {
		if !strings.Contains(out, name) || !strings.Contains(errOut, name+": failed") {
			t.Errorf("%s is not named as failing:\n%s\n%s", name, out, errOut)
		}
	}
	for _, why := range []string{"binary", "empty", "larger than the limit of 4000 bytes"} {
		if !strings.Contains(out, why) {
			t.Errorf("the summary does not say %q:\n%s", why, out)
		}
	}
	if strings.Contains(errOut, "ghi-chu.docx") || !strings.Contains(errOut, "[6/6]") || !strings.Contains(errOut, "files/s") {
		t.Errorf("progress:\n%s", errOut)
	}

	// Again: nothing new, nothing twice.
	code, out, _ = runCLI(t, "", env, "ingest", "--max-bytes", "4000", dir)
	if code != 1 || !strings.Contains(out, "queued: 0") || !strings.Contains(out, "already known: 3") {
		t.Errorf("second run: exit %d\n%s", code, out)
	}
	// The same article copied under another name is known too.
	copyName := filepath.Join(t.TempDir(), "ban-sao.txt")
	os.WriteFile(copyName, []byte(ingestArticle("mười")), 0o644)
	code, out, _ = runCLI(t, "", env, "ingest", copyName)
	if code != 0 || !strings.Contains(out, "already known: 1") || !strings.Contains(out, "/ingest") {
		t.Errorf("a copy: exit %d\n%s", code, out)
	}
	if code, _, errOut := runCLI(t, "", env, "ingest"); code != 2 || !strings.Contains(errOut, "no directory or file") {
		t.Errorf("no arguments: %d %s", code, errOut)
	}
}

// cancelAfter is a writer that cancels a context at the first line written
// to it: an interruption right after the first file.
type cancelAfter struct {
	bytes.Buffer
	cancel context.CancelFunc
}

func (c *cancelAfter) Write(p []byte) (int, error) {
	c.cancel()
	return c.Buffer.Write(p)
}

func TestIngestResumesAfterAnInterruption(t *testing.T) {
	d, dsn := dbtest.NewWithDSN(t)
	dir := t.TempDir()
	for i, n := range []string{"hai", "ba", "bốn", "năm"} {
		os.WriteFile(filepath.Join(dir, "bai-"+string(rune('a'+i))+".txt"), []byte(ingestArticle(n)), 0o644)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var out bytes.Buffer
	errOut := &cancelAfter{cancel: cancel}
	e := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: errOut, Getenv: func(k string) string {
		return map[string]string{"PLENUM_DB": dsn}[k]
	}, Clock: clocktest.New(t)}
	if err := runIngest(ctx, e, []string{dir}); err == nil || !strings.Contains(out.String(), "interrupted after 1 of 4") {
		t.Fatalf("interrupted run: %v\n%s", err, out.String())
	}
	code, stdout, _ := runCLI(t, "", map[string]string{"PLENUM_DB": dsn}, "ingest", dir)
	if code != 0 || !strings.Contains(stdout, "queued: 3") || !strings.Contains(stdout, "already known: 1") {
		t.Errorf("resumed run: exit %d\n%s", code, stdout)
	}
	var n int
	if err := d.R(ctx).QueryRowContext(context.Background(), `SELECT count(*) FROM ingest_items`).Scan(&n); err != nil || n != 4 {
		t.Errorf("%d items, want 4 (%v)", n, err)
	}
}
