package conferences_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"plenum/internal/access"
	"plenum/internal/app"
	"plenum/internal/audit"
	"plenum/internal/auth"
	"plenum/internal/clock"
	"plenum/internal/conferences"
	"plenum/internal/date"
	"plenum/internal/fixture"
	"plenum/internal/org"
	"plenum/internal/people"
)

// provinceScale is a province's conference record: a committee of 45
// members and its Standing Board of 12, and 300 conferences over two years
// (60 of the committee, 240 of the board), each held and recorded: full
// attendance but two, three agenda items (one in ten classified), two
// votes, the conclusion approved.
type provinceScale struct {
	ctx      context.Context
	app      *app.App
	ids      []int64
	sample   int64 // a committee conference in the middle
	bchTerm  int64
	bodyBCH  int64
	earliest date.Date
}

func buildProvinceScale(b *testing.B) provinceScale {
	b.Helper()
	a := fixture.NewWith(b, fixture.Options{Clock: clock.At(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))}).App
	ctx := audit.WithActor(context.Background(), audit.Actor{Name: "bench"})
	ps := provinceScale{ctx: ctx, app: a}
	must := func(err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	unit := func(name string, kind org.Kind, level org.Level, parent int64) int64 {
		u, err := a.Org.Create(ctx, org.CreateInput{NewUnit: org.NewUnit{Kind: kind, Level: level, Name: name, ParentID: parent},
			Act: org.Act{Effective: date.MustParse("2016-01-01")}})
		must(err)
		return u.ID
	}
	tw := unit("Ban Chấp hành Trung ương Đảng", org.PartyCommittee, org.Central, 0)
	tu := unit("Tỉnh ủy Đo Lường", org.PartyCommittee, org.Province, tw)
	btv := unit("Ban Thường vụ Tỉnh ủy Đo Lường", org.StandingBoard, org.Province, tu)
	ps.bodyBCH = tu
	for i := range 45 {
		p, err := a.People.CreatePerson(ctx, people.PersonInput{FullName: fmt.Sprintf("Nguyễn Văn Thành Viên %02d", i)})
		must(err)
		code, u := "executive_committee_member", tu
		switch {
		case i == 0:
			code = "secretary"
		case i < 3:
			code = "deputy_secretary"
		case i < 12:
			code, u = "standing_board_member", btv
		}
		_, err = a.People.AddPost(ctx, people.PostInput{PersonID: p.ID, PositionCode: code, UnitID: u, ValidFrom: date.MustParse("2020-10-01")})
		must(err)
	}
	terms := map[int64]conferences.Term{}
	for _, body := range []int64{tu, btv} {
		t, err := a.Conferences.CreateTerm(ctx, conferences.TermInput{BodyID: body, Numeral: "XII", YearFrom: 2020, YearTo: 2025, ValidFrom: date.MustParse("2020-10-01")})
		must(err)
		terms[body] = t
	}
	ps.bchTerm = terms[tu].ID
	grants := []access.Grant{{Role: auth.RoleOffice}}
	ps.earliest = date.MustParse("2024-01-01")
	for i := range 300 {
		body := btv
		if i%5 == 0 {
			body = tu
		}
		on := ps.earliest.AddDays(i * 730 / 300)
		c, err := a.Conferences.Create(ctx, access.System, conferences.Input{TermID: terms[body].ID, Kind: conferences.Regular, HeldOn: on,
			Part: conferences.Morning, Subject: fmt.Sprintf("nội dung hội nghị số %d", i)})
		must(err)
		ps.ids = append(ps.ids, c.ID)
		if i == 150 {
			ps.sample = c.ID
		}
		_, err = a.Conferences.SetStatus(ctx, access.System, c.ID, conferences.Held)
		must(err)
		members, err := a.Conferences.Members(ctx, body, on)
		must(err)
		var att []conferences.Attendance
		for j, m := range members {
			st := conferences.Present
			if j >= len(members)-2 {
				st = conferences.Excused
			}
			att = append(att, conferences.Attendance{PersonID: m.PersonID, Status: st})
		}
		_, err = a.Conferences.SetAttendance(ctx, access.System, c.ID, att)
		must(err)
		for k := range 3 {
			in := conferences.ItemInput{Kind: conferences.DraftResolution, Title: fmt.Sprintf("Nội dung %d của hội nghị %d", k, i)}
			if k == 2 && i%10 == 0 {
				in.Class, in.Grants = 1, grants
			}
			it, err := a.Conferences.AddItem(ctx, access.System, c.ID, in)
			must(err)
			if k < 2 {
				_, err = a.Conferences.RecordVote(ctx, access.System, it.ID, conferences.VoteInput{Method: conferences.ShowOfHands, For: len(members) - 2})
				must(err)
			}
		}
		_, err = a.Conferences.WriteDraft(ctx, access.System, c.ID, conferences.Conclusion, conferences.TextInput{Body: "Kết luận của hội nghị."})
		must(err)
		_, err = a.Conferences.Approve(ctx, access.System, c.ID, conferences.Conclusion)
		must(err)
	}
	return ps
}

