// Package documents is the registry of Party and State documents: those
// drafted in Plenum, numbered in sequence when they are issued, and those
// registered from outside (the level above, other bodies), with the same
// model. A document has a kind, a symbol parsed and validated by docsym, an
// issuer, a signer and signing capacity, a place and date of issue, a summary
// line (trích yếu), a body and attached files, a status with its allowed
// transitions, a security class with need-to-know grants and a classification
// history, recipients (nơi nhận), a register of copies handed out, and links
// to other documents (implements, guides, amends, replaces, reviews, cites).
//
// Every query goes through internal/access: lists embed Viewer.Visible, a
// single document is read with access.Store.Check, and the views built from
// several documents (family tree, replacement chain, links) leave out what
// the viewer may not see, so that a classified document is absent rather than
// a hole that reveals it. Every change is audited with the document's class,
// in the transaction of the change.
package documents
