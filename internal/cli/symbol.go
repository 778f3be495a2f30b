package cli

import (
	"context"
	"encoding/json"
	"fmt"

	"plenum/internal/docsym"
)

func symbolCommand() *command {
	return &command{
		name:    "symbol",
		summary: "Document symbols (số, ký hiệu): 147-KH/TU, 12/2021/NQ-HĐND",
		children: []*command{{
			name:    "parse",
			summary: "Parse symbols and print their parts as JSON, one line each",
			run:     runSymbolParse,
		}},
	}
}

// symbolLine is the JSON line printed for a symbol that parses. Year is null
// when the symbol has none; kind is the SCHEMA.md name, null for kinds the
// annotations do not use and for National Assembly symbols, which carry no
// kind code.
type symbolLine struct {
	Number int     `json:"number"`
	Year   *int    `json:"year"`
	Kind   *string `json:"kind"`
	// KindName is the Vietnamese name of the kind: "Kế hoạch".
	KindName string `json:"kind_name"`
	// KindAlternatives lists the other kinds the code can stand for: Party QĐ
	// is also Quy định.
	KindAlternatives []string `json:"kind_alternatives,omitempty"`
	Issuer           string   `json:"issuer"`
	Unit             string   `json:"unit"`
	Term             *int     `json:"term,omitempty"`
	System           string   `json:"system"`
	Symbol           string   `json:"symbol"`
}

// symbolError is the JSON line printed for an input that does not parse.
type symbolError struct {
	Input string `json:"input"`
	Error string `json:"error"`
}

func runSymbolParse(_ context.Context, env *Env, args []string) error {
	const path = "plenum symbol parse"
	fs := flagSet(env, path, "SYMBOL...", "Parse Party and State document symbols; print one JSON object per symbol.\n"+
		"A symbol that does not parse prints {\"input\", \"error\"} and makes the exit status 1.")
	if err := parse(fs, env, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{path + ": give at least one symbol, such as 147-KH/TU"}
	}
	enc := json.NewEncoder(env.Stdout)
	enc.SetEscapeHTML(false)
	failed := 0
	for _, in := range fs.Args() {
		s, err := docsym.Parse(in)
		if err != nil {
			failed++
			if err := enc.Encode(symbolError{Input: in, Error: err.Error()}); err != nil {
				return err
			}
			continue
		}
		if err := enc.Encode(newSymbolLine(s)); err != nil {
			return err
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d symbols could not be parsed", failed, fs.NArg())
	}
	return nil
}

func newSymbolLine(s docsym.Symbol) symbolLine {
	line := symbolLine{
		Number:   s.Number,
		KindName: s.Kind.Name("vi"),
		Issuer:   s.Issuer,
		Unit:     s.Unit,
		System:   s.System.String(),
		Symbol:   s.String(),
	}
	if s.Year != 0 {
		line.Year = &s.Year
	}
	if s.Term != 0 {
		line.Term = &s.Term
	}
	if name := s.Kind.Schema(); name != "" {
		line.Kind = &name
	}
	for _, k := range s.Kinds()[1:] {
		line.KindAlternatives = append(line.KindAlternatives, k.Schema())
	}
	return line
}
