// Package vn handles Vietnamese text: normalisation and search keys,
// alphabetical order and sort keys, number words, ordinals and Roman
// numerals, and the dates and reporting periods of official writing.
//
// # Conventions
//
// Text is UTF-8. Every function accepts any input, including invalid UTF-8,
// and none panics; parsers return a *ParseError that names the byte offset
// and what was expected there.
//
// Three forms of a text are used across Plenum:
//
//   - Normalize gives the stored form: Unicode NFC, odd spaces as plain
//     spaces, "Ð" (U+00D0, printed by some portals for "Đ") as "Đ", and tone
//     marks placed the modern way ("hoà" → "hòa", "uỷ" → "ủy"). Case, line
//     breaks and runs of spaces are kept, so offsets into the normalised
//     text still line up with its paragraphs.
//   - Key gives the exact matching key: the normalised text in lower case
//     with runs of white space collapsed. It tells "quý" from "quy".
//   - Fold gives the search key: Key without diacritics and with "đ" as "d"
//     ("Đường Hà Nội" → "duong ha noi"). Search columns store it and queries
//     are folded the same way.
//
// Sorting follows the Vietnamese alphabet (a ă â b c d đ e ê … u ư v x y),
// then the tones in dictionary order, then case; see Compare. SortKey
// turns a string into printable ASCII whose byte order is that order, so a
// stored key column sorts the same way in Go, in SQLite (BINARY) and in
// PostgreSQL (COLLATE "C"). The keys are computed from tables in this
// package only and never change with library versions.
//
// Parsers that read a day or period without a year (“Chiều 18/02”, “quý
// I”) take a reference date, usually the publication date of the text. A
// day or month takes the year that puts it nearest to the reference; a
// reporting period (quarter, 6 or 9 months) takes the reference's year.
//
// Nothing here keeps mutable state: every function is safe for concurrent use.
package vn
