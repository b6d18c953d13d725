/**
 * Attempts: started once per test and enrolment (however many requests arrive at once), answers
 * saved one by one (last write wins; nothing after the deadline and its grace), graded all-or-nothing
 * per question on submission (twice is the same result) or by the sweep when the time runs out;
 * readable by the trainee, and once submitted by the managers; answer keys only after the post-test.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEADLINE_GRACE_SECONDS } from "../../../../common/training.js";
import { buildTestApp, login, LOGINS, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";
import { tokenClient } from "../../test/followup.js";
import { addQuestions, enrol, makeProgramme, publishTest } from "./assessments.fixtures.js";
import { finaliseExpiredAttempts } from "./attempts.service.js";

for (const dialect of DIALECTS) {
  describe(`training attempts (${dialect})`, () => {
    let t: TestApp;
    let trainer: Client;
    let bilal: Client;
    let siti: Client;
    let qatarAdmin: Client;
    let programmeId: string;
    let ids: Awaited<ReturnType<typeof addQuestions>>;
    let preId: string;
    const start = (c: Client, kind: "pre" | "post", programme = programmeId) => c.request("POST", `/api/training/programmes/${programme}/assessments/${kind}/attempt`);
    const save = (c: Client, attemptId: string, questionId: string, response: unknown) => c.request("PUT", `/api/training/attempts/${attemptId}/answers/${questionId}`, { response }, { "accept-language": "en" });
    const answerRow = (attemptId: string, questionId: string) =>
      t.database.db.selectFrom("trainingAnswers").selectAll().where("attemptId", "=", attemptId).where("questionId", "=", questionId).executeTakeFirst();

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      await t.database.db.updateTable("users").set({ locale: "en" }).where("email", "in", [LOGINS.providerParticipant, LOGINS.indonesiaMember]).execute();
      trainer = await login(t.app, LOGINS.ministryTrainer);
      bilal = await login(t.app, LOGINS.providerParticipant);
      siti = await login(t.app, LOGINS.indonesiaMember);
      qatarAdmin = await login(t.app, LOGINS.qatarAdmin);
      programmeId = await makeProgramme(t);
      ids = await addQuestions(trainer, programmeId);
      const all = [ids.single, ids.multiple, ids.trueFalse, ids.numeric];
      await publishTest(trainer, programmeId, "pre", all);
      await publishTest(trainer, programmeId, "post", all, { timeLimitMinutes: 30 });
      await enrol(t, programmeId, LOGINS.providerParticipant);
      await enrol(t, programmeId, LOGINS.indonesiaMember);
    });
    afterAll(async () => t?.close());

    it("starts once and resumes: the questions without their keys, the deadline and the server's time", async () => {
      const first = await start(bilal, "pre");
      expect(first.statusCode, first.body).toBe(201);
      preId = first.json().id;
      const again = await start(bilal, "pre");
      expect(again.statusCode).toBe(200);
      expect(again.json().id).toBe(preId);
      const view = (await bilal.request("GET", `/api/training/attempts/${preId}`)).json();
      expect(view).toMatchObject({ kind: "pre", mine: true, status: "in_progress", deadlineAt: null, graceSeconds: DEADLINE_GRACE_SECONDS, answeredCount: 0, score: null, maxScore: 10, percent: null, trainee: { nameEn: "Bilal Ahmed Qureshi" } });
      expect(Math.abs(Date.parse(view.serverNow) - Date.now())).toBeLessThan(60_000);
      expect(view.questions.map((q: { id: string; number: number }) => [q.number, q.id])).toEqual([[1, ids.single], [2, ids.multiple], [3, ids.trueFalse], [4, ids.numeric]]);
      expect(view.questions[2].options).toEqual([{ id: "true", textAr: "صح", textEn: "True" }, { id: "false", textAr: "خطأ", textEn: "False" }]);
      expect(view.questions[0]).toMatchObject({ textAr: expect.any(String), textEn: expect.any(String), response: null, savedAt: null });
      for (const body of [first.body, again.body, JSON.stringify(view)]) {
        expect(body).not.toContain("answerKey");
        expect(body).not.toContain("correct");
      }
      // With a time limit, the deadline is the start plus the limit.
      const post = (await start(bilal, "post")).json();
      expect(Date.parse(post.deadlineAt) - Date.parse(post.startedAt)).toBe(30 * 60_000);
    });

    it("saves each answer over the last, checks its shape against the kind, and accepts Arabic-Indic digits", async () => {
      const first = await save(bilal, preId, ids.single, { optionIds: ["b"] });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ questionId: ids.single, response: { optionIds: ["b"] } });
      const second = await save(bilal, preId, ids.single, { optionIds: ["a"] });
      expect(second.json().response).toEqual({ optionIds: ["a"] });
      expect(JSON.parse((await answerRow(preId, ids.single))!.response)).toEqual({ optionIds: ["a"] });
      // Saving the same answer again is harmless.
      expect((await save(bilal, preId, ids.single, { optionIds: ["a"] })).statusCode).toBe(200);
      const numeric = await save(bilal, preId, ids.numeric, { value: "٥٦٫٦" });
      expect(numeric.json().response).toEqual({ value: "56.6" });

      const fields = async (questionId: string, response: unknown) => {
        const r = await save(bilal, preId, questionId, response);
        expect(r.statusCode, r.body).toBe(400);
        return Object.fromEntries((r.json().fields as Array<{ field: string; message: string }>).map((f) => [f.field, f.message]));
      };
      expect(await fields(ids.single, { optionIds: ["a", "b"] })).toEqual({ "response.optionIds": "Chosen options: choose only one option." });
      expect(await fields(ids.single, { optionIds: ["z"] })).toEqual({ "response.optionIds": "Chosen options must be one of the allowed values." });
      expect(await fields(ids.trueFalse, { optionIds: ["yes"] })).toEqual({ "response.optionIds": "Chosen options must be one of the allowed values." });
      expect(await fields(ids.numeric, { value: "fifty-seven" })).toEqual({ "response.value": "Answer (number) must be a number." });
      expect(await fields(ids.numeric, { optionIds: ["a"] })).toEqual({ response: "Answer: this question expects a number." });
      expect(await fields(ids.multiple, { value: "3" })).toEqual({ response: "Answer: this question expects a choice among its options." });
      // The refused saves changed nothing.
      expect(JSON.parse((await answerRow(preId, ids.single))!.response)).toEqual({ optionIds: ["a"] });
      expect(JSON.parse((await answerRow(preId, ids.numeric))!.response)).toEqual({ value: "56.6" });
      // A question of another test or programme is not part of this attempt.
      const otherProgramme = await makeProgramme(t);
      const otherIds = await addQuestions(trainer, otherProgramme);
      expect((await save(bilal, preId, otherIds.single, { optionIds: ["a"] })).statusCode).toBe(404);
    });

    it("is the trainee's own: another trainee gets 404; managers and his admin read it once submitted", async () => {
      expect((await siti.request("GET", `/api/training/attempts/${preId}`)).statusCode).toBe(404);
      expect((await save(siti, preId, ids.single, { optionIds: ["b"] })).statusCode).toBe(404);
      expect((await siti.request("POST", `/api/training/attempts/${preId}/submit`)).statusCode).toBe(404);
      // Not submitted yet: not even the trainer reads it.
      expect((await trainer.request("GET", `/api/training/attempts/${preId}`)).statusCode).toBe(404);
      expect((await qatarAdmin.request("GET", `/api/training/attempts/${preId}`)).statusCode).toBe(404);
      expect(JSON.parse((await answerRow(preId, ids.single))!.response)).toEqual({ optionIds: ["a"] });
    });

    it("grades on submission: all or nothing per question, numeric within its tolerance, multiple choice exactly", async () => {
      await save(bilal, preId, ids.multiple, { optionIds: ["a", "b"] }); // d is missing: wrong
      await save(bilal, preId, ids.trueFalse, { optionIds: ["false"] }); // wrong
      const submitted = await bilal.request("POST", `/api/training/attempts/${preId}/submit`);
      expect(submitted.statusCode, submitted.body).toBe(200);
      const result = submitted.json();
      // single 2 + numeric 4 (56.6 is within 0.5 of 57); multiple 3 and true/false 1 lost.
      expect(result).toMatchObject({ status: "submitted", autoSubmitted: false, score: 6, maxScore: 10, percent: 60, answeredCount: 4 });
      expect(result.questions.map((q: { correct: boolean; pointsEarned: number }) => [q.correct, q.pointsEarned])).toEqual([[true, 2], [false, 0], [false, 0], [true, 4]]);
      // The pre-test's keys stay hidden (the post-test asks the same questions).
      expect(submitted.body).not.toContain("answerKey");
      const twice = await bilal.request("POST", `/api/training/attempts/${preId}/submit`);
      expect(twice.statusCode).toBe(200);
      expect(twice.json()).toMatchObject({ score: 6, submittedAt: result.submittedAt, percent: 60 });
      const closed = await save(bilal, preId, ids.trueFalse, { optionIds: ["true"] });
      expect(closed.statusCode).toBe(409);
      expect(closed.json().code).toBe("TRAINING_ATTEMPT_CLOSED");
      expect(JSON.parse((await answerRow(preId, ids.trueFalse))!.response)).toEqual({ optionIds: ["false"] });
      const stored = await t.database.db.selectFrom("trainingAttempts").selectAll().where("id", "=", preId).executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ score: 6, maxScore: 10, autoSubmitted: 0 });
      const audit = await t.database.db.selectFrom("auditLog").select("action").where("entityId", "=", preId).orderBy("id").execute();
      expect(audit.map((a) => a.action)).toEqual(["training_attempt.started", "training_attempt.submitted"]);
      // Now the programme's trainer reads it; an admin of another organisation does not.
      expect((await trainer.request("GET", `/api/training/attempts/${preId}`)).json()).toMatchObject({ mine: false, score: 6 });
      expect((await qatarAdmin.request("GET", `/api/training/attempts/${preId}`)).statusCode).toBe(404);
      // His own organisation's admin reads it too.
      const providerAdmin = await tokenClient(t, "sp-field", "org_admin", `spadm-${dialect}`);
      expect((await providerAdmin.request("GET", `/api/training/attempts/${preId}`)).json()).toMatchObject({ mine: false, score: 6, trainee: { nameEn: "Bilal Ahmed Qureshi" } });
      const mine = (await bilal.request("GET", `/api/training/programmes/${programmeId}/assessments`)).json().pre.myAttempt;
      expect(mine).toMatchObject({ status: "submitted", score: 6, maxScore: 10, percent: 60 });
    });

    it("shows the post-test's correct answers after submission, and grades a perfect attempt in full", async () => {
      const post = (await start(siti, "post")).json();
      expect(post.status).toBe("in_progress");
      for (const [qid, response] of [
        [ids.single, { optionIds: ["a"] }],
        [ids.multiple, { optionIds: ["d", "b", "a"] }],
        [ids.trueFalse, { optionIds: ["true"] }],
        [ids.numeric, { value: " ٥٧٫٥ " }],
      ] as const) expect((await save(siti, post.id, qid, response)).statusCode).toBe(200);
      const result = await siti.request("POST", `/api/training/attempts/${post.id}/submit`);
      expect(result.json()).toMatchObject({ score: 10, percent: 100 });
      expect(result.json().questions.map((q: { answerKey: unknown }) => q.answerKey)).toEqual([
        { optionIds: ["a"] }, { optionIds: ["a", "b", "d"] }, { optionIds: ["true"] }, { value: "57", tolerance: "0.5" },
      ]);
    });

    it("refuses answers after the deadline and its grace period, changing nothing", async () => {
      const post = (await start(bilal, "post")).json();
      expect((await save(bilal, post.id, ids.single, { optionIds: ["a"] })).statusCode).toBe(200);
      const setDeadline = (secondsAgo: number) =>
        t.database.db.updateTable("trainingAttempts").set({ deadlineAt: new Date(Date.now() - secondsAgo * 1000).toISOString() }).where("id", "=", post.id).execute();
      // Inside the grace period: still taken (it was on its way).
      await setDeadline(DEADLINE_GRACE_SECONDS - 20);
      expect((await save(bilal, post.id, ids.single, { optionIds: ["b"] })).statusCode).toBe(200);
      await setDeadline(DEADLINE_GRACE_SECONDS + 5);
      const late = await save(bilal, post.id, ids.single, { optionIds: ["a"] });
      expect(late.statusCode).toBe(409);
      expect(late.json().code).toBe("TRAINING_ATTEMPT_CLOSED");
      expect(await save(bilal, post.id, ids.numeric, { value: "57" }).then((r) => r.statusCode)).toBe(409);
      expect(JSON.parse((await answerRow(post.id, ids.single))!.response)).toEqual({ optionIds: ["b"] });
      expect(await answerRow(post.id, ids.numeric)).toBeUndefined();
      // Submitting now closes it as the time limit did, with what was saved in time.
      const closed = (await bilal.request("POST", `/api/training/attempts/${post.id}/submit`)).json();
      expect(closed).toMatchObject({ status: "submitted", autoSubmitted: true, score: 0, answeredCount: 1 });
    });

    it("grades expired attempts once with the sweep, marked as submitted automatically", async () => {
      const programme = await makeProgramme(t);
      const q = await addQuestions(trainer, programme);
      await publishTest(trainer, programme, "pre", [q.single, q.numeric], { timeLimitMinutes: 5 });
      await enrol(t, programme, LOGINS.providerParticipant);
      await enrol(t, programme, LOGINS.indonesiaMember);
      const expired = (await start(bilal, "pre", programme)).json();
      const running = (await start(siti, "pre", programme)).json();
      await save(bilal, expired.id, q.numeric, { value: "57.4" });
      await save(siti, running.id, q.single, { optionIds: ["a"] });
      await t.database.db.updateTable("trainingAttempts").set({ deadlineAt: new Date(Date.now() - 60_000).toISOString() }).where("id", "=", expired.id).execute();
      // Two nodes sweeping at once close it once.
      const [a, b] = await Promise.all([finaliseExpiredAttempts(t.database.db), finaliseExpiredAttempts(t.database.db)]);
      expect(a + b).toBe(1);
      expect(await finaliseExpiredAttempts(t.database.db)).toBe(0);
      const rows = await t.database.db.selectFrom("trainingAttempts").selectAll().where("programmeId", "=", programme).orderBy("startedAt").execute();
      expect(rows.find((r) => r.id === expired.id)).toMatchObject({ autoSubmitted: 1, score: 4, maxScore: 6, submittedAt: expect.any(String) });
      expect(rows.find((r) => r.id === running.id)).toMatchObject({ autoSubmitted: 0, score: null, submittedAt: null });
      const audit = await t.database.db.selectFrom("auditLog").select("action").where("entityId", "=", expired.id).where("action", "like", "%submitted").execute();
      expect(audit.map((r) => r.action)).toEqual(["training_attempt.auto_submitted"]);
      // Its trainee sees the result; submitting again answers the same.
      const seen = (await bilal.request("POST", `/api/training/attempts/${expired.id}/submit`)).json();
      expect(seen).toMatchObject({ status: "submitted", autoSubmitted: true, score: 4, percent: 67 });
      // Later, a time that ran out is closed on the trainee's next read, even before the sweep.
      await t.database.db.updateTable("trainingAttempts").set({ deadlineAt: new Date(Date.now() - 60_000).toISOString() }).where("id", "=", running.id).execute();
      expect((await siti.request("GET", `/api/training/attempts/${running.id}`)).json()).toMatchObject({ status: "submitted", autoSubmitted: true, score: 2 });
    });

    it("gives one attempt to twenty simultaneous starts", async () => {
      const programme = await makeProgramme(t);
      const q = await addQuestions(trainer, programme);
      await publishTest(trainer, programme, "pre", [q.single, q.trueFalse]);
      await enrol(t, programme, LOGINS.indonesiaMember);
      const responses = await Promise.all(Array.from({ length: 20 }, () => start(siti, "pre", programme)));
      expect(responses.map((r) => r.statusCode).sort()).toEqual([...Array(19).fill(200), 201]);
      expect(new Set(responses.map((r) => r.json().id)).size).toBe(1);
      const rows = await t.database.db.selectFrom("trainingAttempts").select("id").where("programmeId", "=", programme).execute();
      expect(rows).toHaveLength(1);
      const audit = await t.database.db.selectFrom("auditLog").select("id").where("entityId", "=", rows[0]!.id).where("action", "=", "training_attempt.started").execute();
      expect(audit).toHaveLength(1);
    });
  });
}
