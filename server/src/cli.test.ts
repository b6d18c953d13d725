import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli } from "./cli.js";
import { createDatabase } from "./db/database.js";

describe("admin CLI (SQLite)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rifada-cli-"));
  const lines: string[] = [];
  const out = (line: string) => lines.push(line);
  let previous: string | undefined;

  beforeAll(() => {
    previous = process.env.DATA_DIR;
    process.env.DATA_DIR = dir;
    vi.spyOn(console, "error").mockImplementation(() => undefined);
  });
  afterAll(() => {
    process.env.DATA_DIR = previous;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("seeds once, creates a user, prints a working API token and a reset link, and backs up", async () => {
    expect(await runCli(["seed"], out)).toBe(0);
    expect(await runCli(["seed"], out)).toBe(0);
    expect(lines).toContain("demo data was already loaded; nothing changed");
    expect(await runCli(["create-user", "--email", "Deputy@Hajj-BH.rifada.test", "--name", "نائب رئيس البعثة", "--role", "org_admin", "--org", "hajj-bh", "--password", "long-enough-password"], out)).toBe(0);
    expect(await runCli(["api-token", "--email", "deputy@hajj-bh.rifada.test"], out)).toBe(0);
    expect(lines.at(-1)).toMatch(/^rfd_[A-Za-z0-9_-]{40,}$/);
    expect(await runCli(["reset-password", "--email", "deputy@hajj-bh.rifada.test"], out)).toBe(0);
    expect(lines.at(-1)).toMatch(/\/reset\/[A-Za-z0-9_-]+$/);
    const target = path.join(dir, "backup", "copy.sqlite");
    expect(await runCli(["backup", "--to", target], out)).toBe(0);
    const copy = createDatabase({ sqliteFile: target });
    const user = await copy.db.selectFrom("users").select(["role", "name"]).where("email", "=", "deputy@hajj-bh.rifada.test").executeTakeFirstOrThrow();
    expect(user).toEqual({ role: "org_admin", name: "نائب رئيس البعثة" });
    await copy.close();
  });

  it("rebuilds the search index", async () => {
    expect(await runCli(["reindex"], out)).toBe(0);
    const [, count] = lines.at(-1)!.match(/^indexed (\d+) records in [\d.]+ s$/) ?? [];
    const database = createDatabase({ sqliteFile: path.join(dir, "rifada.sqlite") });
    const live = async (table: "organisations" | "people" | "events" | "libraryEntries") =>
      Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).where("archivedAt", "is", null).executeTakeFirstOrThrow()).n);
    const recommendations = Number((await database.db.selectFrom("recommendations").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    expect(recommendations).toBeGreaterThan(0);
    const expected = (await live("organisations")) + (await live("people")) + (await live("events")) + (await live("libraryEntries")) + recommendations;
    const documents = Number((await database.db.selectFrom("searchDocuments").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    await database.close();
    expect(Number(count)).toBe(expected);
    expect(documents).toBe(expected);
  });

  it("exits 2 with usage on bad arguments, and 1 on failures", async () => {
    expect(await runCli([], out)).toBe(2);
    expect(await runCli(["create-user", "--email", "x@y.test"], out)).toBe(2);
    expect(await runCli(["create-user", "--email", "x@y.test", "--name", "X", "--role", "king", "--org", "hajj-bh"], out)).toBe(2);
    expect(await runCli(["create-user", "--email", "x@y.test", "--name", "X", "--role", "member", "--org", "no-such-org"], out)).toBe(2);
    expect(await runCli(["api-token", "--bogus"], out)).toBe(2);
    expect(await runCli(["frobnicate"], out)).toBe(2);
    expect(await runCli(["api-token", "--email", "nobody@rifada.test"], out)).toBe(1);
    expect(await runCli(["create-user", "--email", "deputy@hajj-bh.rifada.test", "--name", "X", "--role", "member", "--org", "hajj-bh"], out)).toBe(1);
  });
});
