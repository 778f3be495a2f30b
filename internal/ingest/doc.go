// Package ingest reads news articles and conference conclusions into the
// records they describe, with a person in the loop: an article (pasted
// text, an uploaded .txt or .html file, or a file of an archive read by
// `plenum ingest`) is read by the extractor (internal/extract) into a
// pending item of the ingest queue; the review page shows the text beside
// the records it proposes — the conference, the people and their posts, the
// documents cited, the figures as indicator values, the tasks listed —
// each with the byte spans of the text it came from; the person corrects,
// accepts or rejects each proposal and confirms. Nothing is written before
// that.
//
// # Recognising an article
//
// An item's checksum is the SHA-256 of the article's text as read,
// normalised (NFC, modern tone marks, one paragraph a line, spaces
// collapsed), and it is unique: the same article sent again, whatever its
// file name or encoding (UTF-8, UTF-16, Windows-1258), is recognised and the
// existing item, with its status, is shown instead of a new one. Each
// submission is its own transaction, so that an archive read by `plenum
// ingest` and interrupted is resumed by running it again, without
// duplicates.
//
// # Proposals
//
// Proposals are built from the extraction each time an item is shown, for
// the viewer and as of the article's date (Build): they match the registries
// as they are now and as that viewer may see them, so that a classified
// record is never offered to someone who may not see it. The rules:
//
//   - the conference: the convening body and the province name a unit as of
//     the event date ("Ban Chấp hành Đảng bộ tỉnh" of Bắc Kạn in 2021 is
//     Tỉnh ủy Bắc Kạn; from 2025-07-01 an old province's name is read as the
//     province it was merged into); its term is the one with the article's
//     numeral, else the one running that day; an existing conference of that
//     body and term with the same ordinal, or held that day, is matched;
//     otherwise a new one is proposed, with a new term when the body has
//     none that day;
//   - people: a known person with the same name (vn.Fold) who held, on the
//     event date, a post the article gives (same position in the same unit)
//     is matched; a namesake without such a post is only offered as a
//     candidate (ranked), and the person is proposed as new. Each post text
//     is mapped to a position of the catalogue and a unit as of the date;
//     posts the person does not hold yet are proposed;
//   - documents: matched in the registry by symbol (and issuer, and date
//     when printed), else by kind, number and issuer; otherwise proposed as
//     an external document with its kind, number, issuer and date;
//   - figures: matched to an indicator by the words of what they measure and
//     the unit of measure, with the period the sentence names ("9 tháng",
//     "6 tháng đầu năm", "quý III", "năm 2024"), the province's unit, and
//     estimate ("ước đạt") or final; unmatched figures are shown to be
//     assigned or skipped;
//   - tasks: sentences that assign work ("giao … chủ trì", "đề nghị …",
//     "yêu cầu …"), with the lead unit and a deadline when they give one
//     ("trước ngày …", "trong quý …"), found by FindTasks; conservative.
//
// A proposal is accepted by default only when it is complete and matched
// with confidence; everything else waits for the person.
//
// # Confirmation
//
// Confirm applies the person's decisions — accept, edit or reject each
// proposal, choose among candidates — in ONE transaction, through the
// registries' own stores, so that everything is validated and audited as if
// typed in their forms; it records what was created and what was matched
// (ingest_records), marks the item confirmed and audits that too. Any
// refusal rolls everything back and names the proposal and field at fault.
//
// # Security classes
//
// An item has a class (thường unless the submitter classifies it); the
// queue and every read go through internal/access. Records created from a
// classified item carry at least its class (conferences, documents, tasks);
// indicator values take their indicator's class and are refused when it is
// lower; people, posts and terms have no class and are not created from a
// classified item.
package ingest
