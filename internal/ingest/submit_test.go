package ingest_test

import (
	"bytes"
	"strings"
	"testing"

	"plenum/internal/extract/extracttest"
	"plenum/internal/ingest"
	"plenum/internal/problem"
)

func TestReingestIsRecognised(t *testing.T) {
	e := newEnv(t)
	first := e.submit("bai-goc.txt", bacKan2021)
	if first.Status != ingest.Pending || first.Checksum == "" || first.Title != "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ sáu, khóa XII" {
		t.Fatalf("first item %+v", first)
	}
	// The same article under other names: in Windows-1258, with Windows line
	// ends and stray spaces, as HTML-less UTF-8 with a byte-order mark.
	crlf := strings.ReplaceAll(strings.ReplaceAll(bacKan2021, "\n", "  \r\n"), ", ", ",  ")
	for name, data := range map[string][]byte{
		"ban-cu.txt":   extracttest.Windows1258(t, bacKan2021),
		"windows.txt":  []byte(crlf),
		"bom-utf8.txt": append([]byte{0xEF, 0xBB, 0xBF}, bacKan2021...),
	} {
		sub, err := e.s.Submit(e.As("office"), e.Users["office"], ingest.ViaWeb, ingest.SubmitInput{Name: name, Data: data})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !sub.Known || sub.Item.ID != first.ID || sub.Item.SourceName != "bai-goc.txt" {
			t.Errorf("%s: known %v, item %d %q; want the first item", name, sub.Known, sub.Item.ID, sub.Item.SourceName)
		}
	}
	// Once decided, it is shown with its status.
	if _, err := e.s.Reject(e.As("office"), e.Users["office"], first.ID, ""); err != nil {
		t.Fatal(err)
	}
	sub, err := e.s.Submit(e.As("office"), e.Users["office"], ingest.ViaAPI, ingest.SubmitInput{Text: bacKan2021})
	if err != nil || !sub.Known || sub.Item.Status != ingest.Rejected {
		t.Errorf("after rejection: %+v %v", sub, err)
	}
	page, err := e.s.List(e.Ctx, e.Viewer("office"), ingest.ListQuery{})
	if err != nil || page.Total != 1 {
		t.Errorf("queue after re-ingesting: %+v %v", page, err)
	}
}

func TestSubmitRefusesBadFiles(t *testing.T) {
	e := newEnv(t)
	small := ingest.New(e.App.DB, e.App.Audit, e.App.Clock, e.App.Access, ingest.Registries{Org: e.App.Org, People: e.App.People}, ingest.Options{MaxBytes: 2000})
	unknown := append([]byte(`<html><head><meta charset="x-no-such-charset"></head><body>`), 0xC3, 0x28, 'a')
	for _, c := range []struct {
		name string
		data []byte
		code problem.Code
		key  string
	}{
		{"anh.png", []byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13}, problem.Invalid, "ingest.error.binary"},
		{"rong.txt", []byte(" \n\t\n"), problem.Invalid, "ingest.error.empty"},
		{"qua-lon.txt", bytes.Repeat([]byte("Hội nghị. "), 300), problem.TooLarge, "ingest.error.too_large"},
		{"la.html", unknown, problem.Invalid, "ingest.error.encoding"},
	} {
		_, err := small.Submit(e.As("office"), e.Users["office"], ingest.ViaWeb, ingest.SubmitInput{Name: c.name, Data: c.data})
		pe, ok := problem.As(err)
		if !ok || pe.Code != c.code || pe.Fields[0].Name != "file" || pe.Fields[0].Key != c.key {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if msg := pe.Message("vi"); !strings.Contains(msg, c.name) {
			t.Errorf("%s: the message does not name the file: %s", c.name, msg)
		}
	}
	if page, err := small.List(e.Ctx, e.Viewer("office"), ingest.ListQuery{}); err != nil || page.Total != 0 {
		t.Errorf("refused files were queued: %+v %v", page, err)
	}
	if _, err := small.Submit(e.As("office"), e.Users["office"], ingest.ViaWeb, ingest.SubmitInput{Name: strings.Repeat("x", 400), Text: "Tin ngắn"}); fieldOf(err) != "name" {
		t.Errorf("a name too long: %v", err)
	}
}
