import { sql, type Expression, type Kysely, type SqlBool } from "kysely";
import type { DB } from "../../db/schema.js";
import { matchesAllTerms } from "../directory/search.js";

/**
 * Set-based reads behind completion and results: one query per kind of fact for a whole
 * programme (or the part of it a caller sees), never one per trainee.
 */

/** Which enrolments of a programme a read covers. */
export interface EnrolmentScope {
  /** Only trainees of this organisation (an organisation admin's own, or a filter). */
  organisationId?: string;
  /** Only trainees whose organisation is in this country (ISO code). */
  country?: string;
  /** Words every one of which occurs in the trainee's name or email (Arabic spelling variants folded). */
  q?: string;
  /** Only these enrolments. */
  enrolmentIds?: readonly string[];
}

export interface WorkshopRow {
  id: string;
  titleAr: string;
  titleEn: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  status: string;
}

export interface EnrolmentFactsRow {
  id: string;
  personId: string;
  userId: string | null;
  organisationId: string;
  country: string | null;
  nameAr: string;
  nameEn: string;
  email: string | null;
  /** The person's search text (normalised name, titles, email, organisation: directory/search.ts). */
  searchText: string;
  preScore: number | null;
  preMax: number | null;
  postScore: number | null;
  postMax: number | null;
  postSubmittedAt: string | null;
  surveySubmittedAt: string | null;
}

export interface AttendanceFactRow {
  enrolmentId: string;
  eventId: string;
  /** The most minutes any of the trainee's attendance rows of that workshop reports. */
  maxMinutes: number | null;
  /** A row without minutes (a check-in) exists: present for the whole workshop. */
  unmeasured: boolean;
}

/** The enrolments (aliased `e`) a read covers, as one condition (raw SQL: it is used in queries of different shapes). */
function scoped(programmeId: string, scope: EnrolmentScope): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [sql<SqlBool>`e.programme_id = ${programmeId}`, sql<SqlBool>`e.status = 'enrolled'`];
  if (scope.organisationId) parts.push(sql<SqlBool>`e.organisation_id = ${scope.organisationId}`);
  if (scope.enrolmentIds) parts.push(scope.enrolmentIds.length ? sql<SqlBool>`e.id in (${sql.join([...scope.enrolmentIds])})` : sql<SqlBool>`1 = 0`);
  if (scope.country) parts.push(sql<SqlBool>`exists (select 1 from organisations so where so.id = e.organisation_id and so.country = ${scope.country})`);
  const match = scope.q ? matchesAllTerms("sp.search_text", scope.q) : null;
  if (match) parts.push(sql<SqlBool>`exists (select 1 from people sp where sp.id = e.person_id and ${match})`);
  return parts.reduce((x, y) => sql<SqlBool>`${x} and ${y}`);
}

const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Up to this many enrolments, attendance is read for them only; above, for the whole workshops. */
const FEW = 500;

