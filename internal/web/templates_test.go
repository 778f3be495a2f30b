package web

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"text/template/parse"
)

// dateField names the fields that hold a date.Date by this project's habit.
var dateField = regexp.MustCompile(`(On|AsOf|Date|From|Until)$`)

// A template's truth of a struct is always true, even of a zero date: "if",
// "with", "not", "and" and "or" on a date field never see it empty. Such a
// test must ask .IsZero, or format the date first ($.Date returns "").
func TestTemplatesDoNotTestDatesForTruth(t *testing.T) {
	files, err := fs.Glob(templateFiles, "templates/*/*.html")
	if err != nil {
		t.Fatal(err)
	}
	layouts, _ := fs.Glob(templateFiles, "templates/*.html")
	for _, name := range append(files, layouts...) {
		src, err := fs.ReadFile(templateFiles, name)
		if err != nil {
			t.Fatal(err)
		}
		trees, err := parse.Parse(name, string(src), "{{", "}}", funcStubs(string(src)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, tree := range trees {
			walkTruth(tree.Root, func(arg parse.Node) {
				if f := lastField(arg); dateField.MatchString(f) {
					t.Errorf("%s: %q tests the date %s for truth", name, arg.String(), f)
				}
			})
		}
	}
}

// funcStubs declares every identifier a template calls, for the parser.
func funcStubs(src string) map[string]any {
	stubs := map[string]any{}
	for _, w := range regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`).FindAllString(src, -1) {
		stubs[w] = func(...any) any { return nil }
	}
	return stubs
}

// walkTruth calls fn with each argument whose truth a template tests: the
// pipeline of if and with, and the arguments of not, and and or.
func walkTruth(n parse.Node, fn func(parse.Node)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walkTruth(c, fn)
		}
	case *parse.IfNode:
		truth(n.Pipe, fn)
		walkTruth(n.List, fn)
		walkTruth(n.ElseList, fn)
	case *parse.WithNode:
		truth(n.Pipe, fn)
		walkTruth(n.List, fn)
		walkTruth(n.ElseList, fn)
	case *parse.RangeNode:
		walkTruth(n.List, fn)
		walkTruth(n.ElseList, fn)
	case *parse.ActionNode:
		for _, c := range n.Pipe.Cmds {
			logic(c, fn)
		}
	}
}

// truth reports the value a pipeline's truth is taken of, and looks into
// the not, and and or it calls.
func truth(p *parse.PipeNode, fn func(parse.Node)) {
	if p == nil || len(p.Cmds) == 0 {
		return
	}
	last := p.Cmds[len(p.Cmds)-1]
	if len(last.Args) == 1 {
		fn(last.Args[0])
	}
	for _, c := range p.Cmds {
		logic(c, fn)
	}
}

// logic reports the arguments whose truth a not, and or or tests (all
// but the last of and and or, which is returned as it is), and looks into
// the pipelines among them.
func logic(c *parse.CommandNode, fn func(parse.Node)) {
	id, ok := c.Args[0].(*parse.IdentifierNode)
	if !ok || (id.Ident != "not" && id.Ident != "and" && id.Ident != "or") {
		return
	}
	args := c.Args[1:]
	for i, a := range args {
		if id.Ident == "not" || i < len(args)-1 {
			fn(a)
		}
		if p, ok := a.(*parse.PipeNode); ok {
			truth(p, fn)
		}
	}
}

// lastField is the last field name of a node such as $t.CancelledOn.
func lastField(n parse.Node) string {
	var fields []string
	switch n := n.(type) {
	case *parse.FieldNode:
		fields = n.Ident
	case *parse.VariableNode:
		fields = n.Ident[1:]
	case *parse.ChainNode:
		fields = n.Field
	}
	if len(fields) == 0 {
		return ""
	}
	return strings.TrimSpace(fields[len(fields)-1])
}
