/**
 * The pre- and post-test: built from the programme's bank by its managers; validated; trainees see
 * the published ones and their own attempt, never the questions' answer keys; locked once started.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, login, LOGINS, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";
import { addQuestions, enrol, makeProgramme, publishTest } from "./assessments.fixtures.js";

for (const dialect of DIALECTS) {
  describe(`training tests (${dialect})`, () => {
    let t: TestApp;
    let trainer: Client;
    let trainee: Client;
    let reader: Client;
    let programmeId: string;
    let ids: Awaited<ReturnType<typeof addQuestions>>;
    const url = (kind = "pre") => `/api/training/programmes/${programmeId}/assessments/${kind}`;
    const put = (c: Client, kind: string, body: Record<string, unknown>) =>
      c.request("PUT", url(kind), { questionIds: [], timeLimitMinutes: null, opensAt: null, closesAt: null, published: false, ...body }, { "accept-language": "en" });

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      // English messages for the checks below.
      await t.database.db.updateTable("users").set({ locale: "en" }).where("email", "in", [LOGINS.ministryTrainer, LOGINS.providerParticipant]).execute();
      trainer = await login(t.app, LOGINS.ministryTrainer);
      trainee = await login(t.app, LOGINS.providerParticipant);
      reader = await login(t.app, LOGINS.qatarMember);
      programmeId = await makeProgramme(t);
      ids = await addQuestions(trainer, programmeId);
      await enrol(t, programmeId, LOGINS.providerParticipant);
    });
    afterAll(async () => t?.close());

    it("validates the settings, naming the field", async () => {
      const fields = async (body: Record<string, unknown>) => {
        const r = await put(trainer, "pre", body);
        expect(r.statusCode, r.body).toBe(400);
        return Object.fromEntries((r.json().fields as Array<{ field: string; message: string }>).map((f) => [f.field, f.message]));
      };
      expect(await fields({ timeLimitMinutes: 0 })).toEqual({ timeLimitMinutes: "Time limit (minutes) must be at least 1." });
      expect(await fields({ timeLimitMinutes: 601 })).toEqual({ timeLimitMinutes: "Time limit (minutes) must be at most 600." });
      expect(await fields({ opensAt: "2024-05-26T10:00:00Z", closesAt: "2024-05-26T09:00:00Z" })).toEqual({ closesAt: "Closes must not be before the start." });
      expect(await fields({ opensAt: "next Sunday" })).toEqual({ opensAt: "Opens is not in a valid format." });
      expect(await fields({ published: true })).toEqual({ questionIds: "Questions: a published test needs at least one question." });
      expect(await fields({ questionIds: [ids.single, ids.single] })).toEqual({ questionIds: "Questions: a question appears more than once." });
      const elsewhere = await addQuestions(trainer, await makeProgramme(t));
      expect(await fields({ questionIds: [ids.single, elsewhere.single] })).toEqual({ questionIds: "Questions must be one of the allowed values." });
      // Nothing was created by the refused saves.
      expect((await trainer.request("GET", `/api/training/programmes/${programmeId}/assessments`)).json()).toMatchObject({ pre: null, post: null, manages: true });
    });

    it("is set up by managers; trainees see published tests and their attempt, never answer keys", async () => {
      expect((await put(reader, "pre", { questionIds: [ids.single] })).statusCode).toBe(403);
      expect((await put(trainee, "pre", { questionIds: [ids.single] })).statusCode).toBe(403);
      const pre = await put(trainer, "pre", { questionIds: [ids.numeric, ids.single, ids.multiple, ids.trueFalse], timeLimitMinutes: 20, opensAt: "2024-05-26T07:00:00+03:00", published: true });
      expect(pre.statusCode, pre.body).toBe(200);
      expect(pre.json()).toMatchObject({ kind: "pre", timeLimitMinutes: 20, opensAt: "2024-05-26T04:00:00.000Z", closesAt: null, published: true, isOpen: true, questionCount: 4, maxScore: 10, attemptsCount: 0, locked: false, version: 2 });
      expect(pre.json().questions.map((q: { id: string }) => q.id)).toEqual([ids.numeric, ids.single, ids.multiple, ids.trueFalse]);
      // The post-test: not published yet.
      await put(trainer, "post", { questionIds: [ids.single] });
      const stale = await put(trainer, "pre", { questionIds: [ids.single], version: 1 });
      expect(stale.statusCode).toBe(409);

      const seen = await trainee.request("GET", `/api/training/programmes/${programmeId}/assessments`);
      expect(seen.statusCode, seen.body).toBe(200);
      expect(seen.json()).toMatchObject({ manages: false, enrolled: true, post: null, pre: { kind: "pre", questionCount: 4, maxScore: 10, isOpen: true, myAttempt: null } });
      expect(seen.json().pre.questions).toBeUndefined();
      expect(seen.body).not.toContain("answerKey");
      // A reader of the programme who is not a trainee sees the published test, without an attempt.
      const read = (await reader.request("GET", `/api/training/programmes/${programmeId}/assessments`)).json();
      expect(read).toMatchObject({ enrolled: false, pre: { questionCount: 4 } });
      expect(read.pre.myAttempt).toBeUndefined();
      // The bank itself stays closed to trainees.
      expect((await trainee.request("GET", `/api/training/programmes/${programmeId}/questions`)).statusCode).toBe(403);
    });

    it("locks its questions once a trainee has started, but not its window or time limit", async () => {
      const started = await trainee.request("POST", `${url("pre")}/attempt`);
      expect(started.statusCode, started.body).toBe(201);
      const mine = (await trainee.request("GET", `/api/training/programmes/${programmeId}/assessments`)).json().pre.myAttempt;
      expect(mine).toMatchObject({ id: started.json().id, status: "in_progress", score: null, maxScore: 10, percent: null });
      const same = [ids.numeric, ids.single, ids.multiple, ids.trueFalse];
      const locked = await put(trainer, "pre", { questionIds: [ids.numeric, ids.single], published: true });
      expect(locked.statusCode).toBe(409);
      expect(locked.json().code).toBe("TRAINING_ASSESSMENT_LOCKED");
      const reordered = await put(trainer, "pre", { questionIds: [...same].reverse(), published: true });
      expect(reordered.json().code).toBe("TRAINING_ASSESSMENT_LOCKED");
      const settings = await put(trainer, "pre", { questionIds: same, published: true, timeLimitMinutes: 45, closesAt: "2030-01-01T00:00:00Z" });
      expect(settings.statusCode, settings.body).toBe(200);
      expect(settings.json()).toMatchObject({ timeLimitMinutes: 45, closesAt: "2030-01-01T00:00:00.000Z", locked: true, attemptsCount: 1, submittedCount: 0 });
      // Its questions' grading is frozen too; their wording may still be corrected.
      const bank = (await trainer.request("GET", `/api/training/programmes/${programmeId}/questions`)).json().items as Array<{ id: string; version: number; inUse: boolean }>;
      const single = bank.find((q) => q.id === ids.single)!;
      expect(single.inUse).toBe(true);
      const key = await trainer.request("PATCH", `/api/training/questions/${ids.single}`, { version: single.version, answerKey: { optionIds: ["b"] } });
      expect(key.statusCode).toBe(409);
      expect(key.json().code).toBe("TRAINING_QUESTION_IN_USE");
      expect((await trainer.request("PATCH", `/api/training/questions/${ids.single}`, { version: single.version, points: 5 })).json().code).toBe("TRAINING_QUESTION_IN_USE");
      const wording = await trainer.request("PATCH", `/api/training/questions/${ids.single}`, {
        version: single.version,
        textEn: "Which city is the main air entry point for pilgrims?",
        options: [{ id: "a", textAr: "جدة", textEn: "Jeddah (King Abdulaziz airport)" }, { id: "b", textAr: "الرياض", textEn: "Riyadh" }, { id: "c", textAr: "الدمام", textEn: "Dammam" }],
      });
      expect(wording.statusCode, wording.body).toBe(200);
      const removed = await trainer.request("PATCH", `/api/training/questions/${ids.single}`, { version: single.version + 1, options: [{ id: "a", textAr: "جدة", textEn: "Jeddah" }, { id: "b", textAr: "الرياض", textEn: "Riyadh" }], answerKey: { optionIds: ["a"] } });
      expect(removed.json().code).toBe("TRAINING_QUESTION_IN_USE");
      expect((await trainer.request("DELETE", `/api/training/questions/${ids.single}`)).json().code).toBe("TRAINING_ASSESSMENT_LOCKED");
    });

    it("opens trainees' attempts only when published, inside its window, to enrolled trainees", async () => {
      expect((await trainee.request("POST", `${url("post")}/attempt`)).json().code).toBe("TRAINING_ASSESSMENT_NOT_FOUND");
      await publishTest(trainer, programmeId, "post", [ids.single], { opensAt: new Date(Date.now() + 3_600_000).toISOString() });
      const early = await trainee.request("POST", `${url("post")}/attempt`);
      expect(early.statusCode).toBe(409);
      expect(early.json().code).toBe("TRAINING_ASSESSMENT_NOT_OPEN");
      await publishTest(trainer, programmeId, "post", [ids.single], { closesAt: new Date(Date.now() - 60_000).toISOString() });
      expect((await trainee.request("POST", `${url("post")}/attempt`)).json().code).toBe("TRAINING_ASSESSMENT_NOT_OPEN");
      await publishTest(trainer, programmeId, "post", [ids.single]);
      const notEnrolled = await reader.request("POST", `${url("post")}/attempt`);
      expect(notEnrolled.statusCode).toBe(403);
      expect(notEnrolled.json().code).toBe("TRAINING_NOT_ENROLLED");
      // Nothing was started by the refused requests.
      const count = await t.database.db.selectFrom("trainingAttempts").select((eb) => eb.fn.countAll<number>().as("n")).where("kind", "=", "post").executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(0);
    });
  });
}