export function completionRepository(db: Kysely<DB>) {
  return {
    /** The programme's workshops (linked events), earliest first. */
    workshops(programmeId: string): Promise<WorkshopRow[]> {
      return db
        .selectFrom("trainingProgrammeEvents as pe")
        .innerJoin("events as ev", "ev.id", "pe.eventId")
        .select(["ev.id", "ev.titleAr", "ev.titleEn", "ev.startsAt", "ev.endsAt", "ev.timeZone", "ev.status"])
        .where("pe.programmeId", "=", programmeId)
        .orderBy("ev.startsAt")
        .orderBy("ev.id")
        .execute();
    },

    /** Whether the programme has a published post-test (then the post-test score is required). */
    async hasPublishedPostTest(programmeId: string): Promise<boolean> {
      const row = await db.selectFrom("trainingAssessments").select("id").where("programmeId", "=", programmeId).where("kind", "=", "post").where("published", "=", 1).executeTakeFirst();
      return row !== undefined;
    },

    /** One row per active enrolment in scope: who, where from, submitted test scores and the survey. */
    async enrolmentFacts(programmeId: string, scope: EnrolmentScope): Promise<EnrolmentFactsRow[]> {
      const rows = await db
        .selectFrom("trainingEnrolments as e")
        .innerJoin("people as p", "p.id", "e.personId")
        .innerJoin("organisations as o", "o.id", "e.organisationId")
        .leftJoin("trainingAttempts as preAttempt", (j) => j.onRef("preAttempt.enrolmentId", "=", "e.id").on("preAttempt.kind", "=", "pre").on("preAttempt.submittedAt", "is not", null))
        .leftJoin("trainingAttempts as postAttempt", (j) => j.onRef("postAttempt.enrolmentId", "=", "e.id").on("postAttempt.kind", "=", "post").on("postAttempt.submittedAt", "is not", null))
        .leftJoin("trainingSurveyResponses as s", "s.enrolmentId", "e.id")
        .select([
          "e.id", "e.personId", "e.userId", "e.organisationId", "o.country", "p.nameAr", "p.nameEn", "p.email", "p.searchText",
          "preAttempt.score as preScore", "preAttempt.maxScore as preMax",
          "postAttempt.score as postScore", "postAttempt.maxScore as postMax", "postAttempt.submittedAt as postSubmittedAt",
          "s.submittedAt as surveySubmittedAt",
        ])
        .where(scoped(programmeId, scope))
        .execute();
      return rows.map((r) => ({ ...r, preScore: n(r.preScore), preMax: n(r.preMax), postScore: n(r.postScore), postMax: n(r.postMax) }));
    },

    /**
     * Attendance of these enrolments at the given workshops, one row per trainee and workshop
     * attended: attendance rows are matched by the enrolment's person or user (a trainee may have both).
     * The rows are read by workshop and matched here, not joined in SQL: at 100k trainees the join and
     * its grouping took 2.5 s on SQLite, reading the rows 0.2 s (bench/README.md, training part). For a
     * few enrolments (a trainee's own progress) only their rows are read.
     */
    async attendanceFacts(eventIds: readonly string[], enrolments: ReadonlyArray<{ id: string; personId: string; userId: string | null }>): Promise<AttendanceFactRow[]> {
      if (eventIds.length === 0 || enrolments.length === 0) return [];
      const byPerson = new Map<string, string[]>();
      const byUser = new Map<string, string[]>();
      const add = (map: Map<string, string[]>, key: string, id: string) => {
        const list = map.get(key);
        if (list) list.push(id);
        else map.set(key, [id]);
      };
      for (const e of enrolments) {
        add(byPerson, e.personId, e.id);
        if (e.userId) add(byUser, e.userId, e.id);
      }
      let query = db.selectFrom("attendance").select(["eventId", "personId", "userId", "minutes"]).where("eventId", "in", [...eventIds]);
      if (enrolments.length <= FEW) {
        const people = [...byPerson.keys()];
        const users = [...byUser.keys()];
        query = query.where((eb) => eb.or([eb("personId", "in", people), ...(users.length ? [eb("userId", "in", users)] : [])]));
      }
      const facts = new Map<string, AttendanceFactRow>();
      for (const a of await query.execute()) {
        const ids = new Set([...(a.personId ? byPerson.get(a.personId) ?? [] : []), ...(a.userId ? byUser.get(a.userId) ?? [] : [])]);
        const minutes = n(a.minutes);
        for (const enrolmentId of ids) {
          const key = `${enrolmentId}|${a.eventId}`;
          const seen = facts.get(key);
          if (!seen) facts.set(key, { enrolmentId, eventId: a.eventId, maxMinutes: minutes, unmeasured: minutes === null });
          else {
            if (minutes !== null) seen.maxMinutes = seen.maxMinutes === null ? minutes : Math.max(seen.maxMinutes, minutes);
            if (minutes === null) seen.unmeasured = true;
          }
        }
      }
      return [...facts.values()];
    },

    /** Survey answers (JSON text) of the programme's active enrolments, with the trainee's organisation. */
    surveyRows(programmeId: string): Promise<Array<{ organisationId: string; answers: string }>> {
      return db
        .selectFrom("trainingSurveyResponses as s")
        .innerJoin("trainingEnrolments as e", "e.id", "s.enrolmentId")
        .select(["e.organisationId", "s.answers"])
        .where(scoped(programmeId, {}))
        .execute();
    },

    /** Pre- and post-test attempts of one enrolment, submitted or not. */
    attemptsOf(enrolmentId: string) {
      return db
        .selectFrom("trainingAttempts")
        .select(["id", "kind", "startedAt", "deadlineAt", "submittedAt", "score", "maxScore"])
        .where("enrolmentId", "=", enrolmentId)
        .execute();
    },

    /** The programme's tests (pre, post) and whether they are published. */
    assessments(programmeId: string) {
      return db.selectFrom("trainingAssessments").select(["id", "kind", "published", "opensAt", "closesAt", "timeLimitMinutes"]).where("programmeId", "=", programmeId).execute();
    },
  };
}

export type CompletionRepository = ReturnType<typeof completionRepository>;
