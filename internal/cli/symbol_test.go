package cli

import (
	"bytes"
	"strings"
	"testing"
)

// run calls Main with a fake environment and returns its exit status and output.
func run(args ...string) (status int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
	status = Main(args, env)
	return status, out.String(), errOut.String()
}

func TestSymbolParse(t *testing.T) {
	status, out, errOut := run("symbol", "parse", "147-KH/TU", "12/2021/nq-hdnd", "24-QĐ/TW", "61/2014/QH13", "7328/UBND-TH", "01-HD/BTGTU")
	if status != 0 {
		t.Fatalf("status %d, stderr %q", status, errOut)
	}
	want := `{"number":147,"year":null,"kind":"plan","kind_name":"Kế hoạch","issuer":"TU","unit":"","system":"party","symbol":"147-KH/TU"}
{"number":12,"year":2021,"kind":"resolution","kind_name":"Nghị quyết","issuer":"HĐND","unit":"","system":"state","symbol":"12/2021/NQ-HĐND"}
{"number":24,"year":null,"kind":"decision","kind_name":"Quyết định","kind_alternatives":["regulation"],"issuer":"TW","unit":"","system":"party","symbol":"24-QĐ/TW"}
{"number":61,"year":2014,"kind":null,"kind_name":"","issuer":"QH","unit":"","term":13,"system":"state","symbol":"61/2014/QH13"}
{"number":7328,"year":null,"kind":"letter","kind_name":"Công văn","issuer":"UBND","unit":"TH","system":"state","symbol":"7328/UBND-TH"}
{"number":1,"year":null,"kind":"guideline","kind_name":"Hướng dẫn","issuer":"TU","unit":"BTG","system":"party","symbol":"01-HD/BTGTU"}
`
	if out != want {
		t.Errorf("output:\n%s\nwant:\n%s", out, want)
	}
}

func TestSymbolParseReportsFailures(t *testing.T) {
	status, out, errOut := run("symbol", "parse", "147-X/TU", "09-NQ/TU", "09/NQ-TU")
	if status != 1 {
		t.Errorf("status %d, want 1", status)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("got %d lines: %q", len(lines), out)
	}
	if lines[0] != `{"input":"147-X/TU","error":"docsym: at byte 4: expected a Party kind code such as KH, NQ or QĐ, found \"X\""}` {
		t.Errorf("line 1 = %s", lines[0])
	}
	if !strings.Contains(lines[1], `"symbol":"09-NQ/TU"`) {
		t.Errorf("line 2 = %s", lines[1])
	}
	if !strings.Contains(lines[2], `"input":"09/NQ-TU"`) || !strings.Contains(lines[2], `did you mean \"09-NQ/TU\"?`) {
		t.Errorf("line 3 = %s", lines[2])
	}
	if !strings.Contains(errOut, "2 of 3 symbols could not be parsed") {
		t.Errorf("stderr = %q", errOut)
	}
}

func TestSymbolParseUsage(t *testing.T) {
	if status, _, errOut := run("symbol", "parse"); status != 2 || !strings.Contains(errOut, "give at least one symbol") {
		t.Errorf("no symbols: status %d, stderr %q", status, errOut)
	}
	if status, out, _ := run("symbol", "parse", "--help"); status != 0 || !strings.Contains(out, "Usage: plenum symbol parse SYMBOL...") {
		t.Errorf("--help: status %d, stdout %q", status, out)
	}
	if status, out, _ := run("symbol", "--help"); status != 0 || !strings.Contains(out, "parse") {
		t.Errorf("symbol --help: status %d, stdout %q", status, out)
	}
}
