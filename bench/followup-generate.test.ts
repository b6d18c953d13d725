import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.RIFADA_FAST_HASH = "1";
});

import { ACTION_STATUSES, RECOMMENDATION_STATUSES, RECOMMENDATION_TRANSITIONS, UPDATE_KINDS, type RecommendationStatus } from "../common/followup.js";
import { VISIBILITIES } from "../common/roles.js";
import { createDatabase, type Database } from "../server/src/db/database.js";
import { migrateToLatest } from "../server/src/db/migrate.js";
import { seedDemo } from "../server/src/db/seed/seed.js";
import { accountabilityRepository } from "../server/src/modules/followup/accountability.repository.js";
import { actorByEmail } from "./events.js";
import { readDirectory } from "./events-generate.js";
import { emptyCounts, followupChunks, generateFollowup, type FollowupResult } from "./followup-generate.js";
import type { TableRows } from "./rows.js";

const NOW = Date.parse("2026-11-24T09:00:00Z");
const TODAY = "2026-11-24";
const OPTIONS = { recommendations: 300, events: 120, seed: 7, chunk: 100, now: NOW };

interface Rec { id: string; status: string; progress: number; due_on: string | null; visibility: string; share_group_id: string | null; created_at: string; updated_at: string; approved_at: string | null; closed_at: string | null; text_ar: string; text_en: string; season: string }
interface Update { recommendation_id: string; kind: string; status_from: string | null; status_to: string | null; progress_from: number | null; progress_to: number | null; created_at: string }

describe("bench follow-up generator", () => {
  let database: Database;
  let result: FollowupResult;
  let generated: Rec[];
  let timelines: Map<string, Update[]>;

  beforeAll(async () => {
    database = createDatabase({ sqliteFile: ":memory:" });
    await migrateToLatest(database.db);
    await seedDemo(database.db);
    const raw = database.sqlite!;
    const demo = new Set((raw.prepare("select id from recommendations").all() as Array<{ id: string }>).map((r) => r.id));
    result = await generateFollowup({ raw }, await readDirectory(database.db), OPTIONS);
    generated = (raw.prepare("select r.*, s.code season from recommendations r join seasons s on s.id = r.season_id").all() as Rec[]).filter((r) => !demo.has(r.id));
    timelines = new Map();
    for (const u of raw.prepare("select * from recommendation_updates order by created_at, rowid").all() as Update[]) {
      if (!timelines.has(u.recommendation_id)) timelines.set(u.recommendation_id, []);
      timelines.get(u.recommendation_id)!.push(u);
    }
  });
  afterAll(async () => database?.close());

  it("is deterministic for a seed (on the same database)", async () => {
    const rows = async () => {
      const out: TableRows[] = [];
      for (const tables of followupChunks(await readDirectory(database.db), OPTIONS, emptyCounts())) out.push(...tables.filter((t) => t.table === "recommendations" || t.table === "recommendation_updates"));
      return out.map((t) => t.rows);
    };
    expect(await rows()).toEqual(await rows());
  });

  it("writes consistent rows: foreign keys, statuses, about ten timeline entries each", () => {
    const raw = database.sqlite!;
    const c = result.counts;
    expect(raw.prepare("pragma foreign_key_check").all()).toEqual([]);
    expect(c.recommendations).toBe(300);
    expect(generated.length).toBe(300);
    expect(c.updates / c.recommendations).toBeGreaterThan(7);
    expect(c.updates / c.recommendations).toBeLessThan(13);
    expect(c.actions / c.recommendations).toBeGreaterThan(1);
    expect(c.actions / c.recommendations).toBeLessThan(3);
    expect(c.overdue).toBeGreaterThan(0);
    for (const s of RECOMMENDATION_STATUSES) expect(c.byStatus[s]).toBeGreaterThan(0);
    const actions = raw.prepare("select status from actions").all() as Array<{ status: string }>;
    for (const a of actions) expect(ACTION_STATUSES).toContain(a.status);
    const orphans = raw.prepare("select count(*) n from recommendations r where not exists (select 1 from recommendation_responsibles x where x.recommendation_id = r.id)").get() as { n: number };
    expect(orphans.n).toBe(0);
  });

  it("tells each recommendation's story in its timeline, up to where it stands", () => {
    const now = new Date(NOW).toISOString();
    for (const r of generated) {
      expect(RECOMMENDATION_STATUSES).toContain(r.status);
      expect(VISIBILITIES).toContain(r.visibility);
      expect(r.visibility === "group").toBe(r.share_group_id !== null);
      expect(r.text_ar).toMatch(/[\u0600-\u06FF]/);
      expect(r.text_en).toMatch(/^[A-Z]/);
      expect(r.updated_at <= now).toBe(true);
      expect(r.closed_at !== null).toBe(r.status === "done" || r.status === "dropped");
      if (r.status === "proposed") expect(r.approved_at).toBeNull();
      else if (r.status !== "dropped") expect(r.approved_at).not.toBeNull();
      if (r.status === "done") expect(r.progress).toBe(100);
      const entries = timelines.get(r.id)!;
      expect(entries[0].kind).toBe("created");
      expect(entries[0].created_at).toBe(r.created_at);
      let status = entries[0].status_to as RecommendationStatus;
      let progress = 0;
      for (const e of entries) {
        expect(UPDATE_KINDS).toContain(e.kind);
        expect(e.created_at <= now).toBe(true);
        if (e.kind === "status") {
          expect(e.status_from).toBe(status);
          expect(RECOMMENDATION_TRANSITIONS[status]).toContain(e.status_to);
          status = e.status_to as RecommendationStatus;
        }
        if (e.progress_to !== null && e.kind !== "created") {
          expect(e.progress_from).toBe(progress);
          expect(e.progress_to).toBeGreaterThan(progress);
          progress = e.progress_to;
        }
      }
      expect(status).toBe(r.status);
      expect(progress).toBe(r.progress);
      expect(entries[entries.length - 1].created_at).toBe(r.updated_at);
    }
  });

  it("gives the accountability view what the generator counted", async () => {
    const coordinator = await actorByEmail(database.db, "coordinator@oic.rifada.test");
    const repo = accountabilityRepository(database.db);
    const generatedIds = new Set(generated.map((r) => r.id));
    const totals = await repo.totals(coordinator, {}, TODAY);
    // The demo seed's recommendations come on top.
    expect(Number(totals.total)).toBeGreaterThanOrEqual(300);
    const overdue = generated.filter((r) => (r.status === "approved" || r.status === "in_progress") && r.due_on !== null && r.due_on < TODAY);
    expect(overdue.length).toBe(result.counts.overdue);
    const listed = await repo.overdue(coordinator, {}, TODAY);
    expect(listed.filter((r) => generatedIds.has(r.id)).length).toBe(result.counts.overdue);
  });
});
