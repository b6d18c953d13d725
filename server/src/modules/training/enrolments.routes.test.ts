/**
 * Enrolment in Asas: a member of a mission enrols himself; someone not yet in the directory gives
 * his names (for the certificate) and becomes a private person of his organisation; an admin
 * enrols his own staff only; the programme's managers enrol anyone; lists are scoped; withdrawing
 * keeps the row and enrolling again reactivates it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId, nowIso } from "../../lib/tokens.js";
import { buildTestApp, login, LOGINS, orgId, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";
import { ensureSeason, tokenClient } from "../../test/followup.js";

for (const dialect of DIALECTS) {
  describe(`training enrolments (${dialect})`, () => {
    let t: TestApp;
    let oic: Client;
    let trainer: Client;
    let kuwait: Client;
    let qatar: Client;
    let qatarMember: Client;
    let indonesia: Client;
    let asas: string;
    let terhab: string;
    let draft: string;
    const people: Record<string, string> = {};

    async function person(code: string, nameEn: string, email: string | null) {
      const id = newId();
      const at = nowIso();
      await t.database.db.insertInto("people").values({
        id, organisationId: await orgId(t, code), nameAr: `${nameEn} بالعربية`, nameEn, position: "staff", titleAr: null, titleEn: null, email, phone: null,
        preferredLanguage: "ar", visibility: "private", shareGroupId: null, searchText: nameEn.toLowerCase(), archivedAt: null, createdAt: at, updatedAt: at,
      }).execute();
      return id;
    }

    async function programme(code: string, enrolment: "open" | "managed", publish = true) {
      const r = await oic.request("POST", "/api/training/programmes", { code, seasonId: "1445", titleAr: `برنامج ${code}`, titleEn: `Programme ${code}`, audience: ["organisers"], ownerIds: [await orgId(t, "moh-sa")], enrolment, visibility: "members" });
      expect(r.statusCode, r.body).toBe(201);
      if (publish) await oic.request("POST", `/api/training/programmes/${r.json().id}/publish`);
      return r.json().id as string;
    }

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      oic = await login(t.app, LOGINS.oicCoordinator);
      trainer = await login(t.app, LOGINS.ministryTrainer);
      kuwait = await login(t.app, LOGINS.kuwaitAdmin);
      qatar = await login(t.app, LOGINS.qatarAdmin);
      qatarMember = await login(t.app, LOGINS.qatarMember);
      indonesia = await login(t.app, LOGINS.indonesiaMember);
      await ensureSeason(oic, 1445);
      asas = await programme("asas", "open");
      terhab = await programme("terhab", "managed");
      draft = await programme("draft", "open", false);
      people.qatariOfficial = await person("hajj-qa", "Qatari official", "official@hajj-qa.rifada.test");
      people.kuwaitiOfficial = await person("hajj-kw", "Kuwaiti official", null);
      people.providerStaff = await person("sp-field", "Field guide", "guide@sp-field.rifada.test");
    });
    afterAll(async () => t?.close());

    it("lets a member enrol himself in a published, open programme, once", async () => {
      const self = await qatarMember.request("POST", `/api/training/programmes/${asas}/enrolments/self`, {});
      expect(self.statusCode, self.body).toBe(201);
      expect(self.json()).toMatchObject({ status: "enrolled" });
      const again = await qatarMember.request("POST", `/api/training/programmes/${asas}/enrolments/self`, {});
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe("TRAINING_ALREADY_ENROLLED");
      const detail = (await qatarMember.request("GET", `/api/training/programmes/${asas}`)).json();
      expect(detail.myEnrolment).toEqual({ id: self.json().id, status: "enrolled", createdAt: expect.any(String) });
      expect(detail.can.selfEnrol).toBe(false);
      expect(detail.counts.enrolled).toBe(1);
      const mine = (await qatarMember.request("GET", "/api/training/programmes?mine=enrolled")).json();
      expect(mine.items.map((p: { id: string }) => p.id)).toEqual([asas]);
      expect(mine.items[0].myEnrolment.status).toBe("enrolled");
      expect((await indonesia.request("GET", "/api/training/programmes?mine=enrolled")).json().total).toBe(0);
    });

    it("refuses self-enrolment in a managed programme and hides drafts", async () => {
      const closed = await indonesia.request("POST", `/api/training/programmes/${terhab}/enrolments/self`, {});
      expect(closed.statusCode).toBe(409);
      expect(closed.json().code).toBe("TRAINING_ENROLMENT_CLOSED");
      expect((await indonesia.request("GET", `/api/training/programmes/${terhab}`)).json().can.selfEnrol).toBe(false);
      expect((await indonesia.request("POST", `/api/training/programmes/${draft}/enrolments/self`, {})).statusCode).toBe(404);
    });

    it("asks someone not in the directory for his names, then adds him as a private person of his organisation", async () => {
      const newcomer = await tokenClient(t, "sp-transport", "participant", "newcomer");
      const missing = await newcomer.request("POST", `/api/training/programmes/${asas}/enrolments/self`, { nameEn: "Yusuf Demir" });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().fields.map((f: { field: string }) => f.field)).toEqual(["nameAr"]);
      expect(missing.json().fields[0].message).toContain("Name in Arabic");
      const enrolled = await newcomer.request("POST", `/api/training/programmes/${asas}/enrolments/self`, { nameAr: " يوسف  دمير ", nameEn: "Yusuf Demir" });
      expect(enrolled.statusCode, enrolled.body).toBe(201);
      const user = await t.database.db.selectFrom("users").select(["personId", "email"]).where("id", "=", newcomer.userId).executeTakeFirstOrThrow();
      const created = await t.database.db.selectFrom("people").selectAll().where("id", "=", user.personId!).executeTakeFirstOrThrow();
      expect(created).toMatchObject({ nameAr: "يوسف دمير", nameEn: "Yusuf Demir", visibility: "private", email: user.email, organisationId: await orgId(t, "sp-transport") });
      const row = await t.database.db.selectFrom("trainingEnrolments").selectAll().where("id", "=", enrolled.json().id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ personId: created.id, userId: newcomer.userId, source: "self", status: "enrolled" });
    });

    it("lets an admin enrol his own staff, not another organisation's; managers enrol anyone", async () => {
      const own = await qatar.request("POST", `/api/training/programmes/${terhab}/enrolments`, { personId: people.qatariOfficial });
      expect(own.statusCode, own.body).toBe(201);
      expect(own.json()).toMatchObject({ status: "enrolled", source: "admin", person: { nameEn: "Qatari official" }, organisation: { code: "hajj-qa", country: "QA" }, hasAccount: false });
      const foreign = await qatar.request("POST", `/api/training/programmes/${terhab}/enrolments`, { personId: people.kuwaitiOfficial });
      expect(foreign.statusCode).toBe(403);
      expect((await qatarMember.request("POST", `/api/training/programmes/${terhab}/enrolments`, { personId: people.qatariOfficial })).statusCode).toBe(403);
      expect((await qatar.request("POST", `/api/training/programmes/${terhab}/enrolments`, { personId: "no-such-person" })).statusCode).toBe(400);
      const twice = await qatar.request("POST", `/api/training/programmes/${terhab}/enrolments`, { personId: people.qatariOfficial });
      expect(twice.json().code).toBe("TRAINING_ALREADY_ENROLLED");
      expect((await trainer.request("POST", `/api/training/programmes/${terhab}/enrolments`, { personId: people.kuwaitiOfficial })).statusCode).toBe(201);
      expect((await oic.request("POST", `/api/training/programmes/${terhab}/enrolments`, { personId: people.providerStaff })).statusCode).toBe(201);
      // Drafts stay with their owners: an admin cannot enrol anyone in one.
      expect((await qatar.request("POST", `/api/training/programmes/${draft}/enrolments`, { personId: people.qatariOfficial })).statusCode).toBe(404);
      const enrolled = await t.database.db.selectFrom("auditLog").select("action").where("entityId", "=", terhab).where("action", "=", "training.enrolled").execute();
      expect(enrolled).toHaveLength(3);
    });

    it("lists all trainees to managers and his own staff to an admin; others are refused", async () => {
      const all = (await oic.request("GET", `/api/training/programmes/${terhab}/enrolments`)).json();
      expect(all.scope).toBe("all");
      expect(all.items.map((i: { person: { nameEn: string } }) => i.person.nameEn).sort()).toEqual(["Field guide", "Kuwaiti official", "Qatari official"]);
      expect(all.organisations.map((o: { code: string }) => o.code)).toEqual(["hajj-kw", "hajj-qa", "sp-field"]);
      const own = (await qatar.request("GET", `/api/training/programmes/${terhab}/enrolments`)).json();
      expect(own.scope).toBe("own");
      expect(own.items.map((i: { person: { nameEn: string } }) => i.person.nameEn)).toEqual(["Qatari official"]);
      expect((await qatar.request("GET", `/api/training/programmes/${terhab}/enrolments?organisation=hajj-kw`)).json().total).toBe(0);
      expect((await trainer.request("GET", `/api/training/programmes/${terhab}/enrolments?organisation=hajj-kw`)).json().items.map((i: { organisation: { code: string } }) => i.organisation.code)).toEqual(["hajj-kw"]);
      expect((await trainer.request("GET", `/api/training/programmes/${terhab}/enrolments?q=guide`)).json().total).toBe(1);
      expect((await qatarMember.request("GET", `/api/training/programmes/${terhab}/enrolments`)).statusCode).toBe(403);
      const self = (await oic.request("GET", `/api/training/programmes/${asas}/enrolments`)).json().items.find((i: { organisation: { code: string } }) => i.organisation.code === "hajj-qa");
      expect(self).toMatchObject({ source: "self", hasAccount: true, person: { email: "mohammed.alnuaimi@hajj-qa.rifada.test" } });
    });

    it("withdraws (the trainee, his admin, a manager), keeps the row, and reactivates it on re-enrolment", async () => {
      const list = (await oic.request("GET", `/api/training/programmes/${terhab}/enrolments`)).json().items as Array<{ id: string; person: { nameEn: string } }>;
      const qatari = list.find((i) => i.person.nameEn === "Qatari official")!;
      const kuwaiti = list.find((i) => i.person.nameEn === "Kuwaiti official")!;
      expect((await kuwait.request("DELETE", `/api/training/enrolments/${qatari.id}`)).statusCode).toBe(404);
      expect((await qatarMember.request("DELETE", `/api/training/enrolments/${qatari.id}`)).statusCode).toBe(404);
      expect((await qatar.request("DELETE", `/api/training/enrolments/${qatari.id}`)).statusCode).toBe(204);
      expect((await qatar.request("DELETE", `/api/training/enrolments/${qatari.id}`)).statusCode).toBe(204);
      expect((await kuwait.request("DELETE", `/api/training/enrolments/${kuwaiti.id}`)).statusCode).toBe(204);
      const row = await t.database.db.selectFrom("trainingEnrolments").selectAll().where("id", "=", qatari.id).executeTakeFirstOrThrow();
      expect(row.status).toBe("withdrawn");
      expect(row.withdrawnAt).not.toBeNull();
      expect((await oic.request("GET", `/api/training/programmes/${terhab}/enrolments`)).json().total).toBe(1);
      expect((await oic.request("GET", `/api/training/programmes/${terhab}/enrolments?status=withdrawn`)).json().total).toBe(2);
      const back = await qatar.request("POST", `/api/training/programmes/${terhab}/enrolments`, { personId: people.qatariOfficial });
      expect(back.statusCode).toBe(201);
      expect(back.json()).toMatchObject({ id: qatari.id, status: "enrolled", withdrawnAt: null });

      // The trainee withdraws himself; the programme shows his enrolment as withdrawn; he enrols again.
      const mine = (await qatarMember.request("GET", `/api/training/programmes/${asas}`)).json().myEnrolment;
      expect((await qatarMember.request("DELETE", `/api/training/enrolments/${mine.id}`)).statusCode).toBe(204);
      const after = (await qatarMember.request("GET", `/api/training/programmes/${asas}`)).json();
      expect(after.myEnrolment).toMatchObject({ id: mine.id, status: "withdrawn" });
      expect(after.can.selfEnrol).toBe(true);
      const again = await qatarMember.request("POST", `/api/training/programmes/${asas}/enrolments/self`, {});
      expect(again.json()).toMatchObject({ id: mine.id, status: "enrolled" });
      const audit = await t.database.db.selectFrom("auditLog").select("action").where("action", "=", "training.enrolment_withdrawn").execute();
      expect(audit).toHaveLength(3);
    });

    it("recognises a trainee enrolled by his admin when he signs in, by his email", async () => {
      const id = await person("hajj-id", "Indonesian official", "siti.rahmawati@hajj-id.rifada.test");
      expect((await oic.request("POST", `/api/training/programmes/${terhab}/enrolments`, { personId: id })).statusCode).toBe(201);
      const seen = (await indonesia.request("GET", `/api/training/programmes/${terhab}`)).json();
      expect(seen.myEnrolment).toMatchObject({ status: "enrolled" });
      expect((await indonesia.request("GET", "/api/training/programmes?mine=enrolled")).json().items.map((p: { id: string }) => p.id)).toEqual([terhab]);
    });
  });
}
