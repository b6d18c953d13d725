/**
 * Completion facts computed set-based for a whole programme, on crafted trainees whose expected
 * attendance, scores and missing requirements are worked out by hand below.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, orgId, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";
import { computeProgrammeFacts, isHeld, type TraineeFacts } from "./completion.service.js";
import * as fx from "./training.fixture.js";

for (const dialect of DIALECTS) {
  describe(`completion facts (${dialect})`, () => {
    let t: TestApp;
    let programmeId: string;
    let qa: string;
    let kw: string;
    const ids: Record<string, string> = {};
    const people: Record<string, string> = {};
    const w: Record<string, string> = {};

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      const db = t.database.db;
      const [oic, moh] = await Promise.all([orgId(t, "oic"), orgId(t, "moh-sa")]);
      [qa, kw] = await Promise.all([orgId(t, "hajj-qa"), orgId(t, "hajj-kw")]);
      const seasonId = await fx.season(db);
      programmeId = await fx.programme(db, { seasonId, ownerIds: [oic, moh], minAttendancePct: 75, minPostScorePct: 60, requireSurvey: true });
      // Two held workshops of 120 minutes (ended), one cancelled (past), one still to come.
      w.one = await fx.workshop(db, { programmeId, seasonId, hostId: oic, startsAt: fx.hoursFromNow(-50), endsAt: fx.hoursFromNow(-48) });
      w.two = await fx.workshop(db, { programmeId, seasonId, hostId: oic, startsAt: fx.hoursFromNow(-26), endsAt: fx.hoursFromNow(-24) });
      w.cancelled = await fx.workshop(db, { programmeId, seasonId, hostId: oic, startsAt: fx.hoursFromNow(-10), endsAt: fx.hoursFromNow(-8), status: "cancelled" });
      w.future = await fx.workshop(db, { programmeId, seasonId, hostId: oic, startsAt: fx.hoursFromNow(24), endsAt: fx.hoursFromNow(26) });
      const pre = await fx.assessment(db, { programmeId, kind: "pre" });
      const post = await fx.assessment(db, { programmeId, kind: "post" });

      const trainee = async (key: string, org: string, userId: string | null = null, status: "enrolled" | "withdrawn" = "enrolled") => {
        people[key] = await fx.person(db, { organisationId: org, nameAr: `متدرب ${key}`, nameEn: `Trainee ${key}` });
        ids[key] = await fx.enrol(db, { programmeId, personId: people[key]!, organisationId: org, userId, status });
      };
      const scores = async (key: string, preScore: number | null, postScore: number | null, max = 100) => {
        if (preScore !== null) await fx.attempt(db, { assessmentId: pre, enrolmentId: ids[key]!, programmeId, kind: "pre", score: preScore, maxScore: max });
        if (postScore !== null) await fx.attempt(db, { assessmentId: post, enrolmentId: ids[key]!, programmeId, kind: "post", score: postScore, maxScore: max });
      };

      // A: a check-in without minutes (whole workshop) and 108 of 120 minutes (90 % = whole) → 100 %; post 60 % (the bar); survey → complete.
      await trainee("A", qa);
      await fx.attend(db, { eventId: w.one, organisationId: qa, personId: people.A, minutes: null });
      await fx.attend(db, { eventId: w.two, organisationId: qa, personId: people.A, minutes: 108 });
      await scores("A", 40, 60);
      await fx.survey(db, { enrolmentId: ids.A!, programmeId });

      // B: 120 + 60 minutes → (1 + 0.5) / 2 = 75 % (the bar); post 59 % → missing the post-test only.
      await trainee("B", qa);
      await fx.attend(db, { eventId: w.one, organisationId: qa, personId: people.B, minutes: 120 });
      await fx.attend(db, { eventId: w.two, organisationId: qa, personId: people.B, minutes: 60 });
      await scores("B", 50, 59);
      await fx.survey(db, { enrolmentId: ids.B!, programmeId });

      // C: 120 + 58 minutes → (1 + 58/120) / 2 = 74.17 → 74 %: missing attendance; post 179/300 = 59.67 → 60 %: passes.
      await trainee("C", kw);
      await fx.attend(db, { eventId: w.one, organisationId: kw, personId: people.C, minutes: 120 });
      await fx.attend(db, { eventId: w.two, organisationId: kw, personId: people.C, minutes: 58 });
      await scores("C", null, 179, 300);
      await fx.survey(db, { enrolmentId: ids.C!, programmeId });

      // D: attendance recorded by user account only (no directory key), workshop one → 50 %; no tests, no survey.
      const user = await t.database.db.selectFrom("users").select("id").where("email", "=", "mohammed.alnuaimi@hajj-qa.rifada.test").executeTakeFirstOrThrow();
      await trainee("D", qa, user.id);
      await fx.attend(db, { eventId: w.one, organisationId: qa, userId: user.id, minutes: 120 });

      // E: withdrawn: not a trainee any more, whatever he did.
      await trainee("E", qa, null, "withdrawn");
      await fx.attend(db, { eventId: w.one, organisationId: qa, personId: people.E, minutes: 120 });

      // F: attended the cancelled workshop (does not count) and workshop one → 50 %; also "attended" the future one (not held: not counted).
      await trainee("F", kw);
      await fx.attend(db, { eventId: w.cancelled, organisationId: kw, personId: people.F, minutes: 120 });
      await fx.attend(db, { eventId: w.one, organisationId: kw, personId: people.F, minutes: 120 });
      await fx.attend(db, { eventId: w.future, organisationId: kw, personId: people.F, minutes: 120 });
      await scores("F", 70, 90);

      // G: everything but the survey (required here) → missing the survey only. Two rows (person and user) for one workshop: the better counts.
      const user2 = await t.database.db.selectFrom("users").select("id").where("email", "=", "khalid.alkuwari@hajj-qa.rifada.test").executeTakeFirstOrThrow();
      await trainee("G", qa, user2.id);
      await fx.attend(db, { eventId: w.one, organisationId: qa, personId: people.G, minutes: 30 });
      await fx.attend(db, { eventId: w.one, organisationId: qa, userId: user2.id, minutes: 115 });
      await fx.attend(db, { eventId: w.two, organisationId: qa, personId: people.G, minutes: 120 });
      // An unsubmitted post-test attempt does not count; only the submitted pre-test does.
      await fx.attempt(db, { assessmentId: pre, enrolmentId: ids.G!, programmeId, kind: "pre", score: 80, maxScore: 100 });
      await fx.attempt(db, { assessmentId: post, enrolmentId: ids.G!, programmeId, kind: "post", score: null, maxScore: 100, submittedAt: null });

      // H: a post-test whose time ran out an hour ago, one of two questions answered right: graded when the facts are read → 50 %.
      await trainee("H", kw);
      const q1 = await fx.question(db, { programmeId });
      const q2 = await fx.question(db, { programmeId });
      const open = await fx.attempt(db, { assessmentId: post, enrolmentId: ids.H!, programmeId, kind: "post", score: null, maxScore: 2, submittedAt: null, questionIds: [q1, q2], deadlineAt: fx.hoursFromNow(-1) });
      await fx.answer(db, { attemptId: open, questionId: q1, optionIds: ["a"] });
      await fx.answer(db, { attemptId: open, questionId: q2, optionIds: ["a", "b"] });
    });
    afterAll(async () => t?.close());

    async function facts() {
      const p = { id: programmeId, minAttendancePct: 75, minPostScorePct: 60, requireSurvey: true };
      const result = await computeProgrammeFacts(t.database.db, p);
      const byKey = new Map<string, TraineeFacts>();
      for (const [key, id] of Object.entries(ids)) {
        const f = result.trainees.find((x) => x.enrolmentId === id);
        if (f) byKey.set(key, f);
      }
      return { result, byKey };
    }

    it("counts only workshops held (started, not cancelled) and only active enrolments", async () => {
      const { result, byKey } = await facts();
      expect(result.held.map((h) => h.id).sort()).toEqual([w.one, w.two].sort());
      expect(result.workshops).toHaveLength(4);
      expect(result.hasPostTest).toBe(true);
      expect(byKey.has("E")).toBe(false);
      expect(result.trainees).toHaveLength(7);
    });

    it("computes attendance with and without minutes, 74 % vs 75 %, by person or by user", async () => {
      const { byKey } = await facts();
      const att = Object.fromEntries([...byKey].map(([k, f]) => [k, f.attendancePct]));
      expect(att).toEqual({ A: 100, B: 75, C: 74, D: 50, F: 50, G: 100, H: 0 });
      expect(byKey.get("B")!.shares.get(w.two)).toBe(0.5);
      expect(byKey.get("F")!.shares.has(w.cancelled)).toBe(false);
    });

    it("computes scores, gain and what is missing (post 59 vs 60, survey required)", async () => {
      const { byKey } = await facts();
      const row = (k: string) => {
        const f = byKey.get(k)!;
        return [f.prePct, f.postPct, f.gain, f.surveyDone, f.missing];
      };
      expect(row("A")).toEqual([40, 60, 20, true, []]);
      expect(row("B")).toEqual([50, 59, 9, true, ["post_test"]]);
      expect(row("C")).toEqual([null, 60, null, true, ["attendance"]]);
      expect(row("D")).toEqual([null, null, null, false, ["attendance", "post_test", "survey"]]);
      expect(row("F")).toEqual([70, 90, 20, false, ["attendance", "survey"]]);
      expect(row("G")).toEqual([80, null, null, false, ["post_test", "survey"]]);
    });

    it("grades a test whose time ran out before reading the scores", async () => {
      const { byKey } = await facts();
      expect(byKey.get("H")!.postPct).toBe(50);
      const row = await t.database.db.selectFrom("trainingAttempts").select(["autoSubmitted", "score"]).where("enrolmentId", "=", ids.H!).executeTakeFirstOrThrow();
      expect(row).toEqual({ autoSubmitted: 1, score: 1 });
    });

    it("narrows to an organisation or to given enrolments with the same answers", async () => {
      const p = { id: programmeId, minAttendancePct: 75, minPostScorePct: 60, requireSurvey: true };
      const kuwait = await computeProgrammeFacts(t.database.db, p, { organisationId: kw });
      expect(kuwait.trainees.map((f) => f.enrolmentId).sort()).toEqual([ids.C, ids.F, ids.H].sort());
      const one = await computeProgrammeFacts(t.database.db, p, { enrolmentIds: [ids.G!] });
      expect(one.trainees).toHaveLength(1);
      expect(one.trainees[0]!.attendancePct).toBe(100);
    });

    it("without a published post-test the post-test is not required; the survey only when the rule says so", async () => {
      const { byKey } = await facts();
      const relaxed = await computeProgrammeFacts(t.database.db, { id: programmeId, minAttendancePct: 75, minPostScorePct: 60, requireSurvey: false });
      expect(relaxed.trainees.find((f) => f.enrolmentId === ids.G)!.missing).toEqual(["post_test"]);
      await t.database.db.updateTable("trainingAssessments").set({ published: 0 }).where("programmeId", "=", programmeId).where("kind", "=", "post").execute();
      try {
        const noPost = await computeProgrammeFacts(t.database.db, { id: programmeId, minAttendancePct: 75, minPostScorePct: 60, requireSurvey: true });
        expect(noPost.hasPostTest).toBe(false);
        expect(noPost.trainees.find((f) => f.enrolmentId === ids.B)!.missing).toEqual([]);
        expect(noPost.trainees.find((f) => f.enrolmentId === ids.G)!.missing).toEqual(["survey"]);
      } finally {
        await t.database.db.updateTable("trainingAssessments").set({ published: 1 }).where("programmeId", "=", programmeId).where("kind", "=", "post").execute();
      }
      expect(byKey.get("B")!.missing).toEqual(["post_test"]);
    });

    it("holds a workshop from its start (not its end), unless cancelled", () => {
      const now = "2024-05-26T08:00:00.000Z";
      expect(isHeld({ startsAt: "2024-05-26T08:00:00.000Z", status: "published" }, now)).toBe(true);
      expect(isHeld({ startsAt: "2024-05-26T07:59:59.999Z", status: "published" }, now)).toBe(true);
      expect(isHeld({ startsAt: "2024-05-26T08:00:00.001Z", status: "published" }, now)).toBe(false);
      expect(isHeld({ startsAt: "2024-05-25T08:00:00.000Z", status: "cancelled" }, now)).toBe(false);
    });

    it("counts a workshop in progress: checked in and past the post-test is complete before it ends", async () => {
      const db = t.database.db;
      const oic = await orgId(t, "oic");
      const seasonId = await fx.season(db);
      const rule = { minAttendancePct: 75, minPostScorePct: 60, requireSurvey: false };
      const p = await fx.programme(db, { seasonId, ownerIds: [oic], ...rule });
      const live = await fx.workshop(db, { programmeId: p, seasonId, hostId: oic, startsAt: fx.hoursFromNow(-1), endsAt: fx.hoursFromNow(2) });
      await fx.workshop(db, { programmeId: p, seasonId, hostId: oic, startsAt: fx.hoursFromNow(24), endsAt: fx.hoursFromNow(26) });
      const post = await fx.assessment(db, { programmeId: p, kind: "post" });
      const enrolled: Record<string, string> = {};
      for (const key of ["present", "absent"]) {
        const who = await fx.person(db, { organisationId: qa, nameAr: `متدرب ${key}`, nameEn: `Trainee ${key}` });
        enrolled[key] = await fx.enrol(db, { programmeId: p, personId: who, organisationId: qa });
        await fx.attempt(db, { assessmentId: post, enrolmentId: enrolled[key]!, programmeId: p, kind: "post", score: 80, maxScore: 100 });
        // Checked in by the organiser (no minutes): present for the whole workshop.
        if (key === "present") await fx.attend(db, { eventId: live, organisationId: qa, personId: who, minutes: null });
      }
      const result = await computeProgrammeFacts(db, { id: p, ...rule });
      expect(result.held.map((w) => w.id)).toEqual([live]);
      const of = (key: string) => result.trainees.find((f) => f.enrolmentId === enrolled[key])!;
      expect([of("present").attendancePct, of("present").missing]).toEqual([100, []]);
      expect([of("absent").attendancePct, of("absent").missing]).toEqual([0, ["attendance"]]);
    });

    it("before any workshop is held, attendance is missing whatever was recorded", async () => {
      const db = t.database.db;
      const [oic] = await Promise.all([orgId(t, "oic")]);
      const seasonId = await fx.season(db);
      const p = await fx.programme(db, { seasonId, ownerIds: [oic], minAttendancePct: 50, minPostScorePct: 0 });
      const soon = await fx.workshop(db, { programmeId: p, seasonId, hostId: oic, startsAt: fx.hoursFromNow(1), endsAt: fx.hoursFromNow(3) });
      const who = await fx.person(db, { organisationId: qa, nameAr: "مبكر", nameEn: "Early" });
      await fx.enrol(db, { programmeId: p, personId: who, organisationId: qa });
      await fx.attend(db, { eventId: soon, organisationId: qa, personId: who, minutes: 120 });
      const result = await computeProgrammeFacts(db, { id: p, minAttendancePct: 50, minPostScorePct: 0, requireSurvey: false });
      expect(result.held).toHaveLength(0);
      expect(result.trainees[0]!.attendancePct).toBe(0);
      expect(result.trainees[0]!.missing).toEqual(["attendance"]);
    });
  });
}
