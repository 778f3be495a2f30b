package documents

import (
	"plenum/internal/date"
	"plenum/internal/docsym"
)

// DefaultTerms returns the terms of office by which a Party issuer numbers
// its documents (Hướng dẫn 36-HD/VPTW: from 01 for each kind within a term),
// when nothing better is known. The Central Committee's terms run from the
// close of one national congress to the next; provincial and lower
// committees hold their congresses in the year before, and their terms are
// taken to turn on 1 October of the congress year. The days are approximate:
// a deployment that records its own congresses supplies Options.Terms.
func DefaultTerms(issuerCode string) []docsym.Term {
	if issuerCode == "TW" {
		return centralTerms
	}
	return localTerms
}

var centralTerms = []docsym.Term{
	{Start: date.MustParse("2011-01-20"), End: date.MustParse("2016-01-28"), FirstYear: 2011, LastYear: 2016},
	{Start: date.MustParse("2016-01-29"), End: date.MustParse("2021-02-01"), FirstYear: 2016, LastYear: 2021},
	{Start: date.MustParse("2021-02-02"), End: date.MustParse("2026-01-23"), FirstYear: 2021, LastYear: 2026},
	{Start: date.MustParse("2026-01-24"), FirstYear: 2026, LastYear: 2031},
}

var localTerms = []docsym.Term{
	{Start: date.MustParse("2010-10-01"), End: date.MustParse("2015-09-30"), FirstYear: 2010, LastYear: 2015},
	{Start: date.MustParse("2015-10-01"), End: date.MustParse("2020-09-30"), FirstYear: 2015, LastYear: 2020},
	{Start: date.MustParse("2020-10-01"), End: date.MustParse("2025-09-30"), FirstYear: 2020, LastYear: 2025},
	{Start: date.MustParse("2025-10-01"), FirstYear: 2025, LastYear: 2030},
}
