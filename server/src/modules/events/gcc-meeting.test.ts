/**
 * Seed situation 2 through the API: the annual meeting of the GCC Hajj-affairs offices,
 * Monday 6 Dhu al-Hijjah 1446 (2 June 2025), evening, at the Kuwaiti Hajj office in Mecca,
 * chaired by the Kuwaiti mission's head; Qatar's delegation led by its deputy head.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { civilToIso, hijriToGregorian } from "../../../../common/dates.js";
import { buildTestApp, login, LOGINS, orgId, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";

for (const dialect of DIALECTS) {
  describe(`the GCC offices' annual meeting (${dialect})`, () => {
    let t: TestApp;
    let kuwait: Client;
    let qatar: Client;
    let eventId: string;

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      kuwait = await login(t.app, LOGINS.kuwaitAdmin);
      qatar = await login(t.app, LOGINS.qatarAdmin);
      const coordinator = await login(t.app, LOGINS.oicCoordinator);
      expect((await coordinator.request("POST", "/api/seasons", { hijriYear: 1446 })).statusCode).toBe(201);
    });
    afterAll(async () => t?.close());

    it("is created by the Kuwaiti office for 6 Dhu al-Hijjah 1446, evening, Mecca time", async () => {
      const season = (await kuwait.request("GET", "/api/seasons/1446")).json();
      expect(season).toMatchObject({ startsOn: "2024-07-07", endsOn: "2025-06-25" });
      const day = civilToIso(hijriToGregorian({ year: 1446, month: 12, day: 6 }));
      expect(day).toBe("2025-06-02");
      const head = (await kuwait.request("GET", "/api/people?organisation=hajj-kw&position=head")).json().items[0];
      const r = await kuwait.request("POST", "/api/events", {
        seasonId: season.id, kind: "meeting", mode: "in_person",
        titleAr: "الاجتماع السنوي لمكاتب شؤون الحجاج بدول مجلس التعاون", titleEn: "Annual meeting of the GCC Hajj-affairs offices",
        venueAr: "مقر بعثة الحج الكويتية، مكة المكرمة", venueEn: "Kuwaiti Hajj office, Mecca",
        startsLocal: `${day}T20:00`, endsLocal: `${day}T22:00`, registration: "invitation", visibility: "group",
        shareGroupId: (await kuwait.request("GET", "/api/groups/gcc-hajj-offices")).json().id, chairPersonId: head.id,
      });
      expect(r.statusCode, r.body).toBe(201);
      const event = r.json();
      eventId = event.id;
      expect(event).toMatchObject({ startsAt: "2025-06-02T17:00:00.000Z", startsLocal: "2025-06-02T20:00", timeZone: "Asia/Riyadh", host: { code: "hajj-kw" }, chair: { id: head.id } });
    });

    it("names an event's fields as an event's, in the caller's language", async () => {
      const season = (await kuwait.request("GET", "/api/seasons/1446")).json();
      const r = await kuwait.request("POST", "/api/events", { seasonId: season.id, kind: "meeting", mode: "in_person", titleAr: " ", titleEn: "Meeting", startsLocal: "2025-06-02T20:00", endsLocal: "2025-06-02T22:00", registration: "invitation", visibility: "members" });
      expect(r.statusCode).toBe(400);
      expect(r.json().fields).toEqual([{ field: "titleAr", message: "حقل «العنوان (بالعربية)» مطلوب." }]);
      const person = await kuwait.request("POST", "/api/people", { organisationId: await orgId(t, "hajj-kw"), nameAr: "اسم", nameEn: "Name", position: "staff", preferredLanguage: "ar", visibility: "private", titleAr: "x".repeat(201) });
      expect(person.json().fields[0].message).toContain("المسمّى الوظيفي (بالعربية)");
    });

    it("invites the GCC group: five other offices, each admin told in their language", async () => {
      const r = await kuwait.request("POST", `/api/events/${eventId}/invitations`, { groupCodes: ["gcc-hajj-offices"] });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().added).toBe(5);
      expect(r.json().items.map((i: { organisation: { code: string } }) => i.organisation.code).sort()).toEqual(["hajj-ae", "hajj-bh", "hajj-om", "hajj-qa", "hajj-sa"]);
      const again = (await kuwait.request("POST", `/api/events/${eventId}/invitations`, { groupCodes: ["gcc-hajj-offices"] })).json();
      expect(again.added).toBe(0);
      const message = await t.database.db.selectFrom("outbox").select(["subject", "locale"]).where("kind", "=", "event_invitation").where("toEmail", "=", LOGINS.qatarAdmin).executeTakeFirstOrThrow();
      expect(message).toMatchObject({ locale: "ar", subject: "دعوة: الاجتماع السنوي لمكاتب شؤون الحجاج بدول مجلس التعاون" });
    });

    it("lets Qatar nominate a delegation led by its deputy head, and only Qatar's admin do so", async () => {
      const qa = await orgId(t, "hajj-qa");
      const people = (await qatar.request("GET", "/api/people?organisation=hajj-qa")).json().items as Array<{ id: string; position: string }>;
      const deputy = people.find((p) => p.position === "deputy_head")!;
      const officials = people.filter((p) => p.position === "official").map((p) => p.id);
      const r = await qatar.request("PUT", `/api/events/${eventId}/delegations/${qa}`, { leaderId: deputy.id, memberIds: officials });
      expect(r.statusCode, r.body).toBe(200);
      const mine = r.json().items;
      expect(mine).toHaveLength(1); // an invitee sees its own invitation
      expect(mine[0]).toMatchObject({ status: "accepted", organisation: { code: "hajj-qa" } });
      expect(mine[0].delegation.find((d: { isLeader: boolean }) => d.isLeader).id).toBe(deputy.id);
      expect(mine[0].delegation).toHaveLength(1 + officials.length);
      // Kuwait cannot nominate Qatar's delegation; Qatar cannot name a Kuwaiti as its leader.
      expect((await kuwait.request("PUT", `/api/events/${eventId}/delegations/${qa}`, { leaderId: deputy.id, memberIds: [] })).statusCode).toBe(403);
      const kwHead = (await kuwait.request("GET", "/api/people?organisation=hajj-kw&position=head")).json().items[0];
      const wrong = await qatar.request("PUT", `/api/events/${eventId}/delegations/${qa}`, { leaderId: kwHead.id, memberIds: [] });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().fields[0].field).toBe("leaderId");
      // The host sees who comes from where.
      const all = (await kuwait.request("GET", `/api/events/${eventId}/invitations`)).json();
      expect(all.items).toHaveLength(5);
      expect(all.items.find((i: { organisation: { code: string } }) => i.organisation.code === "hajj-qa").delegation).toHaveLength(1 + officials.length);
    });

    it("keeps a draft to its organisers, and refuses invitations until it is published", async () => {
      const season = (await kuwait.request("GET", "/api/seasons/1446")).json();
      const draft = (await kuwait.request("POST", "/api/events", { seasonId: season.id, kind: "meeting", mode: "in_person", status: "draft", titleAr: "اجتماع تحضيري", titleEn: "Preparatory meeting", startsLocal: "2025-06-01T20:00", endsLocal: "2025-06-01T22:00", registration: "invitation", visibility: "group", shareGroupId: (await kuwait.request("GET", "/api/groups/gcc-hajj-offices")).json().id })).json();
      expect((await qatar.request("GET", `/api/events/${draft.id}`)).statusCode).toBe(404);
      expect((await qatar.request("GET", "/api/events?q=" + encodeURIComponent("Preparatory"))).json().total).toBe(0);
      expect((await kuwait.request("GET", "/api/events?q=" + encodeURIComponent("Preparatory"))).json().total).toBe(1);
      const invite = await kuwait.request("POST", `/api/events/${draft.id}/invitations`, { groupCodes: ["gcc-hajj-offices"] });
      expect(invite.statusCode).toBe(409);
      expect(invite.json().code).toBe("EVENT_NOT_PUBLISHED");
      expect((await kuwait.request("PATCH", `/api/events/${draft.id}`, { status: "published" })).statusCode).toBe(200);
      expect((await qatar.request("GET", `/api/events/${draft.id}`)).statusCode).toBe(200);
    });

    it("is visible to GCC members and not to another mission", async () => {
      const indonesia = await login(t.app, LOGINS.indonesiaMember);
      expect((await indonesia.request("GET", `/api/events/${eventId}`)).statusCode).toBe(404);
      expect((await indonesia.request("GET", "/api/events?season=1446")).json().total).toBe(0);
      const qatarMember = await login(t.app, LOGINS.qatarMember);
      expect((await qatarMember.request("GET", `/api/events/${eventId}`)).statusCode).toBe(200);
    });

    it("offers an .ics that opens as 2 June 2025, 20:00 in Asia/Riyadh, with the Hijri date", async () => {
      const r = await qatar.request("GET", `/api/events/${eventId}/calendar.ics`);
      expect(r.statusCode).toBe(200);
      expect(r.headers["content-type"]).toContain("text/calendar");
      const ics = r.body.replace(/\r\n[ \t]/g, ""); // unfold RFC 5545 line folding
      expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
      expect(ics).toContain("BEGIN:VTIMEZONE\r\nTZID:Asia/Riyadh");
      expect(ics).toContain("TZOFFSETTO:+0300");
      expect(ics).toContain("DTSTART;TZID=Asia/Riyadh:20250602T200000");
      expect(ics).toContain("DTEND;TZID=Asia/Riyadh:20250602T220000");
      expect(ics).toContain("6 Dhu al-Hijjah 1446 AH");
      expect(ics).toContain("ذو الحجة 1446");
      expect(ics).toMatch(/ORGANIZER;CN="?Kuwaiti Hajj Mission"?:mailto:office@hajj-kw.rifada.test/);
      expect(ics).toContain("LOCATION:مقر بعثة الحج الكويتية، مكة المكرمة — Kuwaiti Hajj office\\, Mecca");
    });

    it("lists the meeting in the Qatari admin's personal calendar feed, behind a rotatable secret", async () => {
      const { url } = (await qatar.request("POST", "/api/me/calendar-feed")).json();
      const path = new URL(url).pathname;
      const feed = await t.app.inject({ method: "GET", url: path });
      expect(feed.statusCode).toBe(200);
      expect(feed.body).toContain(`UID:${eventId}@rifada`);
      const rotated = (await qatar.request("POST", "/api/me/calendar-feed")).json().url;
      expect((await t.app.inject({ method: "GET", url: path })).statusCode).toBe(404);
      expect((await t.app.inject({ method: "GET", url: new URL(rotated).pathname })).statusCode).toBe(200);
      // Another mission's feed does not show the GCC meeting.
      const indonesia = await login(t.app, LOGINS.indonesiaMember);
      const theirs = new URL((await indonesia.request("POST", "/api/me/calendar-feed")).json().url).pathname;
      expect((await t.app.inject({ method: "GET", url: theirs })).body).not.toContain(eventId);
    });

    it("keeps an ordered agenda with the season's topics, experience exchange and proposals", async () => {
      const head = (await kuwait.request("GET", "/api/people?organisation=hajj-kw&position=head")).json().items[0];
      const r = await kuwait.request("PUT", `/api/events/${eventId}/agenda`, {
        items: [
          { kind: "item", titleAr: "كلمة رئيس البعثة الكويتية", titleEn: "Opening remarks by the head of the Kuwaiti mission", startsLocal: "2025-06-02T20:00", endsLocal: "2025-06-02T20:15", speakers: [{ personId: head.id, role: "chair" }] },
          { kind: "session", titleAr: "موضوعات الموسم", titleEn: "Topics of the season" },
          { kind: "session", titleAr: "تبادل التجارب والممارسات الناجحة بين البعثات", titleEn: "Exchange of successful experiences and practices" },
          { kind: "session", titleAr: "سبل رفع مستوى الأداء وجودة الخدمات", titleEn: "Raising performance and service quality" },
          { kind: "session", titleAr: "مقترحات تطوير العمل المشترك", titleEn: "Proposals to develop joint work" },
        ],
      });
      expect(r.statusCode, r.body).toBe(200);
      const agenda = (await qatar.request("GET", `/api/events/${eventId}/agenda`)).json();
      expect(agenda.items.map((i: { position: number }) => i.position)).toEqual([1, 2, 3, 4, 5]);
      expect(agenda.items[0]).toMatchObject({ startsLocal: "2025-06-02T20:00", speakers: [{ role: "chair", person: { id: head.id, organisation: { code: "hajj-kw" } } }] });
      const bad = await kuwait.request("PUT", `/api/events/${eventId}/agenda`, { items: [{ kind: "item", titleAr: "بند", titleEn: "Item", startsLocal: "2025-06-02T21:00", endsLocal: "2025-06-02T20:00" }] });
      expect(bad.statusCode).toBe(400);
      expect((await qatar.request("GET", `/api/events/${eventId}/agenda`)).json().items).toHaveLength(5);
    });
  });
}
