/**
 * Search quality of the library, on every dialect: a corpus of practices in Arabic,
 * English, both, and Arabic with English terms (search-quality.fixture.ts) is written
 * through the API, then each test query is run as its reader. A query must find its
 * entries and none of the others it names, rank the expected one first, and count (in
 * `total` and every facet) exactly the readable matches. At the end the dialects are
 * compared: SQLite FTS5 and PostgreSQL must find the same entries and put the same one
 * first.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dialect } from "../../db/database.js";
import { buildTestApp, login, LOGINS, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";
import { indexTerms, queryGroups } from "./analyzer.js";
import { DEFAULT_READER, ENTRIES, GCC_GROUP, LOGIN_ORGANISATION, QUERIES, type FixtureEntry, type FixtureQuery, type LoginKey } from "./search-quality.fixture.js";
import { htmlToText } from "./search.text.js";

interface SearchItem {
  id: string;
  type: string;
  title: string;
  snippet: string;
  score: number;
  category: string | null;
  organisation: { id: string; name: string } | null;
  country: string | null;
}
interface FacetValue {
  value: string;
  count: number;
  label?: string;
}
interface SearchAnswer {
  total: number;
  items: SearchItem[];
  facets: Record<"type" | "category" | "organisation" | "country" | "season" | "language", FacetValue[]>;
}

/** What each dialect answered, by query index: the corpus keys in rank order and their scores. */
interface Outcome {
  keys: string[];
  scores: number[];
}
const outcomes = new Map<Dialect, Map<number, Outcome>>();

const readerOf = (q: FixtureQuery): LoginKey => q.as ?? DEFAULT_READER;
const label = (q: FixtureQuery, i: number) => `#${i + 1} "${q.q}" as ${readerOf(q)}: ${q.why}`;
const byKey = new Map(ENTRIES.map((e) => [e.key, e]));

/** The languages an entry has text in (a bilingual entry counts for both in the language facet). */
function languagesOf(e: FixtureEntry): Array<"ar" | "en"> {
  const other = e.language === "ar" ? "en" : "ar";
  const translated = other === "ar" ? e.titleAr || e.bodyAr : e.titleEn || e.bodyEn;
  return translated ? [e.language, other] : [e.language];
}

function payloadOf(e: FixtureEntry) {
  return {
    title: e.title,
    body: e.body,
    language: e.language,
    scope: e.scope,
    category: e.category,
    ...(e.groupCode ? { groupCode: e.groupCode } : {}),
    ...(e.tags ? { tags: e.tags } : {}),
    ...(e.titleAr ? { titleAr: e.titleAr } : {}),
    ...(e.bodyAr ? { bodyAr: e.bodyAr } : {}),
    ...(e.titleEn ? { titleEn: e.titleEn } : {}),
    ...(e.bodyEn ? { bodyEn: e.bodyEn } : {}),
  };
}

// ── The test set itself, and the analyzer alone ─────────────────────────────────

/** The organisations of the GCC group (the only group used here). */
const GCC_ORGANISATIONS = new Set(["hajj-bh", "hajj-kw", "hajj-om", "hajj-qa", "hajj-sa", "hajj-ae"]);

function mayRead(reader: LoginKey, e: FixtureEntry): boolean {
  const organisation = LOGIN_ORGANISATION[reader];
  if (e.scope === "private") return organisation === LOGIN_ORGANISATION[e.by];
  if (e.scope === "group") return e.groupCode === GCC_GROUP && GCC_ORGANISATIONS.has(organisation ?? "");
  return true;
}

/** Whether the analyzer alone lets `q` find `e` (title, text and tags; organisation names are left out, no query uses them). */
function analyzerFinds(q: string, e: FixtureEntry): boolean {
  const texts = [e.title, htmlToText(e.body), e.titleAr, htmlToText(e.bodyAr), e.titleEn, htmlToText(e.bodyEn), ...(e.tags ?? [])];
  const terms = new Set(indexTerms(texts.filter(Boolean).join("\n")).split(" "));
  return queryGroups(q).every((group) => group.some((t) => terms.has(t)));
}

