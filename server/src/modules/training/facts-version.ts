import { sql } from "kysely";
import type { Executor } from "../admin/audit.repository.js";

/**
 * A programme's facts version: a counter on the programme row, incremented in the same transaction
 * as every write that changes what its results are computed from — enrolments, submitted tests,
 * survey answers, its tests' settings, the workshops it is delivered by and their attendance. The
 * results cache (results-cache.ts) compares it on each request, so a write on any app node is seen
 * by every node at once.
 *
 * Writers call these from their repositories (training's and events' attendance); a new writer of
 * those tables must too.
 */
const bump = { factsVersion: sql<number>`facts_version + 1` };

/** The programme's facts changed. */
export async function touchProgrammeFacts(tx: Executor, programmeId: string): Promise<void> {
  await tx.updateTable("trainingProgrammes").set(bump).where("id", "=", programmeId).execute();
}

/** The facts of the programme of this enrolment changed. */
export async function touchEnrolmentFacts(tx: Executor, enrolmentId: string): Promise<void> {
  await tx
    .updateTable("trainingProgrammes")
    .set(bump)
    .where("id", "in", (eb) => eb.selectFrom("trainingEnrolments").select("programmeId").where("id", "=", enrolmentId))
    .execute();
}

/** Attendance at these events changed: the facts of every programme they deliver changed. */
export async function touchEventFacts(tx: Executor, eventIds: readonly string[]): Promise<void> {
  if (eventIds.length === 0) return;
  await tx
    .updateTable("trainingProgrammes")
    .set(bump)
    .where("id", "in", (eb) => eb.selectFrom("trainingProgrammeEvents").select("programmeId").where("eventId", "in", [...new Set(eventIds)]))
    .execute();
}

/** The facts of the programme of this attempt changed (it was submitted). */
export async function touchAttemptFacts(tx: Executor, attemptId: string): Promise<void> {
  await tx
    .updateTable("trainingProgrammes")
    .set(bump)
    .where("id", "in", (eb) => eb.selectFrom("trainingAttempts").select("programmeId").where("id", "=", attemptId))
    .execute();
}

/** The facts of the programme of this test changed (published or withdrawn: the post-test's score is required or not). */
export async function touchAssessmentFacts(tx: Executor, assessmentId: string): Promise<void> {
  await tx
    .updateTable("trainingProgrammes")
    .set(bump)
    .where("id", "in", (eb) => eb.selectFrom("trainingAssessments").select("programmeId").where("id", "=", assessmentId))
    .execute();
}
