package db

// Null is v as a query argument, with the zero value written as NULL: an
// optional id, date or number.
func Null[T comparable](v T) any {
	var zero T
	if v == zero {
		return nil
	}
	return v
}
