/**
 * Benchmark data for events: meetings and workshops of the Hajj seasons
 * 1440–1447 hosted by the demo organisations, with invitations to other
 * organisations and registrations of generated attendees. Works on a migrated,
 * demo-seeded database of either dialect: reads the directory through Kysely,
 * builds the rows in memory (seeded PRNG: the same seed, the same data), then
 * bulk-inserts them (bench/rows.ts). `search_text` is built as events.service.ts does.
 */
import type { Kysely } from "kysely";
import type { Visibility } from "../common/roles.js";
import type { DB } from "../server/src/db/schema.js";
import { buildSearchText } from "../server/src/modules/directory/search.js";
import { CAPACITIES, DESCRIPTIONS, MEETINGS, SEASON_WEIGHTS, SEASONS, SUFFIXES, VENUES, WORKSHOPS } from "./event-words.js";
import { pick, rng, weighted, type Rand } from "./generate.js";
import { push, tableRows, type TableRows } from "./rows.js";
import { CITIES, CULTURE_OF_COUNTRY, CULTURES } from "./words.js";

export interface EventsOptions {
  /** Events to add. */
  events: number;
  /** Generated attendees who register for open workshops (default: events / 20, 200 to 5,000). */
  attendees?: number;
  seed?: number;
}

export interface Directory {
  orgs: Array<{ id: string; code: string; nameAr: string; nameEn: string; kind: string; country: string | null }>;
  /** Group code → id and member organisation ids. */
  groups: Map<string, { id: string; members: string[] }>;
  /** The narrowest group of an organisation, for "group" visibility (as the demo seed shares). */
  shareGroupOf(orgId: string): string | null;
  /** People (chairs) by organisation. */
  peopleOf: Map<string, string[]>;
  users: Array<{ id: string; organisationId: string }>;
  /** Season code → id (existing seasons). */
  seasons: Map<string, string>;
}

const SHARE_ORDER = ["gcc-hajj-offices", "oic-institutions", "service-providers", "oic-members"];

/** What the generators need from a demo-seeded database. */
export async function readDirectory(db: Kysely<DB>): Promise<Directory> {
  const orgs = await db.selectFrom("organisations").select(["id", "code", "nameAr", "nameEn", "kind", "country"]).where("archivedAt", "is", null).orderBy("code").execute();
  if (orgs.length === 0) throw new Error("seed the demo directory first (no organisations)");
  const groups = new Map<string, { id: string; members: string[] }>();
  for (const row of await db.selectFrom("groups").innerJoin("groupMembers", "groupMembers.groupId", "groups.id").select(["groups.id", "groups.code", "groupMembers.organisationId"]).where("groups.archivedAt", "is", null).orderBy("groups.code").orderBy("groupMembers.organisationId").execute()) {
    if (!groups.has(row.code)) groups.set(row.code, { id: row.id, members: [] });
    groups.get(row.code)!.members.push(row.organisationId);
  }
  const peopleOf = new Map<string, string[]>();
  for (const p of await db.selectFrom("people").select(["id", "organisationId"]).where("archivedAt", "is", null).orderBy("id").execute()) {
    if (!peopleOf.has(p.organisationId)) peopleOf.set(p.organisationId, []);
    peopleOf.get(p.organisationId)!.push(p.id);
  }
  const users = await db.selectFrom("users").select(["id", "organisationId"]).where("disabledAt", "is", null).orderBy("email").execute();
  const seasons = new Map((await db.selectFrom("seasons").select(["id", "code"]).execute()).map((s) => [s.code, s.id]));
  return {
    orgs,
    groups,
    shareGroupOf(orgId) {
      const code = SHARE_ORDER.find((c) => groups.get(c)?.members.includes(orgId));
      return code ? groups.get(code)!.id : null;
    },
    peopleOf,
    users,
    seasons,
  };
}

