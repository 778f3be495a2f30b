package documents

import (
	"context"
	"strconv"
	"strings"

	"plenum/internal/auth"
	"plenum/internal/search"
)

// entry is what the search index knows of a document: its kind, number and
// summary as the title; its summary and body; its symbol, kind, issuer,
// year, status and class.
func entry(d Document) search.Entry {
	kind, _ := d.Kind.Sym()
	title := d.Label("vi")
	if d.Symbol != "" {
		title += " " + d.Title
	}
	return search.Entry{
		Entity: Entity, EntityID: d.ID, Class: int(d.Class), Title: title, Body: d.Title + "\n" + d.Body,
		Keywords: strings.Join([]string{d.SignerName, d.Place, d.Kind.Name("en")}, " "),
		Symbol:   d.Symbol, Kind: kindCode(kind.Schema(), d.Kind), Issuer: d.IssuerName, UnitID: d.IssuerUnitID,
		Year: d.IssuedOn.Year, Status: string(d.Status), Date: d.IssuedOn, URL: "/documents/" + strconv.FormatInt(d.ID, 10),
	}
}

// kindCode is the kind the index files a document under: docsym's schema
// name where it has one ("plan", "resolution"), else the registry's slug.
func kindCode(schema string, k Kind) string {
	if schema != "" {
		return schema
	}
	return string(k)
}

// index keeps the search index in step with a document, in the
// transaction of the change.
func (s *Store) index(ctx context.Context, d Document) error {
	if s.opt.Index == nil {
		return nil
	}
	return s.opt.Index.Put(ctx, entry(d))
}

// classChanged carries a new class or new grants to the records derived
// from the document: its attachments, and the records of the stores that
// registered with OnReclassify.
func (s *Store) classChanged(ctx context.Context, id int64, class auth.Clearance) error {
	if s.opt.Files != nil {
		if err := s.opt.Files.SetClass(ctx, Entity, id, class); err != nil {
			return err
		}
	}
	for _, fn := range s.derived {
		if err := fn(ctx, id); err != nil {
			return err
		}
	}
	return nil
}

// SearchSource is the registry as the search index's rebuild (plenum reindex) reads it.
func (s *Store) SearchSource() search.Source {
	return search.Source{Entity: Entity, Entries: func(ctx context.Context, put func(search.Entry) error) error {
		rows, err := s.db.R(ctx).QueryContext(ctx, `SELECT `+docColumns+` FROM documents d ORDER BY d.id`)
		if err != nil {
			return err
		}
		docs, err := scanDocs(rows)
		if err != nil {
			return err
		}
		for _, d := range docs {
			if err := put(entry(d)); err != nil {
				return err
			}
		}
		return nil
	}}
}
