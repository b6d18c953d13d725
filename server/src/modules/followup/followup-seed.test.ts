/**
 * The follow-up demo on top of the demo events: the cooperation programme, the Minister's
 * meeting's recommendations (training service providers' staff, put into effect by Asas and
 * Terhab), the GCC meetings with their recommendations, actions, proposals and open items.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../../db/migrate.js";
import { seedDemo } from "../../db/seed/seed.js";
import { seedDemoFollowup } from "../../db/seed/followup-seed.js";
import { buildAppOn, login, LOGINS, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS, freshDatabase } from "../../test/dialects.js";

for (const dialect of DIALECTS) {
  describe(`follow-up demo data (${dialect})`, () => {
    let t: TestApp;
    let oic: Client;
    let qatar: Client;
    const eventId = async (titleEn: string) => (await t.database.db.selectFrom("events").select("id").where("titleEn", "=", titleEn).executeTakeFirstOrThrow()).id;

    /**
     * The awareness gain of some demo programmes, worked out here from the attempts themselves: each
     * submitted test's score as a whole percentage (half up), averaged over the active enrolments that
     * took it (one decimal), the gain averaged over those who took both.
     */
    async function expectedGain(codes: string[]) {
      const db = t.database.db;
      const programmes = await db.selectFrom("trainingProgrammes").select(["id", "code"]).where("code", "in", codes).orderBy("code").execute();
      const ids = programmes.map((p) => p.id);
      const enrolments = await db.selectFrom("trainingEnrolments").select("id").where("programmeId", "in", ids).where("status", "=", "enrolled").execute();
      const attempts = await db.selectFrom("trainingAttempts").select(["enrolmentId", "kind", "score", "maxScore"]).where("programmeId", "in", ids).where("submittedAt", "is not", null).execute();
      const pct = (enrolmentId: string, kind: string) => {
        const a = attempts.find((x) => x.enrolmentId === enrolmentId && x.kind === kind);
        return a && a.score !== null ? Math.floor((Number(a.score) * 100) / Number(a.maxScore) + 0.5) : null;
      };
      const pre = enrolments.map((e) => pct(e.id, "pre")).filter((v): v is number => v !== null);
      const post = enrolments.map((e) => pct(e.id, "post")).filter((v): v is number => v !== null);
      const gains = enrolments.flatMap((e) => {
        const [a, b] = [pct(e.id, "pre"), pct(e.id, "post")];
        return a !== null && b !== null ? [b - a] : [];
      });
      const avg = (xs: number[]) => (xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 10) / 10 : null);
      return { ids, figures: { trainees: enrolments.length, withPre: pre.length, withPost: post.length, paired: gains.length, avgPre: avg(pre), avgPost: avg(post), avgGain: avg(gains) } };
    }

    beforeAll(async () => {
      const database = await freshDatabase(dialect);
      await migrateToLatest(database.db);
      await seedDemo(database.db);
      expect(await seedDemoFollowup(database.db)).toBe(false);
      t = await buildAppOn(database);
      oic = await login(t.app, LOGINS.oicCoordinator);
      qatar = await login(t.app, LOGINS.qatarAdmin);
    });
    afterAll(async () => t?.close());

    it("has the OIC × Ministry programme with its areas, signatories and workshops", async () => {
      const list = (await qatar.request("GET", "/api/programmes")).json();
      expect(list.items.map((p: { code: string }) => p.code)).toEqual(["oic-moh-1445-1446"]);
      const programme = (await qatar.request("GET", `/api/programmes/${list.items[0].id}`)).json();
      expect(programme.areas.map((a: { code: string }) => a.code)).toEqual(["training", "awareness", "service_quality", "field_coordination"]);
      expect(programme.events.map((e: { titleEn: string }) => e.titleEn)).toEqual(["Asas workshop", "Terhab workshop"]);
      expect(programme.parties.every((p: { signatory: unknown }) => p.signatory !== null)).toBe(true);
    });

    it("traces the Minister's training recommendation to Asas and Terhab", async () => {
      const minister = await eventId("The Minister's meeting with member-state representatives");
      const fromMeeting = (await qatar.request("GET", `/api/events/${minister}/recommendations`)).json();
      expect(fromMeeting.source.map((r: { reference: string }) => r.reference)).toEqual(["1444/1", "1444/2", "1444/3"]);
      const training = (await qatar.request("GET", `/api/recommendations/${fromMeeting.source[0].id}`)).json();
      expect(training).toMatchObject({ status: "in_progress", progress: 60, area: { code: "training" }, sourceDecisionId: expect.any(String) });
      // Five mission officials (QA, ID, KW, OM, BH) attended with the follow-up demo; the training demo adds the
      // Asas/Terhab trainees who attended: the demo participant, five service-provider staff (all SA) and the
      // Pakistani, Egyptian and Malaysian officials (the Nigerian one never joined): 14 people from 9 countries.
      expect(training.impact).toMatchObject({ participants: 14, countries: 9 });
      expect(training.impact.workshops.map((w: { titleEn: string; held: boolean }) => [w.titleEn, w.held])).toEqual([["Asas workshop", true], ["Terhab workshop", true]]);
      // The workshops deliver the Asas and Terhab programmes: their trainees' awareness gain.
      const expected = await expectedGain(["asas-1445", "terhab-1445"]);
      expect(training.impact.awarenessGain).toEqual({
        programmes: [
          { id: expected.ids[0], titleAr: expect.stringContaining("أساس"), titleEn: expect.stringMatching(/^Asas/) },
          { id: expected.ids[1], titleAr: expect.stringContaining("ترحاب"), titleEn: expect.stringMatching(/^Terhab/) },
        ],
        ...expected.figures,
      });
      // Worked out by hand from the seed's courses too (both tests: 6 points; wrong answers score nothing):
      // Asas pre 501/13, post 950/11, gain 499/11; Terhab pre 216/6, post 400/5, gain 217/5.
      expect(expected.figures).toEqual({ trainees: 20, withPre: 19, withPost: 16, paired: 16, avgPre: 37.7, avgPost: 84.4, avgGain: 44.8 });
      // Linking a programme the workshops deliver anyway counts it once.
      const linked = await oic.request("POST", `/api/recommendations/${training.id}/links`, { targetType: "training_programme", targetId: expected.ids[0] });
      expect(linked.statusCode, linked.body).toBe(201);
      expect(linked.json().links.map((l: { targetType: string }) => l.targetType)).toEqual(["event", "event", "training_programme"]);
      const again = (await qatar.request("GET", `/api/recommendations/${training.id}`)).json();
      expect(again.impact.awarenessGain).toEqual(training.impact.awarenessGain);
      expect((await oic.request("DELETE", `/api/recommendations/${training.id}/links/training_programme/${expected.ids[0]}`)).statusCode).toBe(204);
      const evidence = (await qatar.request("GET", `/api/recommendations/${training.id}/updates`)).json().items.filter((u: { links: unknown[] }) => u.links.length > 0);
      expect(evidence).toHaveLength(2);
      const asas = (await qatar.request("GET", `/api/events/${await eventId("Asas workshop")}/recommendations`)).json();
      expect(asas.serves.map((r: { id: string }) => r.id)).toEqual([training.id]);
    });

    it("follows up the GCC 1446 meeting into 1447", async () => {
      const gcc = await eventId("Annual meeting of the heads of the GCC Hajj-affairs offices");
      const proposals = (await qatar.request("GET", `/api/events/${gcc}/proposals`)).json().items;
      expect(proposals.map((p: { status: string }) => p.status).sort()).toEqual(["adopted", "deferred"]);
      const overdue = (await qatar.request("GET", "/api/actions?mine=true&overdue=true")).json();
      expect(overdue.total).toBe(1);
      const open = (await qatar.request("GET", `/api/events/${await eventId("Annual meeting of the heads of the GCC Hajj-affairs offices (1447)")}/open-items`)).json();
      expect(open.previous.map((e: { id: string }) => e.id)).toEqual([gcc]);
      expect(open.recommendations.map((r: { reference: string }) => r.reference).sort()).toEqual(["1446/1", "1446/2", "1446/4"]);
      expect(open.proposals.map((p: { status: string }) => p.status)).toEqual(["deferred"]);
      expect(open.abilities.carryOver).toBe(true);
      const board = (await oic.request("GET", "/api/accountability?season=1446")).json();
      expect(board.totals).toMatchObject({ total: 4, done: 1, inProgress: 1, approved: 2 });
      const found = (await qatar.request("GET", `/api/search?q=${encodeURIComponent("حافلات")}&type=recommendation`)).json();
      expect(found.total).toBe(1);
    });
  });
}
