// Package i18n holds Plenum's messages in Vietnamese (the default) and English.
//
// Catalogues are flat JSON objects, one file per area under locales/<lang>/,
// merged at start-up; a key defined twice is a start-up panic, and a test
// checks that both languages have the same keys with the same % verbs.
// Vietnamese has a single plural form, so messages take counts as plain
// arguments; the few English plurals are separate keys.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"
)

//go:embed locales
var files embed.FS

// Languages in order of preference; the first is the default.
var Languages = []string{"vi", "en"}

// Default is the language used when none is chosen.
const Default = "vi"

var (
	loadOnce sync.Once
	catalogs map[string]map[string]string
)

func load() {
	catalogs = map[string]map[string]string{}
	for _, lang := range Languages {
		cat := map[string]string{}
		dir := path.Join("locales", lang)
		entries, err := fs.ReadDir(files, dir)
		if err != nil {
			panic(fmt.Sprintf("i18n: %v", err))
		}
		for _, e := range entries {
			b, err := files.ReadFile(path.Join(dir, e.Name()))
			if err != nil {
				panic(err)
			}
			var m map[string]string
			if err := json.Unmarshal(b, &m); err != nil {
				panic(fmt.Sprintf("i18n: %s/%s: %v", dir, e.Name(), err))
			}
			for k, v := range m {
				if _, dup := cat[k]; dup {
					panic(fmt.Sprintf("i18n: key %q is defined twice in %s", k, dir))
				}
				cat[k] = v
			}
		}
		catalogs[lang] = cat
	}
}

// Catalog returns the messages of lang (a copy-free view; do not modify).
func Catalog(lang string) map[string]string {
	loadOnce.Do(load)
	return catalogs[Normalize(lang)]
}

// Normalize maps a language tag to a supported language ("en-US" → "en").
func Normalize(lang string) string {
	lang = strings.ToLower(strings.TrimSpace(lang))
	for _, l := range Languages {
		if lang == l || strings.HasPrefix(lang, l+"-") || strings.HasPrefix(lang, l+"_") {
			return l
		}
	}
	return Default
}

// FromAcceptLanguage picks the first supported language of an Accept-Language header.
func FromAcceptLanguage(h string) string {
	for _, part := range strings.Split(h, ",") {
		tag, _, _ := strings.Cut(strings.TrimSpace(part), ";")
		tag = strings.ToLower(tag)
		for _, l := range Languages {
			if tag == l || strings.HasPrefix(tag, l+"-") {
				return l
			}
		}
	}
	return Default
}

// Has reports whether key exists in the default catalogue.
func Has(key string) bool {
	_, ok := Catalog(Default)[key]
	return ok
}

// T returns the message key in lang, formatted with args. A missing key
// returns the key itself, so a slip shows up on the page instead of blank text.
func T(lang, key string, args ...any) string {
	msg, ok := Catalog(lang)[key]
	if !ok {
		msg, ok = Catalog(Default)[key]
	}
	if !ok {
		return key
	}
	if len(args) == 0 {
		return msg
	}
	return fmt.Sprintf(msg, args...)
}
