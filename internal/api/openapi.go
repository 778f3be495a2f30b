package api

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
)

// The OpenAPI description is kept in one file per area under openapi/, so
// that areas are documented next to each other without editing one big file;
// 00_base.json holds the document's head. They are merged once at start-up.
//
//go:embed openapi/*.json
var openapiFiles embed.FS

type openapiFragment struct {
	Paths      map[string]json.RawMessage `json:"paths"`
	Components struct {
		Schemas map[string]json.RawMessage `json:"schemas"`
	} `json:"components"`
}

// buildOpenAPI merges the fragments; a path or schema defined twice panics.
func buildOpenAPI() []byte {
	names, err := fs.Glob(openapiFiles, "openapi/*.json")
	if err != nil || len(names) == 0 {
		panic(fmt.Sprintf("api: no OpenAPI fragments: %v", err))
	}
	var doc map[string]any
	paths := map[string]json.RawMessage{}
	schemas := map[string]json.RawMessage{}
	for i, name := range names {
		b, err := openapiFiles.ReadFile(name)
		if err != nil {
			panic(err)
		}
		if i == 0 {
			if err := json.Unmarshal(b, &doc); err != nil {
				panic(fmt.Sprintf("api: %s: %v", name, err))
			}
		}
		var f openapiFragment
		if err := json.Unmarshal(b, &f); err != nil {
			panic(fmt.Sprintf("api: %s: %v", name, err))
		}
		for k, v := range f.Paths {
			if _, dup := paths[k]; dup {
				panic(fmt.Sprintf("api: %s: path %s is described twice", name, k))
			}
			paths[k] = v
		}
		for k, v := range f.Components.Schemas {
			if _, dup := schemas[k]; dup {
				panic(fmt.Sprintf("api: %s: schema %s is described twice", name, k))
			}
			schemas[k] = v
		}
	}
	doc["paths"] = paths
	components := doc["components"].(map[string]any)
	components["schemas"] = maps.Clone(schemas)
	out, err := json.MarshalIndent(doc, "", " ")
	if err != nil {
		panic(err)
	}
	return out
}