describe("the search-quality test set", () => {
  it("is big enough and well formed", () => {
    expect(ENTRIES.length).toBeGreaterThanOrEqual(25);
    expect(ENTRIES.length).toBeLessThanOrEqual(35);
    expect(QUERIES.length).toBeGreaterThanOrEqual(45);
    expect(new Set(ENTRIES.map((e) => e.key)).size).toBe(ENTRIES.length);
    for (const e of ENTRIES) {
      expect(LOGIN_ORGANISATION[e.by], e.key).toBeDefined();
      if (e.scope === "group") expect(e.groupCode, e.key).toBe(GCC_GROUP);
    }
    for (const q of QUERIES) {
      expect(LOGIN_ORGANISATION[readerOf(q)], q.q).toBeDefined();
      for (const key of [...q.mustFind, ...q.mustNotFind, ...(q.top ? [q.top] : [])]) expect(byKey.has(key), `${q.q}: ${key}`).toBe(true);
      expect(q.mustFind.filter((k) => q.mustNotFind.includes(k)), q.q).toEqual([]);
      if (q.top) expect(q.mustFind, q.q).toContain(q.top);
    }
  });

  it("has Arabic and English queries, and queries as readers of every kind", () => {
    const arabic = QUERIES.filter((q) => /[\u0600-\u06FF]/.test(q.q)).length;
    const english = QUERIES.filter((q) => /^[\x20-\x7e]+$/.test(q.q)).length;
    expect(arabic).toBeGreaterThanOrEqual(20);
    expect(english).toBeGreaterThanOrEqual(10);
    const readers = new Set(QUERIES.map(readerOf));
    for (const reader of ["kuwaitAdmin", "qatarMember", "indonesiaMember", "oicCoordinator"] as const) expect(readers).toContain(reader);
  });

  it.each(QUERIES.map((q, i) => [label(q, i), q] as const))("the analyzer alone agrees with %s", (_name, q) => {
    const reader = readerOf(q);
    for (const key of q.mustFind) {
      expect(mayRead(reader, byKey.get(key)!), `${key} is readable`).toBe(true);
      expect(analyzerFinds(q.q, byKey.get(key)!), `${key} is found`).toBe(true);
    }
    for (const key of q.mustNotFind) {
      const e = byKey.get(key)!;
      expect(mayRead(reader, e) && analyzerFinds(q.q, e), `${key} is not found`).toBe(false);
    }
    if (q.exact) {
      const found = ENTRIES.filter((e) => mayRead(reader, e) && analyzerFinds(q.q, e)).map((e) => e.key);
      expect(found.sort()).toEqual([...q.mustFind].sort());
    }
  });
});

// ── On each dialect ─────────────────────────────────────────────────────────────

