import type { Kysely } from "kysely";
import type { CompletionRule } from "../../../../common/training.js";
import type { DB } from "../../db/schema.js";
import { nowIso } from "../../lib/tokens.js";
import { finaliseExpiredAttempts } from "./attempts.service.js";
import { completionRepository } from "./completion.repository.js";
import { computeProgrammeFacts, isHeld, type ProgrammeFacts } from "./completion.service.js";

/**
 * A programme's completion facts (every active trainee), kept in memory between requests.
 *
 * Computing them reads every enrolment, submitted test and attendance row of the programme: about
 * 8 s at 100k trainees (bench/README.md, training part). A results page, its filters, sorts and
 * pages and the exports all read the same facts, so they are computed once and reused while the
 * data they come from is unchanged: the programme's facts version (facts-version.ts, read with the
 * programme on every request) is incremented by every write that changes them, on any app node.
 * Time moves workshops into "held", and a workshop can be moved or cancelled: the workshops and
 * which of them are held are part of the key too.
 *
 * What the version does not follow: a trainee's name or email, or an organisation's name or
 * country, edited in the directory. An entry older than MAX_AGE_MS is still answered, and computed
 * afresh in the background for the requests after it: those edits show within a few minutes, and
 * no request waits for a recomputation that only age asked for.
 *
 * Requests that arrive while the facts are being computed wait for that computation (one per
 * programme and key). Entries are dropped least recently used first once they hold more than
 * MAX_TRAINEES trainees together.
 */
export const MAX_AGE_MS = 5 * 60_000;
const MAX_TRAINEES = 300_000;

export interface CachedFacts {
  facts: ProgrammeFacts;
  /** Survey answers (JSON text) with the answering trainee's organisation, for the summary of a part. */
  survey: Array<{ organisationId: string; answers: string }>;
  /** What is derived from the facts (sorted lists, summaries), computed once per entry: see memo(). */
  derived: Map<string, unknown>;
}

/** `compute()` once per cached facts and `key`; later calls answer the same value (a promise that failed is not kept). */
export function memo<T>(cached: CachedFacts, key: string, compute: () => T): T {
  if (!cached.derived.has(key)) {
    const value = compute();
    cached.derived.set(key, value);
    if (value instanceof Promise) value.catch(() => cached.derived.get(key) === value && cached.derived.delete(key));
  }
  return cached.derived.get(key) as T;
}

interface Entry {
  key: string;
  at: number;
  size: number;
  value: Promise<CachedFacts>;
}

async function currentFactsVersion(db: Kysely<DB>, programmeId: string): Promise<number> {
  const row = await db.selectFrom("trainingProgrammes").select("factsVersion").where("id", "=", programmeId).executeTakeFirst();
  return Number(row?.factsVersion ?? 0);
}

export function createFactsCache(db: Kysely<DB>, options: { maxAgeMs?: number; maxTrainees?: number } = {}) {
  const maxAgeMs = options.maxAgeMs ?? MAX_AGE_MS;
  const maxTrainees = options.maxTrainees ?? MAX_TRAINEES;
  /** By programme id, least recently used first (a Map keeps insertion order). */
  const entries = new Map<string, Entry>();
  /** Programmes whose old (but current) facts are being computed afresh in the background. */
  const refreshing = new Set<string>();

  function evict() {
    let total = 0;
    for (const e of entries.values()) total += e.size;
    for (const [id, e] of entries) {
      if (total <= maxTrainees || entries.size <= 1) break;
      entries.delete(id);
      total -= e.size;
    }
  }

  return {
    /**
     * The facts of every active trainee of `programme` as they are now: computed, or the cached ones
     * when nothing they come from changed. Attempts whose time ran out are graded first.
     * @param programme as loaded for this request (its factsVersion is the current one)
     */
    async get(programme: { id: string; version: number; factsVersion: number } & CompletionRule, now: string = nowIso()): Promise<CachedFacts> {
      // Grading an attempt whose time ran out increments the version: read it again then.
      const finalised = await finaliseExpiredAttempts(db, new Date(now));
      const factsVersion = finalised > 0 ? await currentFactsVersion(db, programme.id) : programme.factsVersion;
      const workshops = await completionRepository(db).workshops(programme.id);
      const key = [
        factsVersion,
        programme.version,
        programme.minAttendancePct,
        programme.minPostScorePct,
        programme.requireSurvey,
        workshops.map((w) => `${w.id}:${w.status}:${w.startsAt}:${w.endsAt}:${isHeld(w, now) ? 1 : 0}`).join(","),
      ].join("#");
      const seen = entries.get(programme.id);
      const compute = (): Entry => {
        const entry: Entry = { key, at: Date.now(), size: 0, value: Promise.resolve(null as never) };
        entry.value = (async () => {
          const [facts, survey] = await Promise.all([computeProgrammeFacts(db, programme, {}, now), completionRepository(db).surveyRows(programme.id)]);
          entry.size = facts.trainees.length;
          return { facts, survey, derived: new Map() };
        })();
        return entry;
      };
      const install = (entry: Entry) => {
        entries.delete(programme.id);
        entries.set(programme.id, entry);
        entry.value.then(evict, () => {
          // A failed computation is not kept.
          if (entries.get(programme.id) === entry) entries.delete(programme.id);
        });
      };
      if (seen && seen.key === key) {
        entries.delete(programme.id);
        entries.set(programme.id, seen);
        // Only old (names edited in the directory may have changed): answer it, and compute it
        // afresh meanwhile for the requests after this one, once.
        if (Date.now() - seen.at >= maxAgeMs && !refreshing.has(programme.id)) {
          refreshing.add(programme.id);
          const fresh = compute();
          fresh.value
            .then(() => {
              if (entries.get(programme.id) === seen) install(fresh);
            }, () => undefined)
            .finally(() => refreshing.delete(programme.id));
        }
        return seen.value;
      }
      const entry = compute();
      install(entry);
      return entry.value;
    },
  };
}

export type FactsCache = ReturnType<typeof createFactsCache>;
