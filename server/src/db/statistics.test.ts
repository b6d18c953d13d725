/**
 * SQLite's planner statistics (PRAGMA optimize, database.ts): gathered when a database is opened,
 * after migrations, every hour and on close — so a large database is not planned from guesses.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { createDatabase, optimizeStatistics } from "./database.js";
import { migrateToLatest } from "./migrate.js";
import { seedDemo } from "./seed/seed.js";
import { DIALECTS, freshDatabase } from "../test/dialects.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rifada-stats-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let files = 0;

/** Indexes (or tables, for those without) with statistics, read without PRAGMA optimize of its own. */
function analyzed(file: string): string[] {
  const raw = new SqliteDatabase(file, { readonly: true });
  try {
    const has = raw.prepare("select 1 from sqlite_master where name = 'sqlite_stat1'").get();
    return has ? (raw.prepare("select coalesce(idx, tbl) as name from sqlite_stat1").all() as Array<{ name: string }>).map((r) => r.name) : [];
  } finally {
    raw.close();
  }
}

/** A migrated, seeded SQLite file, closed; with its statistics removed when `bare`. */
async function seededFile(bare: boolean): Promise<string> {
  const file = path.join(dir, `db-${files++}.sqlite`);
  const database = createDatabase({ sqliteFile: file });
  await migrateToLatest(database.db);
  await seedDemo(database.db);
  await database.close();
  if (bare) {
    const raw = new SqliteDatabase(file);
    raw.exec("drop table if exists sqlite_stat1");
    raw.close();
  }
  return file;
}

describe("SQLite planner statistics", () => {
  afterEach(() => vi.useRealTimers());

  it("analyzes the tables that have none when a database is opened", async () => {
    const file = await seededFile(true);
    expect(analyzed(file)).toEqual([]);
    const database = createDatabase({ sqliteFile: file });
    try {
      expect(analyzed(file)).toEqual(expect.arrayContaining(["organisations_name_idx", "users_org_idx", "recommendations_event_idx"]));
    } finally {
      await database.close();
    }
  });

  it("analyzes a new index after the migration that creates it", async () => {
    const file = await seededFile(false);
    // The database as it was before the follow-up scope index: the migration runs again on a table with rows.
    const raw = new SqliteDatabase(file);
    raw.exec("drop index actions_org_recommendation_idx; delete from sqlite_stat1 where tbl = 'actions'");
    raw.prepare("delete from kysely_migration where name = ?").run("2026-11-29T1000-followup-scope-index");
    raw.close();
    const database = createDatabase({ sqliteFile: file });
    try {
      // Opening analyzed the actions table, but the index is not there yet.
      expect(analyzed(file)).toContain("actions_org_idx");
      expect(analyzed(file)).not.toContain("actions_org_recommendation_idx");
      expect(await migrateToLatest(database.db)).toEqual(["Up 2026-11-29T1000-followup-scope-index: Success"]);
      expect(analyzed(file)).toContain("actions_org_recommendation_idx");
    } finally {
      await database.close();
    }
  });

  it("refreshes them every hour for the tables the connection used", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const file = path.join(dir, `db-${files++}.sqlite`);
    const database = createDatabase({ sqliteFile: file });
    try {
      await migrateToLatest(database.db);
      await seedDemo(database.db);
      await database.db.selectFrom("organisations").select("id").where("country", "=", "QA").execute();
      vi.advanceTimersByTime(59 * 60 * 1000);
      expect(analyzed(file)).not.toContain("organisations_country_idx");
      vi.advanceTimersByTime(60 * 1000);
      expect(analyzed(file)).toContain("organisations_country_idx");
    } finally {
      await database.close();
    }
  });

  it("refreshes them when the connection closes", async () => {
    const file = path.join(dir, `db-${files++}.sqlite`);
    const database = createDatabase({ sqliteFile: file });
    try {
      await migrateToLatest(database.db);
      await seedDemo(database.db);
      await database.db.selectFrom("organisations").select("id").where("country", "=", "QA").execute();
      expect(analyzed(file)).not.toContain("organisations_country_idx");
    } finally {
      await database.close();
    }
    expect(analyzed(file)).toContain("organisations_country_idx");
  });
});

for (const dialect of DIALECTS.filter((d) => d === "postgres")) {
  describe(`planner statistics (${dialect})`, () => {
    it("leave PostgreSQL to autovacuum", async () => {
      const database = await freshDatabase(dialect);
      try {
        expect(() => optimizeStatistics(database.db)).not.toThrow();
        expect(await migrateToLatest(database.db)).not.toEqual([]);
      } finally {
        await database.close();
      }
    });
  });
}
