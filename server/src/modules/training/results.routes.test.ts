/**
 * A programme's results over HTTP on a small known set of trainees: totals and averages (the gain
 * averaged over trainees who took both tests only), by organisation and by country, who sees whom
 * (managers all, an organisation admin his own, a member nothing), filters and sorting, the exports,
 * and a trainee's own progress.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, login, LOGINS, orgId, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";
import { tokenClient } from "../../test/followup.js";
import { awarenessGainForProgrammes } from "./results.service.js";
import * as fx from "./training.fixture.js";

for (const dialect of DIALECTS) {
  describe(`training results (${dialect})`, () => {
    let t: TestApp;
    let oic: Client;
    let trainer: Client;
    let qatarAdmin: Client;
    let kuwaitAdmin: Client;
    let qatarMember: Client;
    let english: Client & { userId: string };
    let programmeId: string;
    const e: Record<string, string> = {};
    const orgs: Record<string, string> = {};
    let heldId: string;

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      const db = t.database.db;
      [oic, trainer, qatarAdmin, kuwaitAdmin, qatarMember] = await Promise.all([
        login(t.app, LOGINS.oicCoordinator), login(t.app, LOGINS.ministryTrainer), login(t.app, LOGINS.qatarAdmin), login(t.app, LOGINS.kuwaitAdmin), login(t.app, LOGINS.qatarMember),
      ]);
      english = await tokenClient(t, "hajj-kw", "member", `res-${dialect}`);
      for (const code of ["oic", "moh-sa", "hajj-qa", "hajj-kw", "hajj-id"]) orgs[code] = await orgId(t, code);
      const seasonId = await fx.season(db);
      programmeId = await fx.programme(db, { seasonId, ownerIds: [orgs.oic!, orgs["moh-sa"]!], minAttendancePct: 75, minPostScorePct: 60 });
      heldId = await fx.workshop(db, { programmeId, seasonId, hostId: orgs.oic!, startsAt: fx.hoursFromNow(-30), endsAt: fx.hoursFromNow(-28), titleEn: "Asas workshop" });
      await fx.workshop(db, { programmeId, seasonId, hostId: orgs.oic!, startsAt: fx.hoursFromNow(48), endsAt: fx.hoursFromNow(50) });
      const pre = await fx.assessment(db, { programmeId, kind: "pre" });
      const post = await fx.assessment(db, { programmeId, kind: "post" });

      const mohammed = await db.selectFrom("users").select(["id", "personId"]).where("email", "=", LOGINS.qatarMember).executeTakeFirstOrThrow();
      // [key, org, person (or new names), minutes at the held workshop, pre, post]
      const rows: Array<[string, string, string | [string, string], number | null, number | null, number | null]> = [
        ["Q1", "hajj-qa", mohammed.personId!, 120, 40, 80],
        ["Q2", "hajj-qa", ["=HYPERLINK(\"http://evil\")", "=HYPERLINK(\"http://evil\")"], null, 50, null],
        ["Q3", "hajj-qa", ["عبد الله إبراهيم", "Abdullah Ibrahim"], 120, null, 70],
        ["K1", "hajj-kw", ["فهد الكندري", "Fahad Al-Kandari"], 120, 60, 70],
        ["K2", "hajj-kw", ["ناصر العنزي", "Nasser Al-Enezi"], 60, 30, 50],
        ["I1", "hajj-id", ["سيتي", "Siti Aminah"], 120, null, null],
      ];
      for (const [key, org, who, minutes, preScore, postScore] of rows) {
        const personId = typeof who === "string" ? who : await fx.person(db, { organisationId: orgs[org]!, nameAr: who[0], nameEn: who[1] });
        e[key] = await fx.enrol(db, { programmeId, personId, organisationId: orgs[org]!, userId: key === "K2" ? english.userId : null });
        if (minutes !== null) await fx.attend(db, { eventId: heldId, organisationId: orgs[org]!, personId, minutes });
        if (preScore !== null) await fx.attempt(db, { assessmentId: pre, enrolmentId: e[key]!, programmeId, kind: "pre", score: preScore, maxScore: 100 });
        if (postScore !== null) await fx.attempt(db, { assessmentId: post, enrolmentId: e[key]!, programmeId, kind: "post", score: postScore, maxScore: 100 });
      }
      await fx.survey(db, { enrolmentId: e.Q1!, programmeId, answers: { content: 4, trainer: 5, organisation: 3, overall: 5, improve: "More examples" } });
      await fx.survey(db, { enrolmentId: e.K1!, programmeId, answers: { content: 2, trainer: 4, organisation: 4, overall: 4, improve: "" } });
    });
    afterAll(async () => t?.close());

    const results = (c: Client, query = "") => c.request("GET", `/api/training/programmes/${programmeId}/results${query}`);

    it("totals: averages over those who took each test, the gain over trainees with both", async () => {
      const r = await results(oic);
      expect(r.statusCode, r.body).toBe(200);
      const body = r.json();
      expect(body.scope).toBe("all");
      expect(body.rule).toEqual({ minAttendancePct: 75, minPostScorePct: 60, requireSurvey: false });
      expect(body.workshopsHeld).toBe(1);
      expect(body.hasPostTest).toBe(true);
      const { survey, ...totals } = body.totals;
      // Pre: 40 50 60 30 → 45; post: 80 70 70 50 → 67.5; paired gains 40 10 20 → 23.3 (not 67.5 − 45).
      expect(totals).toEqual({ trainees: 6, withPre: 4, withPost: 4, paired: 3, avgPre: 45, avgPost: 67.5, avgGain: 23.3, completed: 3, completionRate: 0.5 });
      expect(survey.responses).toBe(2);
      expect(survey.items.map((i: { id: string; average: number }) => [i.id, i.average])).toEqual([["content", 3], ["trainer", 4.5], ["organisation", 3.5], ["overall", 4.5]]);
    });

    it("by organisation and by country", async () => {
      const body = (await results(trainer)).json();
      const byOrg = Object.fromEntries(body.byOrganisation.map((o: { organisation: { code: string }; trainees: number; avgPre: number | null; avgPost: number | null; avgGain: number | null; completed: number; completionRate: number | null }) =>
        [o.organisation.code, [o.trainees, o.avgPre, o.avgPost, o.avgGain, o.completed, o.completionRate]]));
      expect(byOrg).toEqual({
        "hajj-qa": [3, 45, 75, 40, 2, 0.6667],
        "hajj-kw": [2, 45, 60, 15, 1, 0.5],
        "hajj-id": [1, null, null, null, 0, 0],
      });
      const byCountry = Object.fromEntries(body.byCountry.map((c: { country: { code: string; nameEn: string }; trainees: number; paired: number }) => [c.country.code, [c.country.nameEn, c.trainees, c.paired]]));
      expect(byCountry).toEqual({ QA: ["State of Qatar", 3, 1], KW: ["State of Kuwait", 2, 2], ID: ["Republic of Indonesia", 1, 0] });
    });

    it("an organisation admin sees his organisation's trainees only, and totals over them", async () => {
      const body = (await results(qatarAdmin)).json();
      expect(body.scope).toBe("own");
      expect(body.trainees.items.map((i: { enrolmentId: string }) => i.enrolmentId).sort()).toEqual([e.Q1, e.Q2, e.Q3].sort());
      expect(body.totals.trainees).toBe(3);
      expect(body.byOrganisation.map((o: { organisation: { code: string } }) => o.organisation.code)).toEqual(["hajj-qa"]);
      // Asking for another organisation's trainees gives nothing, not them.
      const other = (await results(qatarAdmin, `?organisation=${orgs["hajj-kw"]}`)).json();
      expect(other.trainees.total).toBe(0);
      const kuwait = (await results(kuwaitAdmin)).json();
      expect(kuwait.trainees.items.map((i: { enrolmentId: string }) => i.enrolmentId).sort()).toEqual([e.K1, e.K2].sort());
    });

    it("a member gets 403; so does the trainee for the list (he has his own progress)", async () => {
      const r = await results(qatarMember);
      expect(r.statusCode).toBe(403);
      expect(r.json().code).toBe("FORBIDDEN");
      expect((await results(english)).statusCode).toBe(403);
      expect((await qatarMember.request("GET", `/api/training/programmes/${programmeId}/results/export?format=csv`)).statusCode).toBe(403);
    });

    it("filters by what is missing, organisation, country and name; sorts with untaken tests last; pages", async () => {
      const keys = async (query: string) => (await results(oic, query)).json().trainees.items.map((i: { enrolmentId: string }) => Object.keys(e).find((k) => e[k] === i.enrolmentId));
      expect((await keys("?missing=attendance")).sort()).toEqual(["K2", "Q2"]);
      expect((await keys("?missing=post_test")).sort()).toEqual(["I1", "K2", "Q2"]);
      expect((await keys("?missing=none")).sort()).toEqual(["K1", "Q1", "Q3"]);
      expect((await keys("?missing=survey"))).toEqual([]);
      expect((await keys(`?organisation=${orgs["hajj-kw"]}`)).sort()).toEqual(["K1", "K2"]);
      expect((await keys("?country=ID"))).toEqual(["I1"]);
      // Arabic spelling variants fold: "عبدالله ابراهيم" finds "عبد الله إبراهيم" by its words.
      expect(await keys(`?q=${encodeURIComponent("ابراهيم")}`)).toEqual(["Q3"]);
      const byGainDesc = await keys("?sort=gain&order=desc");
      expect(byGainDesc.slice(0, 3)).toEqual(["Q1", "K2", "K1"]);
      expect(byGainDesc.slice(3).sort()).toEqual(["I1", "Q2", "Q3"]);
      const byGain = await keys("?sort=gain&order=asc");
      expect(byGain.slice(0, 3)).toEqual(["K1", "K2", "Q1"]);
      expect(byGain.slice(3).sort()).toEqual(["I1", "Q2", "Q3"]);
      const page = (await results(oic, "?sort=post&order=desc&page=2&pageSize=2")).json().trainees;
      expect(page.total).toBe(6);
      expect(page.items.map((i: { postPct: number | null }) => i.postPct)).toEqual([70, 50]);
      const row = (await results(oic, `?q=Kandari`)).json().trainees.items[0];
      expect(row).toMatchObject({ nameEn: "Fahad Al-Kandari", attendancePct: 100, prePct: 60, postPct: 70, gain: 10, surveyDone: true, missing: [], complete: true, certificate: null });
      expect(row.organisation.code).toBe("hajj-kw");
      expect(row.country).toEqual({ code: "KW", nameAr: "دولة الكويت", nameEn: "State of Kuwait" });
    });

    it("rejects an unknown filter value naming the field", async () => {
      const r = await results(oic, "?missing=everything");
      expect(r.statusCode).toBe(400);
      expect(r.json().fields[0].field).toBe("missing");
    });

    it("exports CSV with a BOM, guarded cells and the caller's language", async () => {
      const r = await qatarAdmin.request("GET", `/api/training/programmes/${programmeId}/results/export?format=csv`);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.headers["content-type"]).toContain("text/csv");
      expect(r.headers["content-disposition"]).toContain(".csv");
      expect(r.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const text = r.rawPayload.toString("utf8").slice(1);
      const lines = text.trim().split(/\r?\n/);
      expect(lines[0]).toContain("الاسم (بالعربية)");
      expect(lines).toHaveLength(4);
      expect(text).toContain("'=HYPERLINK");
      expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
      expect(text).not.toContain("Kandari");
    });

    it("exports XLSX: trainees, by organisation, by country and totals; right to left in Arabic", async () => {
      const r = await oic.request("GET", `/api/training/programmes/${programmeId}/results/export?format=xlsx&missing=none`, undefined, { "accept-language": "en" });
      expect(r.statusCode, r.body).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
      const sheets = workbook.worksheets.map((s) => s.name);
      expect(sheets).toHaveLength(4);
      const trainees = workbook.worksheets[0]!;
      expect(trainees.rowCount).toBe(4);
      const arabic = await qatarAdmin.request("GET", `/api/training/programmes/${programmeId}/results/export?format=xlsx`);
      const ar = new ExcelJS.Workbook();
      await ar.xlsx.load(arabic.rawPayload as unknown as ArrayBuffer);
      expect(ar.worksheets[0]!.name).toBe("المتدربون");
      expect(ar.worksheets[0]!.views[0]?.rightToLeft).toBe(true);
      expect(ar.worksheets[0]!.getRow(1).getCell(1).value).toBe("الاسم (بالعربية)");
    });

    it("my-progress: the enrolled caller's own facts, tests, workshops and what is missing in words", async () => {
      const mine = await qatarMember.request("GET", `/api/training/programmes/${programmeId}/my-progress`);
      expect(mine.statusCode, mine.body).toBe(200);
      const body = mine.json();
      expect(body.enrolmentId).toBe(e.Q1);
      expect(body).toMatchObject({ attendancePct: 100, workshopsHeld: 1, hasPostTest: true, gain: 40, surveyDone: true, missing: [], missingText: [], complete: true, certificate: null });
      expect(body.pre).toMatchObject({ available: true, status: "submitted", scorePct: 40 });
      expect(body.post).toMatchObject({ available: true, status: "submitted", scorePct: 80 });
      expect(body.workshops).toHaveLength(2);
      expect(body.workshops.find((x: { id: string }) => x.id === heldId)).toMatchObject({ held: true, attendedPct: 100 });
      expect(body.workshops.find((x: { id: string }) => x.id !== heldId)).toMatchObject({ held: false, attendedPct: null });

      const k2 = (await english.request("GET", `/api/training/programmes/${programmeId}/my-progress`)).json();
      expect(k2.enrolmentId).toBe(e.K2);
      expect(k2.missing).toEqual(["attendance", "post_test"]);
      expect(k2.missingText).toEqual([
        "Attendance of at least 75% of the workshops that have started (so far 50%)",
        "A post-test score of at least 60% (your score: 50%)",
      ]);
      expect(k2.workshops.find((x: { id: string }) => x.id === heldId).attendedPct).toBe(50);
    });

    it("my-progress in Arabic uses the caller's digits; someone not enrolled gets 403", async () => {
      await t.database.db.deleteFrom("trainingSurveyResponses").where("enrolmentId", "=", e.Q1!).execute();
      await t.database.db.updateTable("trainingProgrammes").set({ requireSurvey: 1, minPostScorePct: 90 }).where("id", "=", programmeId).execute();
      try {
        const body = (await qatarMember.request("GET", `/api/training/programmes/${programmeId}/my-progress`)).json();
        expect(body.missing).toEqual(["post_test", "survey"]);
        expect(body.missingText).toEqual(["درجة ٩٠٪ على الأقل في الاختبار البعدي (درجتك ٨٠٪)", "استبانة الرضا (لم تُجَب بعد)"]);
      } finally {
        await t.database.db.updateTable("trainingProgrammes").set({ requireSurvey: 0, minPostScorePct: 60 }).where("id", "=", programmeId).execute();
        await fx.survey(t.database.db, { enrolmentId: e.Q1!, programmeId, answers: { content: 4, trainer: 5, organisation: 3, overall: 5, improve: "More examples" } });
      }
      const r = await kuwaitAdmin.request("GET", `/api/training/programmes/${programmeId}/my-progress`);
      expect(r.statusCode).toBe(403);
      expect(r.json().code).toBe("TRAINING_NOT_ENROLLED");
    });

    it("awarenessGainForProgrammes agrees with the results totals", async () => {
      const gain = await awarenessGainForProgrammes(t.database.db, [programmeId]);
      expect(gain).toEqual({ trainees: 6, withPre: 4, withPost: 4, paired: 3, avgPre: 45, avgPost: 67.5, avgGain: 23.3 });
      expect(await awarenessGainForProgrammes(t.database.db, [])).toEqual({ trainees: 0, withPre: 0, withPost: 0, paired: 0, avgPre: null, avgPost: null, avgGain: null });
    });
  });
}