/** Seasons among 1440–1448 the database lacks (the demo seed has some). */
export function missingSeasons(r: Rand, dir: Directory, now: string): TableRows {
  const t = tableRows("seasons", "id, code, hijri_year, name_ar, name_en, starts_on, ends_on, created_at, updated_at");
  for (const [year, startsOn, endsOn] of SEASONS) {
    if (dir.seasons.has(String(year))) continue;
    const id = uuid(r);
    dir.seasons.set(String(year), id);
    push(t, { id, code: String(year), hijri_year: year, name_ar: `موسم حج ${year} هـ`, name_en: `Hajj season ${year} AH`, starts_on: startsOn, ends_on: endsOn, created_at: now, updated_at: now });
  }
  return t;
}

/** A person's display name in the naming tradition of `country`, and whether they read Arabic first. */
export function userName(r: Rand, country: string | null): { name: string; locale: "ar" | "en" } {
  const culture = CULTURES[(country && CULTURE_OF_COUNTRY[country]) || "arab"];
  const first = pick(r, r() < 0.3 ? culture.female : culture.male);
  const family = pick(r, culture.family);
  const locale = r() < culture.arabic ? "ar" : "en";
  const i = locale === "ar" ? 0 : 1;
  return { name: `${first[i]} ${family[i]}`, locale };
}

export const USER_COLUMNS = "id, email, name, password_hash, role, organisation_id, person_id, locale, digits, disabled_at, password_changed_at, created_at, updated_at";
export const EVENT_COLUMNS = "id, season_id, kind, mode, status, title_ar, title_en, description_ar, description_en, host_organisation_id, chair_person_id, venue_ar, venue_en, join_url, time_zone, starts_at, ends_at, registration, capacity, previous_event_id, visibility, share_group_id, check_in_secret, search_text, created_by, archived_at, created_at, updated_at";

/** An event row with its search text as the app computes it. */
export function eventRow(values: Omit<Record<string, unknown>, "search_text"> & { title_ar: string; title_en: string; venue_ar: string | null; venue_en: string | null }, host: { code: string; nameAr: string; nameEn: string }, seasonCode: string) {
  return { ...values, search_text: buildSearchText(values.title_ar, values.title_en, values.venue_ar, values.venue_en, host.code, host.nameAr, host.nameEn, seasonCode) };
}