// BenchmarkConferences measures the calendar and the conference page at
// province scale, for a cleared reader with need-to-know grants (the
// visibility rule's costliest case) and a reader without clearance,
// against baselines in the same database: the same calendar rows read by
// date alone, and one conference read by its primary key.
func BenchmarkConferences(b *testing.B) {
	ps := buildProvinceScale(b)
	a, ctx := ps.app, ps.ctx
	office := access.Viewer{UserID: 999, Role: auth.RoleOffice, Clearance: auth.ClassToiMat}
	public := access.Viewer{}
	year := conferences.CalendarQuery{Year: 2024, Limit: 1000}
	b.Run("calendar-year", func(b *testing.B) {
		for b.Loop() {
			cal, err := a.Conferences.Calendar(ctx, office, year)
			if err != nil || cal.Total < 140 {
				b.Fatal(cal.Total, err)
			}
		}
	})
	b.Run("calendar-month-term", func(b *testing.B) {
		q := conferences.CalendarQuery{TermID: ps.bchTerm, Year: 2024, Month: 6}
		for b.Loop() {
			if _, err := a.Conferences.Calendar(ctx, office, q); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("calendar-year-public", func(b *testing.B) {
		for b.Loop() {
			if _, err := a.Conferences.Calendar(ctx, public, year); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("baseline-calendar-rows", func(b *testing.B) {
		for b.Loop() {
			rows, err := a.DB.R(ctx).QueryContext(ctx, `SELECT id, held_on, ordinal, subject FROM conferences
				WHERE held_on >= '2024-01-01' AND held_on <= '2024-12-31' ORDER BY held_on, id`)
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for rows.Next() {
				var id int64
				var on date.Date
				var ord int
				var subject string
				if err := rows.Scan(&id, &on, &ord, &subject); err != nil {
					b.Fatal(err)
				}
				n++
			}
			rows.Close()
			if n < 140 {
				b.Fatal(n)
			}
		}
	})
	b.Run("page", func(b *testing.B) {
		for b.Loop() {
			rec, err := a.Conferences.Record(ctx, office, ps.sample)
			if err != nil || rec.Quorum.Members != 45 {
				b.Fatal(rec.Quorum, err)
			}
		}
	})
	b.Run("page-public", func(b *testing.B) {
		for b.Loop() {
			if _, err := a.Conferences.Record(ctx, public, ps.sample); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("baseline-primary-key", func(b *testing.B) {
		for b.Loop() {
			var subject string
			if err := a.DB.R(ctx).QueryRowContext(ctx, `SELECT subject FROM conferences WHERE id = $1`, ps.sample).Scan(&subject); err != nil {
				b.Fatal(err)
			}
		}
	})
}
