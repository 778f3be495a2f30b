package ingest

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"plenum/internal/date"
	"plenum/internal/db"
	"plenum/internal/docsym"
	"plenum/internal/documents"
	"plenum/internal/extract"
	"plenum/internal/org"
)

// documents proposes the documents cited: matched in the registry, else
// registered as external documents.
func (b *builder) documents(ctx context.Context) error {
	for _, d := range b.a.Documents {
		dp := DocumentProposal{Span: d.Span, Cited: b.text(d.Span), Number: d.Number, Issuer: d.Issuer, Date: d.Date}
		k, ok := docsym.KindBySchema(d.Kind)
		if !ok {
			continue
		}
		dp.Kind = documents.KindOf(k)
		if sym, ok := citedSymbol(d, k); ok {
			dp.Symbol = sym.String()
			if sym.Issuer != "" {
				dp.Issuer = sym.Issuer
			}
		}
		if b.s.reg.Documents != nil {
			if err := b.matchDocument(ctx, &dp); err != nil {
				return err
			}
		}
		if dp.MatchID == 0 {
			if err := b.draftDocument(ctx, &dp); err != nil {
				return err
			}
		}
		dp.Decision = accept(dp.MatchID != 0 || (b.s.reg.Documents != nil && dp.Symbol != "" && !dp.Date.IsZero()))
		b.out.Documents = append(b.out.Documents, dp)
	}
	return nil
}

// citedSymbol is the symbol of a cited document: as printed, else made from
// its number, kind and a Party issuer ("Kết luận số 21 của Bộ Chính trị" is
// 21-KL/TW). A State document cited without its symbol has none: its
// symbol carries a year the text does not give.
func citedSymbol(d extract.Document, k docsym.Kind) (docsym.Symbol, bool) {
	if d.Symbol != "" {
		sym, err := docsym.ParseLenient(d.Symbol)
		return sym, err == nil
	}
	if d.Issuer == "" || d.Number <= 0 || k.Code(docsym.Party) == "" {
		return docsym.Symbol{}, false
	}
	sym, err := docsym.Parse(fmt.Sprintf("%d-%s/%s", d.Number, k.Code(docsym.Party), d.Issuer))
	if err != nil || sym.System != docsym.Party {
		return docsym.Symbol{}, false
	}
	return sym, true
}

// Scores of a registry document against a citation.
const (
	scoreSymbol = 10 // the same symbol
	scoreNumber = 6  // the same kind, number and issuer code
	scoreDate   = 5  // issued on the date cited
)

