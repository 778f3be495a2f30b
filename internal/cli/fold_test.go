package cli

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

// runFoldCLI runs Main with stdin and returns the exit status and output.
func runFoldCLI(stdin io.Reader, args ...string) (status int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	env := &Env{Stdin: stdin, Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
	status = Main(args, env)
	return status, out.String(), errOut.String()
}

func TestFold(t *testing.T) {
	tests := []struct {
		args  []string
		stdin string
		want  string
	}{
		{[]string{"fold", "Đường Hà Nội ĐẶNG"}, "", "duong ha noi dang\n"},
		{[]string{"fold", "HÐND", "tỉnh", " Uỷ  ban "}, "", "hdnd tinh uy ban\n"},
		{[]string{"fold", "--", "-Hoà"}, "", "-hoa\n"},
		{[]string{"fold"}, "Ban Thường vụ\nTỉnh ủy\n", "ban thuong vu tinh uy\n"},
		{[]string{"fold"}, "", "\n"},
	}
	for _, tt := range tests {
		status, out, errOut := runFoldCLI(strings.NewReader(tt.stdin), tt.args...)
		if status != 0 || out != tt.want || errOut != "" {
			t.Errorf("plenum %q with stdin %q: status %d, stdout %q, stderr %q; want %q", tt.args, tt.stdin, status, out, errOut, tt.want)
		}
	}
}

func TestFoldHelp(t *testing.T) {
	status, out, _ := runFoldCLI(strings.NewReader(""), "fold", "--help")
	if status != 0 || !strings.Contains(out, "Usage: plenum fold [--] [TEXT...]") {
		t.Errorf("fold --help: status %d, stdout %q", status, out)
	}
	if status, _, errOut := runFoldCLI(strings.NewReader(""), "fold", "--bogus"); status != 2 || errOut == "" {
		t.Errorf("fold --bogus: status %d, stderr %q", status, errOut)
	}
	_, out, _ = runFoldCLI(strings.NewReader(""), "--help")
	if !strings.Contains(out, "fold") {
		t.Errorf("plenum --help does not list fold: %q", out)
	}
}

func TestFoldReadError(t *testing.T) {
	status, _, errOut := runFoldCLI(failingReader{}, "fold")
	if status != 1 || !strings.Contains(errOut, "reading standard input: disk gone") {
		t.Errorf("status %d, stderr %q", status, errOut)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk gone") }
