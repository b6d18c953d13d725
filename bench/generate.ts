/**
 * Benchmark data: adds generated service providers and people to a migrated,
 * demo-seeded SQLite database, fast (one transaction, prepared statements),
 * with the same `search_text` the app would store (buildSearchText).
 */
import type SqliteDatabase from "better-sqlite3";
import type { Position, Visibility } from "../common/roles.js";
import { buildSearchText } from "../server/src/modules/directory/search.js";
import { BRANDS, CITIES, CULTURE_OF_COUNTRY, CULTURES, DEPARTMENTS, FORMS, SERVICES, TITLES, type Culture, type Pair } from "./words.js";

export interface GenerateOptions {
  /** People to add. */
  people: number;
  /** Organisations (service providers / agencies) to add; default people / 20. */
  organisations?: number;
  /** PRNG seed: the same seed gives the same data. */
  seed?: number;
}

export interface GenerateResult {
  people: number;
  organisations: number;
  ms: number;
}

/** Deterministic PRNG (mulberry32), so runs are comparable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
export const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)];

/** A value chosen by weight: [[value, weight], …]. */
export function weighted<T>(r: Rand, choices: ReadonlyArray<readonly [T, number]>): T {
  const total = choices.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [value, w] of choices) {
    x -= w;
    if (x < 0) return value;
  }
  return choices[choices.length - 1][0];
}

/** A UUID-shaped id from the PRNG (v4 layout), so ids are reproducible too. */
export function uuid(r: Rand): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(r() * 16).toString(16));
  hex[12] = "4";
  hex[16] = "89ab"[Math.floor(r() * 4)];
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const ascii = (s: string) => s.normalize("NFKD").toLowerCase().replace(/ı/g, "i").replace(/[^a-z]/g, "");

export const PERSON_VISIBILITY: ReadonlyArray<readonly [Visibility, number]> = [["private", 25], ["group", 15], ["members", 45], ["public", 15]];
export const ORGANISATION_VISIBILITY: ReadonlyArray<readonly [Visibility, number]> = [["private", 5], ["group", 10], ["members", 60], ["public", 25]];
const POSITION_WEIGHTS: ReadonlyArray<readonly [Position, number]> = [["head", 3], ["deputy_head", 4], ["official", 28], ["staff", 50], ["trainer", 8], ["other", 7]];
/** A record shared with "a group" goes to the narrowest group its organisation is in (as the demo seed does). */
const SHARE_ORDER = ["gcc-hajj-offices", "oic-institutions", "service-providers", "oic-members"];

interface OrgInfo {
  id: string;
  code: string;
  nameAr: string;
  nameEn: string;
  country: string | null;
  culture: Culture;
  /** The group a "group" record of this organisation is shared with (null: none). */
  shareGroup: string | null;
}

export function title(r: Rand, position: Position): { titleAr: string; titleEn: string } {
  const [ar, en] = pick(r, TITLES[position]);
  const [dAr, dEn] = pick(r, DEPARTMENTS);
  return { titleAr: ar.replace("{d}", dAr), titleEn: en.replace("{d}", dEn) };
}

export function personName(r: Rand, culture: Culture): { nameAr: string; nameEn: string; first: string; last: string } {
  const female = r() < 0.3;
  const first = pick(r, female ? culture.female : culture.male);
  const family = pick(r, culture.family);
  const parts: Pair[] = [first];
  if (culture.fathers && r() < 0.8) parts.push(pick(r, culture.fathers));
  parts.push(family);
  return { nameAr: parts.map((p) => p[0]).join(" "), nameEn: parts.map((p) => p[1]).join(" "), first: ascii(first[1]), last: ascii(family[1]) };
}

/**
 * Add `options.organisations` service providers and `options.people` people to the
 * directory of `raw` (migrated and demo-seeded), in one transaction.
 */
