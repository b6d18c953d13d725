import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.RIFADA_FAST_HASH = "1";
});

import { EVENT_KINDS, EVENT_MODES, EVENT_STATUSES } from "../common/events.js";
import { VISIBILITIES } from "../common/roles.js";
import { createDatabase, type Database } from "../server/src/db/database.js";
import { migrateToLatest } from "../server/src/db/migrate.js";
import { seedDemo } from "../server/src/db/seed/seed.js";
import { buildSearchText } from "../server/src/modules/directory/search.js";
import { eventsRepository } from "../server/src/modules/events/events.repository.js";
import { split } from "./burst.js";
import { buildEvents, readDirectory, type EventsData } from "./events-generate.js";
import { writeSqlite } from "./rows.js";

interface EventRow {
  id: string; kind: string; mode: string; status: string; title_ar: string; title_en: string; venue_ar: string | null; venue_en: string | null;
  join_url: string | null; registration: string; capacity: number | null; visibility: string; share_group_id: string | null; search_text: string;
  starts_at: string; ends_at: string; host_code: string; host_ar: string; host_en: string; season: string;
}

describe("bench events generator", () => {
  let database: Database;
  let data: EventsData;
  let again: EventsData;

  beforeAll(async () => {
    database = createDatabase({ sqliteFile: ":memory:" });
    await migrateToLatest(database.db);
    await seedDemo(database.db);
    data = buildEvents(await readDirectory(database.db), { events: 400, seed: 3 });
    again = buildEvents(await readDirectory(database.db), { events: 400, seed: 3 });
    writeSqlite(database.sqlite!, data.tables);
  });
  afterAll(async () => database?.close());

  it("is deterministic for a seed (on the same database)", () => {
    const events = (d: EventsData) => d.tables.find((t) => t.table === "events")!.rows;
    expect(events(again)).toEqual(events(data));
  });

  it("writes valid events of seasons 1440–1447 with the search text the app would store", () => {
    const raw = database.sqlite!;
    const generated = new Set(data.tables.find((t) => t.table === "events")!.rows.map((r) => r[0]));
    const rows = (raw.prepare(`select e.*, o.code host_code, o.name_ar host_ar, o.name_en host_en, s.code season
      from events e join organisations o on o.id = e.host_organisation_id join seasons s on s.id = e.season_id`).all() as EventRow[]).filter((e) => generated.has(e.id));
    expect(rows).toHaveLength(400);
    for (const e of rows) {
      expect(EVENT_KINDS).toContain(e.kind);
      expect(EVENT_MODES).toContain(e.mode);
      expect(EVENT_STATUSES).toContain(e.status);
      expect(VISIBILITIES).toContain(e.visibility);
      expect(Number(e.season)).toBeGreaterThanOrEqual(1440);
      expect(Number(e.season)).toBeLessThanOrEqual(1447);
      expect(e.title_ar).toMatch(/[\u0600-\u06FF]/);
      expect(e.ends_at > e.starts_at).toBe(true);
      expect(e.registration === "open").toBe(e.capacity !== null);
      expect(e.join_url === null).toBe(e.mode === "in_person");
      expect(e.visibility === "group").toBe(e.share_group_id !== null);
      expect(e.search_text).toBe(buildSearchText(e.title_ar, e.title_en, e.venue_ar, e.venue_en, e.host_code, e.host_ar, e.host_en, e.season));
    }
  });

  it("keeps registrations within capacity and invitations away from the host", () => {
    const raw = database.sqlite!;
    const over = raw.prepare("select count(*) n from events e where e.capacity < (select count(*) from registrations r where r.event_id = e.id and r.status = 'confirmed')").get() as { n: number };
    expect(over.n).toBe(0);
    const self = raw.prepare("select count(*) n from event_invitations i join events e on e.id = i.event_id where i.organisation_id = e.host_organisation_id").get() as { n: number };
    expect(self.n).toBe(0);
    expect(data.counts.invitations).toBeGreaterThan(0);
    expect(data.counts.registrations).toBeGreaterThan(0);
    expect(raw.prepare("pragma foreign_key_check").all()).toEqual([]);
  });

  it("generates events the app's own search finds", async () => {
    const found = await eventsRepository(database.db).search(null, { q: "أساس", page: 1, pageSize: 10 }, new Date().toISOString());
    expect(found.total).toBeGreaterThan(0);
  });

  it("splits seats evenly", () => {
    expect(split(5000, 10)).toEqual(Array(10).fill(500));
    expect(split(7, 3)).toEqual([3, 2, 2]);
  });
});