for (const dialect of DIALECTS) {
  describe(`library search quality (${dialect})`, () => {
    let t: TestApp;
    const clients = new Map<LoginKey, Client>();
    const idOf = new Map<string, string>();
    const keyOf = new Map<string, string>();
    const results = new Map<number, Outcome>();
    outcomes.set(dialect, results);

    const search = async (reader: LoginKey, query: string): Promise<SearchAnswer> => {
      const r = await clients.get(reader)!.request("GET", `/api/search?${query}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as SearchAnswer;
    };

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      const needed = new Set<LoginKey>([...ENTRIES.map((e) => e.by), ...QUERIES.map(readerOf)]);
      for (const who of needed) clients.set(who, await login(t.app, LOGINS[who]));
      for (const e of ENTRIES) {
        const r = await clients.get(e.by)!.request("POST", "/api/library/entries", payloadOf(e));
        if (r.statusCode !== 201) throw new Error(`creating ${e.key} as ${e.by}: ${r.statusCode} ${r.body}`);
        idOf.set(e.key, r.json().id);
        keyOf.set(r.json().id, e.key);
      }
    });
    afterAll(async () => t?.close());

    it.each(QUERIES.map((q, i) => [label(q, i), q, i] as const))("%s", async (_name, q, i) => {
      const reader = readerOf(q);
      const answer = await search(reader, `q=${encodeURIComponent(q.q)}&type=library&limit=50`);
      expect(answer.items.every((item) => item.type === "library")).toBe(true);
      const keys = answer.items.map((item) => keyOf.get(item.id) ?? `unknown:${item.id}`);
      results.set(i, { keys, scores: answer.items.map((item) => item.score) });

      expect(keys.filter((k) => k.startsWith("unknown:")), "only corpus entries").toEqual([]);
      expect(q.mustFind.filter((k) => !keys.includes(k)), "missing").toEqual([]);
      expect(q.mustNotFind.filter((k) => keys.includes(k)), "found although it must not be").toEqual([]);
      if (q.exact) expect([...keys].sort()).toEqual([...q.mustFind].sort());
      if (q.top) expect(keys[0], `first of ${keys.join(", ")}`).toBe(q.top);
      for (let j = 1; j < answer.items.length; j++) expect(answer.items[j]!.score).toBeLessThanOrEqual(answer.items[j - 1]!.score);

      // Every readable match is on this page, so `total` and the facets are exactly what the items imply.
      const readable = ENTRIES.filter((e) => mayRead(reader, e)).map((e) => e.key);
      expect(keys.filter((k) => !readable.includes(k)), "unreadable entries returned").toEqual([]);
      expect(answer.total).toBe(answer.items.length);
      const counted = (values: Array<string | null | undefined>) => {
        const counts = new Map<string, number>();
        for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
        return Object.fromEntries([...counts].sort());
      };
      const facet = (name: keyof SearchAnswer["facets"]) => Object.fromEntries(answer.facets[name].map((f) => [f.value, f.count]).sort());
      expect(facet("category"), "category facet").toEqual(counted(answer.items.map((item) => item.category)));
      expect(facet("organisation"), "organisation facet").toEqual(counted(answer.items.map((item) => item.organisation?.id)));
      expect(facet("country"), "country facet").toEqual(counted(answer.items.map((item) => item.country)));
      expect(facet("language"), "language facet").toEqual(counted(keys.flatMap((k) => languagesOf(byKey.get(k)!))));
      expect(facet("season"), "season facet").toEqual({});
      // The type facet ignores the type filter (other types may match); the library's count is the total.
      expect(facet("type").library ?? 0, "type facet").toBe(answer.total);
    });

    it("leaves no trace of unreadable entries, with or without the type filter", async () => {
      const hidden: Array<{ q: string; reader: LoginKey; key: string }> = [
        { q: "الغرامات", reader: "qatarAdmin", key: "catering-contracts-private-kw" },
        { q: "dashboard", reader: "qatarMember", key: "technology-dashboard-private-kw" },
        { q: "dashboard", reader: "oicCoordinator", key: "technology-dashboard-private-kw" },
        { q: "budget", reader: "qatarAdmin", key: "other-budget-private-id" },
        { q: "الجمرات", reader: "indonesiaMember", key: "crowd-jamarat-gcc" },
      ];
      for (const { q, reader, key } of hidden) {
        for (const filter of ["", "&type=library", "&category=" + byKey.get(key)!.category]) {
          const answer = await search(reader, `q=${encodeURIComponent(q)}&limit=50${filter}`);
          const context = `${q} as ${reader}${filter}`;
          expect(answer.items.map((item) => item.id), context).not.toContain(idOf.get(key));
          expect(answer.facets.type.find((f) => f.value === "library"), context).toBeUndefined();
          expect(answer.facets.category, context).toEqual([]);
          expect(JSON.stringify(answer), context).not.toContain(byKey.get(key)!.title);
        }
      }
    });

    it("counts a GCC entry for Qatar and not for Indonesia, in total and in every facet", async () => {
      const qatar = await search("qatarMember", `q=${encodeURIComponent("qr")}&type=library&limit=50`);
      const indonesia = await search("indonesiaMember", `q=${encodeURIComponent("qr")}&type=library&limit=50`);
      expect(qatar.total).toBe(indonesia.total + 1);
      const qatarOrg = qatar.items.find((item) => item.id === idOf.get("technology-wristbands-gcc"))!.organisation!.id;
      const count = (a: SearchAnswer, name: keyof SearchAnswer["facets"], value: string) => a.facets[name].find((f) => f.value === value)?.count ?? 0;
      expect(count(qatar, "organisation", qatarOrg)).toBe(count(indonesia, "organisation", qatarOrg) + 1);
      expect(count(qatar, "category", "technology")).toBe(count(indonesia, "category", "technology") + 1);
      expect(count(qatar, "country", "QA")).toBe(count(indonesia, "country", "QA") + 1);
      expect(count(qatar, "language", "en")).toBe(count(indonesia, "language", "en") + 1);
      // Filtering on the GCC entry's category or organisation shows Indonesia nothing of it.
      const filtered = await search("indonesiaMember", `q=qr&type=library&category=technology&organisation=${qatarOrg}`);
      expect(filtered.total).toBe(0);
      expect(filtered.items).toEqual([]);
    });

    it("marks the query's words in the snippet as they are written", async () => {
      const snippetOf = async (q: string, key: string) => {
        const answer = await search(DEFAULT_READER, `q=${encodeURIComponent(q)}&type=library&limit=50`);
        const item = answer.items.find((i) => i.id === idOf.get(key));
        expect(item, `${q} finds ${key}`).toBeDefined();
        return item!.snippet;
      };
      expect(await snippetOf("الاسعافات الاولية", "health-heatstroke")).toContain("<mark>الإسعافات</mark> <mark>الأولية</mark>");
      expect(await snippetOf("حافلة", "transport-mashaer-buses")).toContain("<mark>وبالحافلاتِ</mark>");
      expect(await snippetOf("مكة", "transport-mashaer-buses")).toContain("<mark>بمكة</mark>");
      expect(await snippetOf("nusuk", "technology-nusuk-card")).toContain("<mark>Nusuk</mark>");
      expect(await snippetOf("trainings", "training-staff-en")).toContain("<mark>trained</mark>");
      const escaped = await snippetOf("drivers", "transport-arafat-buses-en");
      expect(escaped).toContain("&amp;");
      expect(escaped).not.toMatch(/<(?!\/?mark>)/);
    });
  });
}

// ── The dialects agree ──────────────────────────────────────────────────────────

describe("SQLite and PostgreSQL agree on the test queries", () => {
  // Without PostgreSQL (see test/dialects.ts, which warns loudly and fails under CI) there is nothing to compare.
  const compare = DIALECTS.length > 1 ? it : it.skip;

  /** The keys sharing the first place (equal scores: the order among them is by date, which may tie). */
  const firstPlace = (o: Outcome) => o.keys.filter((_, j) => o.scores[j] === o.scores[0]);

  compare.each(QUERIES.map((q, i) => [label(q, i), i] as const))("%s", (_name, i) => {
    const [a, b] = DIALECTS.map((d) => outcomes.get(d)?.get(i));
    expect(a, "answered on the first dialect").toBeDefined();
    expect(b, "answered on the second dialect").toBeDefined();
    expect([...b!.keys].sort(), "the same entries").toEqual([...a!.keys].sort());
    if (a!.keys.length === 0 || QUERIES[i]!.unranked) return;
    expect(firstPlace(b!), `first on ${DIALECTS[0]}: ${a!.keys[0]}`).toContain(a!.keys[0]);
    expect(firstPlace(a!), `first on ${DIALECTS[1]}: ${b!.keys[0]}`).toContain(b!.keys[0]);
  });
});
