package search

import (
	"strings"

	"plenum/internal/db"
)

// The engines' queries are written here from terms, never from what the
// user typed: every word is quoted, and words hold only letters and digits,
// so no character of a query can reach FTS5 or to_tsquery as syntax.

// ftsQuery writes terms as an FTS5 MATCH expression: each term is a phrase
// in the title or body, or its symbol tokens in the symbol column.
func ftsQuery(ts []term) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 {
			b.WriteString(" AND ")
		}
		b.WriteString("({f_title f_body} : ")
		ftsString(&b, t.Words, t.Prefix)
		if len(t.Symbol) > 0 {
			b.WriteString(" OR (")
			for k, tok := range t.Symbol {
				if k > 0 {
					b.WriteString(" AND ")
				}
				b.WriteString("f_symbol : ")
				ftsString(&b, []string{tok}, t.Prefix && k == 0)
			}
			b.WriteString(")")
		}
		b.WriteString(")")
	}
	return b.String()
}

// ftsString writes words as one FTS5 string (a phrase), "*" marking the
// last word as a prefix.
func ftsString(b *strings.Builder, words []string, prefix bool) {
	b.WriteByte('"')
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ReplaceAll(w, `"`, `""`))
	}
	b.WriteByte('"')
	if prefix {
		b.WriteString(" *")
	}
}

// tsQuery writes terms as to_tsquery text: phrases with <->, the title and
// body (weights B and D) or the symbol tokens (weight A).
func tsQuery(ts []term) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 {
			b.WriteString(" & ")
		}
		b.WriteString("(")
		for k, w := range t.Words {
			if k > 0 {
				b.WriteString(" <-> ")
			}
			tsLexeme(&b, w, t.Prefix && k == len(t.Words)-1, "BD")
		}
		if len(t.Symbol) > 0 {
			b.WriteString(" | (")
			for k, tok := range t.Symbol {
				if k > 0 {
					b.WriteString(" & ")
				}
				tsLexeme(&b, tok, t.Prefix && k == 0, "A")
			}
			b.WriteString(")")
		}
		b.WriteString(")")
	}
	return b.String()
}

func tsLexeme(b *strings.Builder, w string, prefix bool, weights string) {
	b.WriteByte('\'')
	b.WriteString(strings.NewReplacer(`'`, `''`, `\`, `\\`).Replace(w))
	b.WriteString("':")
	if prefix {
		b.WriteByte('*')
	}
	b.WriteString(weights)
}

// matcher is how one plan finds rows: the FROM clause, the condition, and
// a rank expression (lower is better).
type matcher struct {
	from, cond, rank string
}

// match builds the matcher of a plan's terms on the engine of d.
func match(d db.Dialect, ts []term, args *db.Args) matcher {
	if len(ts) == 0 {
		return matcher{from: "search_entries s", cond: "1 = 1", rank: "0"}
	}
	if d == db.SQLite {
		// bm25 weights, per column: symbol, title, body.
		return matcher{
			from: "search_fts JOIN search_entries s ON s.id = search_fts.rowid",
			cond: "search_fts MATCH " + args.Add(ftsQuery(ts)),
			rank: "bm25(search_fts, 10.0, 4.0, 1.0)",
		}
	}
	p := args.Add(tsQuery(ts))
	// ts_rank's normalisation 1 divides by the log of the length, so that a
	// long body does not outweigh a title.
	return matcher{
		from: "search_entries s",
		cond: "s.search_vector @@ to_tsquery('simple', " + p + ")",
		rank: "-ts_rank(s.search_vector, to_tsquery('simple', " + p + "), 1)",
	}
}

// substring is the last resort: the folded query anywhere in a folded title
// ("btg" in "btgtu"). PostgreSQL answers it from the trigram index.
func substring(text string, args *db.Args) matcher {
	esc := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(text)
	return matcher{from: "search_entries s", cond: `s.f_title LIKE ` + args.Add("%"+esc+"%") + ` ESCAPE '\'`, rank: "0"}
}

// minSimilarity is the strict word similarity (pg_trgm) a misspelt query
// needs with a title: 0.7 lets "kee hoach" find "ke hoach" and keeps "song
// da" from finding "huong dan".
const minSimilarity = 0.7

// similar finds titles with words like the query's, misspelt: PostgreSQL
// only (pg_trgm's strict word similarity; the <<% operator uses the trigram
// index at pg_trgm's threshold, and the result is checked at minSimilarity).
func similar(text string, args *db.Args) matcher {
	p := args.Add(text)
	return matcher{from: "search_entries s",
		cond: "(" + p + " <<% s.f_title AND strict_word_similarity(" + p + ", s.f_title) >= " + args.Add(minSimilarity) + ")",
		rank: "-strict_word_similarity(" + p + ", s.f_title)"}
}

// symbolHit is an SQL expression, 1 or 0: the record's symbol has every
// token of one of the query's symbols — the exact symbol match that ranks first.
func symbolHit(ts []term, args *db.Args) string {
	var alts []string
	for _, t := range ts {
		if len(t.Symbol) == 0 {
			continue
		}
		var all []string
		for k, tok := range t.Symbol {
			pat := "% " + tok + " %"
			if t.Prefix && k == 0 {
				pat = "% " + tok + "%"
			}
			all = append(all, "(' ' || s.f_symbol || ' ') LIKE "+args.Add(pat))
		}
		alts = append(alts, "("+strings.Join(all, " AND ")+")")
	}
	if len(alts) == 0 {
		return "0"
	}
	return "CASE WHEN " + strings.Join(alts, " OR ") + " THEN 1 ELSE 0 END"
}
