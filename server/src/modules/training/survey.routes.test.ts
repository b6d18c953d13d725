/**
 * The satisfaction survey: enrolled trainees answer once (scales 1–5 required, texts optional);
 * managers read averages, distributions and free texts without names.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, login, LOGINS, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";
import { enrol, makeProgramme } from "./assessments.fixtures.js";
import { oneDecimal } from "./survey.service.js";

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
      expect(survey).toMatchObject({ canRespond: true, enrolled: true, response: null });
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
