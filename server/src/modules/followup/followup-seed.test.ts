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
      expect(training.impact).toMatchObject({ participants: 5, countries: 5, awarenessGain: null });
      expect(training.impact.workshops.map((w: { titleEn: string; held: boolean }) => [w.titleEn, w.held])).toEqual([["Asas workshop", true], ["Terhab workshop", true]]);
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
