// Package files keeps the files attached to records — a document's text and
// annexes, a task's evidence, an ingested article — for any owner named by
// (entity, id). A file's type is sniffed from its content and must agree with
// its name's extension; its size is bounded; its name is normalised; its
// content is stored in the database or in a configured directory, addressed
// by its SHA-256 and verified against it on every read. A file carries the
// security class of the record it is attached to, and is only ever served
// after the owner's access check, never from a path a client names.
package files
