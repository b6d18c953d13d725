import type { Kysely } from "kysely";
import type { DB, TrainingAnswerTable, TrainingAttemptTable } from "../../db/schema.js";
import type { Executor } from "../admin/audit.repository.js";
import { touchAttemptFacts } from "./facts-version.js";

export type AttemptRow = TrainingAttemptTable;
export type AnswerRow = TrainingAnswerTable;

/** Attempts at the tests and their answers (Kysely only). */
export function attemptsRepository(db: Kysely<DB>) {
  return {
    async findById(id: string, tx: Executor = db): Promise<AttemptRow | undefined> {
      return tx.selectFrom("trainingAttempts").selectAll().where("id", "=", id).executeTakeFirst();
    },

    async findOf(assessmentId: string, enrolmentId: string, tx: Executor = db): Promise<AttemptRow | undefined> {
      return tx.selectFrom("trainingAttempts").selectAll().where("assessmentId", "=", assessmentId).where("enrolmentId", "=", enrolmentId).executeTakeFirst();
    },

    /** The attempts of one enrolment, by test. */
    async ofEnrolment(enrolmentId: string, tx: Executor = db): Promise<AttemptRow[]> {
      return tx.selectFrom("trainingAttempts").selectAll().where("enrolmentId", "=", enrolmentId).execute();
    },

    /** Insert unless the enrolment already has an attempt at this test; returns whether this one was inserted. */
    async insertIfAbsent(tx: Executor, row: AttemptRow): Promise<boolean> {
      const inserted = await tx.insertInto("trainingAttempts").values(row).onConflict((oc) => oc.columns(["assessmentId", "enrolmentId"]).doNothing()).returning("id").executeTakeFirst();
      return inserted !== undefined;
    },

    /**
     * Hold an attempt that is not submitted yet until the transaction ends (a no-op update takes the
     * row's lock, so saving an answer and submitting take turns); false when it is already submitted.
     */
    async holdOpen(tx: Executor, id: string): Promise<boolean> {
      const result = await tx.updateTable("trainingAttempts").set((eb) => ({ autoSubmitted: eb.ref("autoSubmitted") })).where("id", "=", id).where("submittedAt", "is", null).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Record the grade, once: false when it was already submitted. */
    async markSubmitted(tx: Executor, id: string, values: { submittedAt: string; score: number; maxScore: number; autoSubmitted: number }): Promise<boolean> {
      const result = await tx.updateTable("trainingAttempts").set(values).where("id", "=", id).where("submittedAt", "is", null).executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await touchAttemptFacts(tx, id);
      return true;
    },

    async answers(attemptId: string, tx: Executor = db): Promise<AnswerRow[]> {
      return tx.selectFrom("trainingAnswers").selectAll().where("attemptId", "=", attemptId).execute();
    },

    /** Save an answer over the previous one (the last to arrive wins). */
    async upsertAnswer(tx: Executor, row: AnswerRow): Promise<void> {
      await tx
        .insertInto("trainingAnswers")
        .values(row)
        .onConflict((oc) => oc.columns(["attemptId", "questionId"]).doUpdateSet({ response: row.response, savedAt: row.savedAt, correct: null, points: null }))
        .execute();
    },

    async gradeAnswer(tx: Executor, attemptId: string, questionId: string, correct: boolean, points: number): Promise<void> {
      await tx.updateTable("trainingAnswers").set({ correct: correct ? 1 : 0, points }).where("attemptId", "=", attemptId).where("questionId", "=", questionId).execute();
    },

    /** Open attempts whose deadline passed before `cutoff` (ISO), oldest first. */
    async expiredIds(cutoff: string, limit: number, tx: Executor = db): Promise<string[]> {
      const rows = await tx
        .selectFrom("trainingAttempts")
        .select("id")
        .where("submittedAt", "is", null)
        .where("deadlineAt", "is not", null)
        .where("deadlineAt", "<", cutoff)
        .orderBy("deadlineAt")
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },

    /** The enrolment an attempt belongs to, with the trainee's names. */
    async enrolmentOf(enrolmentId: string, tx: Executor = db) {
      return tx
        .selectFrom("trainingEnrolments as e")
        .innerJoin("people as p", "p.id", "e.personId")
        .select(["e.id", "e.programmeId", "e.personId", "e.userId", "e.organisationId", "e.status", "p.nameAr", "p.nameEn"])
        .where("e.id", "=", enrolmentId)
        .executeTakeFirst();
    },
  };
}

export type AttemptsRepository = ReturnType<typeof attemptsRepository>;
