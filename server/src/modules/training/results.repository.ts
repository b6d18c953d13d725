import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.js";

/** Sums and counts of test percentages over a set of enrolments (averages are divided in JS: both dialects agree). */
export interface GainSums {
  trainees: number;
  withPre: number;
  preSum: number;
  withPost: number;
  postSum: number;
  paired: number;
  gainSum: number;
}

const num = (v: unknown) => Number(v ?? 0);

/**
 * A submitted attempt's score as a whole percentage, rounded half up — common/training.ts `percent`
 * in integer arithmetic (floor((200·score + max) / (2·max)) = floor(100·score/max + 0.5) for
 * non-negative whole numbers), so SQLite and PostgreSQL compute exactly what the JS does.
 */
const pctOf = (alias: "pre_attempt" | "post_attempt") =>
  sql<number | null>`case when ${sql.ref(`${alias}.max_score`)} > 0 and ${sql.ref(`${alias}.score`)} is not null
    then (200 * ${sql.ref(`${alias}.score`)} + ${sql.ref(`${alias}.max_score`)}) / (2 * ${sql.ref(`${alias}.max_score`)}) end`;

export function resultsRepository(db: Kysely<DB>) {
  return {
    /** Organisations by id, with their country. */
    organisations(ids: readonly string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom("organisations").select(["id", "code", "nameAr", "nameEn", "country"]).where("id", "in", [...ids]).execute();
    },

    countries(codes: readonly string[]) {
      if (codes.length === 0) return Promise.resolve([]);
      return db.selectFrom("countries").select(["code", "nameAr", "nameEn"]).where("code", "in", [...codes]).execute();
    },

    /** Certificates of these enrolments, newest first (the valid one, if any, is the one to show). */
    certificatesOf(enrolmentIds: readonly string[]) {
      if (enrolmentIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom("trainingCertificates")
        .select(["id", "code", "status", "enrolmentId", "issuedAt", "revokedAt"])
        .where("enrolmentId", "in", [...enrolmentIds])
        .orderBy("issuedAt", "desc")
        .orderBy("id")
        .execute();
    },

    /** Pre/post sums and counts over the active enrolments of some programmes, in one query. */
    async gainSums(programmeIds: readonly string[]): Promise<GainSums> {
      if (programmeIds.length === 0) return { trainees: 0, withPre: 0, preSum: 0, withPost: 0, postSum: 0, paired: 0, gainSum: 0 };
      const perTrainee = db
        .selectFrom("trainingEnrolments as e")
        .leftJoin("trainingAttempts as preAttempt", (j) => j.onRef("preAttempt.enrolmentId", "=", "e.id").on("preAttempt.kind", "=", "pre").on("preAttempt.submittedAt", "is not", null))
        .leftJoin("trainingAttempts as postAttempt", (j) => j.onRef("postAttempt.enrolmentId", "=", "e.id").on("postAttempt.kind", "=", "post").on("postAttempt.submittedAt", "is not", null))
        .select([pctOf("pre_attempt").as("prePct"), pctOf("post_attempt").as("postPct")])
        .where("e.programmeId", "in", [...programmeIds])
        .where("e.status", "=", "enrolled")
        .as("t");
      const row = await db
        .selectFrom(perTrainee)
        .select((eb) => [
          eb.fn.countAll().as("trainees"),
          eb.fn.count("t.prePct").as("withPre"),
          eb.fn.sum("t.prePct").as("preSum"),
          eb.fn.count("t.postPct").as("withPost"),
          eb.fn.sum("t.postPct").as("postSum"),
          eb.fn.sum(sql<number>`case when t.pre_pct is not null and t.post_pct is not null then 1 else 0 end`).as("paired"),
          eb.fn.sum(sql<number>`case when t.pre_pct is not null and t.post_pct is not null then t.post_pct - t.pre_pct else 0 end`).as("gainSum"),
        ])
        .executeTakeFirstOrThrow();
      return {
        trainees: num(row.trainees),
        withPre: num(row.withPre),
        preSum: num(row.preSum),
        withPost: num(row.withPost),
        postSum: num(row.postSum),
        paired: num(row.paired),
        gainSum: num(row.gainSum),
      };
    },
  };
}

export type ResultsRepository = ReturnType<typeof resultsRepository>;
