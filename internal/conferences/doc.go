// Package conferences keeps the conferences of a body — the Executive
// Committee (Ban Chấp hành) of a Party organisation, its Standing Board (Ban
// Thường vụ), a People's Council, any unit that meets and decides — through
// their terms: the Nth conference of khóa XII, when and where it met, the
// online bridge points and their delegates, who chaired, who was invited and
// who attended, the agenda with the documents attached and the votes taken,
// the minutes and the conclusion in versions, the documents adopted, and the
// draft news article written from the record.
//
// # Membership
//
// The members of a body on a date are computed from the posts held that day
// (package people), so that quorum and majorities follow the organisation
// as it was:
//
//   - a Party committee (org.PartyCommittee, the Ban Chấp hành): whoever
//     holds, in the committee's unit, a post of Bí thư, Phó Bí thư Thường
//     trực, Phó Bí thư, Ủy viên Ban Thường vụ or Ủy viên Ban Chấp hành, or
//     any of those posts in a Standing Board under the committee that day
//     (the Standing Board is elected from and by the committee, so its
//     members are members of the committee);
//   - a Standing Board (org.StandingBoard): whoever holds Bí thư, Phó Bí
//     thư Thường trực, Phó Bí thư or Ủy viên Ban Thường vụ in the board's
//     unit, and the Bí thư and Phó Bí thư of the committee the board belongs
//     to that day (they sit on the board by office);
//   - a People's Council (org.PeoplesCouncil): its Chủ tịch, Phó Chủ tịch
//     and Đại biểu HĐND;
//   - any other unit: everyone holding a post in it.
//
// A person is counted once however many posts qualify them.
//
// # Quorum and votes
//
// The rules are the functions Quorate and Passes, the same for Party and
// State bodies:
//
//   - a conference is valid (đủ điều kiện tiến hành) when at least two thirds
//     of the body's members attend: 3 × present ≥ 2 × members. This is the
//     rule of the working regulations of Party committees and Standing
//     Boards (quy chế làm việc) and, for People's Councils, of the Law on
//     the Organisation of Local Government (kỳ họp HĐND);
//   - a motion passes when more than half of ALL the members vote for it,
//     not of those present: 2 × for > members. This is Article 10(5) of the
//     Party Charter ("nghị quyết của các cơ quan lãnh đạo của Đảng chỉ có
//     giá trị thi hành khi có hơn một nửa số thành viên trong cơ quan lãnh
//     đạo đó tán thành"), read with Regulation 24-QĐ/TW (2021), 9.3.3, which
//     counts the members of a committee as those in office; and the rule of
//     the People's Council for its resolutions. A motion taken without a
//     quorum does not pass whatever the count.
//
// Vote counts are validated against the members present: for + against +
// abstain never exceeds them, by show of hands or by secret ballot alike.
//
// # Security classes
//
// A conference has its own class. An agenda item's class is at least its
// own class and the class of every document attached to it; it inherits the
// documents' need-to-know grants, and it is listed only to a reader who may
// see every document it attaches — so a reader without clearance learns
// neither its title, nor its attachments, nor its vote, nor that it exists
// (counts of items and votes are taken over visible items only). A news
// article is public: a classified conference cannot produce one, and the
// article of an unclassified one leaves out classified items and documents.
//
// # Locking
//
// Minutes and conclusion go from draft to approved. An approved version is
// locked; a correction is the next version, pointing at the one it corrects,
// and the history is kept. A conference goes from planned to held to
// closed; attendance and votes are recorded while it is held, the agenda
// while it is planned or held, and closing needs an approved conclusion.
//
// Every change is validated (the field at fault is named in a
// *problem.Error), written with its audit entry in one transaction carrying
// the record's class, and nothing is written when a change is refused.
package conferences
