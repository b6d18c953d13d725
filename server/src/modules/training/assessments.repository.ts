import type { Kysely, Updateable } from "kysely";
import type { Dialect } from "../../db/database.js";
import type { DB, TrainingAssessmentTable } from "../../db/schema.js";
import type { Executor } from "../admin/audit.repository.js";
import { touchAssessmentFacts } from "./facts-version.js";

export type AssessmentRow = TrainingAssessmentTable;

export interface AssessmentQuestionRow {
  assessmentId: string;
  id: string;
  position: number;
  kind: string;
  textAr: string;
  textEn: string;
  points: number;
}

/** The pre- and post-test of a programme and their questions (Kysely only). */
export function assessmentsRepository(db: Kysely<DB>, dialect: Dialect) {
  return {
    async findByProgramme(programmeId: string, tx: Executor = db): Promise<AssessmentRow[]> {
      return tx.selectFrom("trainingAssessments").selectAll().where("programmeId", "=", programmeId).execute();
    },

    async findByKind(programmeId: string, kind: string, tx: Executor = db): Promise<AssessmentRow | undefined> {
      return tx.selectFrom("trainingAssessments").selectAll().where("programmeId", "=", programmeId).where("kind", "=", kind).executeTakeFirst();
    },

    /**
     * The test, held against changes until the transaction ends (PostgreSQL: a shared row lock, so
     * trainees starting at once do not wait for each other but a manager's change waits for them;
     * SQLite runs one transaction at a time).
     */
    async findForShare(tx: Executor, id: string): Promise<AssessmentRow | undefined> {
      const q = tx.selectFrom("trainingAssessments").selectAll().where("id", "=", id);
      return (dialect === "postgres" ? q.forShare() : q).executeTakeFirst();
    },

    /** Create the programme's test of `kind` unless it exists (two managers saving at once get one). */
    async createIfAbsent(tx: Executor, row: AssessmentRow): Promise<void> {
      await tx.insertInto("trainingAssessments").values(row).onConflict((oc) => oc.columns(["programmeId", "kind"]).doNothing()).execute();
    },

    /** Update when the version is still `version` (takes the row's lock); returns whether it was. */
    async update(tx: Executor, id: string, version: number, values: Updateable<AssessmentRow>): Promise<boolean> {
      const result = await tx.updateTable("trainingAssessments").set({ ...values, version: version + 1 }).where("id", "=", id).where("version", "=", version).executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      // Publishing the post-test makes its score a requirement.
      await touchAssessmentFacts(tx, id);
      return true;
    },

    /** The questions of tests, in order. */
    async questionsOf(assessmentIds: readonly string[], tx: Executor = db): Promise<AssessmentQuestionRow[]> {
      if (assessmentIds.length === 0) return [];
      return tx
        .selectFrom("trainingAssessmentQuestions as aq")
        .innerJoin("trainingQuestions as q", "q.id", "aq.questionId")
        .select(["aq.assessmentId", "q.id", "aq.position", "q.kind", "q.textAr", "q.textEn", "q.points"])
        .where("aq.assessmentId", "in", [...assessmentIds])
        .orderBy("aq.assessmentId")
        .orderBy("aq.position")
        .execute();
    },

    async replaceQuestions(tx: Executor, assessmentId: string, questionIds: readonly string[]): Promise<void> {
      await tx.deleteFrom("trainingAssessmentQuestions").where("assessmentId", "=", assessmentId).execute();
      if (questionIds.length === 0) return;
      await tx.insertInto("trainingAssessmentQuestions").values(questionIds.map((questionId, i) => ({ assessmentId, questionId, position: i + 1 }))).execute();
    },

    /** Attempts started and submitted, per test. */
    async attemptCounts(assessmentIds: readonly string[], tx: Executor = db): Promise<Map<string, { started: number; submitted: number }>> {
      if (assessmentIds.length === 0) return new Map();
      const rows = await tx
        .selectFrom("trainingAttempts")
        .select((eb) => ["assessmentId", eb.fn.countAll<number | string>().as("started"), eb.fn.count<number | string>("submittedAt").as("submitted")])
        .where("assessmentId", "in", [...assessmentIds])
        .groupBy("assessmentId")
        .execute();
      return new Map(rows.map((r) => [r.assessmentId, { started: Number(r.started), submitted: Number(r.submitted) }]));
    },

    async hasAttempts(assessmentId: string, tx: Executor = db): Promise<boolean> {
      const row = await tx.selectFrom("trainingAttempts").select("id").where("assessmentId", "=", assessmentId).limit(1).executeTakeFirst();
      return row !== undefined;
    },
  };
}

export type AssessmentsRepository = ReturnType<typeof assessmentsRepository>;
