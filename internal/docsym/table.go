package docsym

// codeTable is a small read-only map from folded codes to values. The tables
// hold a few dozen codes each, and a Go map spent most of Parse's time
// hashing; a bucket chosen from the length and two bytes, then one or two
// string compares, is several times faster and allocates nothing.
type codeTable[V any] struct {
	buckets [64][]codeEntry[V]
}

type codeEntry[V any] struct {
	key string
	val V
}

func bucketOf(key []byte) int {
	return (int(key[0]) + 7*len(key) + 13*int(key[len(key)-1])) & 63
}

// put adds or replaces the value for key.
func (t *codeTable[V]) put(key []byte, v V) {
	b := &t.buckets[bucketOf(key)]
	for i := range *b {
		if (*b)[i].key == string(key) {
			(*b)[i].val = v
			return
		}
	}
	*b = append(*b, codeEntry[V]{string(key), v})
}

// get returns the value for key.
func (t *codeTable[V]) get(key []byte) (V, bool) {
	if len(key) > 0 {
		for _, e := range t.buckets[bucketOf(key)] {
			if e.key == string(key) {
				return e.val, true
			}
		}
	}
	var zero V
	return zero, false
}
