import type { Kysely, Updateable } from "kysely";
import type { DB, TrainingQuestionTable } from "../../db/schema.js";
import type { Executor } from "../admin/audit.repository.js";

export type QuestionRow = TrainingQuestionTable;

/** The question bank of a programme (Kysely only). */
export function questionsRepository(db: Kysely<DB>) {
  return {
    async listByProgramme(programmeId: string, includeArchived: boolean, tx: Executor = db): Promise<QuestionRow[]> {
      let q = tx.selectFrom("trainingQuestions").selectAll().where("programmeId", "=", programmeId);
      if (!includeArchived) q = q.where("archivedAt", "is", null);
      return q.orderBy("position").orderBy("createdAt").orderBy("id").execute();
    },

    async findById(id: string, tx: Executor = db): Promise<QuestionRow | undefined> {
      return tx.selectFrom("trainingQuestions").selectAll().where("id", "=", id).executeTakeFirst();
    },

    async findByIds(ids: readonly string[], tx: Executor = db): Promise<QuestionRow[]> {
      if (ids.length === 0) return [];
      return tx.selectFrom("trainingQuestions").selectAll().where("id", "in", [...ids]).execute();
    },

    async nextPosition(programmeId: string, tx: Executor = db): Promise<number> {
      const row = await tx.selectFrom("trainingQuestions").select((eb) => eb.fn.max("position").as("max")).where("programmeId", "=", programmeId).executeTakeFirst();
      return Number(row?.max ?? 0) + 1;
    },

    async create(tx: Executor, row: QuestionRow): Promise<void> {
      await tx.insertInto("trainingQuestions").values(row).execute();
    },

    /** Update when the version is still `version`; returns whether it was. */
    async update(tx: Executor, id: string, version: number, values: Updateable<QuestionRow>): Promise<boolean> {
      const result = await tx.updateTable("trainingQuestions").set({ ...values, version: version + 1 }).where("id", "=", id).where("version", "=", version).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async archive(tx: Executor, id: string, now: string): Promise<void> {
      await tx.updateTable("trainingQuestions").set((eb) => ({ archivedAt: now, updatedAt: now, version: eb("version", "+", 1) })).where("id", "=", id).execute();
    },

    async setPosition(tx: Executor, id: string, position: number): Promise<void> {
      await tx.updateTable("trainingQuestions").set({ position }).where("id", "=", id).execute();
    },

    /**
     * Which of `ids` are in use: answered in some attempt, or part of a test trainees have started
     * (their attempts froze it; its grading must not change under them).
     */
    async inUse(ids: readonly string[], tx: Executor = db): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const [answered, started] = await Promise.all([
        tx.selectFrom("trainingAnswers").select("questionId").distinct().where("questionId", "in", [...ids]).execute(),
        tx
          .selectFrom("trainingAssessmentQuestions as aq")
          .select("aq.questionId")
          .distinct()
          .where("aq.questionId", "in", [...ids])
          .where((eb) => eb.exists(eb.selectFrom("trainingAttempts as t").select("t.id").whereRef("t.assessmentId", "=", "aq.assessmentId")))
          .execute(),
      ]);
      return new Set([...answered, ...started].map((r) => r.questionId));
    },

    /** The tests each question is part of. */
    async usage(programmeId: string, tx: Executor = db): Promise<Array<{ questionId: string; kind: string; assessmentId: string }>> {
      return tx
        .selectFrom("trainingAssessmentQuestions as aq")
        .innerJoin("trainingAssessments as a", "a.id", "aq.assessmentId")
        .select(["aq.questionId", "a.kind", "a.id as assessmentId"])
        .where("a.programmeId", "=", programmeId)
        .execute();
    },

    /** The tests a question is part of, and whether each has attempts (its list is locked). */
    async testsOf(questionId: string, tx: Executor = db): Promise<Array<{ assessmentId: string; locked: boolean }>> {
      const rows = await tx
        .selectFrom("trainingAssessmentQuestions as aq")
        .select(["aq.assessmentId", (eb) => eb.exists(eb.selectFrom("trainingAttempts as t").select("t.id").whereRef("t.assessmentId", "=", "aq.assessmentId")).as("locked")])
        .where("aq.questionId", "=", questionId)
        .execute();
      return rows.map((r) => ({ assessmentId: r.assessmentId, locked: Boolean(r.locked) }));
    },

    async removeFromTest(tx: Executor, assessmentId: string, questionId: string): Promise<void> {
      await tx.deleteFrom("trainingAssessmentQuestions").where("assessmentId", "=", assessmentId).where("questionId", "=", questionId).execute();
    },
  };
}

export type QuestionsRepository = ReturnType<typeof questionsRepository>;
