/**
 * The training demo: Asas and Terhab (OIC secretariat with the Ministry, season 1445), their
 * workshops, questions used by both tests, trainees with attendance, answers and surveys, and
 * certificates only for those who met the rule — one revoked and re-issued.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database.js";
import { migrateToLatest } from "../migrate.js";
import { seedDemo } from "./seed.js";
import { seedDemoTraining } from "./training-seed.js";
import { DIALECTS, freshDatabase } from "../../test/dialects.js";
import { CERTIFICATE_CODE_PATTERN, isCorrect, type AnswerKey, type AnswerResponse, type QuestionKind } from "../../../../common/training.js";

for (const dialect of DIALECTS) {
  describe(`training demo data (${dialect})`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await freshDatabase(dialect);
      await migrateToLatest(database.db);
      await seedDemo(database.db);
    });
    afterAll(async () => database?.close());

    const programme = (code: string) => database.db.selectFrom("trainingProgrammes").selectAll().where("code", "=", code).executeTakeFirstOrThrow();

    it("loads once", async () => {
      expect(await seedDemoTraining(database.db)).toBe(false);
      expect((await database.db.selectFrom("trainingProgrammes").select("code").orderBy("code").execute()).map((r) => r.code)).toEqual(["asas-1445", "terhab-1445"]);
    });

    it("has both programmes owned by the OIC secretariat with the Ministry, delivered by their workshops", async () => {
      for (const [code, workshop] of [["asas-1445", "Asas workshop"], ["terhab-1445", "Terhab workshop"]] as const) {
        const p = await programme(code);
        const owners = await database.db.selectFrom("trainingProgrammeOwners").innerJoin("organisations", "organisations.id", "trainingProgrammeOwners.organisationId").select("organisations.code").where("programmeId", "=", p.id).orderBy("position").execute();
        expect(owners.map((o) => o.code)).toEqual(["oic", "moh-sa"]);
        const events = await database.db.selectFrom("trainingProgrammeEvents").innerJoin("events", "events.id", "trainingProgrammeEvents.eventId").select("events.titleEn").where("programmeId", "=", p.id).execute();
        expect(events.map((e) => e.titleEn)).toEqual([workshop]);
        expect(p.cooperationProgrammeId).not.toBeNull();
      }
    });

    it("grades every seeded answer as the rules do", async () => {
      const rows = await database.db.selectFrom("trainingAnswers").innerJoin("trainingQuestions", "trainingQuestions.id", "trainingAnswers.questionId")
        .select(["trainingAnswers.response", "trainingAnswers.correct", "trainingAnswers.points", "trainingQuestions.kind", "trainingQuestions.answerKey", "trainingQuestions.points as max"]).execute();
      expect(rows.length).toBeGreaterThan(100);
      for (const r of rows) {
        const right = isCorrect({ kind: r.kind as QuestionKind, answerKey: JSON.parse(r.answerKey) as AnswerKey }, JSON.parse(r.response) as AnswerResponse);
        expect(Number(r.correct)).toBe(right ? 1 : 0);
        expect(Number(r.points)).toBe(right ? Number(r.max) : 0);
      }
      const attempts = await database.db.selectFrom("trainingAttempts").select(["id", "score"]).execute();
      for (const a of attempts) {
        const sum = await database.db.selectFrom("trainingAnswers").select((eb) => eb.fn.sum<number>("points").as("total")).where("attemptId", "=", a.id).executeTakeFirstOrThrow();
        expect(Number(sum.total)).toBe(Number(a.score));
      }
    });

    it("certifies only trainees who attended ≥ 75 % and scored ≥ 60 % (and answered the survey where required)", async () => {
      const certs = await database.db.selectFrom("trainingCertificates").selectAll().execute();
      for (const c of certs) {
        expect(c.code).toMatch(CERTIFICATE_CODE_PATTERN);
        expect(c.attendancePct).toBeGreaterThanOrEqual(75);
        expect(c.postScorePct).toBeGreaterThanOrEqual(60);
      }
      const terhab = await programme("terhab-1445");
      const terhabCerts = certs.filter((c) => c.programmeId === terhab.id && c.status === "valid");
      const surveyed = new Set((await database.db.selectFrom("trainingSurveyResponses").select("enrolmentId").where("programmeId", "=", terhab.id).execute()).map((r) => r.enrolmentId));
      expect(terhabCerts.length).toBeGreaterThan(0);
      for (const c of terhabCerts) expect(surveyed.has(c.enrolmentId)).toBe(true);
      const revoked = certs.filter((c) => c.status === "revoked");
      expect(revoked).toHaveLength(1);
      expect(revoked[0]!.revokeReason).toContain("Latin name misspelt");
      expect(certs.filter((c) => c.enrolmentId === revoked[0]!.enrolmentId && c.status === "valid")).toHaveLength(1);
    });

    it("has every seeded survey answered after its trainee submitted the post-test (the survey opens at the end)", async () => {
      const rows = await database.db.selectFrom("trainingSurveyResponses as s")
        .leftJoin("trainingAttempts as a", (j) => j.onRef("a.enrolmentId", "=", "s.enrolmentId").on("a.kind", "=", "post"))
        .select(["s.enrolmentId", "s.submittedAt as surveyAt", "a.submittedAt as postAt"]).execute();
      expect(rows.length).toBeGreaterThan(5);
      for (const r of rows) {
        expect(r.postAt, `post-test of ${r.enrolmentId}`).not.toBeNull();
        expect(Date.parse(r.surveyAt), `survey of ${r.enrolmentId}`).toBeGreaterThan(Date.parse(r.postAt!));
      }
    });

    it("gives the demo participant an Asas certificate and Terhab's post-test still to take", async () => {
      const bilal = await database.db.selectFrom("users").select(["id", "personId"]).where("email", "=", "bilal.qureshi@sp-field.rifada.test").executeTakeFirstOrThrow();
      const asas = await programme("asas-1445");
      const terhab = await programme("terhab-1445");
      const cert = await database.db.selectFrom("trainingCertificates").select(["nameAr", "nameEn", "status"]).where("programmeId", "=", asas.id).where("personId", "=", bilal.personId!).execute();
      expect(cert).toEqual([{ nameAr: "بلال أحمد قريشي", nameEn: "Bilal Ahmed Qureshi", status: "valid" }]);
      const enrolment = await database.db.selectFrom("trainingEnrolments").select(["id", "userId"]).where("programmeId", "=", terhab.id).where("personId", "=", bilal.personId!).executeTakeFirstOrThrow();
      expect(enrolment.userId).toBe(bilal.id);
      const kinds = (await database.db.selectFrom("trainingAttempts").select("kind").where("enrolmentId", "=", enrolment.id).execute()).map((a) => a.kind);
      expect(kinds).toEqual(["pre"]);
    });
  });
}
