/**
 * Actions of a recommendation: managed by those who report on it, marked done by the assigned
 * organisation; and their reminders — three days before the due date and once when overdue,
 * to the assigned organisation's admins (and the assigned person) in their language, sent once
 * even when several app nodes run the job at the same moment.
 */
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAppOn, buildTestApp, login, LOGINS, orgId, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";
import { dayIn, ensureSeason, tokenClient } from "../../test/followup.js";
import { createActionRemindersService } from "./actions-reminders.service.js";

for (const dialect of DIALECTS) {
  describe(`actions and their reminders (${dialect})`, () => {
    let t: TestApp;
    let oic: Client;
    let kuwait: Client;
    let qatar: Client;
    let qatarMember: Client;
    let omanEnglishAdmin: Client & { userId: string };
    let recommendationId: string;
    const actions: Record<string, string> = {};

    const reminders = () => createActionRemindersService({ db: t.database.db, dialect: t.database.dialect, config: { publicUrl: "http://rifada.test" } as never, log: pino({ level: "silent" }) });
    const outbox = (kind: string) => t.database.db.selectFrom("outbox").selectAll().where("kind", "=", kind).orderBy("toEmail").execute();

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      oic = await login(t.app, LOGINS.oicCoordinator);
      kuwait = await login(t.app, LOGINS.kuwaitAdmin);
      qatar = await login(t.app, LOGINS.qatarAdmin);
      qatarMember = await login(t.app, LOGINS.qatarMember);
      omanEnglishAdmin = await tokenClient(t, "hajj-om", "org_admin", `act-${dialect}`);
      await ensureSeason(oic, 1446);
      const rec = await oic.request("POST", "/api/recommendations", {
        reference: "1446/7", textAr: "جدول موحد للحافلات", textEn: "A shared shuttle timetable", seasonCode: "1446", status: "approved",
        organisationId: await orgId(t, "hajj-kw"), responsibleOrganisationIds: [await orgId(t, "hajj-qa")],
      });
      expect(rec.statusCode, rec.body).toBe(201);
      recommendationId = rec.json().id;
    });
    afterAll(async () => t?.close());

    it("is managed by the responsible organisation and coordinators", async () => {
      const body = (titleEn: string, organisationCode: string, dueOn: string | null) => async () => ({ titleAr: `إجراء ${titleEn}`, titleEn, organisationId: await orgId(t, organisationCode), dueOn });
      // The owner's admin manages the recommendation but does not break it into actions.
      expect((await kuwait.request("POST", `/api/recommendations/${recommendationId}/actions`, await body("x", "hajj-qa", null)())).statusCode).toBe(403);
      const people = (await qatar.request("GET", "/api/people?organisation=hajj-qa")).json().items as Array<{ id: string; nameEn: string }>;
      const member = people.find((p) => p.nameEn.includes("Nuaimi"))!;
      for (const [key, org, due, personId] of [
        ["soon", "hajj-om", dayIn(2), null],
        ["overdue", "hajj-qa", dayIn(-1), member.id],
        ["later", "hajj-om", dayIn(10), null],
      ] as const) {
        const r = await qatarMember.request("POST", `/api/recommendations/${recommendationId}/actions`, { ...(await body(key, org, due)()), personId });
        expect(r.statusCode, r.body).toBe(201);
        actions[key] = r.json().id;
      }
      const wrongPerson = await qatar.request("POST", `/api/recommendations/${recommendationId}/actions`, { ...(await body("y", "hajj-om", null)()), personId: member.id });
      expect(wrongPerson.json().fields[0].field).toBe("personId");
      const list = (await oic.request("GET", `/api/recommendations/${recommendationId}/actions`)).json();
      expect(list.items.map((a: { titleEn: string }) => a.titleEn)).toEqual(["soon", "overdue", "later"]);
      expect(list.abilities.create).toBe(true);
      expect((await kuwait.request("GET", `/api/recommendations/${recommendationId}/actions`)).json().abilities.create).toBe(false);
    });

    it("is marked done by the assigned organisation, which may not change anything else", async () => {
      // Oman reads the recommendation because one of its actions is assigned to it.
      expect((await omanEnglishAdmin.request("GET", `/api/recommendations/${recommendationId}`)).statusCode).toBe(200);
      expect((await omanEnglishAdmin.request("PATCH", `/api/actions/${actions.later}`, { dueOn: dayIn(30) })).statusCode).toBe(403);
      expect((await omanEnglishAdmin.request("DELETE", `/api/actions/${actions.later}`)).statusCode).toBe(403);
      const done = await omanEnglishAdmin.request("PATCH", `/api/actions/${actions.later}`, { status: "done", note: "Timetable sent to the missions." });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json()).toMatchObject({ status: "done", doneAt: expect.any(String), note: "Timetable sent to the missions.", abilities: { update: true, delete: false } });
      expect((await kuwait.request("PATCH", `/api/actions/${actions.later}`, { status: "open" })).statusCode).toBe(403);
      expect((await qatar.request("PATCH", `/api/actions/${actions.later}`, { status: "open" })).json()).toMatchObject({ status: "open", doneAt: null });
      expect((await qatar.request("PATCH", `/api/actions/${actions.later}`, { status: "cancelled" })).json().status).toBe("cancelled");
      const mine = (await omanEnglishAdmin.request("GET", "/api/actions?mine=true")).json();
      expect(mine.items.map((a: { titleEn: string }) => a.titleEn)).toEqual(["soon", "later"]);
      const overdue = (await oic.request("GET", "/api/actions?overdue=true")).json();
      expect(overdue.items.map((a: { titleEn: string; daysOverdue: number }) => [a.titleEn, a.daysOverdue])).toEqual([["overdue", 1]]);
      const audit = await t.database.db.selectFrom("auditLog").select("action").where("entityId", "=", actions.later).execute();
      expect(audit.map((a) => a.action)).toEqual(["action.created", "action.updated", "action.updated", "action.updated"]);
    });

    it("reminds three days ahead and once when overdue, each recipient in their language", async () => {
      expect(await reminders().queueDue()).toEqual({ reminded: 1, overdue: 1, messages: 3 });
      const due = await outbox("action_due");
      expect(due).toHaveLength(1);
      const ownEmail = (await t.database.db.selectFrom("users").select("email").where("id", "=", omanEnglishAdmin.userId).executeTakeFirstOrThrow()).email;
      expect(due[0]).toMatchObject({ toEmail: ownEmail, locale: "en", subject: "Due in 2 days: soon" });
      expect(due[0].body).toMatch(/is due on \d+ [^(]+ AH \(\d+ \w+ \d{4}\)/);
      const overdue = await outbox("action_overdue");
      // Qatar's admin and the assigned person's own account, both in Arabic.
      expect(overdue.map((m) => m.toEmail)).toEqual([LOGINS.qatarAdmin, LOGINS.qatarMember].sort());
      expect(overdue[0]).toMatchObject({ locale: "ar", subject: "إجراء متأخر: إجراء overdue" });
      expect(overdue[0].body).toContain("هـ");
      expect(overdue[0].body).toContain("يومًا واحدًا");
      expect(await reminders().queueDue()).toEqual({ reminded: 0, overdue: 0, messages: 0 });
    });

    it("re-arms a reminder when the due date moves, and sends it once with two nodes at once", async () => {
      const moved = await qatar.request("PATCH", `/api/actions/${actions.soon}`, { dueOn: dayIn(1) });
      expect(moved.statusCode, moved.body).toBe(200);
      const other = await buildAppOn(t.database);
      const second = createActionRemindersService({ db: other.database.db, dialect: other.database.dialect, config: { publicUrl: "http://rifada.test" } as never, log: pino({ level: "silent" }) });
      const [a, b] = await Promise.all([reminders().queueDue(), second.queueDue()]);
      expect(a.reminded + b.reminded).toBe(1);
      const due = await outbox("action_due");
      expect(due).toHaveLength(2);
      expect(due.map((m) => m.subject)).toContain("Due in 1 day: soon");
      await other.app.close();
    });
  });
}
