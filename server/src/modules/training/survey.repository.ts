import type { Kysely } from "kysely";
import type { DB, TrainingSurveyResponseTable } from "../../db/schema.js";
import type { Executor } from "../admin/audit.repository.js";
import { touchProgrammeFacts } from "./facts-version.js";

export type SurveyResponseRow = TrainingSurveyResponseTable;

/** Satisfaction survey responses (Kysely only). */
export function surveyRepository(db: Kysely<DB>) {
  return {
    async findByEnrolment(enrolmentId: string, tx: Executor = db): Promise<SurveyResponseRow | undefined> {
      return tx.selectFrom("trainingSurveyResponses").selectAll().where("enrolmentId", "=", enrolmentId).executeTakeFirst();
    },

    /** Insert unless the enrolment already answered; returns whether this one was inserted. */
    async insertIfAbsent(tx: Executor, row: SurveyResponseRow): Promise<boolean> {
      const inserted = await tx.insertInto("trainingSurveyResponses").values(row).onConflict((oc) => oc.column("enrolmentId").doNothing()).returning("enrolmentId").executeTakeFirst();
      if (inserted) await touchProgrammeFacts(tx, row.programmeId);
      return inserted !== undefined;
    },

    /** A programme's responses, newest first: answers and time only (never whose). */
    async answersOf(programmeId: string): Promise<Array<{ answers: string; submittedAt: string }>> {
      return db.selectFrom("trainingSurveyResponses").select(["answers", "submittedAt"]).where("programmeId", "=", programmeId).orderBy("submittedAt", "desc").execute();
    },

    async enrolledCount(programmeId: string): Promise<number> {
      const row = await db.selectFrom("trainingEnrolments").select((eb) => eb.fn.countAll<number | string>().as("n")).where("programmeId", "=", programmeId).where("status", "=", "enrolled").executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}