// matchDocument finds the cited document among those of the registry the
// viewer may see: by symbol, or by kind, number and issuer code; a date
// printed breaks ties. The best is selected when it is the only one with
// its score.
func (b *builder) matchDocument(ctx context.Context, dp *DocumentProposal) error {
	var args db.Args
	var alts []string
	if dp.Symbol != "" {
		alts = append(alts, "d.symbol = "+args.Add(dp.Symbol))
	}
	if dp.Issuer != "" {
		alts = append(alts, "(d.kind = "+args.Add(string(dp.Kind))+" AND d.number = "+args.Add(dp.Number)+
			" AND d.symbol_issuer = "+args.Add(dp.Issuer)+")")
	}
	if len(alts) == 0 {
		return nil
	}
	rows, err := b.s.db.R(ctx).QueryContext(ctx, `SELECT d.id, d.kind, d.symbol, d.symbol_issuer, d.number, d.issuer_name, d.issued_on, d.title
		FROM documents d WHERE d.symbol <> '' AND (`+strings.Join(alts, " OR ")+`) AND `+b.v.Visible(documents.Entity, "d", &args)+`
		ORDER BY d.issued_on DESC, d.id LIMIT 20`, args...)
	if err != nil {
		return fmt.Errorf("ingest: match document %s: %w", dp.Cited, err)
	}
	defer rows.Close()
	for rows.Next() {
		var d documents.Document
		if err := rows.Scan(&d.ID, &d.Kind, &d.Symbol, &d.SymbolIssuer, &d.Number, &d.IssuerName, &d.IssuedOn, &d.Title); err != nil {
			return fmt.Errorf("ingest: match document: %w", err)
		}
		c := Candidate{ID: d.ID, Label: d.Label("vi"), Note: d.IssuerName + " · " + d.IssuedOn.String() + " · " + d.Title}
		if d.Symbol == dp.Symbol {
			c.Score += scoreSymbol
		} else {
			c.Score += scoreNumber
		}
		if !dp.Date.IsZero() && d.IssuedOn == dp.Date {
			c.Score += scoreDate
		}
		dp.Candidates = append(dp.Candidates, c)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	sort.SliceStable(dp.Candidates, func(i, j int) bool { return dp.Candidates[i].Score > dp.Candidates[j].Score })
	if cs := dp.Candidates; len(cs) > 0 && (len(cs) == 1 || cs[0].Score > cs[1].Score) {
		dp.MatchID, dp.MatchLabel = cs[0].ID, cs[0].Label
	}
	return nil
}

// issuerNames are the issuers of documents cited from outside the province,
// by the code their symbols carry.
var issuerNames = map[string]string{
	"TW": "Ban Chấp hành Trung ương Đảng", "CP": "Chính phủ", "TTg": "Thủ tướng Chính phủ", "QH": "Quốc hội",
	"UBTVQH": "Ủy ban Thường vụ Quốc hội", "CTN": "Chủ tịch nước", "VPCP": "Văn phòng Chính phủ",
}

// provincialIssuers are the issuer codes of the province's own bodies,
// looked up in the organisation.
var provincialIssuers = map[string]org.Kind{"TU": org.PartyCommittee, "HĐND": org.PeoplesCouncil, "UBND": org.PeoplesCommittee}

// draftDocument fills what registering the cited document needs: its
// issuer (a unit of the province, or a name), and a title — the words "về
// …" that follow the citation, else the citation itself.
func (b *builder) draftDocument(ctx context.Context, dp *DocumentProposal) error {
	if kind, ok := provincialIssuers[dp.Issuer]; ok {
		u, _, err := b.r.pick(ctx, unitSpec{Kind: kind, Level: org.Province}, documentDay(*dp, b.day))
		if err != nil {
			return err
		}
		dp.IssuerUnitID, dp.IssuerName = u.ID, u.Name
	}
	if dp.IssuerName == "" {
		dp.IssuerName = issuerNames[dp.Issuer]
		if strings.Contains(dp.Cited, "Bộ Chính trị") {
			dp.IssuerName = "Bộ Chính trị"
		} else if strings.Contains(dp.Cited, "Ban Bí thư") {
			dp.IssuerName = "Ban Bí thư"
		}
	}
	if dp.IssuerName == "" {
		dp.IssuerName = dp.Issuer
	}
	dp.Title = b.aboutAfter(dp.Span)
	if dp.Title == "" {
		dp.Title = dp.Cited
	}
	return nil
}

// maxTitleRunes bounds the title read from the text after a citation.
const maxTitleRunes = 300

// aboutAfter reads what a citation is about from the words that follow it:
// "… của Bộ Chính trị về tiếp tục thực hiện …" gives "Về tiếp tục thực hiện
// …", up to the end of the sentence; "" when no "về" follows.
func (b *builder) aboutAfter(s Span) string {
	if s.End > len(b.a.Text) {
		return ""
	}
	rest := b.a.Text[s.End:]
	if i := strings.IndexAny(rest, ".;\n"); i >= 0 {
		rest = rest[:i]
	}
	i := strings.Index(rest, " về ")
	if i < 0 || i > 80 {
		return ""
	}
	about := strings.TrimSpace(rest[i+1:])
	if j := strings.Index(about, ", "); j > 0 && utf8.RuneCountInString(about) > maxTitleRunes {
		about = about[:j]
	}
	if r := []rune(about); len(r) > maxTitleRunes {
		about = string(r[:maxTitleRunes])
	}
	r, n := utf8.DecodeRuneInString(about)
	return string(unicode.ToUpper(r)) + about[n:]
}

// documentDay is the day a document proposal's units are taken as of.
func documentDay(dp DocumentProposal, fallback date.Date) date.Date {
	if dp.Date.IsZero() {
		return fallback
	}
	return dp.Date
}
