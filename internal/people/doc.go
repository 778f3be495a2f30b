// Package people keeps the persons of the Party and State apparatus and the
// posts they hold: a position (Bí thư, Chủ tịch UBND, Ủy viên Ban Thường vụ,
// …) in a unit over an interval of dates, several at once.
//
// Lists of people sort the Vietnamese way — by given name, then middle
// names, then family name — through a sort key computed in Go and compared
// as bytes in SQL, so that paging works. A person's posts are listed in the
// official order of precedence: the level of the unit (central first), then
// the rank of the position, then Party before State before Front.
//
// Every change is validated (the field at fault is named in a
// *problem.Error), written with its audit entry in one transaction, and
// checked against the units' lives under the organisation lock of package
// org, so that a unit cannot end between the check and the write.
package people
