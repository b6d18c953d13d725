import type { Kysely } from "kysely";
import type { DB } from "../schema.js";
import { normalizeForSearch } from "../../../../common/text.js";
import { hashPassword } from "../../lib/passwords.js";
import { newId, nowIso } from "../../lib/tokens.js";
import { COUNTRIES, GROUPS, ORGANISATIONS, PEOPLE, USERS } from "./data/index.js";
import { seedDemoEvents } from "./events-seed.js";
import { seedDemoLibrary } from "./library-seed.js";
import { seedDemoFollowup } from "./followup-seed.js";
import { seedDemoTraining } from "./training-seed.js";
import { invalidateSearchIndex } from "../../modules/search/search.indexer.js";

export const DEMO_SEED_KEY = "demo_seeded_at";
export const DEFAULT_DEMO_PASSWORD = "Rifada-1446-demo";

/** Countries are reference data: make sure every one exists (never overwrites an edited row). */
export async function ensureCountries(db: Kysely<DB>): Promise<void> {
  const existing = new Set((await db.selectFrom("countries").select("code").execute()).map((r) => r.code));
  const missing = COUNTRIES.filter((c) => !existing.has(c.code));
  if (missing.length > 0) await db.insertInto("countries").values(missing.map((c) => ({ code: c.code, nameAr: c.nameAr, nameEn: c.nameEn, oicStatus: c.oicStatus }))).execute();
}

export interface SeedResult {
  seeded: boolean;
  logins: Array<{ email: string; role: string; organisation: string }>;
  password: string;
}

/**
 * Load the demo directory once: the OIC secretariat, the Ministry, a mission for each of the
 * 57 member states, institutions, service providers, groups, people and demo logins.
 * A marker row makes later runs do nothing, so a user's edits are never overwritten.
 */
export async function seedDemo(
  db: Kysely<DB>,
  password = process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
  options: { events?: boolean } = {},
): Promise<SeedResult> {
  const withEvents = options.events ?? true;
  const logins = USERS.map((u) => ({ email: u.email, role: u.role, organisation: u.organisation }));
  await ensureCountries(db);
  const marker = await db.selectFrom("meta").select("value").where("key", "=", DEMO_SEED_KEY).executeTakeFirst();
  if (marker) {
    // Databases seeded before events (or the library) existed get them once, too.
    if (withEvents) await seedDemoContent(db);
    await invalidateSearchIndex(db);
    return { seeded: false, logins, password };
  }

  const passwordHash = await hashPassword(password);
  const now = nowIso();
  const countryNames = new Map(COUNTRIES.map((c) => [c.code, c]));
  const orgIds = new Map<string, string>();
  const personIds = new Map<string, string>();
  const groupIds = new Map<string, string>();
  // A record with visibility "group" is shared with the narrowest demo group its organisation is in.
  const SHARE_ORDER = ["gcc-hajj-offices", "oic-institutions", "service-providers", "oic-members"];
  const shareGroupOf = (orgCode: string, visibility: string) => {
    if (visibility !== "group") return null;
    const code = SHARE_ORDER.find((g) => GROUPS.find((x) => x.code === g)?.members.includes(orgCode));
    return code ? (groupIds.get(code) ?? null) : null;
  };

  await db.transaction().execute(async (tx) => {
    const taken = new Set((await tx.selectFrom("organisations").select("code").execute()).map((r) => r.code));
    for (const org of ORGANISATIONS) {
      if (taken.has(org.code)) {
        const row = await tx.selectFrom("organisations").select("id").where("code", "=", org.code).executeTakeFirstOrThrow();
        orgIds.set(org.code, row.id);
        continue;
      }
      const id = newId();
      orgIds.set(org.code, id);
      const country = org.country ? countryNames.get(org.country) : undefined;
      await tx.insertInto("organisations").values({
        id,
        code: org.code,
        kind: org.kind,
        nameAr: org.nameAr,
        nameEn: org.nameEn,
        country: org.country,
        cityAr: org.cityAr ?? null,
        cityEn: org.cityEn ?? null,
        email: org.email ?? null,
        phone: org.phone ?? null,
        website: org.website ?? null,
        addressAr: org.addressAr ?? null,
        addressEn: org.addressEn ?? null,
        visibility: org.visibility,
        shareGroupId: null,
        searchText: normalizeForSearch([org.code, org.nameAr, org.nameEn, org.cityAr, org.cityEn, org.country, country?.nameAr, country?.nameEn].filter(Boolean).join(" ")),
        archivedAt: null,
        createdAt: now,
        updatedAt: now,
      }).execute();
    }

    for (const group of GROUPS) {
      if (await tx.selectFrom("groups").select("id").where("code", "=", group.code).executeTakeFirst()) continue;
      const id = newId();
      groupIds.set(group.code, id);
      await tx.insertInto("groups").values({ id, code: group.code, nameAr: group.nameAr, nameEn: group.nameEn, descriptionAr: group.descriptionAr ?? null, descriptionEn: group.descriptionEn ?? null, archivedAt: null, createdAt: now, updatedAt: now }).execute();
      await tx.insertInto("groupMembers").values(group.members.map((code) => ({ groupId: id, organisationId: orgIds.get(code)! }))).execute();
    }
    for (const org of ORGANISATIONS) {
      const shareGroupId = shareGroupOf(org.code, org.visibility);
      if (shareGroupId) await tx.updateTable("organisations").set({ shareGroupId }).where("id", "=", orgIds.get(org.code)!).execute();
    }

    for (const person of PEOPLE) {
      const id = newId();
      personIds.set(person.key, id);
      const org = ORGANISATIONS.find((o) => o.code === person.organisation)!;
      await tx.insertInto("people").values({
        id,
        organisationId: orgIds.get(person.organisation)!,
        nameAr: person.nameAr,
        nameEn: person.nameEn,
        position: person.position,
        titleAr: person.titleAr,
        titleEn: person.titleEn,
        email: person.email,
        phone: person.phone ?? null,
        preferredLanguage: person.preferredLanguage,
        visibility: person.visibility,
        shareGroupId: shareGroupOf(person.organisation, person.visibility),
        searchText: normalizeForSearch([person.nameAr, person.nameEn, person.titleAr, person.titleEn, person.email, org.code, org.nameAr, org.nameEn].join(" ")),
        archivedAt: null,
        createdAt: now,
        updatedAt: now,
      }).execute();
    }

    for (const user of USERS) {
      if (await tx.selectFrom("users").select("id").where("email", "=", user.email).executeTakeFirst()) continue;
      await tx.insertInto("users").values({
        id: newId(),
        email: user.email,
        name: user.name,
        passwordHash,
        role: user.role,
        organisationId: orgIds.get(user.organisation)!,
        personId: user.person ? (personIds.get(user.person) ?? null) : null,
        locale: user.locale,
        digits: user.locale === "ar" ? "arab" : "latn",
        disabledAt: null,
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      }).execute();
    }
    await tx.insertInto("meta").values({ key: DEMO_SEED_KEY, value: now }).execute();
  });
  if (withEvents) await seedDemoContent(db);
  // The records above were written behind the services' back: the index is rebuilt at the next start.
  await invalidateSearchIndex(db);
  return { seeded: true, logins, password };
}

/**
 * The demo events, then the library (whose entries refer to the events' seasons and to one event), then follow-up
 * (programmes, recommendations, proposals on those events), then training (Asas and Terhab, under the cooperation programme).
 */
async function seedDemoContent(db: Kysely<DB>): Promise<void> {
  await seedDemoEvents(db);
  await seedDemoLibrary(db);
  await seedDemoFollowup(db);
  await seedDemoTraining(db);
}
