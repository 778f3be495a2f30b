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
		ftsString(&b, t.Words, t.wordsPrefix())
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

// tsQuery writes terms as to_tsquery text: phrases with <->, in the title
// or body (weights B and D), or the symbol tokens (weight A).
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
			tsLexeme(&b, w, t.wordsPrefix() && k == len(t.Words)-1, "BD")
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

// matcher is how one plan finds rows: the FROM clause, the condition;
// titled, an expression that is 1 for a row matched in its title (or
// symbol) and 0 for one matched only in its body (titles rank first); and
// newest, the ORDER BY that takes the newest rows first from the index.
type matcher struct {
	from, cond, titled, newest string
}

// match builds the matcher of a plan's terms on the engine of d.
func match(d db.Dialect, ts []term, args *db.Args) matcher {
	if len(ts) == 0 {
		return matcher{from: "search_entries s", cond: "1 = 1", titled: "0", newest: "s.id DESC"}
	}
	if d == db.SQLite {
		return matcher{
			from:   "search_fts JOIN search_entries s ON s.id = search_fts.rowid",
			cond:   "search_fts MATCH " + args.Add(ftsQuery(ts)),
			titled: titled(ts, args),
			// FTS5 gives its rows newest first without sorting them.
			newest: "search_fts.rowid DESC",
		}
	}
	return matcher{
		from:   "search_entries s",
		cond:   "s.search_vector @@ to_tsquery('simple', " + args.Add(tsQuery(ts)) + ")",
		titled: titled(ts, args),
		newest: "s.id DESC",
	}
}

// titled is 1 when every term is in the folded title (or the symbol), as
// whole words: a string test on two short columns of a row already read,
// the same on both engines and far cheaper than asking the full-text index
// again.
func titled(ts []term, args *db.Args) string {
	var all []string
	for _, t := range ts {
		pat := "% " + strings.Join(t.Words, " ")
		if !t.wordsPrefix() {
			pat += " "
		}
		alt := "(' ' || s.f_title || ' ') LIKE " + args.Add(pat+"%")
		if len(t.Symbol) > 0 {
			alt = "(" + alt + " OR " + symbolHas(t, args) + ")"
		}
		all = append(all, alt)
	}
	return "CASE WHEN " + strings.Join(all, " AND ") + " THEN 1 ELSE 0 END"
}

// symbolHas is the condition that the row's symbol has all the tokens of
// a term's symbol.
func symbolHas(t term, args *db.Args) string {
	var all []string
	for k, tok := range t.Symbol {
		pat := "% " + tok + " %"
		if t.Prefix && k == 0 {
			pat = "% " + tok + "%"
		}
		all = append(all, "(' ' || s.f_symbol || ' ') LIKE "+args.Add(pat))
	}
	return "(" + strings.Join(all, " AND ") + ")"
}

// substring is the last resort: the folded query anywhere in a folded title
// ("tgtu" in "btgtu"), from the trigram indexes of both engines.
func substring(d db.Dialect, text string, args *db.Args) matcher {
	if d == db.SQLite {
		// An FTS5 string: text holds only letters, digits and spaces.
		return matcher{from: "search_fts_trigram JOIN search_entries s ON s.id = search_fts_trigram.rowid",
			cond: "search_fts_trigram MATCH " + args.Add(`"`+text+`"`), titled: "1", newest: "search_fts_trigram.rowid DESC"}
	}
	esc := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(text)
	return matcher{from: "search_entries s", cond: `s.f_title LIKE ` + args.Add("%"+esc+"%") + ` ESCAPE '\'`, titled: "1", newest: "s.id DESC"}
}

// symbolHit is an SQL expression, 1 or 0: the record's symbol has every
// token of one of the query's symbols — the exact symbol match that ranks first.
func symbolHit(ts []term, args *db.Args) string {
	var alts []string
	for _, t := range ts {
		if len(t.Symbol) > 0 {
			alts = append(alts, symbolHas(t, args))
		}
	}
	if len(alts) == 0 {
		return "0"
	}
	return "CASE WHEN " + strings.Join(alts, " OR ") + " THEN 1 ELSE 0 END"
}
