package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"plenum/internal/extract"
)

// stored is extract.Article without its SCHEMA.md JSON form: every field,
// spans and lines included, as the queue keeps an extraction.
type stored extract.Article

// encodeExtraction writes an article as the queue keeps it.
func encodeExtraction(a extract.Article) (string, error) {
	b, err := json.Marshal(stored(a))
	if err != nil {
		return "", fmt.Errorf("ingest: encode extraction: %w", err)
	}
	return string(b), nil
}

// decodeExtraction reads an article the queue kept.
func decodeExtraction(s string) (extract.Article, error) {
	var a stored
	if err := json.Unmarshal([]byte(s), &a); err != nil {
		return extract.Article{}, fmt.Errorf("ingest: decode extraction: %w", err)
	}
	return extract.Article(a), nil
}

// Checksum is the key an article is recognised by: the SHA-256, in hex, of
// its text as read (extract.Article.Text, already NFC with modern tone marks
// and "\n" line ends) with every line's spaces collapsed and blank lines
// left out. The same article decoded from UTF-8, UTF-16 or Windows-1258, or
// saved with other line ends, has the same checksum.
func Checksum(text string) string {
	h := sha256.New()
	first := true
	for line := range strings.SplitSeq(text, "\n") {
		words := strings.Fields(line)
		if len(words) == 0 {
			continue
		}
		if !first {
			h.Write([]byte{'\n'})
		}
		first = false
		h.Write([]byte(strings.Join(words, " ")))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Line is a paragraph of an item's text and its role in the page: "body",
// "title", "boilerplate", "caption" or "byline".
type Line struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Kind  string `json:"kind"`
}

// Lines are the paragraphs of an item's text; none when it was read
// without its extraction.
func (it Item) Lines() []Line {
	if it.Article == nil {
		return nil
	}
	out := make([]Line, len(it.Article.Lines))
	for i, l := range it.Article.Lines {
		out[i] = Line{Start: l.Start, End: l.End, Kind: l.Kind.String()}
	}
	return out
}
