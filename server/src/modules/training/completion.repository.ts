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
          "e.id", "e.personId", "e.userId", "e.organisationId", "o.country", "p.nameAr", "p.nameEn", "p.email",
          "preAttempt.score as preScore", "preAttempt.maxScore as preMax",
          "postAttempt.score as postScore", "postAttempt.maxScore as postMax", "postAttempt.submittedAt as postSubmittedAt",
          "s.submittedAt as surveySubmittedAt",
        ])
        .where(scoped(programmeId, scope))
        .execute();
      return rows.map((r) => ({ ...r, preScore: n(r.preScore), preMax: n(r.preMax), postScore: n(r.postScore), postMax: n(r.postMax) }));
    },

    /**
     * Attendance of the enrolments in scope at the given workshops, one row per trainee and workshop
     * attended: attendance rows are matched by the enrolment's person or user (a trainee may have both).
     */
    async attendanceFacts(programmeId: string, eventIds: readonly string[], scope: Pick<EnrolmentScope, "organisationId" | "enrolmentIds">): Promise<AttendanceFactRow[]> {
      if (eventIds.length === 0) return [];
      const matched = (by: "personId" | "userId") =>
        db
          .selectFrom("attendance as a")
          .innerJoin("trainingEnrolments as e", `e.${by}`, `a.${by}`)
          .select(["e.id as enrolmentId", "a.eventId", "a.minutes"])
          .where("a.eventId", "in", [...eventIds])
          .where(scoped(programmeId, scope));
      const rows = await db
        .selectFrom(matched("personId").unionAll(matched("userId")).as("m"))
        .select((eb) => [
          "m.enrolmentId",
          "m.eventId",
          eb.fn.max("m.minutes").as("maxMinutes"),
          eb.fn.max(sql<number>`case when m.minutes is null then 1 else 0 end`).as("unmeasured"),
        ])
        .groupBy(["m.enrolmentId", "m.eventId"])
        .execute();
      return rows.map((r) => ({ enrolmentId: r.enrolmentId, eventId: r.eventId, maxMinutes: n(r.maxMinutes), unmeasured: Number(r.unmeasured) === 1 }));
    },

    /** Answers of the survey by the enrolments in scope (JSON text each). */
    async surveyAnswers(programmeId: string, scope: EnrolmentScope): Promise<string[]> {
      const rows = await db
        .selectFrom("trainingSurveyResponses as s")
        .innerJoin("trainingEnrolments as e", "e.id", "s.enrolmentId")
        .select("s.answers")
        .where(scoped(programmeId, scope))
        .execute();
      return rows.map((r) => r.answers);
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
