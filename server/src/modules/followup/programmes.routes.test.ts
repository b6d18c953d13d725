/**
 * Cooperation programmes: the OIC secretariat and the Ministry of Hajj and Umrah agree a
 * programme for season 1446 with areas of cooperation, signatories and the workshops under it.
 * Kept by coordinators; read by the parties and as its visibility says; area ids survive edits.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, login, LOGINS, orgId, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";
import { createEvent, ensureSeason } from "../../test/followup.js";

for (const dialect of DIALECTS) {
  describe(`cooperation programmes (${dialect})`, () => {
    let t: TestApp;
    let oic: Client;
    let ministry: Client;
    let trainer: Client;
    let qatar: Client;
    let kuwait: Client;
    let programme: { id: string; areas: Array<{ id: string; code: string }> };
    let asas: string;
    let privateMeeting: string;

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      oic = await login(t.app, LOGINS.oicCoordinator);
      ministry = await login(t.app, LOGINS.ministryCoordinator);
      trainer = await login(t.app, LOGINS.ministryTrainer);
      qatar = await login(t.app, LOGINS.qatarAdmin);
      kuwait = await login(t.app, LOGINS.kuwaitAdmin);
      const seasonId = await ensureSeason(oic, 1446);
      asas = await createEvent(oic, { seasonId, kind: "workshop", mode: "virtual", titleAr: "ورشة أساس", titleEn: "Asas workshop", registration: "open", visibility: "members" });
      privateMeeting = await createEvent(kuwait, { seasonId, titleAr: "اجتماع داخلي", titleEn: "Internal meeting" });
    });
    afterAll(async () => t?.close());

    it("is created by a coordinator with its parties, signatories, areas and workshops", async () => {
      const people = (await oic.request("GET", "/api/people?organisation=moh-sa")).json().items as Array<{ id: string }>;
      const body = {
        code: "oic-moh-1446",
        seasonCode: "1446",
        titleAr: "برنامج التعاون بين الأمانة العامة ووزارة الحج والعمرة",
        titleEn: "OIC – Ministry of Hajj and Umrah cooperation programme",
        startsOn: "2024-07-07",
        endsOn: "2025-06-25",
        visibility: "private",
        parties: [
          { organisationId: await orgId(t, "oic"), signatoryName: "الأمين العام المساعد", signedOn: "2024-07-10" },
          { organisationId: await orgId(t, "moh-sa"), signatoryPersonId: people[0].id, signedOn: "2024-07-10" },
        ],
        areas: [
          { code: "training", titleAr: "التدريب", titleEn: "Training" },
          { code: "awareness", titleAr: "التوعية", titleEn: "Awareness" },
          { code: "quality", titleAr: "جودة الخدمات", titleEn: "Service quality" },
        ],
        eventIds: [asas],
      };
      expect((await qatar.request("POST", "/api/programmes", body)).statusCode).toBe(403);
      const created = await oic.request("POST", "/api/programmes", body);
      expect(created.statusCode, created.body).toBe(201);
      programme = created.json();
      expect(created.json()).toMatchObject({
        code: "oic-moh-1446",
        season: { code: "1446" },
        owner: { code: "oic" },
        counts: { areas: 3, events: 1, recommendations: 0 },
        events: [{ id: asas, titleEn: "Asas workshop" }],
        abilities: { update: true },
      });
      expect(created.json().parties.map((p: { organisation: { code: string }; signatory: { name: string } | null }) => [p.organisation.code, Boolean(p.signatory?.name)]).sort()).toEqual([["moh-sa", true], ["oic", true]]);
      expect((await oic.request("POST", "/api/programmes", body)).json().code).toBe("PROGRAMME_CODE_TAKEN");
      const bad = await oic.request("POST", "/api/programmes", { ...body, code: "other", startsOn: "2025-07-01", eventIds: ["no-such-event"], areas: [...body.areas, { code: "Training", titleAr: "مكرر", titleEn: "Again" }] });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().fields.map((f: { field: string }) => f.field).sort()).toEqual(["areas.3.code", "endsOn", "eventIds"]);
    });

    it("is read by its parties and coordinators; a private one by no one else", async () => {
      expect((await trainer.request("GET", `/api/programmes/${programme.id}`)).statusCode).toBe(200);
      expect((await ministry.request("GET", "/api/programmes?season=1446")).json().total).toBe(1);
      const hidden = await qatar.request("GET", `/api/programmes/${programme.id}`);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().code).toBe("PROGRAMME_NOT_FOUND");
      expect((await qatar.request("GET", "/api/programmes")).json().total).toBe(0);
      // A coordinator may put any event he can read under a programme: all of them.
      const withMeeting = await oic.request("PATCH", `/api/programmes/${programme.id}`, { eventIds: [asas, privateMeeting] });
      expect(withMeeting.json().counts.events).toBe(2);
      expect((await trainer.request("PATCH", `/api/programmes/${programme.id}`, { titleEn: "Changed" })).statusCode).toBe(403);
    });

    it("keeps area ids across edits, so recommendations stay filed under them", async () => {
      const [training, awareness] = programme.areas;
      const rec = await oic.request("POST", "/api/recommendations", { textAr: "تدريب", textEn: "Training", areaId: training.id, responsibleOrganisationIds: [await orgId(t, "moh-sa")] });
      expect(rec.statusCode, rec.body).toBe(201);
      expect(rec.json()).toMatchObject({ programme: { id: programme.id }, area: { id: training.id }, season: { code: "1446" } });
      const edited = await ministry.request("PATCH", `/api/programmes/${programme.id}`, {
        visibility: "members",
        areas: [
          { id: training.id, code: "training", titleAr: "التدريب والتأهيل", titleEn: "Training and qualification" },
          { code: "field", titleAr: "التنسيق الميداني", titleEn: "Field coordination" },
          { id: awareness.id, code: "awareness", titleAr: "التوعية", titleEn: "Awareness" },
        ],
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json().areas.map((a: { id: string; code: string; position: number }) => [a.code, a.position])).toEqual([["training", 0], ["field", 1], ["awareness", 2]]);
      expect(edited.json().areas[0].id).toBe(training.id);
      expect((await oic.request("GET", `/api/recommendations/${rec.json().id}`)).json().area).toMatchObject({ id: training.id, titleEn: "Training and qualification" });
      expect((await oic.request("PATCH", `/api/programmes/${programme.id}`, { areas: [{ id: "unknown", code: "x", titleAr: "س", titleEn: "X" }] })).statusCode).toBe(400);
      // Shared with all members now.
      expect((await qatar.request("GET", `/api/programmes/${programme.id}`)).statusCode).toBe(200);
      const programmes = (await qatar.request("GET", `/api/events/${asas}/recommendations`)).json().programmes;
      expect(programmes).toEqual([{ id: programme.id, code: "oic-moh-1446", titleAr: expect.any(String), titleEn: expect.any(String) }]);
      const audit = await t.database.db.selectFrom("auditLog").select("action").where("entityId", "=", programme.id).execute();
      expect(audit.map((a) => a.action)).toEqual(["programme.created", "programme.updated", "programme.updated"]);
    });
  });
}
