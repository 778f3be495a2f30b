package org

import "plenum/internal/vn"

// nameKeys returns the sort key (Vietnamese order as byte order, so that
// ORDER BY sort_key sorts the Vietnamese way on both engines) and the search
// key (folded name and short name, so that "bac kan" finds "Bắc Kạn" and
// "ubnd" finds "UBND tỉnh …") of a unit name.
func nameKeys(name, short string) (sortKey, searchKey string) {
	search := vn.Fold(name)
	if short != "" {
		search += " | " + vn.Fold(short)
	}
	return vn.SortKey(name), search
}
