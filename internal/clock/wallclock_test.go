package clock_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestOneClock walks the source for the wall clock read outside this
// package: every time.Now, time.Since and time.Until of code that is not a
// test must be the application's clock, or say on its line why it is not a
// business decision ("// wall clock: a network deadline"). And Vietnam's
// time zone is defined here only.
func TestOneClock(t *testing.T) {
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); name == "testdata" || name == "node_modules" || strings.HasPrefix(name, ".") && path != root {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		timePkg := ""
		for _, im := range f.Imports {
			if im.Path.Value == `"time"` {
				timePkg = "time"
				if im.Name != nil {
					timePkg = im.Name.Name
				}
			}
		}
		if timePkg == "" {
			return nil
		}
		marked := map[int]bool{} // lines that say why they read the wall clock
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if strings.Contains(c.Text, "wall clock") {
					marked[fset.Position(c.Slash).Line] = true
				}
			}
		}
		inClock := filepath.ToSlash(filepath.Dir(path)) == "../../internal/clock"
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if x, ok := sel.X.(*ast.Ident); !ok || x.Name != timePkg {
				return true
			}
			pos := fset.Position(sel.Pos())
			switch sel.Sel.Name {
			case "Now", "Since", "Until":
				if !inClock && !marked[pos.Line] {
					t.Errorf("%s: time.%s: take the time from the application's clock (clock.Clock), or say on the line why this is no business decision (// wall clock: …)", pos, sel.Sel.Name)
				}
			case "FixedZone", "LoadLocation":
				if !inClock {
					t.Errorf("%s: time.%s: Vietnam's time is clock.Vietnam", pos, sel.Sel.Name)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
