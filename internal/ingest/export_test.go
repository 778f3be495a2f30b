package ingest

// SetHook makes every record a confirmation writes call fn, which may fail
// the confirmation there (tests only).
func (s *Store) SetHook(fn func(proposal string) error) { s.hook = fn }
