/**
 * Mail around an event: the calendar file goes with invitations (without the join link)
 * and confirmations (with it), and a reminder goes out once, the day before, to every
 * confirmed registrant and delegate, in their language.
 */
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkUsers, buildTestApp, login, LOGINS, orgId, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";
import { createRemindersService } from "./reminders.service.js";

const riyadhIn = (hours: number) => new Date(Date.now() + (3 + hours) * 3_600_000).toISOString().slice(0, 16);
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");

for (const dialect of DIALECTS) {
  describe(`event mail (${dialect})`, () => {
    let t: TestApp;
    let oic: Client;
    let tomorrowId: string;
    let laterId: string;

    const outbox = (kind: string) => t.database.db.selectFrom("outbox").selectAll().where("kind", "=", kind).orderBy("toEmail").execute();
    const reminders = () => createRemindersService({ db: t.database.db, dialect: t.database.dialect, config: { publicUrl: "http://rifada.test" } as never, log: pino({ level: "silent" }) });

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      oic = await login(t.app, LOGINS.oicCoordinator);
      const seasonId = (await oic.request("POST", "/api/seasons", { hijriYear: 1448 })).json().id;
      const make = async (hours: number, titleEn: string) =>
        (await oic.request("POST", "/api/events", {
          seasonId, kind: "workshop", mode: "virtual", titleAr: "ورشة أساس", titleEn, joinUrl: "https://meet.example.org/asas",
          startsLocal: riyadhIn(hours), endsLocal: riyadhIn(hours + 2), registration: "open", capacity: 10, visibility: "members",
        })).json().id as string;
      tomorrowId = await make(20, "Asas workshop");
      laterId = await make(30, "Asas workshop (second day)");
      await oic.request("POST", `/api/events/${tomorrowId}/invitations`, { organisationIds: [await orgId(t, "hajj-qa")] });
      const qatar = await login(t.app, LOGINS.qatarAdmin);
      const people = (await qatar.request("GET", "/api/people?organisation=hajj-qa")).json().items as Array<{ id: string; position: string }>;
      await qatar.request("PUT", `/api/events/${tomorrowId}/delegations/${await orgId(t, "hajj-qa")}`, { leaderId: people.find((p) => p.position === "deputy_head")!.id, memberIds: [] });
      const [delegate] = await bulkUsers(t, 1, { organisationCode: "hajj-id", prefix: `mail-${dialect}` });
      await t.app.inject({ method: "POST", url: `/api/events/${tomorrowId}/registration`, headers: { authorization: `Bearer ${delegate.token}` } });
    });
    afterAll(async () => t?.close());

    it("sends the calendar file with the invitation, without the join link", async () => {
      const [invitation] = await outbox("event_invitation");
      const [file] = JSON.parse(invitation.attachments!);
      expect(file).toMatchObject({ filename: "invite.ics", contentType: expect.stringContaining("text/calendar") });
      expect(unfold(file.content)).toContain(`UID:${tomorrowId}@rifada`);
      expect(file.content).not.toContain("meet.example.org");
    });

    it("sends the calendar file with a confirmation, join link included", async () => {
      const [confirmation] = await outbox("registration_confirmed");
      expect(unfold(JSON.parse(confirmation.attachments!)[0].content)).toContain("https://meet.example.org/asas");
    });

    it("reminds registrants and delegates once, the day before, in their language", async () => {
      expect(await reminders().queueDue()).toEqual({ events: 1, messages: 2 });
      const sent = await outbox("event_reminder");
      expect(sent.map((m) => m.toEmail).sort()).toEqual(["khalid.alkuwari@hajj-qa.rifada.test", `mail-${dialect}-0@load.rifada.test`]);
      const arabic = sent.find((m) => m.locale === "ar")!;
      expect(arabic.subject).toBe("غدًا: ورشة أساس");
      expect(arabic.body).toContain("هـ");
      expect(arabic.body).toContain(`http://rifada.test/events/${tomorrowId}`);
      expect(unfold(JSON.parse(arabic.attachments!)[0].content)).toContain(`UID:${tomorrowId}@rifada`);
      // Not twice, and not yet for the event 30 hours away.
      expect(await reminders().queueDue()).toEqual({ events: 0, messages: 0 });
      expect((await t.database.db.selectFrom("events").select("reminderSentAt").where("id", "=", laterId).executeTakeFirstOrThrow()).reminderSentAt).toBeNull();
      // Seven hours on, the second day's turn comes.
      expect(await reminders().queueDue(new Date(Date.now() + 7 * 3_600_000))).toEqual({ events: 1, messages: 0 });
    });
  });
}
