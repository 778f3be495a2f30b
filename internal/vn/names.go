package vn

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Vietnamese names are written family name first (họ), then the middle
// name (tên đệm), then the given name (tên): "Nguyễn Thị Minh Khai" is
// family "Nguyễn", middle "Thị Minh", given "Khai". People are called and
// listed by the given name, so lists sort on it first, then on the middle
// name, then on the family name: "Nguyễn Văn An" < "Trần Thị Bình" <
// "Lê Văn Bình".

// SplitName splits a full name into family, middle and given name. A name
// of one word is a given name; of two, a family and a given name. Family
// names of two words ("Tôn Nữ", "Âu Dương") cannot be told from a family
// and a middle name and are split as one word each; the order of lists
// does not suffer, since the given name decides first.
func SplitName(fullName string) (family, middle, given string) {
	family, middle, given = splitName(Normalize(fullName))
	return family, strings.Join(strings.Fields(middle), " "), given
}

// splitName is SplitName on normalised text, without allocating: the
// middle name keeps the spaces it had inside.
func splitName(s string) (family, middle, given string) {
	s = strings.TrimFunc(s, unicode.IsSpace)
	first := strings.IndexFunc(s, unicode.IsSpace)
	if first < 0 {
		return "", "", s
	}
	last := strings.LastIndexFunc(s, unicode.IsSpace)
	_, size := utf8.DecodeRuneInString(s[last:])
	return s[:first], strings.TrimFunc(s[first:last], unicode.IsSpace), s[last+size:]
}

// CompareNames returns -1, 0 or +1 as the person named a is listed before,
// with or after b: by given name, then middle name, then family name, each
// in the order of Compare. It agrees with comparing NameSortKey(a) and
// NameSortKey(b), being built on them.
func CompareNames(a, b string) int {
	if a == b {
		return 0
	}
	var ka, kb [128]byte
	return bytes.Compare(appendNameSortKey(ka[:0], a), appendNameSortKey(kb[:0], b))
}

// NameSortKey returns the sort key of a full name for person lists: the
// sort keys of the given, middle and family names joined by '!', which is
// below every byte of a sort key, so that a shorter name part sorts first.
// Like SortKey it is printable ASCII for a column ordered bytewise.
func NameSortKey(fullName string) string {
	var k [128]byte
	return string(appendNameSortKey(k[:0], fullName))
}

func appendNameSortKey(dst []byte, fullName string) []byte {
	family, middle, given := splitName(Normalize(fullName))
	dst = appendSortKey(dst, given)
	dst = appendSortKey(append(dst, nameSep), middle)
	dst = appendSortKey(append(dst, nameSep), family)
	return bytes.TrimRight(dst, string(nameSep))
}
