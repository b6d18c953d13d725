/**
 * The trainers of a training programme record the attendance of the workshops that deliver it —
 * the list, check-in and undo, a platform's report, the QR link — without being able to edit the
 * workshop itself; a workshop their programme does not use stays closed to them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SURVEY } from "../../../../common/training.js";
import { newId, nowIso } from "../../lib/tokens.js";
import { buildTestApp, login, LOGINS, orgId, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";
import { computeProgrammeFacts } from "../training/completion.service.js";

const riyadhIn = (hours: number) => new Date(Date.now() + (3 + hours) * 3_600_000).toISOString().slice(0, 16);

for (const dialect of DIALECTS) {
  describe(`attendance recorded by a programme's trainer (${dialect})`, () => {
    let t: TestApp;
    let oic: Client;
    let noura: Client;
    let linked: string;
    let unlinked: string;
    let programmeId: string;
    let traineeKey: string;

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      oic = await login(t.app, LOGINS.oicCoordinator);
      noura = await login(t.app, LOGINS.ministryTrainer);
      const seasonId = (await oic.request("POST", "/api/seasons", { hijriYear: 1451 })).json().id as string;
      // Two OIC workshops under way (attendance is open); only the first delivers the programme.
      const workshop = async (titleEn: string) => {
        const r = await oic.request("POST", "/api/events", {
          seasonId, kind: "workshop", mode: "virtual", titleAr: `ورشة ${titleEn}`, titleEn, joinUrl: "https://meet.example.org/asas",
          startsLocal: riyadhIn(-1), endsLocal: riyadhIn(2), registration: "open", visibility: "members",
        });
        expect(r.statusCode, r.body).toBe(201);
        return r.json().id as string;
      };
      linked = await workshop("Asas virtual workshop");
      unlinked = await workshop("Terhab virtual workshop");
      // The programme is the OIC's with the Ministry (Noura's organisation) as co-owner: she manages it.
      const [oicId, mohId] = await Promise.all([orgId(t, "oic"), orgId(t, "moh-sa")]);
      programmeId = newId();
      const at = nowIso();
      await t.database.db.insertInto("trainingProgrammes").values({
        id: programmeId, code: `asas-trainers-${dialect}`, seasonId, organisationId: oicId, cooperationProgrammeId: null, titleAr: "أساس", titleEn: "Asas",
        descriptionAr: null, descriptionEn: null, objectivesAr: null, objectivesEn: null, audience: "service_providers", status: "published", visibility: "members",
        shareGroupId: null, enrolment: "managed", minAttendancePct: 75, minPostScorePct: 60, requireSurvey: 0, survey: JSON.stringify(DEFAULT_SURVEY), version: 1,
        createdBy: null, createdAt: at, updatedAt: at, archivedAt: null,
      }).execute();
      await t.database.db.insertInto("trainingProgrammeOwners").values([{ programmeId, organisationId: oicId, position: 0 }, { programmeId, organisationId: mohId, position: 1 }]).execute();
      await t.database.db.insertInto("trainingProgrammeEvents").values({ programmeId, eventId: linked }).execute();
      const siti = await t.database.db.selectFrom("people").select(["id", "organisationId"]).where("email", "=", "siti.rahmawati@hajj-id.rifada.test").executeTakeFirstOrThrow();
      await t.database.db.insertInto("trainingEnrolments").values({ id: newId(), programmeId, personId: siti.id, userId: null, organisationId: siti.organisationId, status: "enrolled", source: "admin", enrolledBy: null, createdAt: at, updatedAt: at, withdrawnAt: null }).execute();
      traineeKey = `p:${siti.id}`;
    });
    afterAll(async () => t?.close());

    const url = (eventId: string, rest = "") => `/api/events/${eventId}${rest}`;
    const keyPath = (eventId: string) => url(eventId, `/attendance/${encodeURIComponent(traineeKey)}`);

    it("is told by the workshop that she may record its attendance, not edit it", async () => {
      expect((await noura.request("GET", url(linked))).json().abilities).toMatchObject({ update: false, recordAttendance: true });
      expect((await noura.request("GET", url(unlinked))).json().abilities).toMatchObject({ update: false, recordAttendance: false });
      expect((await oic.request("GET", url(unlinked))).json().abilities).toMatchObject({ update: true, recordAttendance: true });
    });

    it("checks a trainee in at a workshop her programme uses, and undoes it", async () => {
      const list = await noura.request("GET", url(linked, "/attendance"));
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().items.map((i: { key: string; role: string }) => `${i.role}:${i.key}`)).toEqual([`trainee:${traineeKey}`]);
      const checkIn = await noura.request("PUT", keyPath(linked));
      expect(checkIn.statusCode, checkIn.body).toBe(204);
      const after = (await noura.request("GET", url(linked, "/attendance"))).json();
      expect(after.totals).toEqual({ expected: 1, attended: 1 });
      expect(after.items[0]).toMatchObject({ source: "organiser" });
      // The check-in counts for the programme at once: the workshop has started.
      const facts = await computeProgrammeFacts(t.database.db, { id: programmeId, minAttendancePct: 75, minPostScorePct: 60, requireSurvey: false });
      expect(facts.trainees[0]!.attendancePct).toBe(100);
      const audit = await t.database.db.selectFrom("auditLog").innerJoin("users", "users.id", "auditLog.actorId").select("users.email").where("auditLog.entityId", "=", linked).where("auditLog.action", "=", "attendance.checked_in").execute();
      expect(audit.map((a) => a.email)).toEqual([LOGINS.ministryTrainer]);

      expect((await noura.request("DELETE", keyPath(linked))).statusCode).toBe(204);
      expect((await noura.request("GET", url(linked, "/attendance"))).json().totals).toEqual({ expected: 1, attended: 0 });
    });

    it("imports the platform's report and gets the QR link of that workshop", async () => {
      const csv = "Name,Email,Duration (Minutes)\nSiti Rahmawati,siti.rahmawati@hajj-id.rifada.test,170\n";
      const preview = await noura.request("POST", url(linked, "/attendance/import"), { csv, commit: false });
      expect(preview.statusCode, preview.body).toBe(200);
      expect(preview.json().summary).toMatchObject({ new: 1 });
      const commit = await noura.request("POST", url(linked, "/attendance/import"), { csv, commit: true });
      expect(commit.json()).toMatchObject({ committed: true, written: 1 });
      expect((await noura.request("GET", url(linked, "/attendance"))).json().items[0]).toMatchObject({ source: "import", minutes: 170 });
      expect((await noura.request("GET", url(linked, "/check-in-link"))).statusCode).toBe(200);
    });

    it("gets 403 at a workshop her programme does not use", async () => {
      for (const [method, path, body] of [
        ["GET", url(unlinked, "/attendance"), undefined],
        ["PUT", keyPath(unlinked), undefined],
        ["DELETE", keyPath(unlinked), undefined],
        ["POST", url(unlinked, "/attendance/import"), { csv: "Email\nsiti.rahmawati@hajj-id.rifada.test\n", commit: false }],
        ["GET", url(unlinked, "/check-in-link"), undefined],
      ] as const) {
        const r = await noura.request(method, path, body);
        expect(r.statusCode, `${method} ${path}`).toBe(403);
        expect(r.json().code).toBe("FORBIDDEN");
      }
      expect(await t.database.db.selectFrom("attendance").select("id").where("eventId", "=", unlinked).execute()).toEqual([]);
    });

    it("gets 403 on editing the workshop itself, its agenda or its invitations", async () => {
      const before = (await oic.request("GET", url(linked))).json();
      const edit = await noura.request("PATCH", url(linked), { venueEn: "Makkah" });
      expect(edit.statusCode, edit.body).toBe(403);
      expect((await noura.request("PUT", url(linked, "/agenda"), { items: [] })).statusCode).toBe(403);
      expect((await noura.request("POST", url(linked, "/invitations"), { organisationIds: [await orgId(t, "hajj-qa")] })).statusCode).toBe(403);
      expect((await oic.request("GET", url(linked))).json()).toMatchObject({ venueEn: before.venueEn, updatedAt: before.updatedAt });
    });
  });
}
