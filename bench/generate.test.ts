import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.RIFADA_FAST_HASH = "1";
});

import { POSITIONS, VISIBILITIES } from "../common/roles.js";
import { createDatabase, type Database } from "../server/src/db/database.js";
import { migrateToLatest } from "../server/src/db/migrate.js";
import { seedDemo } from "../server/src/db/seed/seed.js";
import { peopleRepository } from "../server/src/modules/directory/people.repository.js";
import { buildSearchText } from "../server/src/modules/directory/search.js";
import { generateDirectory } from "./generate.js";

interface PersonRow {
  id: string; organisation_id: string; name_ar: string; name_en: string; position: string; title_ar: string; title_en: string;
  email: string | null; preferred_language: string; visibility: string; share_group_id: string | null; search_text: string; created_at: string;
}

describe("bench data generator", () => {
  let database: Database;
  let before: { people: Set<string>; organisations: number };
  let result: ReturnType<typeof generateDirectory>;

  beforeAll(async () => {
    database = createDatabase({ sqliteFile: ":memory:" });
    await migrateToLatest(database.db);
    await seedDemo(database.db);
    const raw = database.sqlite!;
    before = {
      people: new Set((raw.prepare("select id from people").all() as Array<{ id: string }>).map((r) => r.id)),
      organisations: (raw.prepare("select count(*) n from organisations").get() as { n: number }).n,
    };
    result = generateDirectory(raw, { people: 200, organisations: 10, seed: 7 });
  });
  afterAll(async () => database?.close());

  it("adds exactly the requested number of people and organisations", () => {
    const raw = database.sqlite!;
    expect(result).toMatchObject({ people: 200, organisations: 10 });
    expect((raw.prepare("select count(*) n from people").get() as { n: number }).n).toBe(before.people.size + 200);
    expect((raw.prepare("select count(*) n from organisations").get() as { n: number }).n).toBe(before.organisations + 10);
    // Every new provider joins the service-providers group, so "group" visibility has a group to share with.
    const members = raw.prepare("select count(*) n from group_members gm join groups g on g.id = gm.group_id join organisations o on o.id = gm.organisation_id where g.code = 'service-providers' and o.code like 'sp-g%'").get() as { n: number };
    expect(members.n).toBe(10);
  });

  it("writes valid rows, with the search text the app would store", () => {
    const raw = database.sqlite!;
    const orgs = new Map((raw.prepare("select id, code, name_ar, name_en from organisations").all() as Array<{ id: string; code: string; name_ar: string; name_en: string }>).map((o) => [o.id, o]));
    const groupsOf = (orgId: string) => new Set((raw.prepare("select group_id from group_members where organisation_id = ?").all(orgId) as Array<{ group_id: string }>).map((r) => r.group_id));
    const rows = (raw.prepare("select * from people").all() as PersonRow[]).filter((p) => !before.people.has(p.id));
    expect(rows).toHaveLength(200);
    expect(new Set(rows.map((p) => p.id)).size).toBe(200);
    for (const p of rows) {
      const org = orgs.get(p.organisation_id);
      expect(org, p.id).toBeDefined();
      expect(POSITIONS).toContain(p.position);
      expect(VISIBILITIES).toContain(p.visibility);
      expect(["ar", "en"]).toContain(p.preferred_language);
      expect(p.name_ar).toMatch(/^[\u0600-\u06FF ]+$/);
      expect(p.name_en).toMatch(/^[\p{Script=Latin} '-]+$/u);
      expect(p.title_ar).toMatch(/[\u0600-\u06FF]/);
      expect(p.title_en).not.toContain("{d}");
      if (p.email) expect(p.email).toMatch(new RegExp(`^[a-z]+\\.[a-z]+\\d+@${org!.code}\\.rifada\\.test$`));
      if (p.visibility === "group") expect(groupsOf(p.organisation_id).has(p.share_group_id!), p.id).toBe(true);
      else expect(p.share_group_id).toBeNull();
      expect(Number.isNaN(Date.parse(p.created_at))).toBe(false);
      expect(p.search_text).toBe(buildSearchText(p.name_ar, p.name_en, p.title_ar, p.title_en, p.email, org!.code, org!.name_ar, org!.name_en));
    }
    // A realistic mix of visibilities.
    const kinds = new Set(rows.map((p) => p.visibility));
    expect(kinds.size).toBe(4);
  });

  it("generates people the app's own search finds", async () => {
    const raw = database.sqlite!;
    const person = raw.prepare("select p.id, p.name_ar from people p join organisations o on o.id = p.organisation_id where o.code like 'sp-g%' and p.visibility = 'public' and p.archived_at is null limit 1").get() as { id: string; name_ar: string };
    expect(person).toBeDefined();
    const found = await peopleRepository(database.db).search(null, { q: person.name_ar, page: 1, pageSize: 100, sort: "name_ar" });
    expect(found.items.map((i) => i.id)).toContain(person.id);
  });
});
