import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase } from "./database.js";
import { migrateDownAll, migrateToLatest } from "./migrate.js";
import { seedDemo } from "./seed/seed.js";
import { seedDemoEvents } from "./seed/events-seed.js";
import { DIALECTS, freshDatabase } from "../test/dialects.js";
import { backupSqlite } from "./backup.js";

const require = createRequire(import.meta.url);

for (const dialect of DIALECTS) {
  describe(`migrations and seed (${dialect})`, () => {
    it("runs up → down → up cleanly", async () => {
      const database = await freshDatabase(dialect);
      try {
        const applied = await migrateToLatest(database.db);
        expect(applied[0]).toBe("Up 2026-11-23T1800-foundation: Success");
        expect(applied.every((line) => line.endsWith(": Success"))).toBe(true);
        expect(await migrateToLatest(database.db)).toEqual([]);
        await migrateDownAll(database.db);
        await migrateToLatest(database.db);
        await seedDemo(database.db);
        const orgs = await database.db.selectFrom("organisations").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
        expect(Number(orgs.n)).toBe(67);
      } finally {
        await database.close();
      }
    });

    it("loads the demo events of both situations once", async () => {
      const database = await freshDatabase(dialect);
      try {
        await migrateToLatest(database.db);
        await seedDemo(database.db);
        expect(await seedDemoEvents(database.db)).toBe(false);
        const events = await database.db.selectFrom("events").select(["id", "titleEn", "startsAt", "registration"]).orderBy("startsAt").execute();
        expect(events.map((e) => e.titleEn)).toEqual([
          "The Minister's meeting with member-state representatives",
          "Asas workshop",
          "Terhab workshop",
          "Annual meeting of the heads of the GCC Hajj-affairs offices",
          // Added by the follow-up demo: the next edition, whose open items come from the 1446 meeting.
          "Annual meeting of the heads of the GCC Hajj-affairs offices (1447)",
        ]);
        const gcc = events[3];
        expect(gcc.startsAt).toBe("2025-06-02T17:00:00.000Z");
        const invited = await database.db.selectFrom("eventInvitations").select((eb) => eb.fn.countAll<number>().as("n")).where("eventId", "=", gcc.id).executeTakeFirstOrThrow();
        expect(Number(invited.n)).toBe(5);
        const leader = await database.db
          .selectFrom("delegationMembers")
          .innerJoin("people", "people.id", "delegationMembers.personId")
          .select(["people.position"])
          .where("delegationMembers.eventId", "=", gcc.id)
          .where("delegationMembers.isLeader", "=", 1)
          .executeTakeFirstOrThrow();
        expect(leader.position).toBe("deputy_head");
        const asasInvites = await database.db.selectFrom("eventInvitations").select((eb) => eb.fn.countAll<number>().as("n")).where("eventId", "=", events[1].id).executeTakeFirstOrThrow();
        expect(Number(asasInvites.n)).toBe(57);
      } finally {
        await database.close();
      }
    });

    it("loads demo data once and never overwrites a user's changes", async () => {
      const database = await freshDatabase(dialect);
      try {
        await migrateToLatest(database.db);
        expect((await seedDemo(database.db)).seeded).toBe(true);
        await database.db.updateTable("organisations").set({ nameEn: "Edited by a user" }).where("code", "=", "hajj-kw").execute();
        await database.db.deleteFrom("groupMembers").where("groupId", "in", database.db.selectFrom("groups").select("id").where("code", "=", "service-providers")).execute();
        expect((await seedDemo(database.db)).seeded).toBe(false);
        const kw = await database.db.selectFrom("organisations").select("nameEn").where("code", "=", "hajj-kw").executeTakeFirstOrThrow();
        expect(kw.nameEn).toBe("Edited by a user");
        const users = await database.db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
        expect(Number(users.n)).toBe(8);
      } finally {
        await database.close();
      }
    });
  });
}

describe("SQLite under concurrent writers", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rifada-sqlite-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("never fails a write transaction with SQLITE_BUSY while another process writes", async () => {
    const file = path.join(dir, "busy.sqlite");
    const app = createDatabase({ sqliteFile: file });
    try {
      await migrateToLatest(app.db);
      await app.db.insertInto("meta").values([{ key: "counter", value: "0" }, { key: "other", value: "0" }]).execute();
      expect(app.sqlite!.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(app.sqlite!.pragma("foreign_keys", { simple: true })).toBe(1);
      // Another writer on its own connection and thread (as a second app process or the CLI would be).
      const other = new Worker(
        `const { parentPort, workerData } = require("node:worker_threads");
         const Database = require(workerData.module);
         const db = new Database(workerData.file);
         db.pragma("busy_timeout = 10000");
         const bump = db.prepare("update meta set value = cast(value as integer) + 1 where key = 'other'");
         let n = 0; const until = Date.now() + 1500;
         while (Date.now() < until) { db.exec("begin immediate"); bump.run(); db.exec("commit"); n++; }
         db.close(); parentPort.postMessage(n);`,
        { eval: true, workerData: { file, module: require.resolve("better-sqlite3") } },
      );
      const otherDone = new Promise<number>((resolve, reject) => { other.once("message", resolve); other.once("error", reject); });
      // Each transaction reads, then writes. With a deferred BEGIN, a read snapshot taken before the
      // other writer commits cannot be upgraded to a write: SQLITE_BUSY at once, whatever busy_timeout says.
      const work = () =>
        app.db.transaction().execute(async (tx) => {
          const row = await tx.selectFrom("meta").select("value").where("key", "=", "counter").executeTakeFirstOrThrow();
          await new Promise((r) => setTimeout(r, 2));
          await tx.updateTable("meta").set({ value: String(Number(row.value) + 1) }).where("key", "=", "counter").execute();
        });
      const results = await Promise.allSettled(Array.from({ length: 200 }, work));
      const otherWrites = await otherDone;
      const failures = results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason));
      expect(failures).toEqual([]);
      const rows = await app.db.selectFrom("meta").select(["key", "value"]).orderBy("key").execute();
      expect(rows).toEqual([{ key: "counter", value: "200" }, { key: "other", value: String(otherWrites) }]);
      expect(otherWrites).toBeGreaterThan(0);
      expect(app.sqlite!.pragma("integrity_check", { simple: true })).toBe("ok");
    } finally {
      await app.close();
    }
  });

  it("backs up a live database with the online backup API", async () => {
    const file = path.join(dir, "live.sqlite");
    const live = createDatabase({ sqliteFile: file });
    await migrateToLatest(live.db);
    await seedDemo(live.db);
    const target = path.join(dir, "copy.sqlite");
    expect(await backupSqlite(live.sqlite!, target)).toBeGreaterThan(10);
    await live.close();
    const copy = createDatabase({ sqliteFile: target });
    const orgs = await copy.db.selectFrom("organisations").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(orgs.n)).toBe(67);
    await copy.close();
  });
});
