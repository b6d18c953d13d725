/**
 * The results cache (results-cache.ts) and the facts version it relies on (facts-version.ts):
 * every writer of what a programme's results come from increments the version in its transaction,
 * the cache answers the same facts while nothing changed and new ones as soon as anything did —
 * a write, time passing a workshop's start, the rule — and the results over HTTP follow a check-in
 * recorded by the events module at once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, login, LOGINS, orgId, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";
import { newId, nowIso } from "../../lib/tokens.js";
import { attendanceRepository } from "../events/attendance.repository.js";
import { assessmentsRepository } from "./assessments.repository.js";
import { attemptsRepository } from "./attempts.repository.js";
import { enrolmentsRepository } from "./enrolments.repository.js";
import { programmesRepository } from "./programmes.repository.js";
import { createFactsCache } from "./results-cache.js";
import { surveyRepository } from "./survey.repository.js";
import * as fx from "./training.fixture.js";
import { loadProgramme } from "./training-access.js";

for (const dialect of DIALECTS) {
  describe(`training results cache (${dialect})`, () => {
    let t: TestApp;
    let oic: Client;
    let programmeId: string;
    let seasonId: string;
    let oicId: string;
    let qatarId: string;
    let heldId: string;
    let laterId: string;
    let postId: string;

    const version = async () => Number((await t.database.db.selectFrom("trainingProgrammes").select("factsVersion").where("id", "=", programmeId).executeTakeFirstOrThrow()).factsVersion);
    const loaded = async () => (await loadProgramme(t.database.db, programmeId))!;

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      oic = await login(t.app, LOGINS.oicCoordinator);
      const db = t.database.db;
      oicId = await orgId(t, "oic");
      qatarId = await orgId(t, "hajj-qa");
      seasonId = await fx.season(db);
      programmeId = await fx.programme(db, { seasonId, ownerIds: [oicId], minAttendancePct: 50, minPostScorePct: 60 });
      heldId = await fx.workshop(db, { programmeId, seasonId, hostId: oicId, startsAt: fx.hoursFromNow(-3), endsAt: fx.hoursFromNow(-1) });
      laterId = await fx.workshop(db, { programmeId, seasonId, hostId: oicId, startsAt: fx.hoursFromNow(2), endsAt: fx.hoursFromNow(4) });
      postId = await fx.assessment(db, { programmeId, kind: "post" });
    });
    afterAll(async () => t?.close());

    it("every writer of a programme's facts increments its version in the same statement batch", async () => {
      const db = t.database.db;
      const personId = await fx.person(db, { organisationId: qatarId, nameAr: "سالم المري", nameEn: "Salem Al-Marri" });
      const steps: Array<[string, () => Promise<unknown>]> = [];
      const enrolmentId = newId();
      const at = nowIso();
      steps.push(["enrolment inserted", () => enrolmentsRepository(db).insert(db, [{ id: enrolmentId, programmeId, personId, userId: null, organisationId: qatarId, status: "enrolled", source: "admin", enrolledBy: null, createdAt: at, updatedAt: at, withdrawnAt: null }])]);
      steps.push(["enrolment updated", () => enrolmentsRepository(db).update(db, enrolmentId, { updatedAt: nowIso() })]);
      const attemptId = newId();
      steps.push(["attempt submitted", async () => {
        await db.insertInto("trainingAttempts").values({ id: attemptId, assessmentId: postId, enrolmentId, programmeId, kind: "post", questionIds: "[]", startedAt: at, deadlineAt: null, submittedAt: null, autoSubmitted: 0, score: null, maxScore: 10 }).execute();
        expect(await attemptsRepository(db).markSubmitted(db, attemptId, { submittedAt: nowIso(), score: 8, maxScore: 10, autoSubmitted: 0 })).toBe(true);
      }]);
      steps.push(["survey answered", () => surveyRepository(db).insertIfAbsent(db, { enrolmentId, programmeId, answers: "{}", submittedAt: nowIso() })]);
      steps.push(["test settings saved", async () => {
        const test = await db.selectFrom("trainingAssessments").select("version").where("id", "=", postId).executeTakeFirstOrThrow();
        expect(await assessmentsRepository(db, t.database.dialect).update(db, postId, test.version, { updatedAt: nowIso() })).toBe(true);
      }]);
      steps.push(["workshops relinked", () => programmesRepository(db).replaceEvents(db, programmeId, [heldId, laterId])]);
      const row = { id: newId(), eventId: heldId, attendeeKey: `p:${personId}`, personId, userId: null, organisationId: qatarId, source: "import", minutes: 30, checkedInAt: nowIso(), recordedBy: null };
      steps.push(["attendance recorded", () => attendanceRepository(db).insertMissing(db, [row])]);
      steps.push(["imported minutes corrected", () => attendanceRepository(db).updateImportedMinutes(db, heldId, row.attendeeKey, 90)]);
      steps.push(["check-in undone", () => attendanceRepository(db).remove(db, heldId, row.attendeeKey)]);
      for (const [name, run] of steps) {
        const before = await version();
        await run();
        expect(await version(), name).toBe(before + 1);
      }
      // Writes that change nothing leave it alone: a second survey answer, a check-in already recorded.
      const before = await version();
      await surveyRepository(db).insertIfAbsent(db, { enrolmentId, programmeId, answers: "{}", submittedAt: nowIso() });
      await attemptsRepository(db).markSubmitted(db, attemptId, { submittedAt: nowIso(), score: 1, maxScore: 10, autoSubmitted: 0 });
      expect(await version()).toBe(before);
    });

    it("answers the same facts while nothing changed, new ones after a write, a workshop starting or a rule change", async () => {
      const db = t.database.db;
      const cache = createFactsCache(db);
      const first = await cache.get(await loaded());
      expect(await cache.get(await loaded())).toBe(first);
      expect(first.facts.held.map((w) => w.id)).toEqual([heldId]);

      const personId = await fx.person(db, { organisationId: qatarId, nameAr: "حمد الكواري", nameEn: "Hamad Al-Kuwari" });
      await fx.enrol(db, { programmeId, personId, organisationId: qatarId });
      const afterEnrol = await cache.get(await loaded());
      expect(afterEnrol).not.toBe(first);
      expect(afterEnrol.facts.trainees.length).toBe(first.facts.trainees.length + 1);

      // Three hours on, the second workshop has started: it counts, with nothing written.
      const later = new Date(Date.now() + 3 * 3_600_000).toISOString();
      const moved = await cache.get(await loaded(), later);
      expect(moved).not.toBe(afterEnrol);
      expect(moved.facts.held.map((w) => w.id)).toEqual([heldId, laterId]);

      await db.updateTable("trainingProgrammes").set({ minAttendancePct: 80 }).where("id", "=", programmeId).execute();
      try {
        const ruled = await cache.get(await loaded(), later);
        expect(ruled).not.toBe(moved);
        expect(ruled.facts.rule.minAttendancePct).toBe(80);
      } finally {
        await db.updateTable("trainingProgrammes").set({ minAttendancePct: 50 }).where("id", "=", programmeId).execute();
      }
    });

    it("answers old facts that are still current at once, and computes them afresh behind the scenes", async () => {
      const cache = createFactsCache(t.database.db, { maxAgeMs: 0 });
      const p = await loaded();
      const first = await cache.get(p);
      // Old (age 0 allowed) but nothing changed: the same facts come back while fresh ones are computed.
      expect(await cache.get(p)).toBe(first);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const next = await cache.get(p);
      expect(next).not.toBe(first);
      expect(next.facts.trainees.map((x) => x.enrolmentId).sort()).toEqual(first.facts.trainees.map((x) => x.enrolmentId).sort());
    });

    it("keeps one computation for requests that arrive together, and none that failed", async () => {
      const cache = createFactsCache(t.database.db);
      await fx.enrol(t.database.db, { programmeId, personId: await fx.person(t.database.db, { organisationId: qatarId, nameAr: "علي", nameEn: "Ali" }), organisationId: qatarId });
      const p = await loaded();
      const [a, b] = await Promise.all([cache.get(p), cache.get(p)]);
      expect(a).toBe(b);
    });

    it("the results follow a check-in recorded on the workshop's attendance list at once", async () => {
      const db = t.database.db;
      const personId = await fx.person(db, { organisationId: qatarId, nameAr: "يوسف الهاجري", nameEn: "Yousef Al-Hajri" });
      const enrolmentId = await fx.enrol(db, { programmeId, personId, organisationId: qatarId });
      const row = async () => {
        const r = await oic.request("GET", `/api/training/programmes/${programmeId}/results?q=Hajri`);
        expect(r.statusCode, r.body).toBe(200);
        return r.json().trainees.items.find((i: { enrolmentId: string }) => i.enrolmentId === enrolmentId);
      };
      expect((await row()).attendancePct).toBe(0);
      const put = await oic.request("PUT", `/api/events/${heldId}/attendance/${encodeURIComponent(`p:${personId}`)}`);
      expect(put.statusCode, put.body).toBe(204);
      expect((await row()).attendancePct).toBe(100);
      const undo = await oic.request("DELETE", `/api/events/${heldId}/attendance/${encodeURIComponent(`p:${personId}`)}`);
      expect(undo.statusCode, undo.body).toBe(204);
      expect((await row()).attendancePct).toBe(0);
    });
  });
}
