/**
 * The accountability view's SQL where it was rewritten for scale (bench/README.md, follow-up part):
 * a mission admin's scope (shared with his mission through a meeting it was invited to, an action,
 * a responsibility) must read exactly what the policies let him read one recommendation at a
 * time; the timeline must be the same whichever way it is read (walking the whole timeline or by
 * recommendation); the export must list every matching recommendation once, in order, across batches.
 */
import type { Insertable } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Digits, Locale, Role } from "../../../../common/roles.js";
import type { DB } from "../../db/schema.js";
import { newId } from "../../lib/tokens.js";
import { mayReadRecommendation } from "../../policies/followup.js";
import type { Actor } from "../../policies/index.js";
import { buildTestApp, login, LOGINS, orgId, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";
import { createEvent, ensureSeason, invite } from "../../test/followup.js";
import { loadActorGroups } from "../directory/groups-of.repository.js";
import { accountabilityRepository, TIMELINE_LIMIT } from "./accountability.repository.js";
import { todayIso } from "./followup-dates.js";
import { recommendationConditions } from "./recommendations.repository.js";

/** The timeline is read by recommendation up to this many matching recommendations, by walking it beyond. */
const WALKED = 2001;

async function actorOf(t: TestApp, email: string): Promise<Actor> {
  const u = await t.database.db.selectFrom("users").select(["id", "email", "name", "role", "organisationId", "personId", "locale", "digits"]).where("email", "=", email).executeTakeFirstOrThrow();
  const actor: Actor = { userId: u.id, email: u.email, name: u.name, role: u.role as Role, organisationId: u.organisationId, personId: u.personId, locale: u.locale as Locale, digits: u.digits as Digits, via: "token", sessionId: null, csrfToken: null };
  await loadActorGroups(t.database.db, actor);
  return actor;
}

type Rec = Insertable<DB["recommendations"]>;

for (const dialect of DIALECTS) {
  describe(`accountability SQL at scale (${dialect})`, () => {
    let t: TestApp;
    let oic: Client;
    let qatar: Client;
    const today = todayIso();
    const seasons = { scope: "", newer: "", batches: "" };
    const scopeRecs: Record<string, string> = {};
    const entries: Array<{ id: string; recommendationId: string; createdAt: string }> = [];

    const rec = (seasonId: string, organisationId: string, values: Partial<Rec> = {}): Rec => {
      const at = "2020-01-01T00:00:00.000Z";
      return {
        id: newId(), programmeId: null, areaId: null, seasonId, sourceEventId: null, sourceDecisionId: null, sourceProposalId: null, reference: null, textAr: "توصية", textEn: "Recommendation",
        status: "in_progress", statusReason: null, progress: 10, dueOn: null, organisationId, visibility: "members", shareGroupId: null, createdBy: null, createdAt: at, updatedAt: at, approvedAt: null, closedAt: null, ...values,
      };
    };
    async function insertRecs(rows: Rec[]) {
      for (let i = 0; i < rows.length; i += 200) await t.database.db.insertInto("recommendations").values(rows.slice(i, i + 200)).execute();
    }
    /** `count` timeline entries for each recommendation, from `day` on; some share a timestamp (the id breaks the tie). */
    async function insertEntries(recommendationIds: string[], count: number, day: string, organisationId: string) {
      const rows: Array<Insertable<DB["recommendationUpdates"]>> = [];
      recommendationIds.forEach((recommendationId, r) => {
        for (let n = 0; n < count; n++) {
          const createdAt = `${day}T${String(10 + ((r + n) % 8)).padStart(2, "0")}:${String((r * 7 + n * 13) % 60).padStart(2, "0")}:00.000Z`;
          const id = `tl${String(entries.length).padStart(5, "0")}`;
          entries.push({ id, recommendationId, createdAt });
          rows.push({ id, recommendationId, userId: null, organisationId, kind: "update", text: null, statusFrom: null, statusTo: null, progressFrom: null, progressTo: null, links: null, createdAt });
        }
      });
      for (let i = 0; i < rows.length; i += 200) await t.database.db.insertInto("recommendationUpdates").values(rows.slice(i, i + 200)).execute();
    }

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      oic = await login(t.app, LOGINS.oicCoordinator);
      qatar = await login(t.app, LOGINS.qatarAdmin);
      seasons.scope = await ensureSeason(oic, 1441);
      seasons.newer = await ensureSeason(oic, 1442);
      seasons.batches = await ensureSeason(oic, 1439);
      const [kw, qa, eg] = await Promise.all(["hajj-kw", "hajj-qa", "hajj-eg"].map((c) => orgId(t, c)));
      const invited = await createEvent(oic, { seasonId: seasons.scope, titleAr: "اجتماع دعيت إليه قطر", titleEn: "Meeting Qatar was invited to" });
      const other = await createEvent(oic, { seasonId: seasons.scope, titleAr: "اجتماع لم تدع إليه قطر", titleEn: "Meeting Qatar was not invited to" });
      await invite(t, oic, invited, ["hajj-qa", "hajj-kw"]);
      await invite(t, oic, other, ["hajj-eg", "hajj-kw"]);
      const groups = await t.database.db.selectFrom("groups").leftJoin("groupMembers", (j) => j.onRef("groupMembers.groupId", "=", "groups.id").on("groupMembers.organisationId", "=", qa)).select(["groups.id", "groupMembers.organisationId"]).execute();
      const qatarsGroup = groups.find((g) => g.organisationId === qa)!.id;
      const notQatarsGroup = groups.find((g) => g.organisationId === null)!.id;

      // Kuwait's recommendations of season 1441, shared with Qatar one way or another (or not at all).
      const scope: Record<string, Rec> = {
        invitedMeeting: rec(seasons.scope, kw, { visibility: "private", sourceEventId: invited }),
        otherMeeting: rec(seasons.scope, kw, { visibility: "private", sourceEventId: other }),
        action: rec(seasons.scope, kw, { visibility: "private" }),
        actionOfEgypt: rec(seasons.scope, kw, { visibility: "private", sourceEventId: other }),
        responsible: rec(seasons.scope, kw, { visibility: "private" }),
        nothing: rec(seasons.scope, kw, { visibility: "private" }),
        qatarsOwn: rec(seasons.scope, qa, { visibility: "private" }),
        members: rec(seasons.scope, kw, { visibility: "members", sourceEventId: other }),
        public: rec(seasons.scope, eg, { visibility: "public" }),
        qatarsGroup: rec(seasons.scope, kw, { visibility: "group", shareGroupId: qatarsGroup }),
        otherGroup: rec(seasons.scope, kw, { visibility: "group", shareGroupId: notQatarsGroup, sourceEventId: other }),
        otherGroupInvited: rec(seasons.scope, kw, { visibility: "group", shareGroupId: notQatarsGroup, sourceEventId: invited }),
      };
      for (const [key, row] of Object.entries(scope)) scopeRecs[key] = row.id!;
      // Enough members-only ones for a timeline of more than 100 entries.
      const filler = Array.from({ length: 30 }, () => rec(seasons.scope, kw));
      await insertRecs([...Object.values(scope), ...filler]);
      await t.database.db.insertInto("recommendationResponsibles").values([
        { recommendationId: scopeRecs.responsible, organisationId: qa },
        { recommendationId: scopeRecs.nothing, organisationId: eg },
        { recommendationId: scopeRecs.invitedMeeting, organisationId: kw },
      ]).execute();
      const action = (recommendationId: string, organisationId: string) => ({
        id: newId(), recommendationId, titleAr: "إجراء", titleEn: "Action", organisationId, personId: null, dueOn: null, status: "open", note: null, doneAt: null, remindedAt: null, overdueNotifiedAt: null, createdBy: null, createdAt: "2020-01-02T00:00:00.000Z", updatedAt: "2020-01-02T00:00:00.000Z",
      });
      await t.database.db.insertInto("actions").values([action(scopeRecs.action, qa), action(scopeRecs.actionOfEgypt, eg)]).execute();
      await insertEntries([...Object.values(scopeRecs), ...filler.map((r) => r.id!)], 4, "2021-03-01", kw);
      // A newer season whose entries are all newer: the walk passes them before reaching season 1441's.
      const newer = Array.from({ length: 20 }, () => rec(seasons.newer, kw));
      await insertRecs(newer);
      await insertEntries(newer.map((r) => r.id!), 5, "2022-05-01", kw);
    });
    afterAll(async () => t?.close());

    it("reads in SQL exactly what the policies let each caller read, sharing through meetings, actions and responsibilities", async () => {
      const db = t.database.db;
      const rows = await db.selectFrom("recommendations").selectAll().where("seasonId", "=", seasons.scope).execute();
      const responsibles = await db.selectFrom("recommendationResponsibles").selectAll().execute();
      const actions = await db.selectFrom("actions").select(["recommendationId", "organisationId"]).execute();
      const invitations = await db.selectFrom("eventInvitations").select(["eventId", "organisationId"]).execute();
      for (const email of [LOGINS.qatarAdmin, LOGINS.qatarMember, LOGINS.kuwaitAdmin, LOGINS.indonesiaMember, LOGINS.oicCoordinator, LOGINS.providerParticipant]) {
        const actor = await actorOf(t, email);
        const expected = rows
          .filter((r) => {
            const responsibleIds = responsibles.filter((x) => x.recommendationId === r.id).map((x) => x.organisationId);
            const shared =
              actions.some((a) => a.recommendationId === r.id && a.organisationId === actor.organisationId) ||
              invitations.some((i) => i.eventId === r.sourceEventId && i.organisationId === actor.organisationId);
            return mayReadRecommendation(actor, { organisationId: r.organisationId, visibility: r.visibility, shareGroupId: r.shareGroupId, status: r.status, responsibleIds, sharedWithActor: shared });
          })
          .map((r) => r.id)
          .sort();
        const read = (await db.selectFrom("recommendations").where(recommendationConditions(actor, { seasonId: seasons.scope }, today)).select("recommendations.id").execute()).map((r) => r.id).sort();
        expect(read, email).toEqual(expected);
      }

      const admin = await actorOf(t, LOGINS.qatarAdmin);
      const read = new Set((await db.selectFrom("recommendations").where(recommendationConditions(admin, { seasonId: seasons.scope }, today)).select("recommendations.id").execute()).map((r) => r.id));
      const keys = Object.keys(scopeRecs).filter((k) => read.has(scopeRecs[k])).sort();
      expect(keys).toEqual(["action", "invitedMeeting", "members", "otherGroupInvited", "public", "qatarsGroup", "qatarsOwn", "responsible"]);
    });

    it("gives the mission admin a meeting's view of what it was invited to, and nothing of a meeting it was not", async () => {
      const ofMeeting = async (eventId: string) => (await qatar.request("GET", `/api/accountability?season=1441&event=${eventId}`)).json();
      const invited = (await t.database.db.selectFrom("recommendations").select("sourceEventId").where("id", "=", scopeRecs.invitedMeeting).executeTakeFirstOrThrow()).sourceEventId!;
      const other = (await t.database.db.selectFrom("recommendations").select("sourceEventId").where("id", "=", scopeRecs.otherMeeting).executeTakeFirstOrThrow()).sourceEventId!;
      const mine = await ofMeeting(invited);
      expect(mine.totals.total).toBe(2);
      expect(new Set(mine.timeline.map((u: { recommendationId: string }) => u.recommendationId))).toEqual(new Set([scopeRecs.invitedMeeting, scopeRecs.otherGroupInvited]));
      // Of the other meeting: only the members-only one (not the private ones, the action of Egypt's, the other group's).
      const theirs = await ofMeeting(other);
      expect(theirs.totals.total).toBe(1);
      expect(new Set(theirs.timeline.map((u: { recommendationId: string }) => u.recommendationId))).toEqual(new Set([scopeRecs.members]));
      expect((await oic.request("GET", `/api/accountability?season=1441&event=${other}`)).json().totals.total).toBe(4);
    });

    it("reads the same last entries walking the timeline or by recommendation", async () => {
      const repo = accountabilityRepository(t.database.db);
      const qa = await orgId(t, "hajj-qa");
      for (const email of [LOGINS.oicCoordinator, LOGINS.qatarAdmin]) {
        const actor = await actorOf(t, email);
        for (const filter of [{ seasonId: seasons.scope }, { seasonId: seasons.scope, organisation: qa }, { seasonId: seasons.newer }, {}]) {
          const matching = await t.database.db.selectFrom("recommendations").where(recommendationConditions(actor, filter, today)).select("recommendations.id").execute();
          const ids = new Set(matching.map((r) => r.id));
          // What the view must show: the newest entries of the matching recommendations, the id breaking ties.
          const expected = entries
            .filter((e) => ids.has(e.recommendationId))
            .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1))
            .slice(0, TIMELINE_LIMIT)
            .map((e) => e.id);
          const byRecommendation = await repo.timeline(actor, filter, today, matching.length);
          // Told there are more matching recommendations than there are, the repository walks the whole timeline.
          const walked = await repo.timeline(actor, filter, today, WALKED);
          const walkedFurther = await repo.timeline(actor, filter, today, 50 * WALKED);
          const label = `${email} ${JSON.stringify(filter)}`;
          // Without a season the demo's own recommendations match too: compared between the two ways only.
          if (filter.seasonId) expect(byRecommendation.map((u) => u.id), label).toEqual(expected);
          expect(walked, label).toEqual(byRecommendation);
          expect(walkedFurther, label).toEqual(byRecommendation);
        }
      }
      // Season 1441 fills the page; what Qatar is responsible for in it does not (the walks come back short, the read by recommendation follows).
      const coordinator = await actorOf(t, LOGINS.oicCoordinator);
      expect(await repo.timeline(coordinator, { seasonId: seasons.scope }, today, WALKED)).toHaveLength(TIMELINE_LIMIT);
      expect(await repo.timeline(coordinator, { seasonId: seasons.scope, organisation: qa }, today, WALKED)).toHaveLength(4);
    });

    it("exports every matching recommendation once, in order, across batches of 1,000", async () => {
      const [kw, qa] = await Promise.all(["hajj-kw", "hajj-qa"].map((c) => orgId(t, c)));
      const many = Array.from({ length: 1005 }, (_, i) => rec(seasons.batches, kw, { reference: `1439/${i}`, visibility: i % 10 === 0 ? "private" : "members" }));
      await insertRecs(many);
      const responsibleRows = many.filter((_, i) => i % 3 === 0).map((r) => ({ recommendationId: r.id!, organisationId: qa }));
      for (let i = 0; i < responsibleRows.length; i += 200) await t.database.db.insertInto("recommendationResponsibles").values(responsibleRows.slice(i, i + 200)).execute();

      const admin = await actorOf(t, LOGINS.qatarAdmin);
      const filter = { seasonId: seasons.batches };
      const expected = (await t.database.db.selectFrom("recommendations").where(recommendationConditions(admin, filter, today)).select("recommendations.id").orderBy("recommendations.id").execute()).map((r) => r.id);
      // Private ones are read by Qatar only where it is responsible (i % 30 === 0): 1005 - 101 + 34.
      expect(expected).toHaveLength(938);
      const batches: string[][] = [];
      const responsibleOf = new Map<string, string[]>();
      for await (const batch of accountabilityRepository(t.database.db).exportRows(admin, filter, today)) {
        batches.push(batch.map((r) => r.id));
        for (const r of batch) responsibleOf.set(r.id, r.responsibles.map((x) => x.id));
      }
      expect(batches.map((b) => b.length)).toEqual([938]);
      expect(batches.flat()).toEqual(expected);

      const coordinator = await actorOf(t, LOGINS.oicCoordinator);
      const all: string[][] = [];
      for await (const batch of accountabilityRepository(t.database.db).exportRows(coordinator, filter, today)) {
        all.push(batch.map((r) => r.id));
        for (const r of batch) responsibleOf.set(r.id, r.responsibles.map((x) => x.id));
      }
      expect(all.map((b) => b.length)).toEqual([1000, 5]);
      expect(all.flat()).toEqual((await t.database.db.selectFrom("recommendations").select("id").where("seasonId", "=", seasons.batches).orderBy("id").execute()).map((r) => r.id));
      many.forEach((r, i) => expect(responsibleOf.get(r.id!)).toEqual(i % 3 === 0 ? [qa] : []));

      const csv = await oic.request("GET", "/api/accountability/export?format=csv&season=1439");
      expect(csv.statusCode, csv.body).toBe(200);
      const lines = csv.rawPayload.subarray(3).toString("utf8").trim().split("\n");
      expect(lines).toHaveLength(1 + 1005);
      expect(new Set(lines.slice(1).map((l) => l.split(",")[0])).size).toBe(1005);
    });
  });
}