export function generateDirectory(raw: SqliteDatabase.Database, options: GenerateOptions): GenerateResult {
  const started = performance.now();
  const r = rng(options.seed ?? 1446);
  const peopleCount = Math.max(0, Math.floor(options.people));
  const orgCount = Math.max(0, Math.floor(options.organisations ?? Math.round(peopleCount / 20)));

  const countries = new Map(
    (raw.prepare("select code, name_ar as nameAr, name_en as nameEn, oic_status as status from countries").all() as Array<{ code: string; nameAr: string; nameEn: string; status: string }>).map((c) => [c.code, c]),
  );
  const memberStates = [...countries.values()].filter((c) => c.status === "member" && c.code !== "SA");
  const groups = new Map((raw.prepare("select id, code from groups where archived_at is null").all() as Array<{ id: string; code: string }>).map((g) => [g.code, g.id]));
  const membership = new Map<string, Set<string>>();
  for (const m of raw.prepare("select g.code, gm.organisation_id as org from group_members gm join groups g on g.id = gm.group_id").all() as Array<{ code: string; org: string }>) {
    if (!membership.has(m.org)) membership.set(m.org, new Set());
    membership.get(m.org)!.add(m.code);
  }
  const shareGroupOf = (orgId: string): string | null => {
    const codes = membership.get(orgId);
    const code = codes ? SHARE_ORDER.find((c) => codes.has(c)) : undefined;
    return code ? (groups.get(code) ?? null) : null;
  };
  const cultureOf = (country: string | null): Culture => CULTURES[(country && CULTURE_OF_COUNTRY[country]) || "arab"];

  const seeded: OrgInfo[] = (raw.prepare("select id, code, name_ar as nameAr, name_en as nameEn, country from organisations where archived_at is null").all() as Array<Omit<OrgInfo, "culture" | "shareGroup">>)
    .map((o) => ({ ...o, culture: cultureOf(o.country), shareGroup: shareGroupOf(o.id) }));
  if (seeded.length === 0) throw new Error("generateDirectory: seed the demo directory first (no organisations)");

  const insertOrg = raw.prepare(`insert into organisations
    (id, code, kind, name_ar, name_en, country, city_ar, city_en, email, phone, website, address_ar, address_en, visibility, share_group_id, search_text, archived_at, created_at, updated_at)
    values (@id, @code, 'service_provider', @nameAr, @nameEn, @country, @cityAr, @cityEn, @email, @phone, null, null, null, @visibility, @shareGroupId, @searchText, null, @createdAt, @createdAt)`);
  const insertMember = raw.prepare("insert into group_members (group_id, organisation_id) values (?, ?)");
  const insertPerson = raw.prepare(`insert into people
    (id, organisation_id, name_ar, name_en, position, title_ar, title_en, email, phone, preferred_language, visibility, share_group_id, search_text, archived_at, created_at, updated_at)
    values (@id, @organisationId, @nameAr, @nameEn, @position, @titleAr, @titleEn, @email, @phone, @preferredLanguage, @visibility, @shareGroupId, @searchText, @archivedAt, @createdAt, @createdAt)`);

  const now = Date.now();
  const instant = () => new Date(now - Math.floor(r() * 730 * 86_400_000)).toISOString();
  const phone = () => `+966 5${Math.floor(r() * 10)} ${String(Math.floor(r() * 1000)).padStart(3, "0")} ${String(Math.floor(r() * 10000)).padStart(4, "0")}`;
  const providersGroup = groups.get("service-providers") ?? null;
  const generated: OrgInfo[] = [];

  raw.transaction(() => {
    for (let i = 1; i <= orgCount; i++) {
      const code = `sp-g${String(i).padStart(5, "0")}`;
      const brand = pick(r, BRANDS);
      let nameAr: string;
      let nameEn: string;
      let country: string;
      let city: Pair | null = null;
      if (r() < 0.8 || memberStates.length === 0) {
        // A Saudi company, sometimes a city branch of it.
        const [form, service] = [pick(r, FORMS), pick(r, SERVICES)];
        country = "SA";
        city = pick(r, CITIES);
        const branch = r() < 0.5;
        nameAr = `${form[0]} ${brand[0]} ${service[0]}${branch ? ` - فرع ${city[0]}` : ""}`;
        nameEn = `${brand[1]} ${service[1]} ${form[1]}${branch ? ` (${city[1]} branch)` : ""}`;
      } else {
        // A licensed Hajj and Umrah agency in another member state.
        const state = pick(r, memberStates);
        country = state.code;
        nameAr = `وكالة ${brand[0]} للحج والعمرة`;
        nameEn = `${brand[1]} Hajj and Umrah Agency`;
      }
      const c = countries.get(country);
      let visibility = weighted(r, ORGANISATION_VISIBILITY);
      if (visibility === "group" && !providersGroup) visibility = "members";
      const id = uuid(r);
      insertOrg.run({
        id, code, nameAr, nameEn, country, cityAr: city?.[0] ?? null, cityEn: city?.[1] ?? null,
        email: `office@${code}.rifada.test`, phone: phone(), visibility,
        shareGroupId: visibility === "group" ? providersGroup : null,
        searchText: buildSearchText(code, nameAr, nameEn, city?.[0], city?.[1], country, c?.nameAr, c?.nameEn),
        createdAt: instant(),
      });
      if (providersGroup) insertMember.run(providersGroup, id);
      // Mostly Saudi staff, with the diversity of the pilgrim-service workforce.
      const culture = country === "SA" ? CULTURES.arab : cultureOf(country);
      generated.push({ id, code, nameAr, nameEn, country, culture, shareGroup: providersGroup });
    }

    for (let i = 1; i <= peopleCount; i++) {
      // Missions and institutions are larger than most providers: a third of the people work there.
      const org = generated.length === 0 || r() < 0.35 ? pick(r, seeded) : pick(r, generated);
      const culture = org.culture === CULTURES.arab && r() < 0.15 ? pick(r, [CULTURES.southAsian, CULTURES.malay, CULTURES.westAfrican]) : org.culture;
      const name = personName(r, culture);
      const position = weighted(r, POSITION_WEIGHTS);
      const { titleAr, titleEn } = title(r, position);
      const email = r() < 0.9 ? `${name.first}.${name.last}${i}@${org.code}.rifada.test` : null;
      let visibility = weighted(r, PERSON_VISIBILITY);
      if (visibility === "group" && !org.shareGroup) visibility = "members";
      const createdAt = instant();
      insertPerson.run({
        id: uuid(r),
        organisationId: org.id,
        nameAr: name.nameAr,
        nameEn: name.nameEn,
        position,
        titleAr,
        titleEn,
        email,
        phone: r() < 0.6 ? phone() : null,
        preferredLanguage: r() < culture.arabic ? "ar" : "en",
        visibility,
        shareGroupId: visibility === "group" ? org.shareGroup : null,
        searchText: buildSearchText(name.nameAr, name.nameEn, titleAr, titleEn, email, org.code, org.nameAr, org.nameEn),
        archivedAt: r() < 0.02 ? createdAt : null,
        createdAt,
      });
    }
  })();

  return { people: peopleCount, organisations: orgCount, ms: performance.now() - started };
}
