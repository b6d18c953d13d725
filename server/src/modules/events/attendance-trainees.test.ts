/**
 * A training workshop expects the trainees of the programmes it delivers: they appear in its
 * attendance list (so the organiser checks them in or the virtual report matches them), and
 * a trainee who also registered is listed once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId, nowIso } from "../../lib/tokens.js";
import { buildTestApp, login, LOGINS, orgId, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";
import { DEFAULT_SURVEY } from "../../../../common/training.js";

const riyadhIn = (hours: number) => new Date(Date.now() + (3 + hours) * 3_600_000).toISOString().slice(0, 16);

for (const dialect of DIALECTS) {
  describe(`attendance of trainees (${dialect})`, () => {
    let t: TestApp;
    let oic: Client;
    let workshopId: string;
    let programmeId: string;

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      oic = await login(t.app, LOGINS.oicCoordinator);
      const seasonId = (await oic.request("POST", "/api/seasons", { hijriYear: 1449 })).json().id as string;
      const created = await oic.request("POST", "/api/events", {
        seasonId, kind: "workshop", mode: "virtual", titleAr: "ورشة أساس الافتراضية", titleEn: "Asas virtual workshop", joinUrl: "https://meet.example.org/asas",
        startsLocal: riyadhIn(-1), endsLocal: riyadhIn(2), registration: "open", visibility: "members",
      });
      expect(created.statusCode, created.body).toBe(201);
      workshopId = created.json().id;
      const oicId = await orgId(t, "oic");
      programmeId = newId();
      const at = nowIso();
      await t.database.db.insertInto("trainingProgrammes").values({
        id: programmeId, code: `asas-${dialect}`, seasonId, organisationId: oicId, cooperationProgrammeId: null, titleAr: "أساس", titleEn: "Asas",
        descriptionAr: null, descriptionEn: null, objectivesAr: null, objectivesEn: null, audience: "service_providers", status: "published", visibility: "members",
        shareGroupId: null, enrolment: "managed", minAttendancePct: 75, minPostScorePct: 60, requireSurvey: 0, survey: JSON.stringify(DEFAULT_SURVEY), version: 1,
        createdBy: null, createdAt: at, updatedAt: at, archivedAt: null,
      }).execute();
      await t.database.db.insertInto("trainingProgrammeOwners").values({ programmeId, organisationId: oicId, position: 0 }).execute();
      await t.database.db.insertInto("trainingProgrammeEvents").values({ programmeId, eventId: workshopId }).execute();
      // Two trainees: the demo participant (who also registers himself) and a person without an account.
      const bilal = await t.database.db.selectFrom("users").select(["id", "personId", "organisationId"]).where("email", "=", LOGINS.providerParticipant).executeTakeFirstOrThrow();
      const other = await t.database.db.selectFrom("people").select(["id", "organisationId"]).where("email", "=", "siti.rahmawati@hajj-id.rifada.test").executeTakeFirstOrThrow();
      const withdrawn = await t.database.db.selectFrom("people").select(["id", "organisationId"]).where("email", "=", LOGINS.qatarMember).executeTakeFirstOrThrow();
      const enrol = (personId: string, userId: string | null, organisationId: string, status = "enrolled") =>
        ({ id: newId(), programmeId, personId, userId, organisationId, status, source: "admin", enrolledBy: null, createdAt: at, updatedAt: at, withdrawnAt: status === "withdrawn" ? at : null });
      await t.database.db.insertInto("trainingEnrolments").values([
        enrol(bilal.personId!, bilal.id, bilal.organisationId),
        enrol(other.id, null, other.organisationId),
        enrol(withdrawn.id, null, withdrawn.organisationId, "withdrawn"),
      ]).execute();
      const participant = await login(t.app, LOGINS.providerParticipant);
      expect((await participant.request("POST", `/api/events/${workshopId}/registration`)).statusCode).toBe(200);
    });
    afterAll(async () => t?.close());

    it("lists enrolled trainees as expected, once each, and not the withdrawn", async () => {
      const r = await oic.request("GET", `/api/events/${workshopId}/attendance`);
      expect(r.statusCode, r.body).toBe(200);
      const items = r.json().items as Array<{ role: string; nameEn: string; email: string | null }>;
      expect(items.map((i) => `${i.role}:${i.nameEn}`).sort()).toEqual(["registrant:Bilal Ahmed Qureshi", "trainee:Siti Rahmawati"]);
      expect(r.json().totals).toEqual({ expected: 2, attended: 0 });
    });

    it("lets the organiser check a trainee in", async () => {
      const list = (await oic.request("GET", `/api/events/${workshopId}/attendance`)).json().items as Array<{ key: string; role: string }>;
      const trainee = list.find((i) => i.role === "trainee")!;
      const r = await oic.request("PUT", `/api/events/${workshopId}/attendance/${encodeURIComponent(trainee.key)}`);
      expect(r.statusCode, r.body).toBe(204);
      const after = (await oic.request("GET", `/api/events/${workshopId}/attendance`)).json();
      expect(after.totals).toEqual({ expected: 2, attended: 1 });
    });
  });
}