/** A UUID-shaped id (v4 layout) from four draws of the PRNG (generate.ts's uuid() takes 34: too slow for a million rows). */
export function uuid(r: Rand): string {
  const h = (n: number) => Math.floor(r() * 2 ** n).toString(16).padStart(n / 4, "0");
  const a = h(32);
  const b = h(32);
  const c = h(32);
  const d = h(32);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${"89ab"[parseInt(c[0], 16) & 3]}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

/** `n` hex digits, eight per draw. */
function hex(r: Rand, n: number): string {
  let s = "";
  while (s.length < n) s += Math.floor(r() * 2 ** 32).toString(16).padStart(8, "0");
  return s.slice(0, n);
}
const DAY = 86_400_000;
/** A Riyadh wall-clock time (UTC+3) on `day` → ISO UTC. */
const riyadh = (day: number, hour: number, minute: number) => new Date(day + (hour - 3) * 3_600_000 + minute * 60_000).toISOString();

const HOST_WEIGHTS: Record<"workshop" | "meeting", Record<string, number>> = {
  workshop: { ministry: 30, secretariat: 20, oic_institution: 5, service_provider: 8, hajj_mission: 0.5 },
  meeting: { ministry: 10, secretariat: 10, oic_institution: 2, service_provider: 2, hajj_mission: 1 },
};
const MODES = [["in_person", 50], ["virtual", 30], ["hybrid", 20]] as const;
const STATUSES = [["published", 88], ["draft", 6], ["cancelled", 6]] as const;
const EVENT_VISIBILITY: ReadonlyArray<readonly [Visibility, number]> = [["public", 20], ["members", 50], ["group", 20], ["private", 10]];
const INVITATION_STATUS = [["accepted", 60], ["declined", 15], ["invited", 25]] as const;

export interface EventsData {
  tables: TableRows[];
  counts: { seasons: number; events: number; invitations: number; registrations: number; attendees: number };
}

/** Build `options.events` events (and attendees, invitations, registrations) for the database read into `dir`. */
export function buildEvents(dir: Directory, options: EventsOptions): EventsData {
  const r = rng(options.seed ?? 1447);
  const count = Math.max(0, Math.floor(options.events));
  const now = new Date().toISOString();
  const seasons = missingSeasons(r, dir, now);
  const users = tableRows("users", USER_COLUMNS);
  const events = tableRows("events", EVENT_COLUMNS);
  const invitations = tableRows("event_invitations", "id, event_id, organisation_id, via_group_id, status, quota, responded_at, created_at");
  const registrations = tableRows("registrations", "id, event_id, user_id, organisation_id, status, sequence, created_at, updated_at");

  // Attendees: generated users of every organisation, plus the demo logins (the benchmark's caller among them).
  const attendeeCount = Math.floor(options.attendees ?? Math.min(5000, Math.max(200, count / 20)));
  const pool = [...dir.users];
  for (let i = 1; i <= attendeeCount; i++) {
    const org = pick(r, dir.orgs);
    const { name, locale } = userName(r, org.country);
    const id = uuid(r);
    push(users, {
      id, email: `attendee${i}@${org.code}.rifada.test`, name, password_hash: null, role: r() < 0.6 ? "participant" : "member", organisation_id: org.id, person_id: null,
      locale, digits: locale === "ar" ? "arab" : "latn", disabled_at: null, password_changed_at: null, created_at: now, updated_at: now,
    });
    pool.push({ id, organisationId: org.id });
  }

  const hostChoices = (kind: "workshop" | "meeting") => dir.orgs.map((o) => [o, HOST_WEIGHTS[kind][o.kind] ?? 1] as const);
  const hosts = { workshop: hostChoices("workshop"), meeting: hostChoices("meeting") };
  const bounds = new Map(SEASONS.map(([year, startsOn, endsOn]) => [year, { start: Date.parse(`${startsOn}T00:00:00Z`), days: (Date.parse(`${endsOn}T00:00:00Z`) - Date.parse(`${startsOn}T00:00:00Z`)) / DAY + 1 }]));
  const groupCodes = [["oic-members", 4], ["gcc-hajj-offices", 20], ["oic-institutions", 6], ["service-providers", 6], ["", 64]] as const;
  let invitationCount = 0;

  for (let i = 1; i <= count; i++) {
    const year = weighted(r, SEASON_WEIGHTS);
    const seasonCode = String(year);
    const kind = r() < 0.55 ? "workshop" : "meeting";
    const host = weighted(r, hosts[kind]);
    const mode = weighted(r, MODES);
    const status = weighted(r, STATUSES);
    const open = kind === "workshop" ? r() < 0.8 : r() < 0.15;
    const capacity = open ? pick(r, CAPACITIES) : null;
    let visibility = weighted(r, EVENT_VISIBILITY);
    const shareGroup = visibility === "group" ? dir.shareGroupOf(host.id) : null;
    if (visibility === "group" && !shareGroup) visibility = "members";

    // Most meetings and workshops fall in the months before the Hajj, at the end of the season.
    const season = bounds.get(year)!;
    const day = season.start + Math.floor(season.days * (1 - r() * r())) * DAY;
    const hour = 9 + Math.floor(r() * 12);
    const minute = r() < 0.5 ? 0 : 30;
    const hours = kind === "workshop" ? 2 + Math.floor(r() * 9) / 2 : 1 + Math.floor(r() * 5) / 2;
    const startsAt = riyadh(day, hour, minute);
    const endsAt = new Date(Date.parse(startsAt) + hours * 3_600_000).toISOString();
    const createdAt = new Date(Date.parse(startsAt) - (7 + Math.floor(r() * 84)) * DAY).toISOString();

    let [titleAr, titleEn] = pick(r, kind === "workshop" ? WORKSHOPS : MEETINGS);
    if (r() < 0.35) [titleAr, titleEn] = [`${titleAr} لموسم حج ${year} هـ`, `${titleEn}, ${year} AH Hajj season`];
    if (r() < 0.25) {
      const city = pick(r, CITIES);
      [titleAr, titleEn] = [`${titleAr} - ${city[0]}`, `${titleEn} (${city[1]})`];
    }
    if (r() < 0.2) {
      const [ar, en] = pick(r, SUFFIXES);
      const n = String(1 + Math.floor(r() * 12));
      [titleAr, titleEn] = [titleAr + ar.replace("{n}", n), titleEn + en.replace("{n}", n)];
    }
    const description = r() < 0.6 ? pick(r, DESCRIPTIONS) : null;
    const venue = mode === "virtual" ? null : pick(r, VENUES);
    const chairs = kind === "meeting" && r() < 0.6 ? dir.peopleOf.get(host.id) : undefined;
    const id = uuid(r);
    push(events, eventRow({
      id, season_id: dir.seasons.get(seasonCode)!, kind, mode, status, title_ar: titleAr, title_en: titleEn,
      description_ar: description?.[0] ?? null, description_en: description?.[1] ?? null, host_organisation_id: host.id,
      chair_person_id: chairs?.length ? pick(r, chairs) : null, venue_ar: venue?.[0] ?? null, venue_en: venue?.[1] ?? null,
      join_url: mode === "in_person" ? null : `https://meet.rifada.test/${host.code}-${i}`, time_zone: "Asia/Riyadh", starts_at: startsAt, ends_at: endsAt,
      registration: open ? "open" : "invitation", capacity, previous_event_id: null, visibility, share_group_id: shareGroup, check_in_secret: hex(r, 43),
      created_by: null, archived_at: r() < 0.01 ? createdAt : null, created_at: createdAt, updated_at: createdAt,
    }, host, seasonCode));

    // Invitations: most invitation-only meetings, some open workshops (a group, or a few organisations).
    if (!open || r() < 0.1) {
      const code = weighted(r, groupCodes);
      const group = code ? dir.groups.get(code) : undefined;
      const invited = new Set<string>(group ? group.members : Array.from({ length: 2 + Math.floor(r() * 7) }, () => pick(r, dir.orgs).id));
      invited.delete(host.id);
      for (const organisationId of invited) {
        const answer = weighted(r, INVITATION_STATUS);
        push(invitations, {
          id: uuid(r), event_id: id, organisation_id: organisationId, via_group_id: group?.id ?? null, status: answer,
          quota: answer === "accepted" && r() < 0.2 ? 2 + Math.floor(r() * 4) : null,
          responded_at: answer === "invited" ? null : new Date(Date.parse(createdAt) + (1 + Math.floor(r() * 5)) * DAY).toISOString(), created_at: createdAt,
        });
        invitationCount++;
      }
    }

    // Registrations of open, announced workshops: first come first served, then the waitlist; a few cancelled.
    if (open && status !== "draft" && capacity !== null) {
      const n = Math.min(pool.length, Math.floor(r() * r() * r() * Math.min(capacity * 1.2, 30)));
      const taken = new Set<number>();
      let confirmed = 0;
      for (let seq = 1; seq <= n; seq++) {
        let k = Math.floor(r() * pool.length);
        while (taken.has(k)) k = (k + 1) % pool.length;
        taken.add(k);
        const state = r() < 0.05 ? "cancelled" : confirmed < capacity ? "confirmed" : "waitlisted";
        if (state === "confirmed") confirmed++;
        const at = new Date(Date.parse(createdAt) + seq * 60_000).toISOString();
        push(registrations, { id: uuid(r), event_id: id, user_id: pool[k].id, organisation_id: pool[k].organisationId, status: state, sequence: seq, created_at: at, updated_at: at });
      }
    }
  }

  return {
    tables: [seasons, users, events, invitations, registrations],
    counts: { seasons: seasons.rows.length, events: count, invitations: invitationCount, registrations: registrations.rows.length, attendees: attendeeCount },
  };
}
