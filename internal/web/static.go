package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

//go:embed static
var staticFiles embed.FS

// asset is an embedded file served under a URL that carries its content hash,
// so browsers may cache it for a year and still see a new version at once.
type asset struct {
	body []byte
	url  string
	kind string
}

type assets map[string]asset // by file name

func loadAssets() assets {
	out := assets{}
	err := fs.WalkDir(staticFiles, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFiles.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		name := strings.TrimPrefix(p, "static/")
		out[name] = asset{body: b, url: "/static/" + hex.EncodeToString(sum[:6]) + "/" + name, kind: mime.TypeByExtension(path.Ext(name))}
		return nil
	})
	if err != nil {
		panic(err)
	}
	return out
}

// URL returns the versioned URL of a static file; an unknown name panics in
// tests through the template, never silently links to nothing.
func (a assets) URL(name string) string {
	f, ok := a[name]
	if !ok {
		panic("web: no static file " + name)
	}
	return f.url
}

func (a assets) serve(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	f, ok := a[name]
	if !ok || f.url != r.URL.Path {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", f.kind)
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	w.Write(f.body)
}
