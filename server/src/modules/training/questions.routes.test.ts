/**
 * The question bank: kept by the programme's managers only; every kind validated with the field
 * named in the caller's language; Arabic-Indic digits accepted; stale saves refused; archive and order.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, login, LOGINS, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";
import { addQuestions, makeProgramme, publishTest, QUESTIONS } from "./assessments.fixtures.js";

for (const dialect of DIALECTS) {
  describe(`training question bank (${dialect})`, () => {
    let t: TestApp;
    let trainer: Client;
    let oic: Client;
    let qatarAdmin: Client;
    let member: Client;
    let programmeId: string;
    const url = () => `/api/training/programmes/${programmeId}/questions`;
    const english = { "accept-language": "en" };

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      trainer = await login(t.app, LOGINS.ministryTrainer);
      oic = await login(t.app, LOGINS.oicCoordinator);
      qatarAdmin = await login(t.app, LOGINS.qatarAdmin);
      member = await login(t.app, LOGINS.indonesiaMember);
      programmeId = await makeProgramme(t);
      // The trainer's interface is in Arabic; some checks read English messages.
      await t.database.db.updateTable("users").set({ locale: "en" }).where("email", "=", LOGINS.oicCoordinator).execute();
    });
    afterAll(async () => t?.close());

    it("is kept by the programme's managers only", async () => {
      const created = await trainer.request("POST", url(), QUESTIONS.single);
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({ kind: "single", points: 2, version: 1, inUse: false, usedIn: [], answerKey: { optionIds: ["a"] }, position: 1 });
      expect((await oic.request("GET", url())).json().items).toHaveLength(1);
      // Owners' organisations manage; others read the programme but not its answer keys.
      for (const outsider of [qatarAdmin, member]) {
        expect((await outsider.request("GET", url())).statusCode).toBe(403);
        expect((await outsider.request("POST", url(), QUESTIONS.numeric)).statusCode).toBe(403);
        expect((await outsider.request("PATCH", `/api/training/questions/${created.json().id}`, { version: 1, textEn: "x" })).statusCode).toBe(403);
        expect((await outsider.request("DELETE", `/api/training/questions/${created.json().id}`)).statusCode).toBe(403);
      }
      const draft = await makeProgramme(t, { status: "draft", owners: ["hajj-kw"] });
      expect((await member.request("GET", `/api/training/programmes/${draft}/questions`)).statusCode).toBe(404);
      await t.database.db.deleteFrom("trainingQuestions").where("programmeId", "=", programmeId).execute();
    });

    it("validates each kind, naming the field in the caller's language", async () => {
      const fields = async (c: Client, body: unknown, headers = {}) => {
        const r = await c.request("POST", url(), body, headers);
        expect(r.statusCode, r.body).toBe(400);
        expect(r.json().code).toBe("VALIDATION_FAILED");
        return Object.fromEntries((r.json().fields as Array<{ field: string; message: string }>).map((f) => [f.field, f.message]));
      };
      const single = await fields(oic, { ...QUESTIONS.single, answerKey: { optionIds: ["a", "b"] } });
      expect(single).toEqual({ answerKey: "Correct answer: mark exactly one option as correct." });
      expect(await fields(oic, { ...QUESTIONS.single, answerKey: { optionIds: ["z"] } })).toEqual({ answerKey: "Correct answer must be one of the allowed values." });
      expect(await fields(oic, { ...QUESTIONS.multiple, answerKey: { optionIds: [] } })).toEqual({ answerKey: "Correct answer: mark at least one option as correct." });
      const options = await fields(oic, {
        ...QUESTIONS.multiple,
        options: [{ id: "a", textAr: "منى", textEn: "Mina" }, { id: "a", textAr: "عرفات", textEn: " " }],
        answerKey: { optionIds: ["a"] },
      });
      expect(options).toEqual({ "options.1.id": "Option 2 — Identifier: another option has the same identifier.", "options.1.textEn": "Option 2 — Text (English) is required." });
      expect(await fields(oic, { ...QUESTIONS.single, options: [QUESTIONS.single.options[0]] })).toMatchObject({ options: "Options: give between 2 and 8 options." });
      expect(await fields(oic, { ...QUESTIONS.trueFalse, answerKey: { optionIds: ["maybe"] } })).toEqual({ answerKey: "Correct answer: choose true or false." });
      expect(await fields(oic, { ...QUESTIONS.numeric, answerKey: { value: "fifty", tolerance: "-1" } })).toEqual({
        "answerKey.value": "Correct value must be a number.",
        "answerKey.tolerance": "Tolerance must be at least 0.",
      });
      expect(await fields(oic, { ...QUESTIONS.numeric, points: 11, textAr: "  " })).toEqual({ textAr: "Question (Arabic) is required.", points: "Points must be at most 10." });
      expect(await fields(oic, { ...QUESTIONS.numeric, points: 0 })).toEqual({ points: "Points must be at least 1." });
      // The trainer reads Arabic.
      expect(await fields(trainer, { ...QUESTIONS.single, textEn: "" })).toEqual({ textEn: "حقل «نص السؤال (بالإنجليزية)» مطلوب." });
      expect(await fields(trainer, { ...QUESTIONS.multiple, options: [{ id: "a", textAr: "", textEn: "Mina" }, { id: "b", textAr: "ب", textEn: "b" }], answerKey: { optionIds: ["a"] } })).toEqual({
        "options.0.textAr": "حقل «الخيار 1 — النص (بالعربية)» مطلوب.",
      });
      expect((await trainer.request("GET", url())).json().items).toEqual([]);
    });

    it("stores numbers typed in Arabic-Indic digits in Latin digits", async () => {
      const r = await trainer.request("POST", url(), { ...QUESTIONS.numeric, answerKey: { value: "٥٧", tolerance: "٠٫٥" } });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().answerKey).toEqual({ value: "57", tolerance: "0.5" });
      const noTolerance = await trainer.request("POST", url(), { ...QUESTIONS.numeric, answerKey: { value: "-12.75" } });
      expect(noTolerance.json().answerKey).toEqual({ value: "-12.75", tolerance: "0" });
      // A true/false question has its fixed options.
      const tf = await trainer.request("POST", url(), { ...QUESTIONS.trueFalse, options: [{ id: "x", textAr: "س", textEn: "x" }] });
      expect(tf.json()).toMatchObject({ options: [], answerKey: { optionIds: ["true"] } });
    });

    it("refuses a stale save with 409 and keeps the newer one", async () => {
      const q = (await trainer.request("POST", url(), QUESTIONS.single)).json();
      const first = await trainer.request("PATCH", `/api/training/questions/${q.id}`, { version: 1, textEn: "Main air entry point for pilgrims?", points: 3 });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ version: 2, points: 3, textEn: "Main air entry point for pilgrims?" });
      const stale = await oic.request("PATCH", `/api/training/questions/${q.id}`, { version: 1, textEn: "Older edit" });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe("TRAINING_PROGRAMME_CONFLICT");
      const now = (await trainer.request("GET", url())).json().items.find((x: { id: string }) => x.id === q.id);
      expect(now.textEn).toBe("Main air entry point for pilgrims?");
      // A new kind brings its own key; an invalid merge changes nothing.
      const bad = await trainer.request("PATCH", `/api/training/questions/${q.id}`, { version: 2, kind: "numeric" });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().fields.map((f: { field: string }) => f.field)).toEqual(["answerKey.value"]);
      const changed = await trainer.request("PATCH", `/api/training/questions/${q.id}`, { version: 2, kind: "numeric", answerKey: { value: "1" } });
      expect(changed.json()).toMatchObject({ kind: "numeric", options: [], answerKey: { value: "1", tolerance: "0" }, version: 3 });
      const audit = await t.database.db.selectFrom("auditLog").select("action").where("entityId", "=", q.id).orderBy("id").execute();
      expect(audit.map((a) => a.action)).toEqual(["training_question.created", "training_question.updated", "training_question.updated"]);
    });

    it("archives questions (kept for past answers, out of tests not started) and reorders the bank", async () => {
      const other = await makeProgramme(t);
      const ids = await addQuestions(trainer, other);
      await publishTest(trainer, other, "pre", [ids.single, ids.numeric]);
      const otherUrl = `/api/training/programmes/${other}/questions`;
      expect((await trainer.request("DELETE", `/api/training/questions/${ids.single}`)).statusCode).toBe(204);
      expect((await trainer.request("DELETE", `/api/training/questions/${ids.single}`)).statusCode).toBe(204);
      const list = (await trainer.request("GET", otherUrl)).json().items as Array<{ id: string; usedIn: string[] }>;
      expect(list.map((q) => q.id)).toEqual([ids.multiple, ids.trueFalse, ids.numeric]);
      expect(list.find((q) => q.id === ids.numeric)!.usedIn).toEqual(["pre"]);
      const all = (await trainer.request("GET", `${otherUrl}?archived=true`)).json().items as Array<{ id: string; archivedAt: string | null }>;
      expect(all.find((q) => q.id === ids.single)!.archivedAt).not.toBeNull();
      const tests = (await trainer.request("GET", `/api/training/programmes/${other}/assessments`)).json();
      expect(tests.pre.questions.map((q: { id: string }) => q.id)).toEqual([ids.numeric]);
      // Editing an archived question: it is gone.
      expect((await trainer.request("PATCH", `/api/training/questions/${ids.single}`, { version: 2, textEn: "x" })).statusCode).toBe(404);

      const order = [ids.numeric, ids.multiple, ids.trueFalse];
      const reordered = await trainer.request("PUT", `${otherUrl}/order`, { questionIds: order });
      expect(reordered.statusCode, reordered.body).toBe(200);
      expect(reordered.json().items.map((q: { id: string }) => q.id)).toEqual(order);
      const incomplete = await trainer.request("PUT", `${otherUrl}/order`, { questionIds: [ids.numeric, ids.multiple] }, english);
      expect(incomplete.statusCode).toBe(400);
      expect(incomplete.json().fields[0].field).toBe("questionIds");
      expect((await trainer.request("PUT", `${otherUrl}/order`, { questionIds: [...order, ids.single] })).statusCode).toBe(400);
    });
  });
}
