/**
 * Who hears of a new assignment: the admins of the organisations made responsible for a
 * recommendation (when it is created, or when they are added later), and the organisation an
 * action is assigned to (its admins and the assigned person's own account) — each in their
 * language, with the due date in Hijri and Gregorian, and never twice for the same assignment.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, login, LOGINS, orgId, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";
import { ensureSeason, tokenClient } from "../../test/followup.js";
import { bothCalendars } from "./followup-dates.js";

const DUE = "2025-06-02";

for (const dialect of DIALECTS) {
  describe(`assignment mail (${dialect})`, () => {
    let t: TestApp;
    let oic: Client;
    let kuwait: Client;
    let qatar: Client;
    let omanEmail: string;
    let recId: string;

    const outbox = (kind: string) => t.database.db.selectFrom("outbox").select(["toEmail", "locale", "subject", "body"]).where("kind", "=", kind).orderBy("createdAt").orderBy("toEmail").execute();
    const rec = async () => (await oic.request("GET", `/api/recommendations/${recId}`)).json();

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      oic = await login(t.app, LOGINS.oicCoordinator);
      kuwait = await login(t.app, LOGINS.kuwaitAdmin);
      qatar = await login(t.app, LOGINS.qatarAdmin);
      const oman = await tokenClient(t, "hajj-om", "org_admin", `mail-${dialect}`);
      omanEmail = (await t.database.db.selectFrom("users").select("email").where("id", "=", oman.userId).executeTakeFirstOrThrow()).email;
      await ensureSeason(oic, 1446);
    });
    afterAll(async () => t?.close());

    it("tells the responsible organisations' admins of a new recommendation, each in their language", async () => {
      const created = await oic.request("POST", "/api/recommendations", {
        textAr: "", textEn: "Share the camp maps between missions", seasonCode: "1446", status: "approved", dueOn: DUE,
        organisationId: await orgId(t, "hajj-kw"), responsibleOrganisationIds: [await orgId(t, "hajj-qa"), await orgId(t, "hajj-om")],
      });
      expect(created.statusCode, created.body).toBe(201);
      recId = created.json().id;
      expect(created.json()).toMatchObject({ textAr: "", textEn: "Share the camp maps between missions" });
      const mails = await outbox("recommendation_assigned");
      expect(mails.map((m) => [m.toEmail, m.locale]).sort()).toEqual([[LOGINS.qatarAdmin, "ar"], [omanEmail, "en"]].sort());
      const [ar, en] = [mails.find((m) => m.locale === "ar")!, mails.find((m) => m.locale === "en")!];
      expect(en.subject).toBe("New recommendation for your organisation: Share the camp maps between missions");
      expect(en.body).toContain("Omani Official Hajj Mission has been made responsible for a recommendation recorded by Kuwaiti Hajj Mission.");
      expect(en.body).toContain(`Status: Approved\nDue date: ${bothCalendars(DUE, "en", "latn")}`);
      expect(ar.body).toContain("أُسندت إلى بعثة الحج القطرية مسؤولية تنفيذ توصية سجّلتها بعثة الحج الكويتية.");
      // Hijri first, with the Gregorian beside it, in the reader's Arabic-Indic digits.
      expect(ar.body).toContain(`تاريخ الاستحقاق: ${bothCalendars(DUE, "ar", "arab")}`);
      expect(bothCalendars(DUE, "ar", "arab")).toMatch(/^[٠-٩]+ .+ [٠-٩]{4} هـ \([٠-٩]+ .+ [٠-٩]{4}\)$/);
    });

    it("tells only organisations added later, and nothing when the list does not change", async () => {
      const patch = (c: Client, body: Record<string, unknown>) => rec().then((r) => c.request("PATCH", `/api/recommendations/${recId}`, { updatedAt: r.updatedAt, ...body }));
      const ids = [await orgId(t, "hajj-qa"), await orgId(t, "hajj-om")];
      expect((await patch(kuwait, { responsibleOrganisationIds: [...ids].reverse() })).statusCode).toBe(200);
      const bad = await patch(kuwait, { responsibleOrganisationIds: [...ids, "nope"] });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().fields).toEqual([{ field: "responsibleOrganisationIds", message: expect.stringContaining("الجهات المسؤولة") }]);
      expect(await outbox("recommendation_assigned")).toHaveLength(2);
      expect((await patch(kuwait, { responsibleOrganisationIds: [...ids, await orgId(t, "hajj-kw")] })).statusCode).toBe(200);
      const mails = await outbox("recommendation_assigned");
      expect(mails.slice(2).map((m) => m.toEmail)).toEqual([LOGINS.kuwaitAdmin]);
      // Editing the English text leaves the missing Arabic one empty.
      const edited = await patch(kuwait, { textEn: "Share the camp maps between missions early" });
      expect(edited.json()).toMatchObject({ textAr: "", textEn: "Share the camp maps between missions early" });
      expect(await outbox("recommendation_assigned")).toHaveLength(3);
    });

    it("tells an action's organisation and person once, and new assignees when it is reassigned", async () => {
      const people = (await qatar.request("GET", "/api/people?organisation=hajj-qa")).json().items as Array<{ id: string; nameEn: string }>;
      const withAccount = people.find((p) => p.nameEn.includes("Nuaimi"))!;
      const withoutAccount = people.find((p) => p.nameEn.includes("Marri"))!;
      const created = await qatar.request("POST", `/api/recommendations/${recId}/actions`, { titleAr: "إعداد الخرائط", titleEn: "", organisationId: await orgId(t, "hajj-qa"), personId: withAccount.id, dueOn: DUE });
      expect(created.statusCode, created.body).toBe(201);
      const actionId = created.json().id;
      let mails = await outbox("action_assigned");
      expect(mails.map((m) => [m.toEmail, m.locale])).toEqual([[LOGINS.qatarAdmin, "ar"], [LOGINS.qatarMember, "ar"]]);
      expect(mails[0].subject).toBe("إجراء جديد لجهتكم: إعداد الخرائط");
      expect(mails[0].body).toContain("الشخص المكلَّف: محمد");
      expect(mails[0].body).toContain(`تاريخ الاستحقاق: ${bothCalendars(DUE, "ar", "arab")}`);

      const patch = (body: Record<string, unknown>) => qatar.request("PATCH", `/api/actions/${actionId}`, body);
      expect((await patch({ note: "Draft ready", organisationId: await orgId(t, "hajj-qa") })).statusCode).toBe(200);
      const bad = await patch({ organisationId: "nope" });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().fields[0].field).toBe("organisationId");
      expect((await patch({ personId: withoutAccount.id })).statusCode).toBe(200);
      expect(await outbox("action_assigned")).toHaveLength(2);
      expect((await patch({ personId: withAccount.id })).statusCode).toBe(200);
      mails = await outbox("action_assigned");
      expect(mails.slice(2).map((m) => m.toEmail)).toEqual([LOGINS.qatarMember]);

      expect((await patch({ organisationId: await orgId(t, "hajj-om") })).statusCode).toBe(200);
      mails = await outbox("action_assigned");
      expect(mails.slice(3).map((m) => [m.toEmail, m.locale])).toEqual([[omanEmail, "en"]]);
      // No English title yet: the Arabic one, as it is.
      expect(mails[3].subject).toBe("New action for your organisation: إعداد الخرائط");
      expect(mails[3].body).toContain(`An action has been assigned to Omani Official Hajj Mission.\n\nAction: “إعداد الخرائط”\nDue date: ${bothCalendars(DUE, "en", "latn")}`);
      expect((await patch({ status: "done" })).statusCode).toBe(200);
      expect(await outbox("action_assigned")).toHaveLength(4);
    });
  });
}
