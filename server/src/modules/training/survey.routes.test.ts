/**
 * The satisfaction survey: enrolled trainees answer once (scales 1–5 required, texts optional),
 * at the end of the training — after the post-test, or without one once the last workshop has
 * started; managers read averages, distributions and free texts without names.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, login, LOGINS, orgId, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";
import { enrol, makeProgramme } from "./assessments.fixtures.js";
import { oneDecimal } from "./survey.service.js";
import * as fx from "./training.fixture.js";

for (const dialect of DIALECTS) {
  describe(`training satisfaction survey (${dialect})`, () => {
    let t: TestApp;
    let trainer: Client;
    let bilal: Client;
    let siti: Client;
    let qatarMember: Client;
    let programmeId: string;
    const url = () => `/api/training/programmes/${programmeId}/survey`;
    const full = { content: 5, trainer: 4, organisation: 3, overall: 4, improve: "  More time for questions from the missions.  " };

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      await t.database.db.updateTable("users").set({ locale: "en" }).where("email", "=", LOGINS.providerParticipant).execute();
      trainer = await login(t.app, LOGINS.ministryTrainer);
      bilal = await login(t.app, LOGINS.providerParticipant);
      siti = await login(t.app, LOGINS.indonesiaMember);
      qatarMember = await login(t.app, LOGINS.qatarMember);
      programmeId = await makeProgramme(t);
      await enrol(t, programmeId, LOGINS.providerParticipant);
      await enrol(t, programmeId, LOGINS.indonesiaMember);
    });
    afterAll(async () => t?.close());

    it("shows its items; only enrolled trainees answer", async () => {
      const survey = (await bilal.request("GET", url())).json();
      expect(survey).toMatchObject({ canRespond: true, opensAfter: null, enrolled: true, response: null });
      expect(survey.items.map((i: { id: string; kind: string }) => `${i.id}:${i.kind}`)).toEqual(["content:scale", "trainer:scale", "organisation:scale", "overall:scale", "improve:text"]);
      expect((await qatarMember.request("GET", url())).json()).toMatchObject({ canRespond: false, enrolled: false });
      const outsider = await qatarMember.request("POST", url(), { answers: full });
      expect(outsider.statusCode).toBe(403);
      expect(outsider.json().code).toBe("TRAINING_NOT_ENROLLED");
    });

    it("requires every scale 1–5 and keeps texts short, naming the item in the caller's language", async () => {
      const fields = async (c: Client, answers: Record<string, unknown>) => {
        const r = await c.request("POST", url(), { answers });
        expect(r.statusCode, r.body).toBe(400);
        return Object.fromEntries((r.json().fields as Array<{ field: string; message: string }>).map((f) => [f.field, f.message]));
      };
      expect(await fields(bilal, { ...full, content: undefined, trainer: 6, organisation: 2.5, improve: "x".repeat(2001), extra: 1 })).toEqual({
        "answers.extra": "extra is not an accepted field.",
        "answers.content": "How useful the content is for my work is required.",
        "answers.trainer": "The trainer and the clarity of the presentation: choose a value from 1 to 5.",
        "answers.organisation": "The organisation of the workshop and the platform: choose a value from 1 to 5.",
        "answers.improve": "What could be improved? must be at most 2,000 characters.",
      });
      expect(await fields(siti, { ...full, overall: "5" })).toEqual({ "answers.overall": "My overall satisfaction with the programme: choose a value from 1 to 5." });
      expect((await bilal.request("GET", url())).json().response).toBeNull();
    });

    it("is answered once per enrolment", async () => {
      const sent = await bilal.request("POST", url(), { answers: full });
      expect(sent.statusCode, sent.body).toBe(201);
      expect(sent.json().answers).toEqual({ content: 5, trainer: 4, organisation: 3, overall: 4, improve: "More time for questions from the missions." });
      const again = await bilal.request("POST", url(), { answers: { ...full, content: 1 } });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe("TRAINING_SURVEY_DONE");
      expect((await bilal.request("GET", url())).json()).toMatchObject({ canRespond: false, response: { answers: { content: 5 } } });
      // The free text is optional.
      expect((await siti.request("POST", url(), { answers: { content: 4, trainer: 4, organisation: 4, overall: 5, improve: "" } })).statusCode).toBe(201);
    });

    it("gives managers averages, distributions and free texts without names", async () => {
      expect((await bilal.request("GET", `${url()}/summary`)).statusCode).toBe(403);
      expect((await qatarMember.request("GET", `${url()}/summary`)).statusCode).toBe(403);
      const r = await trainer.request("GET", `${url()}/summary`);
      expect(r.statusCode, r.body).toBe(200);
      const summary = r.json();
      expect(summary).toMatchObject({ responses: 2, enrolled: 2, textsTotal: 1, texts: [{ itemId: "improve", text: "More time for questions from the missions." }] });
      const byId = Object.fromEntries(summary.items.map((i: { id: string }) => [i.id, i]));
      expect(byId.content).toMatchObject({ count: 2, average: 4.5, distribution: [0, 0, 0, 1, 1] });
      expect(byId.organisation).toMatchObject({ count: 2, average: 3.5, distribution: [0, 0, 1, 1, 0] });
      expect(byId.improve).toMatchObject({ count: 1, average: null, distribution: [] });
      for (const name of ["Bilal", "Qureshi", "Siti", "rifada.test", "sp-field"]) expect(r.body).not.toContain(name);
      const enrolments = await t.database.db.selectFrom("trainingEnrolments").select(["id", "personId"]).where("programmeId", "=", programmeId).execute();
      for (const e of enrolments) {
        expect(r.body).not.toContain(e.id);
        expect(r.body).not.toContain(e.personId);
      }
    });

    it("opens once the trainee has submitted the post-test (one whose time ran out counts once graded)", async () => {
      const db = t.database.db;
      const pid = await makeProgramme(t);
      const bilalEnrolment = await enrol(t, pid, LOGINS.providerParticipant);
      const sitiEnrolment = await enrol(t, pid, LOGINS.indonesiaMember);
      const post = await fx.assessment(db, { programmeId: pid, kind: "post" });
      // A workshop that has started does not open it when there is a post-test to take.
      const { seasonId } = await db.selectFrom("trainingProgrammes").select("seasonId").where("id", "=", pid).executeTakeFirstOrThrow();
      await fx.workshop(db, { programmeId: pid, seasonId, hostId: await orgId(t, "oic"), startsAt: fx.hoursFromNow(-3), endsAt: fx.hoursFromNow(-1) });
      const at = `/api/training/programmes/${pid}/survey`;

      expect((await bilal.request("GET", at)).json()).toMatchObject({ canRespond: false, opensAfter: "post_test", enrolled: true, response: null });
      const early = await bilal.request("POST", at, { answers: full });
      expect(early.statusCode, early.body).toBe(409);
      expect(early.json()).toMatchObject({ code: "TRAINING_SURVEY_NOT_OPEN", message: expect.stringContaining("once you have submitted the post-test") });
      // Started, not submitted: still closed.
      const open = await fx.attempt(db, { assessmentId: post, enrolmentId: bilalEnrolment, programmeId: pid, kind: "post", score: null, maxScore: 10, submittedAt: null, deadlineAt: fx.hoursFromNow(1) });
      expect((await bilal.request("POST", at, { answers: full })).json().code).toBe("TRAINING_SURVEY_NOT_OPEN");
      expect(await db.selectFrom("trainingSurveyResponses").select("enrolmentId").where("programmeId", "=", pid).execute()).toEqual([]);

      await db.updateTable("trainingAttempts").set({ submittedAt: new Date().toISOString(), score: 7 }).where("id", "=", open).execute();
      expect((await bilal.request("GET", at)).json()).toMatchObject({ canRespond: true, opensAfter: null });
      expect((await bilal.request("POST", at, { answers: full })).statusCode).toBe(201);

      // Siti's post-test ran out of time an hour ago without being submitted: it is graded, and the survey opens.
      const expired = await fx.attempt(db, { assessmentId: post, enrolmentId: sitiEnrolment, programmeId: pid, kind: "post", score: null, maxScore: 10, submittedAt: null, deadlineAt: fx.hoursFromNow(-1) });
      const sent = await siti.request("POST", at, { answers: full });
      expect(sent.statusCode, sent.body).toBe(201);
      const graded = await db.selectFrom("trainingAttempts").select(["submittedAt", "autoSubmitted"]).where("id", "=", expired).executeTakeFirstOrThrow();
      expect(graded.submittedAt).not.toBeNull();
      expect(Number(graded.autoSubmitted)).toBe(1);
    });

    it("without a published post-test, opens once the last workshop that is not cancelled has started", async () => {
      const db = t.database.db;
      const pid = await makeProgramme(t);
      await enrol(t, pid, LOGINS.providerParticipant);
      // An unpublished post-test does not count.
      await fx.assessment(db, { programmeId: pid, kind: "post", published: false });
      const { seasonId } = await db.selectFrom("trainingProgrammes").select("seasonId").where("id", "=", pid).executeTakeFirstOrThrow();
      const oic = await orgId(t, "oic");
      await fx.workshop(db, { programmeId: pid, seasonId, hostId: oic, startsAt: fx.hoursFromNow(-50), endsAt: fx.hoursFromNow(-48) });
      const last = await fx.workshop(db, { programmeId: pid, seasonId, hostId: oic, startsAt: fx.hoursFromNow(2), endsAt: fx.hoursFromNow(4) });
      await fx.workshop(db, { programmeId: pid, seasonId, hostId: oic, startsAt: fx.hoursFromNow(30), endsAt: fx.hoursFromNow(32), status: "cancelled" });
      const at = `/api/training/programmes/${pid}/survey`;

      expect((await bilal.request("GET", at)).json()).toMatchObject({ canRespond: false, opensAfter: "last_workshop" });
      const early = await bilal.request("POST", at, { answers: full });
      expect(early.statusCode).toBe(409);
      expect(early.json().code).toBe("TRAINING_SURVEY_NOT_OPEN");

      // The last workshop is under way (the cancelled one after it does not count): the survey opens.
      await db.updateTable("events").set({ startsAt: fx.hoursFromNow(-1), endsAt: fx.hoursFromNow(1) }).where("id", "=", last).execute();
      expect((await bilal.request("GET", at)).json()).toMatchObject({ canRespond: true, opensAfter: null });
      expect((await bilal.request("POST", at, { answers: full })).statusCode).toBe(201);
      expect((await bilal.request("GET", at)).json()).toMatchObject({ canRespond: false, opensAfter: null, response: { answers: { content: 5 } } });
    });

    it("rounds averages half up to one decimal", () => {
      expect(oneDecimal(0, 0)).toBeNull();
      expect(oneDecimal(9, 2)).toBe(4.5);
      expect(oneDecimal(10, 3)).toBe(3.3);
      expect(oneDecimal(11, 3)).toBe(3.7);
      expect(oneDecimal(29, 8)).toBe(3.6); // 3.625
      expect(oneDecimal(27, 8)).toBe(3.4); // 3.375
    });
  });
}
