/**
 * Attendance: the organiser checks people in, people check themselves in with the event's
 * QR code, and a virtual platform's report is imported after a preview that writes nothing.
 * Reported per organisation and per country.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkUsers, buildTestApp, login, LOGINS, orgId, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";

/** Wall-clock time in Riyadh (UTC+3, no daylight saving) `hours` from now, as the API takes it. */
const riyadhIn = (hours: number) => new Date(Date.now() + (3 + hours) * 3_600_000).toISOString().slice(0, 16);

for (const dialect of DIALECTS) {
  describe(`attendance (${dialect})`, () => {
    let t: TestApp;
    let oic: Client;
    let qatarAdmin: Client;
    let qatarMember: Client;
    let seasonId: string;
    let hybridId: string;
    let delegates: Array<{ id: string; isLeader: boolean }>;
    const indonesians: Array<{ id: string; token: string }> = [];
    let egyptian: { id: string; token: string };

    const asUser = (token: string, method: string, url: string, payload?: object) =>
      t.app.inject({ method: method as "GET", url, payload, headers: { authorization: `Bearer ${token}` } });

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      oic = await login(t.app, LOGINS.oicCoordinator);
      qatarAdmin = await login(t.app, LOGINS.qatarAdmin);
      qatarMember = await login(t.app, LOGINS.qatarMember);
      seasonId = (await oic.request("POST", "/api/seasons", { hijriYear: 1448 })).json().id;
      // A hybrid workshop that began an hour ago (registration stays open until it ends): three seats, Qatar's delegation invited.
      const created = await oic.request("POST", "/api/events", {
        seasonId, kind: "workshop", mode: "hybrid", titleAr: "ورشة ترحاب الحضورية", titleEn: "Terhab workshop (hybrid)",
        venueAr: "مقر الوزارة، مكة المكرمة", venueEn: "Ministry headquarters, Mecca", joinUrl: "https://meet.example.org/terhab",
        startsLocal: riyadhIn(-1), endsLocal: riyadhIn(3), registration: "open", capacity: 3, visibility: "members",
      });
      expect(created.statusCode, created.body).toBe(201);
      hybridId = created.json().id;
      await oic.request("POST", `/api/events/${hybridId}/invitations`, { organisationIds: [await orgId(t, "hajj-qa")] });
      const people = (await qatarAdmin.request("GET", "/api/people?organisation=hajj-qa")).json().items as Array<{ id: string; position: string; email: string | null }>;
      const member = people.find((p) => p.email === LOGINS.qatarMember)!;
      const leader = people.find((p) => p.position === "deputy_head")!;
      const nominated = await qatarAdmin.request("PUT", `/api/events/${hybridId}/delegations/${await orgId(t, "hajj-qa")}`, { leaderId: leader.id, memberIds: [member.id] });
      expect(nominated.statusCode, nominated.body).toBe(200);
      delegates = nominated.json().items[0].delegation;
      indonesians.push(...(await bulkUsers(t, 3, { organisationCode: "hajj-id", prefix: `att-id-${dialect}` })));
      [egyptian] = await bulkUsers(t, 1, { organisationCode: "hajj-eg", prefix: `att-eg-${dialect}` });
      for (const u of [...indonesians, egyptian]) expect((await asUser(u.token, "POST", `/api/events/${hybridId}/registration`)).statusCode).toBe(200);
    });
    afterAll(async () => t?.close());

    it("lists who is expected — the delegation and the confirmed registrants, not the waitlisted — with totals per country", async () => {
      const r = await oic.request("GET", `/api/events/${hybridId}/attendance`);
      expect(r.statusCode, r.body).toBe(200);
      const body = r.json();
      expect(body.totals).toEqual({ expected: 5, attended: 0 });
      expect(body.items.map((i: { role: string }) => i.role).sort()).toEqual(["delegate", "leader", "registrant", "registrant", "registrant"]);
      expect(body.items.some((i: { email: string }) => i.email === `att-eg-${dialect}-0@load.rifada.test`)).toBe(false);
      expect(body.byCountry.map((c: { country: string; expected: number }) => [c.country, c.expected]).sort()).toEqual([["ID", 3], ["QA", 2]]);
      expect(body.byCountry.find((c: { country: string }) => c.country === "QA")).toMatchObject({ nameEn: "State of Qatar", nameAr: "دولة قطر", attended: 0 });
      // Search narrows the list, not the totals.
      const qatar = (await oic.request("GET", `/api/events/${hybridId}/attendance?q=${encodeURIComponent("قطر")}`)).json();
      expect(qatar.items).toHaveLength(2);
      expect(qatar.totals.expected).toBe(5);
    });

    it("lets the organiser check someone in (once) and undo it; others may not", async () => {
      const leaderKey = `p:${delegates.find((d) => d.isLeader)!.id}`;
      const url = `/api/events/${hybridId}/attendance/${encodeURIComponent(leaderKey)}`;
      expect((await oic.request("PUT", url)).statusCode).toBe(204);
      const first = (await oic.request("GET", `/api/events/${hybridId}/attendance`)).json();
      const checked = first.items.find((i: { key: string }) => i.key === leaderKey);
      expect(checked).toMatchObject({ source: "organiser", role: "leader" });
      expect((await oic.request("PUT", url)).statusCode).toBe(204);
      const again = (await oic.request("GET", `/api/events/${hybridId}/attendance`)).json();
      expect(again.items.find((i: { key: string }) => i.key === leaderKey).checkedInAt).toBe(checked.checkedInAt);
      expect(again.totals.attended).toBe(1);
      expect(again.byCountry.find((c: { country: string }) => c.country === "QA")).toMatchObject({ attended: 1, organisations: 1 });
      // The Qatari admin runs their delegation, not the event's attendance.
      expect((await qatarAdmin.request("PUT", url)).statusCode).toBe(403);
      expect((await qatarAdmin.request("GET", `/api/events/${hybridId}/attendance`)).statusCode).toBe(403);
      // Someone not expected cannot be checked in.
      const stranger = await oic.request("PUT", `/api/events/${hybridId}/attendance/${encodeURIComponent(`u:${egyptian.id}`)}`);
      expect(stranger.statusCode).toBe(400);
      expect(stranger.json().fields[0].field).toBe("key");
      expect((await oic.request("DELETE", url)).statusCode).toBe(204);
      expect((await oic.request("GET", `/api/events/${hybridId}/attendance`)).json().totals.attended).toBe(0);
    });

    it("checks people in by the QR code: only the right code, only people expected, only in-person events", async () => {
      const { url } = (await oic.request("GET", `/api/events/${hybridId}/check-in-link`)).json();
      expect(url).toMatch(new RegExp(`^http://rifada\\.test/events/${hybridId}/check-in\\?code=`));
      const code = new URL(url).searchParams.get("code")!;
      const wrong = await qatarMember.request("POST", `/api/events/${hybridId}/check-in`, { code: `${code}x` });
      expect(wrong.statusCode).toBe(403);
      expect(wrong.json().code).toBe("CHECK_IN_INVALID");
      const ok = await qatarMember.request("POST", `/api/events/${hybridId}/check-in`, { code });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ titleEn: "Terhab workshop (hybrid)" });
      const waitlisted = await asUser(egyptian.token, "POST", `/api/events/${hybridId}/check-in`, { code });
      expect(waitlisted.statusCode).toBe(409);
      expect(waitlisted.json().code).toBe("NOT_EXPECTED");
      const list = (await oic.request("GET", `/api/events/${hybridId}/attendance`)).json();
      expect(list.items.filter((i: { source: string }) => i.source === "self")).toHaveLength(1);
      // The QR link is the organiser's to show.
      expect((await qatarMember.request("GET", `/api/events/${hybridId}/check-in-link`)).statusCode).toBe(403);
      // A virtual workshop has no room to check into.
      const virtual = await oic.request("POST", "/api/events", { seasonId, kind: "workshop", mode: "virtual", titleAr: "ورشة", titleEn: "Workshop", startsLocal: riyadhIn(1), endsLocal: riyadhIn(2), registration: "open", visibility: "members" });
      const virtualCode = new URL((await oic.request("GET", `/api/events/${virtual.json().id}/check-in-link`)).json().url).searchParams.get("code")!;
      const closed = await oic.request("POST", `/api/events/${virtual.json().id}/check-in`, { code: virtualCode });
      expect(closed.json().code).toBe("CHECK_IN_CLOSED");
    });

    it("previews a platform's report without writing, then imports the matched lines", async () => {
      const email = (i: number) => `att-id-${dialect}-${i}@load.rifada.test`;
      const csv = [
        "Meeting ID,Topic",
        "812,Terhab",
        "",
        "Name (Original Name),User Email,Join Time,Duration (Minutes)",
        `Delegate 0,${email(0)},10:01,50`,
        `Delegate 0,${email(0).toUpperCase()},11:05,40`, // rejoined: 90 minutes in all
        `Delegate 1,${email(1)},10:02,4`, // too short with minMinutes 10
        `Delegate 2,${email(2)},10:03,120`,
        `Unknown,someone@elsewhere.example,10:04,60`,
        `Egyptian waitlisted,att-eg-${dialect}-0@load.rifada.test,10:05,60`,
        `No email,,10:06,60`,
        `Bad email,not-an-email,10:07,60`,
      ].join("\n");
      const preview = await oic.request("POST", `/api/events/${hybridId}/attendance/import`, { csv, minMinutes: 10, commit: false });
      expect(preview.statusCode, preview.body).toBe(200);
      const p = preview.json();
      expect(p.summary).toEqual({ new: 2, already: 0, unmatched: 2, invalid: 2, repeat: 1, too_short: 1 });
      expect(p.rows.find((r: { line: number }) => r.line === 5)).toMatchObject({ status: "new", minutes: 90, attendee: { nameEn: "Delegate 0" } });
      expect(p.rows.filter((r: { status: string }) => r.status === "invalid").map((r: { line: number; message: string }) => [r.line, r.message])).toEqual([[11, "validation.required"], [12, "validation.invalid_email"]]);
      expect(p.written).toBe(0);
      const before = (await oic.request("GET", `/api/events/${hybridId}/attendance`)).json();
      expect(before.totals.attended).toBe(1); // only the QR check-in so far

      const committed = (await oic.request("POST", `/api/events/${hybridId}/attendance/import`, { csv, minMinutes: 10, commit: true })).json();
      expect(committed).toMatchObject({ committed: true, written: 2 });
      const startsAt = (await oic.request("GET", `/api/events/${hybridId}`)).json().startsAt;
      const after = (await oic.request("GET", `/api/events/${hybridId}/attendance`)).json();
      expect(after.totals.attended).toBe(3);
      expect(after.byCountry.find((c: { country: string }) => c.country === "ID")).toMatchObject({ expected: 3, attended: 2, nameEn: "Republic of Indonesia" });
      // Recorded as present from the session's start, not at the moment of the import.
      expect(after.items.find((i: { email: string }) => i.email === email(0))).toMatchObject({ source: "import", minutes: 90, checkedInAt: startsAt });
      // Importing the same report again adds nobody.
      const twice = (await oic.request("POST", `/api/events/${hybridId}/attendance/import`, { csv, minMinutes: 10, commit: true })).json();
      expect(twice.summary.already).toBe(2);
      expect(twice.written).toBe(0);
    });

    it("records nothing for an event days away: no check-in, no report", async () => {
      const later = (await oic.request("POST", "/api/events", { seasonId, kind: "workshop", mode: "in_person", titleAr: "ورشة لاحقة", titleEn: "Later workshop", startsLocal: riyadhIn(48), endsLocal: riyadhIn(50), registration: "open", visibility: "members" })).json();
      const [someone] = await bulkUsers(t, 1, { organisationCode: "hajj-id", prefix: `att-later-${dialect}` });
      await asUser(someone.token, "POST", `/api/events/${later.id}/registration`);
      const early = await oic.request("PUT", `/api/events/${later.id}/attendance/${encodeURIComponent(`u:${someone.id}`)}`);
      expect(early.statusCode).toBe(409);
      expect(early.json().code).toBe("ATTENDANCE_NOT_OPEN");
      const report = await oic.request("POST", `/api/events/${later.id}/attendance/import`, { csv: `Email\natt-later-${dialect}-0@load.rifada.test\n`, commit: false });
      expect(report.json().code).toBe("ATTENDANCE_NOT_OPEN");
    });

    it("explains a file without an email column in the organiser's language, naming the field", async () => {
      const ar = await oic.request("POST", `/api/events/${hybridId}/attendance/import`, { csv: "الاسم,الهاتف\nعلي,123\n", commit: false }, { "accept-language": "ar" });
      expect(ar.statusCode).toBe(400);
      expect(ar.json().fields).toEqual([{ field: "csv", message: expect.stringContaining("تقرير الحضور") }]);
    });
  });
}
