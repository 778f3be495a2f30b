package i18n

import (
	"regexp"
	"slices"
	"testing"
)

var verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// Every key exists in every language with the same formatting verbs.
func TestCataloguesMatch(t *testing.T) {
	def := Catalog(Default)
	if len(def) == 0 {
		t.Fatal("empty default catalogue")
	}
	for _, lang := range Languages {
		cat := Catalog(lang)
		for k, v := range def {
			other, ok := cat[k]
			if !ok {
				t.Errorf("%s: missing key %q", lang, k)
				continue
			}
			a, b := verb.FindAllString(v, -1), verb.FindAllString(other, -1)
			slices.Sort(a)
			slices.Sort(b)
			if !slices.Equal(a, b) {
				t.Errorf("%s: key %q has verbs %v, %s has %v", lang, k, b, Default, a)
			}
		}
		for k := range cat {
			if _, ok := def[k]; !ok {
				t.Errorf("%s: key %q is not in %s", lang, k, Default)
			}
		}
	}
}

func TestLanguageSelection(t *testing.T) {
	tests := []struct{ in, want string }{
		{"en-US,en;q=0.9", "en"},
		{"vi-VN,vi;q=0.9,en;q=0.8", "vi"},
		{"fr-FR,en;q=0.5", "en"},
		{"", "vi"},
		{"de", "vi"},
	}
	for _, tt := range tests {
		if got := FromAcceptLanguage(tt.in); got != tt.want {
			t.Errorf("FromAcceptLanguage(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if Normalize("EN_gb") != "en" || Normalize("xx") != "vi" {
		t.Error("Normalize")
	}
}

func TestTFallsBack(t *testing.T) {
	if got := T("en", "no.such.key"); got != "no.such.key" {
		t.Errorf("missing key = %q", got)
	}
	if got := T("vi", "error.required"); got == "error.required" || got == T("en", "error.required") {
		t.Errorf("vi message = %q", got)
	}
}
