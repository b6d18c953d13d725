/**
 * The one search box over events, organisations and people (the library has its own
 * quality test set): the same readers as each type's own pages, drafts for their
 * organisers only, facets that never count what the caller may not read, an index that
 * follows every write, and a rebuild that gives the same answers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, login, LOGINS, orgId, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";
import { ensureSearchIndex, invalidateSearchIndex, rebuildSearchIndex } from "./search.indexer.js";
import { countFacets } from "./search.service.js";

const event = (seasonId: string, titleAr: string, titleEn: string, extra: Record<string, unknown> = {}) => ({
  seasonId, kind: "workshop", mode: "virtual", titleAr, titleEn, startsLocal: "2026-05-10T10:00", endsLocal: "2026-05-10T12:00",
  registration: "invitation", visibility: "members", ...extra,
});

for (const dialect of DIALECTS) {
  describe(`search across events, organisations and people (${dialect})`, () => {
    let t: TestApp;
    let kuwait: Client;
    let qatar: Client;
    let indonesia: Client;
    let oic: Client;
    let seasonId: string;
    let gccGroupId: string;
    const ids: Record<string, string> = {};

    const search = async (c: Client | null, query: string) => {
      const url = `/api/search?${query}`;
      const r = c ? await c.request("GET", url) : await t.app.inject({ method: "GET", url });
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { total: number; items: Array<{ id: string; type: string; title: string; snippet: string; score: number }>; facets: Record<string, Array<{ value: string; count: number; label?: string }>> };
    };
    const found = async (c: Client | null, q: string, extra = "") => (await search(c, `q=${encodeURIComponent(q)}${extra}`)).items.map((i) => i.id);

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      kuwait = await login(t.app, LOGINS.kuwaitAdmin);
      qatar = await login(t.app, LOGINS.qatarMember);
      indonesia = await login(t.app, LOGINS.indonesiaMember);
      oic = await login(t.app, LOGINS.oicCoordinator);
      seasonId = (await oic.request("POST", "/api/seasons", { hijriYear: 1447 })).json().id;
      gccGroupId = (await t.database.db.selectFrom("groups").select("id").where("code", "=", "gcc-hajj-offices").executeTakeFirstOrThrow()).id;
      const create = async (c: Client, key: string, body: Record<string, unknown>) => {
        const r = await c.request("POST", "/api/events", body);
        expect(r.statusCode, r.body).toBe(201);
        ids[key] = r.json().id;
      };
      await create(kuwait, "draft", event(seasonId, "ورشة مسودة عن تفويج الحجاج", "Draft workshop on pilgrim grouping", { status: "draft" }));
      await create(kuwait, "gcc", event(seasonId, "لقاء تنسيقي لمكاتب الخليج حول النقل بالحافلات", "GCC coordination on bus transport", { visibility: "group", shareGroupId: gccGroupId }));
      await create(kuwait, "invited", event(seasonId, "اجتماع ثنائي خاص بالإسكان في منى", "Bilateral meeting on housing in Mina", { visibility: "private" }));
      await kuwait.request("POST", `/api/events/${ids.invited}/invitations`, { organisationIds: [await orgId(t, "hajj-qa")] });
      await create(oic, "public", event(seasonId, "ورشة عامة للتوعية بالإجهاد الحراري", "Public workshop on heat stress awareness", { visibility: "public", descriptionEn: "Hydration and shade for elderly pilgrims." }));
    });
    afterAll(async () => t?.close());

    it("finds a draft only for its organisers", async () => {
      expect(await found(kuwait, "تفويج")).toContain(ids.draft);
      expect(await found(qatar, "تفويج")).not.toContain(ids.draft);
      // Coordinators may edit every event, so they see drafts as the events list shows them.
      expect(await found(oic, "pilgrim grouping")).toContain(ids.draft);
      const qatarView = await search(qatar, "q=draft");
      expect(qatarView.total).toBe(0);
      expect(qatarView.facets.type).toEqual([]);
    });

    it("finds a group-shared event for the group's members only, and counts it only for them", async () => {
      // "بالحافلات" with the prefix and plural: stored as "الحافلات".
      expect(await found(qatar, "حافلات")).toContain(ids.gcc);
      expect(await found(qatar, "وبالحافلات")).toContain(ids.gcc);
      const forIndonesia = await search(indonesia, "q=bus");
      expect(forIndonesia.items.map((i) => i.id)).not.toContain(ids.gcc);
      expect(forIndonesia.total).toBe(forIndonesia.items.length);
      expect(forIndonesia.facets.type.find((f) => f.value === "event")).toBeUndefined();
    });

    it("finds a private event for the organisations invited to it", async () => {
      expect(await found(qatar, "housing Mina")).toContain(ids.invited);
      expect(await found(indonesia, "housing Mina")).not.toContain(ids.invited);
      expect(await found(null, "housing Mina")).not.toContain(ids.invited);
    });

    it("gives anonymous callers public records only", async () => {
      expect(await found(null, "heat stress")).toContain(ids.public);
      expect(await found(null, "hydration elderly")).toContain(ids.public);
      const anonymous = await search(null, "q=hajj&limit=50");
      for (const item of anonymous.items) expect(["event", "organisation", "person"]).toContain(item.type);
      const viaDirectory = await t.app.inject({ method: "GET", url: "/api/people?pageSize=100" });
      const publicPeople = new Set((viaDirectory.json().items as Array<{ id: string }>).map((p) => p.id));
      for (const item of anonymous.items.filter((i) => i.type === "person")) expect(publicPeople.has(item.id), item.title).toBe(true);
    });

    it("answers an API token like the session of its user", async () => {
      const created = await qatar.request("POST", "/api/me/tokens", { name: "search script" });
      const token = created.json().token as string;
      const r = await t.app.inject({ method: "GET", url: "/api/search?q=housing%20Mina", headers: { authorization: `Bearer ${token}` } });
      expect(r.statusCode).toBe(200);
      expect(r.json().items.map((i: { id: string }) => i.id)).toContain(ids.invited);
    });

    it("follows edits: the new title is found, the old one no longer", async () => {
      const r = await kuwait.request("PATCH", `/api/events/${ids.gcc}`, { titleEn: "GCC coordination on train transport" });
      expect(r.statusCode, r.body).toBe(200);
      expect(await found(qatar, "train")).toContain(ids.gcc);
      expect(await found(qatar, "bus coordination")).not.toContain(ids.gcc);
      // A draft published becomes visible to those it is shared with.
      await kuwait.request("PATCH", `/api/events/${ids.draft}`, { status: "published" });
      expect(await found(qatar, "تفويج")).toContain(ids.draft);
    });

    it("finds people and organisations in either script, with highlighted snippets", async () => {
      const result = await search(qatar, `q=${encodeURIComponent("الكويتية")}`);
      const organisation = result.items.find((i) => i.type === "organisation");
      expect(organisation?.title).toBe("بعثة الحج الكويتية");
      const person = result.items.find((i) => i.type === "person");
      expect(person?.snippet).toContain("<mark>الكويتية</mark>");
      const english = await search(qatar, "q=Kuwait");
      expect(english.items[0]).toMatchObject({ type: "organisation" });
    });

    it("keeps an archived person out", async () => {
      const person = (await kuwait.request("POST", "/api/people", { organisationId: await orgId(t, "hajj-kw"), nameAr: "سلمان فيصل العنزي", nameEn: "Salman Faisal Alanazi", position: "staff", preferredLanguage: "ar", visibility: "members" })).json();
      expect(await found(qatar, "Alanazi")).toContain(person.id);
      await kuwait.request("POST", `/api/people/${person.id}/archive`);
      expect(await found(qatar, "Alanazi")).not.toContain(person.id);
    });

    it("filters by facets, each facet still showing its alternatives", async () => {
      const all = await search(qatar, "q=hajj&limit=50");
      // Events match through their host's name ("Kuwaiti Hajj Mission").
      expect(all.facets.type.map((f) => f.value).sort()).toEqual(["event", "organisation", "person"]);
      const people = await search(qatar, "q=hajj&type=person&limit=50");
      expect(people.items.every((i) => i.type === "person")).toBe(true);
      expect(people.total).toBe(all.facets.type.find((f) => f.value === "person")!.count);
      // The type facet ignores its own filter, so "organisation" is still offered.
      expect(people.facets.type.map((f) => f.value).sort()).toEqual(["event", "organisation", "person"]);
      const kw = all.facets.country.find((f) => f.value === "KW")!;
      expect(kw.label).toBe("دولة الكويت");
      const kuwaitOnly = await search(qatar, "q=hajj&country=KW&limit=50");
      expect(kuwaitOnly.total).toBe(kw.count);
    });

    it("pages through results without repeating any", async () => {
      const first = await search(qatar, "q=hajj&limit=5");
      const second = await search(qatar, "q=hajj&limit=5&offset=5");
      expect(first.total).toBeGreaterThan(10);
      expect(second.total).toBe(first.total);
      const overlap = first.items.filter((i) => second.items.some((j) => j.id === i.id));
      expect(overlap).toEqual([]);
    });

    it("refuses a query without a word, naming the field in the user's language", async () => {
      const r = await qatar.request("GET", "/api/search?q=%20...%20");
      expect(r.statusCode).toBe(400);
      expect(r.json().fields[0]).toMatchObject({ field: "q" });
      expect(r.json().fields[0].message).toContain("البحث");
      const tooMany = await qatar.request("GET", "/api/search?q=hajj&limit=500");
      expect(tooMany.statusCode).toBe(400);
    });

    it("rebuilds the index to the same answers", async () => {
      const queries = ["hajj", "الكويتية", "housing Mina", "وبالحافلات", "heat stress"];
      const before = await Promise.all(queries.map((q) => search(qatar, `q=${encodeURIComponent(q)}&limit=50`)));
      const count = await rebuildSearchIndex(t.database.db);
      expect(count).toBeGreaterThan(80);
      const after = await Promise.all(queries.map((q) => search(qatar, `q=${encodeURIComponent(q)}&limit=50`)));
      expect(after.map((r) => r.items.map((i) => i.id).sort())).toEqual(before.map((r) => r.items.map((i) => i.id).sort()));
    });

    it("rebuilds once when several nodes start together after the analyzer changed", async () => {
      const db = t.database.db;
      const documents = async () => Number((await db.selectFrom("searchDocuments").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
      const expected = await documents();
      await invalidateSearchIndex(db);
      const results = await Promise.all([ensureSearchIndex(db), ensureSearchIndex(db), ensureSearchIndex(db)]);
      expect(results.filter((r) => r !== null)).toEqual([expected]);
      expect(await documents()).toBe(expected);
      expect(await ensureSearchIndex(db)).toBeNull();
    });
  });
}

describe("facet counting", () => {
  const combo = (docType: "library" | "event", category: string | null, country: string, languages: string, n: number) => ({ docType, category, organisationId: null, country, seasonId: null, languages, n });
  const combinations = [combo("library", "health", "KW", "ar", 3), combo("library", "transport", "QA", "ar en", 2), combo("event", null, "KW", "ar en", 4)];

  it("counts every facet over all matches without filters", () => {
    const { total, facets } = countFacets(combinations, {});
    expect(total).toBe(9);
    expect(Object.fromEntries(facets.type)).toEqual({ library: 5, event: 4 });
    expect(Object.fromEntries(facets.language)).toEqual({ ar: 9, en: 6 });
  });

  it("applies the other facets' filters to a facet, not its own", () => {
    const { total, facets } = countFacets(combinations, { country: "KW", type: "library" });
    expect(total).toBe(3);
    expect(Object.fromEntries(facets.type)).toEqual({ library: 3, event: 4 });
    expect(Object.fromEntries(facets.country)).toEqual({ KW: 3, QA: 2 });
    expect(Object.fromEntries(facets.category)).toEqual({ health: 3 });
  });
});
